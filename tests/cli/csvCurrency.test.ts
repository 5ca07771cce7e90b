/**
 * CSV import of currencies (issue #16): a Currency column under its header in any of the three languages
 * (src/book/schema.ts: 币种 / 幣別 / Currency), currency names in Chinese (美元, 港幣) and codes, and amounts written
 * with their currency — "US$1,200", "USD 1,200", "HK$3,000", "NT$", "1,200美元" (src/domain/currency.ts
 * splitCurrency). A row whose amount names another currency than its Currency cell, or whose amount is not a number,
 * is rejected with its file, CSV line and column; every good row around it is imported.
 *
 * Rule (src/book/read.ts): an amount written with a currency sets the row's currency; a Currency cell that says
 * another is a conflict; a blank currency, or the book's own, is the book's currency (stored without a code, as old
 * books). Signs that name no one currency ($, ¥, 元) leave the row's currency alone.
 */
import { decodeBook } from "../../src/book/codec";
import { importCommand } from "../../src/cli/commands/import";
import { csvTable } from "../../src/cli/csv";
import type { Lang } from "../../src/domain/types";
import { readBookFile } from "../../src/cli/bookInput";

const AS_OF = "2025-06-30";
const input = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });

const CLIENTS: Record<Lang, string> = {
  "zh-CN": "客户编号,姓名\nC0001,张伟\nC0002,李娜\n",
  "zh-TW": "客戶編號,姓名\nC0001,張偉\nC0002,李娜\n",
  "en-US": "Client ID,Name\nC0001,Zhang Wei\nC0002,Li Na\n",
};
const HOLDINGS_HEAD: Record<Lang, string> = {
  "zh-CN": "资产编号,客户编号,资产类别,产品名称,机构,金额,币种",
  "zh-TW": "資產編號,客戶編號,資產類別,產品名稱,機構,金額,幣別",
  "en-US": "Holding ID,Client ID,Asset Class,Product Name,Institution,Amount,Currency",
};
const RATES: Record<Lang, string> = {
  "zh-CN": "币种,汇率,日期\nUSD,7.1,2025-06-01\nHKD,0.91,2025-06-01\n",
  "zh-TW": "幣別,匯率,日期\nUSD,31.5,2025-06-01\nHKD,4.02,2025-06-01\n",
  "en-US": "Currency,Rate,Date\nUSD,7.1,2025-06-01\nHKD,0.91,2025-06-01\n",
};

function read(lang: Lang, holdings: string) {
  const tables = {
    clients: csvTable(CLIENTS[lang], "clients.csv", "clients"),
    holdings: csvTable(`${HOLDINGS_HEAD[lang]}\n${holdings}`, "holdings.csv", "holdings"),
    rates: csvTable(RATES[lang], "rates.csv", "rates"),
  };
  return decodeBook(tables, { asOf: AS_OF });
}

describe("a Currency column in each header language, with codes and Chinese names", () => {
  test.each<[Lang, string, string]>([
    ["zh-CN", "Deposit", "美元"],
    ["zh-TW", "Deposit", "港幣"],
    ["en-US", "Deposit", "usd"],
  ])("%s: the Currency cell sets the row's currency; a blank one is the book's", (lang, cls, name) => {
    const { book, errors } = read(lang, `H1,C0001,${cls},Time deposit,ThisBank,"1,200",${name}\nH2,C0001,${cls},Current account,ThisBank,5000,\n`);
    expect(errors).toEqual([]);
    const want = name === "港幣" ? "HKD" : "USD";
    expect(book.holdings.map((h) => [h.holdingId, h.amount, h.currency])).toEqual([["H1", 1200, want], ["H2", 5000, undefined]]);
  });

  test("the book's own currency written out is stored as the book's (no code), as old books", () => {
    const cn = read("zh-CN", "H1,C0001,Deposit,活期,ThisBank,100,人民币\nH2,C0001,Deposit,活期,ThisBank,100,CNY\n");
    expect(cn.errors).toEqual([]);
    expect(cn.book.holdings.map((h) => h.currency)).toEqual([undefined, undefined]);
  });
});

