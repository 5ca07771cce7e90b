/**
 * Numbers and dates as the pane shows them: amounts in the book's display unit (src/domain/amounts.ts), shares with
 * one decimal, dates in the pane's language (2026/5/15 in Chinese, 5/15/2026 in English) — never the browser's locale.
 */
import type { RowError } from "../book/errors";
import { formatAmount } from "../domain/amounts";
import { isoFromParts, isoParts, parseDateText } from "../domain/dates";
import { excelRound } from "../domain/rounding";
import type { AmountUnit, IsoDate, Lang } from "../domain/types";

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

/**
 * A date in the pane's language: y/m/d without leading zeros in Chinese (Windows' zh-CN and zh-TW short date,
 * yyyy/M/d), M/d/yyyy in English (en-US short date). The pane's language, not the browser's, decides.
 */
export function dateText(d: IsoDate, lang: Lang): string {
  const { y, m, d: day } = isoParts(d);
  return lang === "en-US" ? `${m}/${day}/${y}` : `${y}/${m}/${day}`;
}

/** The pattern a date field shows as its placeholder, in the pane's language. */
export function datePattern(lang: Lang): string {
  return lang === "en-US" ? "m/d/yyyy" : "yyyy/m/d";
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A date typed in the pane: what the book reads (2026/5/15, 2026-05-15, 2026年5月15日 — domain/dates
 * parseDateText), and in English also M/D/YYYY as dateText writes it. Undefined when it is not a date.
 */
export function parsePaneDate(text: string, lang: Lang): IsoDate | undefined {
  const s = text.normalize("NFKC").trim();
  const us = lang === "en-US" ? US_DATE.exec(s) : null;
  return us ? isoFromParts(+us[3], +us[1], +us[2]) : parseDateText(s);
}
