/**
 * Issue #16 "done when": a hand-checked client with holdings in three currencies (CNY book; USD and HKD) — totals,
 * shares, the change since the last review, the FX effect and the Modified Dietz return, each worked by hand below;
 * and an old single-currency book valued exactly as before (the demo in one currency: inBookCurrency is the same object).
 *
 * Sources: rate on a date = the latest on or before it (Excel approximate-match LOOKUP); FX effect = A1·(r1 − r0),
 * holding change = (A1 − A0)·r0 (Karnosky & Singer 1994); Modified Dietz R = (EV − BV − ΣCF)/(BV + Σ wᵢ·CFᵢ),
 * wᵢ = (T − tᵢ)/T (Dietz 1966; CFA Institute / GIPS).
 */
import { decodeBook } from "../../src/book/codec";
import { writeBook } from "../../src/book/write";
import { clientFigures } from "../../src/domain/figures";
import { fxEffects, inBookCurrency, valueBook, type ValuedPolicy } from "../../src/domain/fx";
import { recordReview } from "../../src/domain/recordReview";
import { reviewComparison } from "../../src/domain/reviewPeriods";
import { generateBook, sampleBook, SAMPLE_CLIENTS } from "../../src/sample";
// the hand-checked client, shared with the review-sheet and LibreOffice tests
import { FX_AS_OF as AS_OF, FX_PREV as PREV, handCurrencyBook as handBook } from "../sheets/fxHandBook";

describe("a client with holdings in CNY, USD and HKD (worked by hand)", () => {
  const book = handBook();
  const v = inBookCurrency(book, AS_OF);

  test("totals and shares in the book currency", () => {
    // now: 101,000 + 10,150 × 7.10 (= 72,065) + 55,000 × 0.91 (= 50,050) + 20,000 = 243,115
    const f = clientFigures(v, "C1", AS_OF);
    expect(f.assets).toBeCloseTo(243115, 6);
    // at this bank (financial): 101,000 + 72,065 + 20,000 = 193,065; wallet share 193,065 / 243,115 = 0.794130…
    expect(f.thisBank).toBeCloseTo(193065, 6);
    expect(f.walletShare).toBeCloseTo(193065 / 243115, 12);
    expect(f.walletShare).toBeCloseTo(0.79413, 5);
    // by class: Deposit 173,065 (0.7118648…), Fund 50,050 (0.2058697…), Wealth product 20,000 (0.0822655…), to 6 places
    expect(f.byClass.map((c) => [c.assetClass, Math.round(c.amount * 100) / 100, Math.round(c.share * 1e6) / 1e6])).toEqual([
      ["Deposit", 173065, 0.711865],
      ["Fund", 50050, 0.20587],
      ["WealthProduct", 20000, 0.082266],
    ]);
    // each holding also in its own currency, with the rate used
    expect(v.holdings.map((h) => [h.holdingId, (h as { localAmount?: number }).localAmount, (h as { fxRate?: number }).fxRate])).toEqual([
      ["H1", undefined, undefined], ["H2", 10150, 7.1], ["H3", 55000, 0.91], ["H4", undefined, undefined],
    ]);
  });

  test("change since the last review, FX effect and the Modified Dietz return", () => {
    const cmp = reviewComparison(v, "C1", AS_OF);
    // before (31 March): 100,000 + 10,000 × 7.20 (the rate on or before 31 March) + 50,000 × 0.92 (its own Rate) = 218,000
    expect(cmp.assets.previous).toBeCloseTo(218000, 6);
    expect(cmp.assets.change).toBeCloseTo(25115, 6);
    // FX effect, A1·(r1 − r0): USD 10,150 × (7.10 − 7.20) = −1,015; HKD 55,000 × (0.91 − 0.92) = −550; CNY 0
    // holding's own change, (A1 − A0)·r0: USD 150 × 7.20 = 1,080; HKD 5,000 × 0.92 = 4,600; CNY 1,000
    const fx = fxEffects(v, "C1", PREV);
    expect(fx.get("H2")!.fx).toBeCloseTo(-1015, 6);
    expect(fx.get("H2")!.holding).toBeCloseTo(1080, 6);
    expect(fx.get("H3")!.fx).toBeCloseTo(-550, 6);
    expect(fx.get("H3")!.holding).toBeCloseTo(4600, 6);
    expect(fx.get("H1")).toEqual({ holding: 1000, fx: 0, total: 1000 });
    const totalFx = [...fx.values()].reduce((s, x) => s + x.fx, 0);
    expect(totalFx).toBeCloseTo(-1565, 6);
    // Modified Dietz: T = 91 days; H4 new, an inflow of 20,000 on 31 May (day 61), w = 30/91.
    // R = (243,115 − 218,000 − 20,000) / (218,000 + 20,000 × 30/91) = 5,115 / 224,593.4066 = 0.0227745…
    const r = cmp.returnSinceLast!;
    expect(r.measure).toBe("modified-dietz");
    expect(r.value).toBeCloseTo(5115 / (218000 + (20000 * 30) / 91), 12);
    expect(r.value).toBeCloseTo(0.0227745, 6);
  });

  test("a later rate does not move an old review; a missing rate leaves the row out and says which", () => {
    const later = { ...book, rates: [...book.rates, { currency: "USD", rate: 8, date: "2025-04-01" }] };
    expect(reviewComparison(inBookCurrency(later, AS_OF), "C1", AS_OF).assets.previous).toBeCloseTo(218000, 6);
    const noHkd = { ...book, rates: book.rates.filter((r) => r.currency !== "HKD") };
    expect(valueBook(noHkd, AS_OF).missing).toEqual([{ table: "holdings", index: 2, id: "H3", currency: "HKD", date: AS_OF }]);
  });

  test("the book's tables round-trip with currencies and rates", () => {
    const w = writeBook(book, "zh-CN");
    const back = decodeBook(w as never, { asOf: AS_OF });
    expect(back.errors).toEqual([]);
    expect(back.book.holdings.map((h) => h.currency)).toEqual([undefined, "USD", "HKD", undefined]);
  });
});

