/**
 * The task pane's maturity ladder (到期阶梯): the domain's ladder (src/domain/ladder.ts maturityLadder — the one
 * source the 到期阶梯 sheet uses too) as the pane shows it: twelve months, each with its total and its amount per
 * asset class (the bar), and, opened, the clients maturing that month with each holding's date, product and
 * amount; apart, the policies whose cover ends (sum insured) and the premiums falling due — never added into the
 * totals, as on the sheet. Amounts are in the book currency (the domain values the book on the as-of date: a foreign
 * holding converted, its own amount beside it; a row with no rate on no total, listed with what to do), as texts in
 * the book's display unit (format.ts money: 元 or 万).
 *
 * Figures (docs/ARCHITECTURE.md § Figures, "maturity ladder"): a month's total is the domain's monthTotals[i], the
 * sum of the amounts (ladderAmount) of the holdings maturing in it; its class parts are byClass[c][i]; a client's
 * month total is the sum of that client's holdings in the month. The view adds nothing of its own: the parts of a
 * month add up to its total and the clients' totals add up to it too (tests/taskpane/ladderView.test.ts holds it).
 * `scale` is the month's share of the largest month (the bar's length, 0…1), so the bars compare months.
 */
import { ASSET_CLASS_LABELS } from "../../domain/allocation";
import { missingRateMessage } from "../../domain/currency";
import { maturityLadder, type MaturityLadder } from "../../domain/ladder";
import type { AssetClass, Book, IsoDate, Lang } from "../../domain/types";
import { dateText, money } from "../format";
import { monthLabel } from "./months";

export interface LadderItemView {
  holdingId: string;
  date: IsoDate;
  dateText: string;
  assetClass: AssetClass;
  classLabel: string;
  productName: string;
  amount: number;
  amountText: string;
  /** Expected proceeds (principal and interest), where the book knows the rate. */
  expectedText?: string;
  /** A holding in another currency: its own amount with the ISO code ("USD 10,000"); `amount` is converted. */
  foreignText?: string;
}

export interface LadderClientView {
  clientId: string;
  clientName: string;
  total: number;
  totalText: string;
  items: LadderItemView[];
}

export interface LadderPartView {
  assetClass: AssetClass;
  label: string;
  amount: number;
  amountText: string;
  /** Share of the month's total (0…1): the segment's length within the bar. */
  share: number;
}

export interface LadderPolicyView {
  clientId: string;
  clientName: string;
  policyId: string;
  product: string;
  dateText: string;
  /** In the book currency. */
  sumInsuredText: string;
  /** A policy in another currency: its sum insured in it ("USD 1,000,000"). */
  foreignText?: string;
}

export interface LadderMonthView {
  /** "YYYY-MM". */
  month: string;
  label: string;
  total: number;
  totalText: string;
  /** The month's total as a share of the largest month's (0…1). */
  scale: number;
  /** Classes with something maturing this month, in ASSET_CLASSES order. */
  parts: LadderPartView[];
  /** Clients with something maturing this month, in the order of their first maturity; holdings in date order. */
  clients: LadderClientView[];
  holdingCount: number;
  policies: LadderPolicyView[];
  premiumCount: number;
  premiumTotalText: string;
}

/** A row in another currency with no rate: on no total (the domain's `missing`), shown with what to do. */
export interface LadderMissingView {
  clientId: string;
  clientName: string;
  /** HoldingId or PolicyId, as in the book. */
  id: string;
  /** "USD 10,000". */
  amountText: string;
  /** What is missing and where to add it (currency.ts missingRateMessage). */
  message: string;
}

export interface LadderView {
  months: LadderMonthView[];
  /** Classes on the ladder (the legend), in ASSET_CLASSES order. */
  classes: { assetClass: AssetClass; label: string }[];
  from: IsoDate;
  to: IsoDate;
  total: number;
  totalText: string;
  holdingCount: number;
  clientCount: number;
  missing: LadderMissingView[];
  /** Nothing matures, no cover ends and no premium falls due in the window. */
  empty: boolean;
}

/** The pane's view of a ladder (the domain's, or maturityLadder(book, asOf) as the sheet makes it). */
export function ladderView(book: Book, asOf: IsoDate, lang: Lang, ladder: MaturityLadder = maturityLadder(book, asOf)): LadderView {
  const unit = book.settings.amountUnit;
  const fmt = (n: number) => money(n, unit, lang);
  const l = ladder;
  const largest = Math.max(0, ...l.monthTotals);
  const months: LadderMonthView[] = l.months.map((month, i) => {
    const total = l.monthTotals[i];
    const parts: LadderPartView[] = l.classes
      .map((c) => ({ c, amount: l.byClass.get(c)![i] }))
      .filter((p) => p.amount !== 0)
      .map(({ c, amount }) => ({ assetClass: c, label: ASSET_CLASS_LABELS[c][lang], amount, amountText: fmt(amount), share: total > 0 ? amount / total : 0 }));
    const byClient = new Map<string, LadderClientView>();
    let holdingCount = 0;
    for (const h of l.holdings) {
      if (h.month !== i) continue;
      holdingCount++;
      let c = byClient.get(h.clientId);
      if (!c) byClient.set(h.clientId, (c = { clientId: h.clientId, clientName: h.clientName, total: 0, totalText: "", items: [] }));
      c.total += h.amount;
      c.items.push({
        holdingId: h.holdingId, date: h.date, dateText: dateText(h.date, lang), assetClass: h.assetClass, classLabel: ASSET_CLASS_LABELS[h.assetClass][lang],
        productName: h.productName, amount: h.amount, amountText: fmt(h.amount), ...(h.expected === undefined ? {} : { expectedText: fmt(h.expected) }),
        ...(h.currency !== undefined && h.localAmount !== undefined ? { foreignText: `${h.currency} ${fmt(h.localAmount)}` } : {}),
      });
    }
    const clients = [...byClient.values()].map((c) => ({ ...c, totalText: fmt(c.total) }));
    const policies = l.policies
      .filter((p) => p.month === i)
      .map((p) => ({ clientId: p.clientId, clientName: p.clientName, policyId: p.policyId, product: p.productName ?? p.insurer, dateText: dateText(p.date, lang), sumInsuredText: fmt(p.sumInsured),
        ...(p.currency !== undefined && p.localSumInsured !== undefined ? { foreignText: `${p.currency} ${fmt(p.localSumInsured)}` } : {}) }));
    const premiumCount = l.premiums.filter((p) => p.month === i).length;
    return {
      month, label: monthLabel(month, lang), total, totalText: fmt(total), scale: largest > 0 ? total / largest : 0, parts, clients, holdingCount,
      policies, premiumCount, premiumTotalText: fmt(l.premiumTotals[i]),
    };
  });
  return {
    months,
    classes: l.classes.map((c) => ({ assetClass: c, label: ASSET_CLASS_LABELS[c][lang] })),
    from: l.from,
    to: l.to,
    total: l.total,
    totalText: fmt(l.total),
    holdingCount: l.holdings.length,
    clientCount: l.clients.length,
    missing: l.missing.map((m) => ({
      clientId: m.clientId, clientName: m.clientName, id: m.id, amountText: `${m.currency} ${fmt(m.localAmount)}`,
      message: missingRateMessage(m.currency, m.date, book.settings.currency)[lang],
    })),
    empty: l.holdings.length === 0 && l.policies.length === 0 && l.premiums.length === 0,
  };
}
