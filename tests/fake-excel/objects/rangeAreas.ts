/**
 * Excel.RangeAreas (ExcelApi 1.9) as Worksheet.getRanges and Worksheet.findAll / findAllOrNullObject return it: a set
 * of rectangular blocks of one sheet, with `address` ("Sheet1!A1:B4, Sheet1!D1:D4": every block with its sheet,
 * joined by ", ", as the @types/office-js remark on RangeAreas.address shows it), `areaCount` and `format`.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 *
 * Worksheet.getRanges(address) (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)):
 * "comma-separated or semicolon-separated addresses or names of the individual ranges", e.g. "A1:B2, A5:B5"; without
 * an address, the whole sheet. The address string may hold at most 8,192 characters ("Troubleshooting Excel add-ins",
 * Range return character limit: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting —
 * the docs say a longer one is truncated; office-js#5198 reports InvalidArgument for 8,207 characters on the desktop
 * and the web): the fake refuses it with InvalidArgument, the stricter of the two. Names (NamedItem) in the list are
 * not modelled (InvalidArgument, as an unknown name is).
 *
 * RangeAreas.format ("a RangeFormat object ... for all ranges in the RangeAreas object"; "Setting a property on a
 * RangeAreas object sets the corresponding property on all the ranges in the RangeAreas.areas collection", "Work with
 * multiple ranges simultaneously", https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges):
 * a write goes to every block; a read gives the value all blocks share, else null. Borders through a RangeAreas
 * (whose edges: each block's or the union's?) are not documented and not modelled (NotImplemented).
 *
 * The search itself ("Find strings using the Excel JavaScript API",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match, and
 * Excel.WorksheetSearchCriteria, https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria):
 * every cell of the sheet whose text contains `text` (completeMatch: the whole text equals it), case-insensitively
 * unless matchCase. findAll throws ItemNotFound when nothing matches; findAllOrNullObject gives a null object.
 * The fake matches a cell's displayed text (its value through its number format). Excel does not document how it
 * groups the matches into areas; the fake joins matches that touch vertically in one column, so code must read any
 * grouping from `address`.
 */
import { MAX_COLS, MAX_ROWS, qualified, type Rect } from "../core/addresses";
import { fail } from "../core/errors";
import { type Cell, type CellValue, effectiveNumberFormat, keyCol, keyRow, type SheetModel } from "../core/model";
import { FakeEntity, register } from "../core/proxy";
import type { HostState } from "../core/state";
import { cellText } from "../core/values";
import { FakeRangeFormat, rectOnSheet } from "./range";

