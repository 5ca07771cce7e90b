import fc from "fast-check";
import { bookTiers, paretoSummary, paretoTiers } from "../../src/domain/tiers";
import { emptyBook, THIS_BANK, type Book, type Client, type Holding, type Tier } from "../../src/domain/types";

const AS_OF = "2026-05-15";

describe("paretoTiers", () => {
  test("A while those above hold < 80 %, B while < 95 %, else C", () => {
    // ranked: 50 (above 0) A, 30 (above 50) A, 10 (above 80) B, 6 (above 90) B, 4 (above 96) C
    expect(paretoTiers([10, 50, 4, 30, 6])).toEqual(["B", "A", "C", "A", "B"]);
  });
  test("exactly 80 % above is B, exactly 95 % above is C", () => {
    expect(paretoTiers([80, 15, 5])).toEqual(["A", "B", "C"]);
    // 0.88 is exactly 80 % of 1.1, though in floating point 0.88 < 0.8 × (0.88 + 0.154 + 0.066)
    expect(0.88 < 0.8 * (0.88 + 0.154 + 0.066)).toBe(true);
    expect(paretoTiers([0.88, 0.154, 0.066])).toEqual(["A", "B", "B"]); // 1.034 / 1.1 = 94 %
  });
  test("ties keep input order", () => {
    expect(paretoTiers([40, 40, 20])).toEqual(["A", "A", "B"]);
    // four equal: above = 0, 25, 50, 75 % → all A; five equal: 0…80 % → the fifth (in input order) is B
    expect(paretoTiers([1, 1, 1, 1])).toEqual(["A", "A", "A", "A"]);
    expect(paretoTiers([1, 1, 1, 1, 1])).toEqual(["A", "A", "A", "A", "B"]);
    expect(paretoTiers(Array(20).fill(5))).toEqual([...Array(16).fill("A"), ...Array(3).fill("B"), "C"]);
  });
  test("a single client is A; zero amounts rank last", () => {
    expect(paretoTiers([123])).toEqual(["A"]);
    expect(paretoTiers([0, 100, 0])).toEqual(["C", "A", "C"]);
  });
  test("total 0 → all C; empty → empty", () => {
    expect(paretoTiers([0, 0, 0])).toEqual(["C", "C", "C"]);
    expect(paretoTiers([])).toEqual([]);
  });
  test.each([[-1], [NaN], [Infinity]])("bad amount %p is refused with its index", (bad) => {
    expect(() => paretoTiers([1, bad])).toThrow(/amounts\[1\]/);
  });
  test("equal huge amounts give the tiers of equal small ones (their sum overflowed to Infinity: every client was A)", () => {
    // By hand, 5 equal clients: above = 0, 1, 2, 3, 4 fifths → A A A A (60 % < 80 %) then B (80 % ≤ 80 % < 95 %).
    expect(paretoTiers([1, 1, 1, 1, 1])).toEqual(["A", "A", "A", "A", "B"]);
    expect(paretoTiers([1e308, 1e308, 1e308, 1e308, 1e308])).toEqual(["A", "A", "A", "A", "B"]);
    expect(paretoTiers([Number.MAX_VALUE, Number.MAX_VALUE, 1])).toEqual(paretoTiers([4, 4, 0]));
  });
  test("property: equal amounts, any size, give the same tiers; scaling by a power of two changes nothing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.double({ min: 1e-300, max: Number.MAX_VALUE, noNaN: true }), (n, a) => {
        expect(paretoTiers(new Array<number>(n).fill(a))).toEqual(paretoTiers(new Array<number>(n).fill(1)));
      }),
      { numRuns: 200 },
    );
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 40 }), fc.integer({ min: 0, max: 900 }), (xs, e) => {
        expect(paretoTiers(xs.map((x) => x * 2 ** e))).toEqual(paretoTiers(xs));
      }),
      { numRuns: 200 },
    );
  });
  test("property: input order is kept and the rule holds for every client", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1_000_000 }), { maxLength: 60 }), (amounts) => {
        const tiers = paretoTiers(amounts);
        expect(tiers).toHaveLength(amounts.length);
        const total = amounts.reduce((s, a) => s + a, 0);
        amounts.forEach((a, i) => {
          const above = amounts.reduce((s, b, j) => s + (b > a || (b === a && j < i) ? b : 0), 0);
          const want: Tier = total === 0 ? "C" : above < 0.8 * total ? "A" : above < 0.95 * total ? "B" : "C";
          expect(tiers[i]).toBe(want);
        });
        // more money never gets a lower tier
        amounts.forEach((a, i) => amounts.forEach((b, j) => { if (a > b) expect(tiers[i] <= tiers[j]).toBe(true); }));
      }),
      { numRuns: 200 },
    );
  });
});

