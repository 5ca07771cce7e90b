/**
 * Today as a call list (issue #15): the agenda's items merged into one entry per client, with all its reasons and
 * how to reach the client (phone, preferred channel, contact window), ordered by urgency.
 *
 * Urgency (docs/ARCHITECTURE.md § Figures, "Today"): an entry is as urgent as its most urgent item — the fewest days
 * until due, so the most overdue first; at equal days, the entry with more reasons first (one call settles more),
 * then book order. Inside an entry, items by days until due, then in AGENDA_REASONS order. An entry's urgency band
 * (overdue / today / soon) is its most urgent item's; the pane and the sheet group entries by band. The count a
 * manager reads is the number of entries: distinct clients to act on (before: one line per reason, so a client
 * due a review and a call was counted twice).
 */
import { AGENDA_REASONS, type AgendaItem, type AgendaReason, type Urgency } from "./agenda";
import type { Book, Channel, IsoDate } from "./types";

export interface AgendaEntry {
  clientId: string;
  clientName: string;
  /** Every item of the client, most urgent first. */
  items: AgendaItem[];
  /** Its distinct reasons, in item order. */
  reasons: AgendaReason[];
  /** The most urgent item's date, days until it (negative = overdue) and band. */
  date: IsoDate;
  daysUntil: number;
  urgency: Urgency;
  phone?: string;
  preferredChannel?: Channel;
  contactWindow?: string;
}

export const URGENCY_BANDS: readonly Urgency[] = ["overdue", "today", "soon"];

/** One entry per client of `items` (todayAgenda's), most urgent first. */
export function agendaEntries(book: Pick<Book, "clients">, items: readonly AgendaItem[]): AgendaEntry[] {
  const rank = new Map(AGENDA_REASONS.map((r, i) => [r, i]));
  const byClient = new Map<string, AgendaItem[]>();
  for (const item of items) {
    const list = byClient.get(item.clientId);
    if (list) list.push(item);
    else byClient.set(item.clientId, [item]);
  }
  const clients = new Map(book.clients.map((c) => [c.clientId, c]));
  const order = new Map(book.clients.map((c, i) => [c.clientId, i]));
  const entries: AgendaEntry[] = [];
  for (const [clientId, list] of byClient) {
    const sorted = [...list].sort((a, b) => a.daysUntil - b.daysUntil || rank.get(a.reason)! - rank.get(b.reason)!);
    const first = sorted[0];
    const c = clients.get(clientId);
    const e: AgendaEntry = {
      clientId,
      clientName: first.clientName,
      items: sorted,
      reasons: [...new Set(sorted.map((i) => i.reason))],
      date: first.date,
      daysUntil: first.daysUntil,
      urgency: first.urgency,
    };
    if (c?.phone) e.phone = c.phone;
    if (c?.preferredChannel) e.preferredChannel = c.preferredChannel;
    if (c?.contactWindow) e.contactWindow = c.contactWindow;
    entries.push(e);
  }
  const at = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  return entries.sort((a, b) => a.daysUntil - b.daysUntil || b.reasons.length - a.reasons.length || at(a.clientId) - at(b.clientId));
}

/** Entries cut into their urgency bands (non-empty bands only, overdue first). */
export function entryBands(entries: readonly AgendaEntry[]): { urgency: Urgency; entries: AgendaEntry[] }[] {
  return URGENCY_BANDS.map((urgency) => ({ urgency, entries: entries.filter((e) => e.urgency === urgency) })).filter((b) => b.entries.length > 0);
}
