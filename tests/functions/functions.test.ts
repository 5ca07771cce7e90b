import * as fs from "fs";
import * as path from "path";
/**
 * The RM.* functions called from Node as Excel calls them: serials in and out, ranges as 2-D arrays with blanks,
 * text and error values, omitted optional arguments. Every wrong argument must give #VALUE! naming it.
 */
import * as F from "../../src/functions/functions";
import { FunctionError, makeError } from "../../src/functions/errors";
import { functionsLanguage, setFunctionsLanguage } from "../../src/functions/language";
import { age } from "../../src/domain/birthdays";
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { functionsMetadata } from "./hfHarness";

const S = isoToSerial;
const iso = (serial: number): string => serialToIso(serial);
const col = (...xs: unknown[]): unknown[][] => xs.map((x) => [x]);
const NA = (): FunctionError => new FunctionError("#N/A", "lookup failed");
const REF = (): FunctionError => new FunctionError("#REF!");
const DIV0 = (): FunctionError => new FunctionError("#DIV/0!");

/** The Excel error a call throws; fails when it returns or throws anything else. */
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

/** #VALUE! whose message contains every fragment. */
function refused(f: () => unknown, ...fragments: string[]): string {
  const e = thrown(f);
  expect(e.code).toBe("#VALUE!");
  for (const frag of fragments) expect(e.message).toContain(frag);
  return e.message;
}

beforeEach(() => setFunctionsLanguage("en-US"));
afterEach(() => {
  jest.useRealTimers();
  setFunctionsLanguage(undefined);
});

/** Local 2025-03-15, mid-morning: today for the defaulted asOf. */
function freezeToday(): void {
  jest.useFakeTimers({ now: new Date(2025, 2, 15, 10, 30) });
}

// ---- the checks ----------------------------------------------------------------------------------------------

describe("the issue's checks", () => {
  test("Modified Dietz: BV 100,000, EV 125,000, +20,000 on day 20, −10,000 on day 60 of 90 ≈ 0.1337", () => {
    const start = S("2025-01-01");
    const r = F.MDIETZ(100000, 125000, col(20000, -10000), col(start + 20, start + 60), start, start + 90);
    expect(r).toBeCloseTo(0.1337, 4);
    expect(r).toBeCloseTo(15000 / (100000 + (20000 * 70) / 90 - (10000 * 30) / 90), 12);
  });
  test('NEXTREVIEW(31 Jan 2025, "月度") = 28 Feb 2025', () => {
    expect(F.NEXTREVIEW(S("2025-01-31"), "月度")).toBe(S("2025-02-28"));
    expect(S("2025-02-28")).toBe(45716);
  });
  test('MASK("13812345678") = "138****5678"', () => {
    expect(F.MASK("13812345678")).toBe("138****5678");
  });
});

// ---- ages and birthdays ------------------------------------------------------------------------------------------------

describe("AGE", () => {
  test("whole years, one older on the birthday", () => {
    expect(F.AGE(S("1990-05-01"), S("2025-04-30"))).toBe(34);
    expect(F.AGE(S("1990-05-01"), S("2025-05-01"))).toBe(35);
    expect(F.AGE(S("2025-05-01"), S("2025-05-01"))).toBe(0);
  });
  test("dates as ISO text and serials with a time of day", () => {
    expect(F.AGE("1990-05-01", "2025-05-01")).toBe(35);
    expect(F.AGE(S("1990-05-01") + 0.99, S("2025-04-30") + 0.5)).toBe(34);
  });
  test("serials on both sides of Excel's phantom 1900-02-29", () => {
    expect(F.AGE(1, 61)).toBe(0); // 1900-01-01 → 1900-03-01
    expect(F.AGE(1, S("1901-01-01"))).toBe(1);
    expect(F.AGE(59, S("1901-02-28"))).toBe(1); // born 1900-02-28
  });
  test("29 February birthdays follow the domain's rule", () => {
    expect(F.AGE(S("2000-02-29"), S("2025-02-28"))).toBe(age("2000-02-29", "2025-02-28"));
    expect(F.AGE(S("2000-02-29"), S("2025-03-01"))).toBe(25);
    expect(F.AGE(S("2000-02-29"), S("2028-02-29"))).toBe(28);
  });
  test("blank asOf is today (local date)", () => {
    freezeToday();
    expect(F.AGE(S("1990-03-15"))).toBe(35);
    expect(F.AGE(S("1990-03-16"), null)).toBe(34);
    expect(F.AGE(S("1990-03-16"), "")).toBe(34);
    expect(F.AGE(S("1990-03-16"), "  ")).toBe(34);
  });
  test("date text is read as the book reads it; numbers written as text are not dates (300% was 1900-01-03)", () => {
    expect(F.AGE("1990/3/15", "2025年3月15日")).toBe(35);
    expect(F.AGE("19900315", "2025-03-15")).toBe(35);
    for (const text of ["300%", "1万", "50万", "45000", "1,234"]) {
      refused(() => F.AGE(text, S("2025-01-01")), "birthDate must be a date", `"${text}"`);
      refused(() => F.HOLDINGMONTHS(S("2024-01-01"), text), "asOf must be a date", `"${text}"`);
    }
    refused(() => F.MDIETZ(1, 2, col(5), col("50万"), S("2025-01-01"), S("2025-04-01")), "flowDates row 1 must be a date");
  });
  test("bad birthDate", () => {
    refused(() => F.AGE("abc"), "birthDate must be a date", '"abc"');
    refused(() => F.AGE(null, S("2025-01-01")), "birthDate is required");
    refused(() => F.AGE(""), "birthDate is required");
    refused(() => F.AGE(60, S("2025-01-01")), "birthDate", "1900-02-29");
    refused(() => F.AGE(0, S("2025-01-01")), "birthDate must be a date serial from 1", "got 0");
    refused(() => F.AGE(3e6, S("2025-01-01")), "birthDate", "9999-12-31");
    refused(() => F.AGE(true, S("2025-01-01")), "birthDate must be a date", "got true");
    refused(() => F.AGE("1990-02-30", S("2025-01-01")), "birthDate must be a date");
    refused(() => F.AGE(S("2030-01-01"), S("2025-01-01")), "birthDate (2030-01-01) is after asOf (2025-01-01)");
  });
  test("bad asOf", () => {
    refused(() => F.AGE(S("1990-05-01"), "soon"), "asOf must be a date", '"soon"');
    refused(() => F.AGE(S("1990-05-01"), -3), "asOf must be a date serial", "got -3");
    refused(() => F.AGE(S("1990-05-01"), false), "asOf must be a date");
  });
  test("an error value passed in is passed on; #REF!/#NAME? (not allowed as results) become #VALUE!", () => {
    expect(thrown(() => F.AGE(NA())).code).toBe("#N/A");
    expect(thrown(() => F.AGE(NA())).message).toBe("lookup failed");
    expect(thrown(() => F.AGE(S("1990-01-01"), DIV0())).code).toBe("#DIV/0!");
    refused(() => F.AGE(REF()), "birthDate holds the error #REF!");
    refused(() => F.AGE(S("1990-01-01"), { code: "#NAME?" }), "asOf holds the error #NAME?");
  });
});

