/**
 * RM.NEXTPREMIUM (issue 17): the next premium due date of a policy, as the Policies table's schedule
 * (src/domain/premiums.ts): premium k is due on EDATE(startDate, k × 12/n), counted from the start each time (Excel's
 * EDATE month-end rule: 31 Jan + 1 month = 28 Feb, or 29 in a leap year), for k < years × n; 趸交 pays once on the
 * start date; paid up is #N/A. Expected dates are worked by hand in the comments.
 */
import fc from "fast-check";
import * as F from "../../src/functions/functions";
import { FunctionError } from "../../src/functions/errors";
import { setFunctionsLanguage } from "../../src/functions/language";
import { isoToSerial, serialToIso } from "../../src/domain/dates";

const S = isoToSerial;
const next = (...args: unknown[]): string => serialToIso((F.NEXTPREMIUM as (...a: unknown[]) => number)(...args));

function thrown(f: () => unknown): FunctionError {
  try {
    f();
  } catch (e) {
    if (e instanceof FunctionError) return e;
    throw e;
  }
  throw new Error("expected an Excel error");
}

beforeEach(() => setFunctionsLanguage("en-US"));
afterAll(() => setFunctionsLanguage(undefined));

/** Excel's EDATE written out independently: the same day n months on, clamped to the month's length. */
function edate(d: string, n: number): string {
  const [y, m, day] = d.split("-").map(Number);
  const total = y * 12 + (m - 1) + n;
  const [ty, tm] = [Math.floor(total / 12), (total % 12) + 1];
  const leap = (ty % 4 === 0 && ty % 100 !== 0) || ty % 400 === 0;
  const length = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][tm - 1];
  return `${ty}-${String(tm).padStart(2, "0")}-${String(Math.min(day, length)).padStart(2, "0")}`;
}

describe("month ends and leap years (EDATE from the start each time)", () => {
  test("started 31 Jan 2024, monthly: 29 Feb 2024 (leap), 31 Mar, 30 Apr — never drifting to the 29th", () => {
    expect(next(S("2024-01-31"), "月缴", 20, S("2024-02-01"))).toBe("2024-02-29");
    expect(next(S("2024-01-31"), "月缴", 20, S("2024-03-01"))).toBe("2024-03-31");
    expect(next(S("2024-01-31"), "Monthly", 20, S("2024-04-01"))).toBe("2024-04-30");
    expect(next(S("2024-01-31"), "月繳", 20, S("2025-02-01"))).toBe("2025-02-28");
  });

  test("a due date on asOf counts (as a birthday on the day counts)", () => {
    expect(next(S("2024-01-31"), "月缴", 20, S("2024-03-31"))).toBe("2024-03-31");
    expect(next(S("2024-01-31"), "月缴", 20, S("2024-03-30"))).toBe("2024-03-31");
  });

  test("started 29 Feb 2020, annual: 28 Feb in common years, 29 Feb in 2024", () => {
    expect(next(S("2020-02-29"), "年缴", 10, S("2021-01-01"))).toBe("2021-02-28");
    expect(next(S("2020-02-29"), "年缴", 10, S("2024-01-01"))).toBe("2024-02-29");
    expect(next(S("2020-02-29"), "年缴", 10, S("2024-03-01"))).toBe("2025-02-28");
  });

  test("quarterly from 30 Nov 2023: 29 Feb 2024; semi-annual from 31 Aug 2023: 29 Feb 2024, then 31 Aug", () => {
    expect(next(S("2023-11-30"), "季缴", 5, S("2024-01-01"))).toBe("2024-02-29");
    expect(next(S("2023-11-30"), "季缴", 5, S("2024-03-01"))).toBe("2024-05-30");
    expect(next(S("2023-08-31"), "半年缴", 5, S("2024-01-01"))).toBe("2024-02-29");
    expect(next(S("2023-08-31"), "semi-annual", 5, S("2024-03-01"))).toBe("2024-08-31");
  });

  test("a policy not yet started: its first premium is the start date", () => {
    expect(next("2026-07-01", "年缴", 20, "2026-01-01")).toBe("2026-07-01");
  });
});

