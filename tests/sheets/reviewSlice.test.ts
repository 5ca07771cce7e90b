/**
 * reviewSlice / reviewFromSlice (src/sheets/reviewSlice.ts): a review built in a worker thread from one client's
 * slice — structured-cloned, as postMessage copies it — is exactly the output plan's own review of the whole book
 * (`outputPlan(book, { asOf, lang }).build({ kind: "review", clientId })`), cell for cell, format for format.
 *
 * The expected value is the plan's review itself (the one path every build and Refresh all uses today), compared
 * with toEqual and as JSON text; the books: generated ones in three languages with and without foreign currencies,
 * a hand-made book of edge cases, and random edited books (fast-check). A slice missing a part (rates, tier,
 * reviews, the first of a repeated client row) is shown to give a different review, so the equality can fail.
 */
import fc from "fast-check";
import { generateBook } from "../../src/sample/generate";
import { outputPlan } from "../../src/sheets/plan";
import { bookIndex } from "../../src/sheets/common";
import { reviewFromSlice, reviewSlice, reviewTiers, type ReviewSlice } from "../../src/sheets/reviewSlice";
import { bookTiers } from "../../src/domain/tiers";
import { emptyBook, LANGS, type Book, type IsoDate, type Lang } from "../../src/domain/types";
import { arbBook } from "../book/arbitraries";
import { sheetText } from "../../src/sheets/text";
import { cell } from "./helpers";

const AS_OF: IsoDate = "2026-11-23";

/** A value only of arrays, plain objects, strings, numbers, booleans and null (no undefined, Map, class, function). */
function plainProblems(x: unknown, path = "slice"): string[] {
  if (x === null || typeof x === "string" || typeof x === "boolean") return [];
  if (typeof x === "number") return Number.isFinite(x) ? [] : [`${path}: ${x}`];
  if (Array.isArray(x)) {
    const out: string[] = [];
    for (let i = 0; i < x.length; i++) out.push(...(i in x ? plainProblems(x[i], `${path}[${i}]`) : [`${path}[${i}]: hole`]));
    return out;
  }
  if (typeof x === "object" && Object.getPrototypeOf(x) === Object.prototype) {
    return Object.entries(x as object).flatMap(([k, v]) => plainProblems(v, `${path}.${k}`));
  }
  return [`${path}: ${x === undefined ? "undefined" : typeof x === "object" ? (x as object).constructor?.name : typeof x}`];
}

/** Every client's review from its cloned slice against the plan's own; returns how many were compared. */
function expectSameReviews(book: Book, asOf: IsoDate, lang: Lang): number {
  const index = bookIndex(book);
  const plan = outputPlan(book, { asOf, lang }, index);
  const tiers = reviewTiers(book, asOf);
  let n = 0;
  for (const p of plan.sheets) {
    if (p.kind !== "review") continue;
    const want = plan.build(p);
    const slice = reviewSlice(index, p.clientId, tiers);
    expect(plainProblems(slice)).toEqual([]);
    const got = reviewFromSlice(structuredClone(slice), { asOf, lang });
    expect(got).toEqual(want);
    expect(JSON.stringify(got)).toBe(JSON.stringify(want));
    n++;
  }
  expect(n).toBe(index.clients.length);
  return n;
}

/** Does the review from `slice` differ from the plan's? (for the tests that a missing part is caught) */
function differs(book: Book, slice: ReviewSlice, asOf: IsoDate, lang: Lang): boolean {
  const want = outputPlan(book, { asOf, lang }).build({ kind: "review", clientId: slice.clientId });
  return JSON.stringify(reviewFromSlice(structuredClone(slice), { asOf, lang })) !== JSON.stringify(want);
}

