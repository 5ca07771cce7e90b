/**
 * The client book as typed records. Pure data: no Office, React or file types.
 *
 * Conventions (the codec in src/book relies on them):
 * - Dates are ISO calendar dates `YYYY-MM-DD` (no time, no zone); see ./dates.ts for math and Excel serials.
 * - Coded values are stable English codes; localised labels live in src/book/codes.ts.
 * - An optional field that is blank in the sheet is *absent* from the record (never `undefined`-valued),
 *   so records compare with `toEqual` after a round trip.
 * - Amounts are plain numbers (万 already multiplied out) in the row's currency: an absent `currency` means the
 *   book's (BookSettings.currency), so every book from before the Currency columns reads as before. Rates to the
 *   book currency are the Rates table (FxRate); src/domain/currency.ts looks them up, src/domain/fx.ts converts.
 */

export type IsoDate = string;

export const GENDERS = ["M", "F"] as const;
export type Gender = (typeof GENDERS)[number];

/** Client risk tolerance C1–C5 (保守/稳健/平衡/成长/进取). */
export const CLIENT_RISKS = ["C1", "C2", "C3", "C4", "C5"] as const;
export type ClientRisk = (typeof CLIENT_RISKS)[number];

/** Product risk R1–R5. */
export const PRODUCT_RISKS = ["R1", "R2", "R3", "R4", "R5"] as const;
export type ProductRisk = (typeof PRODUCT_RISKS)[number];

export const ASSET_CLASSES = [
  "Deposit",
  "WealthProduct",
  "Fund",
  "Bond",
  "Stock",
  "Insurance",
  "Property",
  "Loan",
  "Other",
] as const;
export type AssetClass = (typeof ASSET_CLASSES)[number];

/** Classes counted as liabilities (outstanding balance), not assets. */
export const LIABILITY_CLASSES: readonly AssetClass[] = ["Loan"];

export const POLICY_TYPES = [
  "Life",
  "CriticalIllness",
  "Medical",
  "Accident",
  "Annuity",
  "Education",
  "Other",
] as const;
export type PolicyType = (typeof POLICY_TYPES)[number];

export const RELATIONS = ["Spouse", "Child", "Parent", "Other"] as const;
export type Relation = (typeof RELATIONS)[number];

export const CADENCES = ["Monthly", "Quarterly", "Semiannual", "Annual"] as const;
export type Cadence = (typeof CADENCES)[number];

export const MARITAL_STATUSES = ["Single", "Married", "Divorced", "Widowed"] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

export const POLICY_STATUSES = ["InForce", "Lapsed", "Matured"] as const;
export type PolicyStatus = (typeof POLICY_STATUSES)[number];

/**
 * How often a policy's premium is paid (缴费方式): once (趸交 Single) or 1, 2, 4 or 12 times a year. AnnualPremium is
 * the premium of a year (or the single premium); see ./premiums.ts.
 */
export const PREMIUM_FREQUENCIES = ["Single", "Annual", "Semiannual", "Quarterly", "Monthly"] as const;
export type PremiumFrequency = (typeof PREMIUM_FREQUENCIES)[number];

export const CHANNELS = ["T", "E", "M"] as const;
export type Channel = (typeof CHANNELS)[number];

export const TIERS = ["A", "B", "C"] as const;
export type Tier = (typeof TIERS)[number];

/** Canonical Institution value for the manager's own bank (本行 / 本行 / This bank in the sheet). */
export const THIS_BANK = "ThisBank";

