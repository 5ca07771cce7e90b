/**
 * Independent checks of a generated book against docs/ARCHITECTURE.md's rules and the generator's promises, and small
 * re-statements of the Today rules (birthdays, maturities, assessments, verification, suitability, overdue) used
 * by the distribution tests. Written from the design, not from the generator's code.
 */
import { addMonths, isIsoDate, isLeapYear, isoParts, isoToSerial, wholeYearsBetween } from "../../src/domain/dates";
import {
  ASSET_CLASSES, CADENCES, CHANNELS, CLIENT_RISKS, MARITAL_STATUSES, POLICY_STATUSES, POLICY_TYPES, RELATIONS,
  THIS_BANK, TIERS,
  type Book, type Cadence, type Client, type IsoDate, type Lang, type Tier,
} from "../../src/domain/types";
import { rateOn } from "../../src/domain/currency";
import { PREMIUM_FREQUENCIES } from "../../src/domain/types";
import { CN_MOBILE_RE, isValidCnId, isValidTwId, TW_MOBILE_RE } from "../../src/sample";

/**
 * Plausible rates per book currency (book currency per unit): CNY per USD about 7.1–7.3 and per HKD 0.91–0.93 in
 * 2025–26 (the HKD pegged at 7.75–7.85 per USD by the HKMA's Linked Exchange Rate System); TWD per USD 29–33.
 */
export const RATE_BANDS: Readonly<Record<string, Readonly<Record<string, readonly [number, number]>>>> = {
  CNY: { USD: [7.05, 7.35], HKD: [7.05 / 7.85, 7.35 / 7.75] },
  TWD: { USD: [29, 33], HKD: [29 / 7.85, 33 / 7.75] },
};

/** b − a in days (serial arithmetic: the checks run over hundreds of thousands of rows). */
function daysBetween(a: IsoDate, b: IsoDate): number {
  return isoToSerial(b) - isoToSerial(a);
}

