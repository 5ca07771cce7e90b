/**
 * RM.FX and the currency arguments of RM.ALLOCATION / RM.NETWORTH (issue 16), called as Excel calls them.
 *
 * Definitions (src/domain/currency.ts, the Rates table): a rate is units of the book currency for one unit of the
 * currency; the rate on a date is the latest one dated on or before it (Excel's approximate-match LOOKUP); the book
 * currency is 1; a missing rate is #N/A naming the currency and the date, never 1:1. from → to = amount × rate(from) ÷
 * rate(to) (from → book → to). Expected values are worked by hand in the comments.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/errors";
import { setFunctionsLanguage } from "../../src/functions/language";
import { isoToSerial } from "../../src/domain/dates";

const S = isoToSerial;
const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);

/** A CNY book's Rates table body: USD and HKD fixed on 2 Jan and 3 Mar 2025. */
const RATES: unknown[][] = [
  ["USD", 7.1, S("2025-01-02")],
  ["HKD", 0.91, S("2025-01-02")],
  ["USD", 7.2, S("2025-03-03")],
  ["HKD", 0.92, "2025-03-03"],
];
const MID_FEB = S("2025-02-15");

function thrown(f: () => unknown): FunctionError {
  let result: unknown;
  try {
    result = f();
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw new Error(`expected an Excel error, got a bare exception: ${String(e)}`);
  }
  throw new Error(`expected an Excel error, got ${JSON.stringify(result)}`);
}

function failsWith(f: () => unknown, code: string, message: string): void {
  const e = thrown(f);
  expect({ code: e.code, message: e.message }).toEqual({ code, message });
}

beforeEach(() => setFunctionsLanguage("en-US"));
afterAll(() => setFunctionsLanguage(undefined));

