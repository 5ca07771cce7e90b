/**
 * Currencies (src/domain/currency.ts): the one list (ISO 4217 codes and minor units), the names managers type, an
 * amount written with its currency, the rate on a date (the latest on or before it — Excel's approximate-match
 * lookup, a bank's last fixing), and the split of a change into the holding's own change and the FX effect
 * (Karnosky & Singer 1994: local return first, the currency effect on the end amount).
 */
import fc from "fast-check";
import { CURRENCIES, currencyDef, fxChange, parseCurrency, rateOn, splitCurrency } from "../../src/domain/currency";
import type { FxRate } from "../../src/domain/types";

describe("the currency list", () => {
  test("ISO 4217 codes with their minor units (ISO 4217: JPY and KRW have none)", () => {
    for (const c of CURRENCIES) expect(c.code).toMatch(/^[A-Z]{3}$/);
    expect(currencyDef("USD")?.minorUnits).toBe(2);
    expect(currencyDef("JPY")?.minorUnits).toBe(0);
    expect(currencyDef("KRW")?.minorUnits).toBe(0);
    expect(new Set(CURRENCIES.map((c) => c.code)).size).toBe(CURRENCIES.length);
  });

  test.each([
    ["美元", "USD"], ["美金", "USD"], ["usd", "USD"], ["US$", "USD"],
    ["港币", "HKD"], ["港幣", "HKD"], ["HK$", "HKD"], ["港元", "HKD"],
    ["新台币", "TWD"], ["新臺幣", "TWD"], ["新台幣", "TWD"], ["NT$", "TWD"],
    ["人民币", "CNY"], ["人民幣", "CNY"], ["RMB", "CNY"],
    ["欧元", "EUR"], ["歐元", "EUR"], ["日元", "JPY"], ["日圓", "JPY"], ["澳元", "AUD"], ["澳幣", "AUD"],
    ["ＵＳＤ", "USD"], [" usd ", "USD"],
  ])("%s is %s", (typed, code) => expect(parseCurrency(typed)).toBe(code));

  test("unknown text is no currency", () => {
    expect(parseCurrency("USB")).toBeUndefined();
    expect(parseCurrency("")).toBeUndefined();
  });
});

describe("an amount written with its currency", () => {
  test.each([
    ["US$1,200", "USD", "1,200"],
    ["USD 1,200", "USD", "1,200"],
    ["usd1200.50", "USD", "1200.50"],
    ["1,200 美元", "USD", "1,200"],
    ["HK$5万", "HKD", "5万"],
    ["5万港币", "HKD", "5万"],
    ["NT$ 30,000", "TWD", "30,000"],
    ["-USD 3", "USD", "-3"],
    ["€ 10", "EUR", "10"],
  ])("%s → %s %s", (text, currency, rest) => expect(splitCurrency(text)).toEqual({ currency, rest }));

  test.each(["$1,200", "¥1,234.5", "5万元", "1,200", "abc"])("%s names no one currency", (text) => {
    expect(splitCurrency(text).currency).toBeUndefined();
  });
});

describe("the rate on a date: the latest dated on or before it", () => {
  const rates: FxRate[] = [
    { currency: "USD", rate: 7.1, date: "2025-01-02" },
    { currency: "USD", rate: 7.2, date: "2025-03-31" },
    { currency: "USD", rate: 7.0, date: "2025-06-30" },
    { currency: "HKD", rate: 0.91, date: "2025-01-02" },
  ];
  test("on a rate's own date, between dates (a weekend uses the Friday fixing), after the last", () => {
    expect(rateOn(rates, "USD", "2025-03-31", "CNY")).toBe(7.2);
    expect(rateOn(rates, "USD", "2025-04-05", "CNY")).toBe(7.2);
    expect(rateOn(rates, "USD", "2025-12-31", "CNY")).toBe(7.0);
    expect(rateOn(rates, "HKD", "2025-06-30", "CNY")).toBe(0.91);
  });
  test("none before the first rate, none for a currency without rates — never 1:1", () => {
    expect(rateOn(rates, "USD", "2024-12-31", "CNY")).toBeUndefined();
    expect(rateOn(rates, "EUR", "2025-06-30", "CNY")).toBeUndefined();
  });
  test("the book currency is 1 on every date", () => expect(rateOn(rates, "CNY", "1990-01-01", "CNY")).toBe(1));
  test("rows in any order; property: equals a linear scan for the last date ≤ d", () => {
    const arb = fc.array(fc.record({ day: fc.integer({ min: 1, max: 28 }), rate: fc.double({ min: 0.01, max: 10, noNaN: true }) }), { maxLength: 20 });
    fc.assert(fc.property(arb, fc.integer({ min: 1, max: 28 }), (rows, q) => {
      const rs: FxRate[] = rows.map((r) => ({ currency: "USD", rate: r.rate, date: `2025-02-${String(r.day).padStart(2, "0")}` }));
      const date = `2025-02-${String(q).padStart(2, "0")}`;
      let best: FxRate | undefined;
      for (const r of rs) if (r.date <= date && (!best || r.date >= best.date)) best = r;
      expect(rateOn(rs, "USD", date, "CNY")).toBe(best?.rate);
    }));
  });
});

describe("FX effect: A1·r1 − A0·r0 = (A1 − A0)·r0 + A1·(r1 − r0)", () => {
  test("a USD deposit that earned interest while the dollar fell (worked by hand)", () => {
    // 10,000 USD at 7.20 → 10,150 USD at 7.10: in CNY 72,000 → 72,065.
    // holding: 150 × 7.20 = 1,080; FX: 10,150 × (7.10 − 7.20) = −1,015; total 65.
    const c = fxChange(10000, 10150, 7.2, 7.1);
    expect(c.total).toBeCloseTo(65, 9);
    expect(c.holding).toBeCloseTo(1080, 9);
    expect(c.fx).toBeCloseTo(-1015, 9);
  });
  test("property: the two parts add up to the change; no FX effect when the rate does not move", () => {
    const amt = fc.double({ min: 0, max: 1e9, noNaN: true });
    const rate = fc.double({ min: 0.001, max: 1000, noNaN: true });
    fc.assert(fc.property(amt, amt, rate, rate, (a0, a1, r0, r1) => {
      const c = fxChange(a0, a1, r0, r1);
      expect(c.holding + c.fx).toBeCloseTo(c.total, 0);
      expect(fxChange(a0, a1, r0, r0).fx).toBe(0);
    }));
  });
});
