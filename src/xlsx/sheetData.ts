/**
 * Cells of a worksheet part and the shared string table, read straight from their XML.
 *
 * Why not excelize's GetRows: it hands every cell across the wasm bridge as a separate JS string and still
 * needs a second call per cell for its type — seconds for a 5,000-client book. The parts are simple and fully
 * specified (ECMA-376 §18.3.1.4 c, §18.4.8 si), so a scan is both fast and exact about types: text stays text
 * ("00123", "13800138000"), numbers stay numbers, booleans booleans. Tests cross-check against excelize.
 */
import type { RawValue } from "../book/raw";
import { isoToSerial } from "../domain/dates";
import { colName, colNumber } from "./a1";
import { ownText } from "./ownText";
import { xmlUnescape } from "./zip";

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function decodeXString(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Concatenated text of the <t> runs of a string item (<si> or <is>), phonetic guides (<rPh>) left out. */
export function runText(inner: string): string {
  // (the guard: without "rPh" the pattern cannot match, and most cells have no phonetic guide)
  const body = inner.includes("rPh") ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : inner;
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ?? "";
  return decodeXString(xmlUnescape(out));
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] === undefined ? "" : ownText(runText(m[1])));
  return out;
}

/** ISO date-time (t="d" cells) → Excel serial with the time as a fraction; unparseable text stays text. */
export function isoDateTimeToSerial(s: string): RawValue {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/.exec(s);
  if (!m) return s;
  try {
    const day = isoToSerial(m[1]);
    const secs = m[2] ? Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4] ?? 0) : 0;
    return day + secs / 86400;
  } catch {
    return s;
  }
}

const ATTR_R = /\sr="([A-Za-z]{1,3})(\d+)"/;
const ATTR_ROW = /\sr="(\d+)"/;
const ATTR_T = /\st="(\w+)"/;
const V = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;
const F = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?is>)/;

/** One cell's value from its type attribute and inner XML. */
function cellValue(type: string | undefined, inner: string | undefined, shared: readonly string[]): RawValue {
  if (inner === undefined) return null;
  if (type === "inlineStr") {
    const is = IS.exec(inner);
    return is ? runText(is[1] ?? "") : null;
  }
  const vm = V.exec(inner);
  if (!vm) return null;
  const v = vm[1] ?? "";
  switch (type) {
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : null;
    }
    case "str":
    case "e":
      return decodeXString(xmlUnescape(v));
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "d":
      return isoDateTimeToSerial(xmlUnescape(v).trim());
    default: {
      const s = v.trim();
      if (s === "") return null;
      const n = Number(s);
      return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : xmlUnescape(s);
    }
  }
}

/**
 * The cells of a worksheet part as a grid from A1: grid[row - 1][col - 1]. Empty cells are null, each row's
 * trailing empties and the trailing empty rows are trimmed. Rows and cells without an r attribute follow the
 * previous one, as the format allows. With `formulas`, each formula's text ("=SUM(B2:B5)") is collected by
 * cell ("B6"); a shared formula's other cells have no text of their own and are not listed.
 */
export function parseSheetCells(xml: string, shared: readonly string[], formulas?: Map<string, string>): RawValue[][] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const end = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data = xml.slice(start, end < 0 ? undefined : end);
  const grid: RawValue[][] = [];
  let row = 0;
  let col = 0;
  const re = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of data.matchAll(re)) {
    if (m[1] !== undefined) {
      const r = ATTR_ROW.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      col = 0;
      continue;
    }
    const attrs = m[2];
    const ref = ATTR_R.exec(attrs);
    if (ref) {
      col = colNumber(ref[1]) ?? col + 1;
      row = Number(ref[2]);
    } else {
      col += 1;
    }
    if (row < 1 || col < 1) continue;
    if (formulas && m[3] !== undefined) {
      const fm = F.exec(m[3]);
      if (fm && fm[1]) formulas.set(`${colName(col)}${row}`, ownText(`=${decodeXString(xmlUnescape(fm[1]))}`));
    }
    const type = ATTR_T.exec(attrs)?.[1];
    const read = cellValue(type, m[3], shared);
    if (read === null) continue;
    // text cut from the part is copied, so the grid and the book made from it do not keep the part's XML alive
    // (a shared string is copied once, in parseSharedStrings)
    const value = typeof read === "string" && type !== "s" ? ownText(read) : read;
    while (grid.length < row) grid.push([]);
    const cells = grid[row - 1];
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
  }
  return grid;
}
