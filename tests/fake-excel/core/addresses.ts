/**
 * A1 addresses: parsing what Worksheet.getRange accepts and printing what Range.address returns.
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getrange-member(1)
 * https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member
 *
 * Rows and columns are 0-based and inclusive inside the fake (rowIndex/columnIndex in Office.js are 0-based too).
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface ParsedAddress {
  sheet?: string;
  rect: Rect;
}

export function columnLetters(col: number): string {
  let n = col + 1;
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COL = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

type Part = { kind: "cell"; r: number; c: number } | { kind: "col"; c: number } | { kind: "row"; r: number };

function parsePart(text: string): Part | null {
  let m = CELL.exec(text);
  if (m) return { kind: "cell", r: Number(m[2]) - 1, c: columnIndex(m[1]) };
  m = COL.exec(text);
  if (m) return { kind: "col", c: columnIndex(m[1]) };
  m = ROW.exec(text);
  if (m) return { kind: "row", r: Number(m[1]) - 1 };
  return null;
}

function inBounds(rect: Rect): boolean {
  return (
    rect.r0 >= 0 && rect.c0 >= 0 && rect.r1 < MAX_ROWS && rect.c1 < MAX_COLS && rect.r0 <= rect.r1 && rect.c0 <= rect.c1
  );
}

/** Splits "Sheet1!A1:B2" or "'My Sheet'!A1" into sheet name and local part. */
export function splitSheet(address: string): { sheet?: string; local: string } {
  const text = address.trim();
  if (text.startsWith("'")) {
    let i = 1;
    let name = "";
    while (i < text.length) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          name += "'";
          i += 2;
          continue;
        }
        break;
      }
      name += text[i];
      i++;
    }
    if (text[i] !== "'" || text[i + 1] !== "!") return { local: text };
    return { sheet: name, local: text.slice(i + 2) };
  }
  const bang = text.lastIndexOf("!");
  if (bang > 0) return { sheet: text.slice(0, bang), local: text.slice(bang + 1) };
  return { local: text };
}

/** Parses an A1 address; returns null when it is not one (named ranges and structured references are not A1). */
export function parseAddress(address: string): ParsedAddress | null {
  if (typeof address !== "string") return null;
  const { sheet, local } = splitSheet(address);
  const pieces = local.split(":");
  if (pieces.length < 1 || pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  const b = pieces.length === 2 ? parsePart(pieces[1]) : a;
  if (!a || !b) return null;
  let rect: Rect;
  if (a.kind === "cell" && b.kind === "cell") {
    rect = { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
  } else if (a.kind === "col" && b.kind === "col" && pieces.length === 2) {
    rect = { r0: 0, r1: MAX_ROWS - 1, c0: Math.min(a.c, b.c), c1: Math.max(a.c, b.c) };
  } else if (a.kind === "row" && b.kind === "row" && pieces.length === 2) {
    rect = { c0: 0, c1: MAX_COLS - 1, r0: Math.min(a.r, b.r), r1: Math.max(a.r, b.r) };
  } else {
    return null;
  }
  if (!inBounds(rect)) return null;
  return sheet === undefined ? { rect } : { sheet, rect };
}

export function isWholeColumns(rect: Rect): boolean {
  return rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
}

export function isWholeRows(rect: Rect): boolean {
  return rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
}

export function cellA1(r: number, c: number): string {
  return `${columnLetters(c)}${r + 1}`;
}

/** Local part as Range.address prints it: A1, A1:B2, A:C, 1:3 (no $ signs). */
export function rectA1(rect: Rect): string {
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `${columnLetters(rect.c0)}:${columnLetters(rect.c1)}`;
  if (isWholeRows(rect)) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  const a = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellA1(rect.r1, rect.c1)}`;
}

/** $A$1:$B$2, as used in chart series formulas and list validation sources. */
export function rectAbsolute(rect: Rect): string {
  const cell = (r: number, c: number) => `$${columnLetters(c)}$${r + 1}`;
  if (isWholeColumns(rect) && !isWholeRows(rect)) return `$${columnLetters(rect.c0)}:$${columnLetters(rect.c1)}`;
  if (isWholeRows(rect)) return `$${rect.r0 + 1}:$${rect.r1 + 1}`;
  const a = cell(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cell(rect.r1, rect.c1)}`;
}

/**
 * Sheet name as Excel writes it in a reference: quoted when it is not a plain identifier (spaces, punctuation,
 * a leading digit) or when it could be read as a cell reference; embedded quotes are doubled.
 * CJK names are letters, so 客户 stays unquoted, like Excel prints it.
 */
export function quoteSheetName(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name);
  const looksLikeRef = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]\d*$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name);
  if (plain && !looksLikeRef) return name;
  return `'${name.replace(/'/g, "''")}'`;
}

export function qualified(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectA1(rect)}`;
}

export function qualifiedAbsolute(sheet: string, rect: Rect): string {
  return `${quoteSheetName(sheet)}!${rectAbsolute(rect)}`;
}

export function rows(rect: Rect): number {
  return rect.r1 - rect.r0 + 1;
}

export function cols(rect: Rect): number {
  return rect.c1 - rect.c0 + 1;
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
}

export function intersection(a: Rect, b: Rect): Rect | null {
  if (!intersects(a, b)) return null;
  return { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
}

export function contains(outer: Rect, inner: Rect): boolean {
  return outer.r0 <= inner.r0 && outer.c0 <= inner.c0 && outer.r1 >= inner.r1 && outer.c1 >= inner.c1;
}

export function boundingRect(a: Rect, b: Rect): Rect {
  return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
}

/** a minus b, as up to four rectangles (used when clearing part of a conditional format's area). */
export function subtract(a: Rect, b: Rect): Rect[] {
  const cut = intersection(a, b);
  if (!cut) return [a];
  const out: Rect[] = [];
  if (cut.r0 > a.r0) out.push({ r0: a.r0, c0: a.c0, r1: cut.r0 - 1, c1: a.c1 });
  if (cut.r1 < a.r1) out.push({ r0: cut.r1 + 1, c0: a.c0, r1: a.r1, c1: a.c1 });
  if (cut.c0 > a.c0) out.push({ r0: cut.r0, c0: a.c0, r1: cut.r1, c1: cut.c0 - 1 });
  if (cut.c1 < a.c1) out.push({ r0: cut.r0, c0: cut.c1 + 1, r1: cut.r1, c1: a.c1 });
  return out;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.r0 === b.r0 && a.c0 === b.c0 && a.r1 === b.r1 && a.c1 === b.c1;
}
