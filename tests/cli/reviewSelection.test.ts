/**
 * clientbook build --tier / --clients, and the refusal of a file of more reviews than MAX_REVIEWS_PER_FILE before
 * anything is built (exit status 2, nothing written), with what to build instead.
 */
import { buildCommand } from "../../src/cli/commands/build";
import { demoCommand } from "../../src/cli/commands/demo";
import { MAX_REVIEWS_PER_FILE, parseClientList, parseTier, selectReviews } from "../../src/cli/reviewSelection";
import { UsageError } from "../../src/cli/usage";
import { inBookCurrency } from "../../src/domain/fx";
import { bookTiers } from "../../src/domain/tiers";
import { generateBook } from "../../src/sample";

const AS_OF = "2026-05-15";
const book = generateBook({ clients: 30, asOf: AS_OF });

describe("which reviews", () => {
  test("nothing asked: all; --clients: those, in book order, ids compared as the codec compares them (ignoring case)", () => {
    expect(selectReviews(book, { asOf: AS_OF }, "b.xlsx")).toBe("all");
    const [a, b] = [book.clients[4].clientId, book.clients[1].clientId];
    expect(selectReviews(book, { asOf: AS_OF, clients: [a.toLowerCase(), b] }, "b.xlsx")).toEqual([b, a]);
  });

  test("--tier: the clients of that tier (src/domain/tiers.ts, the tier in force)", () => {
    // Tiers rank the book valued in its currency (the sample has USD and HKD rows).
    const tiers = bookTiers(inBookCurrency(book, AS_OF));
    const want = book.clients.map((c) => c.clientId).filter((id) => tiers.get(id)!.tier === "A");
    expect(want.length).toBeGreaterThan(0);
    expect(selectReviews(book, { asOf: AS_OF, tier: "A" }, "b.xlsx")).toEqual(want);
  });

  test("an id the book lacks is named", () => {
    expect(() => selectReviews(book, { asOf: AS_OF, clients: ["C9999"] }, "b.xlsx")).toThrow(new UsageError("--clients: b.xlsx has no client C9999"));
  });

  test("more reviews than one file holds: refused, with the tiers' sizes and the options that build what is useful", () => {
    let message = "";
    try {
      selectReviews(book, { asOf: AS_OF }, "branch.xlsx", 20);
    } catch (e) {
      expect(e).toBeInstanceOf(UsageError);
      message = (e as Error).message;
    }
    const tiers = [...bookTiers(inBookCurrency(book, AS_OF)).values()];
    for (const t of ["A", "B", "C"]) expect(message).toContain(`--tier ${t} (${tiers.filter((x) => x.tier === t).length} clients)`);
    expect(message).toContain("30 review sheets");
    expect(message).toContain("--clients C0001,C0002");
    expect(message).toContain("nothing was written");
    // why: a review is six parts of the file and a zip without zip64 holds 65,535 (src/xlsx/zipStream.ts)
    expect(message).toContain("the 65,535 parts a zip holds");
    expect(selectReviews(book, { asOf: AS_OF, clients: [book.clients[0].clientId] }, "branch.xlsx", 20)).toEqual([book.clients[0].clientId]);
    expect(MAX_REVIEWS_PER_FILE).toBe(5000);
  });

  test("option values", () => {
    expect(parseTier("a")).toBe("A");
    expect(() => parseTier("D")).toThrow(UsageError);
    expect(parseClientList("C0001, C0002，C0003")).toEqual(["C0001", "C0002", "C0003"]);
    expect(() => parseClientList(" , ")).toThrow(UsageError);
  });
});

describe("clientbook build --clients", () => {
  test("the book-wide sheets and the listed clients' reviews only (6 clients, 2 listed)", async () => {
    const demo = await demoCommand({ out: "demo.xlsx", lang: "zh-CN", clients: 6, asOf: AS_OF });
    const bytes = demo.files[0].bytes;
    const all = await buildCommand({ book: { name: "demo.xlsx", bytes }, out: "all.xlsx", asOf: AS_OF });
    const some = await buildCommand({ book: { name: "demo.xlsx", bytes }, out: "some.xlsx", asOf: AS_OF, clients: ["C0002", "C0005"] });
    const outputs = (s: string) => Number(/(\d+) output sheets/.exec(s)![1]);
    // The book-wide sheets (the output plan's, src/sheets/plan.ts) + one review per client: 6 reviews, then 2.
    const bookWide = outputs(all.summary!) - 6;
    expect(bookWide).toBeGreaterThanOrEqual(4);
    expect(outputs(some.summary!)).toBe(bookWide + 2);
  });
});