/** Every broken rule, as `table row: reason`. Empty when the book is valid. */
export function bookViolations(book: Book, asOf: IsoDate, lang: Lang): string[] {
  const bad: string[] = [];
  // `where` may be a function so the hundreds of thousands of good rows build no message.
  type Where = string | (() => string);
  const fail = (where: Where, why: string): void => {
    if (bad.length < 50) bad.push(`${typeof where === "string" ? where : where()}: ${why}`);
  };
  const valid = new Set<string>();
  const date = (where: Where, field: string, v: unknown, opts: { notAfterAsOf?: boolean } = {}): void => {
    if (typeof v === "string" && valid.has(v)) {
      if (opts.notAfterAsOf && v > asOf) fail(where, `${field} ${v} is after asOf ${asOf}`);
    } else if (!isIsoDate(v)) fail(where, `${field} ${String(v)} is not an ISO date`);
    else {
      valid.add(v);
      if (opts.notAfterAsOf && v > asOf) fail(where, `${field} ${v} is after asOf ${asOf}`);
    }
  };
  const money = (where: Where, field: string, v: unknown, positive = false): void => {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0 || (positive && v === 0)) fail(where, `${field} ${String(v)} is not a ${positive ? "positive" : "non-negative"} amount`);
  };
  const noUndefined = (where: Where, rec: object): void => {
    const r = rec as Record<string, unknown>;
    for (const k in r) if (r[k] === undefined) fail(where, `${k} is present but undefined`);
  };

  if (book.settings.language !== lang) fail("settings", `language ${book.settings.language} ≠ ${lang}`);
  if (book.settings.currency !== (lang === "zh-TW" ? "TWD" : "CNY")) fail("settings", `currency ${book.settings.currency}`);
  const bookCcy = book.settings.currency;

  // ---- rates: plausible, one per currency and date, in date order ----
  const rateKeys = new Set<string>();
  book.rates.forEach((r, i) => {
    const w = `rates[${i}] ${r.currency} ${r.date}`;
    const band = RATE_BANDS[bookCcy]?.[r.currency];
    if (!band) fail(w, `no ${r.currency} expected in a ${bookCcy} book`);
    else if (!(r.rate >= band[0] && r.rate <= band[1])) fail(w, `rate ${r.rate} outside ${band[0].toFixed(4)}–${band[1].toFixed(4)}`);
    date(w, "date", r.date, { notAfterAsOf: true });
    if (rateKeys.has(`${r.currency}|${r.date}`)) fail(w, "two rates on one date");
    rateKeys.add(`${r.currency}|${r.date}`);
    if (i > 0 && book.rates[i - 1].date > r.date) fail(w, "rates are not in date order");
  });
  /** A row in a foreign currency needs a rate on or before its valuation date. */
  const currency = (where: Where, ccy: string | undefined, on: IsoDate): void => {
    if (ccy === undefined) return;
    if (ccy === bookCcy) fail(where, `currency ${ccy} written out although it is the book's`);
    else if (rateOn(book.rates, ccy, on, bookCcy) === undefined) fail(where, `no ${ccy} rate on or before ${on}`);
  };

  // ---- clients ----
  const clients = new Map<string, Client>();
  const phones = new Set<string>();
  book.clients.forEach((c, i) => {
    const w = `clients[${i}] ${c.clientId}`;
    noUndefined(w, c);
    if (c.clientId !== `C${String(i + 1).padStart(4, "0")}`) fail(w, "ids are not C0001, C0002, … in order");
    if (clients.has(c.clientId)) fail(w, "duplicate id");
    clients.set(c.clientId, c);
    if (!/^[\u4e00-\u9fff]{2,4}$/.test(c.name)) fail(w, `name ${c.name} is not 2–4 Chinese characters`);
    if (c.gender !== "M" && c.gender !== "F") fail(w, `gender ${String(c.gender)}`);
    date(w, "birthday", c.birthday, { notAfterAsOf: true });
    if (c.birthday) {
      const age = wholeYearsBetween(c.birthday, asOf);
      if (age < 18 || age > 100) fail(w, `age ${age}`);
    }
    if (c.idNumber !== undefined) {
      if (lang === "zh-TW") {
        if (!isValidTwId(c.idNumber)) fail(w, `id ${c.idNumber} fails the Taiwan check digit`);
        else if (c.idNumber[1] !== (c.gender === "M" ? "1" : "2")) fail(w, `id ${c.idNumber} gender digit`);
      } else {
        if (!isValidCnId(c.idNumber)) fail(w, `id ${c.idNumber} fails the GB 11643 check`);
        else {
          if (c.idNumber.slice(6, 14) !== c.birthday?.replace(/-/g, "")) fail(w, `id ${c.idNumber} does not encode birthday ${c.birthday}`);
          if ((Number(c.idNumber[16]) % 2 === 1) !== (c.gender === "M")) fail(w, `id ${c.idNumber} gender digit`);
        }
      }
    }
    const phoneRe = lang === "zh-TW" ? TW_MOBILE_RE : CN_MOBILE_RE;
    if (!c.phone || !phoneRe.test(c.phone)) fail(w, `phone ${String(c.phone)}`);
    else if (phones.has(c.phone)) fail(w, `phone ${c.phone} repeats another client's`);
    else phones.add(c.phone);
    if (c.email !== undefined && !/^[a-z0-9._]+@[a-z0-9.-]+\.[a-z]{2,}$/.test(c.email)) fail(w, `email ${c.email}`);
    if (!c.maritalStatus || !MARITAL_STATUSES.includes(c.maritalStatus)) fail(w, `marital status ${String(c.maritalStatus)}`);
    if (!Number.isInteger(c.children) || (c.children as number) < 0) fail(w, `children ${String(c.children)}`);
    if (c.annualIncome !== undefined) money(w, "annualIncome", c.annualIncome);
    if (!c.riskLevel || !CLIENT_RISKS.includes(c.riskLevel)) fail(w, `risk ${String(c.riskLevel)}`);
    date(w, "riskAssessedOn", c.riskAssessedOn, { notAfterAsOf: true });
    date(w, "verifiedOn", c.verifiedOn, { notAfterAsOf: true });
    if (c.tier !== undefined && !TIERS.includes(c.tier)) fail(w, `tier ${c.tier}`);
    if (c.tags !== undefined && (c.tags.length === 0 || c.tags.some((t) => t.trim() === "") || new Set(c.tags).size !== c.tags.length)) fail(w, `tags ${JSON.stringify(c.tags)}`);
    if (c.preferredChannel !== undefined && !CHANNELS.includes(c.preferredChannel)) fail(w, `channel ${c.preferredChannel}`);
    if (c.reviewCadence !== undefined && !CADENCES.includes(c.reviewCadence)) fail(w, `cadence ${c.reviewCadence}`);
    for (const k of ["address", "occupation", "hobbies", "manager", "contactWindow", "notes", "employer"] as const) {
      if (c[k] !== undefined && (typeof c[k] !== "string" || (c[k] as string).trim() === "")) fail(w, `${k} is blank`);
    }
  });

  // ---- family ----
  const familyOf = new Map<string, { name: string; relation: string; birthday?: string }[]>();
  book.family.forEach((f, i) => {
    const w = `family[${i}] ${f.clientId} ${f.name}`;
    noUndefined(w, f);
    const c = clients.get(f.clientId);
    if (!c) return fail(w, "unknown client");
    if (!RELATIONS.includes(f.relation)) fail(w, `relation ${f.relation}`);
    if (!/^[\u4e00-\u9fff]{2,4}$/.test(f.name)) fail(w, "name");
    date(w, "birthday", f.birthday, { notAfterAsOf: true });
    const list = familyOf.get(f.clientId) ?? [];
    if (f.name === c.name || list.some((x) => x.name === f.name)) fail(w, "two people of one family share a name");
    list.push(f);
    familyOf.set(f.clientId, list);
    if (f.linkedClientId !== undefined) {
      // A member who is also a client is that client: another one, same name and birthday, linked back.
      const other = clients.get(f.linkedClientId);
      if (!other || other.clientId === c.clientId) fail(w, `linked client ${f.linkedClientId} is not another client`);
      else if (other.name !== f.name || other.birthday !== f.birthday) fail(w, `linked client ${other.clientId} is ${other.name} ${other.birthday}`);
      else if (!book.family.some((g) => g.clientId === other.clientId && g.linkedClientId === c.clientId)) fail(w, "the link is one-way");
    }
    if (f.birthday && c.birthday) {
      const gap = wholeYearsBetween(f.birthday, c.birthday);
      if (f.relation === "Child" && wholeYearsBetween(c.birthday, f.birthday) < 16) fail(w, "child less than 16 years younger than the client");
      if (f.relation === "Parent" && gap < 16) fail(w, "parent less than 16 years older than the client");
    }
  });
  for (const c of book.clients) {
    const fam = familyOf.get(c.clientId) ?? [];
    const kids = fam.filter((f) => f.relation === "Child").length;
    const spouses = fam.filter((f) => f.relation === "Spouse").length;
    if (c.children !== kids) fail(c.clientId, `children ${c.children} but ${kids} Child rows`);
    if (c.maritalStatus === "Married" ? spouses !== 1 : spouses !== 0) fail(c.clientId, `${c.maritalStatus} with ${spouses} spouse rows`);
  }

  // ---- holdings ----
  const holdings = new Map<string, Book["holdings"][number]>();
  book.holdings.forEach((h, i) => {
    const w = (): string => `holdings[${i}] ${h.holdingId}`;
    noUndefined(w, h);
    if (!/^H\d{5,}$/.test(h.holdingId)) fail(w, "id format");
    if (holdings.has(h.holdingId)) fail(w, "duplicate id");
    holdings.set(h.holdingId, h);
    if (!clients.has(h.clientId)) fail(w, "unknown client");
    if (!ASSET_CLASSES.includes(h.assetClass)) fail(w, `class ${h.assetClass}`);
    if (!h.productName.trim() || !h.institution.trim()) fail(w, "blank product or institution");
    money(w, "amount", h.amount, true);
    if (lang === "zh-TW" && h.currency === undefined && !Number.isInteger(h.amount)) fail(w, `TWD amount ${h.amount} has cents`);
    currency(w, h.currency, asOf);
    if (h.startDate !== undefined) date(w, "startDate", h.startDate, { notAfterAsOf: true });
    if (h.maturityDate !== undefined) {
      date(w, "maturityDate", h.maturityDate);
      if (h.startDate !== undefined && h.maturityDate <= h.startDate) fail(w, `matures ${h.maturityDate} not after start ${h.startDate}`);
      if (h.maturityDate < asOf) fail(w, `matured ${h.maturityDate} but still held`);
    }
    date(w, "updatedOn", h.updatedOn, { notAfterAsOf: true });
    if (h.startDate && h.updatedOn && h.updatedOn < h.startDate) fail(w, "updated before it started");
    const allowed = RISK_BY_CLASS[h.assetClass];
    if (allowed === null ? h.riskLevel !== undefined : !h.riskLevel || !allowed.includes(h.riskLevel)) fail(w, `${h.assetClass} with risk ${String(h.riskLevel)}`);
  });

  // ---- policies ----
  const policyIds = new Set<string>();
  book.policies.forEach((p, i) => {
    const w = `policies[${i}] ${p.policyId}`;
    noUndefined(w, p);
    if (!/^P\d{5,}$/.test(p.policyId) || policyIds.has(p.policyId)) fail(w, "id format or duplicate");
    policyIds.add(p.policyId);
    const c = clients.get(p.clientId);
    if (!c) return fail(w, "unknown client");
    const insured = p.insured === c.name ? c : (familyOf.get(p.clientId) ?? []).find((f) => f.name === p.insured);
    if (!insured) return fail(w, `insured ${p.insured} is neither the client nor a family member`);
    if (!POLICY_TYPES.includes(p.policyType) || !POLICY_STATUSES.includes(p.status)) fail(w, "type or status");
    if (!p.insurer.trim()) fail(w, "blank insurer");
    money(w, "sumInsured", p.sumInsured, true);
    money(w, "annualPremium", p.annualPremium, true);
    // A single premium (趸交) buys the whole cover at once: a savings policy's is about its sum insured.
    if (p.premiumFrequency === "Single" ? p.annualPremium > p.sumInsured : p.annualPremium >= p.sumInsured) fail(w, "premium not below the sum insured");
    if (p.premiumFrequency !== undefined && !PREMIUM_FREQUENCIES.includes(p.premiumFrequency)) fail(w, `frequency ${p.premiumFrequency}`);
    if (p.premiumYears !== undefined && (!Number.isInteger(p.premiumYears) || p.premiumYears < 1 || (p.termYears !== undefined && p.premiumYears > p.termYears))) fail(w, `premium years ${p.premiumYears}`);
    if (p.premiumFrequency === "Single" && p.premiumYears !== undefined) fail(w, "a single premium with paying years");
    currency(w, p.currency, asOf);
    date(w, "startDate", p.startDate, { notAfterAsOf: true });
    if (p.startDate && insured.birthday && p.startDate < insured.birthday) fail(w, "starts before the insured was born");
    if (p.termYears !== undefined && (!Number.isInteger(p.termYears) || p.termYears < 1)) fail(w, `term ${p.termYears}`);
    if (p.policyType === "CriticalIllness" && !p.criticalIllness) fail(w, "critical-illness policy without CI flag");
    if (p.startDate && p.termYears !== undefined) {
      const ended = addMonths(p.startDate, p.termYears * 12) <= asOf;
      if (ended && p.status === "InForce") fail(w, "in force after its term ended");
      if (!ended && p.status === "Matured") fail(w, "matured before its term ended");
    }
    if (p.termYears === undefined && p.status === "Matured") fail(w, "a whole-life policy cannot mature");
  });

  // ---- contacts ----
  book.contacts.forEach((c, i) => {
    const w = (): string => `contacts[${i}] ${c.clientId} ${c.date}`;
    noUndefined(w, c);
    if (!clients.has(c.clientId)) fail(w, "unknown client");
    date(w, "date", c.date);
    if (c.date >= asOf) fail(w, "not before asOf");
    if (daysBetween(c.date, asOf) > 366) fail(w, "more than a year before asOf");
    if (!CHANNELS.includes(c.channel)) fail(w, `channel ${c.channel}`);
    if (!c.summary?.trim()) fail(w, "no summary");
    if ((c.nextAction === undefined) !== (c.nextDate === undefined)) fail(w, "next action without next date or the reverse");
    if (c.nextDate !== undefined && (!isIsoDate(c.nextDate) || c.nextDate < c.date)) fail(w, `next date ${c.nextDate}`);
    if (i > 0 && book.contacts[i - 1].date > c.date) fail(w, "contacts are not in date order");
  });

  // ---- reviews ----
  const seen = new Set<string>();
  const datesOf = new Map<string, Set<string>>();
  const soldOwner = new Map<string, string>();
  const soldName = new Map<string, string>();
  book.reviews.forEach((r, i) => {
    const w = (): string => `reviews[${i}] ${r.clientId} ${r.reviewDate} ${r.holdingId}`;
    noUndefined(w, r);
    if (!clients.has(r.clientId)) fail(w, "unknown client");
    date(w, "reviewDate", r.reviewDate);
    if (r.reviewDate >= asOf) fail(w, "review not before asOf");
    money(w, "amount", r.amount);
    if (r.netFlow !== undefined && !Number.isFinite(r.netFlow)) fail(w, "netFlow");
    // A foreign row carries the rate it was valued at, the Rates table's on its date (as recordReview writes it).
    if ((r.currency === undefined) !== (r.rate === undefined)) fail(w, "currency without rate or the reverse");
    if (r.currency !== undefined && r.rate !== rateOn(book.rates, r.currency, r.reviewDate, bookCcy)) fail(w, `rate ${String(r.rate)} is not the Rates table's on ${r.reviewDate}`);
    currency(w, r.currency, r.reviewDate);
    const key = `${r.clientId}|${r.reviewDate}|${r.holdingId}`;
    if (seen.has(key)) fail(w, "two rows for one holding at one review");
    seen.add(key);
    const d = datesOf.get(r.clientId) ?? new Set<string>();
    d.add(r.reviewDate);
    datesOf.set(r.clientId, d);
    const h = holdings.get(r.holdingId);
    // Every row names its holding's product, as recordReview writes it (a sold holding keeps its name that way).
    if (typeof r.productName !== "string" || r.productName.trim() === "") fail(w, "no product name");
    if (h) {
      if (h.clientId !== r.clientId || h.assetClass !== r.assetClass) fail(w, "holding belongs to another client or class");
      if (r.productName !== h.productName) fail(w, `product name ${String(r.productName)}, the holding's is ${h.productName}`);
      if (r.currency !== h.currency) fail(w, `currency ${String(r.currency)}, the holding's is ${String(h.currency)}`);
      if (h.startDate && h.startDate > r.reviewDate) fail(w, `holding started ${h.startDate}, after this review`);
    } else {
      if (!/^H\d{5,}$/.test(r.holdingId)) fail(w, "sold holding id format");
      const owner = soldOwner.get(r.holdingId);
      if (owner !== undefined && owner !== r.clientId) fail(w, "sold holding id shared by two clients");
      soldOwner.set(r.holdingId, r.clientId);
      const name = soldName.get(r.holdingId);
      if (name !== undefined && name !== r.productName) fail(w, `sold holding named ${String(r.productName)} here, ${name} before`);
      if (r.productName !== undefined) soldName.set(r.holdingId, r.productName);
    }
    if (i > 0 && book.reviews[i - 1].reviewDate > r.reviewDate) fail(w, "reviews are not in date order");
  });
  for (const c of book.clients) {
    const n = datesOf.get(c.clientId)?.size ?? 0;
    if (n !== 6) fail(c.clientId, `${n} review dates, expected 6`);
  }
  return bad;
}