describe("NEXTBIRTHDAY", () => {
  test("this year's, today's, or next year's", () => {
    expect(iso(F.NEXTBIRTHDAY(S("1987-03-05"), S("2025-02-28")))).toBe("2025-03-05");
    expect(iso(F.NEXTBIRTHDAY(S("1987-03-05"), S("2025-03-05")))).toBe("2025-03-05");
    expect(iso(F.NEXTBIRTHDAY(S("1987-03-05"), S("2025-03-06")))).toBe("2026-03-05");
    expect(iso(F.NEXTBIRTHDAY(S("1987-12-31"), S("2025-12-31")))).toBe("2025-12-31");
    expect(iso(F.NEXTBIRTHDAY(S("1987-01-01"), S("2025-12-31")))).toBe("2026-01-01");
  });
  test("29 February falls on 28 February in common years", () => {
    expect(iso(F.NEXTBIRTHDAY(S("1992-02-29"), S("2025-02-01")))).toBe("2025-02-28");
    expect(iso(F.NEXTBIRTHDAY(S("1992-02-29"), S("2025-03-01")))).toBe("2026-02-28");
    expect(iso(F.NEXTBIRTHDAY(S("1992-02-29"), S("2027-03-01")))).toBe("2028-02-29");
    expect(iso(F.NEXTBIRTHDAY(S("1992-02-29"), S("2100-01-01")))).toBe("2100-02-28");
  });
  test("before the birth date, the birth date itself", () => {
    expect(iso(F.NEXTBIRTHDAY(S("2026-01-10"), S("2025-06-01")))).toBe("2026-01-10");
  });
  test("blank asOf is today", () => {
    freezeToday();
    expect(iso(F.NEXTBIRTHDAY(S("1980-03-15")))).toBe("2025-03-15");
    expect(iso(F.NEXTBIRTHDAY(S("1980-03-14"), ""))).toBe("2026-03-14");
  });
  test("bad birthDate and asOf; no date after 9999-12-31", () => {
    refused(() => F.NEXTBIRTHDAY("1.5.1990", S("2025-01-01")), "birthDate must be a date");
    refused(() => F.NEXTBIRTHDAY(undefined), "birthDate is required");
    refused(() => F.NEXTBIRTHDAY(S("1990-01-01"), "today"), "asOf must be a date");
    refused(() => F.NEXTBIRTHDAY(S("1990-01-01"), S("9999-06-01")), "nextBirthday falls after 9999-12-31");
    expect(iso(F.NEXTBIRTHDAY(S("1990-07-01"), S("9999-06-01")))).toBe("9999-07-01");
  });
});

describe("HOLDINGMONTHS", () => {
  test("whole months, month-end clamped", () => {
    expect(F.HOLDINGMONTHS(S("2024-01-31"), S("2024-02-29"))).toBe(1);
    expect(F.HOLDINGMONTHS(S("2024-01-31"), S("2024-02-28"))).toBe(0);
    expect(F.HOLDINGMONTHS(S("2025-01-15"), S("2025-04-14"))).toBe(2);
    expect(F.HOLDINGMONTHS(S("2025-01-15"), S("2025-04-15"))).toBe(3);
    expect(F.HOLDINGMONTHS(S("2020-06-30"), S("2025-06-30"))).toBe(60);
  });
  test("a start after asOf counts as 0", () => {
    expect(F.HOLDINGMONTHS(S("2025-06-01"), S("2025-01-01"))).toBe(0);
  });
  test("blank asOf is today", () => {
    freezeToday();
    expect(F.HOLDINGMONTHS(S("2024-03-15"))).toBe(12);
    expect(F.HOLDINGMONTHS(S("2024-03-16"), null)).toBe(11);
  });
  test("bad startDate and asOf", () => {
    refused(() => F.HOLDINGMONTHS("", S("2025-01-01")), "startDate is required");
    refused(() => F.HOLDINGMONTHS("last year", S("2025-01-01")), "startDate must be a date");
    refused(() => F.HOLDINGMONTHS(S("2024-01-01"), "now"), "asOf must be a date");
    expect(thrown(() => F.HOLDINGMONTHS(S("2024-01-01"), NA())).code).toBe("#N/A");
  });
});

// ---- allocation and net worth ------------------------------------------------------------------------------------------

