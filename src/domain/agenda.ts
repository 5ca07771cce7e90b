/**
 * Today (今日待办): what the manager should act on, from the book and a date. Pure: asOf is an argument.
 *
 * Choices where the issue is silent:
 * - Review: last review = the client's latest Reviews date; a client never reviewed is due now (date = asOf).
 *   Listed when due within 7 days or overdue. Cadence from the client, else from the tier in force.
 * - Contact: overdue the day after last contact + cadence (the same cadence); never contacted = due now.
 * - Follow-up: the latest contact's NextDate (下次联络日) when it is within 7 days or past — the call the
 *   manager promised. A later contact replaces it.
 * - Maturity: assets (not loans) maturing in the next 14 days, and those matured in the last 7, so a product
 *   maturing over a weekend or holiday is not missed.
 * - Premium: a premium of an in-force policy due in the next 14 days (src/domain/premiums.ts: EDATE from the start,
 *   within the premium term), with its amount and payer (投保人); the last one of the schedule says the policy is paid
 *   up once it is paid. Premiums already due are not listed again: the book does not record payments, and the
 *   insurer's 60-day grace period (保险法 art. 36) is the insurer's to chase.
 * - Risk assessment: expired or expiring within 30 days, or missing, for clients with a C-level or a rated holding.
 * - Verification: VerifiedOn 180 days old or more, or missing (due now).
 * - Suitability: holdings whose R-level is above the client's C-level (date = asOf).
 * - Data to check: a review, contact, risk assessment, verification or birthday dated after asOf (a typo such as 2052). It
 *   is ignored for every due date — it must not hide an overdue review or call — and listed here to fix (date =
 *   asOf, the bad date in the detail). docs/ARCHITECTURE.md § Figures: dates in the future are data errors, never
 *   "the latest".
 *   Also listed there: a policy whose term is over but whose status is still in force (it no longer covers, and the
 *   status is probably stale), and a policy with a CI rider but no CI sum insured (not counted as CI cover) —
 *   src/domain/protection.ts policyChecks.
 * - Festival (逢年过节问候, issue #15): each festival of src/domain/festivals.ts within 7 days (the birthday window), for
 *   the clients to greet: tiers A and B (the relationships the manager greets one by one; C clients are greeted by a
 *   group message, not a call list) not contacted since the window before the festival opened (a call in those
 *   days already carried the greeting). The festival dates are an input (pure: the lunar calendar is loaded apart).
 * Items are grouped by reason in AGENDA_REASONS order; within a group the most overdue first, then the soonest,
 * then book order.
 */
import type { Localized } from "./result";
import { ASSET_CLASS_LABELS } from "./allocation";
import { upcomingBirthday } from "./birthdays";
import { assertIsoDate, CADENCE_LABELS, dayDiff, cadenceMonths, clientCadence } from "./cadence";
import { latestContacts } from "./contacts";
import { addDays, addMonths } from "./dates";
import { assessmentExpiry, bookSuitability, riskAssessmentStatus, type AssessmentStatus } from "./suitability";
import { formatAmount } from "./amounts";
import { FESTIVAL_LABELS, type Festival, type FestivalDate } from "./festivals";
import { coverEnd, policyChecks } from "./protection";
import { premiumPayer, premiumsDue } from "./premiums";
import { inBookCurrency } from "./fx";
import { bookTiers } from "./tiers";
import { LIABILITY_CLASSES, type AmountUnit, type AssetClass, type Book, type Cadence, type ClientRisk, type IsoDate, type Lang, type ProductRisk, type Relation } from "./types";

export const AGENDA_REASONS = [
  "review", "contact", "follow-up", "birthday", "festival", "maturity", "premium", "risk-assessment", "suitability", "verification", "data-check",
] as const;
export type AgendaReason = (typeof AGENDA_REASONS)[number];

/**
 * What a data-check item points at: a record dated after asOf; or a policy whose status looks stale (term over but
 * still in force: its cover end in `badDate`) or that has a CI rider without its CI sum insured (src/domain/protection).
 */
export type DataCheck =
  | "future-review" | "future-contact" | "future-assessment" | "future-verification" | "future-birthday"
  | "stale-policy-status" | "ci-sum-missing";

export type Urgency = "overdue" | "today" | "soon";

