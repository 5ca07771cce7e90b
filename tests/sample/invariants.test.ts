/**
 * Every generated book is valid by docs/ARCHITECTURE.md's rules (and the generator's own promises: ids in order, children
 * consistent, six reviews per client…), at the three sizes the issue names, in every language, around awkward
 * dates. The checker itself is shown to catch broken books, so a pass means something.
 */
import fc from "fast-check";
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { LANGS, type Book, type Lang } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { bookViolations } from "./bookChecks";

const ASOF = "2025-06-15";

describe("generated books are valid", () => {
  it.each<[number, Lang, string]>([
    [40, "zh-CN", ASOF],
    [40, "zh-TW", ASOF],
    [40, "en-US", ASOF],
    [500, "zh-CN", ASOF],
    [500, "zh-TW", ASOF],
    // Leap day, month end and year end: birthdays, maturities and review dates clamp and wrap here.
    [120, "zh-CN", "2024-02-29"],
    [120, "zh-TW", "2025-01-31"],
    [120, "zh-CN", "2025-12-31"],
    [120, "zh-CN", "2028-03-01"],
  ])("%i clients, %s, as of %s", (clients, lang, asOf) => {
    const book = generateBook({ clients, asOf, lang, seed: 7 });
    expect(book.clients).toHaveLength(clients);
    expect(bookViolations(book, asOf, lang)).toEqual([]);
  });

  it("5,000 clients: valid, and generation time is reported", () => {
    const t0 = performance.now();
    const book = generateBook({ clients: 5000, asOf: ASOF });
    const ms = performance.now() - t0;
    // Measured, not asserted (RULES.md): the benchmark owns speed.
    console.info(`generateBook 5,000 clients: ${ms.toFixed(0)} ms — ${book.holdings.length} holdings, ${book.reviews.length} review rows, ${book.contacts.length} contacts`);
    expect(book.clients).toHaveLength(5000);
    expect(bookViolations(book, ASOF, "zh-CN")).toEqual([]);
  });

  it("for any seed, date and language (property, 15 small books)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 31), max: 2 ** 31 }),
        fc.integer({ min: isoToSerial("2000-01-01"), max: isoToSerial("2199-12-31") }),
        fc.constantFrom(...LANGS),
        (seed, serial, lang) => {
          const asOf = serialToIso(serial);
          expect(bookViolations(generateBook({ clients: 25, seed, asOf, lang }), asOf, lang)).toEqual([]);
        },
      ),
      { numRuns: 15, seed: 20250615 },
    );
  });

  it("an empty book has settings and no rows", () => {
    const book = generateBook({ clients: 0, asOf: ASOF, lang: "zh-TW" });
    expect(book.clients).toEqual([]);
    expect(book.reviews).toEqual([]);
    expect(book.settings.currency).toBe("TWD");
  });
});

describe("the checker catches broken books", () => {
  const good = (): Book => structuredClone(generateBook({ clients: 40, asOf: ASOF }));
  const broken: [string, (b: Book) => void, RegExp][] = [
    ["negative amount", (b) => (b.holdings[0].amount = -1), /amount -1/],
    ["maturity before start", (b) => {
      const h = b.holdings.find((x) => x.maturityDate && x.startDate) as Book["holdings"][number];
      h.maturityDate = h.startDate;
    }, /not after start/],
    ["future birthday", (b) => (b.family[0].birthday = "2030-01-01"), /after asOf/],
    ["children count", (b) => (b.clients[0].children = 9), /children 9/],
    ["unknown client", (b) => (b.policies[0].clientId = "C9999"), /unknown client/],
    ["bad id check digit", (b) => {
      const c = b.clients.find((x) => x.idNumber) as Book["clients"][number];
      c.idNumber = c.idNumber!.slice(0, 17) + (c.idNumber![17] === "1" ? "2" : "1");
    }, /check/],
    ["undefined field", (b) => ((b.clients[1] as unknown as Record<string, unknown>).email = undefined), /undefined/],
    ["deposit at R3", (b) => ((b.holdings.find((h) => h.assetClass === "Deposit") as Book["holdings"][number]).riskLevel = "R3"), /Deposit with risk R3/],
    ["in force after term", (b) => {
      const p = b.policies.find((x) => x.termYears === 1) as Book["policies"][number];
      p.startDate = "2020-01-01";
      p.status = "InForce";
    }, /in force after its term/],
    ["review after asOf", (b) => (b.reviews[b.reviews.length - 1].reviewDate = ASOF), /not before asOf/],
    ["contact out of order", (b) => (b.contacts[0].date = "2025-06-14"), /date order/],
    ["review row without a product name", (b) => delete b.reviews[0].productName, /no product name/],
    ["review row naming another product", (b) => {
      const held = new Set(b.holdings.map((h) => h.holdingId));
      (b.reviews.find((r) => held.has(r.holdingId)) as Book["reviews"][number]).productName = "别的产品";
    }, /the holding's is/],
    ["sold holding renamed between reviews", (b) => {
      const held = new Set(b.holdings.map((h) => h.holdingId));
      const sold = b.reviews.filter((r) => !held.has(r.holdingId));
      // a later row of a sold holding reviewed more than once
      (sold.find((r, i) => sold.slice(0, i).some((x) => x.holdingId === r.holdingId)) as Book["reviews"][number]).productName = "改名产品";
    }, /sold holding named/],
  ];
  it.each(broken)("%s", (_name, breakIt, message) => {
    const b = good();
    breakIt(b);
    const v = bookViolations(b, ASOF, "zh-CN");
    expect(v.some((x) => message.test(x))).toBe(true);
  });
});