describe("ALLOCATION", () => {
  const classes = col("存款", "基金", "", "贷款", "Deposit", null, "理財", "黄金", "貸款", "Loan", "Fund");
  const amounts = col(100000, 300000, "", 500000, "50,000", null, "20万", 30000, 1000, 2000, 100000);

  test("class, amount and share, largest first; languages grouped; gold is 其他; loans and blanks left out", () => {
    const rows = F.ALLOCATION(classes, amounts);
    expect(rows).toEqual([
      ["基金", 400000, expect.any(Number)],
      ["理財", 200000, expect.any(Number)],
      ["存款", 150000, expect.any(Number)],
      ["黄金", 30000, expect.any(Number)],
    ]);
    const total = 780000;
    for (const [, amount, share] of rows as [string, number, number][]) expect(share).toBeCloseTo(amount / total, 12);
    expect((rows as number[][]).reduce((s, r) => s + r[2], 0)).toBeCloseTo(1, 12);
  });
  test("ties keep the order first typed; spellings of one class are grouped ignoring case and spaces", () => {
    expect(F.ALLOCATION(col("Gold", "Stock", "gold ", "其他"), col(50, 150, 50, 50))).toEqual([
      ["Gold", 150, 0.5],
      ["Stock", 150, 0.5],
    ]);
  });
  test("loans and debts under their usual names are liabilities, never assets (zh-CN, zh-TW, en-US)", () => {
    const debts = ["信用卡", "credit card", "Mortgage loan", "房屋贷款", "车贷", "消费贷", "借款", "透支", "按揭", "房貸", "車貸", "貸款", "卡債",
      "Car loan", "Overdraft", "Personal loan", "Credit Card"];
    expect(F.ALLOCATION(col("存款", ...debts), col(100, ...debts.map(() => 10)))).toEqual([["存款", 100, 1]]);
  });
  test("a class that is no known asset class or debt is #VALUE! naming the cell and the text", () => {
    // Before: "Art" was its own asset class, and a debt under an unknown name silently counted as an asset.
    refused(() => F.ALLOCATION(col("存款", "Art"), col(1, 2)), 'classes row 2: "Art" is not a known asset class or debt');
    refused(() => F.NETWORTH(col("存款", "白条"), col(100, 10)), 'classes row 2: "白条" is not a known asset class or debt');
    setFunctionsLanguage("zh-CN");
    refused(() => F.NETWORTH(col("存款", "白条"), col(100, 10)), '第 2 行："白条" 不是已知的资产类别或负债');
    setFunctionsLanguage("en-US");
  });
  test("a range that runs across works like a column", () => {
    expect(F.ALLOCATION([["存款", "股票"]], [[300, 100]])).toEqual([
      ["存款", 300, 0.75],
      ["股票", 100, 0.25],
    ]);
  });
  test("a class with no amount is skipped", () => {
    expect(F.ALLOCATION(col("存款", "基金"), col(100, ""))).toEqual([["存款", 100, 1]]);
  });
  test("nothing to allocate is #N/A with a message", () => {
    const e = thrown(() => F.ALLOCATION(col("贷款", "", null), col(100, "", null)));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("no assets to allocate");
  });
  test("bad amounts name the row", () => {
    refused(() => F.ALLOCATION(col("存款", "基金", "股票"), col(1, 2, "12abc")), 'amounts row 3: "12abc" is not a number');
    refused(() => F.ALLOCATION(col("存款", "基金"), col(1, -2)), "amounts row 2: -2 must not be negative", "loan");
    refused(() => F.ALLOCATION(col("存款", "基金"), col(DIV0(), 2)), "amounts row 1 holds the error #DIV/0!");
    refused(() => F.ALLOCATION(col("存款"), col(true)), "amounts row 1: true is not a number");
    refused(() => F.ALLOCATION([["存款", "基金"]], [[1, "x"]]), 'amounts column 2: "x" is not a number');
  });
  test("bad classes name the row", () => {
    refused(() => F.ALLOCATION(col("存款", ""), col(1, 2)), "classes row 2 is blank but amounts holds 2");
    refused(() => F.ALLOCATION(col(NA(), "基金"), col(1, 2)), "classes row 1 holds the error #N/A");
    refused(() => F.ALLOCATION(col("存款", false), col(1, 2)), "classes row 2: false is not an asset class");
  });
  test("ranges must pair up and be one column or row", () => {
    refused(() => F.ALLOCATION(col("存款", "基金"), col(1, 2, 3)), "classes has 2 cells but amounts has 3");
    refused(() => F.ALLOCATION([["存款", "基金"], ["股票", "债券"]], [[1, 2], [3, 4]]), "classes must be a single column or a single row", "2 rows × 2 columns");
    refused(() => F.ALLOCATION(col("存款"), [[1, 2], [3, 4]]), "amounts must be a single column or a single row");
  });
  test("messages in Chinese", () => {
    setFunctionsLanguage("zh-CN");
    refused(() => F.ALLOCATION(col("存款", "基金", "股票"), col(1, 2, "12abc")), '金额 第 3 行："12abc" 不是数字');
    setFunctionsLanguage("zh-TW");
    refused(() => F.ALLOCATION(col("存款", "基金", "股票"), col(1, 2, "12abc")), '金額 第 3 列："12abc" 不是數字');
  });
});

describe("NETWORTH", () => {
  test("the issue's example: 100 of deposits less seven debts of 10 under their common names is 30 (it was 170)", () => {
    // 100 − 7 × 10 = 30: 信用卡, credit card, Mortgage loan, 房屋贷款, 车贷, 消费贷, 借款 are all debts.
    const classes = [["存款"], ["信用卡"], ["credit card"], ["Mortgage loan"], ["房屋贷款"], ["车贷"], ["消费贷"], ["借款"]];
    expect(F.NETWORTH(classes, [[100], [10], [10], [10], [10], [10], [10], [10]])).toBe(30);
  });
  test("assets minus loans in any language", () => {
    expect(F.NETWORTH(col("存款", "基金", "贷款", "貸款", "Loan", "房贷", ""), col(100000, 50000, 30000, 1000, 2000, 7000, ""))).toBe(110000);
    expect(F.NETWORTH(col("贷款"), col(5000))).toBe(-5000);
  });
  test("an all-blank range is 0", () => {
    expect(F.NETWORTH(col("", null), col(null, ""))).toBe(0);
  });
  test("a result too large for a number is #NUM!, as Excel's =1E308*10, not Infinity", () => {
    expect(thrown(() => F.NETWORTH(col("存款", "基金"), col(1e308, 1e308))).code).toBe("#NUM!");
    expect(thrown(() => F.ALLOCATION(col("存款", "基金"), col(1e308, 1e308))).code).toBe("#NUM!");
    expect(thrown(() => F.PROTECTIONNEED(1e308, 10)).code).toBe("#NUM!");
    expect(thrown(() => F.HLV(1e308, 100, 0, 0, 1)).code).toBe("#NUM!");
  });
  test("bad classes and amounts", () => {
    refused(() => F.NETWORTH(col("存款", "基金"), col(1, "abc")), 'amounts row 2: "abc" is not a number');
    refused(() => F.NETWORTH(col(REF(), "基金"), col(1, 2)), "classes row 1 holds the error #REF!");
    refused(() => F.NETWORTH(col("存款"), col(1, 2)), "classes has 1 cell but amounts has 2");
  });
});

// ---- returns ---------------------------------------------------------------------------------------------------------

