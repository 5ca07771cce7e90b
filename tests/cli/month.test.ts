/**
 * --month on demo and build: one contact calendar of that month instead of the plan's two (the last full month and
 * the as-of month); a month that is not YYYY-MM is a usage error (exit 2, nothing written).
 */
import { demoCommand } from "../../src/cli/commands/demo";
import { runCli } from "../../src/cli/run";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { memoryIo } from "./helpers";

test("demo: two calendars by default, one with --month", async () => {
  const two = await readWorkbookTables((await demoCommand({ out: "d.xlsx", lang: "zh-CN", clients: 2, asOf: "2026-01-06" })).files[0].bytes);
  expect(two.sheets.filter((s) => s.startsWith("联络日历"))).toEqual(["联络日历-2025-12", "联络日历-2026-01"]);
  const one = await readWorkbookTables((await demoCommand({ out: "d.xlsx", lang: "zh-CN", clients: 2, asOf: "2026-01-06", month: "2025-11" })).files[0].bytes);
  expect(one.sheets.filter((s) => s.startsWith("联络日历"))).toEqual(["联络日历-2025-11"]);
});

test.each(["2026-13", "2026-1", "11/2026", "1999-12"])("--month %s is a usage error, exit 2", async (m) => {
  const io = memoryIo({});
  expect(await runCli(["demo", "--month", m, "--clients", "1"], io)).toBe(2);
  expect(io.err).toMatch(/^clientbook demo: --month must be/);
  expect(io.out).toBe("");
});