describe("every client of generated books", () => {
  test.each([
    { clients: 200, lang: "zh-CN" as const, foreign: true, seed: 8888 },
    { clients: 120, lang: "zh-TW" as const, foreign: true, seed: 7 },
    { clients: 80, lang: "en-US" as const, foreign: true, seed: 2026 },
    { clients: 60, lang: "zh-CN" as const, foreign: false, seed: 31 },
  ])("$clients clients $lang (foreign: $foreign): the cloned slice's review is the plan's", ({ clients, lang, foreign, seed }) => {
    const book = generateBook({ clients, lang, foreign, seed, asOf: AS_OF });
    const foreignRows = book.holdings.filter((h) => h.currency !== undefined && h.currency !== book.settings.currency).length;
    if (foreign) expect(foreignRows).toBeGreaterThan(0); // the books really exercise the conversion
    else expect(foreignRows).toBe(0);
    expect(expectSameReviews(book, AS_OF, lang)).toBe(clients);
  });

  test("the slices carry only the client's own rows and the rates of its currencies", () => {
    const book = generateBook({ clients: 60, seed: 5, asOf: AS_OF });
    const index = bookIndex(book);
    const tiers = reviewTiers(book, AS_OF);
    let withRates = 0;
    for (const c of index.clients) {
      const s = reviewSlice(index, c.clientId, tiers);
      for (const rows of [s.family, s.holdings, s.policies, s.contacts, s.reviews]) expect(rows.every((r) => r.clientId === c.clientId)).toBe(true);
      expect(s.holdings).toHaveLength(book.holdings.filter((h) => h.clientId === c.clientId).length);
      expect(s.reviews).toHaveLength(book.reviews.filter((r) => r.clientId === c.clientId).length);
      const used = new Set([...s.holdings, ...s.policies, ...s.reviews].map((r) => r.currency ?? book.settings.currency));
      used.delete(book.settings.currency);
      expect(new Set(s.rates.map((r) => r.currency))).toEqual(used);
      if (s.rates.length > 0) withRates++;
      // the tier is the whole book's, ranked in the book currency (not the slice's own: a lone client is always A)
      expect(s.tier).toEqual(tiers.get(c.clientId));
    }
    expect(withRates).toBeGreaterThan(0);
    expect(withRates).toBeLessThan(index.clients.length);
  });
});

/**
 * Edge cases, by hand. CNY book, USD 7.10 from 2026-05-01 (7.30 before), HKD 0.91, no EUR rate; asOf 2026-11-23.
 * Tiers (src/domain/tiers.ts, docs/ARCHITECTURE.md: Pareto on financial assets at this bank, largest first; A while
 * the clients ranked above hold < 80 % of the total, B while < 95 %, else C), over the whole book in CNY:
 * C2 USD 1,000,000 × 7.10 = 7,100,000; C1 5,000,000 (H4 is at another bank, H7 a loan); C5 HKD 500,000 × 0.91 =
 * 455,000; C3 300,000; C4 0; C6 0 (its EUR holding has no rate: left out). Total 12,855,000.
 * C2 rank 1 A (above 0); C1 rank 2 A (above 7.1/12.855 = 55.2 %); C5 rank 3 B (above 12.1/12.855 = 94.1 %);
 * C3 rank 4 C (above 12.555/12.855 = 97.7 %); C4, C6 ranks 5, 6 C (ties in book order). C2's manual tier B wins.
 * Unconverted (wrong): C1 5,000,000, C2 1,000,000, C5 500,000, C3 300,000, C6 80,000; total 6,880,000: C3 above
 * 6.5/6.88 = 94.5 % → B, not C — so a slice that ranked the raw amounts would show C3 a wrong tier.
 */