describe("LINKRETURNS", () => {
  test("links period returns geometrically: ∏(1 + rₖ) − 1 (GIPS / CFA Institute time-weighted return)", () => {
    // 1.10 × 0.95 × 1.02 − 1 = 6.59 % (the sum would say 7 %)
    expect(F.LINKRETURNS(col(0.1, -0.05, 0.02))).toBeCloseTo(0.0659, 12);
    // percentages as text, a row, blank cells skipped
    expect(F.LINKRETURNS([["10%", "", -0.05, null, "2%"]])).toBeCloseTo(0.0659, 12);
    expect(F.LINKRETURNS(col(0.0123))).toBeCloseTo(0.0123, 15);
  });
  test("with dates a year or more apart: annualised (1 + R)^(365/days) − 1", () => {
    // 21 % over 2023-01-01 → 2025-01-01 = 731 days: 1.21^(365/731) − 1 = e^(0.499316 × 0.190620) − 1 = e^0.095179 − 1 = 9.9857 %
    expect(F.LINKRETURNS(col(0.1, 0.1), "2023-01-01", "2025-01-01")).toBeCloseTo(Math.pow(1.21, 365 / 731) - 1, 12);
    expect(F.LINKRETURNS(col(0.1, 0.1), S("2023-01-01"), S("2025-01-01"))).toBeCloseTo(0.099857, 5);
    // exactly 365 days: the cumulative return itself
    expect(F.LINKRETURNS(col(0.05), "2025-01-01", "2026-01-01")).toBeCloseTo(0.05, 12);
  });
  test("refused: a part year (GIPS), one date without the other, a return below −100 %, nothing to link", () => {
    refused(() => F.LINKRETURNS(col(0.05), "2025-01-01", "2025-12-31"), "endDate (2025-12-31) is only 364 days after startDate (2025-01-01)", "not annualised");
    refused(() => F.LINKRETURNS(col(0.05), "2025-01-01"), "startDate is given but endDate is not");
    refused(() => F.LINKRETURNS(col(0.05), "", "2025-01-01"), "endDate is given but startDate is not");
    refused(() => F.LINKRETURNS(col(0.05), "2026-01-01", "2025-01-01"), "startDate (2026-01-01) is after endDate (2025-01-01)");
    refused(() => F.LINKRETURNS(col(0.1, -1.5)), "returns row 2: -1.5 is below −100 %");
    refused(() => F.LINKRETURNS(col(0.1, "abc")), 'returns row 2: "abc" is not a number');
    refused(() => F.LINKRETURNS(col(0.1, NA())), "returns row 2 holds the error #N/A");
    expect(thrown(() => F.LINKRETURNS(col("", null))).code).toBe("#N/A");
    expect(thrown(() => F.LINKRETURNS(col(1e308, 1e308))).code).toBe("#NUM!");
  });
});

describe("MDIETZ", () => {
  const start = S("2025-01-01");
  const end = start + 90;

  test("no flows: the simple change", () => {
    expect(F.MDIETZ(100000, 110000, col(""), col(""), start, end)).toBeCloseTo(0.1, 12);
    expect(F.MDIETZ(100000, 95000, col(null, ""), col("", null), start, end)).toBeCloseTo(-0.05, 12);
  });
  test("blank rows between flows are skipped; ISO text dates are read", () => {
    const r = F.MDIETZ(100000, 125000, col(20000, "", -10000), col("2025-01-21", "", "2025-03-02"), "2025-01-01", "2025-04-01");
    expect(r).toBeCloseTo(0.13366, 5);
  });
  test("a flow on the first day counts in full, one on the last day not at all", () => {
    expect(F.MDIETZ(100, 230, col(100), col(start), start, end)).toBeCloseTo(30 / 200, 12);
    expect(F.MDIETZ(100, 230, col(100), col(end), start, end)).toBeCloseTo(30 / 100, 12);
  });
  test("bad beginValue and endValue", () => {
    refused(() => F.MDIETZ("abc", 1, col(""), col(""), start, end), 'beginValue must be a number (got "abc")');
    refused(() => F.MDIETZ(-1, 1, col(""), col(""), start, end), "beginValue must not be negative");
    refused(() => F.MDIETZ(1, "", col(""), col(""), start, end), "endValue is required");
    refused(() => F.MDIETZ(1, -5, col(""), col(""), start, end), "endValue must not be negative");
  });
  test("bad flows name the row", () => {
    refused(() => F.MDIETZ(1, 2, col(5, "x"), col(start + 1, start + 2), start, end), 'flowAmounts row 2: "x" is not a number');
    refused(() => F.MDIETZ(1, 2, col(5, 6), col(start + 1, "x"), start, end), "flowDates row 2 must be a date");
    refused(() => F.MDIETZ(1, 2, col(5, 6), col(start + 1, end + 1), start, end), "flowDates row 2: 2025-04-02 is outside the period 2025-01-01 to 2025-04-01");
    refused(() => F.MDIETZ(1, 2, col(5, 6), col(start + 1, ""), start, end), "flowDates row 2 is blank but flowAmounts has a value");
    refused(() => F.MDIETZ(1, 2, col(5, ""), col(start + 1, start + 2), start, end), "flowAmounts row 2 is blank but flowDates has a value");
    refused(() => F.MDIETZ(1, 2, col(5, 6), col(start + 1), start, end), "flowAmounts has 2 cells but flowDates has 1");
    refused(() => F.MDIETZ(1, 2, col(NA()), col(start + 1), start, end), "flowAmounts row 1 holds the error #N/A");
    refused(() => F.MDIETZ(1, 2, col(5), col(DIV0()), start, end), "flowDates row 1 holds the error #DIV/0!");
  });
  test("bad startDate and endDate", () => {
    refused(() => F.MDIETZ(1, 2, col(""), col(""), "Jan", end), "startDate must be a date");
    refused(() => F.MDIETZ(1, 2, col(""), col(""), start, null), "endDate is required");
    refused(() => F.MDIETZ(1, 2, col(""), col(""), end, start), "endDate (2025-01-01) is before startDate (2025-04-01)");
    refused(() => F.MDIETZ(1, 2, col(""), col(""), start, start), "0 days long");
  });
  test("no capital invested is refused, not a wrong number", () => {
    refused(() => F.MDIETZ(0, 10, col(""), col(""), start, end), "average capital");
  });
});

// ---- reviews ---------------------------------------------------------------------------------------------------------

describe("NEXTREVIEW", () => {
  test.each([
    ["2025-01-31", "月度", "2025-02-28"],
    ["2024-01-31", "monthly", "2024-02-29"],
    ["2025-01-31", "季度", "2025-04-30"],
    ["2025-08-31", "Quarterly", "2025-11-30"],
    ["2023-11-30", 3, "2024-02-29"],
    ["2025-03-31", "半年", "2025-09-30"],
    ["2025-03-31", "半年度", "2025-09-30"],
    ["2025-03-31", "semiannual", "2025-09-30"],
    ["2024-02-29", "年度", "2025-02-28"],
    ["2024-02-29", "ANNUAL", "2025-02-28"],
    ["2025-05-15", "2", "2025-07-15"],
    ["2025-05-15", " 季度 ", "2025-08-15"],
  ])("%s + %s = %s", (last, cadence, due) => {
    expect(iso(F.NEXTREVIEW(S(last), cadence))).toBe(due);
  });
  test("bad lastDate", () => {
    refused(() => F.NEXTREVIEW("", "月度"), "lastDate is required");
    refused(() => F.NEXTREVIEW("2025-02-30", "月度"), "lastDate must be a date");
    refused(() => F.NEXTREVIEW(S("9999-12-15"), "月度"), "nextReview falls after 9999-12-31");
  });
  test("bad cadence", () => {
    refused(() => F.NEXTREVIEW(S("2025-01-31"), "weekly"), 'cadence must be 月度/季度/半年/年度', '"weekly"');
    refused(() => F.NEXTREVIEW(S("2025-01-31"), 0), "cadence must be", "got 0");
    refused(() => F.NEXTREVIEW(S("2025-01-31"), 1.5), "cadence must be", "got 1.5");
    refused(() => F.NEXTREVIEW(S("2025-01-31"), ""), "cadence must be", "got blank");
    expect(thrown(() => F.NEXTREVIEW(S("2025-01-31"), NA())).code).toBe("#N/A");
  });
  test("cadence message in 繁體", () => {
    setFunctionsLanguage("zh-TW");
    refused(() => F.NEXTREVIEW(S("2025-01-31"), "weekly"), "檢視頻率 應為");
  });
});

