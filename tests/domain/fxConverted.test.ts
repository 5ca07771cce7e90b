/**
 * Issue #16: every figure in the book currency, wherever it is computed — tiers (store, sheets, the CLI's --tier),
 * Today, segments, the 80/20 picture, suitability findings, cover, the calendars' review dates. Each entry point is
 * given the RAW book (amounts in their own currencies) and must convert it itself (src/domain/fx.ts), so a caller
 * cannot forget: a client holding USD 1,000,000 ranks as CNY 7,100,000, not as 1,000,000.
 *
 * The book and every expected value are worked by hand in tests/fx-books.ts (Pareto tiers A < 80 %, B < 95 % of
 * assets at this bank held by those ranked above; rate = the latest on or before the as-of date, Excel's
 * approximate-match LOOKUP; cadence by tier A Monthly, B Quarterly, C Semiannual).
 */
import { selectReviews } from "../../src/cli/reviewSelection";
import { todayAgenda } from "../../src/domain/agenda";
import { calendarEvents } from "../../src/domain/calendarEvents";
import { inBookCurrency } from "../../src/domain/fx";
import { clientProtection } from "../../src/domain/protection";
import { filterClients } from "../../src/domain/segments";
import { bookSuitability } from "../../src/domain/suitability";
import { bookTiers, paretoSummary } from "../../src/domain/tiers";
import { bookIndex, valued } from "../../src/sheets/common";
import { CALENDAR_COLUMNS, CALENDAR_FIRST_DATA_ROW, contactCalendar } from "../../src/sheets/contactCalendar";
import { isoToSerial } from "../../src/domain/dates";
import { FX_AS_OF, threeClientBook } from "../fx-books";

const AS_OF = FX_AS_OF;
const book = threeClientBook();

describe("tiers rank assets at this bank in the book currency", () => {
  test("the raw book ranks USD 1,000,000 as 1,000,000 (why every caller must convert)", () => {
    const raw = bookTiers(book);
    expect([...raw.values()].map((t) => [t.rank, t.tier])).toEqual([[1, "A"], [2, "A"], [3, "B"]]);
  });

  test("converted: C2 first with 7,100,000 (56.8 %), C3 falls from B to C", () => {
    const t = bookTiers(inBookCurrency(book, AS_OF));
    expect(t.get("C2")).toMatchObject({ tier: "A", rank: 1, assetsAtThisBank: 7_100_000 });
    expect(t.get("C2")!.share).toBeCloseTo(0.568, 12);
    expect(t.get("C1")).toMatchObject({ tier: "A", rank: 2, assetsAtThisBank: 5_000_000 });
    expect(t.get("C3")).toMatchObject({ tier: "C", rank: 3, assetsAtThisBank: 400_000 });
  });

  test("the 80/20 picture: 12,500,000 at this bank, 2 clients hold 80 % (7.1 M < 10 M ≤ 12.1 M)", () => {
    const s = paretoSummary(book, AS_OF);
    expect(s.assetsAtThisBank).toBeCloseTo(12_500_000, 6);
    expect(s.clientsHolding80).toBe(2);
    expect(s.byTier.C).toMatchObject({ clients: 1, assetsAtThisBank: 400_000 });
    expect(s.byTier.A.share).toBeCloseTo(12.1 / 12.5, 12);
  });

  test("clientbook build --tier C: C3 (unconverted, it was B and no client was C)", () => {
    expect(selectReviews(book, { asOf: AS_OF, tier: "C" }, "b.xlsx")).toEqual(["C3"]);
    expect(selectReviews(book, { asOf: AS_OF, tier: "B" }, "b.xlsx")).toEqual([]);
  });

  test("a sheet given the output plan's index of the raw book ranks on the valued book (sheets/common valued)", () => {
    const { opts } = valued(book, { asOf: AS_OF, lang: "zh-CN", index: bookIndex(book) });
    expect(opts.index!.tiers.get("C3")!.tier).toBe("C");
    expect(opts.index!.tiers.get("C2")!.rank).toBe(1);
  });

  test("tiers given by a per-client read (already in the book currency) are kept", () => {
    const given = new Map([["C2", { tier: "B" as const, computed: "B" as const, assetsAtThisBank: 1, share: 1, rank: 9 }]]);
    const { opts } = valued(book, { asOf: AS_OF, lang: "zh-CN", index: { ...bookIndex(book), tiers: given, tiersGiven: true } });
    expect(opts.index!.tiers).toBe(given);
  });
});

describe("figures that read the tiers or the amounts", () => {
  test("segments: tier C is C3; C2 holds Fund CNY 7,100,000 (reason in the book currency)", () => {
    expect(filterClients(book, { tiers: ["C"] }, AS_OF, "en-US").map((m) => m.client.clientId)).toEqual(["C3"]);
    const [m] = filterClients(book, { assetClasses: ["Fund"] }, AS_OF, "en-US");
    expect(m.client.clientId).toBe("C2");
    expect(m.reason).toBe("Holds Fund 7,100,000");
  });

  test("Today: C3 (tier C, Semiannual) is not due on 2026-05-20; the USD maturity and premium in CNY", () => {
    const items = todayAgenda(book, AS_OF);
    expect(items.filter((i) => i.clientId === "C3" && i.reason === "review")).toEqual([]);
    const maturity = items.find((i) => i.reason === "maturity")!;
    expect(maturity.detail.amount).toBeCloseTo(7_100_000, 6);
    const premium = items.find((i) => i.reason === "premium")!;
    expect(premium.date).toBe("2026-05-20");
    expect(premium.detail.amount).toBeCloseTo(14_200, 6); // 2,000 × 7.10
  });

  test("suitability: C2's R3 fund above C2, amount CNY 7,100,000", () => {
    const p = bookSuitability(book, AS_OF).find((x) => x.reason === "above-risk")!;
    expect(p.holdingId).toBe("H2");
    expect(p.amount).toBeCloseTo(7_100_000, 6);
  });

  test("cover: USD 100,000 life cover is CNY 710,000", () => {
    const p = clientProtection(book, "C2", AS_OF);
    expect(p.ok && p.value.cover.life).toBeCloseTo(710_000, 6);
  });

  test("the .ics calendar: C3's review on 2026-08-20 (Semiannual), not 2026-05-20", () => {
    const reviews = calendarEvents(book, { asOf: AS_OF, lang: "en-US", months: 6 }).filter((e) => e.kind === "review" && e.clientId === "C3");
    expect(reviews.map((e) => e.date)).toEqual(["2026-08-20"]);
  });

  test("the contact calendar sheet: C3's next contact due 2026-08-20", () => {
    const spec = contactCalendar(book, { asOf: AS_OF, lang: "en-US" });
    const row = spec.cells[CALENDAR_FIRST_DATA_ROW - 1 + 2];
    expect(row[0]).toBe("C3");
    expect(row[CALENDAR_COLUMNS.nextDue - 1]).toBe(isoToSerial("2026-08-20"));
  });
});
