/**
 * The maturity ladder (src/domain/ladder.ts): twelve calendar months from the as-of month, assets (not loans)
 * maturing in the window at their amounts in the book currency, policies and premiums apart. Expected values worked
 * by hand; the property tests hold the totals to the holdings' own amounts, and over books with rows in other
 * currencies to the converted amounts: amount × the latest rate dated on or before the as-of date (the rule of
 * src/domain/currency.ts rateOn, like Excel's approximate-match LOOKUP), a row without one on no total and listed.
 * Frozen dates: month ends, leap days, a policy started on the 31st, a premium term ending.
 */
import fc from "fast-check";
import { calendarEvents } from "../../src/domain/calendarEvents";
import { inBookCurrency } from "../../src/domain/fx";
import { ladderWindow, maturityLadder } from "../../src/domain/ladder";
import { LIABILITY_CLASSES, emptyBook, THIS_BANK, type Book, type FxRate, type Holding, type Policy } from "../../src/domain/types";
import { arbBook } from "../book/arbitraries";

let seq = 0;
const h = (clientId: string, extra: Partial<Holding>): Holding =>
  ({ holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: `产品${seq}`, institution: THIS_BANK, amount: 10_000, ...extra });

describe("ladderWindow", () => {
  test("twelve months from the as-of month; ends on the twelfth month's last day (leap February)", () => {
    const w = ladderWindow("2026-12-06");
    expect(w.months[0]).toBe("2026-12");
    expect(w.months[11]).toBe("2027-11");
    expect(w).toMatchObject({ from: "2026-12-06", to: "2027-11-30" });
    expect(ladderWindow("2027-03-31").to).toBe("2028-02-29"); // 2028 is a leap year
    expect(ladderWindow("2025-03-01").to).toBe("2026-02-28");
  });
});

