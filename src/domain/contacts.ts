/**
 * Contacts: last contact per client, history, overdue contacts, and the client's contact window
 * (e.g. 工作时间勿电) checked before a call.
 */
import { quoteInput } from "./result";
import type { Localized } from "./result";
import { assertIsoDate, clientCadence, dayDiff, cadenceMonths as monthsOf } from "./cadence";
import { addMonths } from "./dates";
import type { Channel, Client, Contact, IsoDate } from "./types";

/**
 * The latest contact of every client (on one day, the row entered last). With asOf, contacts dated after it are left
 * out: a typo such as 2052 is a data error (docs/ARCHITECTURE.md § Figures), never "the latest".
 */
export function latestContacts(contacts: readonly Contact[], asOf?: IsoDate): Map<string, Contact> {
  const m = new Map<string, Contact>();
  for (const c of contacts) {
    if (asOf !== undefined && c.date > asOf) continue;
    const prev = m.get(c.clientId);
    if (!prev || c.date >= prev.date) m.set(c.clientId, c);
  }
  return m;
}

/** The client's latest contact; with asOf, on or before it (see latestContacts). */
export function lastContact(contacts: readonly Contact[], clientId: string, asOf?: IsoDate): Contact | undefined {
  let last: Contact | undefined;
  for (const c of contacts) {
    if (c.clientId === clientId && (asOf === undefined || c.date <= asOf) && (!last || c.date >= last.date)) last = c;
  }
  return last;
}

/** Whole days from `date` to asOf (0 = today). */
export function daysSince(date: IsoDate, asOf: IsoDate): number {
  assertIsoDate(date, "date");
  assertIsoDate(asOf, "asOf");
  return dayDiff(date, asOf);
}

/** A client's contacts, newest first; contacts on one day newest-entered first. */
export function contactHistory(contacts: readonly Contact[], clientId: string): Contact[] {
  const mine = contacts.map((c, i) => ({ c, i })).filter((x) => x.c.clientId === clientId);
  mine.sort((a, b) => (a.c.date < b.c.date ? 1 : a.c.date > b.c.date ? -1 : b.i - a.i));
  return mine.map((x) => x.c);
}

export interface ContactDue {
  /** Last contact + cadence (month-end clamped); absent when never contacted. */
  dueOn?: IsoDate;
  /** Days until due; negative when overdue; 0 when never contacted (due now). */
  daysUntil: number;
  overdue: boolean;
}

/** When the next contact is due. Never contacted counts as overdue (due now). */
export function contactDue(lastContactDate: IsoDate | undefined, months: number, asOf: IsoDate): ContactDue {
  assertIsoDate(asOf, "asOf");
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`cadenceMonths: ${quoteInput(months)} is not a whole number ≥ 1`);
  if (lastContactDate === undefined) return { daysUntil: 0, overdue: true };
  assertIsoDate(lastContactDate, "lastContactDate");
  const dueOn = addMonths(lastContactDate, months);
  const daysUntil = dayDiff(asOf, dueOn);
  return { dueOn, daysUntil, overdue: daysUntil < 0 };
}

/**
 * True when the client has had no contact within the cadence (overdue the day after last contact + cadence),
 * or never. Without `cadenceMonths`, the client's own cadence, else its manual tier's default, else half-yearly.
 */
export function isContactOverdue(
  client: Pick<Client, "reviewCadence" | "tier">,
  lastContactDate: IsoDate | undefined,
  cadenceMonths: number | undefined,
  asOf: IsoDate,
): boolean {
  const months = cadenceMonths ?? monthsOf(clientCadence(client, client.tier ?? "C"));
  return contactDue(lastContactDate, months, asOf).overdue;
}

// ---- contact window -----------------------------------------------------------------------------------------

/** A moment in the manager's week: weekday 0 = Sunday … 6 = Saturday (as Date#getDay), hour 0 ≤ h < 24 (9.5 = 9:30). */
export interface WeekMoment {
  weekday: number;
  hour: number;
}

export type WindowRule = "work-hours" | "workdays" | "evening" | "lunch" | "weekend" | "afternoon" | "morning" | "hours";

