/**
 * The pane's calendar export (pages/CalendarExport.tsx): the periods it offers and the name of the file it saves.
 * The file itself is `clientbook calendar`'s (src/sheets/ics.ts bookCalendarIcs).
 */
import type { IsoDate } from "../../domain/types";

/** The periods offered, in calendar months from this month (`clientbook calendar --months` takes 1–24). */
export const EXPORT_MONTHS = [1, 3, 6, 12] as const;

/** The iCalendar media type (RFC 5545 §8.1), UTF-8 (the file's text is UTF-8, §3.1.4). */
export const ICS_MIME = "text/calendar;charset=utf-8";

/** The file's name: ASCII (safe in every download folder and mail client), dated, saying when names were left out. */
export function calendarFileName(asOf: IsoDate, noNames: boolean): string {
  return `clientbook-calendar-${asOf}${noNames ? "-no-names" : ""}.ics`;
}
