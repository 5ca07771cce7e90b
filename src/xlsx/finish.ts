/**
 * Saving a workbook: excelize writes the package, then the parts it cannot write as we need are completed.
 *
 * - Sheet cells are ours (./cellsXml.ts): their rows go into the sheetData of the sheet part excelize saved,
 *   with the column widths and the used range of rendered specs.
 * - In a workbook made here, the sheet shown on opening is selected in the parts themselves.
 * - Charts are ours (./chartXml.ts, ./drawingXml.ts): each sheet with charts gets a drawing part, its chart parts,
 *   the relationships between them and the sheet, and their content types.
 * - A sheet of an opened workbook replaced by one of the same name leaves its drawings, charts and notes behind
 *   in excelize's package; parts no relationship leads to any more are dropped.
 * Parts we do not touch keep their compressed bytes — an opened workbook's own charts pass through as they were.
 */
import { chartPartXml } from "./chartXml";
import {
  addContentTypeOverrides,
  addRelationship,
  CONTENT_TYPE_CHART,
  CONTENT_TYPE_DRAWING,
  drawingPartXml,
  insertDrawingElement,
  REL_CHART,
  REL_DRAWING,
  relationshipsXml,
  removeContentTypeOverrides,
} from "./drawingXml";
import { check, writeToBytes, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";
import { parseRelationships, relativeTarget, relsPathOf, resolveTarget, sheetPartPaths, workbookPart } from "./parts";
import type { Relationship } from "./parts";
import { writeMarkers } from "./markers";
import { stateOf } from "./workbook";
import type { WorkbookState } from "./workbook";
import { entryText, makeEntry, packedBytes, packedIsEmpty, readZip, writeZip } from "./zip";
import type { ZipEntry } from "./zip";

const CONTENT_TYPES = "[Content_Types].xml";

export interface FinishOptions {
  /** Document title (File › Properties). */
  title?: string;
  /** Author shown in File › Properties; default "ClientBook". */
  creator?: string;
  /** Sheet shown when the file opens; default the first. */
  activeSheet?: string;
}

/**
 * Saves a workbook made with newWorkbook/openWorkbook: drops excelize's default sheet if nothing claimed it,
 * marks the file for recalculation on load when it has formulas, and returns the .xlsx bytes.
 */
export async function finishWorkbook(f: XlsxFile, opts: FinishOptions = {}): Promise<Uint8Array> {
  const st = stateOf(f);
  if (st.pendingDefault !== undefined && f.GetSheetList().list.length > 1) {
    check(f.DeleteSheet(st.pendingDefault), "removing the default sheet", { sheet: st.pendingDefault });
    st.pendingDefault = undefined;
  }
  const sheets = f.GetSheetList().list;
  const active = opts.activeSheet ?? st.addedSheets[0];
  let select: TabSelection | undefined;
  if (active !== undefined) {
    const index = sheets.indexOf(active);
    if (index < 0) throw new XlsxError("the sheet to show first is not in the workbook", { sheet: active });
    // excelize's SetActiveSheet looks every sheet up among all sheets (quadratic over a 5,000-sheet book); in a
    // workbook made here every sheet part is rewritten anyway, so the selection is written with them
    if (st.opened) check(f.SetActiveSheet(index), "selecting the first sheet", { sheet: active });
    else select = { index, sheet: active };
  }
  if (st.hasFormulas) check(f.SetCalcProps({ FullCalcOnLoad: true }), "marking the workbook for recalculation");
  check(f.SetDocProps({ Creator: opts.creator ?? "ClientBook", ...(opts.title ? { Title: opts.title } : {}) }), "setting document properties");
  const bytes = writeToBytes(f);
  if (st.cells.size === 0 && st.charts.size === 0 && st.replaced === 0 && select === undefined && st.marked.length === 0) return bytes;
  return patchParts(bytes, st, select);
}

/** The sheet shown when the file opens: its tab index and name. */
interface TabSelection {
  index: number;
  sheet: string;
}

/** A sheet part with its first sheetView selected or not (tabSelected), nothing else changed. */
export function selectTab(sheetXml: string, selected: boolean): string {
  const data = sheetXml.search(/<sheetData[\s/>]/);
  const end = data < 0 ? sheetXml.length : data;
  const view = /<sheetView\b[^>]*?(\/?)>/.exec(sheetXml.slice(0, end));
  if (!view) {
    if (!selected) return sheetXml;
    // CT_Worksheet: sheetPr, dimension, sheetViews
    const after = /<dimension\b[^>]*?(?:\/>|>\s*<\/dimension>)/.exec(sheetXml.slice(0, end)) ?? /<sheetPr\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetPr>)/.exec(sheetXml.slice(0, end)) ?? /<worksheet\b[^>]*>/.exec(sheetXml);
    if (!after) return sheetXml;
    const at = after.index + after[0].length;
    return `${sheetXml.slice(0, at)}<sheetViews><sheetView tabSelected="1" workbookViewId="0"/></sheetViews>${sheetXml.slice(at)}`;
  }
  const tag = view[0].replace(/\stabSelected="[^"]*"/, "");
  const next = selected ? tag.replace(/^<sheetView/, '<sheetView tabSelected="1"') : tag;
  return next === view[0] ? sheetXml : sheetXml.slice(0, view.index) + next + sheetXml.slice(view.index + view[0].length);
}

