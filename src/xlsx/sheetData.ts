/**
 * Cells of a worksheet part and the shared string table, read straight from their XML.
 *
 * Why not excelize's GetRows: it hands every cell across the wasm bridge as a separate JS string and still
 * needs a second call per cell for its type — seconds for a 5,000-client book. The parts are simple and fully
 * specified (ECMA-376 §18.3.1.4 c, §18.3.1.73 row, §18.4.8 si), so a scan is both fast and exact about types: text
 * stays text ("00123", "13800138000"), numbers stay numbers, booleans booleans. Tests cross-check against excelize.
 *
 * The scan is written by hand (charCodeAt over the part, positions instead of substrings) rather than with regular
 * expressions: per cell, the match objects, attribute substrings and number substrings of a regex scan cost ~4 s of
 * the 5,000-client build (issue #19). It steps with charCodeAt rather than indexOf: the distances are a few characters,
 * and on a two-byte part (any Chinese text makes the whole part two-byte) each indexOf call costs more than the walk. It reproduces, position for position, what the earlier patterns matched
 * — an element is `<(?:\w+:)?name\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?name>)`, first match from the left —
 * and tests/xlsx/sheetScan.test.ts keeps that regex version as the reference and compares the two on generated parts.
 */
import type { RawValue } from "../book/raw";
import { isTrimSpace } from "../book/text";
import { isoToSerial } from "../domain/dates";
import { colName, MAX_COLS } from "./a1";
import { ownText } from "./ownText";
import { xmlUnescape } from "./zip";

