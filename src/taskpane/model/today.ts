/**
 * The Today page's view: the domain's agenda merged into one entry per client (src/domain/agendaEntries.ts), most
 * urgent first, in urgency bands (overdue, today, soon) the page shows as collapsible groups; each entry with the
 * phone, preferred channel and contact window to call from, its reasons and one line per item, in the UI language.
 */
import { AGENDA_REASON_LABELS, URGENCY_LABELS, describeAgendaItem, todayAgenda, type AgendaReason, type Urgency } from "../../domain/agenda";
import { agendaEntries, entryBands, type AgendaEntry } from "../../domain/agendaEntries";
import type { FestivalDate } from "../../domain/festivals";
import type { AmountUnit, Book, IsoDate, Lang } from "../../domain/types";
import { t } from "../i18n";

export interface TodayLineView {
  reason: AgendaReason;
  reasonLabel: string;
  date: IsoDate;
  /** "逾期 3 天" / "今天" / "2 天后". */
  when: string;
  description: string;
}

export interface TodayEntryView {
  key: string;
  clientId: string;
  clientName: string;
  urgency: Urgency;
  /** The most urgent item's relative date. */
  when: string;
  /** "资产检视、联络逾期". */
  reasons: string;
  phone?: string;
  /** "T 电话" … */
  channel?: string;
  contactWindow?: string;
  lines: TodayLineView[];
}

export interface TodayBandView {
  urgency: Urgency;
  label: string;
  entries: TodayEntryView[];
}

/** "Overdue 3 days" / "Today" / "In 2 days", in the UI language. */
export function relativeDays(daysUntil: number, lang: Lang): string {
  if (daysUntil === 0) return t(lang, "when.today");
  return daysUntil < 0 ? t(lang, "when.overdue", { n: -daysUntil }) : t(lang, "when.inDays", { n: daysUntil });
}

function entryView(e: AgendaEntry, lang: Lang, unit: AmountUnit): TodayEntryView {
  const v: TodayEntryView = {
    key: e.clientId,
    clientId: e.clientId,
    clientName: e.clientName,
    urgency: e.urgency,
    when: relativeDays(e.daysUntil, lang),
    reasons: e.reasons.map((r) => AGENDA_REASON_LABELS[r][lang]).join(t(lang, "common.listSep")),
    lines: e.items.map((i) => ({
      reason: i.reason,
      reasonLabel: AGENDA_REASON_LABELS[i.reason][lang],
      date: i.date,
      when: relativeDays(i.daysUntil, lang),
      description: describeAgendaItem(i, lang, unit),
    })),
  };
  if (e.phone) v.phone = e.phone;
  if (e.preferredChannel) v.channel = `${e.preferredChannel} ${t(lang, `channel.${e.preferredChannel}`)}`;
  if (e.contactWindow) v.contactWindow = e.contactWindow;
  return v;
}

/** Bands overdue → today → soon; inside a band the most urgent client first (agendaEntries' order). */
export function todayView(book: Book, asOf: IsoDate, lang: Lang, festivals: readonly FestivalDate[] = []): TodayBandView[] {
  const entries = agendaEntries(book, todayAgenda(book, asOf, {}, festivals));
  const unit = book.settings.amountUnit ?? "Yuan";
  return entryBands(entries).map((b) => ({
    urgency: b.urgency,
    label: URGENCY_LABELS[b.urgency][lang],
    entries: b.entries.map((e) => entryView(e, lang, unit)),
  }));
}

/** Clients to act on (one per entry), and how many of them are overdue, for the count at the top. */
export function todayCounts(bands: readonly TodayBandView[]): { total: number; overdue: number } {
  let total = 0;
  let overdue = 0;
  for (const b of bands) {
    total += b.entries.length;
    if (b.urgency === "overdue") overdue += b.entries.length;
  }
  return { total, overdue };
}
