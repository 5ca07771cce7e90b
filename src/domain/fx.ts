/**
 * A book valued in its own currency on a date: every amount of a row in another currency multiplied by its rate
 * (src/domain/currency.ts: the latest rate on or before the valuation date), so every figure that reads `amount` —
 * allocation, net worth, wallet share, tiers, segments, cover, the changes since the last review and the Modified
 * Dietz return — is in the book currency. Each converted row keeps its own amount (`localAmount`) and the rate used
 * (`fxRate`), for the sheets that show a holding in its own currency; a converted policy likewise keeps its own sum
 * insured, premium and CI sum (`localSumInsured`, `localAnnualPremium`, `localCriticalIllnessSum`) and the rate
 * (ValuedPolicy), for the coverage sheet's own-currency columns (保额 USD 100,000 × 7.10 = 710,000 CNY).
 *
 * Valuation dates: Holdings, Policies and a client's annual income (IncomeCurrency) at `asOf`; a review row at its own Rate when it has one
 * (written when the review was recorded), else at the rate on its review date, so an old review never moves when a
 * later rate is added. Its NetFlow converts at the same rate (the flows of a period are valued at the rate of the
 * review that records them). A row in another currency with no rate is left out and listed in `missing`; the codec
 * already refuses such rows as row errors when it reads with the same as-of date (src/book/read.ts). A client's income
 * with no rate is left out (the client is not: the codec never refuses a client for it) and listed in `missing` too.
 */
import { fxChange, rateOn } from "./currency";
import type { Book, Client, Holding, IsoDate, Policy, ReviewRow } from "./types";

/** A converted row's own amount and the rate it was converted at. */
export interface LocalValue {
  /** The amount in the row's own currency (`currency`). */
  localAmount: number;
  /** Book currency per unit of `currency`. */
  fxRate: number;
}

export type ValuedHolding = Holding & Partial<LocalValue>;
/** A policy converted to the book currency: its own-currency amounts and the rate (book currency per unit). */
export interface PolicyLocalValue {
  localSumInsured: number;
  localAnnualPremium: number;
  /** Only when the policy has a CI sum of its own. */
  localCriticalIllnessSum?: number;
  fxRate: number;
}
export type ValuedPolicy = Policy & Partial<PolicyLocalValue>;
export type ValuedReview = ReviewRow & Partial<LocalValue> & { localNetFlow?: number };
/** A client whose income was converted: its own amount and rate (absent when in the book currency). */
export type ValuedClient = Client & { localIncome?: number; incomeRate?: number };

export interface MissingRate {
  /** clients: the row's AnnualIncome (in IncomeCurrency). */
  table: "clients" | "holdings" | "policies" | "reviews";
  /** The row's position in the book's array of that table (to find its sheet row: ReadResult.rows, DecodedBook.rows). */
  index: number;
  id: string;
  currency: string;
  date: IsoDate;
}

const cache = new WeakMap<Book, Map<IsoDate, { book: Book; missing: MissingRate[] }>>();
const valued = new WeakSet<Book>();

function foreign(currency: string | undefined, book: string): currency is string {
  return currency !== undefined && currency !== book;
}

/**
 * A view of `book` with some fields replaced (e.g. one client's rows) that is valued when `book` is: the domain's
 * per-client calls on a view then neither scan the whole book again (quadratic over 5,000 clients) nor convert twice.
 */
export function bookView(book: Book, patch: Partial<Book>): Book {
  const view = { ...book, ...patch };
  if (valued.has(book)) valued.add(view);
  return view;
}

/** The book with every amount in the book currency at `asOf` (the same object when no row is in another currency). */
export function inBookCurrency(book: Book, asOf: IsoDate): Book {
  return valueBook(book, asOf).book;
}