export interface AreasRef {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeEntity<AreasRef> {
  declare readonly __office?: Excel.RangeAreas;
  declare readonly address: string;
  declare readonly areaCount: number;
  declare readonly format: FakeRangeFormat;
}

register(FakeRangeAreas, {
  className: "RangeAreas",
  alive: (ref: AreasRef) => !ref.sheet.deleted,
  scalars: {
    address: { get: (ref: AreasRef) => ref.rects.map((r) => qualified(ref.sheet.name, r)).join(", ") },
    areaCount: { get: (ref: AreasRef) => ref.rects.length },
  },
  navs: {
    format: { cls: () => FakeRangeFormat, target: (ref: AreasRef) => ({ sheet: ref.sheet, rect: boundingOf(ref.rects), areas: ref.rects }) },
  },
});

/** Longest address Worksheet.getRanges takes (see the top of this file). */
export const MAX_RANGES_ADDRESS = 8192;

function boundingOf(rects: readonly Rect[]): Rect {
  return rects.reduce((b, r) => ({ r0: Math.min(b.r0, r.r0), c0: Math.min(b.c0, r.c0), r1: Math.max(b.r1, r.r1), c1: Math.max(b.c1, r.c1) }));
}

/** The blocks Worksheet.getRanges(address) names: split at "," or ";" outside a quoted sheet name, each an A1 address of this sheet. */
export function rangesOnSheet(sheet: SheetModel, address: unknown): AreasRef {
  if (address === undefined) return { sheet, rects: [{ r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 }] };
  if (typeof address !== "string") fail("InvalidArgument", `Worksheet.getRanges: address must be a string, not ${JSON.stringify(address)}`);
  if (address.length > MAX_RANGES_ADDRESS) {
    fail("InvalidArgument", `Worksheet.getRanges: the address has ${address.length} characters; Excel takes at most ${MAX_RANGES_ADDRESS} (office-js#5198)`);
  }
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && (ch === "," || ch === ";")) {
      parts.push(address.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(address.slice(start));
  const rects = parts.map((p, i) => {
    if (p.trim() === "") fail("InvalidArgument", `Worksheet.getRanges: part ${i + 1} of '${address.slice(0, 80)}' is empty`);
    return rectOnSheet(sheet, p.trim(), "Worksheet.getRanges");
  });
  return { sheet, rects };
}

/**
 * What a search sees in a cell that holds no formula, with the inputs it was made from. Such a cell's searched text
 * is a pure function of its stored value, its quote prefix and its effective number format (formatValue is pure), so
 * a memo checked against those three is never stale, whatever wrote the cell and however: no write path needs to
 * tell the search anything. Formula cells are not memoised: their text is the evaluator's answer, which may depend
 * on any cell of the book (or on the evaluator itself), so it is asked at every search, as before.
 */
interface Shown {
  v: CellValue | undefined;
  q: boolean | undefined;
  nf: string | undefined;
  text: string;
  lower: string;
}
const shownMemo = new WeakMap<Cell, Shown>();

/** The text a search matches in one cell: a stored string as itself (its number format changes how numbers show), other cells through their format. */
export function searchedText(host: HostState, sheet: SheetModel, r: number, c: number, cell: Cell): string {
  if (cell.f === undefined && typeof cell.v === "string" && !cell.q) return cell.v;
  return cellText(sheet, r, c, host.evaluator);
}

/** searchedText of a cell without a formula, lower-cased too, memoised (see Shown). */
function shownOf(host: HostState, sheet: SheetModel, r: number, c: number, cell: Cell): Shown {
  // A stored string without a prefix shows as itself whatever its format: no format lookup.
  const plain = typeof cell.v === "string" && !cell.q;
  const nf = plain ? undefined : effectiveNumberFormat(sheet, r, c);
  const memo = shownMemo.get(cell);
  if (memo && memo.v === cell.v && memo.q === cell.q && memo.nf === nf) return memo;
  const text = searchedText(host, sheet, r, c, cell);
  const fresh = { v: cell.v, q: cell.q, nf, text, lower: text.toLowerCase() };
  shownMemo.set(cell, fresh);
  return fresh;
}

/**
 * A sheet's cells as a search sees them: the non-blank texts of the cells without a formula, and the formula cells
 * (asked again at every search, see Shown). Built at the first search after a change and kept while HostState.edits
 * stands still: within a batch of searches (a per-client command makes 24, core/context.ts counts no load or
 * get…/find… step as a change) the sheet is gone through once.
 */
interface SheetIndex {
  host: HostState;
  edits: number;
  /** Cell keys (model.ts cellKey) of the non-blank cells without a formula, with their texts: parallel arrays. */
  keys: number[];
  texts: string[];
  lowers: string[];
  /** Cell keys of the formula cells. */
  formulas: number[];
}
const sheetIndexes = new WeakMap<SheetModel, SheetIndex>();

function indexOf(host: HostState, sheet: SheetModel): SheetIndex {
  const known = sheetIndexes.get(sheet);
  if (known && known.host === host && known.edits === host.edits) return known;
  const index: SheetIndex = { host, edits: host.edits, keys: [], texts: [], lowers: [], formulas: [] };
  for (const [key, cell] of sheet.cells) {
    if (cell.f !== undefined) {
      index.formulas.push(key);
      continue;
    }
    const shown = shownOf(host, sheet, keyRow(key), keyCol(key), cell);
    if (shown.text === "") continue;
    index.keys.push(key);
    index.texts.push(shown.text);
    index.lowers.push(shown.lower);
  }
  sheetIndexes.set(sheet, index);
  return index;
}

/**
 * The cells of `sheet` whose text matches, as areas (null when none). Every cell of the sheet counts, hidden rows
 * and columns included; its text is what the cell shows (its value through its number format), a formula's result,
 * never its formula. The sheet's texts come from its index (indexOf), formula cells are asked afresh.
 * Semantics: Worksheet.findAll (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-findall-member(1):
 * "Finds all occurrences of the given string based on the criteria specified and returns them as a RangeAreas
 * object comprising one or more rectangular ranges"; ItemNotFound when there is none) and WorksheetSearchCriteria
 * (https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria: completeMatch "matches the entire
 * contents of the cell", default partial; matchCase default false, case-insensitive).
 * tests/fake-excel/tests/findAllScan.test.ts holds this to the plain scan it replaced, on random sheets and edits.
 */
export function findAllOnSheet(host: HostState, sheet: SheetModel, text: unknown, criteria: unknown): AreasRef | null {
  if (typeof text !== "string" || text === "") fail("InvalidArgument", `Worksheet.findAll: the text to find must be a non-empty string, not ${JSON.stringify(text)}`);
  const c = (criteria ?? {}) as { completeMatch?: unknown; matchCase?: unknown };
  if (typeof c !== "object") fail("InvalidArgument", "Worksheet.findAll: criteria must be a WorksheetSearchCriteria object");
  const complete = c.completeMatch === true;
  const matchCase = c.matchCase === true;
  const needle = matchCase ? text : text.toLowerCase();
  const index = indexOf(host, sheet);
  const hay = matchCase ? index.texts : index.lowers;
  const hits: { r: number; c: number }[] = [];
  for (let i = 0; i < hay.length; i++) {
    if (complete ? hay[i] === needle : hay[i].includes(needle)) hits.push({ r: keyRow(index.keys[i]), c: keyCol(index.keys[i]) });
  }
  for (const key of index.formulas) {
    const r = keyRow(key);
    const col = keyCol(key);
    const cell = sheet.cells.get(key);
    // Asked afresh: a formula's result may depend on any cell of the book, or on the evaluator itself.
    const shown = cell ? searchedText(host, sheet, r, col, cell) : "";
    if (shown === "") continue;
    const seen = matchCase ? shown : shown.toLowerCase();
    if (complete ? seen === needle : seen.includes(needle)) hits.push({ r, c: col });
  }
  return hits.length === 0 ? null : { sheet, rects: areasOf(hits) };
}

/** Matched cells as areas: cells that touch vertically in one column form one block; blocks in row, then column order. */
export function areasOf(hits: { r: number; c: number }[]): Rect[] {
  const sorted = [...hits].sort((a, b) => a.c - b.c || a.r - b.r);
  const rects: Rect[] = [];
  for (const h of sorted) {
    const last = rects[rects.length - 1];
    if (last && last.c0 === h.c && last.r1 + 1 === h.r) last.r1 = h.r;
    else rects.push({ r0: h.r, c0: h.c, r1: h.r, c1: h.c });
  }
  rects.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return rects;
}
