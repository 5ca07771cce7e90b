/**
 * About a year of contacts before asOf: calls, e-mails and meetings, more often for key clients, each review
 * met in person or sent and talked through by phone (two contacts that day), a birthday call, and the routine
 * in between. Overdue clients fell silent longer than their cadence ago.
 */
import { isoParts } from "../domain/dates";
import type { Channel, Contact, IsoDate } from "../domain/types";
import { day, iso, say, type Ctx, type T } from "./context";
import { birthFor, type ClientDraft } from "./draft";
import { LOANS, NEW_FUND } from "./products";
import type { Rand } from "./rand";
import { HOBBIES, MAIL_ONLY, NEXT_ACTIONS, SUMMARY, TAG, WINDOWS } from "./texts";

/** Mean days between routine contacts for a cadence of 1, 3, 6 or 12 months. */
function meanGap(months: number): number {
  return months <= 1 ? 16 : months <= 3 ? 35 : months <= 6 ? 60 : 100;
}

const YEAR = 365;

export function drawContacts(r: Rand, ctx: Ctx, d: ClientDraft, months: number, reviewDates: readonly IsoDate[], overdue: boolean): Contact[] {
  const clientId = d.client.clientId;
  const today = ctx.today;
  const from = today - YEAR;
  // Nobody was contacted after the last review of an overdue client.
  const cutoff = overdue ? day(reviewDates[reviewDates.length - 1]) : today - 1;
  const out: Contact[] = [];
  const pref = d.client.preferredChannel ?? "T";
  const mailOnly = d.client.contactWindow === say(ctx, WINDOWS[MAIL_ONLY]);
  const current = d.holdings.filter((h) => !h.sold).map((h) => h.h);
  const maturing = current.filter((h) => h.maturityDate !== undefined && h.assetClass !== "Loan" && day(h.maturityDate) - today <= 30);
  const fund = current.find((h) => h.assetClass === "Fund");
  const mortgage = current.some((h) => h.assetClass === "Loan" && h.productName === say(ctx, LOANS.mortgage));
  const hobby = (d.client.hobbies ?? "").split("、")[0] || say(ctx, HOBBIES[0]);
  const assessedOn = d.client.riskAssessedOn ? day(d.client.riskAssessedOn) : undefined;
  const kids = d.family.some((f) => f.relation === "Child" && f.age < 22);
  const owner = d.occupation === "owner" || d.occupation === "shopkeeper";

  const push = (date: number, channel: Channel, summary: T, withNext: boolean): void => {
    const next = r.pick(NEXT_ACTIONS);
    const inDays = r.int(3, 30);
    out.push({
      clientId,
      date: iso(date),
      channel,
      summary: say(ctx, summary),
      ...(withNext ? { nextAction: say(ctx, next), nextDate: iso(date + inDays) } : {}),
    });
  };

  // Reviews within the year: a meeting, or the sheet e-mailed and talked through by phone the same day.
  const reviewDays = reviewDates.map(day).filter((x) => x >= from && x <= cutoff);
  for (const rd of reviewDays) {
    if (r.chance(pref === "M" ? 0.85 : 0.55)) {
      push(rd, "M", SUMMARY.reviewMeeting, r.chance(0.5));
    } else {
      push(rd, "E", SUMMARY.reviewMail, false);
      push(rd, "T", SUMMARY.reviewCall, r.chance(0.5));
    }
  }

  // A birthday call when the birthday fell in the year.
  const b = isoParts(d.client.birthday as IsoDate);
  const lastBirthday = day(birthFor(ctx, 0, b.m, b.d));
  if (lastBirthday >= from && lastBirthday <= cutoff && r.chance(0.5)) push(lastBirthday, "T", SUMMARY.birthday, false);

  // Routine contacts, newest first, skipping days next to a review.
  const gap = meanGap(months);
  let t = cutoff - r.int(0, Math.floor(gap * 0.8));
  let newest = true;
  while (t >= from) {
    const near = reviewDays.some((x) => Math.abs(x - t) <= 2);
    const chRoll = r.float();
    const topic = r.float();
    const double = r.chance(0.05);
    const withNext = r.chance(0.55);
    const step = Math.max(3, Math.round(gap * r.range(0.6, 1.4)));
    if (!near) {
      const channel: Channel = mailOnly
        ? chRoll < 0.85 ? "E" : "T"
        : chRoll < 0.6 ? pref : (["T", "E", "M"] as const).filter((c) => c !== pref)[chRoll < 0.8 ? 0 : 1];
      push(t, channel, routineSummary(channel, t, newest, topic), withNext);
      if (double && channel === "T") push(t, "E", fund ? SUMMARY.fundMail(say(ctx, NEW_FUND.t)) : SUMMARY.marketMail, false);
      newest = false;
    }
    t -= step;
  }

  function routineSummary(channel: Channel, t: number, isNewest: boolean, u: number): T {
    if (channel === "E") return u < 0.5 ? SUMMARY.marketMail : u < 0.8 && fund ? SUMMARY.fundMail(say(ctx, NEW_FUND.t)) : SUMMARY.policyMail;
    if (channel === "M") {
      if (u < 0.25) return SUMMARY.protectionVisit;
      if (u < 0.45) return SUMMARY.salon(hobby);
      if (u < 0.6 && kids) return SUMMARY.educationVisit;
      if (u < 0.75 && owner) return SUMMARY.businessLunch;
      if (u < 0.85 && d.self.age >= 45) return SUMMARY.pensionVisit;
      return SUMMARY.cdVisit;
    }
    if (isNewest && maturing.length > 0) return SUMMARY.maturity(maturing[0].productName);
    if (assessedOn !== undefined && t - assessedOn >= 300 && t - assessedOn <= 365) return SUMMARY.assessment;
    if (u < 0.25) return SUMMARY.greeting;
    if (u < 0.32 && d.client.tags?.includes(say(ctx, TAG.fx))) return SUMMARY.fxCall;
    if (u < 0.5 && fund) return SUMMARY.newFund(say(ctx, NEW_FUND.t));
    if (u < 0.65 && fund) return SUMMARY.volatility;
    if (u < 0.8 && mortgage) return SUMMARY.prepay;
    return u < 0.9 ? SUMMARY.appointment : SUMMARY.greeting;
  }

  out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return out;
}
