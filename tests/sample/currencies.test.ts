/**
 * The sample's currencies and premium terms (issues #16 and #17): which rows are in USD or HKD and at what rates
 * (src/sample/currencies.ts, rates.ts), how premiums are paid (premiumTerms.ts), and the single-currency book
 * (`foreign: false`) that reads exactly as books did before currencies.
 *
 * Sources: a rate is book currency per unit of the foreign currency, the latest on or before the date (Excel's
 * approximate-match LOOKUP; src/domain/currency.ts). Bands: CNY per USD about 7.1–7.3 in 2025–26 (CFETS central
 * parity); HKD held at 7.75–7.85 per USD (HKMA Linked Exchange Rate System), so CNY per HKD = CNY per USD ÷ HKD per
 * USD ≈ 0.91–0.93; TWD per USD 29–33 (Taipei Forex). Paid up = every premium of the schedule fell due before the as-of
 * day (src/domain/premiums.ts: EDATE from the start, PremiumYears × n premiums).
 */
import { decodeBook } from "../../src/book/codec";
import { writeBook } from "../../src/book/write";
import { rateOn } from "../../src/domain/currency";
import { clientFigures } from "../../src/domain/figures";
import { inBookCurrency, valueBook } from "../../src/domain/fx";
import { isPaidUp, premiumSchedule } from "../../src/domain/premiums";
import { reviewComparison } from "../../src/domain/reviewPeriods";
import { LANGS, type Book, type IsoDate } from "../../src/domain/types";
import { generateBook, sampleBook, SAMPLE_CLIENTS } from "../../src/sample";
import { bookViolations, RATE_BANDS } from "./bookChecks";

const AS_OF = "2026-11-23";
const cn = sampleBook(AS_OF, "zh-CN");
const tw = sampleBook(AS_OF, "zh-TW");

const clientsWith = (rows: readonly { clientId: string; currency?: string }[]): Set<string> => new Set(rows.filter((r) => r.currency !== undefined).map((r) => r.clientId));

describe("who holds foreign currency", () => {
  test("40-client zh-CN sample: a minority (10–20 %) hold USD or HKD deposits or wealth products; one a Hong Kong USD policy", () => {
    const holders = clientsWith(cn.holdings);
    expect(holders.size / SAMPLE_CLIENTS).toBeGreaterThanOrEqual(0.1);
    expect(holders.size / SAMPLE_CLIENTS).toBeLessThanOrEqual(0.2);
    expect(new Set(cn.holdings.filter((h) => h.currency).map((h) => h.currency))).toEqual(new Set(["USD", "HKD"]));
    expect(cn.holdings.filter((h) => h.currency).every((h) => ["Deposit", "WealthProduct", "Insurance"].includes(h.assetClass))).toBe(true);
    const usdPolicies = cn.policies.filter((p) => p.currency === "USD");
    expect(usdPolicies.length).toBeGreaterThanOrEqual(1);
    // A mainland client's USD policy is a Hong Kong one, its cash value held at the insurer (mainland banks do not sell them).
    for (const p of usdPolicies) {
      expect(p.insurer).toMatch(/（香港）|（海外）/);
      const cash = cn.holdings.find((h) => h.assetClass === "Insurance" && h.productName === p.productName);
      if (cash) expect(cash).toMatchObject({ currency: "USD", institution: p.insurer });
    }
  });

  test("1,000-client books: 8–20 % of mainland clients, most whole-life/annuity/education policies in Taiwan in USD", () => {
    const bigCn = generateBook({ clients: 1000, asOf: AS_OF });
    const share = clientsWith(bigCn.holdings).size / 1000;
    expect(share).toBeGreaterThanOrEqual(0.08);
    expect(share).toBeLessThanOrEqual(0.2);
    const bigTw = generateBook({ clients: 1000, asOf: AS_OF, lang: "zh-TW" });
    const savingsOrWhole = bigTw.policies.filter((p) => /終身壽險|年金保險/.test(p.productName ?? ""));
    const usd = savingsOrWhole.filter((p) => p.currency === "USD").length / savingsOrWhole.length;
    expect(usd).toBeGreaterThan(0.5);
    expect(usd).toBeLessThan(0.7);
    // USD-named products are in USD, and TWD-named ones are not.
    for (const h of bigTw.holdings) {
      if (/美元|美國公債|複委託|海外金融債|境外結構型|外幣/.test(h.productName)) expect([h.productName, h.currency]).toEqual([h.productName, h.productName.includes("港幣") ? "HKD" : "USD"]);
      if (/台幣|活期儲蓄存款/.test(h.productName)) expect(h.currency).toBeUndefined();
    }
  });

  test("zh-TW: a TWD book; its USD policies are named 美元…, with US-dollar sums (≈ CNY ÷ 7.2)", () => {
    expect(tw.settings.currency).toBe("TWD");
    const usd = tw.policies.filter((p) => p.currency === "USD");
    expect(usd.length).toBeGreaterThanOrEqual(8);
    for (const p of usd) {
      expect(p.productName).toMatch(/美元/);
      const same = cn.policies.find((x) => x.policyId === p.policyId)!;
      if (same.currency === undefined) {
        // The CNY sum ÷ the rate, rounded to 100 or 1,000: within 10 % (a small sum rounds coarsely) of CNY ÷ 7.17.
        expect(Math.abs(p.sumInsured - same.sumInsured / 7.1673) / (same.sumInsured / 7.1673)).toBeLessThan(0.1);
      }
    }
  });
});

