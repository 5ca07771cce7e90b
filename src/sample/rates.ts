/**
 * The sample's exchange rates: one deterministic daily series per currency pair, walked day by day from 2000-01-01,
 * so a date has one rate in every sample book, whatever its size, seed or as-of day. A rate is book currency per unit of the foreign currency
 * (src/domain/currency.ts: a direct quote, as a bank's 外汇牌价 "100 美元 = 720.5 人民币" → 7.205).
 *
 * Levels (plausible for 2025–26, not historical fixings):
 * - CNY per USD: around 7.20, within 7.05–7.35. The CFETS central parity (人民币汇率中间价) stayed about 7.1–7.3
 *   through 2024–25; day-to-day moves of the managed rate are small (daily σ 0.008 ≈ 1.8 % a year).
 * - HKD per USD: around 7.80, within 7.75–7.85, the convertibility band of the Linked Exchange Rate System (HKMA,
 *   "Linked Exchange Rate System", strong-side 7.75 and weak-side 7.85 convertibility undertakings). HKD rates are
 *   the USD rate divided by it: CNY per HKD ≈ 7.20 / 7.80 ≈ 0.923 (0.90–0.95), TWD per HKD ≈ 31.5 / 7.80 ≈ 4.04.
 * - TWD per USD: around 31.5, within 29–33 (the Taipei Forex closing rate moved about 29.5–33 in 2024–25; daily σ
 *   0.04 ≈ 2 % a year, a calm market: a sample book shows ordinary quarters, as reviews.ts's market moves do).
 * Each walk is mean-reverting (x ← x + θ(μ − x) + σ·z, z standard normal, clamped to the band): an Ornstein–Uhlenbeck
 * process, so years of walking stay near the level instead of drifting off. Rounded as banks quote: CNY to 4
 * decimals (the CFETS parity), TWD to 3 (the Taipei Forex close).
 */
import type { FxRate, IsoDate } from "../domain/types";
import { day, type Ctx } from "./context";
import { Rand } from "./rand";

/** The foreign currencies the sample uses. */
export type SampleCurrency = "USD" | "HKD";
export const SAMPLE_CURRENCIES: readonly SampleCurrency[] = ["USD", "HKD"];

/** The first day of the series (generate.ts accepts as-of days from 2000-01-01 on). */
const EPOCH: IsoDate = "2000-01-01";
const RATE_SEED = 0x4658; // "FX"

interface Walk {
  mu: number;
  theta: number;
  sigma: number;
  lo: number;
  hi: number;
}
const CNY_PER_USD: Walk = { mu: 7.2, theta: 0.02, sigma: 0.008, lo: 7.05, hi: 7.35 };
const TWD_PER_USD: Walk = { mu: 31.5, theta: 0.02, sigma: 0.04, lo: 29, hi: 33 };
const HKD_PER_USD: Walk = { mu: 7.8, theta: 0.02, sigma: 0.002, lo: 7.75, hi: 7.85 };

/** The walk's value on each of `days` days from EPOCH (index 0), starting from its level. */
function walk(w: Walk, stream: number, days: number): Float64Array {
  const r = new Rand(RATE_SEED, stream);
  const out = new Float64Array(days);
  let x = w.mu;
  for (let i = 0; i < days; i++) {
    x = Math.min(w.hi, Math.max(w.lo, x + w.theta * (w.mu - x) + w.sigma * r.normal()));
    out[i] = x;
  }
  return out;
}

const round = (x: number, places: number): number => Math.round(x * 10 ** places) / 10 ** places;

export interface SampleRates {
  /** Book currency per unit of `currency` on `date` (clamped to the series' first day, EPOCH, and its last, asOf). */
  rate(currency: SampleCurrency, date: IsoDate): number;
  /** Rows of the Rates table: each currency on each date, by date then currency. */
  table(currencies: Iterable<SampleCurrency>, dates: Iterable<IsoDate>): FxRate[];
}

/** The rates of a book in CNY (zh-CN, en-US) or TWD (zh-TW), for days up to ctx.asOf. */
export function sampleRates(ctx: Ctx): SampleRates {
  // At most 73,000 days (2000–2199): a few milliseconds, once per book.
  const first = day(EPOCH);
  const days = ctx.today - first + 1;
  const perUsd = walk(ctx.tw ? TWD_PER_USD : CNY_PER_USD, ctx.tw ? 2 : 1, days);
  const hkdPerUsd = walk(HKD_PER_USD, 3, days);
  const places = ctx.tw ? 3 : 4;
  const idx = (date: IsoDate): number => Math.min(days - 1, Math.max(0, day(date) - first));
  const rate = (currency: SampleCurrency, date: IsoDate): number => {
    const i = idx(date);
    return currency === "USD" ? round(perUsd[i], places) : round(perUsd[i] / hkdPerUsd[i], places);
  };
  return {
    rate,
    table(currencies, dates) {
      const cs = SAMPLE_CURRENCIES.filter((c) => new Set(currencies).has(c));
      const out: FxRate[] = [];
      for (const d of [...new Set(dates)].sort()) for (const c of cs) out.push({ currency: c, rate: rate(c, d), date: d });
      return out;
    },
  };
}
