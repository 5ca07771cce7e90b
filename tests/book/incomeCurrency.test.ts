/**
 * A client's income in another currency (issue #16: "a currency on every amount-bearing row … and income where it
 * matters": a Taiwan or Hong Kong client paid in US dollars). The optional IncomeCurrency column, appended last to
 * Clients (blank = the book's currency, old books read as before); an income written with its currency fills it; the
 * income is converted at the rate on or before the as-of date (src/domain/fx.ts) wherever it is used — the DIME need,
 * the CI need, the premium ratio — and with no rate it is left out and listed, naming the currency and the date,
 * never counted 1:1: in the pane's list and on the CLI's stderr with the row errors (exit status 1).
 *
 * Worked by hand: a TWD book, rate USD 31.5 from 2026-05-01 (the latest on or before 2026-05-15); income USD 60,000
 * = TWD 1,890,000. DIME life need (docs/ARCHITECTURE.md) = debts + income × years of income (10 here) + children ×
 * education per child: with no debts and no children, 1,890,000 × 10 = 18,900,000.
 */
import { decodeBook } from "../../src/book/codec";
import { formatRowError } from "../../src/book/errors";
import { missingRateErrors } from "../../src/book/missingRates";
import type { RawTable, RawValue } from "../../src/book/raw";
import { TABLES } from "../../src/book/schema";
import { writeBook } from "../../src/book/write";
import { buildCommand } from "../../src/cli/commands/build";
import { valueBook } from "../../src/domain/fx";
import { clientProtection } from "../../src/domain/protection";
import { emptyBook, type Book } from "../../src/domain/types";
import { coverage } from "../../src/sheets/coverage";
import { addBookTables } from "../../src/xlsx/bookFile";
import { finishWorkbook, newWorkbook } from "../../src/xlsx";

const AS_OF = "2026-05-15";
const table = (headers: RawValue[], rows: RawValue[][]): RawTable => ({ headers, rows, headerRow: 1 });

function twBook(withRate = true): Book {
  const b = emptyBook({ language: "zh-TW", currency: "TWD", incomeYears: 10 });
  b.clients = [
    { clientId: "C1", name: "林志明", annualIncome: 60_000, incomeCurrency: "USD" },
    { clientId: "C2", name: "陳淑芬", annualIncome: 1_200_000 },
  ];
  b.rates = withRate ? [{ currency: "USD", rate: 31.5, date: "2026-05-01" }] : [];
  return b;
}

describe("reading IncomeCurrency", () => {
  const headers = ["客戶編號", "姓名", "年收入", "收入幣別"];
  test("appended last to Clients; optional", () => {
    const cols = TABLES.clients.columns;
    expect(cols[cols.length - 1]).toMatchObject({ field: "incomeCurrency", key: "IncomeCurrency", type: "code:currency" });
    expect(cols[cols.length - 1].headers).toEqual({ "zh-CN": "收入币种", "zh-TW": "收入幣別", "en-US": "Income Currency" });
    expect(cols[cols.length - 1].required).toBeFalsy();
  });

  test("a code or a name; an income written with its currency fills it; the book's own currency is blank", () => {
    // no Settings table: the default book currency, CNY
    const r = decodeBook({
      clients: table(headers, [
        ["C1", "林志明", 60000, "美元"],
        ["C2", "陳淑芬", "US$60,000", null],
        ["C3", "王大同", "1,200,000", "TWD"],
        ["C4", "李小華", 800000, null],
        ["C5", "張偉", 500000, "人民幣"],
      ]),
    });
    expect(r.errors).toEqual([]);
    expect(r.book.clients.map((c) => [c.clientId, c.annualIncome, c.incomeCurrency])).toEqual([
      ["C1", 60000, "USD"],
      ["C2", 60000, "USD"],
      ["C3", 1200000, "TWD"],
      ["C4", 800000, undefined],
      ["C5", 500000, undefined],
    ]);
  });

  test("an income written in one currency with another in IncomeCurrency is refused, naming both", () => {
    const r = decodeBook({ clients: table(headers, [["C1", "林志明", "HK$500,000", "USD"]]) });
    expect(r.errors.map((e) => [e.row, e.code, e.params])).toEqual([[2, "currencyConflict", { currency: "HKD", other: "USD" }]]);
  });

  test("a book without the column reads as before (income in the book's currency) and writes it back", () => {
    const r = decodeBook({ clients: table(["客户编号", "姓名", "年收入"], [["C1", "李建国", 300000]]) });
    expect(r.book.clients).toEqual([{ clientId: "C1", name: "李建国", annualIncome: 300000 }]);
    const w = writeBook(twBook(), "zh-TW");
    expect(w.clients.headers[w.clients.headers.length - 1]).toBe("收入幣別");
    expect(decodeBook({ clients: { ...w.clients, headerRow: 1 }, settings: { ...w.settings, headerRow: 1 } }).book.clients).toEqual(twBook().clients);
  });
});

