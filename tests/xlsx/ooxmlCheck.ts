/**
 * Checks of a written .xlsx package that do not need Excel: the package's wiring (every relationship target
 * exists, ids are unique per relationships part, every r:id a part uses is one of its relationships, every part
 * has a content type and is reachable from the package root, every XML part is well-formed) and the element
 * order of the parts we write against the sequences of the ECMA-376 schemas (Excel refuses a part whose children
 * are out of order; LibreOffice is lenient, so its tests cannot catch this).
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { WORKSHEET_CHILD_ORDER } from "../../src/xlsx/drawingXml";
import { resolveTarget } from "../../src/xlsx/parts";
import { entryText, readZip, xmlUnescape } from "../../src/xlsx/zip";

/** The text of every part, by name. */
export async function packageParts(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of readZip(bytes)) out.set(e.name, await entryText(e));
  return out;
}

function relsPartOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? xmlUnescape(m[1]) : undefined;
}

/** Content type of each part: its Override, else the Default of its extension. */
export function contentTypes(typesXml: string, parts: Iterable<string>): Map<string, string | undefined> {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const m of typesXml.matchAll(/<Default\b[^>]*>/g)) defaults.set(attr(m[0], "Extension")!.toLowerCase(), attr(m[0], "ContentType")!);
  for (const m of typesXml.matchAll(/<Override\b[^>]*>/g)) overrides.set(attr(m[0], "PartName")!.toLowerCase(), attr(m[0], "ContentType")!);
  const out = new Map<string, string | undefined>();
  for (const p of parts) out.set(p, overrides.get(`/${p}`.toLowerCase()) ?? defaults.get(p.slice(p.lastIndexOf(".") + 1).toLowerCase()));
  return out;
}

/** What is wrong with the package's wiring; empty when nothing. */
export function packageProblems(parts: Map<string, string>): string[] {
  const problems: string[] = [];
  const types = parts.get("[Content_Types].xml");
  if (types === undefined) return ["no [Content_Types].xml"];
  const typeOf = contentTypes(types, [...parts.keys()].filter((p) => p !== "[Content_Types].xml"));
  for (const [p, t] of typeOf) if (t === undefined) problems.push(`${p} has no content type`);
  for (const [p, text] of parts) {
    if (!/\.(xml|rels|vml)$/.test(p)) continue;
    const valid = XMLValidator.validate(text);
    if (valid !== true) problems.push(`${p} is not well-formed: ${valid.err.msg}`);
  }
  // relationships: unique ids, existing targets, every r:id used by the source part defined
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.shift()!;
    const relsName = source === "" ? "_rels/.rels" : relsPartOf(source);
    const rels = parts.get(relsName);
    const ids = new Set<string>();
    if (rels !== undefined) {
      for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
        const id = attr(m[0], "Id")!;
        if (ids.has(id)) problems.push(`${relsName}: relationship id ${id} is used twice`);
        ids.add(id);
        if (attr(m[0], "TargetMode") === "External") continue;
        const target = resolveTarget(source, attr(m[0], "Target")!);
        if (!parts.has(target)) problems.push(`${relsName}: ${id} points to ${target}, which is not in the package`);
        else if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    const text = source === "" ? undefined : parts.get(source);
    if (text !== undefined) {
      for (const m of text.matchAll(/\sr:(?:id|embed|link|pict)="([^"]*)"/g)) {
        if (!ids.has(m[1])) problems.push(`${source} uses r:id ${m[1]}, which ${relsName} does not define`);
      }
    }
  }
  for (const p of parts.keys()) {
    if (p === "[Content_Types].xml" || p.endsWith(".rels")) continue;
    if (!reached.has(p)) problems.push(`${p} is not reachable from the package's relationships`);
  }
  return problems;
}

// ---- element order ---------------------------------------------------------------------------------------------

