/**
 * Notes (ExcelApi 1.18, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-notes) and threaded
 * comments (ExcelApi 1.10, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-comments): both belong to
 * a single cell — "Note that an InvalidArgument error is thrown if multiple cells are selected."
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Calendar" }, { name: "Other" }] }, userName: "Manager Li", now: () => new Date("2025-01-02T03:04:05Z") });
});
afterEach(() => host.uninstall());

describe("worksheet.notes", () => {
  test("notes.add(cell, content) on one cell; items carry content and author; getItem by address", async () => {
    await Excel.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("Calendar").notes;
      notes.add("C3", "电话：讨论基金到期");
      notes.add(context.workbook.worksheets.getItem("Calendar").getRange("A2"), "first");
      const all = notes.load("items/content, items/authorName");
      const c3 = notes.getItem("C3").load("content");
      const count = notes.getCount();
      await context.sync();
      expect(all.items.map((n) => n.content)).toEqual(["first", "电话：讨论基金到期"]);
      expect(all.items[0].authorName).toBe("Manager Li");
      expect([c3.content, count.value]).toEqual(["电话：讨论基金到期", 2]);
    });
    expect(host.notes("Calendar")).toEqual([
      { sheet: "Calendar", address: "A2", content: "first", author: "Manager Li", visible: false },
      { sheet: "Calendar", address: "C3", content: "电话：讨论基金到期", author: "Manager Li", visible: false },
    ]);
  });

  test("a note on several cells is InvalidArgument", async () => {
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Calendar").notes.add("A1:B1", "too wide");
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(error.message).toContain("single cell");
  });

  test("an address on another sheet is InvalidArgument for worksheet.notes; workbook.notes takes Sheet!A1", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Calendar").notes.add("Other!A1", "x");
        await context.sync();
      }),
      "InvalidArgument",
    );
    await Excel.run(async (context) => {
      context.workbook.notes.add("Other!B2", "via workbook");
      await context.sync();
    });
    expect(host.notes("Other")).toEqual([expect.objectContaining({ address: "B2", content: "via workbook" })]);
  });

  test("a second note on the same cell is refused; content can be edited; delete removes it; getItemOrNullObject", async () => {
    await Excel.run(async (context) => {
      const notes = context.workbook.worksheets.getItem("Calendar").notes;
      notes.add("A1", "one");
      await context.sync();
      notes.add("A1", "two");
      await rejectsWith(context.sync(), "InvalidArgument");
      notes.getItem("A1").content = "edited";
      await context.sync();
      expect(host.notes("Calendar")[0].content).toBe("edited");
      notes.getItem("A1").delete();
      const gone = notes.getItemOrNullObject("A1");
      await context.sync();
      expect(gone.isNullObject).toBe(true);
    });
    expect(host.notes()).toEqual([]);
  });

  test("on an ExcelApi 1.17 host worksheet.notes is ApiNotFound (the add-in must fall back to comments)", async () => {
    host.setSupported({ ExcelApi: "1.17" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.worksheets.getItem("Calendar").notes).toThrow(/Worksheet.notes is part of the ExcelApi 1.18 requirement set/);
      expect(() => context.workbook.notes).toThrow(/ExcelApi 1.18/);
      await context.sync();
    });
  });
});

describe("workbook.comments", () => {
  test("comments.add('Sheet!A1', text) adds a thread attributed to the current user", async () => {
    await Excel.run(async (context) => {
      const comment = context.workbook.comments.add("Calendar!D4", "call back Friday");
      comment.load("content, authorName, authorEmail, creationDate, resolved");
      await context.sync();
      expect(comment.content).toBe("call back Friday");
      expect(comment.authorName).toBe("Manager Li");
      expect(comment.creationDate.toISOString()).toBe("2025-01-02T03:04:05.000Z");
      expect(comment.resolved).toBe(false);
    });
    expect(host.comments()).toEqual([{ sheet: "Calendar", address: "D4", content: "call back Friday", authorName: "Manager Li", resolved: false }]);
  });

  test("a comment on several cells is InvalidArgument", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.comments.add("Calendar!A1:A2", "x");
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("without a sheet name the address is on the active sheet; getItemByCell finds the thread; delete removes it", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").activate();
      context.workbook.comments.add("B2", "on the active sheet");
      await context.sync();
      const found = context.workbook.comments.getItemByCell("Other!B2").load("content");
      const sheetComments = context.workbook.worksheets.getItem("Other").comments.load("items/content");
      await context.sync();
      expect(found.content).toBe("on the active sheet");
      expect(sheetComments.items).toHaveLength(1);
      found.delete();
      await context.sync();
    });
    expect(host.comments()).toEqual([]);
  });

  test("a cell holds either a note or a comment thread, not both", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Calendar").notes.add("A1", "note");
        context.workbook.comments.add("Calendar!A1", "comment");
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(host.notes("Calendar")).toHaveLength(1);
    expect(host.comments()).toHaveLength(0);
  });

  test("comments with mentions are real API the fake does not model: NotImplemented, never a silent pass", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.comments.add("Calendar!A1", { richContent: "<at id=\"0\">x</at>", mentions: [] }, "Mention");
        await context.sync();
      }),
      "NotImplemented",
    );
  });
});
