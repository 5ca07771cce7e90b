/**
 * The pane's one valuation of a read: the book with every amount in the book currency on the day shown
 * (src/domain/fx.ts valueBook), the tiers ranked on it, and the rows left out for want of a rate as row errors
 * (src/book/missingRates.ts) with a one-line notice naming each currency and date. The store computes it once per
 * read and day; every figure page reads the tiers from it, and the domain functions the pages call convert the book
 * they are given themselves. The forms edit the read's own rows, each in its own currency.
 */
import type { ReadResult } from "../../excel/api";
import type { RowError } from "../../book/errors";
import { missingRateErrors, missingRateSummary } from "../../book/missingRates";
import { valueBook, type MissingRate } from "../../domain/fx";
import { bookTiers, type ClientTier } from "../../domain/tiers";
import type { Book, IsoDate, Lang } from "../../domain/types";
import { dateText } from "../format";
import { t } from "../i18n";

export interface PaneValuation {
  /** The read's book in the book currency at `asOf`. */
  book: Book;
  tiers: Map<string, ClientTier>;
  missing: MissingRate[];
  /** `missing` as row errors on their sheet and row (code missingRate). */
  errors: RowError[];
}

export function paneValuation(read: ReadResult, asOf: IsoDate): PaneValuation {
  const { book, missing } = valueBook(read.book, asOf);
  const places = { ...(read.rows ? { rows: read.rows } : {}), ...(read.sheets ? { sheets: read.sheets } : {}) };
  return { book, tiers: bookTiers(book), missing, errors: missingRateErrors(missing, places, read.book.settings.language) };
}

/** "2 rows left out of the figures: no rate for USD on or before 2026/5/15 (1 row), HKD …" in the UI language. */
export function missingRatesNotice(missing: readonly MissingRate[], lang: Lang): string | undefined {
  if (missing.length === 0) return undefined;
  const list = missingRateSummary(missing)
    .map((m) => t(lang, "fx.missingItem", { currency: m.currency, date: dateText(m.date, lang), n: m.rows }))
    .join(t(lang, "common.listSep"));
  return t(lang, "fx.missingNotice", { n: missing.length, list });
}
