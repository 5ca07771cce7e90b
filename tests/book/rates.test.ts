/**
 * The Rates table and the Currency columns (issue #16): read in any header language, names of currencies accepted,
 * blank = the book's currency (old books read as before), a rate not above 0 or repeated refused, and a row in
 * another currency without a rate on or before its valuation date refused with the currency and the date — never 1:1.
 */
import { decodeBook } from "../../src/book/codec";
import { formatRowError } from "../../src/book/errors";
import type { RawTable, RawValue } from "../../src/book/raw";
import { writeBook } from "../../src/book/write";
import { isoToSerial } from "../../src/domain/dates";

const table = (headers: RawValue[], rows: RawValue[][]): RawTable => ({ headers, rows, headerRow: 1 });
const clients = table(["客户编号", "姓名"], [["C1", "李建国"]]);
const holdingsHeaders = ["资产编号", "客户编号", "资产类别", "产品名称", "机构", "金额", "币种"];

describe("Rates table", () => {
  test("three header languages, currency names, dates; the book's currency cell blank", () => {
    const r = decodeBook({
      clients,
      rates: table(["幣別", "Rate", "日期"], [["美元", 7.1, "2025-01-02"], ["港幣", "0.91", isoToSerial("2025-01-02")], ["USD", 7.2, "2025/3/31"]]),
    });
    expect(r.errors).toEqual([]);
    expect(r.book.rates).toEqual([
      { currency: "USD", rate: 7.1, date: "2025-01-02" },
      { currency: "HKD", rate: 0.91, date: "2025-01-02" },
      { currency: "USD", rate: 7.2, date: "2025-03-31" },
    ]);
  });

  test("a rate of 0 or below, a currency twice on one date, an unknown currency: each refused with its row", () => {
    const r = decodeBook({ clients, rates: table(["Currency", "Rate", "Date"], [["USD", 0, "2025-01-02"], ["USD", 7, "2025-01-02"], ["USD", 7.1, "2025-01-02"], ["USB", 7, "2025-01-02"]]) });
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([[2, "badRate"], [4, "duplicateRate"], [5, "badCode"]]);
    expect(r.book.rates).toEqual([{ currency: "USD", rate: 7, date: "2025-01-02" }]);
    expect(formatRowError(r.errors[1], "en-US")).toBe('汇率, row 4, Date: USD already has a rate on "2025-01-02" (row 3)');
  });
});

describe("Currency columns", () => {
  const rates = table(["币种", "汇率", "日期"], [["USD", 7.2, "2025-03-31"]]);

  test("an old book without Currency columns or Rates reads as before: no currency on any row", () => {
    const r = decodeBook({ clients, holdings: table(holdingsHeaders.slice(0, 6), [["H1", "C1", "存款", "定期", "本行", "10万"]]) }, { asOf: "2025-06-30" });
    expect(r.errors).toEqual([]);
    expect(r.book.holdings[0]).toEqual({ holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "定期", institution: "ThisBank", amount: 100000 });
    expect(r.book.rates).toEqual([]);
  });

  test("a currency by name or code; the book's own currency stored as blank", () => {
    const r = decodeBook({
      clients, rates,
      holdings: table(holdingsHeaders, [["H1", "C1", "存款", "美元定期", "本行", 10000, "美元"], ["H2", "C1", "存款", "定期", "本行", 5, "人民币"]]),
    }, { asOf: "2025-06-30" });
    expect(r.errors).toEqual([]);
    expect(r.book.holdings.map((h) => h.currency)).toEqual(["USD", undefined]);
  });

  test("an amount written with its currency gives the row's currency; a different Currency cell is a conflict", () => {
    const r = decodeBook({
      clients, rates,
      holdings: table(holdingsHeaders, [["H1", "C1", "存款", "a", "本行", "US$1,200", ""], ["H2", "C1", "存款", "b", "本行", "USD 1,200", "港币"]]),
    }, { asOf: "2025-06-30" });
    expect(r.book.holdings).toEqual([expect.objectContaining({ holdingId: "H1", amount: 1200, currency: "USD" })]);
    expect(r.errors.map((e) => [e.row, e.column, e.code])).toEqual([[3, "金额", "currencyConflict"]]);
    expect(formatRowError(r.errors[0], "zh-CN")).toBe("「资产」第 3 行「金额」：“USD 1,200” 写明的币种 USD 与本行的币种 HKD 不一致");
  });

  test("no rate on or before the valuation date: the row is refused naming the currency and the date", () => {
    const r = decodeBook({
      clients, rates,
      holdings: table(holdingsHeaders, [["H1", "C1", "存款", "a", "本行", 1, "EUR"], ["H2", "C1", "存款", "b", "本行", 1, "USD"]]),
      reviews: table(["客户编号", "检视日期", "资产编号", "资产类别", "金额", "币种", "汇率"], [
        ["C1", "2025-01-31", "H2", "存款", 1, "USD", ""], // before the first USD rate
        ["C1", "2025-02-28", "H2", "存款", 1, "USD", 7.15], // its own rate: kept
        ["C1", "2025-04-30", "H2", "存款", 1, "USD", ""], // the 2025-03-31 rate
      ]),
    }, { asOf: "2025-06-30" });
    expect(r.errors.map((e) => [e.table, e.row, e.code, e.params])).toEqual([
      ["holdings", 2, "missingRate", { currency: "EUR", date: "2025-06-30" }],
      ["reviews", 2, "missingRate", { currency: "USD", date: "2025-01-31" }],
    ]);
    expect(formatRowError(r.errors[0], "en-US")).toBe("资产, row 2, 币种: no EUR rate dated on or before 2025-06-30 to convert with; add one to the Rates table");
    expect(formatRowError(r.errors[1], "zh-TW")).toContain("沒有 USD 在 2025-01-31 或之前的匯率");
    expect(r.book.reviews.map((x) => [x.reviewDate, x.rate])).toEqual([["2025-02-28", 7.15], ["2025-04-30", undefined]]);
  });

  test("import copies rows without checking rates (checkRates: false)", () => {
    const r = decodeBook({ clients, holdings: table(holdingsHeaders, [["H1", "C1", "存款", "a", "本行", 1, "EUR"]]) }, { asOf: "2025-06-30", checkRates: false });
    expect(r.errors).toEqual([]);
    expect(r.book.holdings[0].currency).toBe("EUR");
  });

  test("written back: codes in the Currency column, the Rates table in the book's language; read again the same", () => {
    const r = decodeBook({ clients, rates, holdings: table(holdingsHeaders, [["H1", "C1", "存款", "a", "本行", 10000, "美元"]]) }, { asOf: "2025-06-30" });
    const w = writeBook(r.book, "zh-TW");
    expect(w.rates.headers).toEqual(["幣別", "匯率", "日期"]);
    expect(w.rates.rows).toEqual([["USD", 7.2, isoToSerial("2025-03-31")]]);
    expect(w.holdings.rows[0][w.holdings.headers.indexOf("幣別")]).toBe("USD");
    const again = decodeBook({ clients, rates: w.rates, holdings: w.holdings } as never, { asOf: "2025-06-30" });
    expect(again.book.holdings).toEqual(r.book.holdings);
    expect(again.book.rates).toEqual(r.book.rates);
  });
});
