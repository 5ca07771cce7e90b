/**
 * The maturity ladder (到期阶梯): what matures in the next twelve calendar months, by month and asset class, per
 * client and in total, with the premiums falling due beside it. Pure: the book and the as-of date are arguments.
 *
 * Rules (docs/ARCHITECTURE.md § Figures, "maturity ladder"):
 * - The window: from the as-of date (included) to the last day of the twelfth calendar month counting the as-of
 *   month as the first; e.g. as of 2026-12-06 the months are 2026-12 … 2027-11 and the window ends 2027-11-30.
 *   Something that matured earlier in the as-of month is Today's business (its look-back), not the ladder's.
 * - A holding is on the ladder when it is an asset (not a loan) with a MaturityDate in the window, at its amount in
 *   the book currency (ladderAmount). So the ladder's total is exactly the sum of those holdings' converted amounts
 *   (a property test over random books with foreign rows and rates holds it to that).
 * - Currency (issue #16): the book is valued as every other figure of the book is, by ./fx.ts valueBook on the as-of
 *   date — a holding in another currency at the latest rate on or before the as-of date (./currency.ts rateOn), a
 *   policy's sum insured and premiums the same. The rate on the maturity date is not known yet; the as-of rate is the
 *   one the rest of the book uses, so the ladder adds up with the profile list and the review. Each converted row keeps
 *   its own currency and amount (`currency`, `localAmount`) for the sheet to show beside it. A row in another
 *   currency with no rate is never counted 1:1: it is left out of every total and listed in `missing` with its
 *   currency, the date the rate was wanted for and its own amount (the sheet shows the error, ./currency.ts
 *   missingRateMessage). The codec already refuses such rows when it reads a book with the same as-of date.
 * - Expected proceeds beside the amount where the book knows them (./proceeds.ts) — on the converted principal, so in
 *   the book currency at the same rate; never added into the totals.
 * - Policies: an in-force policy whose cover ends (./protection coverEnd) in the window is listed with its sum
 *   insured, apart: a sum insured is not money maturing and is never added to the holdings' totals.
 * - Premiums: every premium of an in-force policy due in the window (./premiums.ts), with its payer; apart too.
 */
import { ASSET_CLASSES, LIABILITY_CLASSES, type AssetClass, type Book, type Holding, type IsoDate, type Policy } from "./types";
import { groupByClient } from "./byClient";
import { addMonths, daysInMonth, isoParts } from "./dates";
import { valueBook, type ValuedHolding } from "./fx";
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
  /** In the book currency. */
  amount: number;
  expected?: number;
  /** A holding in another currency: its ISO code, its own amount and the rate it was converted at. */
  currency?: string;
  localAmount?: number;
  fxRate?: number;
}

/** A row in another currency with no rate on or before `date`: on no total, shown as an error. */
export interface LadderMissing {
  table: "holdings" | "policies";
  /** HoldingId or PolicyId. */
  id: string;
  clientId: string;
  clientName: string;
  currency: string;
  /** The date a rate was wanted for (the as-of date). */
  date: IsoDate;
  /** The holding's maturity date or the policy's cover end, when in the window. */
  due?: IsoDate;
  /** The row's own amount (a holding's amount, a policy's sum insured), in `currency`. */
  localAmount: number;
  /** A holding's class (the calendar names a maturity by it). */
  assetClass?: AssetClass;
}

export interface LadderPolicy {
  clientId: string;
  clientName: string;
  policyId: string;
  productName?: string;
  insurer: string;
  date: IsoDate;
  month: number;
  /** In the book currency. */
  sumInsured: number;
  /** A policy in another currency: its ISO code and the sum insured in it. */
  currency?: string;
  localSumInsured?: number;
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
  /** In the book currency. */
  amount: number;
  /** The schedule's last premium: paid up once it is paid. */
  last: boolean;
  /** A policy in another currency: its ISO code and the premium in it (what the payer pays). */
  currency?: string;
  localAmount?: number;
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
  /** Rows of the ladder's scope in another currency with no rate (see the file comment), in book order. */
  missing: LadderMissing[];
}

/** The amount a holding of a valued book (./fx.ts valueBook) brings to the ladder: its amount in the book currency. */
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

/** A book's client names (the first row of an id names it) and each client's holdings and policies, in book order. */
interface ClientRows {
  names: Map<string, string>;
  holdings: Map<string, Holding[]>;
  policies: Map<string, Book["policies"]>;
}

const clientRowsCache = new WeakMap<Book, ClientRows>();

/**
 * Made once per book: a build of 5,000 reviews asks for one client's ladder 5,000 times, and scanning every
 * client, holding and policy of the book each time was quadratic (minutes at 5,000 clients, bench cli.build).
 */
function clientRows(book: Book): ClientRows {
  let rows = clientRowsCache.get(book);
  if (!rows) {
    const names = new Map<string, string>();
    for (const c of book.clients) if (!names.has(c.clientId)) names.set(c.clientId, c.name);
    rows = { names, holdings: groupByClient(book.holdings), policies: groupByClient(book.policies) };
    clientRowsCache.set(book, rows);
  }
  return rows;
}

