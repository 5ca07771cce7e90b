/**
 * Formulas as users type them: the RM.* functions registered in HyperFormula from the generated metadata
 * (./hfHarness.ts), evaluated in sheets with blanks, text and error values in ranges, spills, and nesting with native
 * functions. Our refusals must surface as the cell's #VALUE! with our message.
 */
import { DetailedCellError, type HyperFormula, type RawCellContent } from "hyperformula";
import { age } from "../../src/domain/birthdays";
import { isoToSerial, serialToIso } from "../../src/domain/dates";
import { setFunctionsLanguage } from "../../src/functions/language";
import { clearUnexpectedExceptions, makeEngine, unexpectedExceptions } from "./hfHarness";

const S = isoToSerial;

/** Reads A1-style cells of the first sheet. */
function reader(hf: HyperFormula, sheet = 0): (a1: string) => unknown {
  return (a1) => {
    const address = hf.simpleCellAddressFromString(a1, sheet);
    if (!address) throw new Error(`bad address ${a1}`);
    return hf.getCellValue(address);
  };
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
  // Every refusal must have been an Excel error; a bare exception would show as #ERROR! and be listed here.
  expect(unexpectedExceptions()).toEqual([]);
  jest.useRealTimers();
  setFunctionsLanguage(undefined);
});

test("the harness keeps Excel's 1900 calendar: native DATE gives our serials, phantom 29 Feb 1900 included", () => {
  const hf = makeEngine({ S: [["=DATE(1900,1,1)", "=DATE(1900,2,28)", "=DATE(1900,3,1)", "=DATE(2025,1,31)", "=DATE(9999,12,31)"]] });
  const at = reader(hf);
  expect([at("A1"), at("B1"), at("C1"), at("D1"), at("E1")]).toEqual(
    ["1900-01-01", "1900-02-28", "1900-03-01", "2025-01-31", "9999-12-31"].map(S),
  );
  expect(at("C1")).toBe(61);
});

describe("the issue's checks as formulas", () => {
  test("MDIETZ ≈ 0.1337, NEXTREVIEW(31 Jan 2025, 月度) = 28 Feb 2025, MASK of a phone", () => {
    const hf = makeEngine({
      S: [
        ["flow", "date", '=RM.MDIETZ(100000,125000,A2:A3,B2:B3,DATE(2025,1,1),DATE(2025,4,1))'],
        [20000, "=DATE(2025,1,21)", '=RM.NEXTREVIEW(DATE(2025,1,31),"月度")'],
        [-10000, "=DATE(2025,3,2)", '=RM.MASK("13812345678")'],
        [null, null, "=C2=DATE(2025,2,28)"],
      ],
    });
    const at = reader(hf);
    expect(at("C1") as number).toBeCloseTo(0.1337, 4);
    expect(at("C2")).toBe(S("2025-02-28"));
    expect(at("C3")).toBe("138****5678");
    expect(at("C4")).toBe(true);
  });
});

// docs/ARCHITECTURE.md: RM.HLV is by default Excel's PV(rate, years, -income) (income at the end of each year), the start-of-year
// variant PV(…, 0, 1) by its timing argument. HyperFormula's native PV is the reference.
test("=RM.HLV agrees with native PV(rate, years, -income) and, with timing 1, PV(rate, years, -income, 0, 1)", () => {
  const cases: [number, number, string][] = [[100000, 3, "0.05"], [200000, 25, "0.03"], [80000, 30, "0.045"], [50000, 1, "0.1"], [120000, 20, "0"]];
  const data: RawCellContent[][] = cases.map(([n, y, i], k) => {
    const r = k + 1;
    return [n, y, Number(i), `=RM.HLV(A${r},B${r},C${r})`, `=PV(C${r},B${r},-A${r})`, `=RM.HLV(A${r},B${r},C${r},,1)`, `=PV(C${r},B${r},-A${r},0,1)`];
  });
  const hf = makeEngine({ S: data });
  const at = reader(hf);
  cases.forEach((_, k) => {
    const r = k + 1;
    expect(at(`D${r}`) as number).toBeCloseTo(at(`E${r}`) as number, 6);
    expect(at(`F${r}`) as number).toBeCloseTo(at(`G${r}`) as number, 6);
  });
  expect(at("D1") as number).toBeCloseTo(272324.8029, 3); // by hand: 100,000 × (1/1.05 + 1/1.05² + 1/1.05³)
});