describe("DAYSDUE", () => {
  test("days until due, negative when overdue, 0 on the day", () => {
    expect(F.DAYSDUE(S("2025-01-31"), "月度", S("2025-02-20"))).toBe(8);
    expect(F.DAYSDUE(S("2025-01-31"), "季度", S("2025-05-01"))).toBe(-1);
    expect(F.DAYSDUE(S("2025-01-31"), "季度", S("2025-04-30"))).toBe(0);
  });
  test("blank asOf is today", () => {
    freezeToday();
    expect(F.DAYSDUE(S("2025-02-15"), 1)).toBe(0);
    expect(F.DAYSDUE(S("2025-01-15"), "月度", "")).toBe(-28);
  });
  test("bad lastDate, cadence and asOf", () => {
    refused(() => F.DAYSDUE("x", "月度", S("2025-01-01")), "lastDate must be a date");
    refused(() => F.DAYSDUE(S("2025-01-01"), "fortnightly", S("2025-01-01")), "cadence must be");
    refused(() => F.DAYSDUE(S("2025-01-01"), "月度", "x"), "asOf must be a date");
    refused(() => F.DAYSDUE(S("9999-12-01"), 1, S("2025-01-01")), "nextReview falls after 9999-12-31");
    // A last review dated after asOf (a typo for 2025) must not show a review 27 years away and hide an overdue one.
    refused(() => F.DAYSDUE(S("2052-01-10"), "季度", S("2025-05-01")), "lastDate (2052-01-10) is after asOf (2025-05-01)");
  });
});

// ---- suitability -----------------------------------------------------------------------------------------------------

describe("SUITABLE", () => {
  test("levels: the product's ≤ the client's", () => {
    expect(F.SUITABLE("C3", "R3")).toBe(true);
    expect(F.SUITABLE("C3", "R2")).toBe(true);
    expect(F.SUITABLE("C2", "R3")).toBe(false);
    expect(F.SUITABLE(5, 5)).toBe(true);
    expect(F.SUITABLE("1", "r2")).toBe(false);
  });
  test.each([
    ["保守", 1], ["稳健型", 2], ["穩健", 2], ["平衡型", 3], ["成长", 4], ["成長型", 4], ["进取", 5], ["進取型", 5],
  ])("client risk %s is level %i", (word, level) => {
    expect(F.SUITABLE(word, `R${level}`)).toBe(true);
    if (level < 5) expect(F.SUITABLE(word, `R${level + 1}`)).toBe(false);
  });
  // The same rule as the Today page and the sheets (src/domain/suitability.ts assessmentExpiry): reassess after
  // "超过一年未进行风险承受能力评估" (《商业银行理财业务监督管理办法》); 《民法典》 第1259条: "超过" excludes exactly one
  // year, so the anniversary is the last valid day.
  test("the spellings managers use: 谨慎型/激进型, PR/RR levels, R5级, 中高风险 (issue 12)", () => {
    expect(F.SUITABLE("谨慎型", "PR1")).toBe(true);
    expect(F.SUITABLE("謹慎型", "RR2")).toBe(false);
    expect(F.SUITABLE("激进型", "R5级")).toBe(true);
    expect(F.SUITABLE("激進型", "高風險")).toBe(true);
    expect(F.SUITABLE("平衡型", "中高风险")).toBe(false);
    expect(F.SUITABLE("成长型", "PR4")).toBe(true);
  });
  test("an assessment over one year old makes the product unsuitable; on its anniversary it is still valid", () => {
    const asOf = S("2025-06-01");
    expect(F.SUITABLE("C4", "R3", S("2024-06-02"), asOf)).toBe(true);
    expect(F.SUITABLE("C4", "R3", S("2024-06-01"), asOf)).toBe(true);
    expect(F.SUITABLE("C4", "R3", S("2024-05-31"), asOf)).toBe(false);
    expect(F.SUITABLE("C4", "R5", S("2025-01-01"), asOf)).toBe(false);
  });
  test("blank assessedOn compares levels only; blank asOf is today", () => {
    freezeToday();
    expect(F.SUITABLE("C4", "R3", "", "")).toBe(true);
    expect(F.SUITABLE("C4", "R3", S("2024-03-15"))).toBe(true);
    expect(F.SUITABLE("C4", "R3", S("2024-03-14"))).toBe(false);
  });
  test("an assessment dated after asOf (a typo such as 2052) is refused, as AGE refuses a birth after asOf", () => {
    refused(() => F.SUITABLE("C4", "R3", S("2052-03-15"), S("2025-03-15")), "assessedOn (2052-03-15) is after asOf (2025-03-15)");
  });
  test("bad clientRisk, productRisk, assessedOn, asOf", () => {
    refused(() => F.SUITABLE("C9", "R3"), "clientRisk must be C1–C5", '"C9"');
    refused(() => F.SUITABLE("", "R3"), "clientRisk must be", "got blank");
    refused(() => F.SUITABLE(6, "R3"), "clientRisk must be", "got 6");
    refused(() => F.SUITABLE("C3", "R0"), "productRisk must be R1–R5", '"R0"');
    refused(() => F.SUITABLE("C3", true), "productRisk must be", "got true");
    refused(() => F.SUITABLE("C3", "R3", "last spring"), "assessedOn must be a date");
    refused(() => F.SUITABLE("C3", "R3", S("2025-01-01"), "x"), "asOf must be a date");
    expect(thrown(() => F.SUITABLE(NA(), "R3")).code).toBe("#N/A");
  });
});

// ---- protection ------------------------------------------------------------------------------------------------------

