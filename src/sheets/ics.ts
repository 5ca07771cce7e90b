/**
 * The money calendar as an iCalendar file (RFC 5545), written by ical-generator (a maintained writer: line folding,
 * text escaping, CRLF) from the events of src/domain/calendarEvents.ts: one all-day VEVENT per event (DTSTART;VALUE=DATE,
 * no DTEND: an all-day event of one day, RFC 5545 §3.6.1), its stable UID, its summary and nothing else. DTSTAMP is
 * the as-of date at 00:00 UTC, so the same book on the same day gives the same file byte for byte.
 * Pure apart from the library; used by `clientbook calendar` and the task pane's export button.
 */
import ical from "ical-generator";
import { calendarEvents, type CalendarEvent, type CalendarOptions } from "../domain/calendarEvents";
import { isoParts } from "../domain/dates";
import type { Book, IsoDate, Lang } from "../domain/types";

const CALENDAR_NAME: Readonly<Record<Lang, string>> = { "zh-CN": "客户簿日历", "zh-TW": "客戶簿日曆", "en-US": "ClientBook calendar" };

/**
 * The Date ical-generator writes as the all-day date `d`: UTC midnight of that day. For a Date without a time zone,
 * ical-generator (v10, formatDate) writes an all-day DTSTART from the Date's UTC year, month and day
 * (getUTCFullYear/getUTCMonth/getUTCDate), not the local ones: a local midnight east of UTC (Asia/Shanghai, UTC+8:
 * 27 Jul 00:00 = 26 Jul 16:00 UTC) came out a day early. tests/sheets/ics.test.ts runs the writer in several zones.
 */
function utcDay(d: IsoDate): Date {
  const p = isoParts(d);
  return new Date(Date.UTC(p.y, p.m - 1, p.d));
}

/** The iCalendar text of `events` (see the file comment). */
export function icsText(events: readonly CalendarEvent[], asOf: IsoDate, lang: Lang): string {
  const p = isoParts(asOf);
  const stamp = new Date(Date.UTC(p.y, p.m - 1, p.d));
  const cal = ical({ name: CALENDAR_NAME[lang], prodId: { company: "ClientBook", product: "clientbook", language: lang === "en-US" ? "EN" : "ZH" } });
  for (const e of events) cal.createEvent({ id: e.uid, start: utcDay(e.date), allDay: true, summary: e.summary, stamp });
  // RFC 5545 §3.1: every content line ends with CRLF, the last (END:VCALENDAR) too; ical-generator leaves it off.
  const text = cal.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}

/** The book's calendar file: events over the span (CalendarOptions), as iCalendar text. */
export function bookCalendarIcs(book: Book, opts: CalendarOptions): { text: string; events: CalendarEvent[] } {
  const events = calendarEvents(book, opts);
  return { text: icsText(events, opts.asOf, opts.lang), events };
}