export interface Client {
  clientId: string;
  name: string;
  gender?: Gender;
  birthday?: IsoDate;
  idNumber?: string;
  phone?: string;
  email?: string;
  address?: string;
  occupation?: string;
  employer?: string;
  hobbies?: string;
  maritalStatus?: MaritalStatus;
  children?: number;
  annualIncome?: number;
  /** ISO 4217 code of annualIncome; absent = the book's currency. */
  incomeCurrency?: string;
  riskLevel?: ClientRisk;
  riskAssessedOn?: IsoDate;
  /** Manual tier; absent = computed by the Pareto rule. */
  tier?: Tier;
  /** Free tags, e.g. 喜欢新基金, 有小孩, 工作时间勿电. Never empty strings; absent when none. */
  tags?: string[];
  preferredChannel?: Channel;
  /** Free text such as 工作时间勿电. */
  contactWindow?: string;
  /** Absent = from tier. */
  reviewCadence?: Cadence;
  manager?: string;
  verifiedOn?: IsoDate;
  /** Confidential manager notes. */
  notes?: string;
  /**
   * The client's documents folder (proposals, subscription forms): a web address, a file URL, a drive path or a UNC
   * share path, shown as a hyperlink (the rule: src/book/link.ts). Absent in books from before the column.
   */
  documents?: string;
}

export interface FamilyMember {
  clientId: string;
  name: string;
  relation: Relation;
  birthday?: IsoDate;
  schoolOrWork?: string;
  notes?: string;
  /**
   * The member is also a client of the book (e.g. a client's mother who banks here too): that client's id. Their
   * accounts are separate and must not be discussed with each other (docs/ARCHITECTURE.md § 4, Family).
   */
  linkedClientId?: string;
}

export interface Holding {
  holdingId: string;
  clientId: string;
  assetClass: AssetClass;
  productName: string;
  /** THIS_BANK or another institution's name. */
  institution: string;
  /** Market value; for Loan the outstanding balance (a liability). Never negative. */
  amount: number;
  startDate?: IsoDate;
  maturityDate?: IsoDate;
  riskLevel?: ProductRisk;
  updatedOn?: IsoDate;
  notes?: string;
  /**
   * Stated annual rate (deposit interest rate, a wealth product's 业绩比较基准 / expected yield), 0.025 for 2.5 %.
   * Absent in books from before the column: no expected proceeds are shown (src/domain/proceeds.ts).
   */
  rate?: number;
  /** ISO 4217 code of `amount`; absent = the book's currency. */
  currency?: string;
}

export interface Policy {
  policyId: string;
  clientId: string;
  /** The client's or a family member's name. */
  insured: string;
  policyType: PolicyType;
  insurer: string;
  productName?: string;
  startDate?: IsoDate;
  /** Absent = whole life. */
  termYears?: number;
  sumInsured: number;
  annualPremium: number;
  /** Has a critical-illness benefit (a CI policy or a CI rider). */
  criticalIllness: boolean;
  beneficiary?: string;
  status: PolicyStatus;
  /**
   * The critical-illness sum insured (重疾保额), when it differs from SumInsured — e.g. a life policy's CI rider.
   * Absent in books from before the column: CI policies then count their SumInsured (src/domain/protection.ts).
   */
  criticalIllnessSum?: number;
  /** 缴费方式. Absent (books from before the column) = Annual, as the AnnualPremium column says (./premiums.ts). */
  premiumFrequency?: PremiumFrequency;
  /** 缴费年限: years premiums are paid. Absent = the cover term (TermYears); both absent = while in force. */
  premiumYears?: number;
  /** 投保人 (要保人): who pays the premiums. Absent = the client the policy is filed under. */
  payer?: string;
  /** ISO 4217 code of the sum insured, premium and CI sum; absent = the book's currency. */
  currency?: string;
}

export interface Contact {
  clientId: string;
  date: IsoDate;
  channel: Channel;
  summary?: string;
  nextAction?: string;
  nextDate?: IsoDate;
}