function edgeBook(): Book {
  const b = emptyBook({ currency: "CNY" });
  b.clients = [
    { clientId: "C1", name: "李建国", riskLevel: "C3", riskAssessedOn: "2026-01-10", phone: "13800001111", idNumber: "110101198001011234" },
    { clientId: "C2", name: "陈美玲", riskLevel: "C2", riskAssessedOn: "2026-01-10", tier: "B" }, // manual tier
    { clientId: "C3", name: "王小明" }, // no risk level, no assessment
    { clientId: "C1", name: "李建国（重复）", riskLevel: "C5", riskAssessedOn: "2026-09-01" }, // repeated id: the first wins
    { clientId: "C4", name: "赵空" }, // no rows at all
    { clientId: "C5", name: "周港", riskLevel: "C4", riskAssessedOn: "2024-01-01" }, // assessment expired
    { clientId: "C6", name: "孙欧", riskLevel: "C3", riskAssessedOn: "2026-03-01" },
  ];
  b.rates = [
    { currency: "USD", rate: 7.3, date: "2026-01-02" },
    { currency: "HKD", rate: 0.91, date: "2026-01-02" },
    { currency: "USD", rate: 7.1, date: "2026-05-01" },
    { currency: "USD", rate: 9.99, date: "2027-06-01" }, // after asOf: never used
  ];
  b.family = [
    { clientId: "C1", name: "陈美玲", relation: "Spouse", linkedClientId: "C2" }, // a family member who is a client
    { clientId: "C2", name: "李建国", relation: "Spouse", linkedClientId: "C1" },
    { clientId: "C3", name: "王小红", relation: "Child", birthday: "2015-06-01" },
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "人民币定期", institution: "ThisBank", amount: 5_000_000, maturityDate: "2027-02-01", rate: 0.02, startDate: "2026-02-01" },
    { holdingId: "H2", clientId: "C2", assetClass: "Fund", productName: "美元债基金", institution: "ThisBank", amount: 1_000_000, currency: "USD", riskLevel: "R3", maturityDate: "2027-05-25" },
    { holdingId: "H3", clientId: "C3", assetClass: "WealthProduct", productName: "稳享理财", institution: "ThisBank", amount: 300_000, riskLevel: "R2" },
    { holdingId: "H4", clientId: "C1", assetClass: "Fund", productName: "成长基金", institution: "招商银行", amount: 100_000, riskLevel: "R4" },
    { holdingId: "H5", clientId: "C5", assetClass: "Stock", productName: "港股通", institution: "ThisBank", amount: 500_000, currency: "HKD", riskLevel: "R4" },
    { holdingId: "H6", clientId: "C6", assetClass: "Bond", productName: "欧元债", institution: "ThisBank", amount: 80_000, currency: "EUR" }, // no EUR rate
    { holdingId: "H7", clientId: "C1", assetClass: "Loan", productName: "房贷", institution: "ThisBank", amount: 1_200_000 },
  ];
  b.policies = [
    { policyId: "P1", clientId: "C2", policyType: "Life", insurer: "友邦", insured: "陈美玲", sumInsured: 100_000, annualPremium: 2_000, startDate: "2020-12-10", termYears: 30, criticalIllness: false, status: "InForce", currency: "USD" },
    { policyId: "P2", clientId: "C1", policyType: "CriticalIllness", insurer: "平安", insured: "李建国", sumInsured: 500_000, annualPremium: 12_000, startDate: "2018-03-01", criticalIllness: true, status: "InForce" },
  ];
  b.contacts = [
    { clientId: "C1", date: "2026-11-01", channel: "T", summary: "约检视" },
    { clientId: "C3", date: "2026-10-15", channel: "M" },
  ];
  b.reviews = [
    { clientId: "C1", reviewDate: "2026-05-20", holdingId: "H1", assetClass: "Deposit", amount: 4_900_000, productName: "人民币定期" },
    { clientId: "C1", reviewDate: "2026-05-20", holdingId: "H9", assetClass: "WealthProduct", amount: 200_000, productName: "已赎回理财" }, // sold since
    { clientId: "C1", reviewDate: "2026-05-20", holdingId: "H7", assetClass: "Loan", amount: 1_300_000 },
    { clientId: "C2", reviewDate: "2026-03-01", holdingId: "H2", assetClass: "Fund", amount: 950_000, currency: "USD" }, // at 7.30 (its date)
    { clientId: "C2", reviewDate: "2026-08-01", holdingId: "H2", assetClass: "Fund", amount: 980_000, currency: "USD", rate: 7.15, netFlow: 20_000 }, // its own rate
    { clientId: "C5", reviewDate: "2026-06-30", holdingId: "H5", assetClass: "Stock", amount: 450_000, currency: "HKD" },
  ];
  return b;
}

