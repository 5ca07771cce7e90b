/**
 * The maturity ladder (src/domain/ladder.ts): twelve calendar months from the as-of month, assets (not loans)
 * maturing in the window at their amounts, policies and premiums apart. Expected values worked by hand; the property
 * test holds the totals to the holdings' own amounts.
 */
import fc from "fast-check";
import { ladderWindow, maturityLadder } from "../../src/domain/ladder";
import { LIABILITY_CLASSES, emptyBook, THIS_BANK, type Book, type Holding } from "../../src/domain/types";
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
