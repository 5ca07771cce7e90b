/**
 * Column widths that fit what the cells show, and long text that wraps instead of running off the table — the
 * rule both renderers apply to every output sheet before writing it (src/xlsx/renderSpec.ts, src/excel/renderSheet.ts).
 *
 * Why: a number or date wider than its column prints as ### (Excel, WPS and LibreOffice alike), and a text in the
 * last column of a table runs past the table's edge onto the next printed page. The builders give each column a
 * width for its usual content; this widens a column where a value needs more and never narrows one.
 *
 * - Widths are in Excel's unit, the width of the digit 0; CJK characters count two (src/book/layout.ts textWidth).
 * - A number's shown text is worked out from its number format (shownText): grouping, decimals, %, scaling commas,
 *   quoted literals such as "万", and dates by their pattern (yyyy-mm-dd is 10 characters).
 * - Bold type is wider: LibreOffice on a machine without Calibri (DejaVu Sans in its place) shows ### for a bold
 *   10-character date in a column 10 wide and shows it at 11 (measured: docs/ARCHITECTURE.md § Printing); so a
 *   value needs its characters × 1.1 when bold, plus one for the cell's padding.
 * - Text is fitted only where it would be cut (its right neighbour holds something), up to MAX_FIT_WIDTH; longer
 *   text cut so, and text in a table's last column longer than the column, wraps there (below the frozen rows).
 *   Merged cells (titles) are left alone.
 *
 * fitTableWidths does the same for the book's tables as the file writer lays them out (src/xlsx/bookFile.ts).
 */
import { textWidth } from "../book/layout";
import { colName, parseRange, type RangeRef } from "./a1";
import { DEFAULT_COLUMN_WIDTH } from "./layout";
import { isFormula, type RangeFormat, type SheetSpec } from "./spec";

/** Points per line of wrapped text: Excel's 15-point row of 11-point type, plus a point for CJK glyphs. */
export const LINE_POINTS = 16;
/** No column is widened past this for text; longer text wraps (the book's tables cap widths at 60). */
export const MAX_FIT_WIDTH = 40;

/** Excel's serial day 0 is 1899-12-30 (with the 1900 leap-year bug folded in for serials after 60). */
function serialYear(serial: number): number {
  return new Date(Math.round((serial - 25569) * 86400000)).getUTCFullYear();
}

/** Where a literal stood in a format's pattern (a character no format code uses). */
const LIT = "\u{E000}";

/** Date codes, longest first; the text each shows (null: the value's year, the one part that depends on the value). */
const DATE_TOKENS: readonly [RegExp, string | null][] = [
  [/^yyyy|^yyy/i, null],
  [/^yy?/i, "00"],
  [/^mmmmm/i, "S"],
  [/^mmmm/i, "September"],
  [/^mmm/i, "Sep"],
  [/^mm?/i, "00"],
  [/^dddd/i, "Wednesday"],
  [/^ddd/i, "Wed"],
  [/^dd?/i, "00"],
  [/^aaaa/i, "星期三"],
  [/^aaa/i, "三"],
  [/^hh?|^ss?/i, "00"],
  [/^am\/pm|^a\/p/i, "PM"],
];

/**
 * A date section: its text is `pieces` joined with the value's year between them (pieces.length − 1 years), then
 * the section's literals. Only the year depends on the value.
 */
interface DateSection {
  readonly date: true;
  readonly pieces: readonly string[];
  /** The whole text when the section shows no year. */
  readonly fixed?: string;
}

/**
 * A digit section: the value × 100 per % ÷ 1,000 per scaling comma, to `decimals` places, the integer part padded
 * to `minInt` zeros and grouped by three when the pattern has a comma between digits; then `suffix` (the %s, the
 * pattern's other characters, the literals).
 */
interface DigitSection {
  readonly date: false;
  readonly percentTimes: number;
  readonly scaleDivisor: number;
  readonly decimals: number;
  readonly minInt: number;
  readonly grouped: boolean;
  readonly suffix: string;
}

