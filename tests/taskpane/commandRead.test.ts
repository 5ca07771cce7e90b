/**
 * What the pane does after a command (src/taskpane/model/commandRead.ts): an output command's own read is stored and
 * nothing is read; a command that changes tables is followed by a re-read; and a read taken before another
 * command's write is never stored after that command ended (the pane would show the book older than the workbook).
 * Checked on the fake host with real commands running at the same time.
 */
import type { ReadResult } from "../../src/excel/api";
import { emptyBook } from "../../src/domain/types";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { ReadGate, readOf, type AfterCommand } from "../../src/taskpane/model/commandRead";
import { mergeClientRows } from "../../src/taskpane/model/clientMerge";
import { sampleBook } from "../../src/sample";
import { AS_OF, installWithBook } from "../excel/helpers";

const read: ReadResult = { syncs: 1, book: emptyBook(), errors: [], hasBook: true };

describe("readOf", () => {
  test("the read a result carries, else nothing", () => {
    expect(readOf({ syncs: 2, sheets: [], read })).toBe(read);
    expect(readOf({ syncs: 2, sheets: [] })).toBeUndefined();
    expect(readOf({ syncs: 2, read: undefined })).toBeUndefined();
    expect(readOf(undefined)).toBeUndefined();
    expect(readOf("x")).toBeUndefined();
  });
});

describe("ReadGate", () => {
  test("an output's read is stored when nothing changed tables meanwhile; a table change is re-read", () => {
    const gate = new ReadGate();
    expect(gate.after(gate.start(), { sheets: [], read }, true)).toEqual({ store: read });
    expect(gate.after(gate.start(), { rows: 3 }, true)).toBe("reread");
    expect(gate.after(gate.start(), undefined, false)).toBe("none");
  });

  test("an output whose read may predate another command's write is re-read, not stored", () => {
    const gate = new ReadGate();
    const output = gate.start();
    const write = gate.start();
    expect(gate.after(write, { rows: 3 }, true)).toBe("reread");
    expect(gate.after(output, { sheets: [], read }, true)).toBe("reread");
    // A failed command may have written part: the same.
    const o2 = gate.start();
    gate.failed();
    expect(gate.after(o2, { sheets: [], read }, true)).toBe("reread");
    // Selecting a cell changes nothing: an output around it keeps its read.
    const o3 = gate.start();
    expect(gate.after(gate.start(), undefined, false)).toBe("none");
    expect(gate.after(o3, { sheets: [], read }, true)).toEqual({ store: read });
  });

  test("on the fake host: Refresh all and Log contact at the same time; the book the pane ends with has the contact", async () => {
    const book = sampleBook(AS_OF, "zh-CN");
    const host = installWithBook(book, { displayLanguage: "en-US" });
    try {
      const commands = paneCommands();
      const gate = new ReadGate();
      // The pane's book when the buttons are clicked.
      let shown: ReadResult | undefined = await commands.readBook();
      // useCommand's order: the command, then what the gate says (store its read, or read again).
      const act = async (run: () => Promise<unknown>, reread = true) => {
        const ticket = gate.start();
        const result = await run();
        const next: AfterCommand = gate.after(ticket, result, reread);
        if (next === "reread") shown = await commands.readBook();
        else if (next !== "none" && "store" in next) shown = next.store;
        else if (next !== "none") shown = mergeClientRows(shown!, next.merge) ?? (await commands.readBook());
      };
      const contact = { clientId: book.clients[3].clientId, date: AS_OF, channel: "T" as const, summary: "同时记录" };
      // Refresh all reads first (its first sync), Log contact writes during Refresh all's write sync.
      const refresh = act(() => commands.refreshAll(AS_OF));
      const log = act(() => commands.logContact(contact));
      await Promise.all([refresh, log]);
      expect(shown!.book.contacts.some((c) => c.summary === "同时记录")).toBe(true);
      expect(shown!.book.contacts).toHaveLength(book.contacts.length + 1);
    } finally {
      host.uninstall();
    }
  });
});