/** The workbook part with `index` as its active tab. */
export function setActiveTab(workbookXml: string, index: number): string {
  const view = /<workbookView\b[^>]*?(\/?)>/.exec(workbookXml);
  if (!view) {
    const sheets = workbookXml.search(/<sheets[\s>]/);
    if (sheets < 0) throw new XlsxError("the saved workbook part has no sheets");
    return `${workbookXml.slice(0, sheets)}<bookViews><workbookView activeTab="${index}"/></bookViews>${workbookXml.slice(sheets)}`;
  }
  const tag = view[0].replace(/\sactiveTab="[^"]*"/, "").replace(/^<workbookView/, `<workbookView activeTab="${index}"`);
  return workbookXml.slice(0, view.index) + tag + workbookXml.slice(view.index + view[0].length);
}

/** The highest N among parts named like `pattern` (its one group is N), 0 when none. */
function highestNumber(entries: readonly ZipEntry[], pattern: RegExp): number {
  let n = 0;
  for (const e of entries) {
    const m = pattern.exec(e.name);
    if (m) n = Math.max(n, Number(m[1]));
  }
  return n;
}

async function patchParts(bytes: Uint8Array, st: WorkbookState, select?: TabSelection): Promise<Uint8Array> {
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e, i) => [e.name, i]));
  const replaced = new Map<number, ZipEntry>();
  const added: ZipEntry[] = [];
  const encoder = new TextEncoder();
  const put = async (name: string, content: string | Uint8Array) => {
    const i = byName.get(name);
    const entry = await makeEntry(name, typeof content === "string" ? encoder.encode(content) : content, i === undefined ? undefined : entries[i]);
    if (i === undefined) {
      byName.set(name, entries.length + added.length);
      added.push(entry);
    } else if (i < entries.length) replaced.set(i, entry);
    else added[i - entries.length] = entry;
  };
  const text = async (name: string) => {
    const i = byName.get(name);
    if (i === undefined) return undefined;
    return entryText(i < entries.length ? (replaced.get(i) ?? entries[i]) : added[i - entries.length]);
  };

  // new drawings and charts are numbered after every one already in the package (an opened workbook's own)
  let drawingNo = highestNumber(entries, /^xl\/drawings\/(?:_rels\/)?drawing(\d+)\.xml(?:\.rels)?$/);
  let chartNo = highestNumber(entries, /^xl\/charts\/(?:_rels\/)?chart(\d+)\.xml(?:\.rels)?$/);
  const overrides: { partName: string; contentType: string }[] = [];
  const paths = await sheetPartPaths(entries);
  // with a selection to write, every sheet: the one excelize selected is unselected
  const sheetsToPatch = select ? new Set([...paths.keys(), ...st.cells.keys(), ...st.charts.keys()]) : new Set([...st.cells.keys(), ...st.charts.keys()]);
  for (const sheet of sheetsToPatch) {
    const cells = st.cells.get(sheet);
    const charts = st.charts.get(sheet) ?? [];
    const rows = cells !== undefined && !packedIsEmpty(cells.rows) ? cells.rows : undefined;
    if (!select && rows === undefined && !cells?.cols && !cells?.dimension && charts.length === 0) continue;
    const path = paths.get(sheet);
    let xml = path === undefined ? undefined : await text(path);
    if (path === undefined || xml === undefined) throw new XlsxError("finding the sheet's part in the saved file", { sheet });
    // excelize's part is small (it holds no cells but a table's header row): it is patched as text, and our
    // rows, kept as bytes, go in between at the end
    const saved = xml;
    if (select) xml = selectTab(xml, sheet === select.sheet);
    if (cells?.cols || cells?.dimension) xml = patchSheetHead(xml, cells.cols ?? "", cells.dimension, sheet);
    if (charts.length > 0) {
      const drawing = `xl/drawings/drawing${++drawingNo}.xml`;
      const chartRels: Relationship[] = [];
      for (const chart of charts) {
        const part = `xl/charts/chart${++chartNo}.xml`;
        if (byName.has(part)) throw new XlsxError(`the saved file already has a part ${part}`, { sheet });
        await put(part, chartPartXml(chart));
        overrides.push({ partName: `/${part}`, contentType: CONTENT_TYPE_CHART });
        chartRels.push({ id: `rId${chartRels.length + 1}`, type: REL_CHART, target: relativeTarget(drawing, part) });
      }
      if (byName.has(drawing)) throw new XlsxError(`the saved file already has a part ${drawing}`, { sheet });
      await put(drawing, drawingPartXml(charts, chartRels.map((r) => r.id)));
      await put(relsPathOf(drawing), relationshipsXml(chartRels));
      overrides.push({ partName: `/${drawing}`, contentType: CONTENT_TYPE_DRAWING });
      // the sheet's relationships: excelize's own (notes, tables) keep their ids, the drawing gets the next one
      const sheetRels = await text(relsPathOf(path));
      if (sheetRels !== undefined && parseRelationships(sheetRels).some((r) => r.type === REL_DRAWING)) {
        throw new XlsxError("the sheet already has a drawing part", { sheet });
      }
      const rel = addRelationship(sheetRels, REL_DRAWING, relativeTarget(path, drawing));
      await put(relsPathOf(path), rel.xml);
      xml = insertDrawingElement(xml, rel.id, sheet);
    }
    if (rows !== undefined) {
      const [head, tail] = splitAtRows(xml, cells!.afterRow, sheet);
      await put(path, concatBytes([encoder.encode(head), packedBytes(rows), encoder.encode(tail)]));
    } else if (xml !== saved) await put(path, xml);
  }
  if (select || st.marked.length > 0 || st.opened) {
    const wb = await workbookPart(entries);
    let wbXml = await text(wb);
    if (wbXml === undefined) throw new XlsxError("the saved file has no workbook part");
    const before = wbXml;
    if (select) wbXml = setActiveTab(wbXml, select.index);
    // ClientBook's markers: one for each output sheet rendered here; an opened file's markers of sheets that are
    // gone or were rendered again are dropped (./markers.ts)
    wbXml = writeMarkers(wbXml, [...paths.keys()], st.marked);
    if (wbXml !== before) await put(wb, wbXml);
  }
  const dropped = st.replaced > 0 ? await orphanedParts([...entries.map((e) => e.name), ...added.map((e) => e.name)], text) : new Set<string>();
  if (overrides.length > 0 || dropped.size > 0) {
    const types = await text(CONTENT_TYPES);
    if (types === undefined) throw new XlsxError("the saved file has no [Content_Types].xml");
    await put(CONTENT_TYPES, removeContentTypeOverrides(addContentTypeOverrides(types, overrides), dropped));
  }
  const kept = (e: ZipEntry) => !dropped.has(e.name);
  return writeZip([...entries.map((e, i) => replaced.get(i) ?? e), ...added].filter(kept));
}

