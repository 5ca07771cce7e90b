/** Numbers as the pane shows them: amounts in the book's display unit (src/domain/amounts.ts), shares with one decimal. */
import type { RowError } from "../book/errors";
import { formatAmount } from "../domain/amounts";
import { excelRound } from "../domain/rounding";
import type { AmountUnit, Lang } from "../domain/types";

/**
 * An amount as the cells show it (the one amount format, src/domain/amounts.ts): whole 元 rounded as Excel's
 * ROUND(n, 0) (half away from zero: -2.5 → -3), or 万 with one decimal ("2983.6万") when the book's unit is 万元.
 */
export function money(n: number, unit: AmountUnit = "Yuan", lang: Lang = "zh-CN"): string {
  return formatAmount(n, unit, lang);
}

/** 0.1234 → "+12.3%" (signed) or "12.3%"; halves away from zero on the decimal shown (0.12345 → 12.3, 0.00125 → 0.1). */
export function percent(x: number, signed = false): string {
  const s = `${excelRound(x * 100, 1).toFixed(1)}%`;
  return signed && x > 0 ? `+${s}` : s;
}

/** A1-style address of a cell: 0-based column index, 1-based row. */
export function cellAddress(columnIndex: number, row: number): string {
  let n = columnIndex + 1;
  let letters = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return `${letters}${row}`;
}

/**
 * Where a row error points: its cell, or the whole row for an error about the table's header. Columns count
 * from A: the book's tables are set up at A1 of their sheets.
 */
export function rowErrorAddress(e: Pick<RowError, "row" | "columnIndex">): string {
  return e.columnIndex === undefined ? `${e.row}:${e.row}` : cellAddress(e.columnIndex, e.row);
}