/** One holding's value at one review (one row of the Reviews table). */
export interface ReviewRow {
  clientId: string;
  reviewDate: IsoDate;
  holdingId: string;
  assetClass: AssetClass;
  amount: number;
  /** Net money moved into (+) or out of (−) the holding since the previous review, if recorded. */
  netFlow?: number;
  /**
   * The holding's product name at the review (a snapshot), so a holding sold and since removed from the Holdings
   * table is still shown by name. Absent in rows recorded before the column existed.
   */
  productName?: string;
  /** ISO 4217 code of `amount` and `netFlow`; absent = the book's currency. */
  currency?: string;
  /**
   * The rate (book currency per unit of `currency`) the review was valued at, kept so the review does not move when
   * the Rates table changes later; absent = looked up in the Rates table on the review date (src/domain/fx.ts).
   */
  rate?: number;
}

/** One row of the Rates table: one unit of `currency` is worth `rate` units of the book currency from `date` on. */
export interface FxRate {
  currency: string;
  rate: number;
  date: IsoDate;
}

/** How amounts are displayed (src/domain/amounts.ts): whole 元, or 万元 (萬元). A display setting, not a currency. */
export const AMOUNT_UNITS = ["Yuan", "Wan"] as const;
export type AmountUnit = (typeof AMOUNT_UNITS)[number];

export type Lang = "zh-CN" | "zh-TW" | "en-US";
export const LANGS: readonly Lang[] = ["zh-CN", "zh-TW", "en-US"];

/** Manager-changeable defaults (the Settings table). */
export interface BookSettings {
  /** Header language of the book's tables. */
  language: Lang;
  /** ISO 4217 code shown in number formats: CNY, TWD, HKD, USD. */
  currency: string;
  /** DIME: years of income to replace. */
  incomeYears: number;
  /** DIME: education fund per child. */
  educationPerChild: number;
  /** Critical-illness need = this × annual income (3–5 years of income is usual; 5 by default). */
  ciIncomeYears: number;
  /** 双十: sum insured ≈ this × annual income. */
  coverMultiple: number;
  /** 双十: premiums ≈ this share of income. */
  premiumRatio: number;
  /**
   * Version of the book's layout (its tables, columns and settings) that wrote it: BOOK_SCHEMA_VERSION for every
   * book written now; a book whose Settings table has no such row is version 1 (src/book/bookVersion.ts).
   */
  schemaVersion: number;
  /** Display unit of every amount (sheets, chart axes, pane, Today); cells keep exact values. Default 元. */
  amountUnit: AmountUnit;
}

export interface Book {
  clients: Client[];
  family: FamilyMember[];
  holdings: Holding[];
  policies: Policy[];
  contacts: Contact[];
  reviews: ReviewRow[];
  /** Exchange rates to the book currency, by date (the Rates table). */
  rates: FxRate[];
  settings: BookSettings;
}

/**
 * The current version of the book's layout. Raise it by one whenever a release changes the tables in a way an older
 * add-in or CLI would not read right (a new table, column or setting is enough: an older version would not keep it
 * up to date); books of a lower version are upgraded in place, a book of a higher one is only read. The one
 * constant for it (docs/ARCHITECTURE.md § 4, "Versions"). 3: the Rates table and the Currency/Rate columns (issue
 * #16) — a version-2 reader would add a USD amount to CNY ones as if it were CNY.
 */
export const BOOK_SCHEMA_VERSION = 3;
/** The version of a book whose Settings table has no version row: every book written before versions existed. */
export const UNVERSIONED_BOOK = 1;

export const DEFAULT_SETTINGS: BookSettings = {
  language: "zh-CN",
  currency: "CNY",
  incomeYears: 10,
  educationPerChild: 500000,
  ciIncomeYears: 5,
  coverMultiple: 10,
  premiumRatio: 0.1,
  schemaVersion: BOOK_SCHEMA_VERSION,
  amountUnit: "Yuan",
};

export function emptyBook(settings: Partial<BookSettings> = {}): Book {
  return {
    clients: [],
    family: [],
    holdings: [],
    policies: [],
    contacts: [],
    reviews: [],
    rates: [],
    settings: { ...DEFAULT_SETTINGS, ...settings },
  };
}