describe("RM.FX: worked examples", () => {
  test("USD 1,000 at 7.1 = 7,100 CNY (the rate of 2 Jan, the latest on or before 15 Feb)", () => {
    expect(F.FX(1000, "USD", "CNY", RATES, MID_FEB)).toBe(7100);
    expect(F.FX(1000, "美元", "人民币", RATES, "2025-02-15")).toBe(7100);
    expect(F.FX("1,000", "US$", "RMB", RATES, "2025/2/15")).toBe(7100);
  });

  test("a blank date takes the latest rate: USD 1,000 at 7.2 = 7,200 CNY", () => {
    expect(F.FX(1000, "USD", "CNY", RATES)).toBe(7200);
    expect(F.FX(1000, "USD", "CNY", RATES, null)).toBe(7200);
  });

  test("the rate's own date counts: on 3 Mar the 3 Mar rate applies, on 2 Mar the 2 Jan one", () => {
    expect(F.FX(1000, "USD", "CNY", RATES, S("2025-03-03"))).toBe(7200);
    expect(F.FX(1000, "USD", "CNY", RATES, S("2025-03-02"))).toBe(7100);
  });

  test("book → foreign divides: CNY 7,100 at 7.1 = USD 1,000", () => {
    expect(F.FX(7100, "CNY", "USD", RATES, MID_FEB)).toBe(1000);
    expect(F.FX(7100, "人民幣", "美金", RATES, MID_FEB)).toBe(1000);
  });

  test("cross HKD → USD through the book currency: 10,000 × 0.91 ÷ 7.1 = 9,100 ÷ 7.1 = 1,281.690140845…", () => {
    expect(F.FX(10000, "港币", "USD", RATES, MID_FEB)).toBeCloseTo(1281.69014084507, 9);
    expect(F.FX(10000, "港幣", "USD", RATES, MID_FEB)).toBe((10000 * 0.91) / 7.1);
    // and back: 1,000 USD = 7,100 CNY = 7,100 ÷ 0.91 = 7,802.197802… HKD
    expect(F.FX(1000, "USD", "HKD", RATES, MID_FEB)).toBeCloseTo(7802.197802197802, 9);
  });

  test("no rounding: full precision, the cell's format rounds (7.1234567 stays 7.1234567)", () => {
    expect(F.FX(1, "USD", "CNY", [["USD", 7.1234567, S("2025-01-02")]])).toBe(7.1234567);
    expect(F.FX(1, "CNY", "USD", [["USD", 7.1, S("2025-01-02")]])).toBe(1 / 7.1);
  });

  test("the same currency is the amount itself, rates or none; a blank amount is 0, as =B2*7.1 reads it", () => {
    expect(F.FX(5, "EUR", "欧元", RATES)).toBe(5);
    expect(F.FX(null, "USD", "CNY", RATES)).toBe(0);
    expect(F.FX(-200, "USD", "CNY", RATES, MID_FEB)).toBe(-1420);
  });

  test("the Rates table with its header row (币种 | 汇率 | 日期, Currency | Rate | Date) and blank rows", () => {
    expect(F.FX(1000, "USD", "CNY", [["币种", "汇率", "日期"], ...RATES, [null, null, null]], MID_FEB)).toBe(7100);
    expect(F.FX(1000, "USD", "CNY", [["Currency", "Rate", "Date"], ...RATES], MID_FEB)).toBe(7100);
    expect(F.FX(1000, "USD", "CNY", [["幣別", "匯率", "日期"], [null, "", null], ...RATES])).toBe(7200);
  });

  test("a blank from or to is the book currency, as a blank Currency cell is in the book's tables", () => {
    expect(F.FX(1000, "USD", null, RATES, MID_FEB)).toBe(7100);
    expect(F.FX(7100, "", "USD", RATES, MID_FEB)).toBe(1000);
    expect(F.FX(7100, "", "USD", RATES, MID_FEB, "CNY")).toBe(1000);
    expect(F.FX(5, null, "", RATES)).toBe(5);
    // The blank one is the book currency, so a named currency with no rows is a missing rate — never 1:1.
    failsWith(() => F.FX(1000, "", "EUR", RATES, MID_FEB), "#N/A", "no EUR rate (to the book currency) dated on or before 2025-02-15; add one to the Rates table");
    failsWith(() => F.FX(1000, "EUR", null, RATES), "#N/A", "rates has no EUR rate (to the book currency); add one to the Rates table");
    expect(F.FX(1000, "CNY", null, RATES, MID_FEB, "CNY")).toBe(1000);
  });

  test("book given: its rows may only be 1, and a currency with no rows is no longer taken for the book", () => {
    expect(F.FX(1000, "USD", "CNY", RATES, MID_FEB, "CNY")).toBe(7100);
    expect(F.FX(1000, "USD", "CNY", [["CNY", 1, S("2025-01-02")], ...RATES], MID_FEB, "CNY")).toBe(7100);
    // Without book, EUR (no rows) would be read as the book currency; with it, EUR needs a rate.
    expect(F.FX(1000, "USD", "EUR", RATES, MID_FEB)).toBe(7100);
    failsWith(() => F.FX(1000, "USD", "EUR", RATES, MID_FEB, "CNY"), "#N/A", "no EUR rate (to CNY) dated on or before 2025-02-15; add one to the Rates table");
  });
});

