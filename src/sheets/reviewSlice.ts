/**
 * One client's asset review from that client's rows alone: the slice a worker thread gets to build a review without
 * the whole book (`clientbook build` of 5,000 clients must stay under 700 MB), and the review built from it.
 *
 * What a review reads of the book (src/sheets/assetReview.ts and what it calls, read path by path):
 *  - the client's row: the first of a repeated ClientId (bookIndex clientById; the maturity ladder's client names,
 *    src/domain/ladder.ts clientRows, also keep the first), and every Holdings, Policies and Reviews row of that id
 *    (reviewComparison, trend, clientFigures, reviewMaturities, snapshots) — rows of a repeated id all belong to it;
 *  - the book's settings: the currency (valuation, the currency columns), AmountUnit (number formats);
 *  - the rates: valued() converts every row in another currency at asOf (a review row at its own Rate, else at its
 *    review date), each row on its own (src/domain/fx.ts valueBook), so the rates of the currencies the client's
 *    rows use give the same amounts as the whole table (currency.ts rateOn reads only the rates of the one currency,
 *    in table order, the later row of a date winning) — a row with no rate is left out the same way;
 *  - the client's tier: a Pareto rank over the WHOLE book's assets at this bank in the book currency
 *    (src/domain/tiers.ts), which one client's rows cannot give; the caller computes every client's tier once
 *    (`reviewTiers`, as the task pane's per-client read does: src/excel/clientRead.ts) and the slice carries this
 *    client's entry.
 * Nothing of other clients (their rows, a family member who is a client too, the book's client order) reaches the
 * review except through the tier. Family and Contacts rows are carried too (for the review's neighbours that read
 * them), though the review itself reads neither.
 *
 * The slice is plain data (arrays, plain objects, strings, numbers, booleans, null): it survives structuredClone /
 * postMessage unchanged. tests/sheets/reviewSlice.test.ts proves `reviewFromSlice(structuredClone(reviewSlice(…)))`
 * equals the output plan's own review for every client of generated and edge-case books.
 */
import { inBookCurrency } from "../domain/fx";
import { bookTiers, type ClientTier } from "../domain/tiers";
import type { Book, Client, IsoDate, Lang } from "../domain/types";
import { assetReview } from "./assetReview";
import { bookIndex, type BookIndex } from "./common";
import type { SheetSpec } from "./spec";

/**
 * What one client's review needs of the book (see the file comment). Plain data, structured-clone friendly: the
 * client's rows of each table in book order (family, holdings, policies, contacts, reviews), the book's rates of the
 * currencies those rows use, in table order, and the book's settings.
 */
export interface ReviewSlice extends Pick<Book, "family" | "holdings" | "policies" | "contacts" | "reviews" | "rates" | "settings"> {
  clientId: string;
  /** The client's row (the first of a repeated ClientId). */
  client: Client;
  /** The client's tier ranked over the whole book in the book currency (reviewTiers); null when it has none. */
  tier: ClientTier | null;
}

/**
 * Every client's tier as a review ranks it: bookTiers over the book valued in its currency at `asOf` — what
 * valued() gives a review's index (src/sheets/common.ts; the same book when no row is in another currency).
 * Compute it once per build and hand it to every reviewSlice of that as-of date.
 */
export function reviewTiers(book: Book, asOf: IsoDate): Map<string, ClientTier> {
  return bookTiers(inBookCurrency(book, asOf));
}

/** The currencies other than the book's that the client's rows are in (an income only when there is one). */
function currenciesOf(client: Client, rows: readonly { currency?: string }[][], bookCurrency: string): Set<string> {
  const out = new Set<string>();
  if (client.incomeCurrency !== undefined && client.annualIncome !== undefined) out.add(client.incomeCurrency);
  for (const list of rows) for (const r of list) if (r.currency !== undefined) out.add(r.currency);
  out.delete(bookCurrency);
  return out;
}

/**
 * One client's slice of the book `index` was built on; `tiers` from reviewTiers of that book (once per build).
 * Throws a RangeError when the book has no client of that id (as assetReview does).
 */
export function reviewSlice(index: BookIndex, clientId: string, tiers: ReadonlyMap<string, ClientTier>): ReviewSlice {
  const client = index.clientById.get(clientId);
  if (!client) throw new RangeError(`reviewSlice: there is no client with id ${JSON.stringify(clientId)} in the book`);
  const { book } = index;
  const rows = <T>(m: Map<string, T[]>): T[] => [...(m.get(clientId) ?? [])];
  const holdings = rows(index.holdings);
  const policies = rows(index.policies);
  const reviews = rows(index.reviews);
  const used = currenciesOf(client, [holdings, policies, reviews], book.settings.currency);
  const tier = tiers.get(clientId);
  return {
    clientId,
    client,
    family: rows(index.family),
    holdings,
    policies,
    contacts: rows(index.contacts),
    reviews,
    rates: used.size === 0 ? [] : (book.rates ?? []).filter((r) => used.has(r.currency)),
    settings: book.settings,
    tier: tier === undefined ? null : { ...tier },
  };
}

export interface SliceReviewOptions {
  /** The as-of date the slice's tiers were ranked on. */
  asOf: IsoDate;
  lang: Lang;
  /** The sheet's final name (the plan's SheetNamer), when it differs from the one the builder gives. */
  name?: string;
}

/** The book of the slice alone: its client, rows, rates and settings. */
export function sliceBook(slice: ReviewSlice): Book {
  return {
    clients: [slice.client],
    family: slice.family,
    holdings: slice.holdings,
    policies: slice.policies,
    contacts: slice.contacts,
    reviews: slice.reviews,
    rates: slice.rates,
    settings: slice.settings,
  };
}

/** The client's asset review from the slice: the same spec assetReview of the whole book gives. */
export function reviewFromSlice(slice: ReviewSlice, opts: SliceReviewOptions): SheetSpec {
  const book = sliceBook(slice);
  // The whole book's tier of this client, kept as given (valued() keeps tiersGiven: src/sheets/common.ts).
  const tiers = new Map<string, ClientTier>(slice.tier ? [[slice.clientId, slice.tier]] : []);
  const index: BookIndex = { ...bookIndex(book), tiers, tiersGiven: true };
  const spec = assetReview(book, { asOf: opts.asOf, lang: opts.lang, index, clientId: slice.clientId });
  return opts.name === undefined || opts.name === spec.name ? spec : { ...spec, name: opts.name };
}
