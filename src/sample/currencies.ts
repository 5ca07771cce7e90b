/**
 * Holdings and policies in a foreign currency (USD, HKD), as relationship managers see them:
 * - Mainland (zh-CN, en-US; CNY book): a minority of clients keep 外币 — USD or HKD fixed deposits (美元定期存款) or a
 *   USD wealth product — most of all those whose child studies abroad or who follow FX (the 关注外币理财 tag), and
 *   some of them hold a USD savings or whole-life policy bought in Hong Kong (a Hong Kong insurer: mainland banks do
 *   not sell Hong Kong policies, so its cash value is held at the insurer).
 * - Taiwan (zh-TW; TWD book): what is named in USD is in USD — 外幣定存（美元…）, 美國公債, 海外金融債 and overseas
 *   structured or dual-currency notes, 複委託 US stocks — more clients keep 外幣定存, and most whole-life, annuity and education
 *   policies and some term life are 美元保單 (foreign-currency policies are a large share of Taiwan's life premiums).
 * Amounts were drawn in CNY: a foreign row holds the CNY amount ÷ the CNY rate on asOf (the same USD in zh-CN and
 * zh-TW books), rounded as the product is (deposits and bonds to 100, policies' sums to 1,000 — 100 below 100,000 —
 * premiums to whole dollars). Done after tiers are set and before reviews are walked, so the reviews walk the local amount and each
 * review row carries the currency and the rate of its date (reviews.ts).
 */
import { THIS_BANK, type IsoDate, type Policy } from "../domain/types";
import { say, TWD_PER_CNY, type Ctx, type T } from "./context";
import type { ClientDraft, HoldingDraft } from "./draft";
import { premiumsPaid, LIFE_INSURERS } from "./policies";
import { BONDS, DEPOSITS, SUB_BROKERAGE, WEALTH } from "./products";
import type { Rand } from "./rand";
import type { SampleCurrency, SampleRates } from "./rates";
import { TAG } from "./texts";

/** Chance that a client keeps foreign currency: with a child abroad or the FX tag, and otherwise. */
const FOREIGN_CHANCE = { cn: { drawn: 0.85, other: 0.12 }, tw: { drawn: 0.9, other: 0.22 } } as const;
/** Share of USD among foreign holdings (the rest HKD). */
const USD_SHARE = { cn: 0.7, tw: 0.9 } as const;
/** Chance that a mainland foreign-currency client also holds a Hong Kong USD policy. */
const CN_USD_POLICY = 0.5;
/** Chance that a Taiwan whole-life, annuity or education policy is a 美元保單, and a term-life one. */
const TW_USD_POLICY = 0.6;
const TW_USD_TERM_LIFE = 0.3;
/** Smallest CNY amount kept in a foreign currency (≈ US$4,000): nobody changes money for less. */
const MIN_FOREIGN = 30_000;

const CCY_NAME: Readonly<Record<SampleCurrency, T>> = { USD: ["美元", "美元"], HKD: ["港币", "港幣"] };

/** Hong Kong insurers mainland clients buy USD policies from (name, brand). */
const HK_INSURERS: readonly (readonly [string, string])[] = [
  ["友邦保险（香港）", "友邦"],
  ["保诚保险（香港）", "保诚"],
  ["宏利人寿（香港）", "宏利"],
  ["中国人寿（海外）", "国寿海外"],
];

/** Taiwan products named in USD (zh-TW names). */
const TW_USD_NAMES: ReadonlySet<string> = new Set([
  DEPOSITS[4].t[1], DEPOSITS[6].t[1], WEALTH[3].t[1], WEALTH[4].t[1], WEALTH[5].t[1], BONDS[0].t[1], BONDS[1].t[1], BONDS[4].t[1],
  ...SUB_BROKERAGE,
]);

/** Savings and whole-life cover, the policies sold in USD (by product name, both scripts). */
const USD_POLICY_NAME = /终身寿险|終身壽險|年金保险|年金保險/;

const hundreds = (x: number): number => Math.max(100, Math.round(x / 100) * 100);
/** A sum insured in round figures: to US$1,000 from US$100,000, to US$100 below. */
const sumRound = (x: number): number => (x >= 100_000 ? Math.round(x / 1_000) * 1_000 : Math.max(100, Math.round(x / 100) * 100));
const cents = (x: number): number => Math.round(x * 100) / 100;

function convertHolding(h: HoldingDraft, ccy: SampleCurrency, perUnit: number, name?: string): void {
  const x = h.h.amount / perUnit;
  const cls = h.h.assetClass;
  h.h.amount = cls === "Deposit" || cls === "Bond" ? hundreds(x) : cents(x);
  h.h.currency = ccy;
  if (name !== undefined) h.h.productName = name;
}