/** Product risk allowed per class (null: no risk level). */
export const RISK_BY_CLASS: Readonly<Record<string, readonly string[] | null>> = {
  Deposit: ["R1"],
  WealthProduct: ["R1", "R2", "R3"],
  Fund: ["R3", "R4"],
  Bond: ["R1", "R2"],
  Stock: ["R5"],
  Insurance: ["R1", "R2"],
  Other: ["R1", "R2", "R3", "R4", "R5"],
  Property: null,
  Loan: null,
};

// ---- Today's reasons, restated from docs/ARCHITECTURE.md ------------------------------------------------------------

/** Next birthday on or after asOf; 29 Feb falls on 28 Feb in common years. */
export function nextBirthday(birth: IsoDate, asOf: IsoDate): IsoDate {
  const b = isoParts(birth);
  const on = (y: number): IsoDate => `${y}-${String(b.m).padStart(2, "0")}-${String(b.m === 2 && b.d === 29 && !isLeapYear(y) ? 28 : b.d).padStart(2, "0")}`;
  const y = isoParts(asOf).y;
  return on(y) >= asOf ? on(y) : on(y + 1);
}

export function birthdaysWithin(book: Book, asOf: IsoDate, days: number): { who: string; clientId: string; date: IsoDate }[] {
  const people = [
    ...book.clients.map((c) => ({ who: c.name, clientId: c.clientId, birthday: c.birthday })),
    ...book.family.map((f) => ({ who: f.name, clientId: f.clientId, birthday: f.birthday })),
  ];
  return people
    .filter((p) => p.birthday !== undefined)
    .map((p) => ({ who: p.who, clientId: p.clientId, date: nextBirthday(p.birthday as IsoDate, asOf) }))
    .filter((p) => daysBetween(asOf, p.date) <= days);
}

