/**
 * clientbook calendar: the demo book's money calendar as .ics — written, parsed back by ical.js (an independent
 * parser), names left out with --client-facing-style; a bad --months is a usage error (exit 2, nothing written).
 */
import ICAL from "ical.js";
import { demoCommand } from "../../src/cli/commands/demo";
import { runCli } from "../../src/cli/run";
import { memoryIo } from "./helpers";

const AS_OF = "2025-06-15";

test("calendar: an .ics of the next months, read back by ical.js; --client-facing-style has no names; bad --months exits 2", async () => {
  const demo = await demoCommand({ out: "demo.xlsx", lang: "zh-CN", clients: 5, asOf: AS_OF });
  const io = memoryIo({ "book.xlsx": demo.files[0].bytes });
  const code = await runCli(["calendar", "book.xlsx", "--out", "c.ics", "--as-of", AS_OF], io);
  expect(io.err).toBe("");
  expect(code).toBe(0);
  const text = new TextDecoder().decode(io.files.get("c.ics")!);
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
  expect(events.length).toBeGreaterThan(5); // at least one review per client
  for (const e of events) {
    const start = e.getFirstPropertyValue("dtstart") as ICAL.Time;
    expect(start.isDate).toBe(true);
    expect(start.toString() >= AS_OF && start.toString() <= "2025-08-31").toBe(true);
  }
  expect(io.out).toMatch(/events over 3 months from 2025-06-15/);

  expect(await runCli(["calendar", "book.xlsx", "--out", "f.ics", "--as-of", AS_OF, "--client-facing-style"], io)).toBe(0);
  const facing = new TextDecoder().decode(io.files.get("f.ics")!);
  expect(facing).not.toMatch(/：/); // "name：reason" never appears, the reason alone does
  expect(facing).toContain("SUMMARY:资产检视到期");

  expect(await runCli(["calendar", "book.xlsx", "--out", "x.ics", "--months", "0"], io)).toBe(2);
  expect(io.files.has("x.ics")).toBe(false);
});