export interface AgendaDetail {
  /** Nothing on record (no review, contact, assessment or verification): due now. */
  never?: true;
  /** Last review / contact / assessment / verification. */
  lastDate?: IsoDate;
  cadence?: Cadence;
  /** Birthday: whose (the client's own name for the client). */
  person?: string;
  relation?: Relation | "Self";
  turns?: number;
  holdingId?: string;
  policyId?: string;
  productName?: string;
  assetClass?: AssetClass;
  institution?: string;
  amount?: number;
  /** Premium: who pays it (投保人), the insurer, and whether it is the schedule's last. */
  payer?: string;
  insurer?: string;
  lastPremium?: true;
  productRisk?: ProductRisk;
  clientRisk?: ClientRisk;
  nextAction?: string;
  assessment?: AssessmentStatus;
  /** Data to check: what is wrong; the bad date is in `badDate`. */
  check?: DataCheck;
  badDate?: IsoDate;
  /** Festival: which one (its date is the item's date). */
  festival?: Festival;
}

export interface AgendaItem {
  reason: AgendaReason;
  clientId: string;
  clientName: string;
  /** Due date, birthday, maturity date, assessment anniversary…; asOf for "due now" items. */
  date: IsoDate;
  /** Negative = overdue. */
  daysUntil: number;
  urgency: Urgency;
  detail: AgendaDetail;
}

export interface AgendaWindows {
  reviewWithinDays: number;
  followUpWithinDays: number;
  birthdayWithinDays: number;
  maturityWithinDays: number;
  maturityLookbackDays: number;
  premiumWithinDays: number;
  verifyAfterDays: number;
  festivalWithinDays: number;
}

export const DEFAULT_AGENDA_WINDOWS: AgendaWindows = {
  reviewWithinDays: 7,
  followUpWithinDays: 7,
  birthdayWithinDays: 7,
  maturityWithinDays: 14,
  maturityLookbackDays: 7,
  premiumWithinDays: 14,
  verifyAfterDays: 180,
  festivalWithinDays: 7,
};

