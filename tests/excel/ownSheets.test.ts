/**
 * A manager's own sheets are not ours to delete (issue 13): Refresh all and the single builds replace only sheets
 * ClientBook made — marked with a hidden workbook-scoped defined name (src/sheets/marker.ts), or of the old
 * layout (a name ClientBook gives and that kind's tab colour) — and put their output beside a manager's sheet of
 * the same name ("今日待办 (2)"). Before the fix, Refresh all deleted "今日待办" / "Today" and
 * "Review-my notes-C0001" with their content.
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import { generateBook } from "../../src/sample";
import { markedSheet, markerNumber, TAB_COLORS } from "../../src/sheets/marker";
import { clientFacingReview, profileSheetName, todaySheetName } from "../../src/sheets";
import type { Lang } from "../../src/domain/types";
import type { FakeHost } from "../fake-excel";
import { AS_OF, installWithBook } from "./helpers";

const commands = paneCommands();
let host: FakeHost;
afterEach(() => host?.uninstall());

function markers(h: FakeHost): { name: string; sheet: string | undefined; visible: boolean }[] {
  return h.definedNames().filter((n) => markerNumber(n.name) !== undefined).map((n) => ({ name: n.name, sheet: markedSheet(n.reference), visible: n.visible }));
}

function bookIn(lang: Lang) {
  return generateBook({ clients: 6, asOf: AS_OF, lang });
}

describe.each([
  ["zh-CN", "今日待办", "资产检视-我的笔记-C0001"],
  ["en-US", "Today", "Review-my notes-C0001"],
] as const)("%s: a manager's own sheets named like outputs", (lang, today, review) => {
  const own = (what: string) => [[`${what}: years of notes`, 42], ["=1+1", "keep"]];

  beforeEach(() => {
    const book = bookIn(lang);
    expect(book.clients[0].clientId).toBe("C0001");
    expect(todaySheetName(lang)).toBe(today);
    host = installWithBook(book, {
      extraSheets: [
        { name: today, rows: own("today") },
        { name: review, rows: own("review") },
      ],
    });
  });

  test("survive Refresh all with their content; the outputs go beside them; every output is marked", async () => {
    const r = await commands.refreshAll(AS_OF);
    expect(host.getValues(today, "A1:B1")).toEqual([["today: years of notes", 42]]);
    expect(host.getValues(review, "A1:B1")).toEqual([["review: years of notes", 42]]);
    expect(r.sheets).toContain(`${today} (2)`);
    // the manager's review-like sheet is not taken for a review: only the six sheets are refreshed
    expect(r.sheets).toHaveLength(6);
    expect(host.getValues(`${today} (2)`, "A1")[0][0]).not.toBe("");
    const marked = markers(host);
    expect(marked.map((m) => m.sheet).sort()).toEqual([...r.sheets].sort());
    expect(marked.every((m) => !m.visible)).toBe(true);
  });

  test("a second Refresh all replaces its own sheets in place: no duplicate sheets, markers or charts", async () => {
    await commands.buildReview("C0002", AS_OF);
    await commands.refreshAll(AS_OF);
    const names = host.sheetNames();
    const marks = markers(host);
    const charts = host.charts().length;
    const r = await commands.refreshAll(AS_OF);
    expect(host.sheetNames()).toEqual(names);
    expect(markers(host).map((m) => m.sheet).sort()).toEqual(marks.map((m) => m.sheet).sort());
    expect(markers(host)).toHaveLength(r.sheets.length);
    expect(host.charts()).toHaveLength(charts);
    expect(host.getValues(today, "A1:B1")).toEqual([["today: years of notes", 42]]);
    expect(host.getValues(review, "A1:B1")).toEqual([["review: years of notes", 42]]);
  });

  test("a single build (Today) also writes beside the manager's sheet, then replaces only its own", async () => {
    const first = await commands.buildToday(AS_OF);
    expect(first.sheets).toEqual([`${today} (2)`]);
    const second = await commands.buildToday(AS_OF);
    expect(second.sheets).toEqual([`${today} (2)`]);
    expect(host.sheetNames().filter((n) => n.startsWith(today))).toEqual([today, `${today} (2)`]);
    expect(host.getValues(today, "A1:B1")).toEqual([["today: years of notes", 42]]);
  });
});

describe("sheets of the old layout and the markers' life", () => {
  test("an output sheet written before markers (its name and tab colour) is replaced, not doubled, and marked", async () => {
    const book = bookIn("zh-CN");
    host = installWithBook(book, { extraSheets: [{ name: "今日待办", rows: [["旧版"]], tabColor: TAB_COLORS.today }] });
    const r = await commands.refreshAll(AS_OF);
    expect(r.sheets).toContain("今日待办");
    expect(host.sheetNames()).not.toContain("今日待办 (2)");
    expect(host.getValues("今日待办", "A1")[0][0]).not.toBe("旧版");
    expect(markers(host).some((m) => m.sheet === "今日待办")).toBe(true);
  });

  test("the same name with another tab colour is the manager's", async () => {
    host = installWithBook(bookIn("zh-CN"), { extraSheets: [{ name: "今日待办", rows: [["我的"]], tabColor: "#00B050" }] });
    await commands.refreshAll(AS_OF);
    expect(host.getValues("今日待办", "A1")).toEqual([["我的"]]);
    expect(host.sheetNames()).toContain("今日待办 (2)");
  });

  test("an output sheet the manager renamed stays (still ClientBook's, but not replaced by another name); a deleted one's marker is cleared", async () => {
    host = installWithBook(bookIn("zh-CN"));
    await commands.refreshAll(AS_OF);
    const profile = profileSheetName("zh-CN");
    await Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem(profile).name = "客户一览-五月存档";
      ctx.workbook.worksheets.getItem("今日待办").delete();
      await ctx.sync();
    });
    expect(markers(host).filter((m) => m.sheet === undefined)).toHaveLength(1); // #REF! left by the deleted sheet
    await commands.refreshAll(AS_OF);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(["客户一览-五月存档", profile, "今日待办"]));
    const marks = markers(host);
    expect(marks.filter((m) => m.sheet === undefined)).toEqual([]);
    expect(marks.map((m) => m.sheet)).toEqual(expect.arrayContaining(["客户一览-五月存档", profile, "今日待办"]));
  });

  test("a review the manager made by hand is not refreshed; ClientBook's own review is, by its marker", async () => {
    const book = bookIn("en-US");
    host = installWithBook(book, { extraSheets: [{ name: "Review-notes-C0003", rows: [["mine"]] }] });
    const built = await commands.buildReview("C0004", AS_OF);
    const r = await commands.refreshAll(AS_OF);
    expect(r.sheets.slice(6)).toEqual(built.sheets);
    expect(host.getValues("Review-notes-C0003", "A1")).toEqual([["mine"]]);
  });

  test("the client-facing review written into this workbook (no Excel.createWorkbook) goes beside a manager's sheet of its name", async () => {
    const book = bookIn("zh-CN");
    const { spec } = clientFacingReview(book, { asOf: AS_OF, lang: "zh-CN", clientId: "C0002" });
    host = installWithBook(book, {
      supported: (name, v) => name.toLowerCase() === "excelapi" && v !== "1.8",
      extraSheets: [{ name: spec.name, rows: [["给客户的备忘"]] }],
    });
    await commands.exportClientReview("C0002", AS_OF);
    await commands.exportClientReview("C0002", AS_OF);
    expect(host.getValues(spec.name, "A1")).toEqual([["给客户的备忘"]]);
    expect(host.sheetNames().filter((n) => n.startsWith(spec.name))).toEqual([spec.name, `${spec.name} (2)`]);
    expect(markers(host).map((m) => m.sheet)).toEqual([`${spec.name} (2)`]);
  });
});