describe("the premium term and paid up", () => {
  test("20 annual premiums from 1 Mar 2010: the 20th on 1 Mar 2029; after it, paid up (#N/A saying when)", () => {
    expect(next("2010-03-01", "年缴", 20, "2029-03-01")).toBe("2029-03-01");
    const e = thrown(() => F.NEXTPREMIUM("2010-03-01", "年缴", 20, "2029-03-02"));
    expect({ code: e.code, message: e.message }).toEqual({ code: "#N/A", message: "paid up: the last of 20 premiums fell due on 2029-03-01, before asOf (2029-03-02)" });
  });

  test("趸交 pays once, on the start date", () => {
    expect(next("2025-06-01", "趸交", "", "2025-01-01")).toBe("2025-06-01");
    expect(next("2025-06-01", "躉繳", 10, "2025-06-01")).toBe("2025-06-01");
    expect(thrown(() => F.NEXTPREMIUM("2025-06-01", "Single premium", "", "2025-06-02")).message).toBe("paid up: the only premium fell due on 2025-06-01, before asOf (2025-06-02)");
  });

  test("blank years is termYears, as a blank PremiumYears is TermYears in the Policies table", () => {
    // 5 annual premiums from 15 Jan 2020: 2020 … 2024.
    expect(next("2020-01-15", "年缴", null, "2023-06-01", 5)).toBe("2024-01-15");
    expect(thrown(() => F.NEXTPREMIUM("2020-01-15", "年缴", null, "2024-06-01", 5)).code).toBe("#N/A");
    // years wins over termYears when both are given.
    expect(next("2020-01-15", "年缴", 10, "2024-06-01", 5)).toBe("2025-01-15");
  });

  test("no term (both blank, or 终身): premiums for as long as the policy is in force", () => {
    expect(next("2020-01-15", "年缴", "", "2060-01-01")).toBe("2060-01-15");
    expect(next("2020-01-15", "年缴", "", "2060-01-01", "终身")).toBe("2060-01-15");
    expect(next("2020-01-15", "年缴", "", "2060-01-01", "whole life")).toBe("2060-01-15");
  });

  test("monthly for 1 year is 12 premiums: 31 Jan 2024 … 31 Dec 2024", () => {
    expect(next("2024-01-31", "月缴", 1, "2024-12-01")).toBe("2024-12-31");
    expect(thrown(() => F.NEXTPREMIUM("2024-01-31", "月缴", 1, "2025-01-01")).message).toBe("paid up: the last of 12 premiums fell due on 2024-12-31, before asOf (2025-01-01)");
  });

  test("a blank frequency is annual, as in the Policies table", () => {
    expect(next("2024-01-31", "", 20, "2024-02-01")).toBe("2025-01-31");
    expect(next("2024-01-31", null, 20, "2024-02-01")).toBe("2025-01-31");
  });

  test("blank asOf is today (local date)", () => {
    jest.useFakeTimers({ now: new Date(2025, 2, 15, 10) });
    try {
      expect(next("2024-01-31", "月缴", 20)).toBe("2025-03-31");
    } finally {
      jest.useRealTimers();
    }
  });
});

describe("errors", () => {
  const refused = (f: () => unknown, message: string) => {
    const e = thrown(f);
    expect({ code: e.code, message: e.message }).toEqual({ code: "#VALUE!", message });
  };
  test("bad arguments name themselves", () => {
    refused(() => F.NEXTPREMIUM("2024-01-31", "weekly", 20, "2024-02-01"), 'frequency must be a premium frequency: Single premium/Annual/Semi-annual/Quarterly/Monthly (or 趸交/年缴/半年缴/季缴/月缴) (got "weekly")');
    refused(() => F.NEXTPREMIUM("2024-01-31", "月缴", 0, "2024-02-01"), "years must be between 1 and 100 (got 0)");
    refused(() => F.NEXTPREMIUM("2024-01-31", "月缴", 10.5, "2024-02-01"), "years must be a whole number (got 10.5)");
    refused(() => F.NEXTPREMIUM("", "月缴", 10, "2024-02-01"), "startDate is required (got blank)");
    refused(() => F.NEXTPREMIUM("2024-01-31", "月缴", "", "2024-02-01", "forever"), 'termYears must be a number (got "forever")');
  });
  test("a next premium after 9999-12-31 is refused, not looped on", () => {
    refused(() => F.NEXTPREMIUM("9999-11-30", "月缴", "", "9999-12-31"), "nextPremium falls after 9999-12-31, the last date Excel has");
    expect(next("9999-11-30", "月缴", "", "9999-12-01")).toBe("9999-12-30");
    // 12 monthly premiums from 30 Nov 9999 run past Excel's calendar too; one annual premium from 31 Dec 9998 is paid.
    refused(() => F.NEXTPREMIUM("9999-11-30", "月缴", 1, "9999-12-31"), "nextPremium falls after 9999-12-31, the last date Excel has");
    expect(thrown(() => F.NEXTPREMIUM("9998-12-31", "年缴", 1, "9999-12-31")).code).toBe("#N/A");
  });
  test("in 简体 and 繁體", () => {
    setFunctionsLanguage("zh-CN");
    expect(thrown(() => F.NEXTPREMIUM("2010-03-01", "年缴", 20, "2030-01-01")).message).toBe("已缴清：共 20 期保费，最后一期 2029-03-01 已早于 基准日（2030-01-01）到期");
    refused(() => F.NEXTPREMIUM("2024-01-31", "每周", 20, "2024-02-01"), '缴费方式 应为缴费方式：趸交/年缴/半年缴/季缴/月缴（或 Single premium/Annual/Semi-annual/Quarterly/Monthly）（收到 "每周"）');
    setFunctionsLanguage("zh-TW");
    refused(() => F.NEXTPREMIUM("9999-11-30", "月繳", "", "9999-12-31"), "下期保費日 晚於 9999-12-31，超出 Excel 的日期範圍");
  });
});

