/**
 * RM.FX, the currency arguments of RM.ALLOCATION / RM.NETWORTH (issue 16) and RM.NEXTPREMIUM (issue 17) as formulas a
 * manager types, in HyperFormula with the functions registered from the generated metadata (./hfHarness.ts): the
 * Rates table on its own sheet, a holdings list with a currency column, a policies list, nesting in native functions.
 *
 * Rates (book CNY; rate = CNY per 1 unit, src/domain/currency.ts): USD 7.1 from 2 Jan 2025, 7.2 from 3 Mar; HKD 0.91
 * from 2 Jan, 0.92 from 3 Mar. Worked by hand:
 * - USD 1,000 on 15 Feb = 1,000 × 7.1 = 7,100 CNY; latest (7.2) = 7,200.
 * - HKD 10,000 → USD on 15 Feb = 10,000 × 0.91 ÷ 7.1 = 9,100 ÷ 7.1 = 1,281.69 (cross through CNY).
 * - Holdings 存款 100,000 CNY, 基金 10,000 USD, 股票 20,000 HKD, 贷款 50,000 HKD on 15 Feb: assets 100,000 + 71,000 +
 *   18,200 = 189,200; liabilities 45,500; net worth 143,700.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { isoToSerial } from "../../src/domain/dates";
import { setFunctionsLanguage } from "../../src/functions/language";
import { clearUnexpectedExceptions, makeEngine, unexpectedExceptions } from "./hfHarness";

const S = isoToSerial;

function reader(hf: HyperFormula, sheet = 0): (a1: string) => unknown {
  return (a1) => hf.getCellValue(hf.simpleCellAddressFromString(a1, sheet)!);
}

function cellError(v: unknown): DetailedCellError {
  if (!(v instanceof DetailedCellError)) throw new Error(`expected an error value, got ${JSON.stringify(v)}`);
  return v;
}

beforeEach(() => {
  setFunctionsLanguage("en-US");
  clearUnexpectedExceptions();
});
afterEach(() => {
  expect(unexpectedExceptions()).toEqual([]);
  setFunctionsLanguage(undefined);
});

/** The Rates sheet as the book writes it: header row, then currency, rate, date. */
const RATES_SHEET: RawCellContent[][] = [
  ["币种", "汇率", "日期"],
  ["USD", 7.1, "=DATE(2025,1,2)"],
  ["HKD", 0.91, "=DATE(2025,1,2)"],
  ["USD", 7.2, "=DATE(2025,3,3)"],
  ["HKD", 0.92, "=DATE(2025,3,3)"],
];