describe("rates", () => {
  test("hand-checked: 美元定期存款（1年） of C0039 is 76,000 CNY ÷ 7.1673 = 10,603.7 → US$10,600 (deposits to $100)", () => {
    const single = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, foreign: false });
    expect(single.holdings.find((h) => h.holdingId === "H00285")).toMatchObject({ productName: "定期存款（1年）", amount: 76000 });
    expect(cn.holdings.find((h) => h.holdingId === "H00285")).toMatchObject({ productName: "美元定期存款（1年）", amount: 10600, currency: "USD" });
    expect(rateOn(cn.rates, "USD", AS_OF, "CNY")).toBe(7.1673);
    // In the profile: US$10,600 × 7.1673 = 75,973.38 CNY, the figure every sheet and the pane count.
    const valued = inBookCurrency(cn, AS_OF).holdings.find((h) => h.holdingId === "H00285")!;
    expect(valued.amount).toBeCloseTo(75973.38, 6);
  });

  test("every rate within its band; HKD follows the USD rate through the 7.75–7.85 peg", () => {
    for (const b of [cn, tw]) {
      const bands = RATE_BANDS[b.settings.currency];
      for (const r of b.rates) {
        expect(r.rate).toBeGreaterThanOrEqual(bands[r.currency][0]);
        expect(r.rate).toBeLessThanOrEqual(bands[r.currency][1]);
      }
      for (const r of b.rates.filter((x) => x.currency === "HKD")) {
        const usd = b.rates.find((x) => x.currency === "USD" && x.date === r.date);
        if (!usd) continue;
        const hkdPerUsd = usd.rate / r.rate;
        expect(hkdPerUsd).toBeGreaterThan(7.74);
        expect(hkdPerUsd).toBeLessThan(7.86);
      }
    }
  });

  test("a rate on asOf and on every review date of its rows; each review row carries that rate", () => {
    for (const b of [cn, tw]) {
      const dates = new Set(b.rates.map((r) => `${r.currency} ${r.date}`));
      for (const c of new Set(b.rates.map((r) => r.currency))) expect(dates.has(`${c} ${AS_OF}`)).toBe(true);
      const foreign = b.reviews.filter((r) => r.currency !== undefined);
      expect(foreign.length).toBeGreaterThan(0);
      for (const r of foreign) {
        expect(dates.has(`${r.currency} ${r.reviewDate}`)).toBe(true);
        expect(r.rate).toBe(rateOn(b.rates, r.currency!, r.reviewDate, b.settings.currency));
      }
    }
  });

  test("a date has one rate in every book: whatever the size, seed or as-of day", () => {
    // Books of another size and seed whose as-of day is one of the sample's rate dates carry that day's rate.
    for (const r of [cn.rates[0], cn.rates[Math.floor(cn.rates.length / 2)]]) {
      const other = generateBook({ clients: 200, seed: 7, asOf: r.date });
      expect(other.rates.find((x) => x.currency === r.currency && x.date === r.date)?.rate).toBe(r.rate);
    }
  });

  test("no row lacks a rate and every book is valid, in each language, over dates and seeds", () => {
    for (const lang of LANGS) {
      for (const [asOf, seed] of [["2024-02-29", 3], ["2025-06-30", 11], [AS_OF, 8888]] as const) {
        const b = generateBook({ clients: 60, seed, asOf, lang });
        expect(valueBook(b, asOf).missing).toEqual([]);
        expect(bookViolations(b, asOf, lang)).toEqual([]);
      }
    }
  });

  test("the book reads back whole through the codec with its Rates: no missing-rate error", () => {
    for (const b of [cn, tw]) {
      const back = decodeBook(writeBook(b) as never, { asOf: AS_OF });
      expect(back.errors).toEqual([]);
      expect(back.book).toEqual(b);
    }
  });
});

