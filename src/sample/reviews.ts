/**
 * Six review snapshots per client, spaced by the client's cadence back from the last review before asOf.
 * Each holding's value is walked backwards from today's amount (or its value when sold) through market moves and
 * money moved in or out, so the history arrives exactly at the current Holdings and the flows explain the change
 * (the Modified Dietz return needs that). Every row names its holding's product, as recorded reviews do, so the
 * sold holdings (in Reviews, not in Holdings) show by name on the review sheet.
 *
 * What a review's total follows from (tests/sample/realism.property.test.ts): market moves of MARKET's size, whole
 * holdings bought or sold (flows the review sheet derives), and top-ups or withdrawals on a held holding only for a
 * client whose manager records them (recordsFlows) — an unrecorded withdrawal would read as a loss. A savings
 * policy's premiums are flows too, always recorded (the manager knows the premium schedule), and no premium falls
 * due after the last review: the open period has no flow the book cannot know.
 *
 * A holding in a foreign currency (currencies.ts) is walked in its own currency — its market moves and flows are the
 * product's own — and each of its rows carries the currency and the rate on the review date (rates.ts), so the book
 * currency value of a review moves with the exchange rate too, as the review sheet's FX effect shows.
 */
import { addMonths } from "../domain/dates";
import type { IsoDate, ReviewRow } from "../domain/types";
import { day, iso, type Ctx } from "./context";
import type { ClientDraft, HoldingDraft } from "./draft";
import { loanBalance } from "./holdings";
import { premiumsPaid } from "./policies";
import { MARKET } from "./products";
import type { Rand } from "./rand";
import type { SampleCurrency, SampleRates } from "./rates";

export const REVIEWS_PER_CLIENT = 6;

/** Review dates, oldest first: the last one `lastAgo` days before asOf, the others whole cadences before it. */
export function reviewDates(ctx: Ctx, months: number, lastAgo: number): IsoDate[] {
  const last = iso(ctx.today - lastAgo);
  const out: IsoDate[] = [];
  for (let k = REVIEWS_PER_CLIENT - 1; k >= 0; k--) out.push(addMonths(last, -k * months));
  return out;
}

/** Days before asOf of the last review: within the cadence, or past it for an overdue client. */
export function drawLastReviewAgo(r: Rand, months: number, overdue: boolean): number {
  const late = r.int(10, 60);
  const inTime = r.int(3, Math.max(4, months * 30 - 7));
  return overdue ? months * 31 + late : inTime;
}

const cents = (x: number): number => Math.round(x * 100) / 100;

/** Chance per review period that money moved in or out, by kind of holding. */
function flowChance(h: HoldingDraft): number {
  const cls = h.h.assetClass;
  if (h.h.maturityDate !== undefined || cls === "Property" || cls === "Loan" || cls === "Insurance" || cls === "Bond") return 0;
  if (cls === "Deposit") return h.account ? 0.35 : 0;
  if (cls === "Fund") return 0.15;
  if (cls === "Stock") return 0.2;
  if (cls === "WealthProduct") return 0.25;
  return 0.1;
}

/**
 * Moves a savings policy's start (and its policy's) earlier when one of its premiums would fall due after the last
 * review: the premium lands just before that review instead, recorded as its flow. The cash value today is unchanged.
 */
function settlePremiums(r: Rand, ctx: Ctx, d: ClientDraft, dates: readonly IsoDate[]): void {
  const last = dates[dates.length - 1];
  for (const h of d.holdings) {
    const s = h.savings;
    if (!s || h.sold) continue;
    const policy = d.policies.find((p) => p.policyId === s.policyId);
    for (let year = 1; year < s.payYears; year++) {
      const due = addMonths(s.start, 12 * year);
      if (due > ctx.asOf) break;
      if (due <= last) continue;
      // Due after the last review: start earlier so that it fell due a few days to weeks before it, or, for a
      // policy that cannot start earlier (the insured was not a month old), later so that it falls due after asOf.
      const earlier = day(due) - day(last) + r.int(3, 25);
      const later = day(ctx.asOf) - day(due) + r.int(3, 25);
      const insured = [d.self, ...d.family].find((x) => x.text === policy?.insured);
      const born = insured ? day(insured.birthday) + 31 : -Infinity;
      let start: number | undefined;
      if (earlier <= 300 && day(s.start) - earlier >= born) start = day(s.start) - earlier;
      else if (day(s.start) + later < ctx.today - 30) start = day(s.start) + later;
      if (start === undefined) break; // an open period of a year or more: a premium falls due whatever the start
      s.start = iso(start);
      h.h.startDate = s.start;
      if (policy) policy.startDate = s.start;
      break;
    }
    h.h.amount = cents(premiumsPaid(s, ctx.asOf) * s.ratio);
  }
}