describe("RM.FX: errors", () => {
  test("a currency without a rate on or before the date is #N/A naming the currency and the date", () => {
    failsWith(() => F.FX(1000, "USD", "CNY", RATES, S("2024-12-31")), "#N/A", "no USD rate (to CNY) dated on or before 2024-12-31; add one to the Rates table");
    // Cross with the book unknown: the message says "the book currency".
    failsWith(() => F.FX(1000, "HKD", "USD", RATES, S("2025-01-01")), "#N/A", "no HKD rate (to the book currency) dated on or before 2025-01-01; add one to the Rates table");
    failsWith(() => F.FX(1, "EUR", "GBP", RATES), "#N/A", "rates has no EUR rate and no GBP rate: if one of them is the book currency, give it as book; add the other to the Rates table");
    failsWith(() => F.FX(1, "EUR", "CNY", RATES, undefined, "CNY"), "#N/A", "rates has no EUR rate (to CNY); add one to the Rates table");
  });

  test("bad arguments are #VALUE! naming them", () => {
    failsWith(() => F.FX(1, "XYZ", "CNY", RATES), "#VALUE!", 'from must be a currency: an ISO 4217 code (USD, HKD, CNY …) or its name (美元, 港币 …) (got "XYZ")');
    failsWith(() => F.FX(1, "USD", 7, RATES), "#VALUE!", "to must be a currency: an ISO 4217 code (USD, HKD, CNY …) or its name (美元, 港币 …) (got 7)");
    failsWith(() => F.FX("lots", "USD", "CNY", RATES), "#VALUE!", 'amount must be a number (got "lots")');
    failsWith(() => F.FX(1, "USD", "CNY", RATES, "soon"), "#VALUE!", 'date must be a date: a date cell, a date serial number or YYYY-MM-DD text (got "soon")');
  });

  test("a bad rates range names the row and the column", () => {
    failsWith(() => F.FX(1, "USD", "CNY", col("USD", "HKD")), "#VALUE!", "rates must be a range of three columns: currency, rate, date, as the Rates table (got 2 × 1)");
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", 7.1, S("2025-01-02")], ["HKD", -1, S("2025-01-02")]]), "#VALUE!", "rates row 2 (rate): -1 must be a number > 0 (book currency per 1 HKD)");
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", "7.1x", S("2025-01-02")]]), "#VALUE!", 'rates row 1 (rate): "7.1x" must be a number > 0 (book currency per 1 USD)');
    failsWith(() => F.FX(1, "USD", "CNY", [["Dollar", 7.1, S("2025-01-02")]]), "#VALUE!", 'rates row 1 (currency): "Dollar" is not a currency');
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", 7.1, null]]), "#VALUE!", "rates row 1 (date): is blank; each row needs a currency, a rate and a date");
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", 7.1, "next week"]]), "#VALUE!", 'rates row 1 (date) must be a date: a date cell, a date serial number or YYYY-MM-DD text (got "next week")');
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", new FunctionError("#N/A"), 1]]), "#VALUE!", "rates row 1 (rate) holds the error #N/A");
    failsWith(
      () => F.FX(1, "USD", "CNY", [["USD", 7.1, S("2025-01-02")], ["美元", 7.3, "2025-01-02"]]),
      "#VALUE!",
      "rates row 2 (date): USD already has a rate on 2025-01-02 (row 1)",
    );
    failsWith(
      () => F.FX(1, "USD", "CNY", [["CNY", 7.1, S("2025-01-02")]], undefined, "CNY"),
      "#VALUE!",
      "rates row 1 (rate): CNY is the book currency (book), so its rate must be 1 (got 7.1): are these rates quoted in another currency?",
    );
  });

  test("in 简体 and 繁體, arguments named as the Chinese metadata names them", () => {
    setFunctionsLanguage("zh-CN");
    failsWith(() => F.FX(1000, "USD", "CNY", RATES, S("2024-12-31")), "#N/A", "没有 USD 在 2024-12-31 或之前的汇率（折合 CNY），请在「汇率」表中补上");
    failsWith(() => F.FX(1, "XYZ", "CNY", RATES), "#VALUE!", '原币种 应为币种：ISO 4217 代码（USD、HKD、CNY …）或名称（美元、港币、人民币 …）（收到 "XYZ"）');
    failsWith(() => F.FX(1, "USD", "CNY", [["USD", 0, 1]]), "#VALUE!", "汇率表 第 1 行（汇率）：0 应为大于 0 的数（1 USD 折合多少本币）");
    setFunctionsLanguage("zh-TW");
    failsWith(() => F.FX(1, "EUR", "GBP", RATES), "#N/A", "匯率表 中既沒有 EUR 也沒有 GBP 的匯率：其中一個若是本幣，請在 本幣 中寫明；另一個請在「匯率」表中補上");
  });
});