describe("PROTECTIONNEED", () => {
  test("DIME with every part", () => {
    // debts 200k + 300k × 10 + mortgage 1m + 400k × 2 − earmarked 500k
    expect(F.PROTECTIONNEED(300000, 10, 200000, 1000000, 400000, 2, 500000)).toBe(4500000);
  });
  test("blank optional parts: 0, and the book's 500,000 per child for education", () => {
    expect(F.PROTECTIONNEED(300000, 10)).toBe(3000000);
    expect(F.PROTECTIONNEED(300000, 10, "", null, "", 2)).toBe(4000000);
    expect(F.PROTECTIONNEED("30万", "10")).toBe(3000000);
  });
  test("never below 0", () => {
    expect(F.PROTECTIONNEED(100000, 1, 0, 0, 0, 0, 1e9)).toBe(0);
  });
  test.each([
    [0, "annualIncome"], [1, "years"], [2, "debts"], [3, "mortgage"], [4, "educationPerChild"], [5, "children"], [6, "earmarkedAssets"],
  ])("bad argument %i (%s): text and negative", (i, name) => {
    const args: unknown[] = [300000, 10, 0, 0, 0, 0, 0];
    args[i] = "lots";
    refused(() => F.PROTECTIONNEED(...(args as [unknown, unknown])), `${name} must be a number`);
    args[i] = -1;
    refused(() => F.PROTECTIONNEED(...(args as [unknown, unknown])), `${name} must not be negative`);
  });
  test("children must be whole; required arguments must be there", () => {
    refused(() => F.PROTECTIONNEED(300000, 10, 0, 0, 0, 1.5), "children must be a whole number");
    refused(() => F.PROTECTIONNEED("", 10), "annualIncome is required");
    refused(() => F.PROTECTIONNEED(300000, null), "years is required");
  });
});

// docs/ARCHITECTURE.md: HLV is by default what Excel's PV(rate, years, -income) gives (income at the end of each year; Microsoft,
// "PV function": type 0 or omitted = end of period), the start-of-year variant (PV type 1) by argument. The
// HyperFormula test checks both against PV itself.
describe("HLV", () => {
  /** Σₜ₌₁ⁿ N(1+g)ᵗ⁻¹/(1+i)ᵗ (end of year) or Σₜ₌₀ⁿ⁻¹ N(1+g)ᵗ/(1+i)ᵗ (start of year), summed term by term. */
  function reference(n: number, years: number, i: number, g: number, start = false): number {
    let sum = 0;
    for (let t = 0; t < years; t++) sum += (n * (1 + g) ** t) / (1 + i) ** (start ? t : t + 1);
    return sum;
  }
  test("income at the end of each year by default, as PV(i, n, -N)", () => {
    // By hand: 100,000 × (1/1.05 + 1/1.05² + 1/1.05³) = 95,238.10 + 90,702.95 + 86,383.76 = 272,324.80; the
    // annuity factor a(3, 5 %) = 2.723248 of any present-value table.
    expect(F.HLV(100000, 3, 0.05)).toBeCloseTo(272324.8029, 3);
    expect(F.HLV(100000, 3, 0.05, 0.02)).toBeCloseTo(reference(100000, 3, 0.05, 0.02), 6);
    expect(F.HLV(200000, 25, 0.03, 0.01)).toBeCloseTo(reference(200000, 25, 0.03, 0.01), 6);
    expect(F.HLV(100000, 3, 0.05, 0.02)).toBeCloseTo(100000 * (1 / 1.05 + 1.02 / 1.05 ** 2 + 1.02 ** 2 / 1.05 ** 3), 6);
  });
  test("timing 1: income at the start of each year, as PV(i, n, -N, 0, 1)", () => {
    expect(F.HLV(100000, 3, 0.05, 0, 1)).toBeCloseTo(285941.0431, 3); // 100,000 × (1 + 1/1.05 + 1/1.05²)
    expect(F.HLV(200000, 25, 0.03, 0.01, 1)).toBeCloseTo(reference(200000, 25, 0.03, 0.01, true), 6);
    expect(F.HLV(100000, 3, 0.05, "", 0)).toBe(F.HLV(100000, 3, 0.05));
    expect(F.HLV(100000, 3, 0.05, "", "")).toBe(F.HLV(100000, 3, 0.05));
  });
  test("blank growthRate is 0; equal rates; percent text is read", () => {
    expect(F.HLV(100000, 2, 0.25)).toBeCloseTo(144000, 6); // 100,000 × (0.8 + 0.64)
    expect(F.HLV(100000, 2, 0.25, 0, 1)).toBeCloseTo(180000, 6); // 100,000 × (1 + 0.8)
    expect(F.HLV(100000, 10, 0.04, 0.04)).toBeCloseTo(1000000 / 1.04, 6);
    expect(F.HLV(100000, 10, 0.04, 0.04, 1)).toBeCloseTo(1000000, 6);
    expect(F.HLV(100000, 2, "25%", "")).toBeCloseTo(144000, 6);
    expect(F.HLV(100000, 0, 0.03)).toBe(0);
    expect(F.HLV(100000, 2, 1)).toBeCloseTo(75000, 6); // 100 % is allowed: 100,000 × (1/2 + 1/4)
  });
  test("a rate written as 3 meaning 3 % is refused, in three languages, not read as 300 %", () => {
    refused(() => F.HLV(100000, 10, 3), "discountRate 3 looks like a percentage; write 3% or 0.03");
    refused(() => F.HLV(100000, 10, 0.03, 2.5), "growthRate 2.5 looks like a percentage; write 2.5% or 0.025");
    refused(() => F.HLV(100000, 10, "3"), "write 3% or 0.03");
    setFunctionsLanguage("zh-CN");
    refused(() => F.HLV(100000, 10, 3), "折现率 3 看来是百分数：请写 3% 或 0.03"); // arguments named as the Chinese help names them
    setFunctionsLanguage("zh-TW");
    refused(() => F.HLV(100000, 10, 1.1), "折現率 1.1 看來是百分數：請寫 1.1% 或 0.011");
    setFunctionsLanguage("en-US");
  });
  test("bad netIncome, years, discountRate, growthRate, timing", () => {
    refused(() => F.HLV("x", 10, 0.03), "netIncome must be a number");
    refused(() => F.HLV(-1, 10, 0.03), "netIncome must not be negative");
    refused(() => F.HLV(1, 2.5, 0.03), "years must be a whole number");
    refused(() => F.HLV(1, 101, 0.03), "years must be between 0 and 100");
    refused(() => F.HLV(1, 10, -1), "discountRate must be > -1");
    refused(() => F.HLV(1, 10, ""), "discountRate is required");
    refused(() => F.HLV(1, 10, 0.03, "fast"), "growthRate must be a number");
    refused(() => F.HLV(1, 10, 0.03, -2), "growthRate must be > -1");
    refused(() => F.HLV(1, 10, 0.03, 0, 2), "timing must be 0 (end of year, as PV) or 1 (start of year) (got 2)");
  });
});