const PLOTS = ["c:areaChart", "c:area3DChart", "c:lineChart", "c:line3DChart", "c:stockChart", "c:radarChart", "c:scatterChart", "c:pieChart", "c:pie3DChart", "c:doughnutChart", "c:barChart", "c:bar3DChart", "c:ofPieChart", "c:surfaceChart", "c:surface3DChart", "c:bubbleChart"];
const AXES = ["c:valAx", "c:catAx", "c:dateAx", "c:serAx"];
const ANCHORED = ["xdr:sp", "xdr:grpSp", "xdr:graphicFrame", "xdr:cxnSp", "xdr:pic", "xdr:contentPart"];
const AX_SHARED = ["c:axId", "c:scaling", "c:delete", "c:axPos", "c:majorGridlines", "c:minorGridlines", "c:title", "c:numFmt", "c:majorTickMark", "c:minorTickMark", "c:tickLblPos", "c:spPr", "c:txPr", "c:crossAx", ["c:crosses", "c:crossesAt"]];
const SER_SHARED = ["c:idx", "c:order", "c:tx", "c:spPr"];

/** Sequences of the schema (an inner array is a choice: its members share one place), by element or parent>element. */
const SEQUENCES: Record<string, (string | string[])[]> = {
  "c:chartSpace": ["c:date1904", "c:lang", "c:roundedCorners", "mc:AlternateContent", "c:style", "c:clrMapOvr", "c:pivotSource", "c:protection", "c:chart", "c:spPr", "c:txPr", "c:externalData", "c:printSettings", "c:userShapes", "c:extLst"],
  "c:chartSpace>c:chart": ["c:title", "c:autoTitleDeleted", "c:pivotFmts", "c:view3D", "c:floor", "c:sideWall", "c:backWall", "c:plotArea", "c:legend", "c:plotVisOnly", "c:dispBlanksAs", "c:showDLblsOverMax", "c:extLst"],
  "c:title": ["c:tx", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "c:title>c:tx": [["c:strRef", "c:rich"]],
  "c:rich": ["a:bodyPr", "a:lstStyle", "a:p"],
  "c:plotArea": ["c:layout", PLOTS, AXES, "c:dTable", "c:spPr", "c:extLst"],
  "c:pieChart": ["c:varyColors", "c:ser", "c:dLbls", "c:firstSliceAng", "c:extLst"],
  "c:barChart": ["c:barDir", "c:grouping", "c:varyColors", "c:ser", "c:dLbls", "c:gapWidth", "c:overlap", "c:serLines", "c:axId", "c:extLst"],
  "c:pieChart>c:ser": [...SER_SHARED, "c:explosion", "c:dPt", "c:dLbls", "c:cat", "c:val", "c:extLst"],
  "c:barChart>c:ser": [...SER_SHARED, "c:invertIfNegative", "c:pictureOptions", "c:dPt", "c:dLbls", "c:trendline", "c:errBars", "c:cat", "c:val", "c:shape", "c:extLst"],
  "c:ser>c:tx": [["c:strRef", "c:v"]],
  "c:dLbls": ["c:dLbl", "c:numFmt", "c:spPr", "c:txPr", "c:dLblPos", "c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent", "c:showBubbleSize", "c:separator", "c:showLeaderLines", "c:leaderLines", "c:extLst"],
  "c:cat": [["c:multiLvlStrRef", "c:numRef", "c:numLit", "c:strRef", "c:strLit"]],
  "c:val": [["c:numRef", "c:numLit"]],
  "c:strRef": ["c:f", "c:strCache", "c:extLst"],
  "c:numRef": ["c:f", "c:numCache", "c:extLst"],
  "c:strCache": ["c:ptCount", "c:pt", "c:extLst"],
  "c:numCache": ["c:formatCode", "c:ptCount", "c:pt", "c:extLst"],
  "c:pt": ["c:v"],
  "c:catAx": [...AX_SHARED, "c:auto", "c:lblAlgn", "c:lblOffset", "c:tickLblSkip", "c:tickMarkSkip", "c:noMultiLvlLbl", "c:extLst"],
  "c:valAx": [...AX_SHARED, "c:crossBetween", "c:majorUnit", "c:minorUnit", "c:dispUnits", "c:extLst"],
  "c:scaling": ["c:logBase", "c:orientation", "c:max", "c:min", "c:extLst"],
  "c:legend": ["c:legendPos", "c:legendEntry", "c:layout", "c:overlay", "c:spPr", "c:txPr", "c:extLst"],
  "xdr:wsDr": [["xdr:twoCellAnchor", "xdr:oneCellAnchor", "xdr:absoluteAnchor"]],
  "xdr:oneCellAnchor": ["xdr:from", "xdr:ext", ANCHORED, "xdr:clientData"],
  "xdr:twoCellAnchor": ["xdr:from", "xdr:to", ANCHORED, "xdr:clientData"],
  "xdr:from": ["xdr:col", "xdr:colOff", "xdr:row", "xdr:rowOff"],
  "xdr:graphicFrame": ["xdr:nvGraphicFramePr", "xdr:xfrm", "a:graphic", "xdr:extLst"],
  "xdr:nvGraphicFramePr": ["xdr:cNvPr", "xdr:cNvGraphicFramePr"],
  "xdr:xfrm": ["a:off", "a:ext"],
  worksheet: [...WORKSHEET_CHILD_ORDER],
};

/** Children each element must have. */
const REQUIRED: Record<string, string[]> = {
  "c:chartSpace": ["c:chart"],
  "c:chartSpace>c:chart": ["c:plotArea"],
  "c:ser": ["c:idx", "c:order"],
  "c:barChart": ["c:barDir", "c:axId"],
  "c:catAx": ["c:axId", "c:scaling", "c:axPos", "c:crossAx"],
  "c:valAx": ["c:axId", "c:scaling", "c:axPos", "c:crossAx"],
  "c:dLbls": ["c:showLegendKey", "c:showVal", "c:showCatName", "c:showSerName", "c:showPercent", "c:showBubbleSize"],
  "c:strRef": ["c:f"],
  "c:numRef": ["c:f"],
  "xdr:oneCellAnchor": ["xdr:from", "xdr:ext", "xdr:clientData"],
  "xdr:graphicFrame": ["xdr:nvGraphicFramePr", "xdr:xfrm", "a:graphic"],
  worksheet: ["sheetData"],
};

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false });

