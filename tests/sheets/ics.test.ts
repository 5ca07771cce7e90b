/**
 * The money calendar's iCalendar file (src/domain/calendarEvents.ts → src/sheets/ics.ts, written by ical-generator),
 * read back by a second, independent parser (Mozilla's ical.js) event by event. RFC 5545 rules checked on the text:
 * CRLF line ends and lines of at most 75 octets, continuation lines starting with one space (§3.1); TEXT escaping of
 * \ ; , and newlines (§3.3.11) — a name holding them survives; all-day dates as DTSTART;VALUE=DATE (§3.3.4); one UID
 * per event, the same in a second export (§3.8.4.7), so a re-import updates instead of duplicating.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
import ICAL from "ical.js";
import { calendarEvents, eventUid, fnv1a64, UID_DOMAIN } from "../../src/domain/calendarEvents";
import { emptyBook, THIS_BANK, type Book } from "../../src/domain/types";
import { bookCalendarIcs } from "../../src/sheets/ics";

const asOf = "2026-12-06";
const book: Book = {
  ...emptyBook(),
  clients: [
    // a name with every character TEXT must escape, and one long enough to fold
    { clientId: "C1", name: "张伟, Jr; \\ 王", birthday: "1980-02-29" },
    { clientId: "C2", name: "欧阳".repeat(30), birthday: "1975-12-25" },
  ],
  family: [{ clientId: "C1", name: "张小明", relation: "Child", birthday: "2015-01-10" }],
  holdings: [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "定期", institution: THIS_BANK, amount: 100_000, maturityDate: "2026-12-31" },
    { holdingId: "H2", clientId: "C2", assetClass: "Loan", productName: "房贷", institution: THIS_BANK, amount: 1, maturityDate: "2026-12-20" },
  ],
  policies: [{ policyId: "P1", clientId: "C2", insured: "x", policyType: "Life", insurer: "国寿", startDate: "2010-01-31", termYears: 30,
    sumInsured: 1, annualPremium: 12_000, criticalIllness: false, status: "InForce", premiumFrequency: "Monthly" }],
  reviews: [{ clientId: "C1", reviewDate: "2026-11-15", holdingId: "H1", assetClass: "Deposit", amount: 100_000 }],
  contacts: [{ clientId: "C1", date: "2026-11-20", channel: "T", nextDate: "2027-01-05" }],
};

/** Every VEVENT as ical.js reads it. */
function parse(text: string) {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => {
    const start = v.getFirstPropertyValue("dtstart") as ICAL.Time;
    return {
      uid: v.getFirstPropertyValue("uid") as string,
      summary: v.getFirstPropertyValue("summary") as string,
      date: start.toString(),
      isDate: start.isDate,
      valueType: v.getFirstProperty("dtstart")!.type,
      props: v.getAllProperties().map((p) => p.name).sort(),
    };
  });
}