/** Places each sold holding's sale date (and its start) among the review dates. */
function placeSales(r: Rand, ctx: Ctx, d: ClientDraft, dates: readonly IsoDate[]): void {
  const first = day(dates[0]);
  const last = day(dates[dates.length - 1]);
  for (const h of d.holdings) {
    if (!h.sold) continue;
    const s = h.sold;
    const sale = s.sinceLastReview ? last + 1 + Math.floor(s.u * (ctx.today - last - 1)) : first + 1 + Math.floor(s.u * (last - first - 1));
    s.saleDate = iso(sale);
    // It must have been held at one review at least: the latest review before the sale.
    const saleIso = s.saleDate;
    const before = dates.filter((x) => x < saleIso).pop() as IsoDate;
    const start = Math.min(sale - s.holdDays, day(before) - r.int(1, 30));
    h.h.startDate = iso(start);
  }
}

/** One row per holding held at each review date. */
export function drawReviews(r: Rand, ctx: Ctx, d: ClientDraft, dates: readonly IsoDate[], rates?: SampleRates): ReviewRow[] {
  placeSales(r, ctx, d, dates);
  settlePremiums(r, ctx, d, dates);
  // The client banked here before the first review. Holdings already open the current account early enough;
  // this only guards that promise.
  const opened = day(dates[0]) - 30;
  for (const h of d.holdings) {
    if (h.account && h.h.startDate !== undefined && day(h.h.startDate) > opened) h.h.startDate = iso(opened);
  }
  const clientId = d.client.clientId;
  // rows[k] holds the rows of dates[k]; built per holding, newest first, then flattened oldest first.
  const rows: ReviewRow[][] = dates.map(() => []);
  const dayOf = dates.map(day);

  for (const h of d.holdings) {
    const start = h.h.startDate;
    const anchorIso = h.sold ? (h.sold.saleDate as IsoDate) : ctx.asOf;
    const held = (k: number): boolean => (start === undefined || start <= dates[k]) && dates[k] < anchorIso;
    const { mu, sigma } = MARKET[h.h.assetClass];
    // Principal-valued products (fixed-term deposits and bonds) show no growth.
    const fixed = h.h.maturityDate !== undefined && (h.h.assetClass === "Deposit" || h.h.assetClass === "Bond");
    const pFlow = flowChance(h);

    let tNext = day(anchorIso);
    let vNext = h.h.amount;
    // The row at tNext when tNext is a review date; the flow over (dates[k], tNext] is recorded on it.
    let rowNext: ReviewRow | undefined;
    for (let k = dates.length - 1; k >= 0; k--) {
      // Market shocks within ±2.5 σ: a sample book shows ordinary quarters, not once-in-a-generation ones.
      const z = Math.max(-2.5, Math.min(2.5, r.normal()));
      const flowRoll = r.float();
      const flowSize = r.range(0.1, 0.45);
      const topUp = r.chance(0.6);
      if (!held(k)) {
        // The holding began after this review: everything it holds at the next review came in as a flow.
        if (rowNext && start !== undefined && start > dates[k]) {
          const dt = Math.max(0, tNext - day(start)) / 365;
          const initial = h.savings
            ? premiumsPaid(h.savings, iso(tNext))
            : Math.round(vNext / (fixed ? 1 : Math.exp(mu * dt)) / 100) * 100;
          if ((d.recordsFlows || h.savings) && rowNext.assetClass !== "Loan") rowNext.netFlow = initial;
        }
        if (start !== undefined && start > dates[k]) break;
        continue;
      }
      const dt = (tNext - dayOf[k]) / 365;
      let v: number;
      let flow = 0;
      if (h.loan) {
        v = loanBalance(h.loan, dates[k]);
      } else if (h.savings) {
        // Cash value follows the premiums paid; the premiums are the flows.
        const paid = premiumsPaid(h.savings, dates[k]);
        flow = premiumsPaid(h.savings, iso(tNext)) - paid;
        v = cents(paid * h.savings.ratio);
      } else {
        const g = fixed ? 1 : Math.exp((mu - (sigma * sigma) / 2) * dt + sigma * Math.sqrt(dt) * z);
        // Top-ups and withdrawals on a held holding only where the manager records them (the book can't derive them).
        // Never in the open period after the last review (no row records it): the book could not know it.
        if (d.recordsFlows && rowNext && flowRoll < pFlow) flow = Math.round((topUp ? 1 : -1) * flowSize * vNext / 100) * 100;
        if (vNext - flow < 0.05 * vNext) flow = 0;
        v = cents(Math.max(0, (vNext - flow) / g));
      }
      if (rowNext && (d.recordsFlows || h.savings) && rowNext.assetClass !== "Loan") rowNext.netFlow = flow;
      // As recordReview writes it: the holding's product name at the review, so a sold holding keeps its name.
      const row: ReviewRow = { clientId, reviewDate: dates[k], holdingId: h.h.holdingId, assetClass: h.h.assetClass, amount: v, productName: h.h.productName };
      // A foreign holding's review is in its own currency, valued at the rate of the review date (recordReview keeps both).
      const ccy = h.h.currency as SampleCurrency | undefined;
      if (ccy !== undefined && rates) {
        row.currency = ccy;
        row.rate = rates.rate(ccy, dates[k]);
      }
      rows[k].push(row);
      rowNext = row;
      tNext = dayOf[k];
      vNext = v;
    }
  }
  return rows.flat();
}