function groupBy<T>(rows: readonly T[], key: (r: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}

function urgencyOf(daysUntil: number): Urgency {
  return daysUntil < 0 ? "overdue" : daysUntil === 0 ? "today" : "soon";
}

/**
 * `festivals`: festival dates (src/domain/festivals.ts upcomingFestivals); those from asOf through
 * festivalWithinDays later are greeted. None by default.
 */
export function todayAgenda(book: Book, asOf: IsoDate, windows: Partial<AgendaWindows> = {}, festivals: readonly FestivalDate[] = []): AgendaItem[] {
  assertIsoDate(asOf, "asOf");
  const w = { ...DEFAULT_AGENDA_WINDOWS, ...windows };
  for (const [k, v] of Object.entries(w)) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${k}: ${String(v)} is not a whole number of days ≥ 0`);
  }
  book = inBookCurrency(book, asOf); // every amount (maturities, premiums, tiers) in the book currency (issue #16)
  const tiers = bookTiers(book);
  const holdings = groupBy(book.holdings, (h) => h.clientId);
  const family = groupBy(book.family, (f) => f.clientId);
  const policies = groupBy(book.policies, (p) => p.clientId);
  // Records dated after asOf do not exist yet from asOf's point of view: left out of every due date, listed to check.
  const lastReview = new Map<string, IsoDate>();
  const futureReviews = new Map<string, Set<IsoDate>>();
  for (const r of book.reviews) {
    if (r.reviewDate > asOf) {
      const set = futureReviews.get(r.clientId);
      if (set) set.add(r.reviewDate);
      else futureReviews.set(r.clientId, new Set([r.reviewDate]));
      continue;
    }
    const prev = lastReview.get(r.clientId);
    if (!prev || r.reviewDate > prev) lastReview.set(r.clientId, r.reviewDate);
  }
  const latest = latestContacts(book.contacts, asOf);
  const futureContacts = groupBy(book.contacts.filter((c) => c.date > asOf), (c) => c.clientId);
  const unsuitable = groupBy(
    bookSuitability(book, asOf).filter((p) => p.reason === "above-risk"),
    (p) => p.clientId,
  );

  const greet = festivals.filter((f) => dayDiff(asOf, f.date) >= 0 && dayDiff(asOf, f.date) <= w.festivalWithinDays);

  const items: AgendaItem[] = [];
  const seen = new Set<string>();
  for (const c of book.clients) {
    if (seen.has(c.clientId)) continue;
    seen.add(c.clientId);
    const push = (reason: AgendaReason, date: IsoDate, detail: AgendaDetail): void => {
      const daysUntil = dayDiff(asOf, date);
      items.push({ reason, clientId: c.clientId, clientName: c.name, date, daysUntil, urgency: urgencyOf(daysUntil), detail });
    };
    const cadence = clientCadence(c, tiers.get(c.clientId)?.tier ?? "C");
    const months = cadenceMonths(cadence);

    const reviewed = lastReview.get(c.clientId);
    if (!reviewed) push("review", asOf, { never: true, cadence });
    else {
      const due = addMonths(reviewed, months);
      if (dayDiff(asOf, due) <= w.reviewWithinDays) push("review", due, { lastDate: reviewed, cadence });
    }

    const contact = latest.get(c.clientId);
    if (!contact) push("contact", asOf, { never: true, cadence });
    else {
      const due = addMonths(contact.date, months);
      if (due < asOf) push("contact", due, { lastDate: contact.date, cadence });
      if (contact.nextDate && contact.nextDate > contact.date && dayDiff(asOf, contact.nextDate) <= w.followUpWithinDays) {
        push("follow-up", contact.nextDate, { lastDate: contact.date, ...(contact.nextAction ? { nextAction: contact.nextAction } : {}) });
      }
    }

    if (c.birthday && c.birthday > asOf) push("data-check", asOf, { check: "future-birthday", badDate: c.birthday, person: c.name, relation: "Self" });
    if (c.birthday && c.birthday <= asOf) {
      const b = upcomingBirthday(c.birthday, asOf, w.birthdayWithinDays);
      if (b) push("birthday", b.date, { person: c.name, relation: "Self", turns: b.turns });
    }
    for (const f of family.get(c.clientId) ?? []) {
      if (!f.birthday) continue;
      if (f.birthday > asOf) {
        push("data-check", asOf, { check: "future-birthday", badDate: f.birthday, person: f.name, relation: f.relation });
        continue;
      }
      const b = upcomingBirthday(f.birthday, asOf, w.birthdayWithinDays);
      if (b) push("birthday", b.date, { person: f.name, relation: f.relation, turns: b.turns });
    }

    const tier = tiers.get(c.clientId)?.tier ?? "C";
    for (const f of greet) {
      const opens = addDays(f.date, -w.festivalWithinDays);
      if ((tier === "A" || tier === "B") && !(contact && contact.date >= opens)) push("festival", f.date, { festival: f.festival });
    }

    const mine = holdings.get(c.clientId) ?? [];
    for (const h of mine) {
      if (!h.maturityDate || LIABILITY_CLASSES.includes(h.assetClass)) continue;
      const d = dayDiff(asOf, h.maturityDate);
      if (d <= w.maturityWithinDays && d >= -w.maturityLookbackDays) {
        push("maturity", h.maturityDate, {
          holdingId: h.holdingId, productName: h.productName, assetClass: h.assetClass, institution: h.institution, amount: h.amount,
        });
      }
    }

    for (const p of policies.get(c.clientId) ?? []) {
      for (const due of premiumsDue(p, asOf, addDays(asOf, w.premiumWithinDays))) {
        push("premium", due.date, {
          policyId: p.policyId, ...(p.productName ? { productName: p.productName } : {}), insurer: p.insurer, amount: due.amount,
          payer: premiumPayer(p, c.name), ...(due.last ? { lastPremium: true as const } : {}),
        });
      }
    }

    if (c.riskLevel || mine.some((h) => h.riskLevel && !LIABILITY_CLASSES.includes(h.assetClass))) {
      const status = riskAssessmentStatus(c.riskAssessedOn, asOf);
      const risk = c.riskLevel ? { clientRisk: c.riskLevel } : {};
      if (status === "missing") push("risk-assessment", asOf, { never: true, assessment: status, ...risk });
      else if (status === "future") push("risk-assessment", asOf, { badDate: c.riskAssessedOn, assessment: status, ...risk });
      else if (status !== "valid") {
        push("risk-assessment", assessmentExpiry(c.riskAssessedOn as IsoDate), { lastDate: c.riskAssessedOn, assessment: status, ...risk });
      }
    }

    for (const p of unsuitable.get(c.clientId) ?? []) {
      push("suitability", asOf, {
        holdingId: p.holdingId, productName: p.productName, institution: p.institution, amount: p.amount,
        productRisk: p.productRisk, clientRisk: p.clientRisk,
      });
    }

    const verifiedFuture = c.verifiedOn !== undefined && c.verifiedOn > asOf;
    if (!c.verifiedOn || verifiedFuture) push("verification", asOf, { never: true });
    else {
      const due = addDays(c.verifiedOn, w.verifyAfterDays);
      if (due <= asOf) push("verification", due, { lastDate: c.verifiedOn });
    }

    for (const d of [...(futureReviews.get(c.clientId) ?? [])].sort()) push("data-check", asOf, { check: "future-review", badDate: d });
    for (const f of futureContacts.get(c.clientId) ?? []) push("data-check", asOf, { check: "future-contact", badDate: f.date });
    if (c.riskAssessedOn && c.riskAssessedOn > asOf) push("data-check", asOf, { check: "future-assessment", badDate: c.riskAssessedOn });
    if (verifiedFuture) push("data-check", asOf, { check: "future-verification", badDate: c.verifiedOn });
    for (const p of policies.get(c.clientId) ?? []) {
      for (const check of policyChecks(p, asOf)) {
        const what = { policyId: p.policyId, ...(p.productName ? { productName: p.productName } : {}) };
        if (check === "stale-status") push("data-check", asOf, { check: "stale-policy-status", badDate: coverEnd(p), ...what });
        else push("data-check", asOf, { check: "ci-sum-missing", ...what });
      }
    }
  }

  const rank = new Map(AGENDA_REASONS.map((r, i) => [r, i]));
  // Items were generated client by client and Array#sort is stable, so ties stay in book order.
  return items.sort((a, b) => rank.get(a.reason)! - rank.get(b.reason)! || a.daysUntil - b.daysUntil);
}

/** The agenda cut into its reason groups (non-empty groups only, in AGENDA_REASONS order). */
export function agendaGroups(items: readonly AgendaItem[]): { reason: AgendaReason; items: AgendaItem[] }[] {
  return AGENDA_REASONS.map((reason) => ({ reason, items: items.filter((i) => i.reason === reason) })).filter((g) => g.items.length > 0);
}

// ---- text for the Today page and sheet ----------------------------------------------------------------------

export const AGENDA_REASON_LABELS: Readonly<Record<AgendaReason, Localized>> = {
  review: { "zh-CN": "资产检视", "zh-TW": "資產檢視", "en-US": "Review" },
  contact: { "zh-CN": "联络逾期", "zh-TW": "聯絡逾期", "en-US": "Contact overdue" },
  "follow-up": { "zh-CN": "约定跟进", "zh-TW": "約定跟進", "en-US": "Follow-up" },
  birthday: { "zh-CN": "生日", "zh-TW": "生日", "en-US": "Birthday" },
  festival: { "zh-CN": "节日问候", "zh-TW": "節日問候", "en-US": "Festival greeting" },
  maturity: { "zh-CN": "产品到期", "zh-TW": "產品到期", "en-US": "Maturing" },
  premium: { "zh-CN": "保费到期", "zh-TW": "保費到期", "en-US": "Premium due" },
  "risk-assessment": { "zh-CN": "风险评估", "zh-TW": "風險評估", "en-US": "Risk assessment" },
  suitability: { "zh-CN": "适当性", "zh-TW": "適合度", "en-US": "Suitability" },
  verification: { "zh-CN": "资料核实", "zh-TW": "資料核實", "en-US": "Verify details" },
  "data-check": { "zh-CN": "待核对数据", "zh-TW": "待核對資料", "en-US": "Data to check" },
};

export const URGENCY_LABELS: Readonly<Record<Urgency, Localized>> = {
  overdue: { "zh-CN": "已逾期", "zh-TW": "已逾期", "en-US": "Overdue" },
  today: { "zh-CN": "今天", "zh-TW": "今天", "en-US": "Today" },
  soon: { "zh-CN": "即将到期", "zh-TW": "即將到期", "en-US": "Soon" },
};

const RELATION_LABELS: Readonly<Record<Relation | "Self", Localized>> = {
  Self: { "zh-CN": "本人", "zh-TW": "本人", "en-US": "Client" },
  Spouse: { "zh-CN": "配偶", "zh-TW": "配偶", "en-US": "Spouse" },
  Child: { "zh-CN": "子女", "zh-TW": "子女", "en-US": "Child" },
  Parent: { "zh-CN": "父母", "zh-TW": "父母", "en-US": "Parent" },
  Other: { "zh-CN": "其他", "zh-TW": "其他", "en-US": "Other" },
};

/** The one amount format (src/domain/amounts.ts), re-exported for the callers that took it from here. */
export { formatAmount } from "./amounts";

/** A message in the item's language. */
type Pick = (text: Localized) => string;

/** "检视记录日期 2052-01-31 晚于今天：不计入到期日，请更正" and the like. */
function describeDataCheck(check: DataCheck | undefined, date: IsoDate, pick: Pick, who: string): string {
  const fix = pick({ "zh-CN": "晚于今天：不计入到期日，请更正", "zh-TW": "晚於今天：不計入到期日，請更正", "en-US": "is after today: left out of due dates; please correct it" });
  switch (check) {
    case "future-review":
      return pick({ "zh-CN": `检视记录日期 ${date} ${fix}`, "zh-TW": `檢視記錄日期 ${date} ${fix}`, "en-US": `Review date ${date} ${fix}` });
    case "future-contact":
      return pick({ "zh-CN": `联络记录日期 ${date} ${fix}`, "zh-TW": `聯絡記錄日期 ${date} ${fix}`, "en-US": `Contact date ${date} ${fix}` });
    case "future-assessment":
      return pick({ "zh-CN": `风险评估日期 ${date} ${fix}`, "zh-TW": `風險評估日期 ${date} ${fix}`, "en-US": `Risk assessment date ${date} ${fix}` });
    case "future-verification":
      return pick({ "zh-CN": `资料核实日期 ${date} ${fix}`, "zh-TW": `資料核實日期 ${date} ${fix}`, "en-US": `Verification date ${date} ${fix}` });
    case "future-birthday":
      return pick({ "zh-CN": `${who}生日 ${date} ${fix}`, "zh-TW": `${who}生日 ${date} ${fix}`, "en-US": `${who}birthday ${date} ${fix}` });
    default:
      return pick({ "zh-CN": `日期 ${date} 待核对`, "zh-TW": `日期 ${date} 待核對`, "en-US": `Date ${date} to check` });
  }
}

/** One line describing the item, e.g. 配偶 王芳 生日（38岁）; amounts in the book's display unit. */
export function describeAgendaItem(item: AgendaItem, lang: Lang, unit: AmountUnit = "Yuan"): string {
  const d = item.detail;
  const zh = lang !== "en-US";
  const tw = lang === "zh-TW";
  const cad = d.cadence ? CADENCE_LABELS[d.cadence][lang] : "";
  const pick: Pick = (text) => (tw ? text["zh-TW"] : zh ? text["zh-CN"] : text["en-US"]);
  switch (item.reason) {
    case "review":
      return d.never ? pick({ "zh-CN": `从未检视（${cad}）`, "zh-TW": `從未檢視（${cad}）`, "en-US": `Never reviewed (${cad})` })
        : pick({ "zh-CN": `上次检视 ${d.lastDate}（${cad}）`, "zh-TW": `上次檢視 ${d.lastDate}（${cad}）`, "en-US": `Last reviewed ${d.lastDate} (${cad})` });
    case "contact":
      return d.never ? pick({ "zh-CN": `从未联络（${cad}）`, "zh-TW": `從未聯絡（${cad}）`, "en-US": `Never contacted (${cad})` })
        : pick({ "zh-CN": `上次联络 ${d.lastDate}（${cad}）`, "zh-TW": `上次聯絡 ${d.lastDate}（${cad}）`, "en-US": `Last contact ${d.lastDate} (${cad})` });
    case "follow-up": {
      const what = d.nextAction ?? pick({ "zh-CN": "约定的下次联络", "zh-TW": "約定的下次聯絡", "en-US": "Planned next contact" });
      return pick({ "zh-CN": `${what}（${d.lastDate} 联络时约定）`, "zh-TW": `${what}（${d.lastDate} 聯絡時約定）`, "en-US": `${what} (agreed on ${d.lastDate})` });
    }
    case "birthday": {
      const who = d.relation === "Self" ? "" : `${RELATION_LABELS[d.relation ?? "Other"][lang]} ${d.person} `;
      return pick({ "zh-CN": `${who}生日（${d.turns}岁）`, "zh-TW": `${who}生日（${d.turns}歲）`, "en-US": `${who}birthday (turns ${d.turns})` });
    }
    case "festival": {
      const name = d.festival ? FESTIVAL_LABELS[d.festival][lang] : "";
      return pick({ "zh-CN": `${name}问候`, "zh-TW": `${name}問候`, "en-US": `${name} greeting` });
    }
    case "maturity": {
      const cls = d.assetClass ? ASSET_CLASS_LABELS[d.assetClass][lang] : "";
      const amt = formatAmount(d.amount ?? 0, unit, lang);
      return pick({ "zh-CN": `${d.productName}（${cls}）到期，金额 ${amt}`, "zh-TW": `${d.productName}（${cls}）到期，金額 ${amt}`, "en-US": `${d.productName} (${cls}) matures, amount ${amt}` });
    }
    case "premium": {
      const what = `${d.policyId ?? ""}${d.productName ? ` ${d.productName}` : ""}`;
      const amt = formatAmount(d.amount ?? 0, unit, lang);
      const last = d.lastPremium
        ? pick({ "zh-CN": "；最后一期，缴后即缴清", "zh-TW": "；最後一期，繳後即繳清", "en-US": "; the last one, paid up after it" })
        : "";
      return pick({
        "zh-CN": `保单 ${what}（${d.insurer}）应缴保费 ${amt}，投保人 ${d.payer}${last}`,
        "zh-TW": `保單 ${what}（${d.insurer}）應繳保費 ${amt}，要保人 ${d.payer}${last}`,
        "en-US": `Policy ${what} (${d.insurer}) premium ${amt} due, paid by ${d.payer}${last}`,
      });
    }
    case "risk-assessment":
      if (d.never) return pick({ "zh-CN": "无风险评估记录", "zh-TW": "無風險評估記錄", "en-US": "No risk assessment on record" });
      if (d.assessment === "future") {
        return pick({
          "zh-CN": `风险评估日期 ${d.badDate} 晚于今天，不算有效评估`,
          "zh-TW": `風險評估日期 ${d.badDate} 晚於今天，不算有效評估`,
          "en-US": `Risk assessment dated ${d.badDate}, after today: not a valid assessment`,
        });
      }
      // Valid through its anniversary (item.date), expired from the next day: see assessmentExpiry.
      return item.daysUntil < 0
        ? pick({ "zh-CN": `风险评估（${d.lastDate}）已过期`, "zh-TW": `風險評估（${d.lastDate}）已過期`, "en-US": `Risk assessment of ${d.lastDate} has expired` })
        : pick({ "zh-CN": `风险评估（${d.lastDate}）即将到期`, "zh-TW": `風險評估（${d.lastDate}）即將到期`, "en-US": `Risk assessment of ${d.lastDate} expires soon` });
    case "suitability": {
      const amt = formatAmount(d.amount ?? 0, unit, lang);
      return pick({
        "zh-CN": `${d.productName} ${d.productRisk} 高于客户等级 ${d.clientRisk}，金额 ${amt}`,
        "zh-TW": `${d.productName} ${d.productRisk} 高於客戶等級 ${d.clientRisk}，金額 ${amt}`,
        "en-US": `${d.productName} ${d.productRisk} is above the client's ${d.clientRisk}, amount ${amt}`,
      });
    }
    case "verification":
      return d.never ? pick({ "zh-CN": "联系资料从未核实", "zh-TW": "聯絡資料從未核實", "en-US": "Contact details never verified" })
        : pick({ "zh-CN": `联系资料上次核实 ${d.lastDate}`, "zh-TW": `聯絡資料上次核實 ${d.lastDate}`, "en-US": `Contact details last verified ${d.lastDate}` });
    case "data-check": {
      const policy = `${d.policyId ?? ""}${d.productName ? ` ${d.productName}` : ""}`;
      if (d.check === "stale-policy-status") {
        return pick({
          "zh-CN": `保单 ${policy} 保障已于 ${d.badDate} 期满，状态仍为有效：不计入保额，请核实状态`,
          "zh-TW": `保單 ${policy} 保障已於 ${d.badDate} 期滿，狀態仍為有效：不計入保額，請核實狀態`,
          "en-US": `Policy ${policy}: cover ended ${d.badDate} but its status is still in force — not counted; check its status`,
        });
      }
      if (d.check === "ci-sum-missing") {
        return pick({
          "zh-CN": `保单 ${policy} 含重疾但未填重疾保额：不计入重疾保障，请补填`,
          "zh-TW": `保單 ${policy} 含重疾但未填重疾保額：不計入重疾保障，請補填`,
          "en-US": `Policy ${policy} has a CI rider but no CI sum insured: not counted as CI cover; enter it`,
        });
      }
      return describeDataCheck(d.check, d.badDate ?? "", pick, d.relation && d.relation !== "Self" ? `${RELATION_LABELS[d.relation][lang]} ${d.person} ` : "");
    }
  }
}
