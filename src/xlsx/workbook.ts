/**
 * A workbook being written: the excelize file plus what we must remember about it until it is saved — the default
 * sheet excelize creates, the workbook's sheet names, the styles already made, and the cells and charts we write
 * ourselves (see ./finish.ts).
 */
import type { ChartRecord } from "./chartXml";
import { check, getExcelize, openBytes, XlsxError } from "./excelize";
import type { Excelize, XlsxFile } from "./excelize";
import { toExcelizeStyle } from "./styles";
import type { MergedFormat } from "./styles";
import type { PackedText } from "./zip";

export interface SheetParts {
  /** The <row> elements (see ./zip.ts packText). */
  rows: PackedText;
  afterRow: number;
  /** <cols>…</cols>, or "" for none. */
  cols?: string;
  /** The used range for <dimension ref>. */
  dimension?: string;
}

export interface WorkbookState {
  x: Excelize;
  /** Name of excelize's default first sheet while no content has claimed it. */
  pendingDefault?: string;
  styles: Map<string, number>;
  conditionalStyles: Map<string, number>;
  /**
   * sheet → what ./finish.ts puts into the sheet part excelize saved: the <row> XML of its cells (see
   * ./cellsXml.ts) and the last row excelize itself wrote there (a table's header row), which our rows follow;
   * for rendered specs also the <cols> element and the used range (every sheet-addressed excelize call looks
   * the sheet up among all sheets by name, so calls per sheet are kept few).
   */
  cells: Map<string, SheetParts>;
  hasFormulas: boolean;
  /** sheet → its charts, written as parts of their own by ./finish.ts (see ./chartXml.ts). */
  charts: Map<string, ChartRecord[]>;
  /** Sheets added through src/xlsx, lower case, to refuse the same name twice. */
  added: Set<string>;
  /** Sheets added through src/xlsx, in order, as named. */
  addedSheets: string[];
  /**
   * Every sheet of the workbook, lower case → as named, kept up to date here so adding a sheet does not ask
   * excelize for its sheet list (a call that copies every name across the wasm bridge: quadratic over a book).
   */
  sheetNames: Map<string, string>;
  /** Sheets of an opened workbook replaced by a sheet of the same name (excelize leaves their parts behind). */
  replaced: number;
  /** Made by openWorkbook (its sheets were not all made here). */
  opened: boolean;
  /** Output sheets rendered here (addSpecToFile), in order: each gets ClientBook's marker when saved (./markers.ts). */
  marked: string[];
}

const states = new WeakMap<XlsxFile, WorkbookState>();

function register(f: XlsxFile, x: Excelize, opened: boolean, pendingDefault?: string): XlsxFile {
  const sheetNames = new Map(f.GetSheetList().list.map((s): [string, string] => [s.toLowerCase(), s]));
  states.set(f, { x, pendingDefault, styles: new Map(), conditionalStyles: new Map(), cells: new Map(), hasFormulas: false, charts: new Map(), added: new Set(), addedSheets: [], sheetNames, replaced: 0, opened, marked: [] });
  return f;
}

/** A new, empty workbook. Its default "Sheet1" is reused by the first sheet added, or removed when saving. */
export async function newWorkbook(): Promise<XlsxFile> {
  const x = await getExcelize();
  const f = x.NewFile();
  if (f.error) throw new XlsxError("creating a workbook", {}, f.error);
  return register(f, x, false, f.GetSheetList().list[0]);
}

/** An existing workbook (a template, a book) to add sheets to. */
export async function openWorkbook(bytes: Uint8Array): Promise<XlsxFile> {
  const x = await getExcelize();
  return register(await openBytes(bytes), x, true);
}

export function stateOf(f: XlsxFile): WorkbookState {
  const s = states.get(f);
  if (!s) throw new Error("this workbook was not created with newWorkbook() or openWorkbook() from src/xlsx");
  return s;
}

/** Characters Excel refuses in sheet names. */
const BAD_SHEET_CHARS = /[[\]:*?/\\]/;

/** Why a sheet name is unusable in Excel, or undefined when it is fine. */
export function sheetNameProblem(name: string): string | undefined {
  if (typeof name !== "string" || name.length === 0) return "a sheet name must not be empty";
  if (name.length > 31) return `sheet name "${name}" is longer than 31 characters`;
  if (BAD_SHEET_CHARS.test(name)) return `sheet name "${name}" contains one of [ ] : * ? / \\`;
  if (name.startsWith("'") || name.endsWith("'")) return `sheet name "${name}" starts or ends with an apostrophe`;
  if (name.toLowerCase() === "history") return `"History" is a sheet name Excel reserves`;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) return `sheet name "${name}" contains a control character`;
  return undefined;
}

/**
 * Makes a fresh, empty sheet named `name` and returns it: the pending default sheet is renamed for the first one
 * (so the workbook's first sheet is the first one added); a sheet of the same name in an opened workbook is
 * replaced; a name used twice among the added sheets is an error.
 */
export function createSheet(f: XlsxFile, name: string): void {
  const problem = sheetNameProblem(name);
  if (problem) throw new XlsxError(problem, { sheet: name });
  const st = stateOf(f);
  const lower = name.toLowerCase();
  if (st.added.has(lower)) throw new XlsxError("two sheets have the same name (Excel ignores case)", { sheet: name });
  st.added.add(lower);
  st.addedSheets.push(name);
  if (st.pendingDefault !== undefined) {
    const def = st.pendingDefault;
    st.pendingDefault = undefined;
    if (def !== name) check(f.SetSheetName(def, name), "naming the first sheet", { sheet: name });
    st.sheetNames.delete(def.toLowerCase());
    st.sheetNames.set(lower, name);
    return;
  }
  const existing = st.sheetNames.get(lower);
  if (existing !== undefined) {
    check(f.DeleteSheet(existing), "replacing an existing sheet", { sheet: existing });
    st.sheetNames.delete(lower);
    st.replaced++;
  }
  check(f.NewSheet(name), "adding a sheet", { sheet: name });
  st.sheetNames.set(lower, name);
}

/** One excelize style per distinct merged format per workbook. */
export function styleId(f: XlsxFile, key: string, format: MergedFormat, sheet: string): number {
  const st = stateOf(f);
  let id = st.styles.get(key);
  if (id === undefined) {
    id = check(f.NewStyle(toExcelizeStyle(format)), "creating a cell style", { sheet }).style;
    st.styles.set(key, id);
  }
  return id;
}