describe("the money calendar as iCalendar", () => {
  const { text, events } = bookCalendarIcs(book, { asOf, lang: "zh-CN" });

  test("the events, hand-listed: review, follow-up, birthdays (29 Feb → 28 Feb 2027), maturity, 3 monthly premiums", () => {
    // window 2026-12-06 … 2027-02-28 (3 months from December). C1 reviewed 2026-11-15, tier A by assets → monthly:
    // due 2026-12-15; C2 never reviewed: due now. Premiums EDATE(2010-01-31, k): 31 Dec, 31 Jan, 28 Feb.
    expect(events.map((e) => [e.date, e.kind, e.clientId])).toEqual([
      ["2026-12-06", "review", "C2"],
      ["2026-12-15", "review", "C1"],
      ["2026-12-25", "birthday", "C2"],
      ["2026-12-31", "maturity", "C1"],
      ["2026-12-31", "premium", "C2"],
      ["2027-01-05", "follow-up", "C1"],
      ["2027-01-10", "birthday", "C1"],
      ["2027-01-31", "premium", "C2"],
      ["2027-02-28", "birthday", "C1"],
      ["2027-02-28", "premium", "C2"],
    ]);
    expect(events.find((e) => e.kind === "maturity")!.summary).toBe("张伟, Jr; \\ 王：存款到期");
    expect(events.find((e) => e.date === "2027-01-10")!.summary).toBe("张伟, Jr; \\ 王：张小明生日");
  });

  test("RFC 5545 text: CRLF, lines ≤ 75 octets, folded lines start with a space, TEXT escaped", () => {
    const lines = text.split("\r\n");
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const l of lines) expect(new TextEncoder().encode(l).length).toBeLessThanOrEqual(75);
    expect(lines.some((l) => l.startsWith(" "))).toBe(true); // the long name was folded
    expect(text).toContain("SUMMARY:张伟\\, Jr\\; \\\\ 王：存款到期");
    expect(text).toContain("DTSTART;VALUE=DATE:20261231");
  });

  test("ical.js reads back every event: the same UID, all-day date and summary; nothing else of the client", () => {
    const parsed = parse(text);
    expect(parsed).toHaveLength(events.length);
    parsed.forEach((p, i) => {
      const e = events[i];
      expect(p).toMatchObject({ uid: e.uid, summary: e.summary, date: e.date, isDate: true, valueType: "date" });
      expect(p.uid).toMatch(new RegExp(`^[0-9a-f]{16}@${UID_DOMAIN.replace(".", "\\.")}$`));
      // only the date, the summary and the bookkeeping RFC 5545 requires or Outlook reads
      expect(p.props.filter((n) => !n.startsWith("x-"))).toEqual(["dtstamp", "dtstart", "sequence", "summary", "uid"]);
    });
    expect(new Set(parsed.map((p) => p.uid)).size).toBe(parsed.length);
    expect(text).not.toMatch(/100,?000|12,?000|定期|国寿|C1|C2|P1|H1/);
  });

  test("UIDs are stable: the same book exports the same file; an event keeps its UID when others change", () => {
    expect(bookCalendarIcs(book, { asOf, lang: "zh-CN" }).text).toBe(text);
    const more = bookCalendarIcs({ ...book, clients: [...book.clients, { clientId: "C3", name: "新客户" }] }, { asOf, lang: "zh-CN" });
    const uids = new Set(parse(more.text).map((p) => p.uid));
    for (const e of events) expect(uids.has(e.uid)).toBe(true);
    expect(eventUid("premium", "C2", "P1", "2027-01-31")).toBe(events.find((e) => e.date === "2027-01-31")!.uid);
    expect(fnv1a64("")).toMatch(/^[0-9a-f]{16}$/);
    expect(fnv1a64("a")).not.toBe(fnv1a64("b"));
  });

  test("client-facing style: no names at all (the client's nor the family's), the reason only", () => {
    const facing = bookCalendarIcs(book, { asOf, lang: "en-US", clientFacing: true });
    const summaries = parse(facing.text).map((p) => p.summary);
    expect(summaries).toContain("Review due");
    expect(summaries).toContain("Birthday");
    expect(summaries).toContain("Deposit matures");
    expect(facing.text).not.toMatch(/张|王|欧阳|小明|Jr/);
  });

  test("three languages; the span in months", () => {
    expect(calendarEvents(book, { asOf, lang: "zh-TW" }).find((e) => e.kind === "premium")!.summary).toBe(`${"欧阳".repeat(30)}：保費到期`);
    expect(calendarEvents(book, { asOf, lang: "zh-CN", months: 1 }).every((e) => e.date <= "2026-12-31")).toBe(true);
    expect(() => calendarEvents(book, { asOf, lang: "zh-CN", months: 0 })).toThrow(/1–24/);
  });
});

describe("all-day dates in every time zone (the pane runs in the manager's zone, the CLI in the computer's)", () => {
  // Defect: the writer passed a local-midnight Date, and ical-generator writes an all-day date from the Date's UTC
  // day, so east of UTC (Asia/Shanghai, where the managers and the browser tests run) every event came out a day
  // early: 27 Jul 00:00 +08:00 is 26 Jul 16:00 UTC. Jest's sandbox keeps its own copy of process.env, so the writer
  // runs in a child Node (through tsx), which applies each TZ set to the Dates made after it.
  const ZONES = [["UTC", 0], ["Asia/Shanghai", -480], ["Asia/Taipei", -480], ["America/Los_Angeles", 420], ["Pacific/Kiritimati", -840], ["Pacific/Pago_Pago", 660]] as const;
  const script = `
    import { bookCalendarIcs } from "./src/sheets/ics";
    const { book, asOf, zones } = JSON.parse(require("node:fs").readFileSync(0, "utf8"));
    const out = zones.map((tz) => {
      process.env.TZ = tz;
      const { text, events } = bookCalendarIcs(book, { asOf, lang: "zh-CN" });
      return { tz, offset: new Date(2026, 6, 27).getTimezoneOffset(), starts: [...text.matchAll(/^DTSTART;VALUE=DATE:(\\d{8})\\r$/gm)].map((m) => m[1]), dates: events.map((e) => e.date) };
    });
    process.stdout.write(JSON.stringify(out));`;
  const root = path.resolve(__dirname, "../..");
  const results = JSON.parse(
    execFileSync(process.execPath, [path.join(root, "node_modules/tsx/dist/cli.mjs"), "-e", script], {
      cwd: root,
      input: JSON.stringify({ book, asOf, zones: ZONES.map(([tz]) => tz) }),
      encoding: "utf8",
    }),
  ) as { tz: string; offset: number; starts: string[]; dates: string[] }[];

  test.each(ZONES)("%s: each DTSTART;VALUE=DATE is the event's own date", (tz, offset) => {
    const r = results.find((x) => x.tz === tz)!;
    expect(r.offset).toBe(offset); // the zone was in force (getTimezoneOffset: minutes west of UTC, July 2026)
    expect(r.dates.length).toBeGreaterThan(5);
    expect(r.starts).toEqual(r.dates.map((d) => d.replace(/-/g, "")));
  });
});
