/**
 * The Today page's view: the domain's agenda (todayAgenda) grouped by reason, each group sorted by urgency
 * (most overdue first), each item as the lines the page shows, in the UI language.
 */
import { agendaGroups, AGENDA_REASON_LABELS, describeAgendaItem, todayAgenda, URGENCY_LABELS, type AgendaItem, type AgendaReason, type Urgency } from "../../domain/agenda";
import type { AmountUnit, Book, IsoDate, Lang } from "../../domain/types";
import { t } from "../i18n";

export interface TodayItemView {
  key: string;
  clientId: string;
  clientName: string;
  date: IsoDate;
  urgency: Urgency;
  urgencyLabel: string;
  /** "逾期 3 天" / "今天" / "2 天后". */
  when: string;
  description: string;
}

export interface TodayGroupView {
  reason: AgendaReason;
  label: string;
  overdue: number;
  items: TodayItemView[];
}

/** "Overdue 3 days" / "Today" / "In 2 days", in the UI language. */
export function relativeDays(daysUntil: number, lang: Lang): string {
  if (daysUntil === 0) return t(lang, "when.today");
  return daysUntil < 0 ? t(lang, "when.overdue", { n: -daysUntil }) : t(lang, "when.inDays", { n: daysUntil });
}

function itemView(item: AgendaItem, index: number, lang: Lang, unit: AmountUnit): TodayItemView {
  return {
    key: `${item.reason}:${item.clientId}:${item.detail.holdingId ?? item.detail.person ?? ""}:${index}`,
    clientId: item.clientId,
    clientName: item.clientName,
    date: item.date,
    urgency: item.urgency,
    urgencyLabel: URGENCY_LABELS[item.urgency][lang],
    when: relativeDays(item.daysUntil, lang),
    description: describeAgendaItem(item, lang, unit),
  };
}

/** Groups in the domain's reason order; inside a group the most urgent first (overdue, today, soon), ties in book order. */
export function todayView(book: Book, asOf: IsoDate, lang: Lang): TodayGroupView[] {
  return agendaGroups(todayAgenda(book, asOf)).map((g) => {
    // todayAgenda already sorts by days until due; sorting again keeps the page right if that order ever changes.
    const items = g.items.map((item, i) => ({ item, i })).sort((a, b) => a.item.daysUntil - b.item.daysUntil || a.i - b.i);
    return {
      reason: g.reason,
      label: AGENDA_REASON_LABELS[g.reason][lang],
      overdue: g.items.filter((i) => i.urgency === "overdue").length,
      items: items.map(({ item }, i) => itemView(item, i, lang, book.settings.amountUnit)),
    };
  });
}

/** Number of items, and how many are overdue, for the tab badge. */
export function todayCounts(groups: readonly TodayGroupView[]): { total: number; overdue: number } {
  let total = 0;
  let overdue = 0;
  for (const g of groups) {
    total += g.items.length;
    overdue += g.overdue;
  }
  return { total, overdue };
}
