/**
 * Output commands return the book they read (they change no table), so the pane reads nothing after them: the read
 * is the book a readBook after the command finds, in no more syncs than the command took before; and progress is
 * data (which sheet, how far), not text in Office's display language.
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import type { Progress, ReadResult } from "../../src/excel/api";
import { sampleBook } from "../../src/sample";
import { progressText } from "../../src/taskpane/model/progress";
import type { FakeHost } from "../fake-excel";
import { AS_OF, installWithBook } from "./helpers";

const book = sampleBook(AS_OF, "zh-CN");
const commands = paneCommands();
let host: FakeHost;

beforeEach(() => {
  host = installWithBook(book, { displayLanguage: "en-US" });
});
afterEach(() => host.uninstall());

const withoutSyncs = ({ syncs: _syncs, ...rest }: ReadResult) => rest;

describe("an output command's read", () => {
  test.each([
    ["buildProfile", () => commands.buildProfile(AS_OF)],
    ["buildCoverage", () => commands.buildCoverage(AS_OF)],
    ["buildCalendar", () => commands.buildCalendar(AS_OF.slice(0, 7), AS_OF)],
    ["buildToday", () => commands.buildToday(AS_OF)],
    ["refreshAll", () => commands.refreshAll(AS_OF)],
    ["saveCallList", () => commands.saveCallList([book.clients[1].clientId], {}, AS_OF)],
  ])("%s returns the book a readBook after it finds, in the same two syncs", async (_name, run) => {
    host.stats.reset();
    const r = await run();
    expect(r.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    expect(r.read).toBeDefined();
    expect(r.read!.syncs).toBe(1);
    const after = await commands.readBook();
    expect(withoutSyncs(r.read!)).toEqual(withoutSyncs(after));
  });

  test("buildReview reads only its client's rows (src/excel/clientRead.ts) and returns no read: the pane keeps its book", async () => {
    const r = await commands.buildReview(book.clients[0].clientId, AS_OF);
    expect(r.read).toBeUndefined();
  });

  test("a client the manager typed into the table before the command is in the read (not the pane's older book)", async () => {
    const rows = host.table("Clients")!;
    expect(rows).toBeDefined();
    const first = book.clients[0];
    // The manager renames the first client in the sheet; the output command's read must carry the new name.
    const nameCol = host.getValues("客户", "A1:Z1")[0].indexOf("姓名");
    expect(nameCol).toBeGreaterThanOrEqual(0);
    const address = `${String.fromCharCode(65 + nameCol)}2`;
    host.type("客户", address, [["新名字"]]);
    const r = await commands.buildToday(AS_OF);
    expect(r.read!.book.clients.find((c) => c.clientId === first.clientId)!.name).toBe("新名字");
  });
});

describe("progress", () => {
  test("carries the sheet and its kind; the pane words it in its own language, not Office's (en-US here)", async () => {
    const progress: Progress[] = [];
    const r = await commands.refreshAll(AS_OF, (p) => progress.push(p));
    expect(progress.slice(1).map((p) => p.sheet)).toEqual(r.sheets);
    expect(progress.slice(1).every((p) => p.kind === "writing")).toBe(true);
    const last = progress[progress.length - 1];
    expect(progressText(last, "zh-CN")).toBe(`正在写入 ${r.sheets[r.sheets.length - 1]} (${r.sheets.length}/${r.sheets.length})`);
    expect(progressText(last, "zh-TW")).toBe(`正在寫入 ${r.sheets[r.sheets.length - 1]} (${r.sheets.length}/${r.sheets.length})`);
    expect(progressText(last, "en-US")).toBe(`Writing ${r.sheets[r.sheets.length - 1]} (${r.sheets.length}/${r.sheets.length})`);
    expect(progressText(progress[0], "zh-CN")).toBe(`已完成 0 / ${r.sheets.length}`);
  });
});
