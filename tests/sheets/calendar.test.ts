/** The contact calendar's cell contents and layout, which the contact-log command uses to update one cell in place. */
import { isoToSerial } from "../../src/domain/dates";
import { emptyBook, type Book, type Contact } from "../../src/domain/types";
import {
  calendarCell, calendarLayout, contactCalendar, findCalendarRow, parseMonth, CALENDAR_COLUMNS,
} from "../../src/sheets";
import { cell, formula } from "./helpers";
import { specProblems } from "./invariants";

const AS_OF = "2028-02-20";

function book(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C1", name: "张伟", reviewCadence: "Monthly" },
    { clientId: "C2", name: "王芳", reviewCadence: "Quarterly" },
    { clientId: "C3", name: "李明" },
  ];
  const c = (clientId: string, date: string, channel: Contact["channel"], summary?: string, nextAction?: string): Contact => ({
    clientId, date, channel, ...(summary ? { summary } : {}), ...(nextAction ? { nextAction } : {}),
  });
  b.contacts = [
    c("C1", "2028-02-03", "T", "电话问候，约下周面谈"),
    c("C2", "2027-12-01", "E", "寄送季度报告"),
    c("C1", "2028-02-03", "M", "面谈：检视资产", "准备新基金资料"),
    c("C1", "2028-02-03", "T", "再次确认时间"),
    c("C1", "2028-02-29", "E", "生日祝福"),
    c("C2", "2028-03-01", "M", "下月的面谈"),
  ];
  return b;
}

describe("calendar cells", () => {
  test("several contacts on one day: every code once, in order, and every summary in the note", () => {
    const cellC1 = calendarCell(book(), "C1", "2028-02-03", "zh-CN");
    expect(cellC1.text).toBe("T/M");
    expect(cellC1.note.split("\n")).toEqual([
      "电话：电话问候，约下周面谈",
      "面谈：面谈：检视资产（下一步：准备新基金资料）",
      "电话：再次确认时间",
    ]);
    expect(calendarCell(book(), "C1", "2028-02-03", "en-US").note.split("\n")[0]).toBe("Phone: 电话问候，约下周面谈");
    expect(calendarCell(book(), "C1", "2028-02-04", "zh-CN")).toEqual({ text: "", note: "" });
    expect(() => calendarCell(book(), "C1", "2028-02-30")).toThrow(/date/);
  });

  test("the sheet puts each day's cell and note exactly where calendarLayout says", () => {
    const b = book();
    const s = contactCalendar(b, { asOf: AS_OF, lang: "zh-CN", month: "2028-02" });
    const L = calendarLayout(b, "2028-02", "zh-CN");
    expect(s.name).toBe(L.sheetName);
    expect(L.days).toBe(29); // leap February
    expect(s.cells[2]).toHaveLength(CALENDAR_COLUMNS.firstDay - 1 + 29);
    const at = L.cellOf("C1", "2028-02-03")!;
    expect(cell(s, at)).toBe("T/M");
    expect(s.notes!.find((n) => n.cell === at)!.text).toBe(calendarCell(b, "C1", "2028-02-03", "zh-CN").note);
    expect(cell(s, L.cellOf("C1", "2028-02-29")!)).toBe("E");
    // March's contact is not on February's sheet.
    expect(L.columnOf("2028-03-01")).toBeUndefined();
    expect(s.notes).toHaveLength(2);
    expect(L.rowOf("C3")).toBe(7);
    expect(L.rowOf("nobody")).toBeUndefined();
    expect(specProblems(s)).toEqual([]);
  });

  test("last contact, days since as a formula on B2, next due from the cadence; never contacted is overdue", () => {
    const s = contactCalendar(book(), { asOf: AS_OF, lang: "zh-CN", month: "2028-02" });
    // C1: last contact 2028-02-03 (the 29th is after asOf), monthly → due 2028-03-03.
    expect(cell(s, "C5")).toBe(isoToSerial("2028-02-03"));
    expect(formula(s, "D5")).toEqual({ f: '=IF(C5="","",$B$2-C5)', cached: 17 });
    expect(cell(s, "E5")).toBe(isoToSerial("2028-03-03"));
    // C2: 2027-12-01 quarterly → due 2028-03-01, not overdue on 2028-02-20.
    expect(cell(s, "E6")).toBe(isoToSerial("2028-03-01"));
    // C3: never contacted: no dates, the row is highlighted by the C-column rule.
    expect(cell(s, "C7")).toBeNull();
    expect(formula(s, "D7").cached).toBe("");
  });

  test("finding the client's row in the sheet as read back (a client added since is simply not there)", () => {
    const ids = [["联络日历"], ["截至"], ["客户编号"], [""], ["C1"], ["C2"], ["C3"]];
    expect(findCalendarRow(ids, "C2")).toBe(6);
    expect(findCalendarRow(ids.map((r) => r[0]), "C3")).toBe(7);
    expect(findCalendarRow(ids, "C9")).toBeUndefined();
    // The header row never matches, even if an id looked like a header.
    expect(findCalendarRow([["C1"], ["C1"], ["C1"], ["C1"]], "C1")).toBeUndefined();
  });

  test("months are checked", () => {
    expect(parseMonth("2026-02")).toEqual({ y: 2026, m: 2, days: 28 });
    expect(() => parseMonth("2026-13")).toThrow(/YYYY-MM/);
    expect(() => contactCalendar(book(), { asOf: AS_OF, lang: "zh-CN", month: "Feb 2028" })).toThrow(/"Feb 2028"/);
  });
});