export interface ContactWindowWarning {
  rule: WindowRule;
  /** The clause of the client's text that matched, e.g. 工作时间勿电. */
  clause: string;
  message: Localized;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
const ALL_DAYS = [0, 1, 2, 3, 4, 5, 6];

interface Span {
  rule: WindowRule;
  days: readonly number[];
  /** Hours [from, to); to < from wraps past midnight. */
  from: number;
  to: number;
  label: Localized;
}

const SPANS: readonly { re: RegExp; span: Span }[] = [
  {
    re: /工作时间|工作時間|上班时间|上班時間|办公时间|辦公時間|work(ing)?hours|businesshours|officehours|duringwork|atwork/,
    span: { rule: "work-hours", days: WEEKDAYS, from: 9, to: 18, label: { "zh-CN": "工作时间（周一至周五 9:00–18:00）", "zh-TW": "工作時間（週一至週五 9:00–18:00）", "en-US": "work hours (Mon–Fri 9:00–18:00)" } },
  },
  {
    re: /工作日|周一至周五|週一至週五|weekdays?|mondaytofriday/,
    span: { rule: "workdays", days: WEEKDAYS, from: 0, to: 24, label: { "zh-CN": "工作日（周一至周五）", "zh-TW": "工作日（週一至週五）", "en-US": "weekdays (Mon–Fri)" } },
  },
  {
    re: /晚上|晚间|晚間|夜间|夜間|夜里|夜裡|深夜|下班后|下班後|evenings?|nights?|afterwork|afterhours/,
    span: { rule: "evening", days: ALL_DAYS, from: 18, to: 8, label: { "zh-CN": "晚上（18:00–次日 8:00）", "zh-TW": "晚上（18:00–翌日 8:00）", "en-US": "the evening (18:00–8:00)" } },
  },
  {
    re: /中午|午休|午间|午間|午睡|lunch|noon/,
    span: { rule: "lunch", days: ALL_DAYS, from: 12, to: 14, label: { "zh-CN": "午休（12:00–14:00）", "zh-TW": "午休（12:00–14:00）", "en-US": "lunchtime (12:00–14:00)" } },
  },
  {
    re: /周末|週末|周六日|週六日|双休日|雙休日|weekends?|saturdayandsunday/,
    span: { rule: "weekend", days: [0, 6], from: 0, to: 24, label: { "zh-CN": "周末", "zh-TW": "週末", "en-US": "the weekend" } },
  },
  {
    re: /下午|afternoons?/,
    span: { rule: "afternoon", days: ALL_DAYS, from: 12, to: 18, label: { "zh-CN": "下午", "zh-TW": "下午", "en-US": "the afternoon" } },
  },
  {
    re: /上午|早上|早晨|清晨|mornings?/,
    span: { rule: "morning", days: ALL_DAYS, from: 0, to: 12, label: { "zh-CN": "上午", "zh-TW": "上午", "en-US": "the morning" } },
  },
];

/** Markers that forbid a call; the second group forbids visits too. */
const NO_CALL_RE = /勿电|勿電|勿打|勿来电|勿來電|不接电话|不接電話|不要打电话|不要打電話|别打|別打|不方便接|免电|免電|nocalls?|nophone|don'?tcall|donotcall|nottocall|notcall/;
const NO_DISTURB_RE = /勿扰|勿擾|勿打扰|勿打擾|不要打扰|不要打擾|免打扰|免打擾|勿访|勿訪|donotdisturb|don'?tdisturb|novisits?/;

/** "9-18", "9:00–18:00", "9点到18点", "20:30~8". */
const HOURS_RE = /(\d{1,2})(?:[:：](\d{2}))?(?:点|點|时|時|h)?(?:-|~|–|—|至|到|to)(\d{1,2})(?:[:：](\d{2}))?(?:点|點|时|時|h)?/;

function inSpan(s: Pick<Span, "days" | "from" | "to">, at: WeekMoment): boolean {
  // For a span wrapping midnight the early hours belong to the previous evening's day; the evening spans
  // apply every day, so the day check needs no shift.
  const inHours = s.from <= s.to ? at.hour >= s.from && at.hour < s.to : at.hour >= s.from || at.hour < s.to;
  return s.days.includes(at.weekday) && inHours;
}

function clauseNorm(clause: string): string {
  return clause.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

function toMoment(at: WeekMoment | Date): WeekMoment {
  const m = at instanceof Date ? { weekday: at.getDay(), hour: at.getHours() + at.getMinutes() / 60 } : at;
  if (!Number.isInteger(m.weekday) || m.weekday < 0 || m.weekday > 6) throw new RangeError(`weekday: ${quoteInput(m.weekday)} is not 0 (Sunday) … 6`);
  if (!(m.hour >= 0 && m.hour < 24)) throw new RangeError(`hour: ${quoteInput(m.hour)} is not in 0 ≤ hour < 24`);
  return m;
}

const CHANNEL_VERB: Readonly<Record<Channel, Localized>> = {
  T: { "zh-CN": "致电", "zh-TW": "致電", "en-US": "calling" },
  M: { "zh-CN": "约见", "zh-TW": "約見", "en-US": "visiting" },
  E: { "zh-CN": "发邮件", "zh-TW": "發郵件", "en-US": "e-mailing" },
};

function warningText(clause: string, label: Localized, channel: Channel): Localized {
  const v = CHANNEL_VERB[channel];
  return {
    "zh-CN": `客户要求“${clause}”：现在是${label["zh-CN"]}，${v["zh-CN"]}前请确认，或改发邮件/另约时间。`,
    "zh-TW": `客戶要求「${clause}」：現在是${label["zh-TW"]}，${v["zh-TW"]}前請確認，或改發郵件/另約時間。`,
    "en-US": `The client asks "${clause}": it is ${label["en-US"]} now. Check before ${v["en-US"]}, or send an e-mail / book another time.`,
  };
}

/**
 * A warning when contacting by `channel` at `at` goes against the client's window text, else null.
 * Each clause (split at punctuation) that holds a "no calls" marker (勿电, 不接电话, no calls …) restricts phone
 * calls during the times it names; 勿扰 / do not disturb restricts meetings too; e-mail is never restricted.
 * Times recognised: 工作时间 / work hours (Mon–Fri 9–18), 工作日 / weekdays, 晚上 / evening (18–8), 中午 / lunch
 * (12–14), 下午 / afternoon (12–18), 周末 / weekend, 上午 / morning (0–12), and explicit ranges such as 9:00-18:00
 * (a range on the 12-hour clock, "9-5", is read as 9:00–17:00). Text that only says when
 * the client *can* be reached is not a restriction and gives no warning.
 */
export function contactWindowWarning(windowText: string | undefined, channel: Channel, at: WeekMoment | Date): ContactWindowWarning | null {
  const moment = toMoment(at);
  if (!windowText || channel === "E") return null;
  for (const raw of windowText.split(/[,，;；。！!？?\n/|]+/)) {
    const clause = raw.trim();
    const n = clauseNorm(clause);
    const noCall = NO_CALL_RE.test(n);
    const noDisturb = NO_DISTURB_RE.test(n);
    if (!(noCall || noDisturb) || (channel === "M" && !noDisturb)) continue;
    const named = SPANS.filter((s) => s.re.test(n)).map((s) => s.span);
    const h = HOURS_RE.exec(n);
    if (h) {
      const from = Number(h[1]) + (h[2] ? Number(h[2]) / 60 : 0);
      let to = Number(h[3]) + (h[4] ? Number(h[4]) / 60 : 0);
      if (to < from && from < 12 && to <= 12) to += 12; // "9-5" means 9:00–17:00, while "22-8" wraps past midnight
      if (from < 24 && to <= 24 && from !== to) {
        const days = named.some((s) => s.rule === "workdays" || s.rule === "work-hours") ? WEEKDAYS : named.some((s) => s.rule === "weekend") ? [0, 6] : ALL_DAYS;
        const hm = (x: number): string => `${Math.floor(x)}:${String(Math.round((x % 1) * 60)).padStart(2, "0")}`;
        const text = `${hm(from)}–${hm(to)}`;
        const span: Span = { rule: "hours", days, from, to, label: { "zh-CN": text, "zh-TW": text, "en-US": text } };
        if (inSpan(span, moment)) return { rule: "hours", clause, message: warningText(clause, span.label, channel) };
        continue; // explicit hours are what the clause means; its words only chose the days
      }
    }
    for (const s of named) if (inSpan(s, moment)) return { rule: s.rule, clause, message: warningText(clause, s.label, channel) };
  }
  return null;
}

/** The window check over the client's ContactWindow and tags (tags such as 工作时间勿电 count too). */
export function clientContactWarning(
  client: Pick<Client, "contactWindow" | "tags">,
  channel: Channel,
  at: WeekMoment | Date,
): ContactWindowWarning | null {
  const parts = [client.contactWindow ?? "", ...(client.tags ?? [])].filter((p) => p.trim() !== "");
  return contactWindowWarning(parts.join("\n"), channel, at);
}
