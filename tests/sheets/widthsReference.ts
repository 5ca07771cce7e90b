/**
 * The width fitting of src/sheets/widths.ts as it was before it was made cheaper (commit af620af): every number
 * formatted cell by cell, its format re-parsed each time, one look object per cell, textWidth by a regular
 * expression per character. Kept verbatim as the reference the fast code must equal exactly (widthsFast.test.ts),
 * as tests/fake-excel keeps the plain scan behind findAll.
 */
import { colName, parseRange } from "../../src/sheets/a1";
import { DEFAULT_COLUMN_WIDTH } from "../../src/sheets/layout";
import { isFormula, type CellValue, type RangeFormat, type SheetSpec } from "../../src/sheets/spec";

/** src/book/layout.ts textWidth as it was: a regular expression test per character. */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return w;
}

/** Points per line of wrapped text: Excel's 15-point row of 11-point type, plus a point for CJK glyphs. */
const LINE_POINTS = 16;
/** No column is widened past this for text; longer text wraps (the book's tables cap widths at 60). */
const MAX_FIT_WIDTH = 40;

/** Excel's serial day 0 is 1899-12-30 (with the 1900 leap-year bug folded in for serials after 60). */
function serialYear(serial: number): number {
  return new Date(Math.round((serial - 25569) * 86400000)).getUTCFullYear();
}

/** The format section a value is shown with: the second for negatives when there is one. */
function section(format: string, value: number): { body: string; sign: boolean } {
  const parts = format.split(/;(?=(?:[^"]*"[^"]*")*[^"]*$)/);
  if (value < 0 && parts.length > 1) return { body: parts[1], sign: false };
  if (value === 0 && parts.length > 2) return { body: parts[2], sign: false };
  return { body: parts[0], sign: value < 0 };
}

/** Where a literal stood in a format's pattern (a character no format code uses). */
const LIT = "\u{E000}";

const DATE_TOKENS: [RegExp, (v: number) => string][] = [
  [/^yyyy|^yyy/i, (v) => String(serialYear(v))],
  [/^yy?/i, () => "00"],
  [/^mmmmm/i, () => "S"],
  [/^mmmm/i, () => "September"],
  [/^mmm/i, () => "Sep"],
  [/^mm?/i, () => "00"],
  [/^dddd/i, () => "Wednesday"],
  [/^ddd/i, () => "Wed"],
  [/^dd?/i, () => "00"],
  [/^aaaa/i, () => "星期三"],
  [/^aaa/i, () => "三"],
  [/^hh?|^ss?/i, () => "00"],
  [/^am\/pm|^a\/p/i, () => "PM"],
];

/** The text a number shows under an Excel number format (close enough to measure it). */
export function shownText(value: number, format: string | undefined): string {
  if (!format || /^general$/i.test(format)) {
    // General shows at most 11 characters: fewer decimals, or 1.23457E+11 for large numbers
    const s = String(Number(value.toPrecision(10)));
    if (s.length <= 11) return s;
    return Math.abs(value) >= 1e11 || (value !== 0 && Math.abs(value) < 1e-9) ? value.toExponential(5).toUpperCase() : s.slice(0, 11);
  }
  const { body, sign } = section(format, value);
  // literals out, placeholders kept: "text", \x, _x (a space as wide as x), *x (fill: nothing), [colour/locale]
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
    let out = "";
    let rest = pattern;
    while (rest.length > 0) {
      const hit = DATE_TOKENS.find(([re]) => re.test(rest));
      if (hit) {
        const m = hit[0].exec(rest)![0];
        out += hit[1](value);
        rest = rest.slice(m.length);
      } else {
        out += rest[0] === LIT ? "" : rest[0];
        rest = rest.slice(1);
      }
    }
    return out + literal;
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
  const grouped = /[0#?],+[0#?]/.test(intPlain);
  const minInt = (intPlain.match(/0/g) ?? []).length;
  const n = (Math.abs(value) * 100 ** percent) / 1000 ** scale;
  const [whole, frac = ""] = n.toFixed(decimals).split(".");
  let int = whole;
  if (int === "0" && minInt === 0) int = "";
  int = int.padStart(minInt, "0");
  if (grouped) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const others = pattern.replace(/[0#?.,%]/g, "").split(LIT).join("");
  return `${sign ? "-" : ""}${int}${decimals > 0 ? `.${frac}` : ""}${"%".repeat(percent)}${others}${literal}`;
}

/** Character columns a value needs to show whole in a column: its text, × 1.1 when bold, + 1 for the padding. */
export function neededWidth(text: string, bold: boolean): number {
  return Math.ceil(textWidth(text) * (bold ? 1.1 : 1) * 10) / 10 + 1;
}

/** What the formats say at one cell, for widths: its number format, bold, wrap (the last entry setting each wins). */
interface CellLook {
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

