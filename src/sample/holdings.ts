/**
 * What a client holds: investable assets drawn from a heavy-tailed (Pareto) law, so a few clients hold most of
 * the book as in real branches; spread over classes by risk profile, at this bank and at other institutions;
 * the home, its mortgage and other loans; and holdings sold during the review window (kept for Reviews only).
 */
import { THIS_BANK, type AssetClass, type Holding, type ProductRisk } from "../domain/types";
import { day, iso, monthsFrom, plusMonths, say, type Ctx, type T } from "./context";
import type { HoldingDraft, LoanModel, PersonDraft, Scenario } from "./draft";
import { districtName } from "./identity";
import {
  CATALOGUE, CURRENT_ACCOUNT, DEPOSITS, FUNDS, INVEST_CLASSES, LOANS, OTHER_BANKS, OTHER_BANK_WEIGHTS, OTHERS,
  OWN_PROPERTY, PROPERTIES, SECURITIES, STOCKS, SUB_BROKERAGE, WEALTH,
  type InvestClass, type LoanKind, type Product,
} from "./products";
import type { Rand } from "./rand";
import { NOTE } from "./texts";
import type { Occupation } from "./work";

/** Share of investable assets by class for C1…C5 (Deposit, WealthProduct, Fund, Bond, Stock, Other). */
const MIX: readonly (readonly number[])[] = [
  [60, 30, 0, 10, 0, 0],
  [38, 48, 0, 14, 0, 0],
  [22, 35, 25, 6, 0, 12],
  [15, 25, 38, 4, 0, 18],
  [10, 15, 35, 3, 20, 17],
];

/** Pareto shape just under 1: with the other holdings every client has, about 20 % of clients hold 80 % of the assets. */
const PARETO_ALPHA = 0.95;
const PARETO_MIN = 60_000;
const WEALTH_CAP = 80_000_000;
/** Six annual reviews, the last up to 14 months ago, reach back about 2,260 days. */
const ACCOUNT_MIN_DAYS = 2300;
/** Mortgage and consumer loans: monthly rate of 4.2 % a year. */
const LOAN_RATE = 0.042 / 12;

export interface HoldingInput {
  scen: Scenario;
  self: PersonDraft;
  occupation: Occupation;
  level: number;
  income?: number;
  district: number;
}

export interface HoldingsResult {
  holdings: HoldingDraft[];
  wealth: number;
  otherWealth: number;
}

const round = (x: number, step: number): number => Math.round(x / step) * step;
const cents = (x: number): number => Math.round(x * 100) / 100;

function riskNum(r: ProductRisk | undefined): number {
  return r ? Number(r.slice(1)) : 0;
}

/** Amount as a manager would see it: principal in round figures, market values to the cent. */
function amountFor(cls: AssetClass, p: Product, x: number): number {
  const v = Math.max(x, p.minAmount ?? (cls === "WealthProduct" ? 10_000 : 1_000));
  if (cls === "Deposit") return p === CURRENT_ACCOUNT ? cents(v) : round(v, 1_000);
  if (cls === "Bond") return round(v, 100);
  return cents(v);
}

export function loanBalance(m: LoanModel, on: string): number {
  if (on < m.start) return 0;
  if (m.interestOnly) return m.principal;
  const p = Math.max(0, monthsFrom(m.start, on));
  if (p >= m.months) return 0;
  const g = Math.pow(1 + m.rate, m.months);
  return cents((m.principal * (g - Math.pow(1 + m.rate, p))) / (g - 1));
}