/** Excel escapes characters XML cannot hold as _xHHHH_ (and a literal "_x" as _x005F_x). */
export function decodeXString(s: string): string {
  return s.includes("_x") ? s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const COLON = 58;
const QUOTE = 34;

/** \w of a JS regular expression without the u flag: [A-Za-z0-9_]. */
function isWord(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** Position of the first character c in s[from..lim), or lim. */
function seek(s: string, from: number, lim: number, c: number): number {
  let i = from;
  while (i < lim && s.charCodeAt(i) !== c) i++;
  return i;
}

/** `name` spelled at s[i..] entirely before lim. */
function spells(s: string, i: number, lim: number, name: string): boolean {
  if (i + name.length > lim) return false;
  for (let k = 0; k < name.length; k++) if (s.charCodeAt(i + k) !== name.charCodeAt(k)) return false;
  return true;
}

/** Length of the run of \w characters at s[i..lim). */
function wordRun(s: string, i: number, lim: number): number {
  let j = i;
  while (j < lim && isWord(s.charCodeAt(j))) j++;
  return j - i;
}

/**
 * `<(?:\w+:)?name\b` at the "<" at p: the position after the name (where the attributes start), or -1. A prefix is
 * the whole \w run before a ":" (\w has no ":"), tried first; without it the name must follow "<" directly.
 */
function openName(s: string, p: number, lim: number, name: string): number {
  const w = wordRun(s, p + 1, lim);
  if (w > 0 && p + 1 + w < lim && s.charCodeAt(p + 1 + w) === COLON) {
    const at = p + 2 + w;
    const after = at + name.length;
    if (spells(s, at, lim, name) && (after >= lim || !isWord(s.charCodeAt(after)))) return after;
  }
  const after = p + 1 + name.length;
  return spells(s, p + 1, lim, name) && (after >= lim || !isWord(s.charCodeAt(after))) ? after : -1;
}

/** End of the first `<\/(?:\w+:)?name>` starting at or after from and ending by lim (set in closeEnd); its start, or -1. */
let closeEnd = 0;
let closeTagStart = 0;
function closeTag(s: string, from: number, lim: number, name: string): number {
  for (let r = seek(s, from, lim, LT); r + 3 + name.length <= lim; r = seek(s, r + 1, lim, LT)) {
    if (s.charCodeAt(r + 1) !== SLASH) continue;
    const w = wordRun(s, r + 2, lim);
    if (w > 0 && r + 2 + w < lim && s.charCodeAt(r + 2 + w) === COLON) {
      const at = r + 3 + w;
      if (at + name.length < lim && spells(s, at, lim, name) && s.charCodeAt(at + name.length) === GT) {
        closeEnd = at + name.length + 1;
        closeTagStart = r;
        return r;
      }
    }
    if (spells(s, r + 2, lim, name) && s.charCodeAt(r + 2 + name.length) === GT) {
      closeEnd = r + 3 + name.length;
      closeTagStart = r;
      return r;
    }
  }
  return -1;
}

// The element found by elementAt(): its content [elInner, elInnerEnd) (elInner -1 when self-closing) and the
// position after it (elEnd). Module state, so a match allocates nothing.
let elInner = -1;
let elInnerEnd = -1;
let elEnd = 0;

/**
 * `<(?:\w+:)?name\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?name>)` matched at the "<" at p within lim. The attributes
 * run to the first ">" (less a "/" right before it: self-closing); otherwise the content runs to the first closing
 * tag. With a prefix that fails, the regex retries without one, which finds the same ">" and the same closing tag,
 * so one try decides.
 */
function elementAt(s: string, p: number, lim: number, name: string): boolean {
  const a = openName(s, p, lim, name);
  if (a < 0) return false;
  const g = seek(s, a, lim, GT);
  if (g >= lim) return false;
  if (g > a && s.charCodeAt(g - 1) === SLASH) {
    elInner = -1;
    elInnerEnd = -1;
    elEnd = g + 1;
    return true;
  }
  const c = closeTag(s, g + 1, lim, name);
  if (c < 0) return false;
  elInner = g + 1;
  elInnerEnd = c;
  elEnd = closeEnd;
  return true;
}

/** The first such element in [from, lim), as RegExp.exec would find it; false when there is none. */
function findElement(s: string, from: number, lim: number, name: string): boolean {
  for (let p = seek(s, from, lim, LT); p < lim; p = seek(s, p + 1, lim, LT)) if (elementAt(s, p, lim, name)) return true;
  return false;
}

/** Concatenated text of the <t> runs of a string item (<si> or <is>), phonetic guides (<rPh>) left out. */
export function runText(inner: string): string {
  return runTextIn(inner, 0, inner.length);
}

/** runText of s[from..lim), without cutting it out when there is no phonetic guide. */
function runTextIn(s: string, from: number, lim: number): string {
  if (!contains(s, from, lim, "rPh")) return tRuns(s, from, lim);
  // rare (Japanese readings): removing the guides joins the text around them, so the runs are read from the result
  const body = s.slice(from, lim).replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "");
  return tRuns(body, 0, body.length);
}

/** `what` occurs within s[from..lim) (indexOf would search on to the end of the part). */
function contains(s: string, from: number, lim: number, what: string): boolean {
  const c0 = what.charCodeAt(0);
  for (let i = from; i + what.length <= lim; i++) if (s.charCodeAt(i) === c0 && spells(s, i, lim, what)) return true;
  return false;
}

/** The <t> runs of s[from..lim) joined, then entities and _xHHHH_ decoded (on the joined text, as before). */
function tRuns(s: string, from: number, lim: number): string {
  let out = "";
  let pos = from;
  while (findElement(s, pos, lim, "t")) {
    // one run (the usual case) is a single slice
    if (elInner >= 0) out = out === "" ? s.slice(elInner, elInnerEnd) : out + s.slice(elInner, elInnerEnd);
    pos = elEnd;
  }
  return decodeXString(xmlUnescape(out));
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  let pos = 0;
  while (findElement(xml, pos, xml.length, "si")) {
    pos = elEnd; // (before runTextIn, which finds elements of its own)
    out.push(elInner < 0 ? "" : ownText(runTextIn(xml, elInner, elInnerEnd)));
  }
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

/** Exact doubles 1e0..1e22: a decimal with at most 15 digits divided by one of them is rounded once, correctly. */
const POW10 = Array.from({ length: 23 }, (_v, i) => Number(`1e${i}`));

/**
 * Number(s[a..b)) for the plain decimals cells hold ("-12", "59635.44"), without cutting the text out: at most 15
 * significant digits and 22 after the point, so the digits and the power of ten are exact doubles and one division
 * gives the correctly rounded value, as Number does (Clinger's fast path, "How to read floating point numbers
 * accurately", PLDI 1990). NaN means "not that simple" — the caller then asks Number itself.
 */
function plainDecimal(s: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  const c0 = s.charCodeAt(i);
  if (c0 === 45 || c0 === 43) {
    neg = c0 === 45;
    i++;
  }
  let mant = 0;
  let sig = 0;
  let digits = 0;
  let frac = -1;
  for (; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits++;
      if (frac >= 0) frac++;
      if (mant === 0 && c === 48) continue;
      if (++sig > 15) return NaN;
      mant = mant * 10 + (c - 48);
    } else if (c === 46 && frac < 0) {
      frac = 0;
    } else {
      return NaN;
    }
  }
  if (digits === 0 || frac > 22) return NaN;
  const v = frac > 0 ? mant / POW10[frac] : mant;
  return neg ? -v : v;
}

// cell types (t attribute, §18.18.11 ST_CellType); any other value reads as a number, as "n" does
const T_N = 0;
const T_S = 1;
const T_STR = 2;
const T_E = 3;
const T_B = 4;
const T_D = 5;
const T_INLINE = 6;

function typeCode(s: string, a: number, b: number): number {
  switch (b - a) {
    case 1: {
      const c = s.charCodeAt(a);
      return c === 115 ? T_S : c === 101 ? T_E : c === 98 ? T_B : c === 100 ? T_D : T_N;
    }
    case 3:
      return spells(s, a, b, "str") ? T_STR : T_N;
    case 9:
      return spells(s, a, b, "inlineStr") ? T_INLINE : T_N;
    default:
      return T_N;
  }
}

/** One cell's value from its type and content s[inner..innerEnd) (inner -1: self-closing, no value). */
function cellValue(type: number, s: string, inner: number, innerEnd: number, shared: readonly string[]): RawValue {
  if (inner < 0) return null;
  if (type === T_INLINE) return findElement(s, inner, innerEnd, "is") ? (elInner < 0 ? "" : runTextIn(s, elInner, elInnerEnd)) : null;
  if (!findElement(s, inner, innerEnd, "v")) return null;
  return valueText(type, s, elInner < 0 ? 0 : elInner, elInner < 0 ? 0 : elInnerEnd, shared);
}

/** The value of a cell of a type other than inlineStr whose <v> holds s[va..vb). */
function valueText(type: number, s: string, va: number, vb: number, shared: readonly string[]): RawValue {
  // trimmed: s[ta..tb)
  let ta = va;
  let tb = vb;
  while (ta < tb && isTrimSpace(s.charCodeAt(ta))) ta++;
  while (tb > ta && isTrimSpace(s.charCodeAt(tb - 1))) tb--;
  switch (type) {
    case T_S: {
      // Number(v): blank is 0
      let i = ta === tb ? 0 : plainDecimal(s, ta, tb);
      if (Number.isNaN(i)) i = Number(s.slice(va, vb));
      return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : null;
    }
    case T_STR:
    case T_E:
      return decodeXString(xmlUnescape(s.slice(va, vb)));
    case T_B: {
      // v.trim() === "1" || v.trim().toLowerCase() === "true" (lowercasing keeps "true" at 4 characters)
      const n = tb - ta;
      if (n === 1) return s.charCodeAt(ta) === 49;
      return n === 4 && s.slice(ta, tb).toLowerCase() === "true";
    }
    case T_D:
      return isoDateTimeToSerial(xmlUnescape(s.slice(va, vb)).trim());
    default: {
      if (ta === tb) return null;
      let n = plainDecimal(s, ta, tb);
      if (Number.isNaN(n)) {
        const t = s.slice(ta, tb);
        n = Number(t);
        if (!Number.isFinite(n)) return xmlUnescape(t);
      }
      return Object.is(n, -0) ? 0 : n;
    }
  }
}

const SHAPE_NONE = 0;
const SHAPE_V = 1;
const SHAPE_IS = 2;
// what usualContent found: the text s[qText..qTextEnd), the cell's content end (its "</c>") and the position after it
let qText = 0;
let qTextEnd = 0;
let qInnerEnd = 0;
let qEnd = 0;

/**
 * A cell's content as writers put it, from i (after the cell's ">"): `<v>X</v></c>` (SHAPE_V) or
 * `<is><t>X</t></is></c>` / `<is><t xml:space="preserve">X</t></is></c>` (SHAPE_IS), X without "<"; else SHAPE_NONE
 * and the general search decides. In these shapes the only tags before that "</c>" are the ones named, none of them
 * a closing c, f, rPh or a second t, so the general search would find exactly this "</c>", this <v> or these <is>
 * and <t> — one pass over the text instead of one per element.
 */
function usualContent(s: string, i: number, lim: number): number {
  if (i + 3 > lim || s.charCodeAt(i) !== LT) return SHAPE_NONE;
  const c1 = s.charCodeAt(i + 1);
  let shape: number;
  let j: number;
  if (c1 === 118 && s.charCodeAt(i + 2) === GT) {
    shape = SHAPE_V;
    j = i + 3;
  } else if (c1 === 105 && spells(s, i, lim, "<is><t")) {
    j = i + 6;
    if (j >= lim) return SHAPE_NONE;
    const c = s.charCodeAt(j);
    if (c === 32) {
      // attributes: up to the ">", with no "<" and not self-closing
      for (; j < lim; j++) {
        const a = s.charCodeAt(j);
        if (a === GT || a === LT) break;
      }
      if (j >= lim || s.charCodeAt(j) !== GT || s.charCodeAt(j - 1) === SLASH) return SHAPE_NONE;
    } else if (c !== GT) {
      return SHAPE_NONE;
    }
    shape = SHAPE_IS;
    j++;
  } else {
    return SHAPE_NONE;
  }
  const e = seek(s, j, lim, LT);
  const tail = shape === SHAPE_V ? "</v></c>" : "</t></is></c>";
  if (!spells(s, e, lim, tail)) return SHAPE_NONE;
  qText = j;
  qTextEnd = e;
  qInnerEnd = e + tail.length - 4;
  qEnd = e + tail.length;
  return shape;
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
  const end = sheetDataEnd(xml);
  // the scan stays within [start, lim), as the earlier one did within xml.slice(start, end)
  const lim = end < 0 ? xml.length : Math.max(end, start);
  const s = xml;
  const grid: RawValue[][] = [];
  let row = 0;
  let col = 0;
  let pos = start;
  for (let p = seek(s, pos, lim, LT); p < lim; p = seek(s, pos, lim, LT)) {
    pos = p + 1;
    // <row …> or <row …/> (§18.3.1.73): only its r matters; tried before <c>, as the earlier pattern did
    const ra = openName(s, p, lim, "row");
    if (ra >= 0) {
      const g = seek(s, ra, lim, GT);
      if (g < lim) {
        const attrsEnd = g > ra && s.charCodeAt(g - 1) === SLASH ? g - 1 : g;
        const r = rowAttr(s, ra, attrsEnd);
        row = Number.isNaN(r) ? row + 1 : r;
        col = 0;
        pos = g + 1;
        continue;
      }
    }
    // <c …/> or <c …>…</c> (§18.3.1.4), as elementAt finds it; the two usual contents are read in one pass
    const ca = openName(s, p, lim, "c");
    if (ca < 0) continue;
    const g = seek(s, ca, lim, GT);
    if (g >= lim) continue;
    let inner = -1;
    let innerEnd = -1;
    let attrsEnd = g;
    let shape = SHAPE_NONE;
    if (g > ca && s.charCodeAt(g - 1) === SLASH) {
      attrsEnd = g - 1;
      pos = g + 1;
    } else {
      shape = usualContent(s, g + 1, lim);
      if (shape !== SHAPE_NONE) {
        pos = qEnd;
      } else {
        const close = closeTag(s, g + 1, lim, "c");
        if (close < 0) continue;
        pos = closeEnd;
      }
      inner = g + 1;
      innerEnd = shape !== SHAPE_NONE ? qInnerEnd : closeTagStart;
    }
    // attributes r="A1" and t="s" (§18.3.1.4): the first well-formed one of each, as /\sr="([A-Za-z]{1,3})(\d+)"/ and
    // /\st="(\w+)"/ found them
    let refFound = false;
    let refCol: number | undefined;
    let refRow = 0;
    let type = T_N;
    let typeFound = false;
    for (let i = ca, e = attrsEnd; i + 4 < e && !(refFound && typeFound); i++) {
      if (!isTrimSpace(s.charCodeAt(i)) || s.charCodeAt(i + 2) !== 61 || s.charCodeAt(i + 3) !== QUOTE) continue;
      const n = s.charCodeAt(i + 1);
      if (n === 114 && !refFound) {
        // r="…": 1–3 letters, then digits, then the closing quote
        let j = i + 4;
        let letters = 0;
        let c = 0;
        for (; j < e; j++) {
          const ch = s.charCodeAt(j) | 0x20;
          if (ch < 97 || ch > 122) break;
          c = c * 26 + (ch - 96);
          letters++;
        }
        if (letters < 1 || letters > 3) continue;
        const d = j;
        while (j < e && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
        if (j === d || j >= e || s.charCodeAt(j) !== QUOTE) continue;
        refFound = true;
        refCol = c <= MAX_COLS ? c : undefined;
        refRow = digitsValue(s, d, j);
      } else if (n === 116 && !typeFound) {
        const w = wordRun(s, i + 4, e);
        if (w === 0 || i + 4 + w >= e || s.charCodeAt(i + 4 + w) !== QUOTE) continue;
        typeFound = true;
        type = typeCode(s, i + 4, i + 4 + w);
      }
    }
    if (refFound) {
      col = refCol ?? col + 1;
      row = refRow;
    } else {
      col += 1;
    }
    if (row < 1 || col < 1) continue;
    // (the usual contents hold no <f>)
    if (formulas && inner >= 0 && shape === SHAPE_NONE && findElement(s, inner, innerEnd, "f") && elInner >= 0 && elInnerEnd > elInner) {
      formulas.set(`${colName(col)}${row}`, ownText(`=${decodeXString(xmlUnescape(s.slice(elInner, elInnerEnd)))}`));
    }
    const read =
      shape === SHAPE_IS && type === T_INLINE
        ? decodeXString(xmlUnescape(s.slice(qText, qTextEnd)))
        : shape === SHAPE_V && type !== T_INLINE
          ? valueText(type, s, qText, qTextEnd, shared)
          : cellValue(type, s, inner, innerEnd, shared);
    if (read === null) continue;
    // text cut from the part is copied, so the grid and the book made from it do not keep the part's XML alive
    // (a shared string is copied once, in parseSharedStrings)
    const value = typeof read === "string" && type !== T_S ? ownText(read) : read;
    while (grid.length < row) grid.push([]);
    const cells = grid[row - 1];
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
  }
  return grid;
}

/**
 * xml.search(/<\/(?:\w+:)?sheetData>/) without the regular expression, which steps through the whole part (~5 % of
 * the read); indexOf of the longer "sheetData>" skips ahead. The first "sheetData>" with "</" or "</prefix:" before
 * it starts the leftmost match: a later one's "</prefix:" cannot reach back past an earlier one's ">".
 */
function sheetDataEnd(xml: string): number {
  for (let i = xml.indexOf("sheetData>"); i >= 0; i = xml.indexOf("sheetData>", i + 1)) {
    if (i >= 2 && xml.charCodeAt(i - 1) === SLASH && xml.charCodeAt(i - 2) === LT) return i - 2;
    if (i >= 1 && xml.charCodeAt(i - 1) === COLON) {
      let j = i - 2;
      while (j >= 0 && isWord(xml.charCodeAt(j))) j--;
      if (j < i - 2 && j >= 1 && xml.charCodeAt(j) === SLASH && xml.charCodeAt(j - 1) === LT) return j - 1;
    }
  }
  return -1;
}

/** Number(s[a..b)) of a run of ASCII digits; beyond 15 digits Number itself rounds it. */
function digitsValue(s: string, a: number, b: number): number {
  if (b - a > 15) return Number(s.slice(a, b));
  let n = 0;
  for (let i = a; i < b; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return n;
}

/** The row number of /\sr="(\d+)"/ in a row's attributes s[a..e), or NaN when there is none. */
function rowAttr(s: string, a: number, e: number): number {
  for (let i = a; i + 4 < e; i++) {
    if (!isTrimSpace(s.charCodeAt(i)) || s.charCodeAt(i + 1) !== 114 || s.charCodeAt(i + 2) !== 61 || s.charCodeAt(i + 3) !== QUOTE) continue;
    let j = i + 4;
    while (j < e && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j > i + 4 && j < e && s.charCodeAt(j) === QUOTE) return digitsValue(s, i + 4, j);
  }
  return NaN;
}