type Section = DateSection | DigitSection;

/** A number format parsed once: General, or its sections (positive; negative; zero; the rest ignored). */
export interface CompiledFormat {
  readonly general: boolean;
  readonly sections: readonly Section[];
}

const GENERAL: CompiledFormat = { general: true, sections: [] };

/** One section's text, parsed: literals out, placeholders kept ("text", \x, _x a space, *x nothing, [colour/locale]). */
function compileSection(body: string): Section {
  let literal = "";
  let pattern = "";
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (ch === '"') {
      const end = body.indexOf('"', i + 1);
      literal += body.slice(i + 1, end < 0 ? undefined : end);
      pattern += LIT;
      i = end < 0 ? body.length : end;
    } else if (ch === "\\") {
      literal += body[i + 1] ?? "";
      pattern += LIT;
      i++;
    } else if (ch === "_") {
      literal += " ";
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      i = body.indexOf("]", i) < 0 ? body.length : body.indexOf("]", i);
    } else {
      pattern += ch;
    }
  }
  if (/[ymdhsa]/i.test(pattern.replace(/e[+-]/gi, ""))) {
    const pieces: string[] = [];
    let out = "";
    let rest = pattern;
    while (rest.length > 0) {
      const hit = DATE_TOKENS.find(([re]) => re.test(rest));
      if (hit) {
        const m = hit[0].exec(rest)![0];
        if (hit[1] === null) {
          pieces.push(out);
          out = "";
        } else out += hit[1];
        rest = rest.slice(m.length);
      } else {
        out += rest[0] === LIT ? "" : rest[0];
        rest = rest.slice(1);
      }
    }
    pieces.push(out + literal);
    return pieces.length === 1 ? { date: true, pieces, fixed: pieces[0] } : { date: true, pieces };
  }
  const digitsPart = pattern.replace(/[^0#?.,%]/g, "");
  const percent = (pattern.match(/%/g) ?? []).length;
  const point = digitsPart.indexOf(".");
  const intPart = point < 0 ? digitsPart : digitsPart.slice(0, point);
  const decimals = point < 0 ? 0 : (digitsPart.slice(point + 1).match(/[0#?]/g) ?? []).length;
  const intPlain = intPart.replace(/,+$/, "");
  // commas after the last digit placeholder divide by 1,000 each (#,##0,, in millions; 0.0, in thousands)
  const scaleCommas = /[0#?.],+(?=[^0#?]*$)/.exec(digitsPart.replace(/%/g, ""))?.[0].length ?? 0;
  const scale = scaleCommas > 0 ? scaleCommas - 1 : 0;
  const others = pattern.replace(/[0#?.,%]/g, "").split(LIT).join("");
  return {
    date: false,
    percentTimes: 100 ** percent,
    scaleDivisor: 1000 ** scale,
    decimals,
    minInt: (intPlain.match(/0/g) ?? []).length,
    grouped: /[0#?],+[0#?]/.test(intPlain),
    suffix: `${"%".repeat(percent)}${others}${literal}`,
  };
}

/** Formats parsed so far (a build uses a dozen; the cap only guards against a caller making them up per cell). */
const compiled = new Map<string, CompiledFormat>();
const MAX_COMPILED = 1000;

/** A number format parsed once (cached by its text): the same sections for every value shown with it. */
export function compileFormat(format: string | undefined): CompiledFormat {
  if (!format) return GENERAL;
  let f = compiled.get(format);
  if (f) return f;
  if (/^general$/i.test(format)) f = GENERAL;
  else {
    // sections split at semicolons outside quotes
    const parts = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    f = { general: false, sections: parts.slice(0, 3).map(compileSection) };
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(format, f);
  return f;
}

/** Excel's General: at most 11 characters, fewer decimals, or 1.23457E+11 for large numbers. */
function generalText(value: number): string {
  const s = String(Number(value.toPrecision(10)));
  if (s.length <= 11) return s;
  return Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9) ? value.toExponential(5).toUpperCase() : s.slice(0, 11);
}

/** The section a value is shown with (index into sections) — the second for negatives when there is one, the third for zero — and whether it shows a minus sign. */
function sectionOf(f: CompiledFormat, value: number): number {
  const n = f.sections.length;
  if (value < 0 && n > 1) return 1;
  if (value === 0 && n > 2) return 2;
  return 0;
}

/** The text `value` shows under a compiled format. */
export function formatText(f: CompiledFormat, value: number): string {
  if (f.general) return generalText(value);
  const index = sectionOf(f, value);
  const s = f.sections[index];
  if (s.date) {
    if (s.fixed !== undefined) return s.fixed;
    const year = String(serialYear(value));
    let out = s.pieces[0];
    for (let i = 1; i < s.pieces.length; i++) out += year + s.pieces[i];
    return out;
  }
  const sign = index === 0 && value < 0;
  const n = (Math.abs(value) * s.percentTimes) / s.scaleDivisor;
  const fixed = n.toFixed(s.decimals);
  const point = fixed.indexOf(".");
  let int = point < 0 ? fixed : fixed.slice(0, point);
  const frac = point < 0 ? "" : fixed.slice(point + 1);
  if (int === "0" && s.minInt === 0) int = "";
  if (int.length < s.minInt) int = int.padStart(s.minInt, "0");
  if (s.grouped && int.length > 3) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${sign ? "-" : ""}${int}${s.decimals > 0 ? `.${frac}` : ""}${s.suffix}`;
}

/**
 * The text a number shows under an Excel number format (close enough to measure it): grouping, decimals, %,
 * scaling commas, quoted literals, dates by their pattern; General in at most 11 characters. The format is parsed
 * once (compileFormat) and only the value's part worked out per call.
 */
export function shownText(value: number, format: string | undefined): string {
  return formatText(compileFormat(format), value);
}

/** Character columns a text `width` columns wide needs to show whole: × 1.1 when bold, + 1 for the padding. */
function columnsFor(width: number, bold: boolean): number {
  return Math.ceil(width * (bold ? 1.1 : 1) * 10) / 10 + 1;
}

/** Character columns a value needs to show whole in a column: its text, × 1.1 when bold, + 1 for the padding. */
export function neededWidth(text: string, bold: boolean): number {
  return columnsFor(textWidth(text), bold);
}

/** Largest |value| below which a date section's serial is a real date (Date's range is ±1e8 days from 1970). */
const DATE_SERIAL_LIMIT = 9e7;
/** toFixed writes numbers from 1e21 up as 1e+21: shorter than the digits below them, so measured one by one. */
const FIXED_LIMIT = 1e21;
/** Integers below this show in General as themselves (at most 10 digits, so toPrecision(10) keeps them whole). */
const GENERAL_INTEGER_LIMIT = 1e10;
/** General never shows more than 11 characters for 0 and 1e-9 ≤ |value| < 1e11 (generalText). */
const GENERAL_MAX = 11;

/**
 * The numbers of one column under one number format, kept so that the widest shown text among them can be found
 * by formatting a few: for each class of values whose shown text's width follows their size, only the extremes.
 *
 * Why it is exact (the same widest text as formatting every value, which tests/sheets/widthsFast.test.ts holds to
 * the old code):
 * - Digit sections (value < 1e21 after % and scaling): the text is a fixed part (minus sign, point and decimals,
 *   suffix) around the integer part of toFixed. toFixed rounds the exact value to the nearest (ties up), so its
 *   integer part never shrinks as |value| grows, nor do the zeros it is padded to or the commas grouping it, and
 *   |value| × 100ⁿ ÷ 1000ᵐ never decreases either (rounded multiplication and division are monotone). Per section
 *   and sign, the largest |value| shows the widest text.
 * - Date sections: only the year depends on the value (the other codes are measured at their widest), the year
 *   grows with the serial, and the year's digits (with a minus before year 0) are fewest near year 0 — so the
 *   least and the greatest serial show the widest text. Serials beyond ±9e7 days (no date) are measured singly.
 * - General: an integer below 1e10 shows as itself, so per sign the largest |value| is the widest. Any other value
 *   is measured at once (the one widest kept); those between 1e-9 and 1e11 show at most 11 characters, so once one
 *   shows 11 the rest cannot be wider and are passed over.
 * - Anything else (1e21 and beyond, NaN, ±∞) is measured at once.
 */
/** Where WidestNumbers keeps a date section's least and greatest serial. */
const LEAST = 6;
const GREATEST = 9;

class WidestNumbers {
  /**
   * The values kept, NaN for none yet (NaN itself is measured at once): at 0–5 per class the value of greatest
   * magnitude (2 × section + 1 when it shows a minus; General by sign), at LEAST + section and GREATEST + section
   * a date section's least and greatest serial.
   */
  private readonly kept = new Float64Array(12).fill(NaN);
  /** The widest of the values measured at once. */
  private measured = -1;

  constructor(private readonly format: CompiledFormat) {}

  add(value: number): void {
    const f = this.format;
    if (f.general) {
      if (Number.isInteger(value) && value > -GENERAL_INTEGER_LIMIT && value < GENERAL_INTEGER_LIMIT) this.keepLargest(value < 0 ? 1 : 0, value);
      else if (this.measured < GENERAL_MAX || !(value === 0 || (Math.abs(value) >= 1e-9 && Math.abs(value) < 1e11))) this.measure(value);
      return;
    }
    const index = sectionOf(f, value);
    const s = f.sections[index];
    if (s.date) {
      if (value >= -DATE_SERIAL_LIMIT && value <= DATE_SERIAL_LIMIT) {
        const low = this.kept[LEAST + index];
        if (Number.isNaN(low) || value < low) this.kept[LEAST + index] = value;
        const high = this.kept[GREATEST + index];
        if (Number.isNaN(high) || value > high) this.kept[GREATEST + index] = value;
      } else this.measure(value);
      return;
    }
    if ((Math.abs(value) * s.percentTimes) / s.scaleDivisor < FIXED_LIMIT) this.keepLargest(2 * index + (index === 0 && value < 0 ? 1 : 0), value);
    else this.measure(value);
  }

  private keepLargest(k: number, value: number): void {
    const top = this.kept[k];
    if (Number.isNaN(top) || Math.abs(value) > Math.abs(top)) this.kept[k] = value;
  }

  private measure(value: number): void {
    const w = textWidth(formatText(this.format, value));
    if (w > this.measured) this.measured = w;
  }

  /** The width (textWidth) of the widest text any value added shows; -1 when none was added. */
  widest(): number {
    let w = this.measured;
    for (const value of this.kept) {
      if (Number.isNaN(value)) continue;
      const t = textWidth(formatText(this.format, value));
      if (t > w) w = t;
    }
    return w;
  }
}

/** What the formats say at one cell, for widths: its number format, bold, wrap (the last entry setting each wins). */
export interface CellLook {
  numberFormat?: string;
  bold: boolean;
  wrap: boolean;
}

/** Flags of a cell in Looks: a format entry covers it (setting its number format, bold or wrap); bold; wrap. */
const TOUCHED = 1;
const BOLD = 2;
const WRAP = 4;

/**
 * What the formats say at each cell of a sheet, without an object per cell: for each column an entry covers, a
 * flag byte and a number-format index (into `numberFormats`, 0 for none) per row — the column's `rows` values at
 * `slot[column] × rows` in one buffer for the sheet.
 */
interface Looks {
  rows: number;
  /** Per column (0-based), its place in the buffers; -1 for a column no entry covers. */
  slot: Int32Array;
  flags: Uint8Array;
  formatIndex: Uint32Array;
  numberFormats: string[];
  /** Columns in the order an entry first covered them. */
  order: number[];
}

/**
 * The formats applied in the spec's order as a later one wins, to a grid of `rows` × `cols` cells. Built once per
 * sheet, so a sheet of 5,000 rows each with its own format entry costs the cells the entries cover, not rows ×
 * entries (a cell-by-cell scan of every entry of its column was quadratic: minutes for a 5,000-client coverage sheet).
 */
function paintLooks(formats: readonly RangeFormat[], rows: number, cols: number): Looks {
  const slot = new Int32Array(cols).fill(-1);
  const order: number[] = [];
  const numberFormats: string[] = [];
  const indexOf = new Map<string, number>();
  // the entries that say something, parsed once: their range, format index, the flags they set and keep
  const entries: { top: number; bottom: number; left: number; right: number; index: number; set: number; keep: number }[] = [];
  for (const f of formats) {
    const r = parseRange(f.range);
    if (!r) continue;
    const { numberFormat } = f;
    const bold = f.style?.bold;
    const wrap = f.style?.wrap;
    if (numberFormat === undefined && bold === undefined && wrap === undefined) continue;
    let index = 0;
    if (numberFormat !== undefined) {
      index = indexOf.get(numberFormat) ?? 0;
      if (index === 0) {
        numberFormats.push(numberFormat);
        indexOf.set(numberFormat, (index = numberFormats.length));
      }
    }
    const right = Math.min(r.right, cols);
    for (let c = r.left; c <= right; c++) {
      if (slot[c - 1] < 0) {
        slot[c - 1] = order.length;
        order.push(c - 1);
      }
    }
    entries.push({
      top: r.top,
      bottom: Math.min(r.bottom, rows),
      left: r.left,
      right,
      index,
      set: TOUCHED | (bold ? BOLD : 0) | (wrap ? WRAP : 0),
      keep: (bold === undefined ? BOLD : 0) | (wrap === undefined ? WRAP : 0),
    });
  }
  const flags = new Uint8Array(rows * order.length);
  const formatIndex = new Uint32Array(rows * order.length);
  for (const e of entries) {
    for (let c = e.left; c <= e.right; c++) {
      const base = slot[c - 1] * rows - 1;
      for (let row = e.top; row <= e.bottom; row++) {
        flags[base + row] = (flags[base + row] & e.keep) | e.set;
        if (e.index !== 0) formatIndex[base + row] = e.index;
      }
    }
  }
  return { rows, slot, flags, formatIndex, numberFormats, order };
}

/**
 * Per column (0-based) and row (0-based) of a grid of `rows` × `cols` cells, what the formats covering the cell
 * say, applied in the spec's order as a later one wins (paintLooks, as objects).
 */
export function looksByCell(formats: readonly RangeFormat[], rows: number, cols: number): Map<number, (CellLook | undefined)[]> {
  const looks = paintLooks(formats, rows, cols);
  const out = new Map<number, (CellLook | undefined)[]>();
  for (const c of looks.order) {
    const base = looks.slot[c] * rows;
    const list: (CellLook | undefined)[] = [];
    for (let r = 0; r < rows; r++) {
      const flags = looks.flags[base + r];
      if ((flags & TOUCHED) === 0) continue;
      const look: CellLook = { bold: (flags & BOLD) !== 0, wrap: (flags & WRAP) !== 0 };
      const index = looks.formatIndex[base + r];
      if (index !== 0) look.numberFormat = looks.numberFormats[index - 1];
      list[r] = look;
    }
    out.set(c, list);
  }
  return out;
}

/** The widest line of a text, in the columns it needs (neededWidth); a text without a line break is its one line. */
function linesWidth(text: string, bold: boolean): number {
  if (!text.includes("\n")) return neededWidth(text, bold);
  let most = -Infinity;
  for (const line of text.split("\n")) most = Math.max(most, neededWidth(line, bold));
  return most;
}

/** Lines a text wraps to in a column `width` wide: each of its lines at least one. */
function wrappedLines(text: string, width: number, bold: boolean): number {
  const across = Math.max(1, width);
  if (!text.includes("\n")) return Math.max(1, Math.ceil(neededWidth(text, bold) / across));
  let n = 0;
  for (const line of text.split("\n")) n += Math.max(1, Math.ceil(neededWidth(line, bold) / across));
  return n;
}

/** True when a merged range holds the cell (1-based column and row). */
function inMerge(merged: readonly RangeRef[], col: number, row: number): boolean {
  for (const r of merged) if (r.left <= col && col <= r.right && r.top <= row && row <= r.bottom) return true;
  return false;
}

/** Numbers of one column shown with one number format, bold or not. */
interface NumberGroup {
  formatIndex: number;
  bold: boolean;
  numbers: WidestNumbers;
}

/**
 * The spec with its columns widened to what they show and long text in a table's last column wrapped. The spec
 * given is not changed; a spec that needs nothing is returned as it is.
 */
export function fitToContent(spec: SheetSpec): SheetSpec {
  const merged: RangeRef[] = [];
  for (const m of spec.merges ?? []) {
    const r = parseRange(m);
    if (r !== undefined) merged.push(r);
  }
  const given = spec.columnWidths;
  const need: number[] = [];
  let lastCol = -1;
  for (const row of spec.cells) if (Array.isArray(row) && row.length - 1 > lastCol) lastCol = row.length - 1;
  const { slot, rows: lookRows, flags: lookFlags, formatIndex: lookFormats, numberFormats } = paintLooks(spec.formats ?? [], spec.cells.length, lastCol + 1);
  const groups: (NumberGroup[] | undefined)[] = [];
  const wrapRows = new Map<number, number[]>();
  const frozen = spec.freeze?.rows ?? 0;
  // Lines of wrapped text per row: neither Excel nor LibreOffice grows a row for wrapped text on opening a file
  // (LibreOffice printed one line of Today's reasons), so the height is written with the sheet.
  const lines = new Map<number, number>();
  for (let r = 0; r < spec.cells.length; r++) {
    const row = spec.cells[r];
    if (!Array.isArray(row)) continue; // the renderer reports it
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      const v = isFormula(cell) ? cell.cached : cell;
      const isNumber = typeof v === "number";
      if (isNumber ? !Number.isFinite(v) : typeof v !== "string" || v === "") continue;
      if (merged.length > 0 && inMerge(merged, c + 1, r + 1)) continue;
      const at = slot[c] * lookRows + r;
      const flags = at < 0 ? 0 : lookFlags[at];
      const bold = (flags & BOLD) !== 0;
      if (isNumber) {
        const formatIndex = at < 0 ? 0 : lookFormats[at];
        let list = groups[c];
        if (!list) groups[c] = list = [];
        let group: NumberGroup | undefined;
        for (let i = 0; i < list.length; i++) {
          if (list[i].formatIndex === formatIndex && list[i].bold === bold) {
            group = list[i];
            break;
          }
        }
        if (!group) {
          group = { formatIndex, bold, numbers: new WidestNumbers(compileFormat(formatIndex === 0 ? undefined : numberFormats[formatIndex - 1])) };
          list.push(group);
        }
        group.numbers.add(v);
        continue;
      }
      const text = v as string;
      const width = given?.[c] ?? DEFAULT_COLUMN_WIDTH;
      if ((flags & WRAP) !== 0) {
        lines.set(r + 1, Math.max(lines.get(r + 1) ?? 1, wrappedLines(text, width, bold)));
        continue;
      }
      // no character is wider than two columns: a text that fits at that is not measured
      if (columnsFor(2 * text.length, bold) <= width) continue;
      const needed = linesWidth(text, bold);
      if (needed <= width) continue;
      const next = row[c + 1];
      const cut = next !== undefined && next !== null && next !== "";
      if (cut && needed <= MAX_FIT_WIDTH) need[c] = Math.max(need[c] ?? 0, needed);
      else if ((cut || c === lastCol) && r + 1 > frozen) {
        const list = wrapRows.get(c);
        if (list) list.push(r + 1);
        else wrapRows.set(c, [r + 1]);
        lines.set(r + 1, Math.max(lines.get(r + 1) ?? 1, wrappedLines(text, width, bold)));
      }
    }
  }
  for (let c = 0; c < groups.length; c++) {
    for (const group of groups[c] ?? []) {
      const w = group.numbers.widest();
      if (w >= 0) need[c] = Math.max(need[c] ?? 0, columnsFor(w, group.bold));
    }
  }
  const width = (c: number) => given?.[c] ?? DEFAULT_COLUMN_WIDTH;
  const rowHeights: Record<number, number> = {};
  for (const [row, n] of lines) if (n > 1) rowHeights[row] = n * LINE_POINTS;
  const tall = Object.keys(rowHeights).length > 0;
  const widened = need.some((n, c) => n !== undefined && n > width(c));
  if (!widened && wrapRows.size === 0 && !tall) return spec;
  const columnWidths = Array.from({ length: Math.max(given?.length ?? 0, need.length) }, (_, c) =>
    need[c] !== undefined && need[c] > width(c) ? need[c] : given?.[c] ?? DEFAULT_COLUMN_WIDTH,
  );
  const wraps: RangeFormat[] = [];
  for (const [c, rows] of wrapRows) {
    const col = colName(c + 1);
    wraps.push({ range: `${col}${rows[0]}:${col}${rows[rows.length - 1]}`, style: { wrap: true, vertical: "top" } });
  }
  return {
    ...spec,
    columnWidths,
    ...(wraps.length > 0 ? { formats: [...(spec.formats ?? []), ...wraps] } : {}),
    ...(tall ? { rowHeights: { ...spec.rowHeights, ...rowHeights } } : {}),
  };
}

/**
 * Widths of a table's columns (src/book/layout.ts widths) widened to the text and numbers of its rows, up to
 * MAX_FIT_WIDTH (an 18-digit id number, an address); never narrowed. Numbers are measured per column from their
 * extremes (WidestNumbers); a text is measured only where it could be wider than its column (each character
 * counts at most two).
 */
export function fitTableWidths(widths: readonly number[], rows: readonly (readonly unknown[])[], formats: readonly (string | undefined)[] = []): number[] {
  const out = [...widths];
  const numbers: (WidestNumbers | undefined)[] = [];
  for (const row of rows) {
    const n = Math.min(row.length, out.length);
    for (let c = 0; c < n; c++) {
      const v = row[c];
      if (typeof v === "number") {
        let widest = numbers[c];
        if (!widest) numbers[c] = widest = new WidestNumbers(compileFormat(formats[c]));
        widest.add(v);
      } else if (typeof v === "string") {
        // no wider than 2 columns a character + 1, or than MAX_FIT_WIDTH: it cannot widen the column
        if (2 * v.length + 1 <= out[c] || out[c] >= MAX_FIT_WIDTH) continue;
        const br = v.indexOf("\n");
        const need = Math.min(MAX_FIT_WIDTH, neededWidth(br < 0 ? v : v.slice(0, br), false));
        if (need > out[c]) out[c] = need;
      }
    }
  }
  for (let c = 0; c < numbers.length; c++) {
    const w = numbers[c]?.widest() ?? -1;
    if (w < 0) continue;
    const need = Math.min(MAX_FIT_WIDTH, columnsFor(w, false));
    if (need > out[c]) out[c] = need;
  }
  return out;
}

/**
 * Runs of consecutive indices holding the same value, from entries in ascending index order: the renderers write one
 * <col> or one range per run of equal column widths or row heights rather than one per column or row.
 */
export function equalRuns<T>(entries: Iterable<readonly [number, T]>): { first: number; last: number; value: T }[] {
  const runs: { first: number; last: number; value: T }[] = [];
  for (const [i, value] of entries) {
    const run = runs[runs.length - 1];
    if (run && run.last + 1 === i && run.value === value) run.last = i;
    else runs.push({ first: i, last: i, value });
  }
  return runs;
}