describe("RM.FX", () => {
  test("USD 1,000 at 7.1 = 7,100 CNY; latest 7,200; cross HKD → USD 1,281.69; Chinese names", () => {
    const hf = makeEngine({
      S: [
        ['=RM.FX(1000,"USD","CNY",Rates!A2:C5,DATE(2025,2,15))', '=RM.FX(1000,"USD","CNY",Rates!A1:C5)', '=RM.FX(10000,"HKD","USD",Rates!A2:C5,DATE(2025,2,15))'],
        ['=RM.FX(1000,"美元","人民币",Rates!A1:C5,"2025-02-15")', '=ROUND(RM.FX(10000,"港幣","美元",Rates!A1:C5,DATE(2025,2,15)),2)', '=RM.FX(7100,"CNY","USD",Rates!A2:C5,DATE(2025,2,15))'],
      ],
      Rates: RATES_SHEET,
    });
    const at = reader(hf);
    expect(at("A1")).toBe(7100);
    expect(at("B1")).toBe(7200);
    // HyperFormula shows results to 10 significant digits (its precisionRounding); the function returns full precision.
    expect(at("C1") as number).toBeCloseTo(1281.69014084507, 6);
    expect(at("A2")).toBe(7100);
    expect(at("B2")).toBe(1281.69);
    expect(at("C2")).toBe(1000);
  });

  test("down a column: each holding in CNY at the date's rate, as a native lookup of the same table gives it", () => {
    // The native check: the latest rate on or before the date, by MAXIFS/SUMIFS over the same Rates rows.
    const rows: [number, string][] = [[1000, "USD"], [2500, "HKD"], [300, "CNY"], [0, "USD"]];
    const data: RawCellContent[][] = rows.map(([a, c], i) => {
      const r = i + 1;
      const native = `IF(B${r}="CNY",1,SUMIFS(Rates!B$2:B$5,Rates!A$2:A$5,B${r},Rates!C$2:C$5,MAXIFS(Rates!C$2:C$5,Rates!A$2:A$5,B${r},Rates!C$2:C$5,"<="&C${r})))`;
      return [a, c, S("2025-03-10"), `=RM.FX(A${r},B${r},"CNY",Rates!A$1:C$5,C${r})`, `=A${r}*${native}`];
    });
    const hf = makeEngine({ S: data, Rates: RATES_SHEET });
    const at = reader(hf);
    rows.forEach((_, i) => expect([i, at(`D${i + 1}`)]).toEqual([i, at(`E${i + 1}`)]));
    expect([at("D1"), at("D2"), at("D3")]).toEqual([7200, 2300, 300]); // 1,000 × 7.2; 2,500 × 0.92; CNY itself
  });

  test("errors: no rate on or before the date is #N/A naming currency and date; a bad currency is #VALUE!", () => {
    const hf = makeEngine({
      S: [
        ['=RM.FX(1000,"USD","CNY",Rates!A2:C5,DATE(2024,12,31))', '=RM.FX(1,"EUR","GBP",Rates!A2:C5)', '=RM.FX(1,"Dollar","CNY",Rates!A2:C5)', '=IFNA(RM.FX(1,"USD","CNY",Rates!A2:C5,DATE(2024,1,1)),"no rate")'],
        ['=RM.FX(1,"USD","CNY",Rates!A2:B5)', '=RM.FX(1,"USD","EUR",Rates!A2:C5,,"CNY")'],
      ],
      Rates: RATES_SHEET,
    });
    const at = reader(hf);
    expect(cellError(at("A1")).value).toBe("#N/A");
    expect(cellError(at("A1")).message).toBe("no USD rate (to CNY) dated on or before 2024-12-31; add one to the Rates table");
    expect(cellError(at("B1")).message).toBe("rates has no EUR rate and no GBP rate: if one of them is the book currency, give it as book; add the other to the Rates table");
    expect(cellError(at("C1")).value).toBe("#VALUE!");
    expect(cellError(at("C1")).message).toBe('from must be a currency: an ISO 4217 code (USD, HKD, CNY …) or its name (美元, 港币 …) (got "Dollar")');
    expect(at("D1")).toBe("no rate");
    expect(cellError(at("A2")).message).toBe("rates must be a range of three columns: currency, rate, date, as the Rates table (got 4 × 2)");
    // With book given, EUR (no rows) is not taken for the book currency: it needs a rate.
    expect(cellError(at("B2")).message).toBe("rates has no EUR rate (to CNY); add one to the Rates table");
  });

  test("in 简体: the missing-rate message the book uses", () => {
    setFunctionsLanguage("zh-CN");
    const hf = makeEngine({ S: [['=RM.FX(1000,"USD","CNY",Rates!A2:C5,DATE(2024,12,31))']], Rates: RATES_SHEET });
    expect(cellError(reader(hf)("A1")).message).toBe("没有 USD 在 2024-12-31 或之前的汇率（折合 CNY），请在「汇率」表中补上");
  });

  test("editing a rate recomputes the conversion", () => {
    const hf = makeEngine({ S: [['=RM.FX(1000,"USD","CNY",Rates!A2:C5)']], Rates: RATES_SHEET });
    expect(reader(hf)("A1")).toBe(7200);
    hf.setCellContents({ sheet: hf.getSheetId("Rates")!, row: 3, col: 1 }, [[7.25]]);
    expect(reader(hf)("A1")).toBe(7250);
  });
});

