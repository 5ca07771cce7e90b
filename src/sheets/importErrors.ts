/**
 * 导入错误 — the rows that could not be read, so nothing is lost: per table a section headed by the table's
 * own header row (verbatim), then one line per rejected row with where it was (sheet or file, row), the columns
 * and cell contents at fault, the reasons in the manager's language, and the whole original row verbatim, ready
 * to be fixed and copied back.
 */
import { formatRowError, type RowError } from "../book/errors";
import type { RawTable, RawValue } from "../book/raw";
import { TABLE_KEYS, sheetName, type TableKey } from "../book/schema";
import { LANGS, type Lang } from "../domain/types";
import { rangeA1 } from "./a1";
import { COLORS, Grid, writeHeader } from "./common";
import type { CellValue, SheetSpec } from "./spec";
import { importErrorsSheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";

export interface ImportErrorsInput {
  errors: readonly RowError[];
  /** The tables as they were read (CSV files, sheets), to copy rejected rows and headers verbatim. */
  tables?: Partial<Record<TableKey, RawTable>>;
}

export interface ImportErrorsOptions {
  lang: Lang;
}

export const IMPORT_ERRORS_COLUMNS = { table: 1, sheet: 2, row: 3, column: 4, value: 5, reason: 6, raw: 7 } as const;
const C = IMPORT_ERRORS_COLUMNS;
export const IMPORT_ERRORS_HEADER_ROW = 3;

interface RowGroup {
  table: TableKey;
  sheet: string;
  row: number;
  errors: RowError[];
}

/** Characters an Excel cell holds (Microsoft, "Excel specifications and limits": 32,767 characters per cell). */
const MAX_CELL_TEXT = 32767;


/** Text in pieces of at most MAX_CELL_TEXT UTF-16 units, never splitting a surrogate pair. */
export function textPieces(s: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < s.length; ) {
    let end = Math.min(s.length, i + MAX_CELL_TEXT);
    const last = s.charCodeAt(end - 1);
    if (end < s.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(s.slice(i, end));
    i = end;
  }
  return out;
}

/** A summary cell's text cut to what a cell holds. */
function truncateText(s: string): string {
  return s.length > MAX_CELL_TEXT ? `${s.slice(0, MAX_CELL_TEXT - 1)}…` : s;
}

function rawRow(table: RawTable | undefined, row: number): RawValue[] | undefined {
  if (!table) return undefined;
  const i = row - table.headerRow - 1;
  return i >= 0 && i < table.rows.length ? table.rows[i] : undefined;
}

export function importErrors(input: ImportErrorsInput, opts: ImportErrorsOptions): SheetSpec {
  if (!opts || !LANGS.includes(opts.lang)) throw new RangeError(`importErrors: lang must be zh-CN, zh-TW or en-US, got ${JSON.stringify(opts?.lang)}`);
  if (!input || !Array.isArray(input.errors)) throw new TypeError("importErrors: input.errors must be an array of row errors");
  const { lang } = opts;
  const t = sheetText(lang);
  const ti = t.importErrors;
  const g = new Grid();
  g.set(1, 1, ti.title);
  g.format("A1", undefined, { bold: true, fontSize: 14, color: COLORS.titleColor });
  g.set(2, 1, ti.legend);
  g.format("A2", undefined, { italic: true, color: COLORS.muted });
  const h = ti.headers;
  writeHeader(g, IMPORT_ERRORS_HEADER_ROW, 1, [h.table, h.sheet, h.row, h.column, h.value, h.reason, h.raw]);

  // One line per rejected row (a row may have several bad cells), in the order first reported.
  const groups = new Map<string, RowGroup>();
  for (const e of input.errors) {
    const key = `${e.table}\u0000${e.sheet}\u0000${e.row}`;
    const grp = groups.get(key);
    if (grp) grp.errors.push(e);
    else groups.set(key, { table: e.table, sheet: e.sheet, row: e.row, errors: [e] });
  }
  let r = IMPORT_ERRORS_HEADER_ROW + 1;
  let widest: number = C.raw;
  if (groups.size === 0) {
    g.set(r, 1, ti.empty);
    g.format(rangeA1(1, r, 1, r), undefined, { italic: true, color: COLORS.muted });
  }
  for (const table of TABLE_KEYS) {
    const mine = [...groups.values()].filter((x) => x.table === table);
    if (mine.length === 0) continue;
    const raw = input.tables?.[table];
    g.set(r, 1, sheetName(table, lang));
    const headers: CellValue[] = raw ? raw.headers.map((v) => v ?? null) : [];
    g.row(r, C.raw, headers);
    widest = Math.max(widest, C.raw + headers.length - 1);
    g.formatBox(1, r, Math.max(C.raw, C.raw + headers.length - 1), r, undefined, { bold: true, fill: COLORS.groupFill });
    r++;
    const start = r;
    for (const grp of mine) {
      const tableLevel = grp.errors.every((e) => e.code === "missingColumns" || e.code === "duplicateColumn");
      const list = (f: (e: RowError) => string | undefined) => grp.errors.map(f).filter((x): x is string => x !== undefined && x !== "");
      g.row(r, 1, [
        sheetName(table, lang),
        grp.sheet,
        grp.row,
        list((e) => e.column).join(t.listSep) || (tableLevel ? ti.tableLevel : null),
        truncateText(list((e) => e.value).join(t.listSep)) || null,
        grp.errors.map((e) => formatRowError(e, lang)).join("\n"),
      ]);
      const cells = tableLevel ? undefined : rawRow(raw, grp.row);
      if (cells) {
        // text longer than a cell holds is kept whole: its first piece here, the rest on continuation lines below
        const pieces = cells.map((v) => (typeof v === "string" && v.length > MAX_CELL_TEXT ? textPieces(v) : [v ?? null]));
        g.row(r, C.raw, pieces.map((p) => p[0]));
        widest = Math.max(widest, C.raw + cells.length - 1);
        const more = Math.max(...pieces.map((p) => p.length));
        for (let k = 1; k < more; k++) {
          r++;
          g.set(r, C.reason, t.importErrors.continued(k + 1, more));
          pieces.forEach((p, i) => {
            if (p.length > k) g.set(r, C.raw + i, p[k]);
          });
        }
      }
      r++;
    }
    g.formatBox(1, start, C.reason, r - 1, undefined, { border: true, vertical: "top" });
    g.formatBox(C.reason, start, C.reason, r - 1, undefined, { wrap: true });
  }
  return {
    name: importErrorsSheetName(lang),
    kind: "errors",
    cells: g.cells(),
    columnWidths: [10, 16, 6, 14, 16, 50, ...Array.from({ length: widest - C.raw + 1 }, () => 12)],
    formats: g.formats,
    freeze: { rows: IMPORT_ERRORS_HEADER_ROW, columns: 0 },
    page: sheetPage("errors", lang),
    tabColor: TAB_COLORS.errors,
  };
}