function convertPolicy(p: Policy, perUnit: number, savings: HoldingDraft | undefined, asOf: IsoDate): void {
  p.annualPremium = Math.max(1, Math.round(p.annualPremium / perUnit));
  // A single premium stays within the sum insured it buys (premiumTerms.ts).
  p.sumInsured = Math.max(sumRound(p.sumInsured / perUnit), p.premiumFrequency === "Single" ? Math.ceil(p.annualPremium / 100) * 100 : 0);
  if (p.criticalIllnessSum !== undefined) p.criticalIllnessSum = sumRound(p.criticalIllnessSum / perUnit);
  p.currency = "USD";
  if (savings?.savings) {
    savings.savings.premium = p.annualPremium;
    savings.h.currency = "USD";
    savings.h.productName = p.productName ?? savings.h.productName;
    // Cash value = premiums paid by asOf × the policy's ratio, as policies.ts sets it (reviews.ts settles it again).
    savings.h.amount = cents(premiumsPaid(savings.savings, asOf) * savings.savings.ratio);
  }
}

/** A deposit's name in a foreign currency: 美元定期存款（1年） / 外幣定存（美元1年）. */
function depositName(ctx: Ctx, name: string, ccy: SampleCurrency): string {
  const c = say(ctx, CCY_NAME[ccy]);
  if (!ctx.tw) return c + name;
  const m = /^定期(?:儲蓄)?存款（(.*)）$/.exec(name);
  return m ? `外幣定存（${c}${m[1]}）` : `${name}（${c}）`;
}

/**
 * Puts some of the client's holdings and policies in USD or HKD (see the file comment). `asOf` rates convert the
 * amounts; every draw comes from `r`, the client's own currency stream, so the rest of the book is unchanged.
 */
export function drawCurrencies(r: Rand, ctx: Ctx, d: ClientDraft, rates: SampleRates): void {
  const m = ctx.tw ? "tw" : "cn";
  const drawn = d.family.some((f) => f.abroad) || (d.client.tags ?? []).includes(say(ctx, TAG.fx));
  const foreign = r.float() < (drawn ? FOREIGN_CHANCE[m].drawn : FOREIGN_CHANCE[m].other);
  const howMany = r.chance(0.3) ? 2 : 1;
  const ccyRolls = [r.float(), r.float()];
  const policyRoll = r.float();
  // Book-currency amounts are still CNY here (a TWD book is CNY × TWD_PER_CNY, generate.ts toTwd), and a TWD book's
  // rates are TWD per unit: CNY per unit = TWD per unit ÷ TWD_PER_CNY, so a USD amount is about the same in both books.
  const perUnit = (c: SampleCurrency): number => rates.rate(c, ctx.asOf) / (ctx.tw ? TWD_PER_CNY : 1);

  // Taiwan: products named in USD are in USD.
  if (ctx.tw) {
    for (const h of d.holdings) if (!h.h.currency && TW_USD_NAMES.has(h.h.productName)) convertHolding(h, "USD", perUnit("USD"));
  }

  if (foreign) {
    const candidates = d.holdings.filter((h) =>
      !h.sold && !h.account && !h.h.currency && !h.loan && h.h.amount >= MIN_FOREIGN &&
      (h.h.assetClass === "Deposit" || (!ctx.tw && h.h.assetClass === "WealthProduct" && h.h.institution === THIS_BANK)));
    // Deposits first: 外币 is mostly kept on deposit.
    candidates.sort((a, b) => Number(b.h.assetClass === "Deposit") - Number(a.h.assetClass === "Deposit"));
    candidates.slice(0, howMany).forEach((h, k) => {
      const ccy: SampleCurrency = ccyRolls[k] < USD_SHARE[m] ? "USD" : "HKD";
      const name = h.h.assetClass === "Deposit" ? depositName(ctx, h.h.productName, ccy) : `${h.h.productName}（${say(ctx, CCY_NAME[ccy])}）`;
      convertHolding(h, ccy, perUnit(ccy), name);
    });
  }

  const savingsOf = (p: Policy): HoldingDraft | undefined => d.holdings.find((h) => h.savings?.policyId === p.policyId);
  if (ctx.tw) {
    for (const p of d.policies) {
      const roll = r.float();
      const name = p.productName ?? "";
      const chance = USD_POLICY_NAME.test(name) ? TW_USD_POLICY : name.includes("定期壽險") ? TW_USD_TERM_LIFE : 0;
      if (roll >= chance) continue;
      p.productName = name.replace(/(利率變動型終身壽險|終身壽險|利率變動型年金保險|子女教育年金保險|定期壽險)/, "美元$1");
      convertPolicy(p, perUnit("USD"), savingsOf(p), ctx.asOf);
    }
  } else if (foreign && policyRoll < CN_USD_POLICY) {
    // One savings or whole-life policy whose cash value is not at this bank (a Hong Kong policy is held at the insurer).
    const p = d.policies.find((x) => USD_POLICY_NAME.test(x.productName ?? "") && savingsOf(x)?.h.institution !== THIS_BANK);
    if (p) {
      const hk = HK_INSURERS[Math.floor(policyRoll * 97) % HK_INSURERS.length];
      const brand = LIFE_INSURERS.map((i) => say(ctx, i.brand)).find((b) => (p.productName ?? "").startsWith(b)) ?? "";
      p.insurer = hk[0];
      p.productName = `${hk[1]}${(p.productName ?? "").slice(brand.length)}（美元）`;
      const s = savingsOf(p);
      if (s) s.h.institution = hk[0];
      convertPolicy(p, perUnit("USD"), s, ctx.asOf);
    }
  }
}