describe("RM.FX: a rates range read before is reused only when it is the same cell for cell", () => {
  // src/functions/rates.ts keeps the last few ranges read (a column of formulas hands each call a copy of one table).
  const copy = (t: unknown[][]) => t.map((r) => r.slice());
  test("a changed rate, an added row or another book currency is read afresh", () => {
    expect(F.FX(1000, "USD", "CNY", copy(RATES), MID_FEB)).toBe(7100);
    const changed = copy(RATES);
    changed[0][1] = 7.3;
    expect(F.FX(1000, "USD", "CNY", changed, MID_FEB)).toBe(7300);
    expect(F.FX(1000, "USD", "CNY", [...copy(RATES), ["USD", 7.0, S("2025-02-14")]], MID_FEB)).toBe(7000);
    expect(F.FX(1000, "USD", "CNY", copy(RATES), MID_FEB)).toBe(7100);
    // A CNY row at 7: read as a cross rate without book (7.1 ÷ 7), refused with book CNY — the same cells, two readings.
    const withCny = [["CNY", 7, S("2025-01-02")], ...copy(RATES)];
    expect(F.FX(7000, "USD", "CNY", withCny, MID_FEB)).toBe((7000 * 7.1) / 7);
    expect(thrown(() => F.FX(7000, "USD", "CNY", copy(withCny), MID_FEB, "CNY")).code).toBe("#VALUE!");
    expect(F.FX(7000, "USD", "CNY", copy(withCny), MID_FEB)).toBe((7000 * 7.1) / 7);
  });
  test("a refused range is refused again, in the language of the moment", () => {
    const bad = [["USD", 0, S("2025-01-02")]];
    expect(thrown(() => F.FX(1, "USD", "CNY", copy(bad))).message).toBe("rates row 1 (rate): 0 must be a number > 0 (book currency per 1 USD)");
    setFunctionsLanguage("zh-TW");
    expect(thrown(() => F.FX(1, "USD", "CNY", copy(bad))).message).toBe("匯率表 第 1 列（匯率）：0 應為大於 0 的數（1 USD 折合多少本幣）");
  });
});

describe("RM.FX: properties", () => {
  const CCYS = ["USD", "HKD", "EUR", "JPY"];
  const day = fc.integer({ min: S("2024-01-01"), max: S("2025-12-31") });
  const rateRow = fc.tuple(fc.constantFrom(...CCYS), fc.double({ min: 0.01, max: 50, noNaN: true }), day);
  const table = fc.uniqueArray(rateRow, { minLength: 1, maxLength: 12, selector: ([c, , d]) => `${c}${d}` });

  /** The latest rate dated on or before `on`, by brute force (no sorting, no search). */
  function latest(rows: [string, number, number][], ccy: string, on: number): number | undefined {
    let best: [string, number, number] | undefined;
    for (const r of rows) if (r[0] === ccy && r[2] <= on && (best === undefined || r[2] > best[2])) best = r;
    return best?.[1];
  }

  test("foreign → book is amount × the latest rate on or before the date; a missing one is #N/A, never 1:1", () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...CCYS), day, fc.double({ min: -1e6, max: 1e6, noNaN: true }), (rows, ccy, on, amount) => {
        const expected = latest(rows, ccy, on);
        const call = () => F.FX(amount, ccy, "CNY", rows, on, "CNY");
        if (expected === undefined) expect(thrown(call).code).toBe("#N/A");
        else expect(call()).toBe(amount * expected);
      }),
    );
  });

  test("a cross rate is the same as going through the book currency, and there and back is the amount", () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...CCYS), fc.constantFrom(...CCYS), fc.double({ min: 1, max: 1e6, noNaN: true }), (rows, a, b, amount) => {
        const haveBoth = rows.some((r) => r[0] === a) && rows.some((r) => r[0] === b);
        fc.pre(haveBoth);
        const direct = F.FX(amount, a, b, rows, undefined, "CNY");
        const viaBook = F.FX(F.FX(amount, a, "CNY", rows, undefined, "CNY"), "CNY", b, rows, undefined, "CNY");
        expect(direct).toBeCloseTo(viaBook, 6);
        expect(F.FX(direct, b, a, rows, undefined, "CNY")).toBeCloseTo(amount, 6);
        // The book need not be known for a cross: the same figure without it.
        expect(F.FX(amount, a, b, rows)).toBe(direct);
      }),
    );
  });
});