function client(id: string, extra: Partial<Client> = {}): Client {
  return { clientId: id, name: `客户${id}`, ...extra };
}
let seq = 0;
function holding(clientId: string, amount: number, extra: Partial<Holding> = {}): Holding {
  return { holdingId: `H${++seq}`, clientId, assetClass: "Deposit", productName: "活期", institution: THIS_BANK, amount, ...extra };
}
function book(clients: Client[], holdings: Holding[]): Book {
  return { ...emptyBook(), clients, holdings };
}

describe("bookTiers", () => {
  const b = book(
    [client("C1"), client("C2", { tier: "C" }), client("C3"), client("C4", { tier: "A" }), client("C5")],
    [
      holding("C1", 600),
      holding("C2", 300),
      holding("C2", 5000, { assetClass: "Loan" }), // liability: not counted
      holding("C3", 60),
      holding("C3", 10_000, { institution: "招商银行" }), // other bank: not counted
      holding("C4", 40),
      holding("C9", 99_999), // unknown client: ignored
    ],
  );
  const t = bookTiers(b);
  test("computed on assets at this bank; manual wins", () => {
    expect(t.get("C1")).toEqual({ tier: "A", computed: "A", assetsAtThisBank: 600, share: 0.6, rank: 1 });
    expect(t.get("C2")).toEqual({ tier: "C", computed: "A", manual: "C", assetsAtThisBank: 300, share: 0.3, rank: 2 });
    expect(t.get("C3")).toMatchObject({ tier: "B", computed: "B", assetsAtThisBank: 60, rank: 3 });
    expect(t.get("C4")).toMatchObject({ tier: "A", computed: "C", manual: "A", rank: 4 });
    expect(t.get("C5")).toMatchObject({ tier: "C", computed: "C", assetsAtThisBank: 0, share: 0, rank: 5 });
    expect(t.has("C9")).toBe(false);
  });
  test("empty book and a book without assets", () => {
    expect(bookTiers(emptyBook()).size).toBe(0);
    const z = bookTiers(book([client("C1"), client("C2")], []));
    expect([...z.values()].map((x) => [x.tier, x.share, x.rank])).toEqual([["C", 0, 1], ["C", 0, 2]]);
  });
  test("a repeated ClientId counts once", () => {
    expect(bookTiers(book([client("C1"), client("C1", { tier: "B" })], [holding("C1", 5)])).get("C1")).toMatchObject({ tier: "A", rank: 1 });
  });

  test("paretoSummary: how many clients hold 80 %, per-tier counts and shares", () => {
    const s = paretoSummary(b, AS_OF);
    expect(s.clients).toBe(5);
    expect(s.assetsAtThisBank).toBe(1000);
    expect(s.clientsHolding80).toBe(2); // 600 + 300 ≥ 800
    expect(s.clientShareHolding80).toBeCloseTo(0.4, 12);
    expect(s.byTier.A).toEqual({ clients: 2, assetsAtThisBank: 640, share: 0.64 });
    expect(s.byTier.B).toEqual({ clients: 1, assetsAtThisBank: 60, share: 0.06 });
    expect(s.byTier.C).toEqual({ clients: 2, assetsAtThisBank: 300, share: 0.3 });
    expect(s.computedByTier.A).toEqual({ clients: 2, assetsAtThisBank: 900, share: 0.9 });
    expect(s.overridden).toBe(2);
  });
  test("paretoSummary: exactly 80 % is reached by the first client", () => {
    expect(paretoSummary(book([client("C1"), client("C2")], [holding("C1", 80), holding("C2", 20)]), AS_OF).clientsHolding80).toBe(1);
  });
  test("paretoSummary of an empty book", () => {
    const s = paretoSummary(emptyBook(), AS_OF);
    expect(s).toMatchObject({ clients: 0, assetsAtThisBank: 0, clientsHolding80: 0, clientShareHolding80: 0, overridden: 0 });
    expect(s.byTier.A).toEqual({ clients: 0, assetsAtThisBank: 0, share: 0 });
  });
});