describe("maturityLadder", () => {
  const asOf = "2026-12-06";
  const book: Book = {
    ...emptyBook(),
    clients: [{ clientId: "C1", name: "张伟" }, { clientId: "C2", name: "李娜" }],
    holdings: [
      h("C1", { amount: 100_000, maturityDate: "2026-12-31", rate: 0.0175, startDate: "2025-12-31" }),
      h("C1", { assetClass: "WealthProduct", amount: 50_000, maturityDate: "2027-01-31" }),
      h("C2", { assetClass: "Bond", amount: 30_000, maturityDate: "2027-11-30" }),
      h("C2", { amount: 1, maturityDate: "2026-12-05" }), // matured yesterday: Today's look-back, not the ladder
      h("C2", { amount: 2, maturityDate: "2027-12-01" }), // after the window
      h("C2", { assetClass: "Loan", amount: 500_000, maturityDate: "2027-03-01" }), // a loan is no asset maturing
      h("C2", { amount: 3 }), // no maturity date
    ],
    policies: [
      { policyId: "P1", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "平安人寿", startDate: "2017-03-15", termYears: 10,
        sumInsured: 1_000_000, annualPremium: 6_000, criticalIllness: false, status: "InForce", premiumFrequency: "Semiannual", payer: "王芳" },
      { policyId: "P2", clientId: "C2", insured: "李娜", policyType: "Medical", insurer: "AIA", startDate: "2020-01-31", termYears: 1,
        sumInsured: 1, annualPremium: 1, criticalIllness: false, status: "Lapsed" },
    ],
  };
  const l = maturityLadder(book, asOf);

  test("holdings by month and class; totals equal the amounts (100,000 + 50,000 + 30,000 = 180,000)", () => {
    expect(l.holdings.map((x) => [x.date, x.month, x.amount])).toEqual([["2026-12-31", 0, 100_000], ["2027-01-31", 1, 50_000], ["2027-11-30", 11, 30_000]]);
    expect(l.classes).toEqual(["Deposit", "WealthProduct", "Bond"]);
    expect(l.byClass.get("Deposit")![0]).toBe(100_000);
    expect(l.byClass.get("Bond")![11]).toBe(30_000);
    expect(l.monthTotals.slice(0, 2)).toEqual([100_000, 50_000]);
    expect(l.total).toBe(180_000);
    expect(l.clients).toEqual([
      { clientId: "C1", clientName: "张伟", byMonth: [100_000, 50_000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], total: 150_000 },
      { clientId: "C2", clientName: "李娜", byMonth: [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 30_000], total: 30_000 },
    ]);
  });

  test("expected proceeds where the rate is known: one year at 1.75 % → 101,750", () => {
    expect(l.holdings[0].expected).toBeCloseTo(101_750, 6);
    expect(l.holdings[1].expected).toBeUndefined();
  });

  test("a policy's cover end in the window (2017-03-15 + 10 years) and its premiums with the payer", () => {
    expect(l.policies).toEqual([{ clientId: "C1", clientName: "张伟", policyId: "P1", insurer: "平安人寿", date: "2027-03-15", month: 3, sumInsured: 1_000_000 }]);
    // semi-annual from 2017-03-15 for 10 years: …, 2026-09-15, 2027-03-15 is k = 20 = count → beyond the term
    expect(l.premiums).toEqual([]);
    const longer = maturityLadder({ ...book, policies: [{ ...book.policies[0], termYears: 20 }] }, asOf);
    expect(longer.premiums.map((p) => [p.date, p.amount, p.payer])).toEqual([["2027-03-15", 3_000, "王芳"], ["2027-09-15", 3_000, "王芳"]]);
    expect(longer.premiumTotals[3]).toBe(3_000);
  });

  test("one client only (the review sheet's table)", () => {
    const one = maturityLadder(book, asOf, { clientId: "C2" });
    expect(one.holdings.map((x) => x.clientId)).toEqual(["C2"]);
    expect(one.total).toBe(30_000);
  });

  test("property: the ladder's totals equal the amounts of the assets maturing in the window, by month, class and client", () => {
    fc.assert(fc.property(arbBook({ maxClients: 6, maxRows: 20 }), fc.constantFrom("2024-02-29", "2025-12-31", "2026-01-31", "2020-06-15"), (b, at) => {
      const lad = maturityLadder(b, at);
      const clientIds = new Set(b.clients.map((c) => c.clientId));
      const mine = b.holdings.filter((x) => clientIds.has(x.clientId) && !LIABILITY_CLASSES.includes(x.assetClass)
        && x.maturityDate !== undefined && x.maturityDate >= lad.from && x.maturityDate <= lad.to);
      const cents = (n: number) => Math.round(n * 100);
      const sum = (xs: readonly number[]) => xs.reduce((a, c) => a + cents(c), 0);
      expect(cents(lad.total)).toBe(sum(mine.map((x) => x.amount)));
      expect(sum(lad.monthTotals)).toBe(sum(mine.map((x) => x.amount)));
      expect(sum([...lad.byClass.values()].flat())).toBe(sum(mine.map((x) => x.amount)));
      expect(sum(lad.clients.map((c) => c.total))).toBe(sum(mine.map((x) => x.amount)));
      lad.months.forEach((m, i) => {
        expect(cents(lad.monthTotals[i])).toBe(sum(mine.filter((x) => x.maturityDate!.startsWith(m)).map((x) => x.amount)));
      });
      expect(lad.holdings).toHaveLength(mine.length);
    }), { numRuns: 200 });
  });
});