/** inBookCurrency, and the rows left out for want of a rate. Memoised per book and date. */
export function valueBook(book: Book, asOf: IsoDate): { book: Book; missing: MissingRate[] } {
  if (valued.has(book)) return { book, missing: [] };
  let byDate = cache.get(book);
  const hit = byDate?.get(asOf);
  if (hit) return hit;
  const ccy = book.settings.currency;
  const rates = book.rates ?? [];
  const any =
    book.holdings.some((h) => foreign(h.currency, ccy)) || book.policies.some((p) => foreign(p.currency, ccy)) || book.reviews.some((r) => foreign(r.currency, ccy)) ||
    book.clients.some((c) => foreign(c.incomeCurrency, ccy) && c.annualIncome !== undefined);
  let out: { book: Book; missing: MissingRate[] };
  if (!any) {
    out = { book, missing: [] };
    valued.add(book); // every amount is already in the book currency
  }
  else {
    const missing: MissingRate[] = [];
    const clients: ValuedClient[] = [];
    for (const [index, c] of book.clients.entries()) {
      if (!foreign(c.incomeCurrency, ccy) || c.annualIncome === undefined || (c as ValuedClient).incomeRate !== undefined) clients.push(c);
      else {
        const r = rateOn(rates, c.incomeCurrency, asOf, ccy);
        if (r === undefined) {
          missing.push({ table: "clients", index, id: c.clientId, currency: c.incomeCurrency, date: asOf });
          const { annualIncome: _left, ...rest } = c; // no income rather than a wrong one
          clients.push(rest);
        } else clients.push({ ...c, annualIncome: c.annualIncome * r, localIncome: c.annualIncome, incomeRate: r });
      }
    }
    const holdings: ValuedHolding[] = [];
    for (const [index, h] of book.holdings.entries()) {
      if (!foreign(h.currency, ccy) || (h as ValuedHolding).fxRate !== undefined) holdings.push(h);
      else {
        const r = rateOn(rates, h.currency, asOf, ccy);
        if (r === undefined) missing.push({ table: "holdings", index, id: h.holdingId, currency: h.currency, date: asOf });
        else holdings.push({ ...h, amount: h.amount * r, localAmount: h.amount, fxRate: r });
      }
    }
    const policies: ValuedPolicy[] = [];
    for (const [index, p] of book.policies.entries()) {
      if (!foreign(p.currency, ccy) || (p as ValuedPolicy).fxRate !== undefined) policies.push(p);
      else {
        const r = rateOn(rates, p.currency, asOf, ccy);
        if (r === undefined) missing.push({ table: "policies", index, id: p.policyId, currency: p.currency, date: asOf });
        else {
          const v: ValuedPolicy = {
            ...p, sumInsured: p.sumInsured * r, annualPremium: p.annualPremium * r, localSumInsured: p.sumInsured, localAnnualPremium: p.annualPremium, fxRate: r,
          };
          if (p.criticalIllnessSum !== undefined) {
            v.criticalIllnessSum = p.criticalIllnessSum * r;
            v.localCriticalIllnessSum = p.criticalIllnessSum;
          }
          policies.push(v);
        }
      }
    }
    const reviews: ValuedReview[] = [];
    for (const [index, row] of book.reviews.entries()) {
      if (!foreign(row.currency, ccy) || (row as ValuedReview).fxRate !== undefined) reviews.push(row);
      else {
        const r = row.rate ?? rateOn(rates, row.currency, row.reviewDate, ccy);
        if (r === undefined) missing.push({ table: "reviews", index, id: row.holdingId, currency: row.currency, date: row.reviewDate });
        else {
          const v: ValuedReview = { ...row, amount: row.amount * r, localAmount: row.amount, fxRate: r };
          if (row.netFlow !== undefined) {
            v.netFlow = row.netFlow * r;
            v.localNetFlow = row.netFlow;
          }
          reviews.push(v);
        }
      }
    }
    out = { book: { ...book, clients, holdings, policies, reviews }, missing };
    valued.add(out.book);
  }
  if (!byDate) cache.set(book, (byDate = new Map()));
  byDate.set(asOf, out);
  return out;
}

/**
 * Per holding held at both dates, the change in book currency since the review of `previousDate` split into the
 * holding's own change at the old rate and the exchange-rate effect (currency.ts fxChange: Karnosky–Singer order);
 * `book` as valueBook gives it. A holding in the book currency has an FX effect of 0.
 */
export function fxEffects(book: Book, clientId: string, previousDate: IsoDate): Map<string, { holding: number; fx: number; total: number }> {
  const out = new Map<string, { holding: number; fx: number; total: number }>();
  const before = new Map<string, ValuedReview>();
  for (const r of book.reviews as ValuedReview[]) if (r.clientId === clientId && r.reviewDate === previousDate) before.set(r.holdingId, r);
  for (const h of book.holdings as ValuedHolding[]) {
    if (h.clientId !== clientId) continue;
    const p = before.get(h.holdingId);
    if (!p) continue;
    const a0 = p.localAmount ?? p.amount, r0 = p.fxRate ?? 1;
    const a1 = h.localAmount ?? h.amount, r1 = h.fxRate ?? 1;
    out.set(h.holdingId, fxChange(a0, a1, r0, r1));
  }
  return out;
}
