/**
 * Today as a call list (issue #15): festivals (src/domain/festivals.ts, dates from lunar-javascript), the festival
 * greeting rule of the agenda, and one entry per client ordered by urgency (src/domain/agendaEntries.ts).
 * Festival dates hand-checked against the State Council's holiday notices for 2025 and 2026 (国务院办公厅关于
 * 2025年/2026年部分节假日安排的通知: 春节 29 Jan 2025 / 17 Feb 2026, 清明 4 Apr 2025, 端午 31 May 2025, 中秋 6 Oct
 * 2025 / 25 Sep 2026) and the Hong Kong Observatory's Gregorian–lunar tables (元宵 12 Feb 2025, 重阳 29 Oct 2025).
 */
import { todayAgenda, type AgendaItem } from "../../src/domain/agenda";
import { agendaEntries, entryBands } from "../../src/domain/agendaEntries";
import { festivalsOfYear, upcomingFestivals } from "../../src/domain/festivals";
import { LUNAR_CALENDAR } from "../../src/domain/lunarCalendar";
import { emptyBook, THIS_BANK, type Book } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";

describe("festivals", () => {
  test("2025 and 2026, in date order", () => {
    expect(festivalsOfYear(2025, LUNAR_CALENDAR).map((f) => `${f.festival} ${f.date}`)).toEqual([
      "new-year 2025-01-01", "spring 2025-01-29", "lantern 2025-02-12", "qingming 2025-04-04",
      "dragon-boat 2025-05-31", "mid-autumn 2025-10-06", "double-ninth 2025-10-29",
    ]);
    const y2026 = Object.fromEntries(festivalsOfYear(2026, LUNAR_CALENDAR).map((f) => [f.festival, f.date]));
    expect([y2026.spring, y2026.qingming, y2026["mid-autumn"]]).toEqual(["2026-02-17", "2026-04-05", "2026-09-25"]);
    expect(LUNAR_CALENDAR.lunarToSolar(2027, 1, 1)).toBe("2027-02-06");
  });

  test("the window: asOf through 7 days later, across the year end", () => {
    expect(upcomingFestivals("2025-12-26", 7, LUNAR_CALENDAR)).toEqual([{ festival: "new-year", date: "2026-01-01" }]);
    expect(upcomingFestivals("2025-01-22", 7, LUNAR_CALENDAR)).toEqual([{ festival: "spring", date: "2025-01-29" }]);
    expect(upcomingFestivals("2025-01-21", 7, LUNAR_CALENDAR)).toEqual([]);
    expect(upcomingFestivals("2025-01-29", 0, LUNAR_CALENDAR)).toEqual([{ festival: "spring", date: "2025-01-29" }]);
  });
});

/** A client quiet in every other way (reviewed, contacted and verified recently). */
function quiet(book: Book, id: string, amount: number, contacted: string): void {
  book.clients.push({ clientId: id, name: `客户${id}`, verifiedOn: "2025-01-01", riskLevel: "C3", riskAssessedOn: "2024-12-01" });
  book.holdings.push({ holdingId: `H${id}`, clientId: id, assetClass: "Deposit", productName: "存款", institution: THIS_BANK, amount });
  book.reviews.push({ clientId: id, reviewDate: "2025-01-15", holdingId: `H${id}`, assetClass: "Deposit", amount });
  book.contacts.push({ clientId: id, date: contacted, channel: "T" });
}

describe("festival greetings", () => {
  test("tiers A and B not contacted since the window opened; C clients and those just called are not listed", () => {
    const b = emptyBook();
    quiet(b, "A1", 8_000_000, "2025-01-10"); // tier A, last call before the window (22 Jan)
    quiet(b, "A2", 1_000_000, "2025-01-23"); // called inside the window: the greeting was given
    quiet(b, "B1", 600_000, "2025-01-10"); // tier B
    quiet(b, "C1", 10_000, "2025-01-10"); // tier C
    const items = todayAgenda(b, "2025-01-25", {}, upcomingFestivals("2025-01-25", 7, LUNAR_CALENDAR));
    const festival = items.filter((i) => i.reason === "festival");
    expect(festival.map((i) => [i.clientId, i.date, i.daysUntil, i.detail.festival])).toEqual([
      ["A1", "2025-01-29", 4, "spring"],
      ["B1", "2025-01-29", 4, "spring"],
    ]);
    // no festival dates given: no greeting (the rule is pure; the dates are an input)
    expect(todayAgenda(b, "2025-01-25").filter((i) => i.reason === "festival")).toEqual([]);
  });
});

describe("one entry per client, by urgency", () => {
  const item = (clientId: string, reason: AgendaItem["reason"], daysUntil: number): AgendaItem => ({
    reason, clientId, clientName: clientId, date: "2025-03-01", daysUntil, urgency: daysUntil < 0 ? "overdue" : daysUntil === 0 ? "today" : "soon", detail: {},
  });
  const book = { clients: [
    { clientId: "X", name: "X", phone: "0912-345-678", preferredChannel: "T" as const, contactWindow: "工作时间勿电" },
    { clientId: "Y", name: "Y" }, { clientId: "Z", name: "Z" },
  ] };

  test("all its reasons in one entry, most urgent item first; entries most overdue first, then more reasons, then book order", () => {
    const entries = agendaEntries(book, [
      item("Z", "birthday", 3), item("X", "review", -5), item("Y", "contact", -5), item("X", "contact", -12), item("Y", "review", -5),
      item("Z", "review", 3), item("Y", "verification", 0),
    ]);
    expect(entries.map((e) => [e.clientId, e.daysUntil, e.reasons.join(",")])).toEqual([
      ["X", -12, "contact,review"],
      ["Y", -5, "review,contact,verification"],
      ["Z", 3, "review,birthday"],
    ]);
    expect(entries[0]).toMatchObject({ phone: "0912-345-678", preferredChannel: "T", contactWindow: "工作时间勿电", urgency: "overdue" });
    expect(entryBands(entries).map((b) => [b.urgency, b.entries.length])).toEqual([["overdue", 2], ["soon", 1]]);
  });

  test("more reasons first at equal days", () => {
    const entries = agendaEntries(book, [item("X", "review", -1), item("Y", "review", -1), item("Y", "contact", -1)]);
    expect(entries.map((e) => e.clientId)).toEqual(["Y", "X"]);
  });

  test("the sample book: the count is the distinct clients; every item is in its client's entry", () => {
    const sample = sampleBook("2025-03-15");
    const items = todayAgenda(sample, "2025-03-15");
    const entries = agendaEntries(sample, items);
    expect(entries.length).toBe(new Set(items.map((i) => i.clientId)).size);
    expect(entries.reduce((n, e) => n + e.items.length, 0)).toBe(items.length);
    for (let i = 1; i < entries.length; i++) expect(entries[i].daysUntil).toBeGreaterThanOrEqual(entries[i - 1].daysUntil);
  });
});
