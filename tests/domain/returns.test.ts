import type { Result } from "../../src/domain/result";
import { addDays, daysBetween, isoToSerial } from "../../src/domain/dates";
import { annualiseReturn, checkNumber, linkReturns, modifiedDietz, modifiedDietzByDays, modifiedDietzSerial, simpleChange } from "../../src/domain/returns";

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(`expected a value, got ${r.error.code}: ${r.error.message["en-US"]}`);
  return r.value;
}
function error<T>(r: Result<T>) {
  if (r.ok) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const START = "2025-01-01";
const END = addDays(START, 90); // 2025-04-01

describe("Modified Dietz (ISO dates)", () => {
  test("the issue's check: BV 100,000, EV 125,000, +20,000 on day 20, −10,000 on day 60 of 90 days", () => {
    expect(daysBetween(START, END)).toBe(90);
    const r = value(
      modifiedDietz({
        beginValue: 100_000,
        endValue: 125_000,
        flows: [
          { amount: 20_000, date: addDays(START, 20) },
          { amount: -10_000, date: addDays(START, 60) },
        ],
        start: START,
        end: END,
      }),
    );
    // numerator   = 125,000 − 100,000 − (20,000 − 10,000) = 15,000
    // denominator = 100,000 + 20,000·(90−20)/90 − 10,000·(90−60)/90 = (900,000 + 140,000 − 30,000)/9 = 1,010,000/9
    // R = 15,000·9/1,010,000 = 27/202 = 0.133663…
    expect(r).toBeCloseTo(27 / 202, 12);
    expect(r).toBeCloseTo(0.1337, 4);
  });

  test("a flow on the first day is invested the whole period (weight 1)", () => {
    // (165 − 100 − 50) / (100 + 50·1) = 15/150
    const r = modifiedDietz({ beginValue: 100, endValue: 165, flows: [{ amount: 50, date: START }], start: START, end: addDays(START, 10) });
    expect(value(r)).toBeCloseTo(0.1, 12);
  });

  test("a flow on the last day is not invested at all (weight 0)", () => {
    // (165 − 100 − 50) / (100 + 50·0) = 15/100
    const end = addDays(START, 10);
    const r = modifiedDietz({ beginValue: 100, endValue: 165, flows: [{ amount: 50, date: end }], start: START, end });
    expect(value(r)).toBeCloseTo(0.15, 12);
  });

  test("without flows it is the simple return", () => {
    const r = modifiedDietz({ beginValue: 200, endValue: 210, flows: [], start: START, end: END });
    expect(value(r)).toBeCloseTo(0.05, 12);
  });

  test("zero begin value with money paid in works; with nothing paid in it is refused with the reason", () => {
    // (1,100 − 0 − 1,000) / (0 + 1,000·1) = 0.1
    expect(value(modifiedDietz({ beginValue: 0, endValue: 1100, flows: [{ amount: 1000, date: START }], start: START, end: END }))).toBeCloseTo(0.1, 12);
    const e = error(modifiedDietz({ beginValue: 0, endValue: 50, flows: [], start: START, end: END }));
    expect(e.code).toBe("non-positive-capital");
    expect(e.message["en-US"]).toMatch(/average capital.*is 0/);
  });

  test("money withdrawn early so that the average capital is negative is refused, naming the figure", () => {
    // 1,000 − 1,200·(10−1)/10 = 1,000 − 1,080 = −80
    const e = error(modifiedDietz({ beginValue: 1000, endValue: 0, flows: [{ amount: -1200, date: addDays(START, 1) }], start: START, end: addDays(START, 10) }));
    expect(e.code).toBe("non-positive-capital");
    expect(e.message["en-US"]).toContain("-80");
    expect(e.message["zh-CN"]).toContain("-80");
    expect(e.message["zh-TW"]).toContain("-80");
  });

  test("flows outside [start, end] are refused, naming the flow", () => {
    const e = error(
      modifiedDietz({
        beginValue: 100,
        endValue: 100,
        flows: [
          { amount: 1, date: START },
          { amount: 1, date: addDays(END, 1) },
        ],
        start: START,
        end: END,
      }),
    );
    expect(e).toMatchObject({ code: "flow-outside-period", arg: "flows[1].date" });
    expect(e.message["en-US"]).toContain("2025-04-02");
    expect(error(modifiedDietz({ beginValue: 100, endValue: 100, flows: [{ amount: 1, date: "2024-12-31" }], start: START, end: END })).code).toBe("flow-outside-period");
  });

  test("an empty or reversed period and bad values are refused", () => {
    expect(error(modifiedDietz({ beginValue: 1, endValue: 1, flows: [], start: START, end: START }))).toMatchObject({ code: "empty-period", arg: "end" });
    expect(error(modifiedDietz({ beginValue: 1, endValue: 1, flows: [], start: END, end: START }))).toMatchObject({ code: "end-before-start", arg: "end" });
    expect(error(modifiedDietz({ beginValue: 1, endValue: 1, flows: [], start: "2025-02-30", end: END }))).toMatchObject({ code: "bad-date", arg: "start" });
    expect(error(modifiedDietz({ beginValue: 1, endValue: 1, flows: [{ amount: 1, date: "soon" }], start: START, end: END }))).toMatchObject({ code: "bad-date", arg: "flows[0].date" });
    expect(error(modifiedDietz({ beginValue: 1, endValue: 1, flows: [{ amount: NaN, date: START }], start: START, end: END }))).toMatchObject({ code: "not-a-number", arg: "flows[0].amount" });
    expect(error(modifiedDietz({ beginValue: -1, endValue: 1, flows: [], start: START, end: END }))).toMatchObject({ code: "out-of-range", arg: "beginValue" });
    expect(error(modifiedDietz({ beginValue: 1, endValue: Infinity, flows: [], start: START, end: END }))).toMatchObject({ code: "not-a-number", arg: "endValue" });
  });
});

describe("Modified Dietz by days", () => {
  test("a fractional (mid-period) flow date", () => {
    // (130 − 100 − 20) / (100 + 20·(10−5)/10) = 10/110
    expect(value(modifiedDietzByDays({ beginValue: 100, endValue: 130, flows: [{ amount: 20, day: 5 }], days: 10 }))).toBeCloseTo(10 / 110, 12);
  });
  test("T = 0 and days outside the period are refused", () => {
    expect(error(modifiedDietzByDays({ beginValue: 1, endValue: 1, flows: [], days: 0 })).code).toBe("empty-period");
    expect(error(modifiedDietzByDays({ beginValue: 1, endValue: 1, flows: [{ amount: 1, day: 11 }], days: 10 }))).toMatchObject({ code: "flow-outside-period", arg: "flows[0].day" });
  });
});

describe("Modified Dietz with Excel serials (RM.MDIETZ)", () => {
  const s = isoToSerial(START); // 45658

  test("same answer as with ISO dates", () => {
    const r = modifiedDietzSerial({ beginValue: 100_000, endValue: 125_000, flowAmounts: [20_000, -10_000], flowDates: [s + 20, s + 60], startDate: s, endDate: s + 90 });
    expect(value(r)).toBeCloseTo(27 / 202, 12);
  });

  test("Wikipedia's worked example (\"Modified Dietz method\", Example): $100 → $300 over two years, +$50 after the first: 120 %", () => {
    // Source: en.wikipedia.org/wiki/Modified_Dietz_method, section "Example": a portfolio worth $100 at the
    // beginning of the first year and $300 at the end of the second, with an inflow of $50 at the end of the first
    // year (neither year a leap year). Gain = 300 − 100 − 50 = 150; average capital = 100 + 50 × (365/730) = 125;
    // R = 150 / 125 = 120 %.
    // RM.MDIETZ's period runs from the valuation date of beginValue to that of endValue (each value at the close
    // of its day), T = endDate − startDate days, and a flow dated d counts from the close of d: w = (end − d)/T.
    // $100 at the close of 2020-12-31 (= the beginning of 2021), $300 at the close of 2022-12-31, $50 at the close
    // of 2021-12-31: T = 730, t = 365, w = ½, exactly the example's figures.
    const [start, flow, end] = [isoToSerial("2020-12-31"), isoToSerial("2021-12-31"), isoToSerial("2022-12-31")];
    expect([flow - start, end - start]).toEqual([365, 730]);
    const r = modifiedDietzSerial({ beginValue: 100, endValue: 300, flowAmounts: [50], flowDates: [flow], startDate: start, endDate: end });
    expect(value(r)).toBeCloseTo(1.2, 12);
    // Reading the dates as "first day 2021-01-01 to last day 2022-12-31" instead would count T = 729 and give
    // 150 / (100 + 50 × 364/729) = 120.03 %: the documented period must be the valuation dates, as above.
    const misread = modifiedDietzSerial({ beginValue: 100, endValue: 300, flowAmounts: [50], flowDates: [flow + 1], startDate: start + 1, endDate: end });
    expect(value(misread)).toBeCloseTo(150 / (100 + (50 * 364) / 729), 12);
    expect(value(misread)).not.toBeCloseTo(1.2, 4);
  });

  test("a time of day on a serial is ignored", () => {
    const r = modifiedDietzSerial({ beginValue: 100_000, endValue: 125_000, flowAmounts: [20_000, -10_000], flowDates: [s + 20.9, s + 60.1], startDate: s + 0.5, endDate: s + 90.99 });
    expect(value(r)).toBeCloseTo(27 / 202, 12);
  });

  test("real days are counted across Excel's phantom 1900-02-29 (serial 60)", () => {
    // serial 59 = 1900-02-28, 61 = 1900-03-01, 62 = 1900-03-02: T = 2 real days, the flow on day 1 weighs ½.
    // (250 − 100 − 100) / (100 + 100·½) = 50/150; counting serials naively (T = 3, t = 2) would give 0.375.
    const r = modifiedDietzSerial({ beginValue: 100, endValue: 250, flowAmounts: [100], flowDates: [61], startDate: 59, endDate: 62 });
    expect(value(r)).toBeCloseTo(1 / 3, 12);
    expect(error(modifiedDietzSerial({ beginValue: 1, endValue: 1, flowAmounts: [1], flowDates: [60], startDate: 59, endDate: 62 }))).toMatchObject({ code: "bad-date", arg: "flowDates[1]" });
  });

  test("bad arguments name the custom function's argument (1-based positions)", () => {
    const base = { beginValue: 100, endValue: 110, flowAmounts: [1, 2], flowDates: [s + 1, s + 2], startDate: s, endDate: s + 30 };
    expect(error(modifiedDietzSerial({ ...base, flowDates: [s + 1] }))).toMatchObject({ code: "length-mismatch", arg: "flowDates" });
    expect(error(modifiedDietzSerial({ ...base, startDate: 0 }))).toMatchObject({ code: "bad-date", arg: "startDate" });
    expect(error(modifiedDietzSerial({ ...base, endDate: 3e6 }))).toMatchObject({ code: "bad-date", arg: "endDate" });
    expect(error(modifiedDietzSerial({ ...base, endDate: s }))).toMatchObject({ code: "empty-period", arg: "endDate" });
    expect(error(modifiedDietzSerial({ ...base, endDate: s - 1 }))).toMatchObject({ code: "end-before-start", arg: "endDate" });
    expect(error(modifiedDietzSerial({ ...base, flowDates: [s + 1, s + 31] }))).toMatchObject({ code: "flow-outside-period", arg: "flowDates[2]" });
    expect(error(modifiedDietzSerial({ ...base, flowAmounts: [1, NaN] }))).toMatchObject({ code: "not-a-number", arg: "flowAmounts[2]" });
    expect(error(modifiedDietzSerial({ ...base, beginValue: NaN }))).toMatchObject({ code: "not-a-number", arg: "beginValue" });
    expect(error(modifiedDietzSerial({ ...base, startDate: "x" as unknown as number }))).toMatchObject({ code: "not-a-number", arg: "startDate" });
  });
});

describe("simpleChange", () => {
  test("absolute and percentage", () => {
    expect(simpleChange(100, 125)).toEqual({ abs: 25, pct: 0.25 });
    expect(simpleChange(200, 150)).toEqual({ abs: -50, pct: -0.25 });
  });
  test("no percentage from a zero base (the key is absent)", () => {
    const c = simpleChange(0, 50);
    expect(c).toEqual({ abs: 50 });
    expect("pct" in c).toBe(false);
  });
  test("a rise from a negative base reads as positive", () => {
    // −200 → −100: +100 on a base of |−200| = +50 %
    expect(simpleChange(-200, -100)).toEqual({ abs: 100, pct: 0.5 });
  });
});

describe("checkNumber messages", () => {
  test("say what and where in the three languages", () => {
    const e = checkNumber(-3, "years", { min: 0 })!;
    expect(e.code).toBe("out-of-range");
    expect(e.message["en-US"]).toBe("years must not be negative (got -3)");
    expect(e.message["zh-CN"]).toBe("years 不能为负数（收到 -3）");
    expect(e.message["zh-TW"]).toBe("years 不能為負數（收到 -3）");
    expect(checkNumber(undefined, "need")!.message["en-US"]).toBe("need must be a number (got blank)");
    expect(checkNumber("abc", "need")!.message["en-US"]).toBe('need must be a number (got "abc")');
    expect(checkNumber(5, "rate", { min: -1, minExclusive: true })).toBeUndefined();
    expect(checkNumber(-1, "rate", { min: -1, minExclusive: true })!.message["en-US"]).toBe("rate must be > -1 (got -1)");
    expect(checkNumber(101, "years", { min: 0, max: 100 })!.message["en-US"]).toBe("years must be between 0 and 100 (got 101)");
    expect(checkNumber(1.5, "children", { integer: true })!.code).toBe("not-whole");
  });
});

describe("refused values are quoted briefly", () => {
  test("blank cells, long text and objects", () => {
    expect(checkNumber(null, "a")!.message["en-US"]).toBe("a must be a number (got blank)");
    expect(checkNumber("", "a")!.message["en-US"]).toBe("a must be a number (got blank)");
    expect(checkNumber("x".repeat(50), "a")!.message["en-US"]).toBe(`a must be a number (got "${"x".repeat(40)}…")`);
    expect(checkNumber({}, "a")!.message["en-US"]).toBe("a must be a number (got object)");
  });
});

describe("several periods: linking and annualising", () => {
  test("geometric linking ∏(1 + rₖ) − 1 (GIPS / CFA Institute time-weighted return)", () => {
    // +10 % then −5 % then +2 %: 1.10 × 0.95 × 1.02 = 1.06590 → 6.590 % (not the sum, 7 %)
    expect(linkReturns([0.1, -0.05, 0.02])).toBeCloseTo(0.0659, 12);
    // +50 % then −10 %: 1.5 × 0.9 − 1 = 35 % (a loss after a gain does not cancel it)
    expect(linkReturns([0.5, -0.1])).toBeCloseTo(0.35, 12);
    expect(linkReturns([])).toBe(0);
    expect(linkReturns([0.0123])).toBeCloseTo(0.0123, 15);
  });

  test("annualised over a year or more: (1 + R)^(365/days) − 1; refused below a year (GIPS)", () => {
    // 21 % over 730 days: 1.21^(1/2) − 1 = 10 % a year
    expect(value(annualiseReturn(0.21, 730))).toBeCloseTo(0.1, 12);
    // exactly a year: unchanged
    expect(value(annualiseReturn(0.0659, 365))).toBeCloseTo(0.0659, 12);
    // 6.59 % over 500 days: 1.0659^0.73 − 1 = e^(0.73 × ln 1.0659) − 1 = e^(0.73 × 0.063820) − 1 = 4.7691 %
    expect(value(annualiseReturn(0.0659, 500))).toBeCloseTo(Math.pow(1.0659, 0.73) - 1, 12);
    expect(value(annualiseReturn(0.0659, 500))).toBeCloseTo(0.047691, 5);
    const e = error(annualiseReturn(0.05, 364));
    expect(e.code).toBe("short-span");
    expect(e.message["zh-CN"]).toContain("364");
    expect(error(annualiseReturn(-1.2, 800)).code).toBe("total-loss-exceeded");
    expect(value(annualiseReturn(-1, 800))).toBe(-1);
  });
});
