/**
 * The pane's valuation of a read (src/taskpane/model/valuation.ts): tiers in the book currency at today's rates, and
 * the rows the pane's read kept (it reads without an as-of date, so the codec refuses none for a missing rate) but no
 * rate converts — never counted 1:1 — listed as row errors on their sheet and Excel row (code missingRate: the
 * currency and the date) and named in a notice in three languages. (A review row is valued at its own date, so the
 * codec refuses it at any read.)
 *
 * Worked by hand in tests/fx-books.ts: USD 1,000,000 at 7.10 = CNY 7,100,000 ranks C2 first and C3 (CNY 400,000)
 * falls to tier C. Without the USD rates, the USD holding and policy (valued at the as-of date 2026-05-15) are left out.
 */
import { formatRowError } from "../../src/book/messages";
import { missingRateSummary } from "../../src/book/missingRates";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { missingRatesNotice, paneValuation } from "../../src/taskpane/model/valuation";
import type { FakeHost } from "../fake-excel";
import { installWithBook } from "../excel/helpers";
import { FX_AS_OF, threeClientBook } from "../fx-books";

const commands = paneCommands();
let host: FakeHost;
afterEach(() => host?.uninstall());

test("tiers of the read in the book currency: C2 first with CNY 7,100,000, C3 tier C; nothing left out", async () => {
  host = installWithBook(threeClientBook());
  const read = await commands.readBook();
  const v = paneValuation(read, FX_AS_OF);
  expect(v.tiers.get("C2")).toMatchObject({ tier: "A", rank: 1, assetsAtThisBank: 7_100_000 });
  expect(v.tiers.get("C3")).toMatchObject({ tier: "C", rank: 3 });
  expect(v.missing).toEqual([]);
  expect(v.errors).toEqual([]);
  expect(missingRatesNotice(v.missing, "zh-CN")).toBeUndefined();
});

test("without a USD rate: two rows listed with sheet, row, currency and date, left out of the tiers", async () => {
  const book = { ...threeClientBook(), rates: [] };
  host = installWithBook(book);
  const read = await commands.readBook();
  // the pane's read keeps the rows (no as-of date): they are in the book, in their own currency
  expect(read.book.holdings.map((h) => h.holdingId)).toEqual(["H1", "H2", "H3"]);
  const v = paneValuation(read, FX_AS_OF);
  expect(v.missing.map((m) => [m.table, m.id, m.currency, m.date])).toEqual([
    ["holdings", "H2", "USD", "2026-05-15"],
    ["policies", "P1", "USD", "2026-05-15"],
  ]);
  // Excel rows: header in row 1, H2 the 2nd holding (row 3), P1 the 1st policy (row 2)
  expect(v.errors.map((e) => [e.sheet, e.row, e.column, e.code, e.params])).toEqual([
    ["资产", 3, "币种", "missingRate", { currency: "USD", date: "2026-05-15" }],
    ["保单", 2, "币种", "missingRate", { currency: "USD", date: "2026-05-15" }],
  ]);
  // a review row is valued at its own date whatever the day shown: the codec refuses it at read (a row error)
  expect(read.errors.map((e) => [e.table, e.row, e.code, e.params])).toEqual([["reviews", 3, "missingRate", { currency: "USD", date: "2026-05-01" }]]);
  expect(formatRowError(v.errors[0], "en-US")).toContain("no USD rate dated on or before 2026-05-15");
  // never 1:1: C2's USD holding counts 0, not 1,000,000 (C1 5,000,000 first, C2 last)
  expect(v.tiers.get("C2")).toMatchObject({ assetsAtThisBank: 0, rank: 3 });
  expect(v.tiers.get("C1")).toMatchObject({ rank: 1 });
});

test("the notice names each currency and date with its rows, in three languages", () => {
  const missing = [
    { table: "holdings" as const, index: 1, id: "H2", currency: "USD", date: "2026-05-15" },
    { table: "policies" as const, index: 0, id: "P1", currency: "USD", date: "2026-05-15" },
    { table: "reviews" as const, index: 1, id: "H2", currency: "USD", date: "2026-05-01" },
    { table: "holdings" as const, index: 4, id: "H9", currency: "HKD", date: "2026-05-15" },
  ];
  expect(missingRateSummary(missing)).toEqual([
    { currency: "HKD", date: "2026-05-15", rows: 1 },
    { currency: "USD", date: "2026-05-01", rows: 1 },
    { currency: "USD", date: "2026-05-15", rows: 2 },
  ]);
  expect(missingRatesNotice(missing, "zh-CN")).toBe(
    "4 行金额未计入各项数字，没有汇率：HKD 2026/5/15 或之前（1 行）、USD 2026/5/1 或之前（1 行）、USD 2026/5/15 或之前（2 行）。请在「汇率」表中补上。",
  );
  expect(missingRatesNotice(missing, "zh-TW")).toBe(
    "4 列金額未計入各項數字，沒有匯率：HKD 2026/5/15 或之前（1 列）、USD 2026/5/1 或之前（1 列）、USD 2026/5/15 或之前（2 列）。請在「匯率」表中補上。",
  );
  expect(missingRatesNotice(missing, "en-US")).toBe(
    "4 rows left out of the figures, no rate for: HKD on or before 5/15/2026 (rows: 1), USD on or before 5/1/2026 (rows: 1), USD on or before 5/15/2026 (rows: 2). Add the rates to the Rates table.",
  );
});