test("=RM.GAP(1000, <blank cell>) is 1000, as =MAX(0, A1-B1) reads the blank as 0", () => {
  const hf = makeEngine({ S: [[1000, null, "=RM.GAP(A1,B1)", "=MAX(0,A1-B1)"]] });
  const at = reader(hf);
  expect(at("C1")).toBe(1000);
  expect(at("C1")).toBe(at("D1"));
});

test("=RM.HLV(100000, 10, 3) is #VALUE! saying the rate looks like a percentage", () => {
  const hf = makeEngine({ S: [["=RM.HLV(100000,10,3)", "=RM.HLV(100000,10,3%)"]] });
  const at = reader(hf);
  expect(cellError(at("A1")).message).toContain("discountRate 3 looks like a percentage; write 3% or 0.03");
  expect(at("B1") as number).toBeGreaterThan(0);
});

describe("row-by-row formulas", () => {
  const rows: [string, string][] = [
    ["1990-05-01", "2025-04-30"],
    ["1990-05-01", "2025-05-01"],
    ["1985-12-31", "2025-12-30"],
    ["2000-01-01", "2000-01-01"],
    ["1950-07-15", "2025-03-15"],
    ["1900-01-01", "1900-03-01"],
  ];

  test("=RM.AGE(A2, B2) down a column agrees with native DATEDIF(…,\"Y\")", () => {
    const data: RawCellContent[][] = [["birth", "asOf", "age", "datedif"]];
    rows.forEach(([b, on], i) => data.push([S(b), S(on), `=RM.AGE(A${i + 2}, B${i + 2})`, `=DATEDIF(A${i + 2},B${i + 2},"Y")`]));
    const hf = makeEngine({ S: data });
    const at = reader(hf);
    rows.forEach((_, i) => expect(at(`C${i + 2}`)).toBe(at(`D${i + 2}`)));
  });

  test("29 February births give the domain's age", () => {
    const hf = makeEngine({ S: [[S("2000-02-29"), S("2025-02-28"), "=RM.AGE(A1,B1)"], [S("2000-02-29"), S("2025-03-01"), "=RM.AGE(A2,B2)"]] });
    const at = reader(hf);
    expect(at("C1")).toBe(age("2000-02-29", "2025-02-28"));
    expect(at("C2")).toBe(25);
  });

  test("=RM.NEXTREVIEW is Excel's EDATE: month-end clamped, 29 February in leap years", () => {
    // Excel's EDATE, written out: same day n months on, clamped to the month's length (leap years included).
    const edate = (d: string, n: number): number => {
      const [y, m, day] = d.split("-").map(Number);
      const total = y * 12 + (m - 1) + n;
      const [ty, tm] = [Math.floor(total / 12), (total % 12) + 1];
      const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
      const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][tm - 1];
      return S(`${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(day, length)).padStart(2, "0")}`);
    };
    const lasts = ["2025-01-31", "2024-01-31", "2023-11-30", "2024-02-29", "2025-08-31", "2025-03-31", "2025-05-15", "2024-12-31"];
    const cadences: [string, number][] = [["月度", 1], ["季度", 3], ["半年", 6], ["年度", 12], ["monthly", 1], ["7", 7]];
    const data: RawCellContent[][] = [];
    const expected: number[] = [];
    for (const last of lasts) {
      for (const [word, months] of cadences) {
        const r = data.length + 1;
        data.push([S(last), word, `=RM.NEXTREVIEW(A${r},B${r})`, `=EDATE(A${r},${months})`]);
        expected.push(edate(last, months));
      }
    }
    const hf = makeEngine({ S: data });
    const at = reader(hf);
    let leapFebruaries = 0;
    expected.forEach((due, i) => {
      expect([i, at(`C${i + 1}`)]).toEqual([i, due]);
      // HyperFormula 3.5's own EDATE clamps February to 28 days even in leap years (DateTimeHelper's
      // truncateDayInMonth has no leap-year case), so it is compared only where that does not matter.
      if (/-02-29$/.test(serialToIso(due))) leapFebruaries++;
      else expect([i, at(`D${i + 1}`)]).toEqual([i, due]);
    });
    expect(leapFebruaries).toBeGreaterThan(0);
  });

  test("blank optional arguments take the default: omitted, empty, or an empty cell", () => {
    jest.useFakeTimers({ now: new Date(2025, 2, 15, 9) });
    const hf = makeEngine({
      S: [
        [S("1990-03-15"), null, "=RM.AGE(A1)", "=RM.AGE(A1,)", "=RM.AGE(A1,B1)", '=RM.AGE(A1,"")'],
        [S("1990-03-16"), null, "=RM.AGE(A2)", "=RM.DAYSDUE(DATE(2025,2,15),\"月度\")", "=RM.SUITABLE(\"C3\",\"R3\",,)", "=RM.PROTECTIONNEED(300000,10,,,,2)"],
      ],
    });
    const at = reader(hf);
    expect([at("C1"), at("D1"), at("E1"), at("F1")]).toEqual([35, 35, 35, 35]);
    expect([at("C2"), at("D2"), at("E2"), at("F2")]).toEqual([34, 0, true, 4000000]);
  });
});