describe("a book of edge cases", () => {
  test.each(LANGS)("%s: every client's review from its cloned slice is the plan's", (lang) => {
    expect(expectSameReviews(edgeBook(), AS_OF, lang)).toBe(6);
  });

  test("the tiers are the whole book's in CNY (worked by hand above), shown on the reviews from slices", () => {
    const book = edgeBook();
    const tiers = reviewTiers(book, AS_OF);
    expect([...tiers].map(([id, t]) => [id, t.computed, t.rank, t.assetsAtThisBank])).toEqual([
      ["C1", "A", 2, 5_000_000], ["C2", "A", 1, 7_100_000], ["C3", "C", 4, 300_000], ["C4", "C", 5, 0], ["C5", "B", 3, 455_000], ["C6", "C", 6, 0],
    ]);
    expect(bookTiers(book).get("C3")!.computed).toBe("B"); // unconverted: the wrong tier
    expect(tiers.get("C2")).toMatchObject({ tier: "B", manual: "B", assetsAtThisBank: 7_100_000 });
    const index = bookIndex(book);
    const review = (id: string) => reviewFromSlice(structuredClone(reviewSlice(index, id, tiers)), { asOf: AS_OF, lang: "zh-CN" });
    // F5: the tier, "（手动）" after a manual one (sheetText profile.manual)
    expect(cell(review("C5"), "F5")).toBe("B");
    expect(cell(review("C3"), "F5")).toBe("C");
    expect(cell(review("C2"), "F5")).toBe(`B${sheetText("zh-CN").profile.manual}`);
    // the first row of the repeated id: its name and risk level
    expect(cell(review("C1"), "B2")).toBe("李建国");
    expect(String(cell(review("C1"), "B3"))).toMatch(/^C3 /);
  });

  test("the slice of the repeated id holds its first row and every row of that id; an unknown id is refused", () => {
    const book = edgeBook();
    const index = bookIndex(book);
    const tiers = reviewTiers(book, AS_OF);
    const s = reviewSlice(index, "C1", tiers);
    expect(s.client.name).toBe("李建国");
    expect(s.holdings.map((h) => h.holdingId)).toEqual(["H1", "H4", "H7"]);
    expect(s.rates).toEqual([]); // every C1 row is in CNY
    expect(reviewSlice(index, "C2", tiers).rates.map((r) => r.rate)).toEqual([7.3, 7.1, 9.99]);
    expect(reviewSlice(index, "C6", tiers).rates).toEqual([]); // EUR: the book has none
    const empty = reviewSlice(index, "C4", tiers);
    expect([empty.family, empty.holdings, empty.policies, empty.contacts, empty.reviews, empty.rates]).toEqual([[], [], [], [], [], []]);
    expect(() => reviewSlice(index, "C404", tiers)).toThrow(/no client with id "C404"/);
  });

  test("a slice missing a part gives a different review: the comparison catches it", () => {
    const book = edgeBook();
    const index = bookIndex(book);
    const tiers = reviewTiers(book, AS_OF);
    const lang = "zh-CN";
    const slice = (id: string) => reviewSlice(index, id, tiers);
    // sanity: whole slices agree
    expect(["C1", "C2", "C5"].map((id) => differs(book, slice(id), AS_OF, lang))).toEqual([false, false, false]);
    // without the rates the USD and HKD holdings have no rate and are left out
    expect(differs(book, { ...slice("C2"), rates: [] }, AS_OF, lang)).toBe(true);
    expect(differs(book, { ...slice("C5"), rates: [] }, AS_OF, lang)).toBe(true);
    // without the tier, or with the slice's own (a lone client ranks A), the tier cell is wrong
    expect(differs(book, { ...slice("C5"), tier: null }, AS_OF, lang)).toBe(true);
    expect(differs(book, { ...slice("C5"), tier: bookTiers({ clients: [book.clients[5]], holdings: [] }).get("C5")! }, AS_OF, lang)).toBe(true);
    // the tiers ranked without converting (bookTiers of the raw book): C3 shows B instead of C
    expect(differs(book, reviewSlice(index, "C3", bookTiers(book)), AS_OF, lang)).toBe(true);
    // without the review rows: no previous review
    expect(differs(book, { ...slice("C1"), reviews: [] }, AS_OF, lang)).toBe(true);
    // the repeated id's second row instead of the first
    expect(differs(book, { ...slice("C1"), client: book.clients[3] }, AS_OF, lang)).toBe(true);
    // a settings change (the amount unit) shows in every amount's format
    expect(differs(book, { ...slice("C3"), settings: { ...book.settings, amountUnit: "Wan" } }, AS_OF, lang)).toBe(true);
  });

  test("the final name is the plan's namer's when given", () => {
    const book = edgeBook();
    const index = bookIndex(book);
    const s = reviewSlice(index, "C3", reviewTiers(book, AS_OF));
    const plain = reviewFromSlice(s, { asOf: AS_OF, lang: "zh-CN" });
    expect(reviewFromSlice(s, { asOf: AS_OF, lang: "zh-CN", name: `${plain.name} (2)` })).toEqual({ ...plain, name: `${plain.name} (2)` });
    expect(reviewFromSlice(s, { asOf: AS_OF, lang: "zh-CN", name: plain.name })).toEqual(plain);
  });
});

// ---- random books ---------------------------------------------------------------------------------------------

type Table = "family" | "holdings" | "policies" | "contacts" | "reviews" | "rates";
const TABLES: readonly Table[] = ["family", "holdings", "policies", "contacts", "reviews", "rates"];