describe("an old single-currency book is valued as before", () => {
  test("the demo book in one currency: the same object, so every figure is what it was", () => {
    // The demo has USD and HKD rows now; its single-currency form (no Currency, no Rates) is the old book. Reading one
    // written without those columns is in tests/sample/currencies.test.ts.
    const demo = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, foreign: false });
    expect(demo.rates).toEqual([]);
    expect(inBookCurrency(demo, AS_OF)).toBe(demo);
    // And the demo with its foreign rows is not: those rows are converted.
    expect(inBookCurrency(sampleBook(AS_OF), AS_OF)).not.toBe(sampleBook(AS_OF));
  });
});

describe("recording a review keeps a foreign holding's currency and rate", () => {
  test("USD row: currency USD and the rate on the review date (7.10); CNY row: neither", () => {
    const r = recordReview(handBook(), "C1", AS_OF);
    if (!r.ok) throw new Error(r.error.message["en-US"]);
    const rows = r.value;
    expect(rows.map((x) => [x.holdingId, x.currency, x.rate])).toEqual([["H1", undefined, undefined], ["H2", "USD", 7.1], ["H3", "HKD", 0.91], ["H4", undefined, undefined]]);
  });
});

describe("a policy in US dollars keeps its own amounts and the rate (保额 USD 100,000)", () => {
  // Rate = the latest on or before the as-of date (Excel approximate-match LOOKUP): 7.10 on 30 June, not 9.99 of 1 July.
  const book = handBook();
  book.policies = [
    { policyId: "P1", clientId: "C1", insured: "李建国", policyType: "Life", insurer: "友邦", sumInsured: 100000, annualPremium: 1200, criticalIllness: true, criticalIllnessSum: 50000, status: "InForce", currency: "USD" },
    { policyId: "P2", clientId: "C1", insured: "李建国", policyType: "Medical", insurer: "平安", sumInsured: 2000000, annualPremium: 3000, criticalIllness: false, status: "InForce" },
    { policyId: "P3", clientId: "C1", insured: "李建国", policyType: "Accident", insurer: "友邦", sumInsured: 500000, annualPremium: 800, criticalIllness: false, status: "InForce", currency: "USD" },
  ];
  const v = inBookCurrency(book, AS_OF).policies as ValuedPolicy[];

  test("USD 100,000 @ 7.10 → 710,000 CNY; premium 1,200 → 8,520; CI sum 50,000 → 355,000 (worked by hand)", () => {
    const [p1, p2, p3] = v;
    expect([p1.sumInsured, p1.annualPremium, p1.criticalIllnessSum]).toEqual([710000, 8520, 355000].map((x) => expect.closeTo(x, 6)));
    expect([p1.localSumInsured, p1.localAnnualPremium, p1.localCriticalIllnessSum, p1.fxRate, p1.currency]).toEqual([100000, 1200, 50000, 7.1, "USD"]);
    // a policy in the book currency: untouched, no own amounts
    expect(p2).toBe(book.policies[1]);
    // no CI sum of its own: none kept (500,000 × 7.10 = 3,550,000)
    expect(p3.sumInsured).toBeCloseTo(3550000, 6);
    expect("localCriticalIllnessSum" in p3).toBe(false);
    expect([p3.localSumInsured, p3.localAnnualPremium, p3.fxRate]).toEqual([500000, 800, 7.1]);
  });

  test("a book given already valued keeps the policies' own amounts", () => {
    const again = inBookCurrency(inBookCurrency(book, AS_OF), AS_OF).policies as ValuedPolicy[];
    expect(again[0].localSumInsured).toBe(100000);
    expect(again[0].fxRate).toBe(7.1);
  });
});

test("a view spread from a valued book is not converted a second time (each row carries the rate it was valued at)", () => {
  const once = inBookCurrency(handBook(), AS_OF);
  const view = { ...once, clients: [...once.clients] }; // a new object: neither cached nor marked valued
  const twice = inBookCurrency(view, AS_OF);
  // USD 10,150 × 7.10 = 72,065 once; converting the view again would give 72,065 × 7.10 = 511,661.5
  expect(twice.holdings.map((h) => h.amount)).toEqual(once.holdings.map((h) => h.amount));
  expect(twice.holdings.find((h) => h.holdingId === "H2")?.amount).toBeCloseTo(72065, 6);
  expect(twice.reviews.map((r) => r.amount)).toEqual(once.reviews.map((r) => r.amount));
});