export function maturityLadder(given: Book, asOf: IsoDate, opts: LadderOptions = {}): MaturityLadder {
  // every amount in the book currency at asOf; the same book when no row is in another currency (or already valued)
  const { book, missing: unrated } = valueBook(given, asOf);
  const { months, from, to } = ladderWindow(asOf, opts.months ?? LADDER_MONTHS);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const inWindow = (d: IsoDate | undefined): d is IsoDate => d !== undefined && d >= from && d <= to;
  const index = clientRows(book);
  const names = index.names;
  // one client's rows (the review's table) from the book's index, in book order; every row otherwise
  const only = opts.clientId;
  const rowsOf = <T>(all: readonly T[], by: (r: ClientRows) => Map<string, T[]>, b: Book): readonly T[] => (only === undefined ? all : (by(clientRows(b)).get(only) ?? []));
  const wanted = (clientId: string) => names.has(clientId) && (opts.clientId === undefined || clientId === opts.clientId);
  const byDate = <T extends { date: IsoDate }>(rows: T[]) => rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

  const isAssetMaturing = <H extends Holding>(h: H): h is H & { maturityDate: IsoDate } =>
    wanted(h.clientId) && !LIABILITY_CLASSES.includes(h.assetClass) && inWindow(h.maturityDate);
  const foreign = (currency: string | undefined): currency is string => currency !== undefined && currency !== given.settings.currency;
  const holdings: LadderHolding[] = [];
  for (const h of rowsOf(book.holdings, (r) => r.holdings, book) as ValuedHolding[]) {
    if (!isAssetMaturing(h)) continue;
    const expected = expectedProceeds(h);
    holdings.push({
      clientId: h.clientId, clientName: names.get(h.clientId)!, holdingId: h.holdingId, assetClass: h.assetClass,
      productName: h.productName, institution: h.institution, date: h.maturityDate,
      month: monthIndex.get(h.maturityDate.slice(0, 7))!, amount: ladderAmount(h),
      ...(expected === undefined ? {} : { expected }),
      ...(h.localAmount !== undefined && h.currency !== undefined ? { currency: h.currency, localAmount: h.localAmount, ...(h.fxRate !== undefined ? { fxRate: h.fxRate } : {}) } : {}),
    });
  }
  // the rows valueBook could not convert, from the book as given (their own amounts)
  const missing: LadderMissing[] = [];
  if (unrated.length > 0) {
    // the rows themselves (by their place in the book), not their ids: HoldingId and PolicyId are the manager's own
    // text, and a row of another client (or currency) with the same id may well have its rate
    const lacking = new Set<Holding | Policy>(
      unrated.flatMap((m): (Holding | Policy)[] => (m.table === "holdings" ? [given.holdings[m.index]] : m.table === "policies" ? [given.policies[m.index]] : [])),
    );
    for (const h of rowsOf(given.holdings, (r) => r.holdings, given)) {
      if (!foreign(h.currency) || !lacking.has(h) || !isAssetMaturing(h)) continue;
      missing.push({ table: "holdings", id: h.holdingId, clientId: h.clientId, clientName: names.get(h.clientId)!, currency: h.currency!, date: asOf, due: h.maturityDate, localAmount: h.amount, assetClass: h.assetClass });
    }
    for (const p of rowsOf(given.policies, (r) => r.policies, given)) {
      if (!foreign(p.currency) || !lacking.has(p) || !wanted(p.clientId) || p.status !== "InForce") continue;
      const end = coverEnd(p);
      if (!inWindow(end) && premiumsDue(p, from, to).length === 0) continue;
      missing.push({ table: "policies", id: p.policyId, clientId: p.clientId, clientName: names.get(p.clientId)!, currency: p.currency!, date: asOf, ...(inWindow(end) ? { due: end } : {}), localAmount: p.sumInsured });
    }
  }
  const policies: LadderPolicy[] = [];
  const premiums: LadderPremium[] = [];
  // a foreign policy as the book gives it, for its own amounts (the valued copy keeps its currency and id). A book
  // given already valued (valueBook returns it as it is) has no own amounts of its policies left: none are shown.
  const ownPolicy = new Map<string, Policy>();
  if (book !== given) for (const p of rowsOf(given.policies, (r) => r.policies, given)) if (foreign(p.currency)) ownPolicy.set(`${p.clientId}\u0000${p.policyId}`, p);
  for (const p of rowsOf(book.policies, (r) => r.policies, book)) {
    if (!wanted(p.clientId) || p.status !== "InForce") continue;
    const clientName = names.get(p.clientId)!;
    const what = { clientId: p.clientId, clientName, policyId: p.policyId, ...(p.productName ? { productName: p.productName } : {}), insurer: p.insurer };
    const own = foreign(p.currency) ? ownPolicy.get(`${p.clientId}\u0000${p.policyId}`) : undefined;
    const end = coverEnd(p);
    if (inWindow(end)) {
      policies.push({ ...what, date: end, month: monthIndex.get(end.slice(0, 7))!, sumInsured: p.sumInsured, ...(own ? { currency: own.currency, localSumInsured: own.sumInsured } : {}) });
    }
    const ownDues = own ? premiumsDue(own, from, to) : [];
    premiumsDue(p, from, to).forEach((due, i) => {
      premiums.push({
        ...what, payer: premiumPayer(p, clientName), date: due.date, month: monthIndex.get(due.date.slice(0, 7))!, amount: due.amount, last: due.last,
        ...(own && ownDues[i] ? { currency: own.currency, localAmount: ownDues[i].amount } : {}),
      });
    });
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
  for (const [clientId, clientName] of only === undefined ? names : names.has(only) ? [[only, names.get(only)!] as const] : []) {
    const byMonth = perClient.get(clientId);
    if (byMonth) clients.push({ clientId, clientName, byMonth, total: byMonth.reduce((a, b) => a + b, 0) });
  }
  return {
    months, from, to, holdings, policies, premiums, classes,
    byClass: new Map(classes.map((c) => [c, byClass.get(c)!])),
    clients, monthTotals, total: monthTotals.reduce((a, b) => a + b, 0), premiumTotals, missing,
  };
}
