/**
 * The maturity ladder (到期阶梯): what matures in the next twelve calendar months, by month and asset class, per
 * client and in total, with the premiums falling due beside it. Pure: the book and the as-of date are arguments.
 *
 * Rules (docs/ARCHITECTURE.md § Figures, "maturity ladder"):
 * - The window: from the as-of date (included) to the last day of the twelfth calendar month counting the as-of
 *   month as the first; e.g. as of 2026-12-06 the months are 2026-12 … 2027-11 and the window ends 2027-11-30.
 *   Something that matured earlier in the as-of month is Today's business (its look-back), not the ladder's.
 * - A holding is on the ladder when it is an asset (not a loan) with a MaturityDate in the window, at its amount
 *   (ladderAmount: the one place a holding's amount enters the ladder, where a currency conversion will go). So the
 *   ladder's total is exactly the sum of those holdings' amounts (a property test holds it to that).
 * - Expected proceeds beside the amount where the book knows them (./proceeds.ts); never added into the totals.
 * - Policies: an in-force policy whose cover ends (./protection coverEnd) in the window is listed with its sum
 *   insured, apart: a sum insured is not money maturing and is never added to the holdings' totals.
 * - Premiums: every premium of an in-force policy due in the window (./premiums.ts), with its payer; apart too.
 */
import { ASSET_CLASSES, LIABILITY_CLASSES, type AssetClass, type Book, type Holding, type IsoDate } from "./types";
import { addMonths, daysInMonth, isoParts } from "./dates";
import { expectedProceeds } from "./proceeds";
import { premiumPayer, premiumsDue } from "./premiums";
import { coverEnd } from "./protection";

export const LADDER_MONTHS = 12;

export interface LadderHolding {
  clientId: string;
  clientName: string;
  holdingId: string;
  assetClass: AssetClass;
  productName: string;
  institution: string;
  date: IsoDate;
  /** Index of the date's month in `months`. */
  month: number;
  amount: number;
  expected?: number;
}

export interface LadderPolicy {
  clientId: string;
  clientName: string;
  policyId: string;
  productName?: string;
  insurer: string;
  date: IsoDate;
  month: number;
  sumInsured: number;
}

export interface LadderPremium {
  clientId: string;
  clientName: string;
  policyId: string;
  productName?: string;
  insurer: string;
  payer: string;
  date: IsoDate;
  month: number;
  amount: number;
  /** The schedule's last premium: paid up once it is paid. */
  last: boolean;
}

export interface LadderClient {
  clientId: string;
  clientName: string;
  /** Amount maturing per month (holdings only). */
  byMonth: number[];
  total: number;
}

export interface MaturityLadder {
  /** "YYYY-MM", LADDER_MONTHS of them from the as-of month. */
  months: string[];
  from: IsoDate;
  to: IsoDate;
  /** In date order, then book order. */
  holdings: LadderHolding[];
  policies: LadderPolicy[];
  premiums: LadderPremium[];
  /** The classes that have something maturing, in ASSET_CLASSES order. */
  classes: AssetClass[];
  /** Per class, the amount maturing per month. */
  byClass: Map<AssetClass, number[]>;
  /** Clients with something maturing, in book order. */
  clients: LadderClient[];
  monthTotals: number[];
  total: number;
  premiumTotals: number[];
}

/** The amount a holding brings to the ladder (one function, so a conversion to the book currency slots in here). */
export function ladderAmount(h: Pick<Holding, "amount">): number {
  return h.amount;
}

/** The months and the window of a ladder as of `asOf`. */
export function ladderWindow(asOf: IsoDate, count = LADDER_MONTHS): { months: string[]; from: IsoDate; to: IsoDate } {
  const first = `${asOf.slice(0, 7)}-01`;
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i).slice(0, 7));
  const last = isoParts(`${months[count - 1]}-01`);
  return { months, from: asOf, to: `${months[count - 1]}-${String(daysInMonth(last.y, last.m)).padStart(2, "0")}` };
}

export interface LadderOptions {
  /** Only this client's holdings and policies (the review sheet's small table). */
  clientId?: string;
  months?: number;
}

export function maturityLadder(book: Book, asOf: IsoDate, opts: LadderOptions = {}): MaturityLadder {
  const { months, from, to } = ladderWindow(asOf, opts.months ?? LADDER_MONTHS);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const inWindow = (d: IsoDate | undefined): d is IsoDate => d !== undefined && d >= from && d <= to;
  const names = new Map<string, string>();
  for (const c of book.clients) if (!names.has(c.clientId)) names.set(c.clientId, c.name);
  const wanted = (clientId: string) => names.has(clientId) && (opts.clientId === undefined || clientId === opts.clientId);
  const byDate = <T extends { date: IsoDate }>(rows: T[]) => rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const holdings: LadderHolding[] = [];
  for (const h of book.holdings) {
    if (!wanted(h.clientId) || LIABILITY_CLASSES.includes(h.assetClass) || !inWindow(h.maturityDate)) continue;
    const expected = expectedProceeds(h);
    holdings.push({
      clientId: h.clientId, clientName: names.get(h.clientId)!, holdingId: h.holdingId, assetClass: h.assetClass,
      productName: h.productName, institution: h.institution, date: h.maturityDate,
      month: monthIndex.get(h.maturityDate.slice(0, 7))!, amount: ladderAmount(h),
      ...(expected === undefined ? {} : { expected }),
    });
  }
  const policies: LadderPolicy[] = [];
  const premiums: LadderPremium[] = [];
  for (const p of book.policies) {
    if (!wanted(p.clientId) || p.status !== "InForce") continue;
    const clientName = names.get(p.clientId)!;
    const what = { clientId: p.clientId, clientName, policyId: p.policyId, ...(p.productName ? { productName: p.productName } : {}), insurer: p.insurer };
    const end = coverEnd(p);
    if (inWindow(end)) policies.push({ ...what, date: end, month: monthIndex.get(end.slice(0, 7))!, sumInsured: p.sumInsured });
    for (const due of premiumsDue(p, from, to)) {
      premiums.push({ ...what, payer: premiumPayer(p, clientName), date: due.date, month: monthIndex.get(due.date.slice(0, 7))!, amount: due.amount, last: due.last });
    }
  }
  byDate(holdings);
  byDate(policies);
  byDate(premiums);

  const zeros = () => months.map(() => 0);
  const byClass = new Map<AssetClass, number[]>();
  const perClient = new Map<string, number[]>();
  const monthTotals = zeros();
  const premiumTotals = zeros();
  for (const h of holdings) {
    if (!byClass.has(h.assetClass)) byClass.set(h.assetClass, zeros());
    byClass.get(h.assetClass)![h.month] += h.amount;
    if (!perClient.has(h.clientId)) perClient.set(h.clientId, zeros());
    perClient.get(h.clientId)![h.month] += h.amount;
    monthTotals[h.month] += h.amount;
  }
  for (const p of premiums) premiumTotals[p.month] += p.amount;
  const classes = ASSET_CLASSES.filter((c) => byClass.has(c));
  const clients: LadderClient[] = [];
  for (const [clientId, clientName] of names) {
    const byMonth = perClient.get(clientId);
    if (byMonth) clients.push({ clientId, clientName, byMonth, total: byMonth.reduce((a, b) => a + b, 0) });
  }
  return {
    months, from, to, holdings, policies, premiums, classes,
    byClass: new Map(classes.map((c) => [c, byClass.get(c)!])),
    clients, monthTotals, total: monthTotals.reduce((a, b) => a + b, 0), premiumTotals,
  };
}