describe("RM.ALLOCATION and RM.NETWORTH with a currency column", () => {
  // 存款 100,000 CNY (blank = the book's), 基金 10,000 USD × 7.1 = 71,000, 贷款 50,000 HKD × 0.91 = 45,500 (a liability).
  const classes = col("存款", "基金", "贷款");
  const amounts = col(100000, 10000, 50000);
  const currencies = col("", "USD", "港币");

  test("amounts are converted at the date's rates: assets 171,000, shares 100/171 and 71/171, net worth 125,500", () => {
    expect(F.ALLOCATION(classes, amounts, currencies, RATES, MID_FEB)).toEqual([
      ["存款", 100000, 100000 / 171000],
      ["基金", 71000, 71000 / 171000],
    ]);
    expect(F.NETWORTH(classes, amounts, currencies, RATES, MID_FEB)).toBe(171000 - 45500);
  });

  test("a blank date takes the latest rates: 基金 72,000, 贷款 46,000, net worth 126,000", () => {
    expect(F.NETWORTH(classes, amounts, currencies, RATES)).toBe(100000 + 72000 - 46000);
    expect(F.ALLOCATION(classes, amounts, currencies, RATES)[1]).toEqual(["基金", 72000, 72000 / 172000]);
  });

  test("old formulas read as before: no currency column, or an all-blank one, is the book currency", () => {
    // 100,000 + 10,000 − 50,000, all in the book currency.
    expect(F.NETWORTH(classes, amounts)).toBe(60000);
    expect(F.NETWORTH(classes, amounts, col("", null, ""), RATES)).toBe(60000);
    expect(F.ALLOCATION(classes, amounts, undefined, RATES)).toEqual(F.ALLOCATION(classes, amounts));
    // Excel passes an omitted optional argument as null (Microsoft, "Custom functions parameter options").
    expect(F.NETWORTH(classes, amounts, null as never, null as never, null, null)).toBe(60000);
    expect(F.FX(1000, "USD", "CNY", RATES, null, null)).toBe(7200);
  });

  test("the book currency written out needs book (else it could be a currency whose rate is missing)", () => {
    const written = col("CNY", "USD", "HKD");
    failsWith(
      () => F.NETWORTH(classes, amounts, written, RATES, MID_FEB),
      "#N/A",
      "currencies row 1: no CNY rate (to the book currency) dated on or before 2025-02-15; add one to the Rates table (if CNY is the book currency, leave the cell blank or give book)",
    );
    expect(F.NETWORTH(classes, amounts, written, RATES, MID_FEB, "人民币")).toBe(125500);
  });

  test("a currency with no rate is #N/A naming the row, the currency and the date — never counted 1:1", () => {
    failsWith(
      () => F.ALLOCATION(col("存款", "股票"), col(1, 2), col("", "EUR"), RATES, MID_FEB, "CNY"),
      "#N/A",
      "currencies row 2: no EUR rate (to CNY) dated on or before 2025-02-15; add one to the Rates table",
    );
    failsWith(() => F.NETWORTH(col("存款", "股票"), col(1, 2), col("", "USD")), "#N/A", "currencies row 2: rates has no USD rate (to the book currency); add one to the Rates table (if USD is the book currency, leave the cell blank or give book)");
    // A row with a currency but no amount is skipped as before; its currency is not looked up.
    expect(F.NETWORTH(col("存款", "股票"), col(1, null), col("", "EUR"), RATES)).toBe(1);
  });

  test("bad currency cells and ranges of another size are #VALUE! naming them", () => {
    failsWith(() => F.NETWORTH(classes, amounts, col("", "Dollar", ""), RATES), "#VALUE!", 'currencies row 2: "Dollar" is not a currency (an ISO code such as USD, or a name such as 美元, 港币)');
    failsWith(() => F.NETWORTH(classes, amounts, col("", "USD"), RATES), "#VALUE!", "classes has 3 cells but currencies has 2; they pair up cell by cell, so select ranges of the same size");
    failsWith(() => F.ALLOCATION(classes, amounts, col("", new FunctionError("#REF!"), ""), RATES), "#VALUE!", "currencies row 2 holds the error #REF!");
    failsWith(() => F.ALLOCATION(classes, amounts, currencies, RATES, "x"), "#VALUE!", 'date must be a date: a date cell, a date serial number or YYYY-MM-DD text (got "x")');
  });

  test("with a currency column, an amount written with its currency is read as the book reads it (US$10,000 = USD)", () => {
    // 存款 100,000 CNY + 基金 US$10,000 × 7.1 + 股票 HK$2万 × 0.91 = 100,000 + 71,000 + 18,200 = 189,200.
    const written = col(100000, "US$10,000", "HK$2万");
    expect(F.NETWORTH(col("存款", "基金", "股票"), written, col("", "", "HKD"), RATES, MID_FEB)).toBe(189200);
    expect(F.NETWORTH(col("存款", "基金"), col(1, "10,000 美元"), col("", "USD"), RATES, MID_FEB)).toBe(71001);
    failsWith(
      () => F.NETWORTH(col("存款", "基金"), col(1, "US$10,000"), col("", "HKD"), RATES, MID_FEB),
      "#VALUE!",
      "currencies row 2: HKD differs from the currency written with the amount on that row (USD)",
    );
    failsWith(() => F.NETWORTH(col("存款", "基金"), col(1, "US$abc"), col("", ""), RATES), "#VALUE!", 'amounts row 2: "US$abc" is not a number');
    failsWith(() => F.NETWORTH(col("存款", "基金"), col(1, "-US$3"), col("", ""), RATES), "#VALUE!", 'amounts row 2: "-3" must not be negative (enter a loan as its positive outstanding balance)');
    // Without a currency column the amounts are the book currency's, as before: such text is not a number.
    failsWith(() => F.NETWORTH(col("存款", "基金"), col(1, "US$10,000")), "#VALUE!", 'amounts row 2: "US$10,000" is not a number');
  });

  test("in 简体: the row and the argument as the Chinese metadata names them", () => {
    setFunctionsLanguage("zh-CN");
    failsWith(
      () => F.NETWORTH(col("存款", "股票"), col(1, 2), col("", "EUR"), RATES, MID_FEB),
      "#N/A",
      "币种 第 2 行：没有 EUR 在 2025-02-15 或之前的汇率（折合 本币），请在「汇率」表中补上（EUR 若是本币，请把该单元格留空或给出 本币）",
    );
  });

  test("property: the net worth with a currency column is Σ± amount × its rate", () => {
    const row = fc.record({
      cls: fc.constantFrom("存款", "基金", "贷款", "股票", "Mortgage"),
      amount: fc.integer({ min: 0, max: 1e7 }),
      ccy: fc.constantFrom("", "USD", "HKD", "美元", "港幣"),
    });
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 20 }), fc.constantFrom(undefined, MID_FEB), (rows, on) => {
        const rate = (c: string) => (c === "" ? 1 : /USD|美元/.test(c) ? (on ? 7.1 : 7.2) : on ? 0.91 : 0.92);
        const sign = (c: string) => (c === "贷款" || c === "Mortgage" ? -1 : 1);
        const expected = rows.reduce((s, r) => s + sign(r.cls) * r.amount * rate(r.ccy), 0);
        const got = F.NETWORTH(col(...rows.map((r) => r.cls)), col(...rows.map((r) => r.amount)), col(...rows.map((r) => r.ccy)), RATES, on);
        expect(got).toBeCloseTo(expected, 4);
      }),
    );
  });
});
