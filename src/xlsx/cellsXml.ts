/**
 * The cells of a sheet we write, as the <row>/<c> XML of its sheetData.
 *
 * excelize-wasm costs tens of microseconds per call (every argument crosses the wasm bridge), so a 5,000-row
 * sheet written cell by cell or row by row takes seconds, and it cannot store a formula's cached result with its
 * type. So cells are written here, as plain OOXML (ECMA-376 §18.3.1.4): text as inline strings (always literal —
 * an inline string is never parsed as a formula), numbers, booleans, formulas with their cached results, and
 * each cell's style id. excelize writes everything else (styles, widths, merges, panes, notes, charts, tables…)
 * and ./finish.ts puts these rows into the sheet part it saved.
 */
import { colName } from "./a1";
import { xmlEscape } from "./zip";

/** A formula's cached result as stored: cell type and the text of <v>. */
export interface CachedResult {
  type: "n" | "b" | "str";
  text: string;
}

export interface CellEntry {
  value?: string | number | boolean;
  /** Formula text without the leading "=". */
  formula?: string;
  cached?: CachedResult;
  /** excelize style id; 0 / absent = default. */
  style?: number;
}

/** What excelText changes: XML's specials, control characters (CR among them) and a literal _xHHHH_'s underscore. */
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"\u0000-\u001f]|_x/;

/** Text as Excel stores it: XML-escaped, CR and other control characters as _xHHHH_, a literal _xHHHH_ protected. */
export function excelText(s: string): string {
  // most text holds none of it: no three regex replacements for it (the build of 5,000 clients writes millions of cells)
  if (!NEEDS_ESCAPE.test(s)) return s;
  return xmlEscape(s.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, "_x005F_")).replace(/\r/g, "_x000D_");
}

/** Text whose spaces a reader would otherwise trim or fold (XML 1.0 §2.10 xml:space). */
const PRESERVE = /^\s|\s$|\n/;

function cellXml(ref: string, e: CellEntry): string {
  if (e.formula !== undefined) {
    const s = e.style ? ` s="${e.style}"` : "";
    const c = e.cached;
    const t = !c || c.type === "n" ? "" : ` t="${c.type}"`;
    const v = c ? `<v>${c.type === "str" ? excelText(c.text) : c.text}</v>` : "";
    return `<c r="${ref}"${s}${t}><f>${excelText(e.formula)}</f>${v}</c>`;
  }
  return valueXml(ref, e.value, e.style);
}

/** A cell holding a value (or only a style: an empty styled cell; neither: nothing). */
function valueXml(ref: string, v: string | number | boolean | null | undefined, style: number | undefined): string {
  const s = style ? ` s="${style}"` : "";
  if (typeof v === "string") {
    const preserve = PRESERVE.test(v) ? ' xml:space="preserve"' : "";
    return `<c r="${ref}"${s} t="inlineStr"><is><t${preserve}>${excelText(v)}</t></is></c>`;
  }
  if (typeof v === "number") return `<c r="${ref}"${s}><v>${String(Object.is(v, -0) ? 0 : v)}</v></c>`;
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return s ? `<c r="${ref}"${s}/>` : "";
}

const COLUMN_NAMES: string[] = [];

/**
 * One <row> of a data table straight from its values (no cell objects: the book's tables run to millions of
 * cells): value i in column i + 1 with style styles[i]; columns up to `width` get a styled empty cell where
 * they have a style and no value.
 */
export function plainRowXml(row: number, values: readonly (string | number | boolean | null | undefined)[], styles: readonly (number | undefined)[], width: number): string {
  let cells = "";
  for (let c = 0; c < width; c++) {
    const v = values[c];
    const style = styles[c];
    if ((v === null || v === undefined) && !style) continue;
    cells += valueXml((COLUMN_NAMES[c] ??= colName(c + 1)) + row, v, style);
  }
  return cells ? `<row r="${row}">${cells}</row>` : "";
}

/** Cells by row and column (both 1-based), kept sparse. */
export class SheetCells {
  private readonly rows: (CellEntry | undefined)[][] = [];

  at(col: number, row: number): CellEntry {
    const r = (this.rows[row - 1] ??= []);
    return (r[col - 1] ??= {});
  }

  /** Gives every cell of the rectangle a style (cells without a value become styled empty cells). */
  styleRange(top: number, left: number, bottom: number, right: number, style: number): void {
    for (let row = top; row <= bottom; row++) for (let col = left; col <= right; col++) this.at(col, row).style = style;
  }

  /** The <row> elements, rows and cells in order; rows at or above `afterRow` are left out. */
  toXml(afterRow = 0, heights: Record<number, number> = {}): string {
    return [...this.xmlPieces(afterRow, heights)].join("");
  }

  /**
   * toXml's text in pieces of at most `rowsPerPiece` rows, made as they are taken: a 25,000-row sheet (the
   * coverage of 5,000 clients) is then never one string of tens of megabytes, nor its UTF-8 bytes one buffer.
   */
  *xmlPieces(afterRow = 0, heights: Record<number, number> = {}, rowsPerPiece = Infinity): Generator<string> {
    const names: string[] = [];
    let piece = "";
    let inPiece = 0;
    for (let r = afterRow; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells) continue;
      let row = "";
      for (let c = 0; c < cells.length; c++) {
        const e = cells[c];
        if (!e) continue;
        const ref = (names[c] ??= colName(c + 1)) + (r + 1);
        row += cellXml(ref, e);
      }
      const ht = heights[r + 1];
      // ECMA-376 §18.3.1.73: ht in points, customHeight so that it is kept rather than taken as a default
      if (!row) continue;
      piece += ht ? `<row r="${r + 1}" ht="${ht}" customHeight="1">${row}</row>` : `<row r="${r + 1}">${row}</row>`;
      if (++inPiece >= rowsPerPiece) {
        yield piece;
        piece = "";
        inPiece = 0;
      }
    }
    if (piece) yield piece;
  }
}
