/**
 * What a workbook file says, independent of how its parts are numbered and spelled: for comparing the file
 * excelize writes with the one src/xlsx/packageWriter.ts writes (tests/xlsx/packageWriter.test.ts).
 *
 * Per sheet, in workbook order: every cell's value, formula and resolved format (number format code, font, fill,
 * border, alignment — styles.xml followed through cellXfs, ECMA-376 §18.8.10), and every other child of the
 * worksheet parsed to an object with its relationship ids replaced by what they lead to (a table's content, a
 * chart's XML, a link's target, the notes' texts) and differential formats by their content. Booleans "true"/"1"
 * and "false"/"0" are one value (xsd:boolean, §22.9.2.1 ST_OnOff... as both writers use either).
 * Workbook-wide: sheet order, the tab shown first, defined names with their scope as a sheet name, fullCalcOnLoad.
 */
import { XMLParser } from "fast-xml-parser";
import { attr, parseRelationships, relsPathOf, resolveTarget, sheetPartPaths, workbookPart } from "../../src/xlsx/parts";
import { parseSharedStrings, parseSheetCells } from "../../src/xlsx/sheetData";
import { entryText, readZip, xmlUnescape } from "../../src/xlsx/zip";
import type { ZipEntry } from "../../src/xlsx/zip";

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", parseAttributeValue: false, parseTagValue: false, trimValues: false, isArray: (_name: string, _path: unknown, _leaf: boolean, isAttribute: boolean) => !isAttribute });

type Json = unknown;

function normalize(v: Json): Json {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === "object") {
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, Json>)) {
      if (k.startsWith("@xmlns")) continue;
      out[k] = normalize(x);
    }
    return out;
  }
  if (v === "true") return "1";
  if (v === "false") return "0";
  return typeof v === "string" ? xmlUnescape(v) : v;
}

/** A cell format as its parts say it (font size 11, Calibri's default, counts as none). */
export interface ResolvedFormat {
  numberFormat?: string;
  bold?: true;
  italic?: true;
  color?: string;
  fontSize?: number;
  fill?: string;
  border?: true;
  horizontal?: string;
  vertical?: string;
  wrap?: true;
}

const on = (el: Record<string, Json[]> | undefined, tag: string): boolean => {
  const x = el?.[tag]?.[0] as Record<string, string> | undefined;
  return x !== undefined && x["@val"] !== "0" && x["@val"] !== "false";
};
const rgb = (c: Json): string | undefined => {
  const v = (c as Record<string, string>[] | undefined)?.[0]?.["@rgb"];
  return v ? `#${v.slice(-6).toUpperCase()}` : undefined;
};

function fontOf(f: Record<string, Json[]> | undefined): Pick<ResolvedFormat, "bold" | "italic" | "color" | "fontSize"> {
  const out: Pick<ResolvedFormat, "bold" | "italic" | "color" | "fontSize"> = {};
  if (on(f, "b")) out.bold = true;
  if (on(f, "i")) out.italic = true;
  const color = rgb(f?.color);
  if (color) out.color = color;
  const sz = Number((f?.sz?.[0] as Record<string, string> | undefined)?.["@val"] ?? 11);
  if (sz !== 11) out.fontSize = sz;
  return out;
}