/** Parts excelize leaves behind when it deletes a sheet: the sheet's drawings, charts and notes. */
const SHEET_LEFTOVER = /^xl\/(?:drawings\/|charts\/|comments\d+\.xml$)/;

/**
 * The drawings, charts and notes no relationship leads to any more (a replaced sheet's, which excelize's
 * DeleteSheet keeps), with their own relationships parts. Parts of any other kind are never dropped.
 */
async function orphanedParts(names: readonly string[], text: (name: string) => Promise<string | undefined>): Promise<Set<string>> {
  const all = new Set(names);
  const reached = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const source = queue.pop()!;
    const rels = await text(source === "" ? "_rels/.rels" : relsPathOf(source));
    if (rels === undefined) continue;
    for (const r of parseRelationships(rels)) {
      if (r.external) continue;
      const target = resolveTarget(source, r.target);
      if (!reached.has(target) && all.has(target)) {
        reached.add(target);
        queue.push(target);
      }
    }
  }
  const out = new Set<string>();
  for (const name of names) {
    if (name.endsWith(".rels") || !SHEET_LEFTOVER.test(name) || reached.has(name)) continue;
    out.add(name);
    if (all.has(relsPathOf(name))) out.add(relsPathOf(name));
  }
  return out;
}

/**
 * Puts our <cols> (before sheetData, where CT_Worksheet has it) and the used range (<dimension ref>) into a saved
 * sheet part. Columns excelize wrote for the sheet would mean widths were set some other way, which would clash.
 */