interface Edits {
  drops: [Table, number][];
  /** Repeat a client's id on a new row (appended or inserted before it: the first of them must win). */
  repeats: [number, boolean][];
  noRisk: number[];
  /** A holding moved to another currency; EUR has no rate (the row is left out). */
  recurrency: [number, "USD" | "HKD" | "EUR" | "CNY"][];
  /** A family member linked to another client of the book. */
  links: [number, number][];
  manualTier: [number, "A" | "B" | "C"][];
}

const arbEdits: fc.Arbitrary<Edits> = fc.record({
  drops: fc.array(fc.tuple(fc.constantFrom(...TABLES), fc.nat()), { maxLength: 10 }),
  repeats: fc.array(fc.tuple(fc.nat(), fc.boolean()), { maxLength: 2 }),
  noRisk: fc.array(fc.nat(), { maxLength: 3 }),
  recurrency: fc.array(fc.tuple(fc.nat(), fc.constantFrom("USD" as const, "HKD" as const, "EUR" as const, "CNY" as const)), { maxLength: 3 }),
  links: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }),
  manualTier: fc.array(fc.tuple(fc.nat(), fc.constantFrom("A" as const, "B" as const, "C" as const)), { maxLength: 2 }),
});

function edit(book: Book, e: Edits): Book {
  const b: Book = { ...book, clients: [...book.clients], family: [...book.family], holdings: [...book.holdings], policies: [...book.policies], contacts: [...book.contacts], reviews: [...book.reviews], rates: [...book.rates] };
  for (const [t, n] of e.drops) if (b[t].length > 0) b[t].splice(n % b[t].length, 1);
  const n = b.clients.length;
  if (n === 0) return b;
  for (const [i, before] of e.repeats) {
    const c = b.clients[i % n];
    const dup = { ...c, name: `${c.name}2`, riskLevel: "C5" as const, riskAssessedOn: "2026-10-01" };
    if (before) b.clients.splice(i % n, 0, dup);
    else b.clients.push(dup);
  }
  for (const i of e.noRisk) {
    const k = i % b.clients.length;
    const { riskLevel: _r, riskAssessedOn: _a, ...rest } = b.clients[k];
    b.clients[k] = rest;
  }
  for (const [i, t] of e.manualTier) b.clients[i % b.clients.length] = { ...b.clients[i % b.clients.length], tier: t };
  if (b.holdings.length > 0) for (const [i, ccy] of e.recurrency) b.holdings[i % b.holdings.length] = { ...b.holdings[i % b.holdings.length], currency: ccy };
  for (const [i, j] of e.links) {
    const c = b.clients[i % b.clients.length], other = b.clients[j % b.clients.length];
    b.family.push({ clientId: c.clientId, name: other.name, relation: "Parent", linkedClientId: other.clientId });
  }
  return b;
}

describe("random edited books (fast-check)", () => {
  test("every client's review from its cloned slice is the plan's", () => {
    const generated = fc.record({
      clients: fc.integer({ min: 1, max: 12 }),
      seed: fc.integer({ min: 0, max: 1_000_000 }),
      lang: fc.constantFrom(...LANGS),
      foreign: fc.boolean(),
    }).map((g) => generateBook({ ...g, asOf: AS_OF }));
    const seen = { reviews: 0, repeatedIds: 0, foreignRows: 0, unrated: 0 };
    fc.assert(
      fc.property(
        fc.oneof(generated, arbBook({ maxClients: 6, maxRows: 10 })),
        arbEdits,
        fc.constantFrom<IsoDate>(AS_OF, "2026-04-30", "2027-12-31"),
        fc.constantFrom(...LANGS),
        (book, edits, asOf, lang) => {
          const b = edit(book, edits);
          seen.reviews += expectSameReviews(b, asOf, lang);
          if (new Set(b.clients.map((c) => c.clientId)).size < b.clients.length) seen.repeatedIds++;
          const foreign = b.holdings.filter((h) => h.currency !== undefined && h.currency !== b.settings.currency);
          if (foreign.length > 0) seen.foreignRows++;
          if (foreign.some((h) => !b.rates.some((r) => r.currency === h.currency && r.date <= asOf))) seen.unrated++;
        },
      ),
      { numRuns: 50 },
    );
    // the runs really met the cases (fast-check's default seed varies per run: loose lower bounds)
    expect(seen.reviews).toBeGreaterThan(100);
    expect(seen.repeatedIds).toBeGreaterThan(5);
    expect(seen.foreignRows).toBeGreaterThan(5);
    expect(seen.unrated).toBeGreaterThan(0);
  });
});
