/**
 * 今日待办 — the agenda of src/domain/agenda as a call list (issue #15): one row per client with all its reasons,
 * how to reach the client (phone, preferred channel, contact window) and the domain's one-line details, clients
 * most urgent first (src/domain/agendaEntries.ts), under one heading per urgency band (overdue, today, soon) with
 * its count of clients. Overdue rows in red. Festival greetings come from the lunar calendar (src/domain/festivals).
 */
import { AGENDA_REASON_LABELS, URGENCY_LABELS, describeAgendaItem, todayAgenda, type AgendaItem, type AgendaWindows } from "../domain/agenda";
import { agendaEntries, entryBands, type AgendaEntry } from "../domain/agendaEntries";
import { upcomingFestivals, type FestivalDate } from "../domain/festivals";
import { LUNAR_CALENDAR } from "../domain/lunarCalendar";
import type { Book, Lang } from "../domain/types";
import { colName, rangeA1 } from "./a1";
import { COLORS, DATE_FORMAT, INT_FORMAT, TEXT_FORMAT, Grid, checkBase, dateCell, textCell, writeHeader, writeTitle, type BaseOptions, valued } from "./common";
import { sheetPage } from "./print";
import type { SheetSpec } from "./spec";
import { todaySheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";

export interface TodayOptions extends BaseOptions {
  /** The agenda, when the caller already has it (the task pane's Today page); computed from the book otherwise. */
  items?: readonly AgendaItem[];
  windows?: Partial<AgendaWindows>;
  /** Festival dates to greet at; default the coming ones from the lunar calendar (src/domain/lunarCalendar.ts). */
  festivals?: readonly FestivalDate[];
}

export const TODAY_COLUMNS = { urgency: 1, clientId: 2, client: 3, phone: 4, channel: 5, contactWindow: 6, date: 7, days: 8, reasons: 9, detail: 10 } as const;
const C = TODAY_COLUMNS;
export const TODAY_HEADER_ROW = 3;

/** The agenda of the book on asOf with the coming festivals (the one place the sheet and the CLI get it from). */
export function todayItems(book: Book, opts: Pick<TodayOptions, "asOf" | "windows" | "festivals">): AgendaItem[] {
  const within = opts.windows?.festivalWithinDays ?? 7;
  return todayAgenda(book, opts.asOf, opts.windows, opts.festivals ?? upcomingFestivals(opts.asOf, within, LUNAR_CALENDAR));
}

/** "资产检视、联络逾期" — the entry's reasons. */
export function entryReasons(e: AgendaEntry, lang: Lang): string {
  return e.reasons.map((r) => AGENDA_REASON_LABELS[r][lang]).join(lang === "en-US" ? ", " : "、");
}

/** Each item's detail, prefixed by its reason when the entry has more than one: "资产检视：上次检视 …；联络逾期：…". */
export function entryDetails(e: AgendaEntry, lang: Lang, unit: Book["settings"]["amountUnit"]): string {
  const colon = lang === "en-US" ? ": " : "：";
  const sep = lang === "en-US" ? "; " : "；";
  return e.items
    .map((i) => (e.items.length > 1 ? `${AGENDA_REASON_LABELS[i.reason][lang]}${colon}` : "") + describeAgendaItem(i, lang, unit))
    .join(sep);
}

export function todaySheet(book: Book, opts: TodayOptions): SheetSpec {
  checkBase(opts, "todaySheet");
  ({ book, opts } = valued(book, opts)); // every amount in the book currency (issue #16)
  const { asOf, lang } = opts;
  const t = sheetText(lang);
  const tt = t.today;
  const entries = agendaEntries(book, opts.items ?? todayItems(book, opts));
  const g = new Grid();
  writeTitle(g, tt.title, t.asOf, asOf);
  g.set(2, 4, tt.legend);
  g.format("D2", undefined, { italic: true, color: COLORS.muted });
  const h = tt.headers;
  writeHeader(g, TODAY_HEADER_ROW, 1, [h.urgency, h.clientId, h.client, h.phone, h.channel, h.contactWindow, h.date, h.days, h.reason, h.detail]);

  let r = TODAY_HEADER_ROW + 1;
  const bands = entryBands(entries);
  if (bands.length === 0) {
    g.set(r, 1, tt.empty);
    g.format(rangeA1(1, r, 1, r), undefined, { italic: true, color: COLORS.muted });
    r++;
  }
  for (const band of bands) {
    const label = URGENCY_LABELS[band.urgency][lang];
    g.set(r, 1, tt.group(label, band.entries.length));
    g.formatBox(1, r, C.detail, r, undefined, { bold: true, fill: COLORS.groupFill });
    r++;
    const start = r;
    for (const e of band.entries) {
      g.row(r, 1, [
        label,
        e.clientId,
        e.clientName,
        textCell(e.phone),
        e.preferredChannel ? `${e.preferredChannel} ${t.calendar.channels[e.preferredChannel]}` : null,
        textCell(e.contactWindow),
        dateCell(e.date),
        e.daysUntil,
        entryReasons(e, lang),
        entryDetails(e, lang, book.settings.amountUnit),
      ]);
      r++;
    }
    g.formatBox(C.phone, start, C.phone, r - 1, TEXT_FORMAT);
    g.formatBox(C.date, start, C.date, r - 1, DATE_FORMAT);
    g.formatBox(C.days, start, C.days, r - 1, INT_FORMAT);
    g.formatBox(C.detail, start, C.detail, r - 1, undefined, { wrap: true });
    g.formatBox(1, start, C.detail, r - 1, undefined, { border: true });
  }
  const last = r - 1;
  if (entries.length > 0) {
    const days = `$${colName(C.days)}${TODAY_HEADER_ROW + 1}`;
    g.conditionalFormats.push({
      range: rangeA1(1, TODAY_HEADER_ROW + 1, C.detail, last),
      formula: `=AND(ISNUMBER(${days}),${days}<0)`,
      style: { color: COLORS.alertColor, bold: true },
    });
  }
  return {
    name: todaySheetName(lang),
    kind: "today",
    cells: g.cells(),
    columnWidths: [8, 10, 10, 14, 10, 14, 11, 6, 18, 60],
    formats: g.formats,
    freeze: { rows: TODAY_HEADER_ROW, columns: 3 },
    conditionalFormats: g.conditionalFormats,
    page: sheetPage("today", lang),
    tabColor: TAB_COLORS.today,
  };
}
