/**
 * The events of the money calendar a manager exports to a phone calendar (src/sheets/ics.ts writes them as
 * iCalendar): reviews due, promised follow-ups, birthdays (the client's and the family's), maturities and premiums
 * due, from the as-of date over the next few months. Pure: the book, the date and the span are arguments.
 *
 * What an event carries — and nothing else, since a phone calendar is read on a lock screen and synced to servers:
 * the date (all day), the client's name (left out in the client-facing style) and the reason. No amounts, product
 * names, ids, notes or phone numbers.
 *
 * Rules:
 * - Review: the next due date, last review + cadence (EDATE, src/domain/cadence); a client never reviewed is due on
 *   the as-of date; a review dated after the as-of date is left out (a data error, see agenda.ts).
 * - Follow-up: the latest contact's NextDate, when it is in the span.
 * - Birthday: each birthday in the span (29 Feb → 28 Feb in common years, src/domain/birthdays).
 * - Maturity: assets (not loans) maturing in the span (src/domain/ladder rules); premium: each premium due in the
 *   span (src/domain/premiums). A holding or policy in another currency with no rate is on none of the ladder's
 *   totals (ladder.missing) but its dates are still due: the calendar carries them (it shows no amount).
 * - UID: stable per event, so a re-import updates the event instead of adding a copy (RFC 5545 §3.8.4.7): a hash of
 *   (kind, client id, the record's id — holding, policy, family member — and the date) @ UID_DOMAIN. An event whose
 *   date moves (a review done, so the next one is later) is a new event.
 */
import { ASSET_CLASS_LABELS } from "./allocation";
import { birthdayInYear } from "./birthdays";
import { cadenceMonths, clientCadence } from "./cadence";
import { latestContacts } from "./contacts";
import { addMonths, isoParts } from "./dates";
import { inBookCurrency } from "./fx";
import { maturityLadder } from "./ladder";
import { premiumsDue } from "./premiums";
import type { Localized } from "./result";
import { bookTiers } from "./tiers";
import type { AssetClass, Book, IsoDate, Lang } from "./types";

export const CALENDAR_KINDS = ["review", "follow-up", "birthday", "maturity", "premium"] as const;
export type CalendarKind = (typeof CALENDAR_KINDS)[number];

/** The fixed right-hand side of every UID. */
export const UID_DOMAIN = "clientbook.invalid";

/** Months exported by default (the as-of month counts as the first). */
export const DEFAULT_CALENDAR_MONTHS = 3;

export interface CalendarEvent {
  uid: string;
  kind: CalendarKind;
  date: IsoDate;
  clientId: string;
  /** The event's whole text: "张伟：资产检视", or the reason alone in the client-facing style. */
  summary: string;
}

export const CALENDAR_REASONS: Readonly<Record<CalendarKind, Localized>> = {
  review: { "zh-CN": "资产检视到期", "zh-TW": "資產檢視到期", "en-US": "Review due" },
  "follow-up": { "zh-CN": "约定跟进", "zh-TW": "約定跟進", "en-US": "Follow-up" },
  birthday: { "zh-CN": "生日", "zh-TW": "生日", "en-US": "Birthday" },
  maturity: { "zh-CN": "到期", "zh-TW": "到期", "en-US": "matures" },
  premium: { "zh-CN": "保费到期", "zh-TW": "保費到期", "en-US": "Premium due" },
};