describe("GAP", () => {
  test("max(0, need − cover)", () => {
    expect(F.GAP(1000000, 300000)).toBe(700000);
    expect(F.GAP(300000, 1000000)).toBe(0);
    expect(F.GAP("1,000,000", "30万")).toBe(700000);
  });
  test("a blank cell is 0, as in a native formula: Excel passes it to a custom function as null", () => {
    expect(F.GAP(1000, null)).toBe(1000);
    expect(F.GAP(1000, undefined)).toBe(1000);
    expect(F.GAP(1000, "")).toBe(1000);
    expect(F.GAP(null, 500)).toBe(0);
  });
  test("bad need and existingCover", () => {
    refused(() => F.GAP("x", 1), 'need must be a number (got "x")');
    refused(() => F.GAP(-1, 1), "need must not be negative");
    refused(() => F.GAP(1, "y"), "existingCover must be a number");
    refused(() => F.GAP(1, -1), "existingCover must not be negative");
  });
});

// ---- tiers -----------------------------------------------------------------------------------------------------------

describe("TIER", () => {
  test("A while the larger clients hold < 80 %, B < 95 %, else C; in input order", () => {
    expect(F.TIER(col(100, 300, 50, 10))).toEqual(col("A", "A", "B", "C"));
    // 80 % exactly above → B; 95 % exactly above → C.
    expect(F.TIER(col(80, 15, 5))).toEqual(col("A", "B", "C"));
  });
  test("ties keep input order", () => {
    expect(F.TIER(col(5, 90, 5))).toEqual(col("B", "A", "C"));
  });
  test("equal huge amounts give the tiers of equal small ones (the total overflowed: all were A)", () => {
    expect(F.TIER(col(1e308, 1e308, 1e308, 1e308, 1e308))).toEqual(F.TIER(col(1, 1, 1, 1, 1)));
    expect(F.TIER(col(1, 1, 1, 1, 1))).toEqual(col("A", "A", "A", "A", "B"));
  });
  test("blank cells stay blank so the spill lines up; numeric text is read", () => {
    expect(F.TIER(col(100, "", 300, null, "50", 10))).toEqual(col("A", "", "A", "", "B", "C"));
    expect(F.TIER(col("", null))).toEqual(col("", ""));
  });
  test("a row of amounts spills a row", () => {
    expect(F.TIER([[100, 300, "", 50, 10]])).toEqual([["A", "A", "", "B", "C"]]);
  });
  test("all zero is C", () => {
    expect(F.TIER(col(0, 0))).toEqual(col("C", "C"));
  });
  test("bad amounts name the row", () => {
    refused(() => F.TIER(col(1, "12abc")), 'amounts row 2: "12abc" is not a number');
    refused(() => F.TIER(col(1, -1)), "amounts row 2: -1 must not be negative");
    refused(() => F.TIER(col(NA(), 1)), "amounts row 1 holds the error #N/A");
    refused(() => F.TIER([[1, 2], [3, 4]]), "amounts must be a single column or a single row");
  });
});

// ---- privacy ---------------------------------------------------------------------------------------------------------

describe("MASK", () => {
  test("detects the kind", () => {
    expect(F.MASK("110101199003071234")).toBe("110101********1234");
    expect(F.MASK("张伟")).toBe("张*");
    expect(F.MASK("欧阳娜娜")).toBe("欧阳**");
    expect(F.MASK("zhangwei@example.com")).toBe("z***@example.com");
  });
  test("a phone number typed as a number", () => {
    expect(F.MASK(13812345678)).toBe("138****5678");
  });
  test("one character still masks (fail closed): the kept initial would be the whole value", () => {
    expect(F.MASK("J")).toBe("*");
    expect(F.MASK("J", "name")).toBe("*");
    expect(F.MASK("张", "姓名")).toBe("*");
    expect(F.MASK("a@b.cn")).toBe("***@b.cn");
    expect(F.MASK(7, "id")).toBe("*");
  });
  test("kind given in English or Chinese", () => {
    expect(F.MASK("13812345678", "phone")).toBe("138****5678");
    expect(F.MASK("李小龙", "姓名")).toBe("李**");
    expect(F.MASK("A123456789", "证件")).toBe("A1******89");
  });
  test("blank text is blank; blank kind detects", () => {
    expect(F.MASK("")).toBe("");
    expect(F.MASK(null, "phone")).toBe("");
    expect(F.MASK("13812345678", "")).toBe("138****5678");
  });
  test("bad text and kind", () => {
    refused(() => F.MASK(true), "text must be text", "got true");
    refused(() => F.MASK("13812345678", "passport number"), "kind must be phone, id, name or email");
    refused(() => F.MASK("13812345678", 3), "kind must be", "got 3");
    expect(thrown(() => F.MASK(NA())).code).toBe("#N/A");
  });
});

// ---- every argument, checked against the generated metadata --------------------------------------------------------

