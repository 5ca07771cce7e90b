/**
 * One output plan (src/sheets/plan.ts) drives the CLI and the pane (issue 14): for the demo book, `clientbook demo`
 * and Refresh all in the pane (with every client's review in the workbook) write the same output sheets, under the
 * same names, in the same order — the calendar of the as-of month in both (the CLI used the latest contact's month).
 */
import { demoCommand } from "../../src/cli/commands/demo";
import { TABLE_KEYS, sheetName } from "../../src/book/schema";
import { generateBook, SAMPLE_SEED } from "../../src/sample";
import { calendarSheetName, outputPlan } from "../../src/sheets";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { installWithBook } from "./helpers";

// The first of a month: the latest contact of the sample is in the month before, where the CLI once put its calendar.
const AS_OF = "2026-06-01";

test.each(["zh-CN", "en-US"] as const)("%s: the demo's output sheets are Refresh all's, name for name", async (lang) => {
  const clients = 5;
  const book = generateBook({ clients, seed: SAMPLE_SEED, asOf: AS_OF, lang });
  const cli = await demoCommand({ out: "demo.xlsx", lang, clients, asOf: AS_OF });
  const fromCli = (await readWorkbookTables(cli.files[0].bytes)).sheets.slice(TABLE_KEYS.length);

  const host = installWithBook(book);
  try {
    const commands = paneCommands();
    for (const c of book.clients) await commands.buildReview(c.clientId, AS_OF);
    const r = await commands.refreshAll(AS_OF);
    expect(r.sheets).toEqual(fromCli);
    expect(host.sheetNames()).toEqual(expect.arrayContaining(fromCli));
  } finally {
    host.uninstall();
  }
  expect(fromCli).toHaveLength(6 + clients);
  expect(fromCli.slice(2, 4)).toEqual([calendarSheetName("2026-05", lang), calendarSheetName("2026-06", lang)]);
  expect(book.contacts.every((c) => c.date < AS_OF)).toBe(true);
  expect(outputPlan(book, { asOf: AS_OF, lang }).sheets.map((p) => p.kind)).toEqual(["profile", "coverage", "calendar", "calendar", "today", "ladder", ...book.clients.map(() => "review")]);
  expect(TABLE_KEYS.map((k) => sheetName(k, lang))).not.toContain(fromCli[0]);
}, 60_000);
