/**
 * 今日待办 — the agenda of src/domain/agenda as a sheet: one group per reason (in the domain's order), each
 * headed by its label and count, items most overdue first, with client, date, days (negative = overdue),
 * status and the domain's one-line detail. Overdue rows in red.
 */
import { AGENDA_REASON_LABELS, URGENCY_LABELS, agendaGroups, describeAgendaItem, todayAgenda, type AgendaItem, type AgendaWindows } from "../domain/agenda";
import type { Book } from "../domain/types";
import { colName, rangeA1 } from "./a1";
import { COLORS, DATE_FORMAT, INT_FORMAT, Grid, checkBase, dateCell, writeHeader, writeTitle, type BaseOptions } from "./common";
import type { SheetSpec } from "./spec";
import { todaySheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";

export interface TodayOptions extends BaseOptions {
  /** The agenda, when the caller already has it (the task pane's Today page); computed from the book otherwise. */
  items?: readonly AgendaItem[];
  windows?: Partial<AgendaWindows>;
}

export const TODAY_COLUMNS = { reason: 1, clientId: 2, client: 3, date: 4, days: 5, urgency: 6, detail: 7 } as const;
const C = TODAY_COLUMNS;
export const TODAY_HEADER_ROW = 3;

export function todaySheet(book: Book, opts: TodayOptions): SheetSpec {
  checkBase(opts, "todaySheet");
  const { asOf, lang } = opts;
  const t = sheetText(lang);
  const tt = t.today;
  const items = opts.items ?? todayAgenda(book, asOf, opts.windows);
  const g = new Grid();
  writeTitle(g, tt.title, t.asOf, asOf);
  g.set(2, 4, tt.legend);
  g.format("D2", undefined, { italic: true, color: COLORS.muted });
  const h = tt.headers;
  writeHeader(g, TODAY_HEADER_ROW, 1, [h.reason, h.clientId, h.client, h.date, h.days, h.urgency, h.detail]);

  let r = TODAY_HEADER_ROW + 1;
  const groups = agendaGroups(items);
  if (groups.length === 0) {
    g.set(r, 1, tt.empty);
    g.format(rangeA1(1, r, 1, r), undefined, { italic: true, color: COLORS.muted });
    r++;
  }
  for (const group of groups) {
    const label = AGENDA_REASON_LABELS[group.reason][lang];
    g.set(r, 1, tt.group(label, group.items.length));
    g.formatBox(1, r, C.detail, r, undefined, { bold: true, fill: COLORS.groupFill });
    r++;
    const start = r;
    // The domain sorts each group by days until due (most overdue first); keep that order.
    for (const item of group.items) {
      g.row(r, 1, [
        label,
        item.clientId,
        item.clientName,
        dateCell(item.date),
        item.daysUntil,
        URGENCY_LABELS[item.urgency][lang],
        describeAgendaItem(item, lang, book.settings.amountUnit),
      ]);
      r++;
    }
    g.formatBox(C.date, start, C.date, r - 1, DATE_FORMAT);
    g.formatBox(C.days, start, C.days, r - 1, INT_FORMAT);
    g.formatBox(1, start, C.detail, r - 1, undefined, { border: true });
  }
  const last = r - 1;
  if (items.length > 0) {
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
    columnWidths: [14, 10, 10, 11, 7, 9, 60],
    formats: g.formats,
    freeze: { rows: TODAY_HEADER_ROW, columns: 0 },
    conditionalFormats: g.conditionalFormats,
    page: sheetPage("today", lang),
    tabColor: TAB_COLORS.today,
  };
}