function stylesOf(xml: string | undefined): { cell: (s: number) => ResolvedFormat; dxf: (i: number) => Json } {
  if (!xml) return { cell: () => ({}), dxf: () => undefined };
  const ss = (parser.parse(xml).styleSheet as Record<string, Json[]>[])[0];
  const list = (tag: string, item: string) => ((ss[tag]?.[0] as Record<string, Json[]> | undefined)?.[item] ?? []) as Record<string, Json[]>[];
  const numFmts = new Map(list("numFmts", "numFmt").map((n) => [Number((n as unknown as Record<string, string>)["@numFmtId"]), xmlUnescape((n as unknown as Record<string, string>)["@formatCode"])]));
  const fonts = list("fonts", "font");
  const fills = list("fills", "fill");
  const borders = list("borders", "border");
  const xfs = list("cellXfs", "xf");
  const dxfs = list("dxfs", "dxf");
  return {
    cell(s) {
      const xf = xfs[s] as unknown as Record<string, string> & { alignment?: Record<string, string>[] };
      if (!xf) throw new Error(`no cell format ${s}`);
      const out: ResolvedFormat = {};
      const id = Number(xf["@numFmtId"] ?? 0);
      if (id !== 0) out.numberFormat = numFmts.get(id) ?? `builtin:${id}`;
      Object.assign(out, fontOf(fonts[Number(xf["@fontId"] ?? 0)]));
      const pf = (fills[Number(xf["@fillId"] ?? 0)]?.patternFill?.[0] ?? {}) as Record<string, Json>;
      if (pf["@patternType"] === "solid") out.fill = rgb(pf.fgColor);
      const b = borders[Number(xf["@borderId"] ?? 0)] ?? {};
      if (["left", "right", "top", "bottom"].some((side) => (b[side]?.[0] as Record<string, string> | undefined)?.["@style"])) out.border = true;
      const al = xf.alignment?.[0] ?? {};
      if (al["@horizontal"]) out.horizontal = al["@horizontal"];
      if (al["@vertical"]) out.vertical = al["@vertical"];
      if (al["@wrapText"] === "1" || al["@wrapText"] === "true") out.wrap = true;
      return out;
    },
    dxf(i) {
      const d = dxfs[i];
      const font = fontOf(d?.font?.[0] as Record<string, Json[]> | undefined);
      const fill = rgb(((d?.fill?.[0] as Record<string, Json[]> | undefined)?.patternFill?.[0] as Record<string, Json> | undefined)?.bgColor);
      return { ...font, ...(fill ? { fill } : {}) };
    },
  };
}

export interface SheetModel {
  name: string;
  cells: Json;
  formulas: Record<string, string>;
  formats: Record<string, ResolvedFormat>;
  rowHeights: Record<string, string>;
  parts: Record<string, Json>;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  activeSheet: string;
  selectedTabs: string[];
  definedNames: Json[];
  fullCalcOnLoad: boolean;
}

/** Children of <worksheet> that say nothing about the content (the default row height excelize writes). */
const SKIPPED = new Set(["sheetData", "sheetFormatPr"]);

export async function workbookModel(bytes: Uint8Array): Promise<WorkbookModel> {
  const entries = readZip(bytes);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name, e]));
  const text = async (name: string) => {
    const e = byName.get(name);
    return e ? entryText(e) : undefined;
  };
  const rels = async (part: string) => {
    const x = await text(relsPathOf(part));
    return new Map((x ? parseRelationships(x) : []).map((r) => [r.id, r.external ? { external: r.target } : { part: resolveTarget(part, r.target) }]));
  };
  const wbPath = await workbookPart(entries);
  const wbXml = (await text(wbPath))!;
  const paths = await sheetPartPaths(entries);
  const names = [...paths.keys()];
  const sharedXml = await text("xl/sharedStrings.xml");
  const shared = sharedXml ? parseSharedStrings(sharedXml) : [];
  const styles = stylesOf(await text("xl/styles.xml"));

  const sheets: SheetModel[] = [];
  const selectedTabs: string[] = [];
  for (const [name, path] of paths) {
    const xml = (await text(path))!;
    const formulas = new Map<string, string>();
    const cells = parseSheetCells(xml, shared, formulas);
    const formats: Record<string, ResolvedFormat> = {};
    for (const m of xml.matchAll(/<c\b([^>]*?)(\/?)>/g)) {
      const s = attr(m[0], "s");
      const f = s === undefined ? {} : styles.cell(Number(s));
      if (Object.keys(f).length > 0) formats[attr(m[0], "r")!] = f;
    }
    const rowHeights: Record<string, string> = {};
    for (const m of xml.matchAll(/<row\b[^>]*>/g)) {
      const ht = attr(m[0], "ht");
      if (ht !== undefined) rowHeights[attr(m[0], "r")!] = String(Number(ht));
    }
    const sheetRels = await rels(path);
    const ws = (parser.parse(xml.replace(/<sheetData[\s\S]*<\/sheetData>|<sheetData\/>/, "")).worksheet as Record<string, Json[]>[])[0];
    const parts: Record<string, Json> = {};
    for (const [tag, value] of Object.entries(ws)) {
      if (tag.startsWith("@") || SKIPPED.has(tag)) continue;
      parts[tag] = await resolveChild(tag, normalize(value), sheetRels, text, styles.dxf);
    }
    // an empty sheetPr / pageSetUpPr says nothing
    const pr = (parts.sheetPr as Record<string, Json[]>[] | undefined)?.[0];
    if (pr) {
      const setUp = (pr.pageSetUpPr?.[0] as Record<string, string> | undefined) ?? {};
      if (setUp["@fitToPage"] !== "1") delete pr.pageSetUpPr;
      if (Object.keys(pr).length === 0) delete parts.sheetPr;
    }
    const view = (((parts.sheetViews as Record<string, Json[]>[] | undefined)?.[0]?.sheetView ?? []) as Record<string, string>[])[0];
    if (view?.["@tabSelected"] === "1") selectedTabs.push(name);
    if (view) delete view["@tabSelected"];
    sheets.push({ name, cells, formulas: Object.fromEntries(formulas), formats, rowHeights, parts });
  }

  const wb = (parser.parse(wbXml).workbook as Record<string, Json[]>[])[0];
  const activeTab = Number((((wb.bookViews?.[0] as Record<string, Json[]>)?.workbookView?.[0] as Record<string, string>) ?? {})["@activeTab"] ?? 0);
  const definedNames = (((wb.definedNames?.[0] as Record<string, Json[]>)?.definedName ?? []) as Record<string, string>[])
    .map((d) => ({
      name: d["@name"],
      scope: d["@localSheetId"] === undefined ? undefined : names[Number(d["@localSheetId"])],
      hidden: d["@hidden"] === "1" || d["@hidden"] === "true",
      ref: xmlUnescape(String(d["#text"] ?? "")),
    }))
    .sort((a, b) => `${a.name}|${a.scope}|${a.ref}`.localeCompare(`${b.name}|${b.scope}|${b.ref}`));
  const calc = ((wb.calcPr?.[0] as Record<string, string>) ?? {})["@fullCalcOnLoad"];
  return { sheets, activeSheet: names[activeTab], selectedTabs, definedNames, fullCalcOnLoad: calc === "1" || calc === "true" };
}

