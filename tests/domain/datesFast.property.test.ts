/**
 * addMonths and daysBetween reckon real dates from 1900 on directly on their parts (src/domain/dates.ts); date-fns,
 * which they used before and still use for anything else, is the reference they are held to here over every month
 * of 1900–2299 and random days, offsets and pairs. Worked by hand: 2024-01-31 + 1 month = 2024-02-29 (leap year),
 * 2023-01-31 + 1 = 2023-02-28, 2000-02-29 + 12 = 2001-02-28; 1970-01-01 → 2026-12-07 is 20,794 days
 * (56 × 365 + 14 leap days 1972…2024 + 334 days to 1 Dec + 6).
 */
import fc from "fast-check";
import { addMonths as dfAddMonths, differenceInCalendarDays, format } from "date-fns";
import { addMonths, daysBetween, daysInMonth } from "../../src/domain/dates";

const toDate = (iso: string) => new Date(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
const iso = (d: Date) => format(d, "yyyy-MM-dd");
const refAddMonths = (d: string, n: number) => iso(dfAddMonths(toDate(d), n));
const refDaysBetween = (a: string, b: string) => differenceInCalendarDays(toDate(b), toDate(a));

const date = fc
  .record({ y: fc.integer({ min: 1900, max: 2299 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, "0")}-${String(Math.min(d, daysInMonth(y, m))).padStart(2, "0")}`);

test("worked examples", () => {
  expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
  expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
  expect(addMonths("2000-02-29", 12)).toBe("2001-02-28");
  expect(addMonths("2024-03-15", -15)).toBe("2022-12-15");
  expect(daysBetween("1970-01-01", "2026-12-07")).toBe(56 * 365 + 14 + 334 + 6);
  expect(daysBetween("1900-02-28", "1900-03-01")).toBe(1); // 1900 is no leap year (Excel's serials say otherwise)
});

test("property: addMonths equals date-fns' for real dates and whole offsets", () => {
  fc.assert(
    fc.property(date, fc.integer({ min: -1300, max: 1300 }), (d, n) => {
      expect(addMonths(d, n)).toBe(refAddMonths(d, n));
    }),
    { numRuns: 3000 },
  );
});

test("every month end and 28th–31st of 1900–2299, plus and minus 1, 11, 12, 13 and 25 months, as date-fns", () => {
  for (let y = 1900; y < 2300; y++)
    for (let m = 1; m <= 12; m++)
      for (let d = 28; d <= daysInMonth(y, m); d++) {
        const s = `${y}-${String(m).padStart(2, "0")}-${d}`;
        for (const n of [1, -1, 11, -11, 12, -12, 13, 25, -25]) if (addMonths(s, n) !== refAddMonths(s, n)) throw new Error(`${s} ${n}: ${addMonths(s, n)} ≠ ${refAddMonths(s, n)}`);
      }
});

test("property: daysBetween equals date-fns' differenceInCalendarDays", () => {
  fc.assert(
    fc.property(date, date, (a, b) => {
      expect(daysBetween(a, b)).toBe(refDaysBetween(a, b));
    }),
    { numRuns: 3000 },
  );
});

test("outside the direct path (fractional offsets, dates before 1900, impossible dates) the answers are date-fns' own", () => {
  expect(addMonths("2024-01-31", 1.7)).toBe(refAddMonths("2024-01-31", 1.7));
  expect(addMonths("1899-12-31", 2)).toBe(refAddMonths("1899-12-31", 2));
  expect(addMonths("2023-02-30", 1)).toBe(refAddMonths("2023-02-30", 1));
  expect(daysBetween("1899-12-31", "1900-01-02")).toBe(refDaysBetween("1899-12-31", "1900-01-02"));
});
