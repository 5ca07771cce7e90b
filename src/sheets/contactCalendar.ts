/**
 * 联络日历 — clients down, the days of one month across. A day cell holds the channels of that day's contacts
 * (T/E/M, several as "T/M"), its note every summary of the day with its channel. At the left: last contact,
 * days since (a formula on the as-of cell B2), next contact due (last + cadence); overdue rows highlighted by a
 * conditional format comparing that date with B2. Weekends shaded with static fills (they never move).
 *
 * Follow-ups: a contact whose NextDate is after the as-of date promised a contact on that day; a day of the month
 * with such a promise and no contact shows the follow-up mark (约 / 約 / Due) in blue, its note what was promised
 * and on which contact (several promises for one day: one line each). A day that also has a contact keeps the
 * contact's channels; the promise is added to its note.
 *
 * The contact-log command updates one day cell and its note in place: `calendarLayout` says where a client's row
 * and a day's column are, `calendarCell` what goes in the cell, `findCalendarRow` finds the client's row in the
 * sheet as it is (the book may have gained clients since the sheet was built).
 */
import { assertIsoDate, cadenceMonths, clientCadence } from "../domain/cadence";
import { contactDue } from "../domain/contacts";
import { daysBetween, daysInMonth, isoFromParts } from "../domain/dates";
import type { Book, Contact, IsoDate, Lang } from "../domain/types";
import { absCell, cellName, colName, rangeA1 } from "./a1";
import { COLORS, DATE_FORMAT, INT_FORMAT, Grid, bookIndex, checkBase, dateCell, fx, indexFor, lastContactOf, valued, type BaseOptions, type BookIndex } from "./common";
import type { SheetSpec } from "./spec";
import { truncateUnits } from "./names";
import { calendarSheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";

export interface ContactCalendarOptions extends BaseOptions {
  /** The month shown, "YYYY-MM"; default the month of asOf. */
  month?: string;
}

export const CALENDAR_COLUMNS = { clientId: 1, name: 2, lastContact: 3, daysSince: 4, nextDue: 5, firstDay: 6 } as const;
const C = CALENDAR_COLUMNS;
export const CALENDAR_HEADER_ROW = 3;
export const CALENDAR_WEEKDAY_ROW = 4;
export const CALENDAR_FIRST_DATA_ROW = 5;

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** Year, month and length of a "YYYY-MM" month; throws a RangeError naming the bad value. */
export function parseMonth(month: string): { y: number; m: number; days: number } {
  const mm = typeof month === "string" ? MONTH_RE.exec(month) : null;
  const y = mm ? Number(mm[1]) : NaN;
  const m = mm ? Number(mm[2]) : NaN;
  if (!mm || m < 1 || m > 12 || y < 1900 || y > 9999) throw new RangeError(`month must be YYYY-MM, e.g. 2026-11; got ${JSON.stringify(month)}`);
  return { y, m, days: daysInMonth(y, m) };
}

export interface CalendarLayout {
  sheetName: string;
  month: string;
  days: number;
  headerRow: number;
  weekdayRow: number;
  firstDataRow: number;
  firstDayColumn: number;
  lastDayColumn: number;
  /** Row of the client as the builder lays the book out; undefined for an unknown client. */
  rowOf(clientId: string): number | undefined;
  /** Column of a date of this month; undefined for any other date. */
  columnOf(date: IsoDate): number | undefined;
  /** "K7": the cell of the client's contacts on that date, or undefined. */
  cellOf(clientId: string, date: IsoDate): string | undefined;
}

export function calendarLayout(book: Book, month: string, lang: Lang, index: BookIndex = bookIndex(book)): CalendarLayout {
  const { y, m, days } = parseMonth(month);
  const rows = new Map<string, number>();
  index.clients.forEach((c, i) => rows.set(c.clientId, CALENDAR_FIRST_DATA_ROW + i));
  const prefix = `${month}-`;
  const columnOf = (date: IsoDate): number | undefined => {
    if (typeof date !== "string" || !date.startsWith(prefix)) return undefined;
    const d = Number(date.slice(8, 10));
    return isoFromParts(y, m, d) === date ? C.firstDay + d - 1 : undefined;
  };
  return {
    sheetName: calendarSheetName(month, lang),
    month,
    days,
    headerRow: CALENDAR_HEADER_ROW,
    weekdayRow: CALENDAR_WEEKDAY_ROW,
    firstDataRow: CALENDAR_FIRST_DATA_ROW,
    firstDayColumn: C.firstDay,
    lastDayColumn: C.firstDay + days - 1,
    rowOf: (id) => rows.get(id),
    columnOf,
    cellOf: (id, date) => {
      const r = rows.get(id);
      const c = columnOf(date);
      return r === undefined || c === undefined ? undefined : cellName(c, r);
    },
  };
}

/**
 * The client's row in a calendar sheet as read back: `idColumn` holds column A from row 1 down (as
 * `getRange("A1:A…").values` flattens it). Undefined when the client is not on the sheet.
 */
export function findCalendarRow(idColumn: readonly unknown[], clientId: string): number | undefined {
  for (let i = CALENDAR_FIRST_DATA_ROW - 1; i < idColumn.length; i++) {
    const v = idColumn[i];
    const s = Array.isArray(v) ? v[0] : v;
    if (typeof s === "string" && s.trim() === clientId) return i + 1;
  }
  return undefined;
}

export interface CalendarCell {
  /** "T", "T/M"…; "" when there was no contact that day. */
  text: string;
  /** One line per contact: channel, summary, next action; "" when none. */
  note: string;
}

/** What a client's day cell shows, from that day's contacts in table order. */
export function contactsCell(contacts: readonly Contact[], lang: Lang): CalendarCell {
  const t = sheetText(lang);
  const codes: string[] = [];
  const lines: string[] = [];
  const colon = lang === "en-US" ? ": " : "：";
  for (const c of contacts) {
    if (!codes.includes(c.channel)) codes.push(c.channel);
    let line = t.calendar.channels[c.channel];
    if (c.summary) line += colon + c.summary;
    if (c.nextAction) line += t.paren(`${t.calendar.nextAction}${colon}${c.nextAction}${c.nextDate ? ` ${c.nextDate}` : ""}`);
    lines.push(line);
  }
  return { text: codes.join("/"), note: fitNote(lines.join("\n"), lang) };
}

/**
 * The longest note a day cell gets. Excel holds 32,767 characters in a cell ("Excel specifications and limits",
 * Microsoft) — also where the pane puts notes as a summary column when the host has no notes API — and the file
 * renderer's excelize keeps at most 32,512 in a comment; the smaller of the two.
 */
export const MAX_NOTE_TEXT = 32512;

/** A note that fits a cell note: a longer one is cut, never inside a surrogate pair, and ends with the sheet text's calendar.noteCut. */
export function fitNote(note: string, lang: Lang): string {
  if (note.length <= MAX_NOTE_TEXT) return note;
  const marker = sheetText(lang).calendar.noteCut;
  return truncateUnits(note, MAX_NOTE_TEXT - marker.length) + marker;
}

/**
 * A client's follow-ups in month `prefix` ("YYYY-MM-"): day → one note line per promise, for every contact whose
 * NextDate lies in the month after `asOf` (a promise for a later day), in the contacts' order.
 */
export function followUpsOf(contacts: readonly Contact[], prefix: string, asOf: IsoDate, lang: Lang): Map<number, string[]> {
  const t = sheetText(lang);
  const out = new Map<number, string[]>();
  for (const c of contacts) {
    if (!c.nextDate || c.nextDate <= asOf || !c.nextDate.startsWith(prefix)) continue;
    const d = Number(c.nextDate.slice(8, 10));
    const line = t.calendar.followUp(c.nextAction ?? c.summary ?? t.calendar.channels[c.channel], c.date);
    const list = out.get(d);
    if (list) list.push(line);
    else out.set(d, [line]);
  }
  return out;
}

/** The day cell of one client on one date (for the contact-log command's in-place update). */
export function calendarCell(book: Book, clientId: string, date: IsoDate, lang: Lang = book.settings.language): CalendarCell {
  assertIsoDate(date, "calendarCell: date");
  const contacts = (bookIndex(book).contacts.get(clientId) ?? []).filter((c) => c.date === date);
  return contactsCell(contacts, lang);
}

export function contactCalendar(book: Book, opts: ContactCalendarOptions): SheetSpec {
  checkBase(opts, "contactCalendar");
  ({ book, opts } = valued(book, opts)); // the tiers (each client's cadence) on amounts in the book currency (issue #16)
  const { asOf, lang } = opts;
  const month = opts.month ?? asOf.slice(0, 7);
  const { y, m, days } = parseMonth(month);
  const t = sheetText(lang);
  const tc = t.calendar;
  const index = indexFor(book, opts);
  const g = new Grid();

  g.set(1, 1, `${tc.title} ${month}`);
  g.format("A1", undefined, { bold: true, fontSize: 14, color: COLORS.titleColor });
  g.set(2, 1, t.asOf);
  g.set(2, 2, dateCell(asOf));
  g.format("A2", undefined, { bold: true });
  g.format("B2", DATE_FORMAT, { fill: COLORS.inputFill, bold: true, border: true, horizontal: "center" });
  const asOfRef = absCell(2, 2);
  g.set(2, 4, tc.legend);
  g.format("D2", undefined, { italic: true, color: COLORS.muted });

  const hr = CALENDAR_HEADER_ROW;
  const wr = CALENDAR_WEEKDAY_ROW;
  const h = tc.headers;
  g.row(hr, 1, [h.clientId, h.name, h.lastContact, h.daysSince, h.nextDue]);
  const merges: string[] = [];
  for (let c = 1; c < C.firstDay; c++) merges.push(rangeA1(c, hr, c, wr));
  const lastDayCol = C.firstDay + days - 1;
  const weekendCols: number[] = [];
  for (let d = 1; d <= days; d++) {
    const col = C.firstDay + d - 1;
    const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
    g.set(hr, col, d);
    g.set(wr, col, tc.weekdays[wd]);
    if (wd === 0 || wd === 6) weekendCols.push(col);
  }
  g.formatBox(1, hr, lastDayCol, wr, undefined, { bold: true, fill: COLORS.headerFill, border: true, horizontal: "center", vertical: "center", wrap: true });

  const first = CALENDAR_FIRST_DATA_ROW;
  const prefix = `${month}-`;
  const followUpCells: string[] = [];
  index.clients.forEach((client, i) => {
    const r = first + i;
    const last = lastContactOf(index, client.clientId, asOf);
    const months = cadenceMonths(clientCadence(client, index.tiers.get(client.clientId)?.tier ?? "C"));
    const due = contactDue(last?.date, months, asOf);
    g.row(r, 1, [
      client.clientId,
      client.name,
      dateCell(last?.date),
      fx(`=IF(${cellName(C.lastContact, r)}="","",${asOfRef}-${cellName(C.lastContact, r)})`, last ? daysBetween(last.date, asOf) : ""),
      dateCell(due.dueOn),
    ]);
    const byDay = new Map<number, Contact[]>();
    for (const c of index.contacts.get(client.clientId) ?? []) {
      if (!c.date.startsWith(prefix)) continue;
      const d = Number(c.date.slice(8, 10));
      const list = byDay.get(d);
      if (list) list.push(c);
      else byDay.set(d, [c]);
    }
    const promised = followUpsOf(index.contacts.get(client.clientId) ?? [], prefix, asOf, lang);
    const days = new Set([...byDay.keys(), ...promised.keys()]);
    for (const d of [...days].sort((a, b) => a - b)) {
      const col = C.firstDay + d - 1;
      const list = byDay.get(d);
      const cell = list ? contactsCell(list, lang) : { text: tc.followUpMark, note: "" };
      const promise = promised.get(d);
      g.set(r, col, cell.text);
      g.note(r, col, fitNote([cell.note, ...(promise ?? [])].filter((x) => x !== "").join("\n"), lang));
      if (!list) followUpCells.push(cellName(col, r));
    }
  });
  const n = index.clients.length;
  const lastRow = first + n - 1;
  for (const col of weekendCols) g.formatBox(col, hr, col, Math.max(wr, lastRow), undefined, { fill: COLORS.weekendFill });
  if (n > 0) {
    g.formatBox(1, first, lastDayCol, lastRow, undefined, { border: true });
    g.formatBox(C.lastContact, first, C.lastContact, lastRow, DATE_FORMAT);
    g.formatBox(C.daysSince, first, C.daysSince, lastRow, INT_FORMAT);
    g.formatBox(C.nextDue, first, C.nextDue, lastRow, DATE_FORMAT);
    g.formatBox(C.firstDay, first, lastDayCol, lastRow, undefined, { horizontal: "center" });
    for (const a1 of followUpCells) g.format(a1, undefined, { fill: COLORS.followUpFill, color: COLORS.followUpColor, bold: true });
    const lc = `$${colName(C.lastContact)}${first}`;
    const nd = `$${colName(C.nextDue)}${first}`;
    g.conditionalFormats.push({
      range: rangeA1(1, first, C.nextDue, lastRow),
      formula: `=OR(${lc}="",AND(ISNUMBER(${nd}),${nd}<${asOfRef}))`,
      style: { fill: COLORS.alertFill, color: COLORS.alertColor },
    });
  }

  const widths = [10, 10, 11, 7, 11, ...Array.from({ length: days }, () => 4.5)];
  return {
    name: calendarSheetName(month, lang),
    kind: "calendar",
    cells: g.cells(),
    columnWidths: widths,
    formats: g.formats,
    merges,
    freeze: { rows: wr, columns: 2 },
    conditionalFormats: g.conditionalFormats,
    notes: g.notes,
    page: sheetPage("calendar", lang),
    tabColor: TAB_COLORS.calendar,
  };
}
