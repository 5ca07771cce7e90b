/**
 * The generator's working state for one client, richer than the book's records (ages, genders of family members,
 * loan schedules, sale dates…), and the scenarios that make sure every kind of Today item shows up.
 */
import { isLeapYear, isoFromParts, isoParts } from "../domain/dates";
import type { Client, ClientRisk, Gender, Holding, IsoDate, Policy, Relation } from "../domain/types";
import { day, iso, type Ctx } from "./context";
import type { PersonName } from "./names";
import type { Occupation } from "./work";

/**
 * Situations forced on some clients by their position in the book, so that even the 40-client sample shows each
 * of them at any asOf. Everything else is drawn at background rates.
 */
export interface Scenario {
  /** C0001: a married business owner with children and parents, every asset class, a mortgage, flows recorded. */
  showcase: boolean;
  birthdaySoon: boolean;
  familyBirthdaySoon: boolean;
  leapBirthday: boolean;
  compoundSurname: boolean;
  maturitySoon: boolean;
  expiredAssessment: boolean;
  expiringAssessment: boolean;
  unverified: boolean;
  unsuitable: boolean;
  overdue: boolean;
  manualTier: boolean;
  noCriticalIllness: boolean;
}

export function scenarioFor(i: number): Scenario {
  return {
    showcase: i === 0,
    birthdaySoon: i % 12 === 1,
    familyBirthdaySoon: i === 0 || i % 12 === 6,
    leapBirthday: i % 97 === 2,
    compoundSurname: i % 83 === 4,
    maturitySoon: i === 0 || i % 9 === 3,
    expiredAssessment: i % 11 === 4,
    expiringAssessment: i % 11 === 7,
    unverified: i % 8 === 5,
    unsuitable: i % 10 === 8,
    overdue: i % 7 === 6,
    manualTier: i % 25 === 9,
    noCriticalIllness: i % 6 === 5,
  };
}

export interface PersonDraft {
  name: PersonName;
  /** Rendered in the book's script. */
  text: string;
  gender: Gender;
  birthday: IsoDate;
  /** Whole years on asOf. */
  age: number;
}

export interface FamilyDraft extends PersonDraft {
  relation: Relation;
  schoolOrWork?: string;
  /** Studying abroad: drives notes and tags (留学, 外币). */
  abroad: boolean;
  notes?: string;
  /** The member is also a client of the book (linkedFamily.ts): that client's id. */
  linkedClientId?: string;
}

/** An amortising or interest-only loan, to know its balance at any review date. */
export interface LoanModel {
  principal: number;
  /** Monthly rate. */
  rate: number;
  months: number;
  start: IsoDate;
  interestOnly: boolean;
}

export interface HoldingDraft {
  /** Amounts in CNY until the book is finished. */
  h: Holding;
  /** A holding sold within the review window: in Reviews, not in Holdings. */
  sold?: { u: number; holdDays: number; sinceLastReview: boolean; saleDate?: IsoDate };
  loan?: LoanModel;
  /** The current account: open since before the first review, salary in and spending out. */
  account?: true;
  /** A savings policy's cash value: premiums paid so far times `ratio`. */
  savings?: { premium: number; payYears: number; start: IsoDate; ratio: number; policyId: string };
}

export interface ClientDraft {
  index: number;
  scen: Scenario;
  self: PersonDraft;
  occupation: Occupation;
  risk: ClientRisk;
  /** Investable assets at this bank and elsewhere (CNY), drawn from a heavy-tailed law. */
  wealth: number;
  otherWealth: number;
  district: number;
  family: FamilyDraft[];
  holdings: HoldingDraft[];
  policies: Policy[];
  /** Net flows are recorded on this client's reviews. */
  recordsFlows: boolean;
  client: Client;
}

// ---- dates ---------------------------------------------------------------------------------------------------

/** A birthday making someone `age` on asOf, on month/day m-d (29 Feb → 28 Feb in common years). */
export function birthFor(ctx: Ctx, age: number, m: number, d: number): IsoDate {
  const a = isoParts(ctx.asOf);
  let y = a.y - age;
  const on = (yy: number): IsoDate => isoFromParts(yy, m, m === 2 && d === 29 && !isLeapYear(yy) ? 28 : d) as IsoDate;
  if (on(y) > ctx.asOf) y -= 1;
  return on(y);
}

/** A birthday making someone about `age`, on a day drawn by `offset` (0–364 days back from the last anniversary). */
export function birthBack(ctx: Ctx, age: number, offset: number): IsoDate {
  const a = isoParts(ctx.asOf);
  const anniversary = birthFor(ctx, age, a.m, a.d);
  return iso(day(anniversary) - offset);
}

/** A 29 Feb birthday in the leap year nearest to making someone `age`. */
export function leapBirthFor(ctx: Ctx, age: number): IsoDate {
  let y = isoParts(ctx.asOf).y - age;
  while (!isLeapYear(y) || `${y}-02-29` > ctx.asOf) y -= 1;
  return `${y}-02-29`;
}

/** The birthday of a `age`-year-old moved to fall `k` days after asOf (k ≥ 0), keeping the age plausible. */
export function birthdaySoon(ctx: Ctx, age: number, k: number): IsoDate {
  const target = isoParts(iso(ctx.today + k));
  // Someone of age ≥ 1 has had at least one birthday, so this is never after asOf.
  return birthFor(ctx, Math.max(1, age), target.m, target.d);
}
