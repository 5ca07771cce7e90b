/**
 * The contact calendars of issue 15: the plan builds the last full month and the as-of month (a calendar six days
 * into a month shows almost nothing), --month one month; a follow-up promised for a later day (a contact's NextDate
 * after the as-of date) is shown on that day with its own mark and colour, what was promised in its note.
 */
import { emptyBook, type Book } from "../../src/domain/types";
import { CALENDAR_COLUMNS as C, contactCalendar, followUpsOf } from "../../src/sheets/contactCalendar";
import { outputPlan, planMonths, previousMonth } from "../../src/sheets/plan";
import { sampleBook } from "../../src/sample";
import { cellName } from "../../src/sheets/a1";
import { at } from "./helpers";

const AS_OF = "2026-11-06";

test("previousMonth and planMonths: January's previous month is last December", () => {
  expect(previousMonth("2026-11")).toBe("2026-10");
  expect(previousMonth("2026-01")).toBe("2025-12");
  expect(planMonths("2026-01-06")).toEqual(["2025-12", "2026-01"]);
  expect(planMonths("2026-03-31")).toEqual(["2026-02", "2026-03"]);
});

test("the plan has the calendars of the last full month and of the as-of month; month picks one", () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const months = (o: { month?: string }) => outputPlan(book, { asOf: AS_OF, lang: "zh-CN", reviews: "none", ...o }).sheets.flatMap((p) => (p.kind === "calendar" ? [p.month] : []));
  expect(months({})).toEqual(["2026-10", "2026-11"]);
  expect(months({ month: "2026-08" })).toEqual(["2026-08"]);
});

test("the sample six days into November: the October calendar holds the month's contacts the November one lacks", () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const marks = (month: string) => {
    const s = contactCalendar(book, { asOf: AS_OF, lang: "zh-CN", month });
    return s.cells.slice(4).flatMap((row) => row.slice(C.firstDay - 1)).filter((v) => typeof v === "string" && v !== "").length;
  };
  const inMonth = (m: string) => new Set(book.contacts.filter((c) => c.date.startsWith(m)).map((c) => `${c.clientId} ${c.date}`)).size;
  // one mark per client and day with contacts (or a follow-up promised for a later day of the month)
  expect(marks("2026-10")).toBe(inMonth("2026-10"));
  expect(marks("2026-10")).toBeGreaterThan(marks("2026-11"));
});

describe("follow-ups on the day they were promised for", () => {
  function book(): Book {
    const b = emptyBook();
    b.clients = [{ clientId: "C1", name: "张伟" }, { clientId: "C2", name: "李娜" }];
    b.contacts = [
      { clientId: "C1", date: "2026-11-02", channel: "T", summary: "问候", nextAction: "送基金资料", nextDate: "2026-11-20" },
      { clientId: "C1", date: "2026-11-04", channel: "M", summary: "面谈", nextAction: "签认购单", nextDate: "2026-11-20" },
      { clientId: "C1", date: "2026-10-30", channel: "E", summary: "邮件", nextAction: "回电", nextDate: "2026-11-05" }, // past: not a promise any more
      { clientId: "C2", date: "2026-11-03", channel: "T", nextDate: "2026-12-01" }, // next month
    ];
    return b;
  }

  test("followUpsOf: only NextDates after asOf in the month, one line per promise, the action or else the summary", () => {
    const f = followUpsOf(book().contacts, "2026-11-", AS_OF, "zh-CN");
    expect([...f]).toEqual([[20, ["约定跟进：送基金资料（2026-11-02 联络时约定）", "约定跟进：签认购单（2026-11-04 联络时约定）"]]]);
    expect([...followUpsOf(book().contacts, "2026-12-", AS_OF, "en-US")]).toEqual([[1, ["Follow-up promised: Phone (on the contact of 2026-11-03)"]]]);
  });

  test("the day cell shows the mark in blue with the promises in its note; past days keep their contacts", () => {
    const s = contactCalendar(book(), { asOf: AS_OF, lang: "zh-CN" });
    const day = (d: number) => cellName(C.firstDay + d - 1, 5);
    expect(at(s, 5, C.firstDay + 19)).toBe("约");
    expect(s.notes).toContainEqual({ cell: day(20), text: "约定跟进：送基金资料（2026-11-02 联络时约定）\n约定跟进：签认购单（2026-11-04 联络时约定）" });
    expect(s.formats).toContainEqual({ range: day(20), style: { fill: "#DDEBF7", color: "#1F4E78", bold: true } });
    expect(at(s, 5, C.firstDay + 1)).toBe("T");
    expect(at(s, 5, C.firstDay + 4)).toBe(null); // the promise for 11-05 is before the as-of date (11-06): not shown
    // C2's promise is for December: nothing in November beyond the contact itself
    expect(at(s, 6, C.firstDay + 2)).toBe("T");
    const dec = contactCalendar(book(), { asOf: AS_OF, lang: "en-US", month: "2026-12" });
    expect(at(dec, 6, C.firstDay)).toBe("Due");
  });
});