describe("in the book currency (issue #16)", () => {
  // CNY book as of 2026-12-06. Rates: USD 7.10 dated 2026-11-30 (the latest on or before the as-of date; 7.20 of
  // 2026-12-07 is after it and never used), HKD 0.91 dated on the as-of date itself; no EUR rate at all.
  const asOf = "2026-12-06";
  const rates: FxRate[] = [
    { currency: "USD", rate: 7.1, date: "2026-11-30" },
    { currency: "USD", rate: 7.2, date: "2026-12-07" },
    { currency: "HKD", rate: 0.91, date: "2026-12-06" },
  ];
  const book: Book = {
    ...emptyBook({ currency: "CNY" }),
    clients: [{ clientId: "C1", name: "张伟" }],
    rates,
    holdings: [
      h("C1", { amount: 100_000, maturityDate: "2026-12-31" }),
      // 10,000 USD at 4 % from 2026-03-15 to 2027-03-15: one whole year, no odd days (逐笔计息法) → 10,400 USD
      h("C1", { amount: 10_000, currency: "USD", maturityDate: "2027-03-15", rate: 0.04, startDate: "2026-03-15" }),
      h("C1", { assetClass: "WealthProduct", amount: 50_000, currency: "HKD", maturityDate: "2027-01-31" }),
      h("C1", { assetClass: "Bond", amount: 1_000, currency: "EUR", maturityDate: "2027-02-01" }),
      h("C1", { amount: 999, currency: "EUR" }), // no maturity: not the ladder's, so not its missing rate either
    ],
    policies: [
      { policyId: "P1", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "AIA", startDate: "2006-03-01", termYears: 30, premiumYears: 25,
        sumInsured: 100_000, annualPremium: 1_200, criticalIllness: false, status: "InForce", currency: "USD" },
      { policyId: "P2", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "AXA", startDate: "2016-03-01", termYears: 11,
        sumInsured: 20_000, annualPremium: 500, criticalIllness: false, status: "InForce", currency: "EUR" },
    ],
  };
  const l = maturityLadder(book, asOf);

  test("USD at 7.10 and HKD at 0.91: 100,000 + 71,000 + 45,500 = 216,500; the own amounts kept beside", () => {
    expect(l.holdings.map((x) => [x.holdingId, x.month, Math.round(x.amount * 100) / 100, x.currency, x.localAmount, x.fxRate])).toEqual([
      [l.holdings[0].holdingId, 0, 100_000, undefined, undefined, undefined],
      [l.holdings[1].holdingId, 1, 45_500, "HKD", 50_000, 0.91],
      [l.holdings[2].holdingId, 3, 71_000, "USD", 10_000, 7.1],
    ]);
    expect(l.total).toBeCloseTo(216_500, 6);
    expect(l.monthTotals[3]).toBeCloseTo(71_000, 6);
    expect(l.byClass.get("WealthProduct")![1]).toBeCloseTo(45_500, 6);
    // expected proceeds in the book currency at the same rate: 10,400 USD × 7.10 = 73,840
    expect(l.holdings[2].expected).toBeCloseTo(73_840, 6);
  });

  test("a premium of a USD policy in CNY: 1,200 × 7.10 = 8,520 on 2027-03-01 (the 21st of 25)", () => {
    expect(l.premiums.map((p) => [p.policyId, p.date, Math.round(p.amount * 100) / 100, p.currency, p.localAmount])).toEqual([["P1", "2027-03-01", 8_520, "USD", 1_200]]);
    // its cover ending in the window (30 → 21 years: 2027-03-01): 100,000 USD × 7.10 = 710,000, the USD sum beside it
    const ending = maturityLadder({ ...book, policies: [{ ...book.policies[0], termYears: 21 }] }, asOf);
    expect(ending.policies.map((p) => [p.date, Math.round(p.sumInsured), p.currency, p.localSumInsured])).toEqual([["2027-03-01", 710_000, "USD", 100_000]]);
    // from a book already valued the own amounts are gone: the converted premium only, no false "own" figure
    expect(maturityLadder(inBookCurrency(book, asOf), asOf).premiums.map((p) => [Math.round(p.amount * 100) / 100, p.localAmount])).toEqual([[8_520, undefined]]);
  });

  test("no EUR rate: never 1:1 — the bond and the EUR policy are on no total and listed with the currency and the date", () => {
    expect(l.holdings.some((x) => x.currency === "EUR")).toBe(false);
    expect(l.classes).not.toContain("Bond");
    expect(l.missing).toEqual([
      { table: "holdings", id: book.holdings[3].holdingId, clientId: "C1", clientName: "张伟", currency: "EUR", date: asOf, due: "2027-02-01", localAmount: 1_000, assetClass: "Bond" },
      { table: "policies", id: "P2", clientId: "C1", clientName: "张伟", currency: "EUR", date: asOf, due: "2027-03-01", localAmount: 20_000 },
    ]);
    expect(l.policies.map((p) => p.policyId)).toEqual([]);
  });

  test("a HoldingId or PolicyId two rows share: only the row without a rate is listed as missing, the other is counted", () => {
    // C2's H-SAME (HKD, 0.91) and C1's H-SAME (EUR, no rate) both mature in the window; C2's P-SAME (HKD) and
    // C1's P-SAME (EUR) both end there. C2's rows are on the totals (20,000 HKD × 0.91 = 18,200) and are no
    // missing rate; C1's EUR rows are only missing. (Ids are the manager's own text: nothing makes them unique.)
    const same: Book = {
      ...book,
      clients: [{ clientId: "C1", name: "张伟" }, { clientId: "C2", name: "李娜" }],
      holdings: [
        { ...h("C1", { assetClass: "Bond", amount: 1_000, currency: "EUR", maturityDate: "2027-02-01" }), holdingId: "H-SAME" },
        { ...h("C2", { assetClass: "Bond", amount: 20_000, currency: "HKD", maturityDate: "2027-02-01" }), holdingId: "H-SAME" },
      ],
      policies: [
        { ...book.policies[1], policyId: "P-SAME" },
        { ...book.policies[1], policyId: "P-SAME", clientId: "C2", insured: "李娜", currency: "HKD" },
      ],
    };
    const lad = maturityLadder(same, asOf);
    expect(lad.missing.map((m) => [m.table, m.id, m.clientId, m.currency])).toEqual([
      ["holdings", "H-SAME", "C1", "EUR"],
      ["policies", "P-SAME", "C1", "EUR"],
    ]);
    expect(lad.holdings.map((x) => [x.clientId, Math.round(x.amount * 100) / 100, x.currency])).toEqual([["C2", 18_200, "HKD"]]);
    expect(lad.policies.map((p) => [p.clientId, p.currency])).toEqual([["C2", "HKD"]]);
  });

  test("the .ics calendar still carries the dates of rows with no rate: the EUR bond's maturity, a EUR policy's premiums", () => {
    const eur: Policy = { policyId: "P3", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "AXA", startDate: "2026-07-10", termYears: 10,
      premiumFrequency: "Semiannual", sumInsured: 50_000, annualPremium: 2_000, criticalIllness: false, status: "InForce", currency: "EUR" };
    const events = calendarEvents({ ...book, policies: [eur] }, { asOf, lang: "zh-CN", months: 12 }).filter((e) => e.kind === "maturity" || e.kind === "premium");
    // semi-annual from 2026-07-10: 2027-01-10 and 2027-07-10 fall in the span (2026-12-06 … 2027-11-30)
    expect(events.map((e) => [e.kind, e.date, e.summary])).toEqual([
      ["maturity", "2026-12-31", "张伟：存款到期"],
      ["premium", "2027-01-10", expect.stringContaining("张伟")],
      ["maturity", "2027-01-31", "张伟：理财到期"],
      ["maturity", "2027-02-01", "张伟：债券到期"], // EUR, no rate
      ["maturity", "2027-03-15", "张伟：存款到期"],
      ["premium", "2027-07-10", expect.stringContaining("张伟")],
    ]);
  });

  test("a book already valued (the review sheet passes one) gives the same ladder", () => {
    const v = maturityLadder(inBookCurrency(book, asOf), asOf);
    expect(v.holdings).toEqual(l.holdings);
    expect(v.total).toBe(l.total);
  });

  const CURRENCIES = ["CNY", "USD", "HKD", "EUR"] as const;
  const arbRates = fc.array(
    fc.record({
      currency: fc.constantFrom("USD", "HKD", "EUR"),
      rate: fc.integer({ min: 1, max: 100_000 }).map((n) => n / 10_000),
      date: fc.integer({ min: 0, max: 4_000 }).map((d) => new Date(Date.UTC(2017, 0, 1) + d * 86_400_000).toISOString().slice(0, 10)),
    }),
    { maxLength: 8 },
  );
  const arbForeignBook = fc.tuple(arbBook({ maxClients: 5, maxRows: 16 }), arbRates, fc.array(fc.constantFrom(undefined, ...CURRENCIES), { minLength: 32, maxLength: 32 }), fc.constantFrom(...CURRENCIES))
    .map(([b, rates, ccys, bookCcy]): Book => ({
      ...b,
      settings: { ...b.settings, currency: bookCcy },
      rates,
      holdings: b.holdings.map((x, i) => (ccys[i % 32] === undefined ? x : { ...x, currency: ccys[i % 32] })),
      policies: b.policies.map((p, i) => (ccys[(i + 16) % 32] === undefined ? p : { ...p, currency: ccys[(i + 16) % 32] } as Policy)),
    }));
  /** The test's own rate: the latest dated on or before `date` (ties: the later row), 1 for the book currency. */
  const rateOf = (b: Book, currency: string | undefined, date: string): number | undefined => {
    if (currency === undefined || currency === b.settings.currency) return 1;
    let best: FxRate | undefined;
    for (const r of b.rates ?? []) if (r.currency === currency && r.date <= date && (!best || r.date >= best.date)) best = r;
    return best?.rate;
  };

  test("property: totals equal the converted amounts (amount × rate on the as-of date); a row without a rate is listed, on no total", () => {
    fc.assert(fc.property(arbForeignBook, fc.constantFrom("2024-02-29", "2025-12-31", "2026-01-31", "2020-06-15"), (b, at) => {
      const lad = maturityLadder(b, at);
      const clientIds = new Set(b.clients.map((c) => c.clientId));
      const mine = b.holdings.filter((x) => clientIds.has(x.clientId) && !LIABILITY_CLASSES.includes(x.assetClass)
        && x.maturityDate !== undefined && x.maturityDate >= lad.from && x.maturityDate <= lad.to);
      const rated = mine.filter((x) => rateOf(b, x.currency, at) !== undefined);
      const unrated = mine.filter((x) => rateOf(b, x.currency, at) === undefined);
      const converted = (xs: readonly Holding[]) => xs.reduce((a, x) => a + x.amount * rateOf(b, x.currency, at)!, 0);
      const near = (got: number, want: number) => expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want)));
      near(lad.total, converted(rated));
      near(lad.monthTotals.reduce((a, c) => a + c, 0), converted(rated));
      near([...lad.byClass.values()].flat().reduce((a, c) => a + c, 0), converted(rated));
      near(lad.clients.reduce((a, c) => a + c.total, 0), converted(rated));
      lad.months.forEach((m, i) => near(lad.monthTotals[i], converted(rated.filter((x) => x.maturityDate!.startsWith(m)))));
      expect(lad.holdings).toHaveLength(rated.length);
      for (const x of lad.holdings) {
        const src = b.holdings.find((y) => y.holdingId === x.holdingId)!;
        if (src.currency !== undefined && src.currency !== b.settings.currency) expect([x.currency, x.localAmount]).toEqual([src.currency, src.amount]);
        else expect(x.currency).toBeUndefined();
      }
      expect(lad.missing.filter((m) => m.table === "holdings").map((m) => [m.id, m.currency, m.date, m.localAmount]))
        .toEqual(unrated.map((x) => [x.holdingId, x.currency, at, x.amount]));
    }), { numRuns: 200 });
  });
});

