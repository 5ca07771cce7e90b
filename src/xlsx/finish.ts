/**
 * Saving a workbook: excelize writes the package, then the parts it cannot write as we need are completed.
 *
 * - Sheet cells are ours (./cellsXml.ts): their rows go into the sheetData of the sheet part excelize saved.
 * - excelize writes a chart series name as a cell reference even when it is literal text, and no data cache.
 *   Excel and LibreOffice read charts from the cells, but viewers that do not calculate — phone previews and
 *   mail attachments, where a client-facing review is often opened — show the cache. So literal series names
 *   become literal (<c:v>) and each chart gets a cache of the points it shows.
 * Parts we do not touch keep their compressed bytes.
 */
import { check, writeToBytes, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";
import { sheetPartPaths } from "./parts";
import { stateOf } from "./workbook";
import type { ChartRecord, WorkbookState } from "./workbook";
import { entryText, makeEntry, readZip, writeZip, xmlEscape, xmlUnescape } from "./zip";
import type { ZipEntry } from "./zip";

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
  if (active !== undefined) {
    const index = sheets.indexOf(active);
    if (index < 0) throw new XlsxError("the sheet to show first is not in the workbook", { sheet: active });
    check(f.SetActiveSheet(index), "selecting the first sheet", { sheet: active });
  }
  if (st.hasFormulas) check(f.SetCalcProps({ FullCalcOnLoad: true }), "marking the workbook for recalculation");
  check(f.SetDocProps({ Creator: opts.creator ?? "ClientBook", ...(opts.title ? { Title: opts.title } : {}) }), "setting document properties");
  const bytes = writeToBytes(f);
  if (st.cells.size === 0 && st.charts.length === 0) return bytes;
  return patchParts(bytes, st);
}

async function patchParts(bytes: Uint8Array, st: WorkbookState): Promise<Uint8Array> {
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e, i) => [e.name, i]));
  const replaced = new Map<number, ZipEntry>();
  const replace = async (e: ZipEntry, text: string) => replaced.set(byName.get(e.name)!, await makeEntry(e.name, new TextEncoder().encode(text), e));

  if (st.cells.size > 0) {
    const paths = await sheetPartPaths(entries);
    for (const [sheet, { xml, afterRow }] of st.cells) {
      if (xml === "") continue;
      const path = paths.get(sheet);
      const entry = path === undefined ? undefined : entries[byName.get(path) ?? -1];
      if (!entry) throw new XlsxError("finding the sheet's part in the saved file", { sheet });
      await replace(entry, insertRows(await entryText(entry), xml, afterRow, sheet));
    }
  }
  if (st.charts.length > 0) {
    for (const e of entries) {
      if (!/^xl\/charts\/chart\d+\.xml$/.test(e.name)) continue;
      const text = await entryText(e);
      const patched = patchChart(text, st.charts);
      if (patched !== text) await replace(e, patched);
    }
  }
  return writeZip(entries.map((e, i) => replaced.get(i) ?? e));
}

/**
 * Puts our <row>s into a saved sheet part after the rows excelize wrote (none, or a table's header row). Any
 * excelize row below `afterRow` means cells were written to the sheet some other way, which would clash.
 */
export function insertRows(sheetXml: string, rowsXml: string, afterRow: number, sheet: string): string {
  const open = /<sheetData\s*\/>|<sheetData>([\s\S]*?)<\/sheetData>/.exec(sheetXml);
  if (!open) throw new XlsxError("the saved sheet has no sheetData", { sheet });
  const existing = open[1] ?? "";
  for (const m of existing.matchAll(/<row r="(\d+)"/g)) {
    if (Number(m[1]) > afterRow) throw new XlsxError(`row ${m[1]} was written outside src/xlsx and would clash with the rendered cells`, { sheet });
  }
  const at = open.index;
  const out = `${sheetXml.slice(0, at)}<sheetData>${existing}${rowsXml}</sheetData>${sheetXml.slice(at + open[0].length)}`;
  // excelize writes the autofilter range with $ signs and flags the sheet as filtered; Excel writes neither
  return out
    .replace(/(<autoFilter ref=")([^"]*)"/, (_m, head: string, ref: string) => `${head}${ref.replace(/\$/g, "")}"`)
    .replace(/(<sheetPr\b[^>]*?) filterMode="(?:true|1)"/, "$1");
}

function numText(n: number): string {
  return String(n);
}

function strCache(points: readonly (string | number | null)[]): string {
  const pts = points.map((p, i) => (p === null ? "" : `<pt idx="${i}"><v>${xmlEscape(typeof p === "number" ? numText(p) : p)}</v></pt>`)).join("");
  return `<strCache><ptCount val="${points.length}"></ptCount>${pts}</strCache>`;
}

function numCache(points: readonly (number | string | null)[], format: string): string {
  const pts = points.map((p, i) => (typeof p === "number" ? `<pt idx="${i}"><v>${numText(p)}</v></pt>` : "")).join("");
  return `<numCache><formatCode>${xmlEscape(format)}</formatCode><ptCount val="${points.length}"></ptCount>${pts}</numCache>`;
}

/**
 * Fills each series we added with a literal name and data caches. A series is recognised by its category and
 * value references and its name, so charts of an opened workbook that we did not add are left alone.
 */
export function patchChart(xml: string, charts: readonly ChartRecord[]): string {
  let column = false;
  const out = xml.replace(/<ser>([\s\S]*?)<\/ser>/g, (whole: string, body: string) => {
    const name = /<tx><strRef><f>([\s\S]*?)<\/f><\/strRef><\/tx>/.exec(body);
    const cat = /<cat><strRef><f>([\s\S]*?)<\/f><\/strRef><\/cat>/.exec(body);
    const val = /<val><numRef><f>([\s\S]*?)<\/f>(?:<numCache>[\s\S]*?<\/numCache>)?<\/numRef><\/val>/.exec(body);
    if (!name || !cat || !val) return whole;
    const rec = charts.find(
      (c) => c.seriesName === xmlUnescape(name[1]) && c.categoriesRef === xmlUnescape(cat[1]) && c.valuesRef === xmlUnescape(val[1]),
    );
    if (!rec) return whole;
    if (rec.type === "column") column = true;
    const catXml = rec.categories.every((c) => c === null || typeof c === "number")
      ? `<cat><numRef><f>${cat[1]}</f>${numCache(rec.categories, rec.categoriesFormat ?? "General")}</numRef></cat>`
      : `<cat><strRef><f>${cat[1]}</f>${strCache(rec.categories)}</strRef></cat>`;
    const patched = body
      .replace(name[0], () => `<tx><v>${name[1]}</v></tx>`)
      .replace(cat[0], () => catXml)
      .replace(val[0], () => `<val><numRef><f>${val[1]}</f>${numCache(rec.values, "General")}</numRef></val>`);
    return `<ser>${patched}</ser>`;
  });
  // a column chart's categories are labels (review dates, classes): a text axis, bars evenly spaced, not a
  // time scale with gaps between irregular review dates
  return column ? out.replace(/<catAx>([\s\S]*?)<auto val="1"><\/auto>/, (_m, before: string) => `<catAx>${before}<auto val="0"></auto>`) : out;
}