describe("ranges with blanks, text and errors", () => {
  /** A client's holdings: blanks, Chinese, 繁體 and English classes, a loan, numeric text, an own category. */
  const book: RawCellContent[][] = [
    ["class", "amount"],
    ["存款", 100000],
    ["基金", 300000],
    [null, null],
    ["贷款", 500000],
    ["Deposit", 50000],
    ["理財", "200,000"],
    ["黄金", 30000],
    [null, null],
    ["貸款", 1000],
    ["Fund", 100000],
  ];
  /** Rows 1–20 (data in A2:B20, the rest blank), then `formulas` as row 21. */
  const sheet = (formulas: RawCellContent[]): RawCellContent[][] => [
    ...book,
    ...Array.from({ length: 20 - book.length }, (): RawCellContent[] => [null, null]),
    formulas,
  ];

  test("ALLOCATION spills class, amount and share, largest first, below the formula", () => {
    const hf = makeEngine({ S: sheet(["=RM.ALLOCATION(A2:A20,B2:B20)"]) });
    const at = reader(hf);
    const spill = [21, 22, 23, 24].map((r) => [at(`A${r}`), at(`B${r}`)]);
    expect(spill).toEqual([["基金", 400000], ["理財", 200000], ["存款", 150000], ["黄金", 30000]]);
    expect(at("C21") as number).toBeCloseTo(400000 / 780000, 9);
    expect(at("A25")).toBeNull(); // the spill stops where the classes do
  });

  test("nested in native functions: SUM(INDEX(…,0,2)) is the asset total; INDEX, ROWS, COUNTIF, IFERROR", () => {
    const hf = makeEngine({
      S: sheet([
          "=SUM(INDEX(RM.ALLOCATION(A2:A20,B2:B20),0,2))",
          "=RM.NETWORTH(A2:A20,B2:B20)",
          "=INDEX(RM.ALLOCATION(A2:A20,B2:B20),1,1)",
          "=ROWS(RM.ALLOCATION(A2:A20,B2:B20))",
          "=SUM(INDEX(RM.ALLOCATION(A2:A20,B2:B20),0,3))",
          '=COUNTIF(RM.TIER(B2:B20),"A")',
          '=COUNTIF(RM.TIER(B2:B20),"C")',
          '=IFERROR(RM.AGE("not a date"),"bad date")',
          "=RM.GAP(RM.PROTECTIONNEED(300000,10),1000000)",
      ]),
    });
    const at = reader(hf);
    expect(at("A21")).toBe(780000); // 100,000 + 300,000 + 50,000 + 200,000 + 30,000 + 100,000
    expect(at("B21")).toBe(780000 - 501000);
    expect(at("C21")).toBe("基金");
    expect(at("D21")).toBe(4);
    expect(at("E21") as number).toBeCloseTo(1, 9);
    // Tiers of the amounts alone (1,281,000 in all): 500k, 300k, 200k and the first 100k are A; 30k and 1k are C.
    expect(at("F21")).toBe(4);
    expect(at("G21")).toBe(2);
    expect(at("H21")).toBe("bad date");
    expect(at("I21")).toBe(2000000);
  });

  test("TIER spills one tier per row, blank rows blank, lined up with the amounts", () => {
    const amounts: RawCellContent[][] = [[100], [null], [300], ["50"], [null], [10]];
    const hf = makeEngine({ S: amounts.map((r, i) => [...r, i === 0 ? "=RM.TIER(A1:A6)" : null]) });
    const at = reader(hf);
    expect([1, 2, 3, 4, 5, 6].map((r) => at(`B${r}`))).toEqual(["A", "", "A", "B", "", "C"]);
  });

  test("text where a number belongs is #VALUE! naming the row", () => {
    const hf = makeEngine({
      S: [
        ["存款", 100, "=RM.TIER(B1:B3)", "=RM.NETWORTH(A1:A3,B1:B3)"],
        ["基金", 200],
        ["股票", "12abc"],
        ["=RM.ALLOCATION(A1:A3,B1:B3)"],
      ],
    });
    const at = reader(hf);
    for (const a1 of ["A4", "C1", "D1"]) {
      const e = cellError(at(a1));
      expect(e.value).toBe("#VALUE!");
      expect(e.message).toBe('amounts row 3: "12abc" is not a number');
    }
  });

  test("an error value in a range is #VALUE! naming its row; in a scalar argument it is passed on", () => {
    const hf = makeEngine({
      S: [
        ["存款", 100, "=RM.AGE(NA())", "=RM.AGE(1/0)", "=RM.MASK(B2)", "=RM.TIER(B1:B3)"],
        ["基金", "=1/0"],
        ["=NA()", 5],
        ["=RM.ALLOCATION(A1:A3,B1:B3)"],
      ],
    });
    const at = reader(hf);
    expect(cellError(at("A4")).message).toBe("amounts row 2 holds the error #DIV/0!");
    expect(cellError(at("C1")).value).toBe("#N/A");
    expect(cellError(at("D1")).value).toBe("#DIV/0!");
    expect(cellError(at("E1")).value).toBe("#DIV/0!");
    expect(cellError(at("F1")).message).toBe("amounts row 2 holds the error #DIV/0!");
  });

  test("the class error comes first when the class cell is the error", () => {
    const hf = makeEngine({ S: [["=NA()", 100, "=RM.NETWORTH(A1:A2,B1:B2)"], ["存款", 5]] });
    expect(cellError(reader(hf)("C1")).message).toBe("classes row 1 holds the error #N/A");
  });

  test("nothing to allocate is #N/A with a message", () => {
    const hf = makeEngine({ S: [["贷款", 100, "=RM.ALLOCATION(A1:A2,B1:B2)"], [null, null]] });
    const e = cellError(reader(hf)("C1"));
    expect(e.value).toBe("#N/A");
    expect(e.message).toContain("no assets to allocate");
  });
});