test("property: the result is the first EDATE(start, k × 12/n) on or after asOf with k < years × n", () => {
  const FREQ: [string, number][] = [["年缴", 12], ["半年缴", 6], ["季缴", 3], ["月缴", 1]];
  const day = fc.integer({ min: S("1990-01-01"), max: S("2060-12-31") });
  fc.assert(
    fc.property(day, day, fc.constantFrom(...FREQ), fc.integer({ min: 1, max: 40 }), (startSerial, asOfSerial, [word, step], years) => {
      const start = serialToIso(startSerial);
      const asOf = serialToIso(asOfSerial);
      const count = years * (12 / step);
      let expected: string | undefined;
      for (let k = 0; k < count; k++) {
        const due = edate(start, k * step);
        if (due >= asOf) {
          expected = due;
          break;
        }
      }
      if (expected === undefined) expect(thrown(() => F.NEXTPREMIUM(startSerial, word, years, asOfSerial)).code).toBe("#N/A");
      else expect(next(startSerial, word, years, asOfSerial)).toBe(expected);
    }),
  );
});

// The optional last argument status (the Policies table's Status, src/domain/policyStatus.ts — the book's one list):
// only a policy in force has premiums due (src/domain/premiums.ts premiumsDue; 保险法 art. 36: a policy whose premium
// is unpaid past the grace period is suspended, 失效). Before it, a lapsed policy's row showed its next due date.
describe("status: a lapsed or matured policy has no next premium (#N/A naming the status); blank = in force", () => {
  // hand: 20 annual premiums from 1 Mar 2010, as of 1 Jan 2025 → 1 Mar 2025 while in force
  const ARGS = ["2010-03-01", "年缴", 20, "2025-01-01", ""] as const;
  test("in force in any of the table's spellings (and blank, and left out): the date as before", () => {
    expect(next(...ARGS)).toBe("2025-03-01");
    for (const s of ["有效", "In force", "in force", "InForce", "生效", "", null]) expect([s, next(...ARGS, s)]).toEqual([s, "2025-03-01"]);
  });
  test("失效 / 满期 / 滿期 / Lapsed / Matured and their other spellings: #N/A with the reason", () => {
    for (const s of ["失效", "Lapsed", "停效", "中止"]) {
      const e = thrown(() => F.NEXTPREMIUM(...ARGS, s));
      expect([s, e.code, e.message]).toEqual([s, "#N/A", "the policy is lapsed: a lapsed policy has no premiums due"]);
    }
    for (const s of ["满期", "滿期", "Matured", "到期"]) {
      const e = thrown(() => F.NEXTPREMIUM(...ARGS, s));
      expect([s, e.code, e.message]).toEqual([s, "#N/A", "the policy has matured: its term is over and no premiums are due"]);
    }
    setFunctionsLanguage("zh-CN");
    expect(thrown(() => F.NEXTPREMIUM(...ARGS, "失效")).message).toBe("保单状态为失效：失效保单不再缴费，没有下期保费");
    setFunctionsLanguage("zh-TW");
    expect(thrown(() => F.NEXTPREMIUM(...ARGS, "滿期")).message).toBe("保單狀態為滿期：保障期已結束，沒有下期保費");
  });
  test("a status the table does not take (退保 is no Status value) is #VALUE! naming the argument and the list", () => {
    const e = thrown(() => F.NEXTPREMIUM(...ARGS, "退保"));
    expect({ code: e.code, message: e.message }).toEqual({
      code: "#VALUE!",
      message: 'status must be a policy status as the Policies table\'s Status column takes it: In force/Lapsed/Matured (or 有效/失效/满期) (got "退保")',
    });
  });
  test("property: in force = the old five-argument result; lapsed or matured = #N/A whatever the schedule", () => {
    const day = fc.integer({ min: S("1990-01-01"), max: S("2060-12-31") });
    const word = fc.constantFrom("年缴", "月繳", "Quarterly", "趸交");
    fc.assert(
      fc.property(day, day, word, fc.integer({ min: 1, max: 40 }), fc.constantFrom("有效", "失效", "满期", "In force", "Lapsed", "Matured", ""), (start, on, f, years, status) => {
        const old = (() => {
          try {
            return F.NEXTPREMIUM(start, f, years, on);
          } catch (e) {
            return (e as FunctionError).code;
          }
        })();
        const now = (() => {
          try {
            return F.NEXTPREMIUM(start, f, years, on, "", status);
          } catch (e) {
            return (e as FunctionError).code;
          }
        })();
        expect(now).toEqual(["失效", "满期", "Lapsed", "Matured"].includes(status) ? "#N/A" : old);
      }),
    );
  });
});
