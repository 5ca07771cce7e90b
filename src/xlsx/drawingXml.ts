/**
 * The package plumbing that puts our charts on a sheet (ECMA-376 Part 1 §20.5, Part 2 OPC): a drawing part with
 * one anchor per chart, the drawing's relationships to its chart parts, the sheet's relationship to the drawing,
 * the sheet's <drawing r:id> element at its place in CT_Worksheet's sequence, and content types for the new
 * parts. All of it is text in, text out, so ./finish.ts can apply it to the parts excelize saved.
 */
import type { ChartRecord } from "./chartXml";
import { NS_CHART, NS_DRAWINGML, NS_RELATIONSHIPS } from "./chartXml";
import { XlsxError } from "./excelize";
import { attr, parseRelationships, type Relationship } from "./parts";
import { xmlEscape } from "./zip";

export const REL_DRAWING = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
export const REL_CHART = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
export const CONTENT_TYPE_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CONTENT_TYPE_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const NS_PACKAGE_RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships";
const NS_SPREADSHEET_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

/** English Metric Units per point (914,400 per inch, 72 points per inch). */
export const EMU_PER_POINT = 12700;

/**
 * The children of <worksheet> in the order CT_Worksheet requires (ECMA-376 Part 1 §18.3.1.99, plus drawingHF of
 * the 2010 extension, which Excel writes after legacyDrawingHF). Excel refuses a sheet whose children are out of
 * order.
 */
export const WORKSHEET_CHILD_ORDER = [
  "sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols", "sheetData", "sheetCalcPr", "sheetProtection",
  "protectedRanges", "scenarios", "autoFilter", "sortState", "dataConsolidate", "customSheetViews", "mergeCells",
  "phoneticPr", "conditionalFormatting", "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup",
  "headerFooter", "rowBreaks", "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing",
  "legacyDrawing", "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts",
  "extLst",
] as const;

const AFTER_DRAWING = new Set<string>(WORKSHEET_CHILD_ORDER.slice(WORKSHEET_CHILD_ORDER.indexOf("drawing") + 1));

/** One graphic frame holding the chart `relId` of the drawing's relationships. */
function anchorXml(c: ChartRecord, relId: string, shapeId: number): string {
  const cx = Math.round(c.width * EMU_PER_POINT);
  const cy = Math.round(c.height * EMU_PER_POINT);
  // A one-cell anchor: the chart's top-left corner sits on its cell and its size is exactly the spec's, whatever
  // the row heights of the program that opens it (Excel's 15 pt, CJK fonts' taller rows, LibreOffice's 12.8 pt).
  // The name is the chart's name in Excel; the title doubles as its alt text for screen readers.
  return (
    "<xdr:oneCellAnchor>" +
    `<xdr:from><xdr:col>${c.anchor.col - 1}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${c.anchor.row - 1}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>` +
    `<xdr:ext cx="${cx}" cy="${cy}"/>` +
    '<xdr:graphicFrame macro="">' +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${xmlEscape(c.name)}" descr="${xmlEscape(c.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${NS_CHART}"><c:chart r:id="${relId}"/></a:graphicData></a:graphic>` +
    "</xdr:graphicFrame>" +
    // printed with the sheet (Excel's "Print object"), moved with its cell
    '<xdr:clientData fLocksWithSheet="1" fPrintsWithSheet="1"/>' +
    "</xdr:oneCellAnchor>"
  );
}

/** The drawing part of a sheet: one anchor per chart, chart i under relationship id relIds[i]. */
export function drawingPartXml(charts: readonly ChartRecord[], relIds: readonly string[]): string {
  const anchors = charts.map((c, i) => anchorXml(c, relIds[i], i + 2)).join("");
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS_SPREADSHEET_DRAWING}" xmlns:a="${NS_DRAWINGML}" xmlns:c="${NS_CHART}" xmlns:r="${NS_RELATIONSHIPS}">${anchors}</xdr:wsDr>`
  );
}

/** A relationships part. */
export function relationshipsXml(rels: readonly Relationship[]): string {
  const items = rels
    .map((r) => `<Relationship Id="${xmlEscape(r.id)}" Type="${xmlEscape(r.type)}" Target="${xmlEscape(r.target)}"${r.external ? ' TargetMode="External"' : ""}/>`)
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS_PACKAGE_RELATIONSHIPS}">${items}</Relationships>`;
}