describe("premium terms (issue #17)", () => {
  test("monthly, quarterly, half-yearly, yearly and single premiums all appear in the 40-client sample", () => {
    for (const b of [cn, tw]) {
      expect(new Set(b.policies.map((p) => p.premiumFrequency))).toEqual(new Set(["Single", "Annual", "Semiannual", "Quarterly", "Monthly"]));
    }
  });

  test("some policies in force are paid up (缴费期满) before their cover ends; whole-life cover has paying years", () => {
    for (const b of [cn, tw]) {
      const paidUp = b.policies.filter((p) => p.status === "InForce" && p.premiumYears !== undefined && isPaidUp(p, AS_OF));
      expect(paidUp.length).toBeGreaterThanOrEqual(1);
      for (const p of paidUp) {
        // The last premium (PremiumYears × n − 1 steps after the start) fell due before asOf.
        const s = premiumSchedule(p)!;
        const lastDue = new Date(`${p.startDate}T00:00:00Z`);
        lastDue.setUTCMonth(lastDue.getUTCMonth() + (s.count! - 1) * s.stepMonths);
        expect(lastDue.toISOString().slice(0, 10) < AS_OF).toBe(true);
      }
      for (const p of b.policies.filter((x) => x.termYears === undefined && x.premiumFrequency !== "Single")) expect(p.premiumYears).toBeGreaterThanOrEqual(3);
    }
  });

  test("a single-premium savings policy: its cash value is that one premium × 0.85–1.08, and it never changes by a later premium", () => {
    for (const b of [cn, tw]) {
      const singles = b.policies.filter((p) => p.premiumFrequency === "Single" && p.status === "InForce");
      expect(singles.length).toBeGreaterThan(0);
      for (const p of singles) {
        expect(p.premiumYears).toBeUndefined();
        expect(p.annualPremium).toBeLessThanOrEqual(p.sumInsured);
        const cash = b.holdings.find((h) => h.assetClass === "Insurance" && h.productName === p.productName && h.clientId === p.clientId);
        if (!cash) continue;
        expect(cash.amount / p.annualPremium).toBeGreaterThanOrEqual(0.85 - 1e-4);
        expect(cash.amount / p.annualPremium).toBeLessThanOrEqual(1.08 + 1e-4);
      }
    }
  });
});

describe("the single-currency book (foreign: false) reads as books did before currencies (issue #16)", () => {
  const single = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, foreign: false });

  test("no Currency, no Rate, no Rates; every row the full sample keeps in CNY is the same row", () => {
    expect(single.rates).toEqual([]);
    expect([...single.holdings, ...single.policies, ...single.reviews].some((r) => "currency" in r || "rate" in r)).toBe(false);
    const sameRows = <R extends { currency?: string }>(a: readonly R[], b: readonly R[]): void => {
      expect(a).toHaveLength(b.length);
      a.forEach((r, i) => {
        if (r.currency === undefined) expect(r).toEqual(b[i]);
      });
    };
    sameRows(cn.holdings, single.holdings);
    sameRows(cn.policies, single.policies);
    const byKey = new Map(single.reviews.map((r) => [`${r.clientId} ${r.reviewDate} ${r.holdingId}`, r]));
    for (const r of cn.reviews) if (r.currency === undefined) expect(r).toEqual(byKey.get(`${r.clientId} ${r.reviewDate} ${r.holdingId}`));
    expect(cn.clients).toEqual(single.clients);
    expect(cn.contacts).toEqual(single.contacts);
  });

  test("valued as before: the same object, and a book written without the Currency/Rate columns and Rates reads to the same figures", () => {
    expect(inBookCurrency(single, AS_OF)).toBe(single);
    // An old book: no Rates table, no Currency or Rate columns.
    const tables = writeBook(single);
    const drop = (t: { headers: unknown[]; rows: unknown[][] }, names: string[]) => {
      const keep = t.headers.map((h, i) => (names.includes(String(h)) ? -1 : i)).filter((i) => i >= 0);
      return { ...t, headers: keep.map((i) => t.headers[i]), rows: t.rows.map((r) => keep.map((i) => r[i])) };
    };
    const old: Record<string, unknown> = {};
    for (const [k, t] of Object.entries(tables)) if (k !== "rates") old[k] = drop(t as never, ["币种", "汇率"]);
    expect(((old.holdings as { headers: string[] }).headers).some((h) => h === "币种")).toBe(false);
    const back = decodeBook(old as never, { asOf: AS_OF });
    expect(back.errors).toEqual([]);
    expect(back.book).toEqual({ ...single, settings: back.book.settings });
    const figures = (b: Book, asOf: IsoDate) => b.clients.map((c) => [clientFigures(b, c.clientId, asOf), reviewComparison(b, c.clientId, asOf).assets]);
    expect(figures(back.book, AS_OF)).toEqual(figures(single, AS_OF));
  });
});
