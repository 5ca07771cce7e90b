/**
 * Reading an .xlsx as plain grids of RawValue, plus the Excel tables in it, for the book codec (src/book) to
 * interpret: raw values (dates as serial numbers, amounts as full-precision numbers), text as text, booleans as
 * booleans. The parts are read directly (./sheetData.ts): no wasm, fast on 5,000-client books, and the same in
 * Node and in a browser.
 */
import type { RawTable, RawValue } from "../book/raw";
import { parseRange } from "./a1";
import { XlsxError } from "./excelize";
import { attr, relationships, sheetPartPaths, workbookPart } from "./parts";
import { parseSharedStrings, parseSheetCells } from "./sheetData";
import { checkZipSizes, entryText as inflateText, InflateBudget, readZip, ZipFormatError } from "./zip";
import type { ZipEntry } from "./zip";

/** An Excel table (ListObject) found in the workbook, with its cells. */
export interface RawTableFound {
  /** The table's name as Excel shows it (displayName). */
  tableName: string;
  sheet: string;
  /** A1 range of the table, header row (and totals row) included, e.g. "A1:F41". */
  range: string;
  table: RawTable;
}

export interface WorkbookTables {
  /** Every sheet, in workbook order. */
  sheets: string[];
  /** Each worksheet's cells from A1: grid[row - 1][col - 1]; empty cells null, trailing empties trimmed. */
  grids: Map<string, RawValue[][]>;
  tables: RawTableFound[];
  /** With `{ formulas: true }`: sheet → cell ("B6") → formula text ("=SUM(B2:B5)"). */
  formulas?: Map<string, Map<string, string>>;
  /**
   * The workbook counts dates from 1904 (old Mac Excel): its date serials are 1,462 days less than the same
   * dates in the usual 1900 system. Values are returned as stored; the caller decides.
   */
  date1904: boolean;
}

function isEmptyRow(row: readonly RawValue[] | undefined): boolean {
  return !row || row.every((v) => v === null || (typeof v === "string" && v.trim() === ""));
}

interface TableDef {
  name: string;
  ref: string;
  headerRows: number;
  totalsRows: number;
  columns: string[];
}

function parseTableDef(xml: string): TableDef | undefined {
  const tag = /<(?:\w+:)?table\b[^>]*>/.exec(xml)?.[0];
  if (!tag) return undefined;
  const ref = attr(tag, "ref");
  if (!ref) return undefined;
  const columns = [...xml.matchAll(/<(?:\w+:)?tableColumn\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
  return {
    name: attr(tag, "displayName") ?? attr(tag, "name") ?? "",
    ref,
    headerRows: Number(attr(tag, "headerRowCount") ?? 1),
    totalsRows: Number(attr(tag, "totalsRowCount") ?? 0),
    columns,
  };
}

function sliceTable(grid: RawValue[][], def: TableDef, sheet: string): RawTable {
  const range = parseRange(def.ref);
  if (!range) throw new XlsxError(`table ${def.name} has an unreadable range "${def.ref}"`, { sheet });
  const cols = (r: RawValue[] | undefined) => {
    const out: RawValue[] = [];
    for (let c = range.left; c <= range.right; c++) out.push(r?.[c - 1] ?? null);
    return out;
  };
  // a table without a header row (headerRowCount="0") still names its columns in its definition
  const headerRow = def.headerRows > 0 ? range.top : range.top - 1;
  const headers = def.headerRows > 0 ? cols(grid[range.top - 1]) : def.columns;
  const rows: RawValue[][] = [];
  for (let r = headerRow + 1; r <= range.bottom - def.totalsRows; r++) {
    const row = cols(grid[r - 1]);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  while (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) rows.pop();
  return { headers, rows, headerRow, sheet };
}

function checkSignature(bytes: Uint8Array): void {
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxError("opening the workbook", {}, "this is an old .xls file or a password-protected workbook; save it in Excel as .xlsx without a password");
  }
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return; // PK: a zip archive, as every .xlsx is
  if (looksLikeText(bytes)) {
    throw new XlsxError(
      "opening the workbook",
      {},
      "this is a text (CSV) file, not an .xlsx workbook — use `clientbook import` / 这是文本 (CSV) 文件，不是 .xlsx 工作簿，请用 clientbook import / 這是文字 (CSV) 檔，不是 .xlsx 活頁簿，請用 clientbook import",
    );
  }
}

/** Text, not a binary format: a BOM, or no NUL and almost no other control bytes in the first 4 KB. */
export function looksLikeText(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  const head = bytes.subarray(0, 4096);
  if (head.length === 0) return false;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) control++;
  }
  return control <= head.length / 100;
}

