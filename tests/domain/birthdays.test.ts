import fc from "fast-check";
import { addDays } from "../../src/domain/dates";
import { age, birthdayInYear, birthdayWithin, nextBirthday, upcomingBirthday } from "../../src/domain/birthdays";

describe("age", () => {
  test.each<[string, string, number]>([
    ["1990-06-02", "2025-06-01", 34],
    ["1990-06-02", "2025-06-02", 35],
    ["1990-12-31", "2025-01-01", 34],
    ["2025-03-01", "2025-03-01", 0],
    // 29 Feb: one year older on 28 Feb in common years, the day the birthday is kept
    ["2000-02-27", "2025-02-26", 24],
    ["2000-02-29", "2025-02-27", 24],
    ["2000-02-29", "2025-02-28", 25],
    ["2000-02-29", "2025-03-01", 25],
    ["2000-02-29", "2028-02-28", 27], // a leap year: the birthday is 29 Feb
    ["2000-02-29", "2001-02-28", 1],
    ["2000-02-29", "2028-02-29", 28],
  ])("born %s, on %s: %i", (b, asOf, n) => expect(age(b, asOf)).toBe(n));
  test("bad input", () => {
    expect(() => age("2030-01-01", "2025-01-01")).toThrow(/after/);
    expect(() => age("1990-13-01", "2025-01-01")).toThrow(/birth: "1990-13-01"/);
    expect(() => age("1990-01-01", "")).toThrow(/asOf: blank/);
  });
});

describe("nextBirthday", () => {
  test.each<[string, string, string]>([
    ["1990-06-02", "2025-06-01", "2025-06-02"],
    ["1990-06-02", "2025-06-02", "2025-06-02"], // on the day itself
    ["1990-06-02", "2025-06-03", "2026-06-02"],
    ["1990-12-31", "2025-12-31", "2025-12-31"],
    ["1990-01-01", "2025-12-31", "2026-01-01"], // across the year end
    // 29 Feb → 28 Feb in common years (2025), 29 Feb in leap years (2028)
    ["1992-02-29", "2025-02-01", "2025-02-28"],
    ["1992-02-29", "2025-02-28", "2025-02-28"],
    ["1992-02-29", "2025-03-01", "2026-02-28"],
    ["1992-02-29", "2028-02-01", "2028-02-29"],
    ["1992-02-29", "2028-02-29", "2028-02-29"],
    ["1992-02-29", "2027-03-01", "2028-02-29"],
    ["1992-02-29", "2100-01-01", "2100-02-28"], // 2100 is not a leap year
    ["2025-05-05", "2025-01-01", "2025-05-05"], // not born yet: the birth date
  ])("born %s, on %s → %s", (b, asOf, next) => expect(nextBirthday(b, asOf)).toBe(next));
  test("birthdayInYear", () => {
    expect(birthdayInYear("2000-02-29", 2001)).toBe("2001-02-28");
    expect(birthdayInYear("2000-02-29", 2004)).toBe("2004-02-29");
  });
  test("bad input", () => {
    expect(() => nextBirthday("1990-02-30", "2025-01-01")).toThrow(RangeError);
    expect(() => nextBirthday("1990-01-01", "9999-06-01")).toThrow(/10000/);
  });
});

describe("upcomingBirthday / birthdayWithin", () => {
  test("within the window, with the age reached", () => {
    expect(upcomingBirthday("1987-03-05", "2025-02-28", 7)).toEqual({ date: "2025-03-05", daysUntil: 5, turns: 38 });
    expect(upcomingBirthday("1987-03-08", "2025-02-28", 7)).toBeUndefined();
    expect(upcomingBirthday("1987-03-07", "2025-02-28", 7)?.daysUntil).toBe(7);
    expect(upcomingBirthday("1992-02-29", "2025-02-27", 7)).toEqual({ date: "2025-02-28", daysUntil: 1, turns: 33 });
    expect(upcomingBirthday("1992-02-29", "2028-02-25", 7)).toEqual({ date: "2028-02-29", daysUntil: 4, turns: 36 });
    expect(upcomingBirthday("2010-01-02", "2024-12-30", 7)).toEqual({ date: "2025-01-02", daysUntil: 3, turns: 15 });
  });
  test("0 days = today only", () => {
    expect(birthdayWithin("1990-06-02", "2025-06-02", 0)).toBe(true);
    expect(birthdayWithin("1990-06-03", "2025-06-02", 0)).toBe(false);
  });
  test("a birthday just past is not upcoming", () => expect(birthdayWithin("1990-06-01", "2025-06-02", 7)).toBe(false));
  test("bad window", () => {
    expect(() => birthdayWithin("1990-06-01", "2025-06-02", -1)).toThrow(/days/);
    expect(() => birthdayWithin("1990-06-01", "2025-06-02", 1.5)).toThrow(RangeError);
  });
});

describe("birthdays and ages agree", () => {
  test("property: the next birthday is on or after asOf, within a year, and the age reached on it is `turns`", () => {
    const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays("1930-01-01", n));
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 30_000 }), (birth, gap) => {
        const asOf = addDays(birth, gap + 1);
        const next = nextBirthday(birth, asOf);
        expect(next >= asOf).toBe(true);
        expect(next < addDays(asOf, 366)).toBe(true);
        const u = upcomingBirthday(birth, asOf, 366)!;
        expect(age(birth, next)).toBe(u.turns);
        expect(age(birth, addDays(next, -1))).toBe(u.turns - 1);
      }),
      { numRuns: 500 },
    );
  });
});