describe("amounts written with their currency", () => {
  test.each<[string, number, string]>([
    ["US$1,200", 1200, "USD"],
    ["USD 1,200", 1200, "USD"],
    ["HK$3,000", 3000, "HKD"],
    ["1,200美元", 1200, "USD"],
    ["3,000 港币", 3000, "HKD"],
    ["5万美元", 50000, "USD"],
  ])("%s → %d %s (no Currency cell)", (amount, value, ccy) => {
    const { book, errors } = read("zh-CN", `H1,C0001,Deposit,定期,ThisBank,"${amount}",\n`);
    expect(errors).toEqual([]);
    expect(book.holdings[0]).toMatchObject({ amount: value, currency: ccy });
  });

  test("NT$ imported with zh-TW headers is the TWD book's own currency; in a CNY book it is TWD, which needs a rate", async () => {
    const result = await importCommand({
      files: { clients: input("in/clients.csv", CLIENTS["zh-TW"]), holdings: input("in/holdings.csv", `${HOLDINGS_HEAD["zh-TW"]}\nH1,C0001,Deposit,定存,ThisBank,"NT$12,000",\n`) },
      out: "book.xlsx",
      asOf: AS_OF,
    });
    expect(result.errors).toEqual([]);
    const back = await readBookFile(result.files[0].bytes, "book.xlsx", { asOf: AS_OF });
    expect(back.errors).toEqual([]);
    expect(back.book.settings.currency).toBe("TWD");
    expect(back.book.holdings[0]).toMatchObject({ amount: 12000 });
    expect(back.book.holdings[0].currency).toBeUndefined();
    // A CNY book (no Settings table): TWD has no rate in rates.csv — refused, naming the row, currency and date.
    const cn = read("zh-CN", `H1,C0001,Deposit,定存,ThisBank,"NT$12,000",\n`);
    expect(cn.errors.map((e) => [e.sheet, e.row, e.code, e.params?.currency, e.params?.date])).toEqual([["holdings.csv", 2, "missingRate", "TWD", AS_OF]]);
  });

  test("the amount's currency agreeing with the Currency cell is fine: US$1,200 with USD, 1,200美元 with 美元", () => {
    const { book, errors } = read("zh-CN", `H1,C0001,Deposit,定期,ThisBank,"US$1,200",USD\nH2,C0001,Deposit,定期,ThisBank,"1,200美元",美元\n`);
    expect(errors).toEqual([]);
    expect(book.holdings.map((h) => [h.amount, h.currency])).toEqual([[1200, "USD"], [1200, "USD"]]);
  });

  test("a generic sign ($, ¥) names no currency: the row's Currency cell decides", () => {
    const { book, errors } = read("en-US", `H1,C0001,Deposit,TD,ThisBank,"$1,200",HKD\nH2,C0001,Deposit,TD,ThisBank,"¥800",\n`);
    expect(errors).toEqual([]);
    expect(book.holdings.map((h) => [h.amount, h.currency])).toEqual([[1200, "HKD"], [800, undefined]]);
  });
});

describe("bad rows are named by file, line and column; good rows are never dropped", () => {
  const rows = [
    `H1,C0001,Deposit,定期,ThisBank,"US$1,200",USD`,
    `H2,C0001,Deposit,定期,ThisBank,"US$1,200",HKD`, // conflict: the amount says USD, the Currency cell HKD
    `H3,C0002,Deposit,定期,ThisBank,"HK$3,000",`,
    `H4,C0002,Deposit,定期,ThisBank,"US$1,2x0",`, // not a number
    `H5,C0002,Deposit,定期,ThisBank,800,`,
  ].join("\n");

  test("decodeBook: the conflicting and the malformed row are errors on CSV lines 3 and 5, column 金额; H1, H3, H5 are read", () => {
    const { book, errors } = read("zh-CN", rows + "\n");
    expect(errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ["holdings.csv", 3, "金额", "currencyConflict"],
      ["holdings.csv", 5, "金额", "badAmount"],
    ]);
    expect(errors[0].params).toMatchObject({ currency: "USD", other: "HKD" });
    expect(book.holdings.map((h) => [h.holdingId, h.amount, h.currency])).toEqual([["H1", 1200, "USD"], ["H3", 3000, "HKD"], ["H5", 800, undefined]]);
  });

  test("clientbook import: one stderr line per bad row ('file:line: column: reason'), exit 1; the written book holds every good row and the rates", async () => {
    const result = await importCommand({
      files: {
        clients: input("in/clients.csv", CLIENTS["zh-CN"]),
        holdings: input("in/holdings.csv", `${HOLDINGS_HEAD["zh-CN"]}\n${rows}\n`),
        rates: input("in/rates.csv", RATES["zh-CN"]),
      },
      out: "book.xlsx",
      asOf: AS_OF,
    });
    expect(result.exitCode).toBe(1);
    expect(result.errors).toEqual([
      'in/holdings.csv:3: 金额: "US$1,200" is in USD but the row\'s currency is HKD',
      'in/holdings.csv:5: 金额: "US$1,2x0" is not a valid amount (use e.g. 1,234.56 or $5,000)',
    ]);
    const back = await readBookFile(result.files[0].bytes, "book.xlsx", { asOf: AS_OF });
    expect(back.errors).toEqual([]);
    expect(back.book.holdings.map((h) => [h.holdingId, h.amount, h.currency])).toEqual([["H1", 1200, "USD"], ["H3", 3000, "HKD"], ["H5", 800, undefined]]);
    expect(back.book.rates).toEqual([{ currency: "USD", rate: 7.1, date: "2025-06-01" }, { currency: "HKD", rate: 0.91, date: "2025-06-01" }]);
  });
});
