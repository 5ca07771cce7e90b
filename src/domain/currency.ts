/**
 * Currencies: the one list of the currencies a book may hold (ISO 4217 codes with their minor units, their names in
 * three languages and the other spellings managers type), the exchange-rate lookup by date, and the split of a change
 * in book-currency value into the holding's own change and the exchange-rate effect.
 *
 * Definitions (sources):
 * - Codes and minor units: ISO 4217 (the list maintained by SIX for ISO; e.g. JPY and KRW have 0 minor units, the
 *   others here 2).
 * - A rate is "units of the book currency for one unit of the currency" (a direct quote from the book's side, as a
 *   bank's 外汇牌价 gives "100 美元 = 710.5 人民币" → 7.105). The book's own currency is 1 on every date.
 * - Which rate applies on a date: the latest rate dated on or before that date. This is Excel's approximate-match
 *   lookup (`LOOKUP` / `MATCH(…, 1)` / `XLOOKUP(…, -1)` "exact match or next smaller item" on dates sorted ascending)
 *   and how a position is marked to the last fixing published before the valuation date (a weekend or holiday
 *   valuation uses the Friday fixing). No rate on or before the date is an error that names the currency and the date
 *   — never a silent 1:1.
 * - FX attribution of a holding in currency F, amounts A0 → A1 (in F) and rates r0 → r1 (book per F): the change in
 *   book currency A1·r1 − A0·r0 = (A1 − A0)·r0 + A1·(r1 − r0): the holding's own (local) change valued at the OLD rate,
 *   plus the currency effect on the END amount. This is the local-return / currency-return split of Karnosky & Singer
 *   (1994, "Global Asset Management and Performance Attribution", Research Foundation of the ICFA), in which a
 *   foreign asset's return in base currency is (1 + r_local)(1 + r_fx) − 1 = r_local + r_fx·(1 + r_local): the local
 *   return first, the currency effect carrying the cross term (the currency return applied to the grown amount).
 */
import type { Localized } from "./result";
import type { FxRate, IsoDate } from "./types";

export interface CurrencyDef {
  /** ISO 4217 alphabetic code. */
  code: string;
  /** ISO 4217 minor units (decimal places of the currency). */
  minorUnits: number;
  names: Localized;
  /** Other spellings: symbols, common Chinese names in both scripts, colloquial names. */
  aliases: readonly string[];
}

