/**
 * Deterministic, seeded sample books: `generateBook` for any size, `sampleBook` for the shipped 40-client sample.
 *
 * Every client draws from its own random streams (seed × client index × purpose), so a client's profile, family,
 * holdings and policies do not depend on how many clients the book has; review spacing and contacts follow the
 * client's tier, which depends on the whole book. zh-CN and zh-TW books share one structure — the same people,
 * dates and ids — rendered in simplified or traditional script, with Taiwanese banks, phones and ids, and TWD
 * amounts. en-US books hold the same (Chinese) clients as zh-CN with English headers.
 *
 * Currencies (currencies.ts, rates.ts): some holdings and policies are in USD or HKD — a minority of mainland clients,
 * more in Taiwan, where 美元保單 are common — with the Rates table holding each currency's rate on every review date
 * of its rows and on asOf. `foreign: false` gives the same book with every amount in the book currency and no Rates,
 * as books were before currencies (the single-currency regression of issue #16).
 */
import { isIsoDate } from "../domain/dates";
import {
  DEFAULT_SETTINGS, LANGS, THIS_BANK,
  type Book, type BookSettings, type Cadence, type Client, type Contact, type FamilyMember, type Holding,
  type FxRate, type IsoDate, type Lang, type Policy, type ReviewRow, type Tier,
} from "../domain/types";
import { drawContacts } from "./contacts";
import { drawCurrencies } from "./currencies";
import { makeCtx, TWD_PER_CNY, type Ctx } from "./context";
import { scenarioFor, type ClientDraft } from "./draft";
import { tagsAndNotes } from "./finish";
import { drawHoldings } from "./holdings";
import { findMotherAndSon, linkMotherAndSon } from "./linkedFamily";
import { drawMobile } from "./identity";
import { drawGiven, drawSurname, nameText } from "./names";
import { drawFamily, drawProfile } from "./people";
import { drawPolicies } from "./policies";
import { drawPremiumTerms } from "./premiumTerms";
import { Rand } from "./rand";
import { SAMPLE_CURRENCIES, sampleRates, type SampleCurrency, type SampleRates } from "./rates";
import { drawLastReviewAgo, drawReviews, reviewDates } from "./reviews";

/** The shipped sample: 40 clients from this seed (8888: 发发发发). */
export const SAMPLE_SEED = 8888;
export const SAMPLE_CLIENTS = 40;
export const MAX_CLIENTS = 50_000;

export interface GenerateOptions {
  /** Number of clients, 0–50,000. */
  clients: number;
  /** Any safe integer; default SAMPLE_SEED. */
  seed?: number;
  /** The day the book describes: birthdays, maturities, contacts and reviews are placed around it. */
  asOf: IsoDate;
  /** Script, region and header language of the book; default zh-CN. */
  lang?: Lang;
  /** Foreign-currency (USD, HKD) holdings and policies, with their Rates; default true. */
  foreign?: boolean;
}

/** Random streams of one client, one per purpose, so adding a draw to one part leaves the others unchanged. */
const Stream = { Profile: 1, Family: 2, Holdings: 3, Policies: 4, Finish: 5, Phone: 6, Reviews: 7, Contacts: 8, Manager: 9, Currency: 10, Premiums: 11 } as const;
const BOOK_STREAM = 0x0b00c;

const MONTHS: Readonly<Record<Cadence, number>> = { Monthly: 1, Quarterly: 3, Semiannual: 6, Annual: 12 };
const TIER_CADENCE: Readonly<Record<Tier, Cadence>> = { A: "Monthly", B: "Quarterly", C: "Semiannual" };

