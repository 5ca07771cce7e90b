import { holdingMonths, holdingPeriod } from "../../src/domain/holdingPeriod";

describe("holdingMonths", () => {
  test.each([
    // start, asOf, whole months
    ["2024-01-15", "2024-07-14", 5], // one day short of 6 months
    ["2024-01-15", "2024-07-15", 6],
    ["2023-03-10", "2025-03-10", 24],
    ["2025-01-31", "2025-02-28", 1], // month end clamped
    ["2024-02-29", "2025-02-28", 12], // leap day start, common year end of Feb
    ["2025-03-01", "2025-03-31", 0],
  ])("%s → %s = %i months", (start, asOf, months) => {
    expect(holdingMonths(start, asOf)).toBe(months);
  });

  test("never negative: a start on or after asOf is 0 months", () => {
    expect(holdingMonths("2025-06-01", "2025-06-01")).toBe(0);
    expect(holdingMonths("2026-06-01", "2025-06-01")).toBe(0);
  });

  test("no start date, or a date that is not real, gives undefined (a blank, not a wrong number)", () => {
    expect(holdingMonths(undefined, "2025-06-01")).toBeUndefined();
    expect(holdingMonths("2025-02-30", "2025-06-01")).toBeUndefined();
    expect(holdingMonths("2025-01-01", "not a date")).toBeUndefined();
  });

  test("holdingPeriod reads the holding's StartDate", () => {
    expect(holdingPeriod({ startDate: "2024-12-20" }, "2025-06-20")).toBe(6);
    expect(holdingPeriod({}, "2025-06-20")).toBeUndefined();
  });
});
