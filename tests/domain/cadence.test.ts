import { quoteInput } from "../../src/domain/result";
import fc from "fast-check";
import { addDays, daysBetween } from "../../src/domain/dates";
import { cadenceMonths, dayDiff, clientCadence, daysDue, defaultCadence, nextReview, parseCadenceArg } from "../../src/domain/cadence";
import { CADENCES } from "../../src/domain/types";

describe("cadence months and defaults", () => {
  test("months per cadence", () => expect(CADENCES.map(cadenceMonths)).toEqual([1, 3, 6, 12]));
  test("tier defaults: A monthly, B quarterly, C half-yearly", () => {
    expect(defaultCadence("A")).toBe("Monthly");
    expect(defaultCadence("B")).toBe("Quarterly");
    expect(defaultCadence("C")).toBe("Semiannual");
  });
  test("the client's own cadence wins over the tier", () => {
    expect(clientCadence({ reviewCadence: "Annual" }, "A")).toBe("Annual");
    expect(clientCadence({}, "B")).toBe("Quarterly");
  });
});

describe("parseCadenceArg", () => {
  test.each<[unknown, number]>([
    ["月度", 1], ["季度", 3], ["半年", 6], ["半年度", 6], ["年度", 12], ["每季", 3], ["每半年", 6],
    ["monthly", 1], ["Quarterly", 3], ["SEMIANNUAL", 6], ["semi-annual", 6], ["Semi Annual", 6], ["half-yearly", 6],
    ["annual", 12], ["yearly", 12], [" 月度 ", 1], ["ｍｏｎｔｈｌｙ", 1],
    [1, 1], [3, 3], [18, 18], [1200, 1200], ["2", 2], ["６", 6], ["3个月", 3], ["4個月", 4], ["5 months", 5], ["1 month", 1],
  ])("%p → %i months", (x, n) => expect(parseCadenceArg(x)).toEqual({ ok: true, value: n }));

  test.each<unknown>([0, -1, 1.5, NaN, Infinity, 1201, "", " ", "weekly", "每周", "0", "-3", "1.5", "3 weeks", null, undefined, true, {}, []])(
    "%p is refused with a message naming the argument",
    (x) => {
      const r = parseCadenceArg(x);
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.error.code).toBe("bad-cadence");
      expect(r.error.arg).toBe("cadence");
      expect(r.error.message["en-US"]).toMatch(/^cadence must be 月度\/季度\/半年\/年度, monthly.* \(got .+\)$/);
      expect(r.error.message["zh-CN"]).toMatch(/^cadence 应为 .*（收到 .+）$/);
      expect(r.error.message["zh-TW"]).toMatch(/^cadence 應為 .*（收到 .+）$/);
    },
  );
  test("the argument name is the caller's", () => {
    const r = parseCadenceArg("weekly", "频率");
    expect(!r.ok && r.error.message["en-US"]).toBe('频率 must be 月度/季度/半年/年度, monthly/quarterly/semiannual/annual, or a whole number of months ≥ 1 (got "weekly")');
  });
  test("quoteInput keeps messages short and readable", () => {
    expect(quoteInput(undefined)).toBe("blank");
    expect(quoteInput("")).toBe("blank");
    expect(quoteInput(3)).toBe("3");
    expect(quoteInput({})).toBe("object");
    expect(quoteInput("x".repeat(100))).toBe(`"${"x".repeat(40)}…"`);
  });
});

describe("nextReview and daysDue (frozen dates)", () => {
  test("month-end clamped", () => {
    expect(nextReview("2025-01-31", 1)).toBe("2025-02-28");
    expect(nextReview("2028-01-31", 1)).toBe("2028-02-29");
    expect(nextReview("2024-08-31", 6)).toBe("2025-02-28");
    expect(nextReview("2024-02-29", 12)).toBe("2025-02-28");
    expect(nextReview("2024-11-30", 3)).toBe("2025-02-28");
    expect(nextReview("2025-03-31", 3)).toBe("2025-06-30");
    expect(nextReview("2025-12-15", 1)).toBe("2026-01-15");
  });
  test("days until due, negative when overdue, 0 on the day", () => {
    expect(daysDue("2025-01-31", 1, "2025-02-20")).toBe(8);
    expect(daysDue("2025-01-31", 1, "2025-02-28")).toBe(0);
    expect(daysDue("2025-01-31", 1, "2025-03-03")).toBe(-3);
    expect(daysDue("2024-12-31", 3, "2025-01-01")).toBe(89);
  });
  test("bad arguments throw a RangeError that names them", () => {
    expect(() => nextReview("2025-02-30", 1)).toThrow(/lastDate: "2025-02-30" is not a date/);
    expect(() => nextReview("2025-01-31", 0)).toThrow(/months: 0/);
    expect(() => nextReview("2025-01-31", 1.5)).toThrow(RangeError);
    expect(() => daysDue("2025-01-31", 1, "31/01/2025")).toThrow(/asOf/);
  });
});

describe("dayDiff", () => {
  test("equals daysBetween everywhere, including before Excel's phantom 1900-02-29", () => {
    const day = fc.integer({ min: 0, max: 80_000 }).map((n) => addDays("1900-01-01", n));
    fc.assert(fc.property(day, day, (a, b) => expect(dayDiff(a, b)).toBe(daysBetween(a, b))), { numRuns: 2000 });
    expect(dayDiff("1900-02-28", "1900-03-01")).toBe(1);
    expect(dayDiff("2024-02-28", "2024-03-01")).toBe(2);
    expect(dayDiff("2025-03-01", "2025-02-28")).toBe(-1);
  });
});