export function drawHoldings(r: Rand, ctx: Ctx, input: HoldingInput, nextId: () => string): HoldingsResult {
  const { scen, self, occupation, level } = input;
  const out: HoldingDraft[] = [];
  const today = ctx.today;

  // ---- how much ----
  const incomeF = Math.min(2.2, Math.max(0.6, Math.pow((input.income ?? 150_000) / 300_000, 0.4)));
  const ageF = self.age >= 55 ? 1.6 : self.age >= 45 ? 1.3 : self.age < 30 ? 0.6 : 1;
  const u = r.float();
  const wealth = r.pareto(PARETO_MIN, PARETO_ALPHA, WEALTH_CAP, scen.showcase ? 0.985 : u) * incomeF * ageF;
  const hasOther = scen.showcase || r.chance(0.7);
  const otherFactor = r.logNormal(0.45, 0.9);
  const otherWealth = hasOther ? wealth * otherFactor : 0;

  const add = (
    cls: AssetClass,
    productName: string,
    institution: string,
    amount: number,
    dates: { start?: number; maturity?: number },
    risk: ProductRisk | undefined,
    extra: Partial<HoldingDraft> & { notes?: string } = {},
  ): HoldingDraft => {
    const atBank = institution === THIS_BANK;
    const upd = today - (atBank ? r.int(0, 2) : r.int(3, 150));
    const start = dates.start;
    const h: Holding = {
      holdingId: nextId(),
      clientId: "",
      assetClass: cls,
      productName,
      institution,
      amount,
      ...(start !== undefined ? { startDate: iso(start) } : {}),
      ...(dates.maturity !== undefined ? { maturityDate: iso(dates.maturity) } : {}),
      ...(risk ? { riskLevel: risk } : {}),
      updatedOn: iso(start !== undefined ? Math.max(start, upd) : upd),
      ...(extra.notes ? { notes: extra.notes } : {}),
    };
    const d: HoldingDraft = {
      h,
      ...(extra.sold ? { sold: extra.sold } : {}),
      ...(extra.loan ? { loan: extra.loan } : {}),
      ...(extra.account ? { account: true as const } : {}),
    };
    out.push(d);
    return d;
  };

  /** Start and maturity of a product: fixed terms end after asOf (soon, when asked), open ones began a while ago. */
  const datesFor = (p: Product, soon: boolean, back: [number, number]): { start: number; maturity?: number } => {
    const k = r.int(1, 13);
    const back0 = r.int(back[0], back[1]);
    const left = r.float();
    if (p.termMonths === undefined) return { start: today - back0 };
    const termDays = Math.round(p.termMonths * 30.4);
    const maturity = today + (soon ? k : 1 + Math.floor(left * (termDays - 6)));
    let start = day(plusMonths(iso(maturity), -p.termMonths));
    if (start >= today) start = today - 1;
    return { start, maturity };
  };

  const allowed = (list: readonly Product[], maxRisk: number, amount: number): Product[] =>
    list.filter((p) => riskNum(p.risk) <= maxRisk && (p.minAmount ?? 0) <= amount);

  // ---- at this bank, by class ----
  const mix = MIX[level - 1].map((w, i) => {
    const noise = r.logNormal(1, 0.6);
    const drop = i > 0 && r.chance(0.3) && !scen.showcase;
    return drop ? 0 : w * noise;
  });
  const mixTotal = mix.reduce((a, b) => a + b, 0);
  INVEST_CLASSES.forEach((cls, ci) => {
    const classAmount = (wealth * mix[ci]) / mixTotal;
    const nMore = (classAmount > 300_000 ? r.int(0, 1) : 0) + (classAmount > 2_000_000 ? r.int(0, 1) : 0);
    const splits = [r.range(0.5, 1.5), r.range(0.5, 1.5), r.range(0.5, 1.5)];
    if (classAmount < 1_000 && !(cls === "Deposit")) return;
    const count = 1 + nMore;
    const splitTotal = splits.slice(0, count).reduce((a, b) => a + b, 0);
    let pool = allowed(CATALOGUE[cls], level, classAmount / count);
    if (cls === "Deposit") pool = pool.filter((p) => p !== CURRENT_ACCOUNT);
    const picks = cls === "Deposit" ? [CURRENT_ACCOUNT, ...r.sample(pool, count - 1)] : r.sample(pool, count);
    picks.forEach((p, k) => {
      const x = (classAmount * splits[k]) / splitTotal;
      const recent = r.chance(0.12);
      // The current account predates the oldest of six annual reviews (over six years back), opened as an adult.
      const back: [number, number] =
        p === CURRENT_ACCOUNT ? [ACCOUNT_MIN_DAYS, Math.max(ACCOUNT_MIN_DAYS + 100, Math.min(9000, (self.age - 18) * 365))]
        : recent ? [5, 75] : cls === "Fund" || cls === "Stock" ? [90, 1500] : [60, 1200];
      const dates = datesFor(p, false, back);
      if (cls === "Stock") {
        addStock(p, x, dates);
      } else {
        add(cls, say(ctx, p.t), THIS_BANK, amountFor(cls, p, x), dates, p.risk, p === CURRENT_ACCOUNT ? { account: true } : {});
      }
    });
  });

  /** Stocks: a mainland bank holds none (a securities firm does); a Taiwan bank holds foreign stocks by 複委託. */
  function addStock(p: Product, x: number, dates: { start: number }, notes?: string): void {
    const idx = STOCKS.indexOf(p);
    const firm = r.pick(SECURITIES);
    if (ctx.tw) add("Stock", SUB_BROKERAGE[idx], THIS_BANK, cents(x), dates, "R5", notes ? { notes } : {});
    else add("Stock", say(ctx, p.t), say(ctx, firm), cents(x), dates, "R5", notes ? { notes } : {});
  }

  // ---- a product maturing within two weeks: money to reinvest ----
  if (scen.maturitySoon) {
    const pool = WEALTH.filter((p) => p.termMonths !== undefined && riskNum(p.risk) <= level);
    const p = pool.length > 0 ? r.pick(pool) : DEPOSITS[2];
    const cls: AssetClass = pool.length > 0 ? "WealthProduct" : "Deposit";
    const x = Math.max(50_000, wealth * r.range(0.05, 0.2));
    add(cls, say(ctx, p.t), THIS_BANK, amountFor(cls, p, x), datesFor(p, true, [30, 60]), p.risk);
  }

  // ---- a product above the client's level: bought before a reassessment lowered it ----
  if (level <= 4 && (scen.unsuitable || scen.showcase || r.chance(0.04))) {
    const target = scen.showcase ? 5 : Math.min(5, level + 1 + (r.chance(0.3) ? 1 : 0));
    const x = wealth * r.range(0.04, 0.15);
    const notes = say(ctx, NOTE.downgraded);
    const back: [number, number] = [200, 900];
    if (target === 5) {
      const p = r.pick(STOCKS);
      addStock(p, Math.max(5_000, x), { start: today - r.int(back[0], back[1]) }, notes);
    } else {
      const list = target === 2 ? WEALTH : target === 3 ? [...FUNDS, OTHERS[0]] : FUNDS;
      const p = r.pick(list.filter((q) => riskNum(q.risk) === target && q.minAmount === undefined));
      const cls: AssetClass = WEALTH.includes(p) ? "WealthProduct" : FUNDS.includes(p) ? "Fund" : "Other";
      add(cls, say(ctx, p.t), THIS_BANK, amountFor(cls, p, x), datesFor(p, false, back), p.risk, { notes });
    }
  }

  // ---- at other banks ----
  if (otherWealth > 0) {
    const bank = r.weighted(OTHER_BANK_WEIGHTS);
    const count = r.int(1, otherWealth > 500_000 ? 3 : 2);
    const classes: InvestClass[] = ["Deposit", "WealthProduct"];
    if (level >= 3) classes.push("Fund");
    if (level >= 5) classes.push("Stock");
    for (let k = 0; k < count; k++) {
      const cls = scen.showcase ? (["Deposit", "WealthProduct", "Fund"] as const)[k % 3] : r.pick(classes);
      const x = (otherWealth / count) * r.range(0.6, 1.4);
      const secondBank = r.chance(0.25) ? r.weighted(OTHER_BANK_WEIGHTS) : bank;
      // Every class offered here has a product without a minimum at every level that may draw it.
      const p = r.pick(allowed(CATALOGUE[cls], level, x).filter((q) => q !== CURRENT_ACCOUNT));
      const firm = r.pick(SECURITIES);
      const dates = datesFor(p, false, [60, 1500]);
      if (cls === "Stock") add("Stock", say(ctx, p.t), say(ctx, firm), cents(x), dates, "R5");
      else add(cls, say(ctx, p.t), say(ctx, OTHER_BANKS[secondBank]), amountFor(cls, p, x), dates, p.risk);
    }
  }

  // ---- the home, its mortgage, and other property ----
  const ownsHome = scen.showcase || r.chance(self.age >= 30 ? 0.78 : 0.35);
  const homeYears = r.int(1, Math.max(1, Math.min(25, self.age - 24)));
  const homeValue = round(r.logNormal(5_500_000, 0.45) * (wealth > 3_000_000 ? 1.5 : 1), 10_000);
  const homeOffset = r.int(0, 364);
  const mortgageRoll = r.float();
  const mortgageShare = r.range(0.35, 0.7);
  const mortgageYears = r.pick([20, 25, 30]);
  const mortgageHere = r.chance(0.5);
  const mortgageBank = r.weighted(OTHER_BANK_WEIGHTS);
  if (ownsHome) {
    const bought = today - homeYears * 365 - homeOffset;
    add("Property", `${say(ctx, PROPERTIES[0])}（${districtName(ctx, input.district)}）`, say(ctx, OWN_PROPERTY), homeValue, { start: bought }, undefined);
    if (scen.showcase || mortgageRoll < (homeYears <= 12 ? 0.75 : 0.35)) {
      const price = homeValue / Math.pow(1.06, homeYears);
      addLoan("mortgage", round(price * mortgageShare, 10_000), mortgageYears * 12, bought, false, scen.showcase || mortgageHere, mortgageBank);
    }
  }

  const investProperty = scen.showcase || (wealth > 2_000_000 && r.chance(0.3));
  const ipValue = round(r.logNormal(3_500_000, 0.5), 10_000);
  const ipYears = r.int(1, 15);
  const ipDistrict = r.int(0, 7);
  const shop = occupation === "owner" && r.chance(0.2);
  const shopValue = round(r.logNormal(4_000_000, 0.5), 10_000);
  if (investProperty) {
    add("Property", `${say(ctx, PROPERTIES[1])}（${districtName(ctx, ipDistrict)}）`, say(ctx, OWN_PROPERTY), ipValue, { start: today - ipYears * 365 - r.int(0, 364) }, undefined);
  }
  if (shop) {
    add("Property", `${say(ctx, PROPERTIES[2])}（${districtName(ctx, r.int(0, 7))}）`, say(ctx, OWN_PROPERTY), shopValue, { start: today - r.int(400, 4000) }, undefined);
  }

  // ---- other loans ----
  const businessOwner = occupation === "owner" || occupation === "shopkeeper";
  if (businessOwner && (scen.showcase || r.chance(0.45))) {
    const principal = round(r.logNormal(occupation === "owner" ? 1_500_000 : 300_000, 0.6), 10_000);
    const months = r.pick([12, 24, 36]);
    addLoan("business", principal, months, today - r.int(15, months * 30 - 20), true, scen.showcase || r.chance(0.55), r.weighted(OTHER_BANK_WEIGHTS));
  }
  if (r.chance(0.05)) {
    addLoan("consumer", round(r.range(50_000, 300_000), 1_000), 36, today - r.int(30, 900), false, r.chance(0.5), r.weighted(OTHER_BANK_WEIGHTS));
  }
  if (self.age < 60 && r.chance(0.05)) {
    const months = r.pick([36, 60]);
    addLoan("car", round(r.range(80_000, 300_000), 1_000), months, today - r.int(30, months * 28), false, r.chance(0.3), r.weighted(OTHER_BANK_WEIGHTS));
  }

  function addLoan(kind: LoanKind, principal: number, months: number, start: number, interestOnly: boolean, here: boolean, bank: number): void {
    const loan: LoanModel = { principal, rate: LOAN_RATE, months, start: iso(start), interestOnly };
    const balance = loanBalance(loan, ctx.asOf);
    let maturity = day(plusMonths(iso(start), months));
    if (balance <= 0) return;
    if (maturity <= today) maturity = today + 30;
    const institution = here ? THIS_BANK : say(ctx, OTHER_BANKS[bank]);
    add("Loan", say(ctx, LOANS[kind] as T), institution, balance, { start, maturity }, undefined, { loan });
  }

  // ---- sold during the review window (Reviews only) ----
  const soldCount = scen.showcase ? 1 : r.chance(0.4) ? r.int(1, 2) : 0;
  for (let k = 0; k < soldCount; k++) {
    const classes: InvestClass[] = ["WealthProduct", "Deposit"];
    if (level >= 3) classes.push("Fund");
    if (level >= 5) classes.push("Stock");
    const cls = scen.showcase ? "Fund" : r.pick(classes);
    const p = r.pick(allowed(CATALOGUE[cls], level, 0).filter((q) => q !== CURRENT_ACCOUNT));
    const here = r.chance(0.8);
    const bank = r.weighted(OTHER_BANK_WEIGHTS);
    const x = Math.max(10_000, wealth * r.range(0.03, 0.15));
    const sold = { u: r.float(), holdDays: r.int(60, 700), sinceLastReview: (scen.showcase && k === 0) || r.chance(0.3) };
    const institution = cls === "Stock" ? (ctx.tw ? THIS_BANK : say(ctx, SECURITIES[bank % SECURITIES.length])) : here ? THIS_BANK : say(ctx, OTHER_BANKS[bank]);
    const name = cls === "Stock" && ctx.tw ? SUB_BROKERAGE[STOCKS.indexOf(p)] : say(ctx, p.t);
    add(cls, name, institution, amountFor(cls, p, x), {}, p.risk, { sold });
  }

  return { holdings: out, wealth, otherWealth };
}