/** The first "rIdN" not among `taken`, counting on from the highest N in use. */
export function nextRelationshipId(taken: Iterable<string>): string {
  const ids = new Set(taken);
  let n = 0;
  for (const id of ids) {
    const m = /^rId(\d+)$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let id = `rId${n + 1}`;
  for (let k = n + 2; ids.has(id); k++) id = `rId${k}`;
  return id;
}

/**
 * Adds a relationship to a relationships part (or a new part when `xml` is undefined), keeping what is there;
 * returns the part and the new relationship's id.
 */
export function addRelationship(xml: string | undefined, type: string, target: string): { xml: string; id: string } {
  if (xml === undefined) return { xml: relationshipsXml([{ id: "rId1", type, target }]), id: "rId1" };
  const id = nextRelationshipId(parseRelationships(xml).map((r) => r.id));
  const close = xml.lastIndexOf("</");
  const item = `<Relationship Id="${id}" Type="${xmlEscape(type)}" Target="${xmlEscape(target)}"/>`;
  if (close >= 0 && /^<\/(?:\w+:)?Relationships\s*>/.test(xml.slice(close))) {
    const prefix = /^<\/(\w+:)?/.exec(xml.slice(close))?.[1] ?? "";
    return { xml: `${xml.slice(0, close)}${item.replace(/^<Relationship/, `<${prefix}Relationship`)}${xml.slice(close)}`, id };
  }
  const empty = /<((?:\w+:)?)Relationships\b([^>]*?)\/>/.exec(xml);
  if (empty) return { xml: `${xml.slice(0, empty.index)}<${empty[1]}Relationships${empty[2]}>${item.replace(/^<Relationship/, `<${empty[1]}Relationship`)}</${empty[1]}Relationships>${xml.slice(empty.index + empty[0].length)}`, id };
  throw new XlsxError("a relationships part of the saved file is not readable");
}

/** Start and end tags, comments, CDATA and processing instructions, attribute values quoted (they may hold ">"). */
const TAG = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<(\/?)([\w:.-]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/g;

/** Local name of a tag ("x:drawing" → "drawing"). */
function localName(qname: string): string {
  const i = qname.indexOf(":");
  return i < 0 ? qname : qname.slice(i + 1);
}

/** The direct children of the root element, by local name and offset (root's prefix as written). */
export function worksheetChildren(xml: string): { name: string; at: number }[] {
  const out: { name: string; at: number }[] = [];
  let depth = 0;
  TAG.lastIndex = 0;
  // sheetData holds every cell: it is skipped in one step rather than tag by tag
  for (let m = TAG.exec(xml); m; m = TAG.exec(xml)) {
    if (m[2] === undefined) continue;
    const closing = m[1] === "/";
    const selfClosing = m[4] === "/";
    if (closing) {
      depth--;
      continue;
    }
    if (depth === 1) {
      const name = localName(m[2]);
      out.push({ name, at: m.index });
      if (name === "sheetData" && !selfClosing) {
        const end = xml.indexOf(`</${m[2]}>`, TAG.lastIndex);
        if (end < 0) throw new XlsxError("a sheet part of the saved file has no end of sheetData");
        TAG.lastIndex = end + m[2].length + 3;
        continue;
      }
    }
    if (!selfClosing) depth++;
  }
  return out;
}

/**
 * Puts <drawing r:id="…"/> into a worksheet part, before the first child that CT_Worksheet places after it
 * (legacyDrawing of the notes, tableParts, extLst…), or at the end. A sheet already holding a drawing is an error:
 * a sheet has at most one.
 */
export function insertDrawingElement(sheetXml: string, relId: string, sheet: string): string {
  const children = worksheetChildren(sheetXml);
  if (children.some((c) => c.name === "drawing")) throw new XlsxError("the sheet already has a drawing part", { sheet });
  const root = /<([\w.-]+:)?worksheet\b([^>]*)>/.exec(sheetXml);
  if (!root) throw new XlsxError("the saved sheet part has no worksheet element", { sheet });
  const prefix = root[1] ?? "";
  const declaresR = new RegExp(`\\sxmlns:r\\s*=\\s*["']${NS_RELATIONSHIPS.replace(/[.]/g, "\\.")}["']`).test(root[2]);
  const element = `<${prefix}drawing${declaresR ? "" : ` xmlns:r="${NS_RELATIONSHIPS}"`} r:id="${xmlEscape(relId)}"/>`;
  const next = children.find((c) => AFTER_DRAWING.has(c.name));
  const at = next ? next.at : sheetXml.lastIndexOf(`</${prefix}worksheet`);
  if (at < 0) throw new XlsxError("the saved sheet part has no end of worksheet", { sheet });
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Removes the Override entries of parts that are no longer in the package. */
export function removeContentTypeOverrides(xml: string, partNames: ReadonlySet<string>): string {
  if (partNames.size === 0) return xml;
  const gone = new Set([...partNames].map((p) => p.toLowerCase()));
  return xml.replace(/<(?:\w+:)?Override\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Override>)/g, (tag) => (gone.has((attr(tag, "PartName") ?? "").toLowerCase()) ? "" : tag));
}

/** Adds Override entries to [Content_Types].xml for parts that have none yet. */
export function addContentTypeOverrides(xml: string, overrides: readonly { partName: string; contentType: string }[]): string {
  const have = new Set<string>();
  for (const m of xml.matchAll(/<(?:\w+:)?Override\b[^>]*>/g)) {
    const name = attr(m[0], "PartName");
    if (name !== undefined) have.add(name.toLowerCase());
  }
  const items = overrides
    .filter((o) => !have.has(o.partName.toLowerCase()))
    .map((o) => `<Override PartName="${xmlEscape(o.partName)}" ContentType="${xmlEscape(o.contentType)}"/>`)
    .join("");
  const close = xml.lastIndexOf("</Types>");
  if (close < 0) throw new XlsxError("the saved file's [Content_Types].xml is not readable");
  return xml.slice(0, close) + items + xml.slice(close);
}