function tagOf(node: Node): string | undefined {
  return Object.keys(node).find((k) => k !== ":@" && k !== "#text" && !k.startsWith("?"));
}

/** Children out of the schema's order, unknown children and missing required ones, in the elements listed above. */
export function elementOrderProblems(xml: string, part: string): string[] {
  const problems: string[] = [];
  const walk = (nodes: Node[], parent: string, path: string) => {
    for (const node of nodes) {
      const tag = tagOf(node);
      if (!tag) continue;
      const children = node[tag] as Node[];
      const here = `${path}/${tag}`;
      const seq = SEQUENCES[`${parent}>${tag}`] ?? SEQUENCES[tag];
      const names = children.map(tagOf).filter((t): t is string => t !== undefined);
      if (seq) {
        const rank = (n: string) => seq.findIndex((s) => (Array.isArray(s) ? s.includes(n) : s === n));
        let last = -1;
        for (const n of names) {
          const r = rank(n);
          if (r < 0) problems.push(`${part}: ${here} has an element ${n} the schema does not allow there`);
          else if (r < last) problems.push(`${part}: ${here}: ${n} comes after an element the schema puts after it`);
          else last = r;
        }
      }
      for (const req of REQUIRED[`${parent}>${tag}`] ?? REQUIRED[tag] ?? []) if (!names.includes(req)) problems.push(`${part}: ${here} lacks ${req}`);
      if (tag === "c:barChart" && names.filter((n) => n === "c:axId").length !== 2) problems.push(`${part}: ${here} needs exactly two axId`);
      walk(children, tag, here);
    }
  };
  walk(parser.parse(xml) as Node[], "", "");
  return problems;
}
