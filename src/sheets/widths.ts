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
import { colName, parseRange } from "./a1";
import { DEFAULT_COLUMN_WIDTH } from "./layout";
import { isFormula, type CellValue, type RangeFormat, type SheetSpec } from "./spec";

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

/** Character columns a value needs to show whole in a column: its text, × 1.1 when bold, + 1 for the padding. */
export function neededWidth(text: string, bold: boolean): number {
  return Math.ceil(textWidth(text) * (bold ? 1.1 : 1) * 10) / 10 + 1;
}

/** What the formats say at one cell, for widths: its number format, bold, wrap (the last entry setting each wins). */
export interface CellLook {
  numberFormat?: string;
  bold: boolean;
  wrap: boolean;
}

/**
 * Per column (0-based) and row (0-based) of a grid of `rows` × `cols` cells, what the formats covering the cell
 * say, applied in the spec's order as a later one wins. Built once per sheet, so a sheet of 5,000 rows each with
 * its own format entry costs the cells the entries cover, not rows × entries (a cell-by-cell scan of every
 * entry of its column was quadratic: minutes for a 5,000-client coverage sheet).
 */
export function looksByCell(formats: readonly RangeFormat[], rows: number, cols: number): Map<number, (CellLook | undefined)[]> {
  const out = new Map<number, (CellLook | undefined)[]>();
  for (const f of formats) {
    const r = parseRange(f.range);
    if (!r) continue;
    const { numberFormat } = f;
    const bold = f.style?.bold;
    const wrap = f.style?.wrap;
    if (numberFormat === undefined && bold === undefined && wrap === undefined) continue;
    for (let c = r.left; c <= Math.min(r.right, cols); c++) {
      let list = out.get(c - 1);
      if (!list) out.set(c - 1, (list = []));
      for (let row = r.top; row <= Math.min(r.bottom, rows); row++) {
        const look = (list[row - 1] ??= { bold: false, wrap: false });
        if (numberFormat !== undefined) look.numberFormat = numberFormat;
        if (bold !== undefined) look.bold = bold;
        if (wrap !== undefined) look.wrap = wrap;
      }
    }
  }
  return out;
}

function shown(v: CellValue): unknown {
  return isFormula(v) ? v.cached : v;
}

/**
 * The spec with its columns widened to what they show and long text in a table's last column wrapped. The spec
 * given is not changed; a spec that needs nothing is returned as it is.
 */
export function fitToContent(spec: SheetSpec): SheetSpec {
  const merged = (spec.merges ?? []).map((m) => parseRange(m)).filter((r) => r !== undefined);
  const inMerge = (col: number, row: number) => merged.some((r) => r.left <= col && col <= r.right && r.top <= row && row <= r.bottom);
  const width = (c: number) => spec.columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH;
  const need: number[] = [];
  const lastCol = spec.cells.reduce((w, r) => Math.max(w, Array.isArray(r) ? r.length : 0), 0) - 1;
  const looks = looksByCell(spec.formats ?? [], spec.cells.length, lastCol + 1);
  const wrapRows = new Map<number, number[]>();
  // Lines of wrapped text per row: neither Excel nor LibreOffice grows a row for wrapped text on opening a file
  // (LibreOffice printed one line of Today's reasons), so the height is written with the sheet.
  const lines = new Map<number, number>();
  const wrappedLines = (text: string, c: number, bold: boolean) =>
    text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(neededWidth(line, bold) / Math.max(1, width(c)))), 0);
  spec.cells.forEach((row, r) => {
    if (!Array.isArray(row)) return; // the renderer reports it
    row.forEach((cell, c) => {
      const v = shown(cell);
      if ((typeof v !== "number" || !Number.isFinite(v)) && (typeof v !== "string" || v === "")) return;
      if (merged.length > 0 && inMerge(c + 1, r + 1)) return;
      const look = looks.get(c)?.[r];
      const numberFormat = look?.numberFormat;
      const bold = look?.bold ?? false;
      const wrap = look?.wrap ?? false;
      if (typeof v === "number") {
        need[c] = Math.max(need[c] ?? 0, neededWidth(shownText(v, numberFormat), bold));
        return;
      }
      const wrapped = (n: number) => lines.set(r + 1, Math.max(lines.get(r + 1) ?? 1, n));
      if (wrap) {
        wrapped(wrappedLines(v, c, bold));
        return;
      }
      const text = Math.max(...v.split("\n").map((line) => neededWidth(line, bold)));
      if (text <= width(c)) return;
      const next = row[c + 1];
      const cut = next !== undefined && next !== null && next !== "";
      if (cut && text <= MAX_FIT_WIDTH) need[c] = Math.max(need[c] ?? 0, text);
      else if ((cut || c === lastCol) && r + 1 > (spec.freeze?.rows ?? 0)) {
        const list = wrapRows.get(c);
        if (list) list.push(r + 1);
        else wrapRows.set(c, [r + 1]);
        wrapped(wrappedLines(v, c, bold));
      }
    });
  });
  const rowHeights: Record<number, number> = {};
  for (const [row, n] of lines) if (n > 1) rowHeights[row] = n * LINE_POINTS;
  const tall = Object.keys(rowHeights).length > 0;
  const widened = need.some((n, c) => n !== undefined && n > width(c));
  if (!widened && wrapRows.size === 0 && !tall) return spec;
  const columnWidths = Array.from({ length: Math.max(spec.columnWidths?.length ?? 0, need.length) }, (_, c) =>
    need[c] !== undefined && need[c] > width(c) ? need[c] : spec.columnWidths?.[c] ?? DEFAULT_COLUMN_WIDTH,
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
 * MAX_FIT_WIDTH (an 18-digit id number, an address); never narrowed.
 */
export function fitTableWidths(widths: readonly number[], rows: readonly (readonly unknown[])[], formats: readonly (string | undefined)[] = []): number[] {
  const out = [...widths];
  for (const row of rows) {
    row.forEach((v, c) => {
      if (c >= out.length || (typeof v !== "string" && typeof v !== "number")) return;
      const text = typeof v === "number" ? shownText(v, formats[c]) : v.split("\n")[0];
      const need = Math.min(MAX_FIT_WIDTH, neededWidth(text, false));
      if (need > out[c]) out[c] = need;
    });
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