export function maturingWithin(book: Book, asOf: IsoDate, days: number): Book["holdings"] {
  return book.holdings.filter((h) => h.maturityDate !== undefined && h.maturityDate >= asOf && daysBetween(asOf, h.maturityDate) <= days);
}

export function expiredAssessments(book: Book, asOf: IsoDate): Client[] {
  return book.clients.filter((c) => c.riskAssessedOn !== undefined && addMonths(c.riskAssessedOn, 12) < asOf);
}

export function expiringAssessments(book: Book, asOf: IsoDate, days = 30): Client[] {
  return book.clients.filter((c) => {
    if (c.riskAssessedOn === undefined) return false;
    const expires = addMonths(c.riskAssessedOn, 12);
    return expires >= asOf && daysBetween(asOf, expires) <= days;
  });
}

export function unverified(book: Book, asOf: IsoDate, days = 180): Client[] {
  return book.clients.filter((c) => c.verifiedOn !== undefined && daysBetween(c.verifiedOn, asOf) > days);
}

export function unsuitableHoldings(book: Book): Book["holdings"] {
  const level = new Map(book.clients.map((c) => [c.clientId, Number(c.riskLevel?.slice(1) ?? 0)]));
  return book.holdings.filter((h) => h.riskLevel !== undefined && Number(h.riskLevel.slice(1)) > (level.get(h.clientId) ?? 0));
}