type Rels = Map<string, { part: string } | { external: string }>;

/** A worksheet child with r:id replaced by what it leads to and dxfId by the format's content. */
async function resolveChild(tag: string, value: Json, rels: Rels, text: (name: string) => Promise<string | undefined>, dxf: (i: number) => Json): Promise<Json> {
  const walk = async (v: Json): Promise<Json> => {
    if (Array.isArray(v)) return Promise.all(v.map(walk));
    if (!v || typeof v !== "object") return v;
    const out: Record<string, Json> = {};
    for (const [k, x] of Object.entries(v as Record<string, Json>)) {
      if (k === "@r:id") {
        const target = rels.get(x as string);
        if (!target) throw new Error(`no relationship ${JSON.stringify(x)} among ${JSON.stringify([...rels.keys()])}`);
        out.target = "external" in target ? target.external : await partContent(target.part, text);
      } else if (k === "@dxfId") out.dxf = dxf(Number(x));
      else if (k === "@priority") continue;
      else out[k] = await walk(x);
    }
    return out;
  };
  // the sheet's own relationship to its notes has no element of its own: the VML shapes stand for them
  if (tag === "legacyDrawing") {
    const notes = [...rels.values()].find((r): r is { part: string } => "part" in r && /comments\d*\.xml$/.test(r.part));
    return notes ? await partContent(notes.part, text) : undefined;
  }
  return walk(value);
}

/** What a part says: a table's definition, a drawing's anchors and charts, a comments part's notes by cell. */
async function partContent(part: string, text: (name: string) => Promise<string | undefined>): Promise<Json> {
  const xml = await text(part);
  if (xml === undefined) throw new Error(`no part ${part}`);
  if (/\/tables\/table\d+\.xml$/.test(part)) {
    const t = normalize((parser.parse(xml).table as Json[])[0]) as Record<string, Json>;
    delete t["@id"];
    return t;
  }
  if (/\/comments\d*\.xml$/.test(part)) {
    const out: Record<string, string> = {};
    for (const m of xml.matchAll(/<comment\b([^>]*)>([\s\S]*?)<\/comment>/g)) {
      out[attr(`<c${m[1]}>`, "ref")!] = [...m[2].matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((t) => xmlUnescape(t[1])).join("");
    }
    return out;
  }
  if (/\/drawings\/drawing\d+\.xml$/.test(part)) {
    const relsXml = await text(relsPathOf(part));
    const byId = new Map((relsXml ? parseRelationships(relsXml) : []).map((r) => [r.id, resolveTarget(part, r.target)]));
    const charts: Json[] = [];
    for (const m of xml.matchAll(/<c:chart\b[^>]*r:id="([^"]+)"/g)) charts.push(await text(byId.get(m[1])!));
    return { anchors: xml.replace(/r:id="[^"]*"/g, ""), charts };
  }
  return xml;
}