describe("wrong arguments surface as #VALUE! with our message, in the UI language", () => {
  test.each([
    ['=RM.AGE("x")', 'birthDate must be a date: a date cell, a date serial number or YYYY-MM-DD text (got "x")'],
    ["=RM.AGE(DATE(2030,1,1),DATE(2025,1,1))", "birthDate (2030-01-01) is after asOf (2025-01-01)"],
    ["=RM.NEXTBIRTHDAY(60)", "birthDate is 60, Excel's 1900-02-29, a day that never existed"],
    ['=RM.HOLDINGMONTHS(DATE(2024,1,1),"soon")', 'asOf must be a date: a date cell, a date serial number or YYYY-MM-DD text (got "soon")'],
    ['=RM.NEXTREVIEW(DATE(2025,1,31),"weekly")', 'cadence must be 月度/季度/半年/年度, monthly/quarterly/semiannual/annual, or a whole number of months ≥ 1 (got "weekly")'],
    ['=RM.DAYSDUE(DATE(2025,1,31),0)', "cadence must be 月度/季度/半年/年度, monthly/quarterly/semiannual/annual, or a whole number of months ≥ 1 (got 0)"],
    ['=RM.SUITABLE("C6","R1")', 'clientRisk must be C1–C5, 1–5, or 保守(谨慎)/稳健/平衡/成长/进取(激进) (型 optional) (got "C6")'],
    ["=RM.PROTECTIONNEED(-1,10)", "annualIncome must not be negative (got -1)"],
    ["=RM.HLV(100000,10.5,0.03)", "years must be a whole number (got 10.5)"],
    ['=RM.GAP(100,"lots")', 'existingCover must be a number (got "lots")'],
    ['=RM.MASK("13812345678","fax")', 'kind must be phone, id, name or email (电话/证件/姓名/邮箱) (got "fax")'],
    ["=RM.MDIETZ(100,110,1000,DATE(2026,1,1),DATE(2025,1,1),DATE(2025,12,31))", "flowDates row 1: 2026-01-01 is outside the period 2025-01-01 to 2025-12-31"],
  ])("%s", (formula, message) => {
    const e = cellError(reader(makeEngine({ S: [[formula]] }))("A1"));
    expect(e.value).toBe("#VALUE!");
    expect(e.message).toBe(message);
  });

  test("in 简体 and 繁體", () => {
    setFunctionsLanguage("zh-CN");
    let hf = makeEngine({ S: [['=RM.AGE("x")', '=RM.TIER(A2:A3)'], [1], ["abc"]] });
    expect(cellError(reader(hf)("A1")).message).toBe('出生日期 应为日期：日期单元格、日期序号或 YYYY-MM-DD 文本（收到 "x"）');
    expect(cellError(reader(hf)("B1")).message).toBe('本行资产 第 2 行："abc" 不是数字');
    setFunctionsLanguage("zh-TW");
    hf = makeEngine({ S: [['=RM.AGE("x")', '=RM.TIER(A2:A3)'], [1], ["abc"]] });
    expect(cellError(reader(hf)("A1")).message).toBe('出生日期 應為日期：日期儲存格、日期序號或 YYYY-MM-DD 文字（收到 "x"）');
    expect(cellError(reader(hf)("B1")).message).toBe('本行資產 第 2 列："abc" 不是數字');
  });

  test("a wrong number of arguments is refused by the engine, as Excel refuses the formula", () => {
    const hf = makeEngine({ S: [["=RM.AGE()", "=RM.GAP(1,2,3)"]] });
    expect(cellError(reader(hf)("A1")).value).toBe("#N/A");
    expect(cellError(reader(hf)("B1")).value).toBe("#N/A");
  });
});

test("editing an input recomputes the RM.* cells that depend on it, spills included", () => {
  const hf = makeEngine({ S: [["存款", 100, "=RM.ALLOCATION(A1:A2,B1:B2)"], ["基金", 300]] });
  const at = reader(hf);
  expect(at("C1")).toBe("基金");
  hf.setCellContents({ sheet: 0, row: 0, col: 1 }, [[500]]);
  expect([at("C1"), at("D1"), at("C2"), at("D2")]).toEqual(["存款", 500, "基金", 300]);
  hf.setCellContents({ sheet: 0, row: 1, col: 1 }, [["x"]]);
  expect(cellError(at("C1")).message).toBe('amounts row 2: "x" is not a number');
});