/** 64-bit FNV-1a (two 32-bit halves) as 16 hex digits: a stable, dependency-free hash for UIDs (not a secret). */
export function fnv1a64(text: string): string {
  let h1 = 0x811c9dc5, h2 = 0x050c5d1f;
  for (const byte of new TextEncoder().encode(text)) {
    h1 = Math.imul(h1 ^ byte, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ byte, 0x01000193) >>> 0;
    h2 = (h2 ^ (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, "0") + h2.toString(16).padStart(8, "0");
}

export function eventUid(kind: CalendarKind, clientId: string, recordId: string, date: IsoDate): string {
  return `${fnv1a64([kind, clientId, recordId, date].join("\u001f"))}@${UID_DOMAIN}`;
}

export interface CalendarOptions {
  asOf: IsoDate;
  lang: Lang;
  /** Calendar months from the as-of month (default 3). */
  months?: number;
  /** Leave the clients' names out (the reason only). */
  clientFacing?: boolean;
}

/** The events from asOf to the end of the span, by date then kind then book order. */
export function calendarEvents(book: Book, opts: CalendarOptions): CalendarEvent[] {
  const { asOf, lang } = opts;
  const months = opts.months ?? DEFAULT_CALENDAR_MONTHS;
  if (!Number.isInteger(months) || months < 1 || months > 24) throw new RangeError(`months must be a whole number 1–24, not ${String(months)}`);
  const ladder = maturityLadder(book, asOf, { months });
  const to = ladder.to;
  const inSpan = (d: IsoDate | undefined): d is IsoDate => d !== undefined && d >= asOf && d <= to;
  const tiers = bookTiers(inBookCurrency(book, asOf)); // each client's cadence, by tier in the book currency (issue #16)
  const latest = latestContacts(book.contacts, asOf);
  const lastReview = new Map<string, IsoDate>();
  for (const r of book.reviews) {
    if (r.reviewDate > asOf) continue;
    const prev = lastReview.get(r.clientId);
    if (!prev || r.reviewDate > prev) lastReview.set(r.clientId, r.reviewDate);
  }
  const names = new Map<string, string>();
  for (const c of book.clients) if (!names.has(c.clientId)) names.set(c.clientId, c.name);

  const events: CalendarEvent[] = [];
  const add = (kind: CalendarKind, clientId: string, recordId: string, date: IsoDate, what?: string): void => {
    const reason = what ?? CALENDAR_REASONS[kind][lang];
    const name = names.get(clientId) ?? "";
    const summary = opts.clientFacing ? reason : lang === "en-US" ? `${name}: ${reason}` : `${name}：${reason}`;
    events.push({ uid: eventUid(kind, clientId, recordId, date), kind, date, clientId, summary });
  };

  const seen = new Set<string>();
  for (const c of book.clients) {
    if (seen.has(c.clientId)) continue;
    seen.add(c.clientId);
    const last = lastReview.get(c.clientId);
    const due = last ? addMonths(last, cadenceMonths(clientCadence(c, tiers.get(c.clientId)?.tier ?? "C"))) : asOf;
    // an overdue review is due now: on the as-of date
    const reviewOn = due < asOf ? asOf : due;
    if (inSpan(reviewOn)) add("review", c.clientId, "", reviewOn);
    const contact = latest.get(c.clientId);
    if (contact?.nextDate && contact.nextDate > contact.date && inSpan(contact.nextDate)) add("follow-up", c.clientId, contact.date, contact.nextDate);
    const people = [
      { id: "", name: undefined as string | undefined, birthday: c.birthday },
      ...book.family.filter((f) => f.clientId === c.clientId).map((f) => ({ id: f.name, name: f.name, birthday: f.birthday })),
    ];
    for (const p of people) {
      if (!p.birthday || p.birthday > asOf) continue;
      for (let y = isoParts(asOf).y; y <= isoParts(to).y; y++) {
        const d = birthdayInYear(p.birthday, y);
        if (!inSpan(d)) continue;
        const reason = CALENDAR_REASONS.birthday[lang];
        // a family member's name is a name too: left out with the client's in the client-facing style
        const whose = p.name && !opts.clientFacing ? (lang === "en-US" ? `${p.name}'s ${reason.toLowerCase()}` : `${p.name}${reason}`) : undefined;
        add("birthday", c.clientId, p.id, d, whose);
      }
    }
  }
  const maturity = (clientId: string, holdingId: string, date: IsoDate, assetClass: AssetClass) => {
    const cls = ASSET_CLASS_LABELS[assetClass][lang];
    add("maturity", clientId, holdingId, date, lang === "en-US" ? `${cls} ${CALENDAR_REASONS.maturity[lang]}` : `${cls}${CALENDAR_REASONS.maturity[lang]}`);
  };
  for (const h of ladder.holdings) maturity(h.clientId, h.holdingId, h.date, h.assetClass);
  for (const p of ladder.premiums) add("premium", p.clientId, p.policyId, p.date);
  // rows in another currency with no rate are on none of the ladder's totals, but their dates are still due
  for (const m of ladder.missing) {
    if (m.table === "holdings" && m.due !== undefined && m.assetClass !== undefined) maturity(m.clientId, m.id, m.due, m.assetClass);
    if (m.table !== "policies") continue;
    const p = book.policies.find((x) => x.policyId === m.id && x.clientId === m.clientId);
    if (p) for (const due of premiumsDue(p, asOf, to)) add("premium", p.clientId, p.policyId, due.date);
  }

  const rank = new Map(CALENDAR_KINDS.map((k, i) => [k, i]));
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : rank.get(a.kind)! - rank.get(b.kind)!));
}