/** Tiers by the Pareto rule on assets at this bank (manual tier wins). */
export function tiersOf(book: Book): Map<string, Tier> {
  const amount = new Map(book.clients.map((c) => [c.clientId, 0]));
  for (const h of book.holdings) {
    if (h.institution === THIS_BANK && h.assetClass !== "Loan") amount.set(h.clientId, (amount.get(h.clientId) ?? 0) + h.amount);
  }
  const ranked = [...amount].sort((a, b) => b[1] - a[1]);
  const total = ranked.reduce((s, [, v]) => s + v, 0);
  const out = new Map<string, Tier>();
  let above = 0;
  for (const [id, v] of ranked) {
    out.set(id, above < 0.8 * total ? "A" : above < 0.95 * total ? "B" : "C");
    above += v;
  }
  for (const c of book.clients) if (c.tier) out.set(c.clientId, c.tier);
  return out;
}

const CADENCE_MONTHS: Readonly<Record<Cadence, number>> = { Monthly: 1, Quarterly: 3, Semiannual: 6, Annual: 12 };
const TIER_CADENCE: Readonly<Record<Tier, Cadence>> = { A: "Monthly", B: "Quarterly", C: "Semiannual" };

export function cadenceMonthsOf(c: Client, tier: Tier): number {
  return CADENCE_MONTHS[c.reviewCadence ?? TIER_CADENCE[tier]];
}

/** Clients with no contact within their cadence before asOf. */
export function overdueContacts(book: Book, asOf: IsoDate): Client[] {
  const tiers = tiersOf(book);
  const last = new Map<string, IsoDate>();
  for (const c of book.contacts) if ((last.get(c.clientId) ?? "") < c.date) last.set(c.clientId, c.date);
  return book.clients.filter((c) => {
    const l = last.get(c.clientId);
    return l === undefined || addMonths(l, cadenceMonthsOf(c, tiers.get(c.clientId) as Tier)) < asOf;
  });
}