describe("RM.ALLOCATION and RM.NETWORTH with a currency column", () => {
  const holdings: RawCellContent[][] = [
    ["class", "amount", "currency"],
    ["存款", 100000, null],
    ["基金", 10000, "USD"],
    ["股票", 20000, "港币"],
    ["贷款", 50000, "HKD"],
  ];
  const sheet = (formulas: RawCellContent[]): RawCellContent[][] => [...holdings, [null, null, null], formulas];

  test("spills in CNY at the date's rates; NETWORTH 143,700; SUM of the spill is the asset total", () => {
    const hf = makeEngine({
      S: sheet([
        "=RM.ALLOCATION(A2:A5,B2:B5,C2:C5,Rates!A1:C5,DATE(2025,2,15))",
        null,
        null,
        "=RM.NETWORTH(A2:A5,B2:B5,C2:C5,Rates!A1:C5,DATE(2025,2,15))",
        "=SUM(INDEX(RM.ALLOCATION(A2:A5,B2:B5,C2:C5,Rates!A1:C5,DATE(2025,2,15)),0,2))",
        "=RM.NETWORTH(A2:A5,B2:B5)",
        '=RM.NETWORTH(A2:A5,B2:B5,C2:C5,Rates!A1:C5,,"CNY")',
      ]),
      Rates: RATES_SHEET,
    });
    const at = reader(hf);
    expect([7, 8, 9].map((r) => [at(`A${r}`), at(`B${r}`)])).toEqual([["存款", 100000], ["基金", 71000], ["股票", 18200]]);
    expect(at("C7") as number).toBeCloseTo(100000 / 189200, 9);
    expect(at("D7")).toBe(143700);
    expect(at("E7")).toBe(189200);
    // The old two-argument formula reads every amount as the book currency, as before: 130,000 − 50,000.
    expect(at("F7")).toBe(80000);
    // Latest rates: 100,000 + 72,000 + 18,400 − 46,000 = 144,400.
    expect(at("G7")).toBe(144400);
  });

  test("a currency with no rate is #N/A naming the row; IFNA can catch it", () => {
    const hf = makeEngine({
      S: [
        ["存款", 100, null, "=RM.NETWORTH(A1:A2,B1:B2,C1:C2,Rates!A2:C5)", '=IFNA(RM.NETWORTH(A1:A2,B1:B2,C1:C2,Rates!A2:C5),"rate?")'],
        ["基金", 200, "EUR"],
      ],
      Rates: RATES_SHEET,
    });
    const at = reader(hf);
    expect(cellError(at("D1")).value).toBe("#N/A");
    expect(cellError(at("D1")).message).toBe("currencies row 2: rates has no EUR rate (to the book currency); add one to the Rates table (if EUR is the book currency, leave the cell blank or give book)");
    expect(at("E1")).toBe("rate?");
  });
});