/** Reads every sheet's cells and the Excel tables of a workbook (and the formulas, when asked). */
export async function readWorkbookTables(bytes: Uint8Array, opts: { formulas?: boolean } = {}): Promise<WorkbookTables> {
  checkSignature(bytes);
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
    // a zip bomb is refused from its directory before anything is inflated; the budget caps what really inflates
    checkZipSizes(entries);
  } catch (e) {
    throw new XlsxError("opening the workbook", {}, e instanceof ZipFormatError ? e.message : `not a readable .xlsx file (${e instanceof Error ? e.message : String(e)})`);
  }
  try {
    return await readEntries(entries, new InflateBudget(), opts);
  } catch (e) {
    if (e instanceof ZipFormatError) throw new XlsxError("opening the workbook", {}, e.message);
    throw e;
  }
}

async function readEntries(entries: ZipEntry[], budget: InflateBudget, opts: { formulas?: boolean }): Promise<WorkbookTables> {
  const entryText = (e: ZipEntry) => inflateText(e, { budget });
  const byName = new Map(entries.map((e) => [e.name, e]));
  const wbPath = await workbookPart(entries);
  const wb = byName.get(wbPath);
  if (!wb) throw new XlsxError("opening the workbook", {}, "not a readable .xlsx file (no workbook part inside)");
  const wbXml = await entryText(wb);
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="(1|true)"/.test(wbXml);

  const wbRels = await relationships(entries, wbPath);
  const sstRel = [...wbRels.values()].find((r) => r.type.endsWith("/sharedStrings"));
  const sstEntry = sstRel ? byName.get(sstRel.target) : undefined;
  const shared = sstEntry ? parseSharedStrings(await entryText(sstEntry)) : [];

  const parts = await sheetPartPaths(entries);
  const sheets = [...wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)].map((m) => attr(m[0], "name") ?? "");
  const grids = new Map<string, RawValue[][]>();
  const tables: RawTableFound[] = [];
  const formulas = opts.formulas ? new Map<string, Map<string, string>>() : undefined;

  for (const sheet of sheets) {
    const path = parts.get(sheet);
    const part = path === undefined ? undefined : byName.get(path);
    const xml = part ? await entryText(part) : "";
    // chart sheets and dialog sheets have no sheetData: an empty grid
    const sheetFormulas = formulas ? new Map<string, string>() : undefined;
    if (formulas && sheetFormulas) formulas.set(sheet, sheetFormulas);
    const grid = parseSheetCells(xml, shared, sheetFormulas);
    for (const row of grid) while (row.length > 0 && row[row.length - 1] === null) row.pop();
    while (grid.length > 0 && grid[grid.length - 1].length === 0) grid.pop();
    grids.set(sheet, grid);
    if (!path) continue;
    for (const rel of (await relationships(entries, path)).values()) {
      if (!rel.type.endsWith("/table")) continue;
      const tablePart = byName.get(rel.target);
      const def = tablePart ? parseTableDef(await entryText(tablePart)) : undefined;
      if (!def) continue;
      tables.push({ tableName: def.name, sheet, range: def.ref, table: sliceTable(grid, def, sheet) });
    }
  }
  return formulas ? { sheets, grids, tables, date1904, formulas } : { sheets, grids, tables, date1904 };
}

/** Decides whether a row (its cells, from column A) is the header row of the table being looked for. */
export type HeaderMatcher = (cells: readonly RawValue[], rowIndex: number) => boolean;

/**
 * Finds a table typed without an Excel table: the first of the grid's first `maxRows` rows (default 20) that
 * `isHeader` accepts is the header row, and the rows below it (trailing blank rows dropped) are the data.
 * Blank rows inside the data are kept so every row keeps its Excel row number (headerRow + 1 + index).
 */
export function findTable(grid: RawValue[][], isHeader: HeaderMatcher, opts: { sheet?: string; maxRows?: number } = {}): RawTable | undefined {
  const limit = Math.min(grid.length, opts.maxRows ?? 20);
  for (let r = 0; r < limit; r++) {
    const cells = grid[r] ?? [];
    if (isEmptyRow(cells) || !isHeader(cells, r)) continue;
    const headers = [...cells];
    while (headers.length > 0 && headers[headers.length - 1] === null) headers.pop();
    const rows = grid.slice(r + 1).map((row) => [...row]);
    while (rows.length > 0 && isEmptyRow(rows[rows.length - 1])) rows.pop();
    return opts.sheet === undefined ? { headers, rows, headerRow: r + 1 } : { headers, rows, headerRow: r + 1, sheet: opts.sheet };
  }
  return undefined;
}
