/**
 * The sample book looks like a real one (issue 12, "A sample book that looks like a real one"), for any seed, size,
 * date and language:
 * - every period between reviews (and today's, since the last review) has a return — Modified Dietz over the flows
 *   the book knows, src/domain/reviews, in the book currency (exchange-rate moves included) — of believable size for
 *   the client's risk level: the total of a review
 *   follows from its holdings, the market and the flows, never from money that moved unrecorded. Bounds per period
 *   of up to a quarter (longer periods scale with their length): C1 ±2 %, C2 ±4 %, C3 ±12 %, C4 ±20 %, C5 ±30 %
 *   (a C1 client with deposits once "lost" 7.6 % in a quarter);
 * - a savings policy (annuity, education, increasing whole life) changes since the last review by at most 1 %: its
 *   premiums are recorded flows and none falls due after the last review (an annuity once "rose" 33 % in six weeks);
 * - the yearly premiums in force of a client's family are at most 20 % of the client's income (MAX_PREMIUM_SHARE; 双十
 *   suggests about 10 %, and 20–25 % is where a manager would call premiums too heavy), in the book currency (a USD
 *   premium at the rate on asOf); a single premium (趸交) is paid once, not every year, and is not counted.
 */
import fc from "fast-check";
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { inBookCurrency } from "../../src/domain/fx";
import { reviewComparison, trend } from "../../src/domain/reviewPeriods";
import { LANGS, type Book, type IsoDate } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { MAX_PREMIUM_SHARE } from "../../src/sample/policies";

const BOUND: Record<string, number> = { C1: 0.02, C2: 0.04, C3: 0.12, C4: 0.2, C5: 0.3 };

function problems(book: Book, asOf: IsoDate): string[] {
  const out: string[] = [];
  const inBook = inBookCurrency(book, asOf);
  for (const c of book.clients) {
    const base = BOUND[c.riskLevel ?? "C5"];
    // Totals in the book currency (a USD row at its review's rate, fx.ts); a holding's own change in its own currency.
    for (const p of trend(inBook, c.clientId, asOf)) {
      const r = p.periodReturn;
      if (!r) continue;
      const bound = base * Math.max(1, r.days / 92);
      if (Math.abs(r.value) > bound) out.push(`${c.clientId} ${c.riskLevel} ${p.date}: ${r.measure} ${(r.value * 100).toFixed(2)} % over ${r.days} days (bound ${(bound * 100).toFixed(1)} %)`);
    }
    for (const h of reviewComparison(book, c.clientId, asOf).holdings) {
      if (h.assetClass === "Insurance" && h.changePct !== undefined && Math.abs(h.changePct) > 0.01) {
        out.push(`${c.clientId} ${h.holdingId} ${h.productName}: a savings policy changed ${(h.changePct * 100).toFixed(1)} % since the last review`);
      }
    }
    const income = c.annualIncome ?? 0;
    if (income > 0) {
      const premiums = inBook.policies
        .filter((p) => p.clientId === c.clientId && p.status === "InForce" && p.premiumFrequency !== "Single")
        .reduce((s, p) => s + p.annualPremium, 0);
      // TWD books round incomes to 10,000s after conversion: a hair of tolerance
      if (premiums > income * (MAX_PREMIUM_SHARE + 0.005)) out.push(`${c.clientId}: premiums ${premiums} are ${((premiums / income) * 100).toFixed(1)} % of income ${income}`);
    }
  }
  return out;
}

describe("the sample book is believable", () => {
  test("the shipped demo (40 clients, seed of the sample) as of 2026-12-06", () => {
    const book = generateBook({ clients: 40, asOf: "2026-12-06", lang: "zh-CN" });
    expect(problems(book, "2026-12-06")).toEqual([]);
  });

  test("for any seed, size, date and language (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 20, max: 80 }),
        fc.integer({ min: isoToSerial("2020-01-01"), max: isoToSerial("2030-12-31") }),
        fc.constantFrom(...LANGS),
        (seed, clients, serial, lang) => {
          const asOf = serialToIso(serial);
          const book = generateBook({ clients, seed, asOf, lang });
          expect(problems(book, asOf)).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 20261206 },
    );
  });

  test("the check catches an unbelievable book", () => {
    const book = generateBook({ clients: 20, seed: 3, asOf: "2025-06-15" });
    const c = book.clients.find((x) => x.riskLevel === "C1" && book.reviews.some((r) => r.clientId === x.clientId))!;
    // a 10 % loss on every holding since the last review, with no flow to explain it
    const broken: Book = { ...book, holdings: book.holdings.map((h) => (h.clientId === c.clientId ? { ...h, amount: h.amount * 0.9 } : h)) };
    expect(problems(broken, "2025-06-15").some((p) => p.startsWith(`${c.clientId} C1 2025-06-15`))).toBe(true);
    const heavy: Book = { ...book, policies: book.policies.map((p) => (p.clientId === c.clientId ? { ...p, annualPremium: 1e7, status: "InForce" as const } : p)) };
    expect(problems(heavy, "2025-06-15").some((p) => p.includes("of income"))).toBe(c.annualIncome !== undefined && book.policies.some((p) => p.clientId === c.clientId));
  });
});
