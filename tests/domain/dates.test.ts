import { addMonths, isIsoDate, isoToSerial, serialToIso, wholeMonthsBetween, wholeYearsBetween, daysBetween, parseDateText } from "../../src/domain/dates";

describe("Excel 1900 serials", () => {
  // Reference values from Excel: DATE(1900,1,1)=1, DATE(1900,2,28)=59, DATE(1900,3,1)=61, DATE(2025,1,31)=45688.
  test.each([
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["1970-01-01", 25569],
    ["2000-02-29", 36585],
    ["2025-01-31", 45688],
    ["9999-12-31", 2958465],
  ])("%s ⇄ %i", (iso, serial) => {
    expect(isoToSerial(iso)).toBe(serial);
    expect(serialToIso(serial)).toBe(iso);
  });
  test("the phantom 1900-02-29 (serial 60) and out-of-range serials are refused", () => {
    expect(() => serialToIso(60)).toThrow(/1900-02-29/);
    expect(() => serialToIso(0)).toThrow(RangeError);
    expect(() => serialToIso(2958466)).toThrow(RangeError);
    expect(() => serialToIso(NaN)).toThrow(RangeError);
  });
  test("a time of day is dropped", () => expect(serialToIso(45688.75)).toBe("2025-01-31"));
  test("round trip over a wide range", () => {
    for (let s = 1; s < 80000; s += 7) if (s !== 60) expect(isoToSerial(serialToIso(s))).toBe(s);
  });
});

describe("calendar math", () => {
  test("month end is clamped", () => {
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2024-08-31", 3)).toBe("2024-11-30");
  });
  test("whole months and years", () => {
    expect(wholeMonthsBetween("2024-01-15", "2024-03-14")).toBe(1);
    expect(wholeMonthsBetween("2024-01-15", "2024-03-15")).toBe(2);
    expect(wholeYearsBetween("1990-06-02", "2025-06-01")).toBe(34);
    expect(wholeYearsBetween("1990-06-02", "2025-06-02")).toBe(35);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });
  test("ISO validation", () => {
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2024-2-9")).toBe(false);
  });
});

describe("whole months agree with month-end clamping", () => {
  test.each([
    ["2024-08-31", "2024-11-30", 3],
    ["2024-03-31", "2024-06-30", 3],
    ["2024-01-31", "2024-02-28", 0],
    ["2024-01-31", "2024-02-29", 1],
    ["2025-01-31", "2025-02-28", 1],
    ["2024-11-30", "2024-08-31", -3],
    ["2024-05-15", "2024-05-15", 0],
  ])("%s → %s = %i", (a, b, n) => expect(wholeMonthsBetween(a, b)).toBe(n));
  test("every n: addMonths(a, n) is exactly n whole months after a", () => {
    for (const a of ["2023-01-31", "2024-02-29", "2024-08-31", "2024-12-15"])
      for (let n = 0; n < 40; n++) expect(wholeMonthsBetween(a, addMonths(a, n))).toBe(n);
  });
  test("a 29 Feb birthday turns older on 28 Feb in common years", () => {
    expect(wholeYearsBetween("2000-02-29", "2001-02-27")).toBe(0);
    expect(wholeYearsBetween("2000-02-29", "2001-02-28")).toBe(1);
    expect(wholeYearsBetween("2000-02-29", "2004-02-28")).toBe(3);
    expect(wholeYearsBetween("2000-02-29", "2004-02-29")).toBe(4);
  });
});

// The one reader of date text for the book and RM.* (issue 12: "Text such as 300%, 1万, 50万 is not a date").
describe("parseDateText", () => {
  test.each([
    ["2024-03-05", "2024-03-05"], ["2024/3/5", "2024-03-05"], ["2024.3.5", "2024-03-05"], ["2024年3月5日", "2024-03-05"],
    ["20240305", "2024-03-05"], ["２０２４－０３－０５", "2024-03-05"], [" 2024-03-05 10:30 ", "2024-03-05"],
  ])("%p → %s", (text, iso) => expect(parseDateText(text)).toBe(iso));
  test.each(["300%", "1万", "50万", "45356", "1,234", "3.5", "2024-02-30", "1899-12-31", "", "2024-03-05x"])("%p is not a date", (text) => {
    expect(parseDateText(text)).toBeUndefined();
  });
});