/** For each function: arguments that work, and for each parameter a value that must be refused naming it. */
const start = S("2025-01-01");
const BAD_ARGUMENTS: Record<string, { good: unknown[]; bad: Record<string, unknown> }> = {
  AGE: { good: [S("1990-05-01"), S("2025-01-01")], bad: { birthDate: "1990-13-01", asOf: "soon" } },
  NEXTBIRTHDAY: { good: [S("1990-05-01"), S("2025-01-01")], bad: { birthDate: true, asOf: 0 } },
  HOLDINGMONTHS: { good: [S("2024-05-01"), S("2025-01-01")], bad: { startDate: "?", asOf: 60 } },
  ALLOCATION: {
    good: [col("存款", "基金"), col(1, 2), col("", "USD"), [["USD", 7.1, "2025-01-02"]], S("2025-06-30"), "CNY"],
    bad: { classes: col(NA(), "基金"), amounts: col(1, "x"), currencies: col("", "XYZ"), rates: [["USD", 0, "2025-01-02"]], date: "x", book: "元宝" },
  },
  NETWORTH: {
    good: [col("存款", "贷款"), col(3, 2), col("美元", ""), [["Currency", "Rate", "Date"], ["USD", 7.1, "2025-01-02"]], "", ""],
    bad: { classes: col("存款", ""), amounts: col(1, -2), currencies: col(true, ""), rates: [["USD", 7.1]], date: 60, book: 7 },
  },
  FX: {
    good: [1000, "USD", "CNY", [["USD", 7.1, "2025-01-02"]], S("2025-06-30"), "CNY"],
    bad: { amount: "x", from: "XYZ", to: true, rates: [["USD", 7.1, "soon"]], date: "x", book: "dollars" },
  },
  NEXTPREMIUM: {
    good: [S("2024-01-31"), "月缴", 20, S("2024-02-15"), 30, "有效"],
    bad: { startDate: "x", frequency: "weekly", years: 0, asOf: "x", termYears: 1.5, status: "退保" },
  },
  MDIETZ: {
    good: [100000, 125000, col(20000, -10000), col(start + 20, start + 60), start, start + 90],
    bad: {
      beginValue: "abc",
      endValue: -1,
      flowAmounts: col(20000, "x"),
      flowDates: col(start + 20, start + 100),
      startDate: "x",
      endDate: start - 1,
    },
  },
  LINKRETURNS: { good: [col(0.1, -0.05), S("2024-01-01"), S("2025-06-30")], bad: { returns: col(0.1, "x"), startDate: "x", endDate: S("2024-06-30") } },
  NEXTREVIEW: { good: [S("2025-01-31"), "月度"], bad: { lastDate: "x", cadence: "weekly" } },
  DAYSDUE: { good: [S("2025-01-31"), "月度", S("2025-02-01")], bad: { lastDate: "", cadence: 0, asOf: "x" } },
  SUITABLE: {
    good: ["C3", "R2", S("2025-01-01"), S("2025-02-01")],
    bad: { clientRisk: "C0", productRisk: "R9", assessedOn: "x", asOf: "y" },
  },
  PROTECTIONNEED: {
    good: [300000, 10, 0, 0, 0, 0, 0],
    bad: { annualIncome: "x", years: -1, debts: "x", mortgage: -5, educationPerChild: "x", children: 0.5, earmarkedAssets: "x" },
  },
  HLV: { good: [100000, 10, 0.03, 0.01, 0], bad: { netIncome: "x", years: 1.5, discountRate: -2, growthRate: "x", timing: 2 } },
  GAP: { good: [100, 30], bad: { need: "x", existingCover: -1 } },
  TIER: { good: [col(1, 2)], bad: { amounts: col(1, "x") } },
  MASK: { good: ["13812345678", "phone"], bad: { text: false, kind: "fax" } },
};

describe("every argument of every function refuses bad input, naming it", () => {
  const { functions: metadata } = functionsMetadata();
  const exported = F as unknown as Record<string, (...args: unknown[]) => unknown>;

  test("the table covers every parameter the metadata lists", () => {
    const listed = metadata.map((f) => `${f.id}(${f.parameters.map((p) => p.name).join(", ")})`);
    const covered = Object.entries(BAD_ARGUMENTS).map(([id, c]) => `${id}(${Object.keys(c.bad).join(", ")})`);
    expect(covered.sort()).toEqual(listed.sort());
  });

  for (const [id, { good, bad }] of Object.entries(BAD_ARGUMENTS)) {
    test(`${id}: good arguments work`, () => {
      expect(() => exported[id](...good)).not.toThrow();
    });
    Object.entries(bad).forEach(([param, value]) => {
      test(`${id}: bad ${param}`, () => {
        const position = metadata.find((f) => f.id === id)!.parameters.findIndex((p) => p.name === param);
        const args = good.slice();
        args[position] = value;
        const message = refused(() => exported[id](...args));
        expect(message.startsWith(param)).toBe(true);
      });
    });
  }
});

// ---- language, errors and registration -------------------------------------------------------------------------------

describe("message language", () => {
  afterEach(() => {
    delete (globalThis as { Office?: unknown }).Office;
  });
  test("follows Office's display language by default, else en-US", () => {
    setFunctionsLanguage(undefined);
    expect(functionsLanguage()).toBe("en-US");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-HK" } };
    expect(functionsLanguage()).toBe("zh-TW");
    refused(() => F.AGE("x"), "出生日期 應為日期");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "zh-CN" } };
    refused(() => F.AGE("x"), "出生日期 应为日期");
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-GB" } };
    refused(() => F.AGE("x"), "birthDate must be a date");
  });
  test("Office not yet initialised falls back to en-US", () => {
    setFunctionsLanguage(undefined);
    (globalThis as { Office?: unknown }).Office = {
      get context(): never {
        throw new Error("Office.js has not been initialized");
      },
    };
    expect(functionsLanguage()).toBe("en-US");
  });
  test("the task pane's choice wins", () => {
    (globalThis as { Office?: unknown }).Office = { context: { displayLanguage: "en-US" } };
    setFunctionsLanguage("zh-CN");
    refused(() => F.GAP(-1, 0), "保障需求 不能为负数");
    refused(() => F.HOLDINGMONTHS(""), "起始日 不能为空");
    refused(() => F.AGE(REF()), "出生日期 是错误值 #REF!");
  });
});

describe("inside Office", () => {
  class FakeCustomFunctionsError {
    constructor(
      public code: string,
      public message?: string,
    ) {}
  }
  const ErrorCode = {
    invalidValue: "#VALUE!", notAvailable: "#N/A", divisionByZero: "#DIV/0!", invalidNumber: "#NUM!",
    nullReference: "#NULL!", invalidName: "#NAME?", invalidReference: "#REF!",
  };
  afterEach(() => {
    delete (globalThis as { CustomFunctions?: unknown }).CustomFunctions;
  });

  test("errors are CustomFunctions.Error; messages only where Excel shows them", () => {
    (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { Error: FakeCustomFunctionsError, ErrorCode, associate: jest.fn() };
    let caught: unknown;
    try {
      F.AGE("x");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(FakeCustomFunctionsError);
    expect(caught).toMatchObject({ code: "#VALUE!", message: expect.stringContaining("birthDate must be a date") });
    expect(makeError("divisionByZero", "ignored")).toMatchObject({ code: "#DIV/0!", message: undefined });
    expect(makeError("notAvailable", "kept")).toMatchObject({ code: "#N/A", message: "kept" });
  });

  test("outside Office the same shape, as an Error", () => {
    const e = makeError("invalidValue", "why");
    expect(e).toBeInstanceOf(FunctionError);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: "#VALUE!", message: "why" });
  });

  test("the built functions.js associates each of the seventeen ids exactly once", () => {
    const bundle = path.join(__dirname, "../../dist/functions.js");
    if (!fs.existsSync(bundle)) throw new Error("dist/functions.js is missing: run `npm run build` (npm test builds first)");
    const source = fs.readFileSync(bundle, "utf8");
    const ids = functionsMetadata().functions.map((f) => f.id);
    expect(ids).toHaveLength(17);
    for (const id of ids) expect(source.split(`CustomFunctions.associate("${id}",`).length - 1).toBe(1);
  });

  test("outside Office nothing is associated and nothing throws", () => {
    expect(typeof (globalThis as { CustomFunctions?: unknown }).CustomFunctions).toBe("undefined");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect(() => jest.isolateModules(() => require("../../src/functions/functions"))).not.toThrow();
  });
});