/** The currencies a book may use, in the order the Currency drop-down lists them. */
export const CURRENCIES: readonly CurrencyDef[] = [
  { code: "CNY", minorUnits: 2, names: { "zh-CN": "人民币", "zh-TW": "人民幣", "en-US": "Chinese yuan" }, aliases: ["RMB", "元", "¥", "CN¥", "人民币元", "人民幣元"] },
  { code: "TWD", minorUnits: 2, names: { "zh-CN": "新台币", "zh-TW": "新臺幣", "en-US": "New Taiwan dollar" }, aliases: ["新台幣", "新臺币", "台币", "台幣", "臺幣", "NTD", "NT$", "NT"] },
  { code: "HKD", minorUnits: 2, names: { "zh-CN": "港币", "zh-TW": "港幣", "en-US": "Hong Kong dollar" }, aliases: ["港元", "港纸", "HK$"] },
  { code: "MOP", minorUnits: 2, names: { "zh-CN": "澳门元", "zh-TW": "澳門元", "en-US": "Macanese pataca" }, aliases: ["澳门币", "澳門幣", "MOP$"] },
  { code: "USD", minorUnits: 2, names: { "zh-CN": "美元", "zh-TW": "美元", "en-US": "US dollar" }, aliases: ["美金", "US$", "$", "U.S. dollar"] },
  { code: "EUR", minorUnits: 2, names: { "zh-CN": "欧元", "zh-TW": "歐元", "en-US": "Euro" }, aliases: ["€"] },
  { code: "GBP", minorUnits: 2, names: { "zh-CN": "英镑", "zh-TW": "英鎊", "en-US": "Pound sterling" }, aliases: ["£"] },
  { code: "JPY", minorUnits: 0, names: { "zh-CN": "日元", "zh-TW": "日圓", "en-US": "Japanese yen" }, aliases: ["日圆", "日元", "日幣", "日币", "円"] },
  { code: "SGD", minorUnits: 2, names: { "zh-CN": "新加坡元", "zh-TW": "新加坡元", "en-US": "Singapore dollar" }, aliases: ["新元", "新幣", "S$"] },
  { code: "AUD", minorUnits: 2, names: { "zh-CN": "澳元", "zh-TW": "澳幣", "en-US": "Australian dollar" }, aliases: ["澳币", "澳大利亚元", "澳大利亞元", "A$"] },
  { code: "CAD", minorUnits: 2, names: { "zh-CN": "加元", "zh-TW": "加幣", "en-US": "Canadian dollar" }, aliases: ["加币", "加拿大元", "C$"] },
  { code: "CHF", minorUnits: 2, names: { "zh-CN": "瑞士法郎", "zh-TW": "瑞士法郎", "en-US": "Swiss franc" }, aliases: ["瑞郎"] },
  { code: "NZD", minorUnits: 2, names: { "zh-CN": "新西兰元", "zh-TW": "紐西蘭幣", "en-US": "New Zealand dollar" }, aliases: ["纽元", "紐元", "NZ$"] },
  { code: "KRW", minorUnits: 0, names: { "zh-CN": "韩元", "zh-TW": "韓元", "en-US": "South Korean won" }, aliases: ["韩币", "韓幣", "₩"] },
];

export const CURRENCY_CODES: readonly string[] = CURRENCIES.map((c) => c.code);