describe("frozen dates: month ends and leap years", () => {
  const one = (asOf: string, maturityDate: string) => maturityLadder({ ...emptyBook(), clients: [{ clientId: "C1", name: "张伟" }], holdings: [h("C1", { maturityDate })] }, asOf);
  const monthOf = (asOf: string, maturityDate: string) => one(asOf, maturityDate).holdings[0]?.month;

  test("as of a leap day: the as-of day is in, the window ends 2025-01-31", () => {
    expect(ladderWindow("2024-02-29")).toMatchObject({ from: "2024-02-29", to: "2025-01-31" });
    expect(monthOf("2024-02-29", "2024-02-29")).toBe(0);
    expect(monthOf("2024-02-29", "2024-02-28")).toBeUndefined(); // the day before: Today's look-back
    expect(monthOf("2024-02-29", "2025-01-31")).toBe(11);
    expect(monthOf("2024-02-29", "2025-02-01")).toBeUndefined();
  });

  test("a window ending on a leap day: as of 2027-03-31 the twelfth month is February 2028, its 29th in", () => {
    expect(monthOf("2027-03-31", "2028-02-29")).toBe(11);
    expect(monthOf("2027-03-31", "2028-03-01")).toBeUndefined();
    expect(one("2027-03-31", "2028-02-29").months[11]).toBe("2028-02");
  });

  test("as of the last day of a month: that day is month 0, the next day month 1; 31 January → February's 28th", () => {
    expect(monthOf("2026-12-31", "2026-12-31")).toBe(0);
    expect(monthOf("2026-12-31", "2027-01-01")).toBe(1);
    expect(monthOf("2026-12-31", "2026-12-30")).toBeUndefined();
    expect(ladderWindow("2026-12-31").to).toBe("2027-11-30");
    expect(monthOf("2026-01-31", "2026-02-28")).toBe(1);
    expect(ladderWindow("2026-01-31").to).toBe("2026-12-31");
  });

  test("a policy started on the 31st: monthly premiums on each month's last day when shorter, the term's last one marked", () => {
    // monthly for 7 years from 2020-01-31: 84 premiums, k = 0…83; k = 83 is EDATE(2020-01-31, 83) = 2026-12-31, the last
    const p: Policy = { policyId: "P1", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "国寿", startDate: "2020-01-31", termYears: 20,
      premiumYears: 7, premiumFrequency: "Monthly", sumInsured: 100_000, annualPremium: 12_000, criticalIllness: false, status: "InForce" };
    const l = maturityLadder({ ...emptyBook(), clients: [{ clientId: "C1", name: "张伟" }], policies: [p] }, "2026-11-30");
    expect(l.premiums.map((x) => [x.date, x.month, x.amount, x.last])).toEqual([["2026-11-30", 0, 1_000, false], ["2026-12-31", 1, 1_000, true]]);
    // a longer term: 2027-02-28 (EDATE clamps 31 → 28 in a common year), then back to 2027-03-31
    const longer = maturityLadder({ ...emptyBook(), clients: [{ clientId: "C1", name: "张伟" }], policies: [{ ...p, premiumYears: 10 }] }, "2026-11-30");
    expect(longer.premiums.slice(0, 5).map((x) => x.date)).toEqual(["2026-11-30", "2026-12-31", "2027-01-31", "2027-02-28", "2027-03-31"]);
  });

  test("cover ending on a leap day's anniversary: from 2016-02-29 for 11 years ends 2027-02-28 (EDATE), month 2", () => {
    const p: Policy = { policyId: "P1", clientId: "C1", insured: "张伟", policyType: "Life", insurer: "国寿", startDate: "2016-02-29", termYears: 11,
      premiumYears: 1, sumInsured: 300_000, annualPremium: 1, criticalIllness: false, status: "InForce" };
    const l = maturityLadder({ ...emptyBook(), clients: [{ clientId: "C1", name: "张伟" }], policies: [p] }, "2026-12-06");
    expect(l.policies.map((x) => [x.date, x.month, x.sumInsured])).toEqual([["2027-02-28", 2, 300_000]]);
  });
});