describe("RM.NEXTPREMIUM", () => {
  /** Excel's EDATE, written out (HyperFormula 3.5's own EDATE clamps February to 28 days even in leap years). */
  function edate(d: string, n: number): number {
    const [y, m, day] = d.split("-").map(Number);
    const total = y * 12 + (m - 1) + n;
    const [ty, tm] = [Math.floor(total / 12), (total % 12) + 1];
    const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
    const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][tm - 1];
    return S(`${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(day, length)).padStart(2, "0")}`);
  }

  test("a policies list: month ends, leap years, 趸交, paid up as #N/A that IFNA turns into 已缴清", () => {
    // start, frequency, years, asOf → expected (by hand)
    const policies: [string, string, number | null, string, number | string][] = [
      ["2024-01-31", "月缴", 20, "2024-02-01", edate("2024-01-31", 1)], // 29 Feb 2024
      ["2024-01-31", "月缴", 20, "2024-03-01", edate("2024-01-31", 2)], // 31 Mar
      ["2024-01-31", "月缴", 20, "2025-02-01", edate("2024-01-31", 13)], // 28 Feb 2025
      ["2020-02-29", "年缴", 10, "2023-03-01", edate("2020-02-29", 48)], // 29 Feb 2024
      ["2023-11-30", "季缴", 5, "2024-01-01", S("2024-02-29")],
      ["2023-08-31", "半年缴", 5, "2024-03-01", S("2024-08-31")],
      ["2025-06-01", "趸交", null, "2025-01-01", S("2025-06-01")],
      ["2025-06-01", "趸交", null, "2025-07-01", "已缴清"],
      ["2010-03-01", "年缴", 20, "2029-03-01", S("2029-03-01")],
      ["2010-03-01", "年缴", 20, "2029-03-02", "已缴清"],
    ];
    const data: RawCellContent[][] = policies.map(([start, f, y, on], i) => {
      const r = i + 1;
      return [S(start), f, y, S(on), `=IFNA(RM.NEXTPREMIUM(A${r},B${r},C${r},D${r}),"已缴清")`];
    });
    const hf = makeEngine({ S: data });
    const at = reader(hf);
    policies.forEach(([, , , , expected], i) => expect([i, at(`E${i + 1}`)]).toEqual([i, expected]));
  });

  test("status, the optional last argument: a policies list's Status column — 失效/满期 rows #N/A, 有效 and blank rows dated", () => {
    // start, frequency, years, asOf, Status → expected (by hand: 20 annual premiums from 2010-03-01 → 2025-03-01)
    const rows: [string, string, number, string, string | null, number | string][] = [
      ["2010-03-01", "年缴", 20, "2025-01-01", "有效", S("2025-03-01")],
      ["2010-03-01", "年缴", 20, "2025-01-01", null, S("2025-03-01")], // blank: in force, as before
      ["2010-03-01", "年缴", 20, "2025-01-01", "失效", "无"],
      ["2010-03-01", "年繳", 20, "2025-01-01", "滿期", "无"],
      ["2024-01-31", "Monthly", 20, "2024-02-01", "In force", S("2024-02-29")],
      ["2024-01-31", "Monthly", 20, "2024-02-01", "Lapsed", "无"],
    ];
    const data: RawCellContent[][] = rows.map(([start, f, y, on, st], i) => {
      const r = i + 1;
      return [S(start), f, y, S(on), st, `=IFNA(RM.NEXTPREMIUM(A${r},B${r},C${r},D${r},,E${r}),"无")`, `=RM.NEXTPREMIUM(A${r},B${r},C${r},D${r},"",E${r})`];
    });
    data.push([S("2010-03-01"), "年缴", 20, S("2025-01-01"), "退保", "=RM.NEXTPREMIUM(A7,B7,C7,D7,,E7)"]);
    const hf = makeEngine({ S: data });
    const at = reader(hf);
    rows.forEach(([, , , , , expected], i) => expect([i, at(`F${i + 1}`)]).toEqual([i, expected]));
    // the error itself: #N/A with the reason, so IFNA can word it
    expect(cellError(at("G3")).value).toBe("#N/A");
    expect(cellError(at("G3")).message).toBe("the policy is lapsed: a lapsed policy has no premiums due");
    expect(cellError(at("G4")).message).toBe("the policy has matured: its term is over and no premiums are due");
    // a status the Policies table does not take: #VALUE! naming it
    expect(cellError(at("F7")).value).toBe("#VALUE!");
    expect(cellError(at("F7")).message).toMatch(/^status must be a policy status/);
  });

  test("paid up is #N/A with the last premium's date; days until due nests in native arithmetic", () => {
    const hf = makeEngine({
      S: [["=RM.NEXTPREMIUM(DATE(2010,3,1),\"年缴\",20,DATE(2030,1,1))", "=RM.NEXTPREMIUM(DATE(2024,1,31),\"月缴\",20,DATE(2024,2,10))-DATE(2024,2,10)", '=RM.NEXTPREMIUM(DATE(2024,1,31),"weekly",20)']],
    });
    const at = reader(hf);
    expect(cellError(at("A1")).value).toBe("#N/A");
    expect(cellError(at("A1")).message).toBe("paid up: the last of 20 premiums fell due on 2029-03-01, before asOf (2030-01-01)");
    expect(at("B1")).toBe(19); // 29 Feb − 10 Feb 2024
    expect(cellError(at("C1")).value).toBe("#VALUE!");
  });

  test("monthly from each month end of 2023–2025 for 24 months: every due date is Excel's EDATE from the start", () => {
    const starts = ["2023-01-31", "2023-03-31", "2023-08-31", "2023-11-30", "2024-01-31", "2024-02-29", "2024-05-31", "2025-01-31"];
    const data: RawCellContent[][] = [];
    const expected: number[] = [];
    for (const start of starts) {
      for (let k = 1; k <= 24; k++) {
        const r = data.length + 1;
        // asOf the day after premium k − 1: the next is premium k.
        data.push([S(start), edate(start, k - 1) + 1, `=RM.NEXTPREMIUM(A${r},"月缴",10,B${r})`]);
        expected.push(edate(start, k));
      }
    }
    const hf = makeEngine({ S: data });
    const at = reader(hf);
    expected.forEach((due, i) => expect([i, at(`C${i + 1}`)]).toEqual([i, due]));
  });
});