/** NFKC, lower case, no spaces: how a typed currency is compared ("US$" and "ＵＳ＄" are one spelling). */
function normCurrency(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

const BY_SPELLING: ReadonlyMap<string, string> = (() => {
  const m = new Map<string, string>();
  for (const c of CURRENCIES) {
    for (const s of [c.code, ...Object.values(c.names), ...c.aliases]) {
      const k = normCurrency(s);
      const prev = m.get(k);
      if (prev !== undefined && prev !== c.code) throw new Error(`currency spelling "${s}" means both ${prev} and ${c.code}`);
      m.set(k, c.code);
    }
  }
  return m;
})();

/** The ISO code for a typed currency (code, name in any language, symbol), or undefined. */
export function parseCurrency(text: string): string | undefined {
  return BY_SPELLING.get(normCurrency(text));
}

export function currencyDef(code: string): CurrencyDef | undefined {
  return CURRENCIES.find((c) => c.code === code);
}

/**
 * Signs that name no one currency when written with an amount: "$" (US, Hong Kong, Taiwan and other dollars), "¥"
 * (yuan and yen), 元/圆/块 (the unit of any of them). An amount written with one of them is in the row's currency.
 */
const GENERIC_SIGNS = new Set(["$", "¥", "元", "圆", "圓", "块", "塊"].map(normCurrency));

/** Every spelling that names one currency, longest first: for reading a currency written before or after an amount. */
const AMOUNT_SPELLINGS: readonly { spelling: string; code: string }[] = [...BY_SPELLING]
  .filter(([spelling]) => !GENERIC_SIGNS.has(spelling))
  .map(([spelling, code]) => ({ spelling, code }))
  .sort((a, b) => b.spelling.length - a.spelling.length);

/**
 * An amount written with its currency — "US$1,200", "USD 1,200", "1,200 美元", "HK$5万", "-USD 3" — split into the
 * currency and the amount text left (sign kept); no currency when the text names none or only a sign that names no
 * one currency ($, ¥, 元: see GENERIC_SIGNS).
 */
export function splitCurrency(text: string): { currency?: string; rest: string } {
  const s = text.normalize("NFKC").trim();
  const m = /^([-−+]?)\s*(.*)$/s.exec(s)!;
  const sign = m[1];
  const body = m[2];
  const lower = body.toLowerCase();
  for (const { spelling, code } of AMOUNT_SPELLINGS) {
    if (lower.startsWith(spelling)) {
      const after = body.slice(spelling.length).trimStart();
      if (/^[-−+]?[\d(.]/.test(after)) return { currency: code, rest: sign + after };
    }
    if (lower.endsWith(spelling) && lower.length > spelling.length) {
      const before = body.slice(0, body.length - spelling.length).trimEnd();
      if (/[\d)万萬亿億元圆圓块塊]$/.test(before)) return { currency: code, rest: sign + before };
    }
  }
  return { rest: s };
}

// ---- rates --------------------------------------------------------------------------------------------------

/** Per currency, its rates ascending by date (a later row of the same date wins). Built once per rates array. */
const indexCache = new WeakMap<readonly FxRate[], Map<string, { dates: IsoDate[]; rates: number[] }>>();

function ratesIndex(rates: readonly FxRate[]): Map<string, { dates: IsoDate[]; rates: number[] }> {
  let idx = indexCache.get(rates);
  if (idx) return idx;
  const by = new Map<string, Map<IsoDate, number>>();
  for (const r of rates) {
    let m = by.get(r.currency);
    if (!m) by.set(r.currency, (m = new Map()));
    m.set(r.date, r.rate);
  }
  idx = new Map();
  for (const [ccy, m] of by) {
    const dates = [...m.keys()].sort();
    idx.set(ccy, { dates, rates: dates.map((d) => m.get(d)!) });
  }
  indexCache.set(rates, idx);
  return idx;
}

/**
 * The rate of `currency` to `book` on `date`: 1 for the book currency itself, otherwise the latest rate dated on or
 * before `date` (see the file comment); undefined when there is none.
 */
export function rateOn(rates: readonly FxRate[], currency: string, date: IsoDate, book: string): number | undefined {
  if (currency === book) return 1;
  const e = ratesIndex(rates).get(currency);
  if (!e) return undefined;
  // binary search: the last date ≤ date
  let lo = 0, hi = e.dates.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (e.dates[mid] <= date) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found < 0 ? undefined : e.rates[found];
}

/** The date of the rate rateOn uses (undefined for the book currency or without one). */
export function rateDateOn(rates: readonly FxRate[], currency: string, date: IsoDate): IsoDate | undefined {
  const e = ratesIndex(rates).get(currency);
  if (!e) return undefined;
  let out: IsoDate | undefined;
  for (const d of e.dates) if (d <= date) out = d;
  return out;
}

/** The message for a missing rate, naming the currency and the date. */
export function missingRateMessage(currency: string, date: IsoDate, book: string): Localized {
  return {
    "zh-CN": `没有 ${currency} 在 ${date} 或之前的汇率（折合 ${book}），请在「汇率」表中补上`,
    "zh-TW": `沒有 ${currency} 在 ${date} 或之前的匯率（折合 ${book}），請在「匯率」表中補上`,
    "en-US": `no ${currency} rate (to ${book}) dated on or before ${date}; add one to the Rates table`,
  };
}

// ---- FX attribution -------------------------------------------------------------------------------------------

export interface FxChange {
  /** A1·r1 − A0·r0: the change in book currency. */
  total: number;
  /** (A1 − A0)·r0: the holding's own change, at the old rate. */
  holding: number;
  /** A1·(r1 − r0): the exchange-rate effect, on the end amount. */
  fx: number;
}

/** The change in book currency of a holding from (a0 at rate r0) to (a1 at rate r1), split as the file comment says. */
export function fxChange(a0: number, a1: number, r0: number, r1: number): FxChange {
  const holding = (a1 - a0) * r0;
  const fx = a1 * (r1 - r0);
  return { total: a1 * r1 - a0 * r0, holding, fx };
}
