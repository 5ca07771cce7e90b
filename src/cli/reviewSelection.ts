/**
 * Which clients `clientbook build` writes a review sheet for: every client (default), those of one tier
 * (--tier A), or those listed (--clients C0001,C0002). A file of more review sheets than MAX_REVIEWS_PER_FILE is
 * refused before anything is built, with the commands that build what is useful instead: a file of 50,000 reviews
 * would need more parts than a zip without zip64 holds (about 300,000 of 65,535) and is more than Excel opens
 * comfortably; a 5,000-client build takes minutes (bench/PERFORMANCE.md, cli.build.*). The book-wide sheets
 * (profile list, coverage, calendar, Today) are always written.
 */
import { idKey } from "../book/text";
import { countOf } from "../domain/count";
import { inBookCurrency } from "../domain/fx";
import { bookTiers } from "../domain/tiers";
import { TIERS, type Book, type IsoDate, type Tier } from "../domain/types";
import { UsageError } from "./usage";

/** Review sheets one build writes at most (the 5,000-client book the benchmark builds is the largest measured). */
export const MAX_REVIEWS_PER_FILE = 5000;

/**
 * Reviews a zip without zip64 records could hold at all: 65,535 parts (PKWARE APPNOTE §4.4.22, the end record's
 * 16-bit count; src/xlsx/zipStream.ts) at six parts a review (sheet, its relationships, drawing, the drawing's
 * relationships, two charts: 1,000 clients measured 6,051 parts in all, 2026-12-06).
 */
const ZIP_REVIEW_LIMIT = 10_000;

export interface ReviewSelection {
  /** The build's as-of date: tiers rank assets at this bank in the book currency on it (src/domain/fx.ts). */
  asOf: IsoDate;
  tier?: Tier;
  clients?: readonly string[];
}

/** The --tier value: A, B or C (any case). */
export function parseTier(text: string | undefined): Tier | undefined {
  if (text === undefined) return undefined;
  const t = text.trim().toUpperCase();
  if (!(TIERS as readonly string[]).includes(t)) throw new UsageError(`--tier must be A, B or C, not "${text}"`);
  return t as Tier;
}

/** The --clients value: ids separated by commas (or spaces). */
export function parseClientList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  const ids = text.split(/[,\s，、]+/).map((s) => s.trim()).filter((s) => s !== "");
  if (ids.length === 0) throw new UsageError("--clients needs at least one client id, e.g. --clients C0001,C0002");
  return ids;
}

const n = (x: number) => x.toLocaleString("en-US");

/**
 * The ids to review, in book order (a listed id the book lacks is a UsageError naming it); "all" when nothing
 * was asked for. More than MAX_REVIEWS_PER_FILE is a UsageError that says how to build what is useful.
 */
export function selectReviews(book: Book, sel: ReviewSelection, file: string, max = MAX_REVIEWS_PER_FILE): "all" | string[] {
  const tiers = bookTiers(inBookCurrency(book, sel.asOf));
  let ids: string[] | undefined;
  if (sel.clients) {
    const byKey = new Map(book.clients.map((c) => [idKey(c.clientId), c.clientId]));
    const missing = sel.clients.filter((id) => !byKey.has(idKey(id)));
    if (missing.length > 0) throw new UsageError(`--clients: ${file} has no client ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` (and ${missing.length - 5} more)` : ""}`);
    const wanted = new Set(sel.clients.map(idKey));
    ids = book.clients.map((c) => c.clientId).filter((id, i, all) => wanted.has(idKey(id)) && all.findIndex((x) => idKey(x) === idKey(id)) === i);
  }
  if (sel.tier) {
    const base = ids ?? [...tiers.keys()];
    ids = base.filter((id) => tiers.get(id)?.tier === sel.tier);
  }
  const count = ids?.length ?? tiers.size;
  if (count > max) {
    const perTier = TIERS.map((t) => {
      const k = [...tiers.values()].filter((x) => x.tier === t).length;
      return `--tier ${t} (${countOf(k, "client", "clients", n(k))})`;
    }).join(", ");
    throw new UsageError(
      `${file}: ${countOf(count, "review sheet", "review sheets", n(count))} in one file is more than ${n(max)}; nothing was written. ` +
        `Each review is six parts of the .xlsx (its sheet, drawing and two charts), so beyond about ${n(ZIP_REVIEW_LIMIT)} reviews the file would pass ` +
        `the 65,535 parts a zip holds, and Excel opens a workbook of thousands of sheets slowly. ` +
        `Build the reviews you need: ${perTier}, or --clients C0001,C0002 for some clients, ` +
        `or several files of at most ${countOf(max, "client", "clients", n(max))} each with --clients. ` +
        `The profile list, coverage, calendar and Today always cover every client.`,
    );
  }
  return ids ?? "all";
}
