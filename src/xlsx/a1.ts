/**
 * A1 addresses in plain TypeScript. excelize-wasm has helpers for this, but every call crosses the wasm bridge
 * (tens of microseconds each), which adds up to seconds on a 5,000-row sheet; these are pure string work.
 */

/** Excel's grid limits, and what one cell can hold. */
export const MAX_COLS = 16384;
export const MAX_ROWS = 1048576;
export const MAX_TEXT = 32767;
export const MAX_FORMULA = 8192;

export interface CellRef {
  /** 1-based column (A = 1). */
  col: number;
  /** 1-based row. */
  row: number;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** 1 → "A", 27 → "AA". */
export function colName(col: number): string {
  if (!Number.isInteger(col) || col < 1 || col > MAX_COLS) throw new Error(`column number ${col} is outside 1–${MAX_COLS}`);
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** "AA" → 27 (case-insensitive), or undefined when not a column name within Excel's limit. */
export function colNumber(name: string): number | undefined {
  if (!/^[A-Za-z]{1,3}$/.test(name)) return undefined;
  let n = 0;
  for (const ch of name.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n <= MAX_COLS ? n : undefined;
}

/** (2, 3) → "B3". */
export function cellName(col: number, row: number): string {
  if (!Number.isInteger(row) || row < 1 || row > MAX_ROWS) throw new Error(`row number ${row} is outside 1–${MAX_ROWS}`);
  return colName(col) + row;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;

/** "B3" or "$B$3" → { col: 2, row: 3 }, or undefined when it is not a single cell inside Excel's grid. */
export function parseCell(a1: string): CellRef | undefined {
  const m = CELL_RE.exec(a1.trim());
  if (!m) return undefined;
  const col = colNumber(m[1]);
  const row = Number(m[2]);
  if (col === undefined || row < 1 || row > MAX_ROWS) return undefined;
  return { col, row };
}

/** "A1:C4", "C4:A1" (normalised) or a single cell "B3" → bounds, or undefined when malformed. */
export function parseRange(a1: string): RangeRef | undefined {
  const parts = a1.trim().split(":");
  if (parts.length > 2) return undefined;
  const a = parseCell(parts[0]);
  const b = parts.length === 2 ? parseCell(parts[1]) : a;
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeName(r: RangeRef, absolute = false): string {
  const d = absolute ? "$" : "";
  const tl = `${d}${colName(r.left)}${d}${r.top}`;
  const br = `${d}${colName(r.right)}${d}${r.bottom}`;
  return tl === br && !absolute ? tl : `${tl}:${br}`;
}

export function rangeSize(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

/** Sheet name as it must appear in a formula or chart reference: always quoted, inner apostrophes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'Sheet Name'!$A$1:$A$5" for a sheet-relative A1 range. */
export function qualifiedRange(sheet: string, range: RangeRef): string {
  const tl = `$${colName(range.left)}$${range.top}`;
  const br = `$${colName(range.right)}$${range.bottom}`;
  return `${quoteSheet(sheet)}!${tl}:${br}`;
}