export function patchSheetHead(sheetXml: string, colsXml: string, dimension: string | undefined, sheet: string): string {
  const data = sheetXml.search(/<sheetData[\s/>]/);
  if (data < 0) throw new XlsxError("the saved sheet has no sheetData", { sheet });
  let head = sheetXml.slice(0, data);
  if (colsXml) {
    if (/<cols[\s/>]/.test(head)) throw new XlsxError("column widths were written outside src/xlsx and would clash with the rendered ones", { sheet });
    head += colsXml;
  }
  if (dimension !== undefined) {
    const ref = `<dimension ref="${dimension}"/>`;
    const existing = /<dimension\b[^>]*?(?:\/>|>\s*<\/dimension>)/.exec(head);
    if (existing) head = head.slice(0, existing.index) + ref + head.slice(existing.index + existing[0].length);
    else {
      // CT_Worksheet: sheetPr, then dimension
      const after = /<sheetPr\b[^>]*?(?:\/>|>[\s\S]*?<\/sheetPr>)/.exec(head) ?? /<worksheet\b[^>]*>/.exec(head);
      if (!after) throw new XlsxError("the saved sheet has no worksheet element", { sheet });
      const at = after.index + after[0].length;
      head = head.slice(0, at) + ref + head.slice(at);
    }
  }
  return head + sheetXml.slice(data);
}

/**
 * A saved sheet part cut where our <row>s go: after the rows excelize wrote (none, or a table's header row). Any
 * excelize row below `afterRow` means cells were written to the sheet some other way, which would clash.
 */
export function splitAtRows(sheetXml: string, afterRow: number, sheet: string): [string, string] {
  const open = /<sheetData\s*\/>|<sheetData>([\s\S]*?)<\/sheetData>/.exec(sheetXml);
  if (!open) throw new XlsxError("the saved sheet has no sheetData", { sheet });
  const existing = open[1] ?? "";
  for (const m of existing.matchAll(/<row r="(\d+)"/g)) {
    if (Number(m[1]) > afterRow) throw new XlsxError(`row ${m[1]} was written outside src/xlsx and would clash with the rendered cells`, { sheet });
  }
  const head = `${sheetXml.slice(0, open.index)}<sheetData>${existing}`;
  const tail = `</sheetData>${sheetXml.slice(open.index + open[0].length)}`;
  // excelize writes the autofilter range with $ signs and flags the sheet as filtered; Excel writes neither
  return [
    head.replace(/(<sheetPr\b[^>]*?) filterMode="(?:true|1)"/, "$1"),
    tail.replace(/(<autoFilter ref=")([^"]*)"/, (_m, start: string, ref: string) => `${start}${ref.replace(/\$/g, "")}"`),
  ];
}

/** Puts our <row>s into a saved sheet part (see splitAtRows). */
export function insertRows(sheetXml: string, rowsXml: string, afterRow: number, sheet: string): string {
  const [head, tail] = splitAtRows(sheetXml, afterRow, sheet);
  return head + rowsXml + tail;
}

function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