function check(opts: GenerateOptions): { clients: number; seed: number; asOf: IsoDate; lang: Lang; foreign: boolean } {
  if (opts === null || typeof opts !== "object") throw new TypeError("generateBook: options must be an object { clients, asOf, seed?, lang? }");
  const { clients, asOf } = opts;
  const seed = opts.seed ?? SAMPLE_SEED;
  const lang = opts.lang ?? "zh-CN";
  if (!Number.isInteger(clients) || clients < 0 || clients > MAX_CLIENTS) {
    throw new RangeError(`generateBook: clients must be a whole number from 0 to ${MAX_CLIENTS}, got ${String(clients)}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`generateBook: seed must be a safe integer, got ${String(seed)}`);
  if (!isIsoDate(asOf) || asOf < "2000-01-01" || asOf > "2199-12-31") {
    throw new RangeError(`generateBook: asOf must be a date in YYYY-MM-DD form from 2000-01-01 to 2199-12-31, got ${JSON.stringify(asOf)}`);
  }
  if (!LANGS.includes(lang)) throw new RangeError(`generateBook: lang must be one of ${LANGS.join(", ")}, got ${JSON.stringify(lang)}`);
  const foreign = opts.foreign ?? true;
  if (typeof foreign !== "boolean") throw new TypeError(`generateBook: foreign must be true or false, got ${JSON.stringify(foreign)}`);
  return { clients, seed, asOf, lang, foreign };
}

/** Tier by the Pareto rule (A while those above hold < 80 %, B < 95 %, else C); ties keep book order. */
function paretoTiers(amounts: readonly number[]): Tier[] {
  const total = amounts.reduce((a, b) => a + b, 0);
  const order = amounts.map((_, i) => i).sort((i, j) => amounts[j] - amounts[i] || i - j);
  const out: Tier[] = new Array(amounts.length);
  let above = 0;
  for (const i of order) {
    out[i] = total <= 0 ? "C" : above < 0.8 * total ? "A" : above < 0.95 * total ? "B" : "C";
    above += amounts[i];
  }
  return out;
}

function managerNames(ctx: Ctx, seed: number, clients: number): string[] {
  const r = new Rand(seed, BOOK_STREAM);
  const count = Math.max(1, Math.ceil(clients / 500));
  const names: string[] = [];
  for (let k = 0; k < count; k++) {
    const gender = r.chance(0.6) ? "F" : "M";
    let name = nameText(ctx, { surname: drawSurname(r, ctx), given: drawGiven(r, gender, 30) });
    // Two managers never share a name (deterministic suffix; no extra draw).
    while (names.includes(name)) name += "2";
    names.push(name);
  }
  return names;
}

/** A client book with `clients` clients; the same options always give a deep-equal book. */
export function generateBook(options: GenerateOptions): Book {
  const { clients: n, seed, asOf, lang, foreign } = check(options);
  const ctx = makeCtx(lang, asOf);
  const managers = managerNames(ctx, seed, n);
  let holdingSeq = 0;
  let policySeq = 0;
  const nextHoldingId = (): string => `H${String(++holdingSeq).padStart(5, "0")}`;
  const nextPolicyId = (): string => `P${String(++policySeq).padStart(5, "0")}`;
  const phones = new Set<string>();

  // ---- each client on their own: profile, family, holdings, policies ----
  const drafts: ClientDraft[] = [];
  for (let i = 0; i < n; i++) {
    const scen = scenarioFor(i);
    const manager = managers[new Rand(seed, i, Stream.Manager).int(0, managers.length - 1)];
    const p = drawProfile(new Rand(seed, i, Stream.Profile), ctx, i, scen, manager);
    const family = drawFamily(new Rand(seed, i, Stream.Family), ctx, scen, p);
    const rPhone = new Rand(seed, i, Stream.Phone);
    let phone = drawMobile(rPhone, ctx);
    while (phones.has(phone)) phone = drawMobile(rPhone, ctx);
    phones.add(phone);

    const level = Number(p.risk.slice(1));
    const income = p.client.annualIncome;
    const hs = drawHoldings(new Rand(seed, i, Stream.Holdings), ctx, { scen, self: p.self, occupation: p.occupation, level, income, district: p.district }, nextHoldingId);
    const hasMortgage = hs.holdings.some((h) => !h.sold && h.loan !== undefined && h.loan.months >= 240);
    const ps = drawPolicies(new Rand(seed, i, Stream.Policies), ctx, { scen, self: p.self, family, income, wealth: hs.wealth, hasMortgage }, nextPolicyId, nextHoldingId);
    drawPremiumTerms(new Rand(seed, i, Stream.Premiums), ctx, ps.policies, ps.holdings);
    const holdings = [...hs.holdings, ...ps.holdings];
    const clientId = p.client.clientId;
    for (const h of holdings) h.h.clientId = clientId;
    for (const pol of ps.policies) pol.clientId = clientId;

    const rFinish = new Rand(seed, i, Stream.Finish);
    const children = family.filter((f) => f.relation === "Child").length;
    const base: Client = { ...p.client, phone, children };
    const extra = tagsAndNotes(rFinish, ctx, {
      scen, client: base, age: p.self.age, level, occupation: p.occupation, family, holdings,
      inForcePolicies: ps.policies.filter((x) => x.status === "InForce").length, wealth: hs.wealth, otherWealth: hs.otherWealth,
    });
    const recordsFlows = scen.showcase || rFinish.chance(0.4);
    drafts.push({
      index: i, scen, self: p.self, occupation: p.occupation, risk: p.risk, wealth: hs.wealth, otherWealth: hs.otherWealth,
      district: p.district, family, holdings, policies: ps.policies, recordsFlows,
      client: withClientExtras(base, extra),
    });
  }

  // ---- the book as a whole: a mother and son who are both clients; tiers set each client's review cadence ----
  const pair = findMotherAndSon(drafts);
  if (pair) linkMotherAndSon(drafts, pair);

  const atThisBank = drafts.map((d) =>
    d.holdings.reduce(
      // Stocks are left out so that zh-CN (held at a broker) and zh-TW (複委託 at this bank) books share tiers.
      (s, h) => (!h.sold && h.h.institution === THIS_BANK && h.h.assetClass !== "Loan" && h.h.assetClass !== "Stock" ? s + h.h.amount : s),
      0,
    ),
  );
  const tiers = paretoTiers(atThisBank);

  // ---- reviews and contacts ----
  const reviews: ReviewRow[] = [];
  const contacts: Contact[] = [];
  const rates = foreign ? sampleRates(ctx) : undefined;
  drafts.forEach((d, i) => {
    // Currencies after tiers (which compare CNY amounts) and before reviews (which walk the local amounts).
    if (rates) drawCurrencies(new Rand(seed, i, Stream.Currency), ctx, d, rates);
    const tier = d.client.tier ?? tiers[i];
    const months = MONTHS[d.client.reviewCadence ?? TIER_CADENCE[tier]];
    const r = new Rand(seed, i, Stream.Reviews);
    const overdue = d.scen.overdue || r.chance(0.06);
    const dates = reviewDates(ctx, months, drawLastReviewAgo(r, months, overdue));
    for (const row of drawReviews(r, ctx, d, dates, rates)) reviews.push(row);
    for (const c of drawContacts(new Rand(seed, i, Stream.Contacts), ctx, d, months, dates, overdue)) contacts.push(c);
  });
  // Rows are appended as the manager records them: by date, and within a day in client order.
  const contactsByDate = byDate(contacts, (c) => c.date);
  const reviewsByDate = byDate(reviews, (r) => r.reviewDate);

  const book: Book = {
    clients: drafts.map((d) => d.client),
    family: drafts.flatMap((d) => d.family.map((f): FamilyMember => ({
      clientId: d.client.clientId,
      name: f.text,
      relation: f.relation,
      birthday: f.birthday,
      ...(f.schoolOrWork !== undefined ? { schoolOrWork: f.schoolOrWork } : {}),
      ...(f.notes !== undefined ? { notes: f.notes } : {}),
      ...(f.linkedClientId !== undefined ? { linkedClientId: f.linkedClientId } : {}),
    }))),
    holdings: drafts.flatMap((d) => d.holdings.filter((h) => !h.sold).map((h) => h.h)),
    policies: drafts.flatMap((d) => d.policies),
    contacts: contactsByDate,
    reviews: reviewsByDate,
    rates: rates ? ratesTable(rates, ctx.asOf, drafts, reviewsByDate) : [],
    settings: settingsFor(lang),
  };
  return ctx.tw ? toTwd(book) : book;
}

/** A stable sort by ISO date: rows grouped per day (few thousand days), so no comparison sort of every row. */
function byDate<R>(rows: readonly R[], dateOf: (r: R) => string): R[] {
  const groups = new Map<string, R[]>();
  for (const r of rows) {
    const k = dateOf(r);
    const g = groups.get(k);
    if (g) g.push(r);
    else groups.set(k, [r]);
  }
  const out: R[] = [];
  for (const k of [...groups.keys()].sort()) for (const r of groups.get(k) as R[]) out.push(r);
  return out;
}

/** Each currency the book holds, on asOf and on every review date of its rows, by date then currency. */
function ratesTable(rates: SampleRates, asOf: IsoDate, drafts: readonly ClientDraft[], reviews: readonly ReviewRow[]): FxRate[] {
  const used = new Set<SampleCurrency>();
  for (const d of drafts) {
    for (const h of d.holdings) if (h.h.currency) used.add(h.h.currency as SampleCurrency);
    for (const p of d.policies) if (p.currency) used.add(p.currency as SampleCurrency);
  }
  const out: FxRate[] = [];
  for (const c of used) {
    const dates = new Set<IsoDate>([asOf]);
    for (const r of reviews) if (r.currency === c) dates.add(r.reviewDate);
    out.push(...rates.table([c], dates));
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : SAMPLE_CURRENCIES.indexOf(a.currency as SampleCurrency) - SAMPLE_CURRENCIES.indexOf(b.currency as SampleCurrency)));
}

function withClientExtras(c: Client, extra: { tags?: string[]; notes?: string }): Client {
  // Keep the table's column order: Tags after Tier, Notes last.
  const { preferredChannel, contactWindow, reviewCadence, manager, verifiedOn, ...head } = c;
  return {
    ...head,
    ...(extra.tags ? { tags: extra.tags } : {}),
    ...(preferredChannel ? { preferredChannel } : {}),
    ...(contactWindow ? { contactWindow } : {}),
    ...(reviewCadence ? { reviewCadence } : {}),
    ...(manager ? { manager } : {}),
    ...(verifiedOn ? { verifiedOn } : {}),
    ...(extra.notes ? { notes: extra.notes } : {}),
  };
}

function settingsFor(lang: Lang): BookSettings {
  return lang === "zh-TW"
    ? { ...DEFAULT_SETTINGS, language: lang, currency: "TWD", educationPerChild: 2_000_000 }
    : { ...DEFAULT_SETTINGS, language: lang };
}

/**
 * Amounts were drawn in CNY; a Taiwan book holds whole TWD (incomes and sums insured in round 10,000s). Rows in a
 * foreign currency are already in it (currencies.ts) and keep their amounts.
 */
function toTwd(book: Book): Book {
  const x = (v: number): number => Math.round(v * TWD_PER_CNY);
  const x10k = (v: number): number => Math.round((v * TWD_PER_CNY) / 10_000) * 10_000;
  return {
    ...book,
    clients: book.clients.map((c): Client => (c.annualIncome === undefined ? c : { ...c, annualIncome: x10k(c.annualIncome) })),
    holdings: book.holdings.map((h): Holding => (h.currency ? h : { ...h, amount: x(h.amount) })),
    policies: book.policies.map((p): Policy =>
      p.currency ? p
      : p.criticalIllnessSum === undefined ? { ...p, sumInsured: x10k(p.sumInsured), annualPremium: x(p.annualPremium) }
      : { ...p, sumInsured: x10k(p.sumInsured), annualPremium: x(p.annualPremium), criticalIllnessSum: x10k(p.criticalIllnessSum) }),
    reviews: book.reviews.map((r): ReviewRow =>
      r.currency ? r : r.netFlow === undefined ? { ...r, amount: x(r.amount) } : { ...r, amount: x(r.amount), netFlow: Math.round((r.netFlow * TWD_PER_CNY) / 100) * 100 },
    ),
  };
}

/** The shipped 40-client sample book. */
export function sampleBook(asOf: IsoDate, lang: Lang = "zh-CN"): Book {
  return generateBook({ clients: SAMPLE_CLIENTS, seed: SAMPLE_SEED, asOf, lang });
}