describe("the income in the book currency", () => {
  test("USD 60,000 at 31.5 = TWD 1,890,000; the need and the premium ratio use it", () => {
    const v = valueBook(twBook(), AS_OF);
    expect(v.missing).toEqual([]);
    expect(v.book.clients[0]).toMatchObject({ annualIncome: 1_890_000, localIncome: 60_000, incomeRate: 31.5 });
    expect(v.book.clients[1]).toEqual(twBook().clients[1]);
    const p = clientProtection(twBook(), "C1", AS_OF);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.value.annualIncome).toBeCloseTo(1_890_000, 6);
    // no children, no debts: life need = 1,890,000 × 10 years = 18,900,000
    expect(p.value.need.life).toBeCloseTo(18_900_000, 4);
  });

  test("the coverage sheet's income column and its needs: TWD 1,890,000, not 60,000", () => {
    const spec = coverage(twBook(), { asOf: AS_OF, lang: "zh-TW" });
    const values = spec.cells.flat().map((v) => (v !== null && typeof v === "object" ? v.cached : v));
    expect(values).toContain(1_890_000);
    expect(values).toContain(18_900_000); // life need = 1,890,000 × 10
    expect(values).not.toContain(60_000);
  });

  test("no USD rate: the income is left out (not 60,000 TWD) and listed with the client's row, currency and date", () => {
    const v = valueBook(twBook(false), AS_OF);
    expect(v.missing).toEqual([{ table: "clients", index: 0, id: "C1", currency: "USD", date: AS_OF }]);
    expect(v.book.clients[0].annualIncome).toBeUndefined();
    const p = clientProtection(twBook(false), "C1", AS_OF);
    expect(p.ok && p.value.noIncome).toBe(true);
    const [e] = missingRateErrors(v.missing, {}, "zh-TW");
    expect([e.sheet, e.row, e.column]).toEqual(["客戶", 2, "收入幣別"]);
    expect(formatRowError(e, "en-US")).toContain("no USD rate dated on or before 2026-05-15");
  });

  test("clientbook build: the missing rate on stderr with the row errors, exit status 1", async () => {
    const f = await newWorkbook();
    addBookTables(f, twBook(false), "zh-TW");
    const bytes = await finishWorkbook(f);
    const r = await buildCommand({ book: { name: "tw.xlsx", bytes }, out: "out.xlsx", asOf: AS_OF });
    expect(r.exitCode).toBe(1);
    expect(r.errors).toEqual(["tw.xlsx:客戶:2: 收入幣別: no USD rate dated on or before 2026-05-15 to convert with; add one to the Rates table"]);
    const ok = await newWorkbook();
    addBookTables(ok, twBook(true), "zh-TW");
    const good = await buildCommand({ book: { name: "tw.xlsx", bytes: await finishWorkbook(ok) }, out: "out.xlsx", asOf: AS_OF });
    expect([good.exitCode, good.errors]).toEqual([0, []]);
  });
});
