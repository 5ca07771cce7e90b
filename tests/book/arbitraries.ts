/**
 * fast-check arbitraries for valid books, reusable by any test (round trips, confidentiality of exports…).
 *
 * A generated book is what the codec can read back unchanged: ids unique per table (reviews unique per
 * client/date/holding), every child row names a generated client, maturity ≥ start, birthdays ≤ ARB_AS_OF,
 * text trimmed and non-blank, not starting with Excel's text prefix ', tags free of separators, no
 * institution name that reads as 本行. Text deliberately includes formula-like strings (=, +, -, @),
 * numbers-as-text with leading zeros, and arbitrary Unicode.
 *
 * With `distinctive: true` every free-text value carries a random 8-character token, so a test can search an
 * output for a value without false hits from ordinary words ("-" or "张" appear everywhere).
 */
import fc from "fast-check";
import { addDays, isoToSerial, serialToIso } from "../../src/domain/dates";
import {
  ASSET_CLASSES, CADENCES, CHANNELS, CLIENT_RISKS, GENDERS, LANGS, MARITAL_STATUSES, POLICY_STATUSES, POLICY_TYPES,
  PREMIUM_FREQUENCIES, PRODUCT_RISKS, RELATIONS, THIS_BANK, TIERS,
} from "../../src/domain/types";
import type { Book, BookSettings, Client, Contact, FamilyMember, Holding, IsoDate, Lang, Policy, ReviewRow } from "../../src/domain/types";
import { BOOK_SCHEMA_VERSION } from "../../src/domain/types";
import { codesOf, parseCode } from "../../src/book/codes";
import { idOddChar, isExcelError } from "../../src/book/text";

/** No generated birthday is after this date; pass it as `asOf` to exercise the future-birthday check. */
export const ARB_AS_OF: IsoDate = "2025-12-31";

export interface ArbBookOptions {
  minClients?: number;
  maxClients?: number;
  /** Max rows per child table. */
  maxRows?: number;
  /** Free text carries random tokens (see above). */
  distinctive?: boolean;
  /** Fix the book's settings language. */
  language?: Lang;
}

export function arbDate(min: IsoDate = "1930-01-01", max: IsoDate = "2035-12-31"): fc.Arbitrary<IsoDate> {
  return fc.integer({ min: isoToSerial(min), max: isoToSerial(max) }).map(serialToIso);
}

/** A value the reader keeps exactly: trimmed, non-blank, no leading ', not an Excel error word. */
export function isKeepableText(s: string): boolean {
  return s.length > 0 && s === s.trim() && !s.startsWith("'") && !isExcelError(s);
}

const TRICKY = [
  "=SUM(A1:A9)", "=HYPERLINK(\"http://x\")", "+86 138 0013 8000", "-", "-5", "@home", "@SUM(1)", "0912345678",
  "110101199003071234", "TRUE", "false", "3/5", "1,000", "#REF", "(123)", "$100", "¥5万", "2024-03-05", "10%", "\tTab",
];
const WORDS = [
  "喜欢新基金", "有小孩", "工作时间勿电", "高净值", "VIP", "退休规划", "海外资产", "晚上方便", "周末可约", "重要客户",
  "医生", "教师", "工程师", "企业主", "律师", "公务员", "会计", "设计师", "Manager", "Retired",
  "钓鱼", "高尔夫", "旅行", "摄影", "读书", "瑜伽", "茶艺", "跑步",
];

/** Free text: realistic words, tricky strings and arbitrary Unicode. */
export function arbText(distinctive = false): fc.Arbitrary<string> {
  const base = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...WORDS) },
    { weight: 2, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 3, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 24 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 12 }) },
  );
  const text = distinctive
    ? fc.tuple(base, fc.stringMatching(/^[A-Za-z0-9]{8}$/)).map(([b, t]) => `${b}${t}`)
    : base;
  return text.map((s) => s.trim()).filter(isKeepableText);
}

const SURNAMES = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "欧阳", "林", "郭", "何", "高"];
const GIVEN = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "志明", "淑芬", "家豪"];

export function arbName(distinctive = false): fc.Arbitrary<string> {
  const chinese = fc.tuple(fc.constantFrom(...SURNAMES), fc.constantFrom(...GIVEN)).map(([s, g]) => s + g);
  return distinctive ? fc.tuple(chinese, fc.stringMatching(/^[A-Za-z]{8}$/)).map(([n, t]) => n + t) : fc.oneof(chinese, arbText());
}

/**
 * Ids as books have them: C0001-style, digits only, or odd text — without a character NFKC folds otherwise than by
 * width (𝐂, ①, 豈 U+F900), which the codec refuses in an id (src/book/text.ts idOddChar).
 */
export function arbId(prefix: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 99999 }).map((n) => `${prefix}${String(n).padStart(5, "0")}`) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 9999999 }).map(String) },
    { weight: 1, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 10 }).map((s) => s.trim()).filter((s) => isKeepableText(s) && idOddChar(s) === undefined) },
  );
}

const SEPARATORS = /[,，;；、|｜\r\n]/;
function arbTags(distinctive: boolean): fc.Arbitrary<string[]> {
  const tag = arbText(distinctive).filter((t) => !SEPARATORS.test(t));
  return fc.uniqueArray(tag, { minLength: 1, maxLength: 4 });
}

const BANKS = ["招商银行", "工商银行", "中國信託", "國泰世華", "HSBC", "Citibank", "平安银行", "富邦銀行"];
function arbInstitution(distinctive: boolean): fc.Arbitrary<string> {
  const other = fc.oneof(fc.constantFrom(...BANKS), arbText(distinctive)).filter((s) => parseCode("institution", s) === undefined);
  return fc.oneof(fc.constant(THIS_BANK), other);
}

/**
 * fc.record with plain objects: fast-check may build records without Object.prototype, which toStrictEqual
 * tells apart from the codec's records.
 */
function plain<M extends Record<string, fc.Arbitrary<unknown>>, K extends keyof M>(
  model: M,
  constraints?: { requiredKeys: K[] },
): fc.Arbitrary<fc.RecordValue<{ [k in keyof M]: M[k] extends fc.Arbitrary<infer V> ? V : never }, K>>;
function plain(model: Record<string, fc.Arbitrary<unknown>>, constraints?: { requiredKeys: string[] }): fc.Arbitrary<object> {
  return fc.record(model, constraints ?? {}).map((r) => ({ ...r }));
}

const cents = (max: number) => fc.integer({ min: 0, max: Math.round(max * 100) }).map((c) => c / 100);
const signedCents = (max: number) => fc.integer({ min: -Math.round(max * 100), max: Math.round(max * 100) }).map((c) => (c === 0 ? 0 : c / 100));

function arbPhone(distinctive: boolean): fc.Arbitrary<string> {
  const mobile = fc.stringMatching(/^1[3-9][0-9]{9}$/);
  return distinctive ? mobile : fc.oneof(mobile, fc.stringMatching(/^09[0-9]{8}$/), fc.constantFrom("+86 138 0013 8000", "(02) 2345-6789"));
}

/** A documents link of each accepted form (src/book/link.ts): web, file URL, drive path, UNC share. */
function arbLink(): fc.Arbitrary<string> {
  const part = fc.stringMatching(/^[A-Za-z0-9_客户资料張王李]{1,12}$/);
  return fc.oneof(
    part.map((p) => `https://docs.bank.example/clients/${p}`),
    part.map((p) => `file:///D:/clients/${p}`),
    fc.tuple(fc.constantFrom("C", "D", "z"), part).map(([d, p]) => `${d}:\\客户资料\\${p}`),
    part.map((p) => `\\\\fs01\\share\\${p} 资料`),
  );
}

function arbClient(d: boolean): fc.Arbitrary<Omit<Client, "clientId">> {
  return plain(
    {
      name: arbName(d),
      gender: fc.constantFrom(...GENDERS),
      birthday: arbDate("1930-01-01", ARB_AS_OF),
      idNumber: d ? fc.stringMatching(/^[1-6][0-9]{16}[0-9X]$/) : fc.oneof(fc.stringMatching(/^[1-6][0-9]{16}[0-9X]$/), fc.stringMatching(/^[A-Z][12][0-9]{8}$/)),
      phone: arbPhone(d),
      email: fc.tuple(fc.stringMatching(/^[a-z][a-z0-9.]{2,10}$/), fc.constantFrom("qq.com", "163.com", "gmail.com", "bank.com.tw")).map(([u, h]) => `${u}@${h}`),
      address: arbText(d),
      occupation: arbText(d),
      employer: arbText(d),
      hobbies: arbText(d),
      maritalStatus: fc.constantFrom(...MARITAL_STATUSES),
      children: fc.integer({ min: 0, max: 6 }),
      annualIncome: cents(1e8),
      riskLevel: fc.constantFrom(...CLIENT_RISKS),
      riskAssessedOn: arbDate("2015-01-01", "2026-12-31"),
      tier: fc.constantFrom(...TIERS),
      tags: arbTags(d),
      preferredChannel: fc.constantFrom(...CHANNELS),
      contactWindow: arbText(d),
      reviewCadence: fc.constantFrom(...CADENCES),
      manager: arbName(d),
      verifiedOn: arbDate("2015-01-01", "2026-12-31"),
      notes: arbText(d),
      documents: arbLink(),
    },
    { requiredKeys: ["name"] },
  );
}

function arbFamily(d: boolean): fc.Arbitrary<Omit<FamilyMember, "clientId">> {
  return plain(
    {
      name: arbName(d),
      relation: fc.constantFrom(...RELATIONS),
      birthday: arbDate("1920-01-01", ARB_AS_OF),
      schoolOrWork: arbText(d),
      notes: arbText(d),
    },
    { requiredKeys: ["name", "relation"] },
  );
}

function arbHolding(d: boolean): fc.Arbitrary<Omit<Holding, "clientId">> {
  return plain(
      {
        holdingId: arbId("H"),
          assetClass: fc.constantFrom(...ASSET_CLASSES),
        productName: arbText(d),
        institution: arbInstitution(d),
        amount: cents(1e9),
        startDate: arbDate("2000-01-01", "2026-12-31"),
        maturityDays: fc.integer({ min: 0, max: 365 * 30 }),
        riskLevel: fc.constantFrom(...PRODUCT_RISKS),
        updatedOn: arbDate("2015-01-01", "2026-12-31"),
        notes: arbText(d),
        rate: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 10_000),
      },
      { requiredKeys: ["holdingId", "assetClass", "productName", "institution", "amount"] },
    )
    .map(({ maturityDays, ...h }) => {
      // Maturity is generated as days after the start so that it is never before it.
      if (maturityDays !== undefined && h.startDate !== undefined) return { ...h, maturityDate: addDays(h.startDate, maturityDays) };
      return h;
    });
}

function arbPolicy(d: boolean): fc.Arbitrary<Omit<Policy, "clientId">> {
  return plain(
    {
      policyId: arbId("P"),
      insured: arbName(d),
      policyType: fc.constantFrom(...POLICY_TYPES),
      insurer: fc.oneof(fc.constantFrom("中国人寿", "平安人寿", "國泰人壽", "AIA", "富邦人壽"), arbText(d)),
      productName: arbText(d),
      startDate: arbDate("1995-01-01", "2026-12-31"),
      termYears: fc.integer({ min: 1, max: 100 }),
      sumInsured: cents(1e8),
      annualPremium: cents(1e6),
      criticalIllness: fc.boolean(),
      beneficiary: arbName(d),
      status: fc.constantFrom(...POLICY_STATUSES),
      criticalIllnessSum: cents(1e8),
      premiumFrequency: fc.constantFrom(...PREMIUM_FREQUENCIES),
      premiumYears: fc.integer({ min: 1, max: 100 }),
      payer: arbName(d),
    },
    { requiredKeys: ["policyId", "insured", "policyType", "insurer", "sumInsured", "annualPremium", "criticalIllness", "status"] },
  );
}

function arbContact(d: boolean): fc.Arbitrary<Omit<Contact, "clientId">> {
  return plain(
    {
      date: arbDate("2015-01-01", "2026-12-31"),
      channel: fc.constantFrom(...CHANNELS),
      summary: arbText(d),
      nextAction: arbText(d),
      nextDate: arbDate("2015-01-01", "2027-12-31"),
    },
    { requiredKeys: ["date", "channel"] },
  );
}

function arbReview(d: boolean): fc.Arbitrary<Omit<ReviewRow, "clientId">> {
  return plain(
    {
      reviewDate: arbDate("2015-01-01", "2026-12-31"),
      holdingId: arbId("H"),
      assetClass: fc.constantFrom(...ASSET_CLASSES),
      amount: cents(1e9),
      netFlow: signedCents(1e7),
      productName: arbText(d),
    },
    { requiredKeys: ["reviewDate", "holdingId", "assetClass", "amount"] },
  );
}

export function arbSettings(language?: Lang): fc.Arbitrary<BookSettings> {
  return plain({
    language: language ? fc.constant(language) : fc.constantFrom(...LANGS),
    currency: fc.constantFrom(...codesOf("currency")),
    incomeYears: fc.integer({ min: 0, max: 60 }),
    educationPerChild: cents(1e7),
    ciIncomeYears: fc.integer({ min: 0, max: 30 }),
    coverMultiple: fc.integer({ min: 0, max: 10000 }).map((n) => n / 100),
    premiumRatio: fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000),
    // Any version a book may carry, a newer one included (it must still read).
    schemaVersion: fc.integer({ min: 1, max: BOOK_SCHEMA_VERSION + 3 }),
    amountUnit: fc.constantFrom(...codesOf("amountUnit")),
  });
}

/**
 * A valid book (see the module comment). Every arbitrary is built once, outside any chain (building them per draw
 * costs far more than drawing); child rows draw a number that picks their client once the clients are known.
 */
export function arbBook(opts: ArbBookOptions = {}): fc.Arbitrary<Book> {
  const { minClients = 0, maxClients = 8, maxRows = 12, distinctive: d = false } = opts;
  const child = <T>(arb: fc.Arbitrary<T>) => fc.tuple(fc.nat(), arb);
  return plain({
    clients: fc.uniqueArray(fc.tuple(arbId("C"), arbClient(d)), { minLength: minClients, maxLength: maxClients, selector: ([id]) => id }),
    family: fc.array(child(arbFamily(d)), { maxLength: maxRows }),
    holdings: fc.uniqueArray(child(arbHolding(d)), { maxLength: maxRows, selector: ([, h]) => h.holdingId }),
    policies: fc.uniqueArray(child(arbPolicy(d)), { maxLength: maxRows, selector: ([, p]) => p.policyId }),
    contacts: fc.array(child(arbContact(d)), { maxLength: maxRows }),
    reviews: fc.array(child(arbReview(d)), { maxLength: maxRows }),
    settings: arbSettings(opts.language),
  }).map((g) => {
    const ids = g.clients.map(([id]) => id);
    const attach = <T>(rows: [number, T][]) => (ids.length === 0 ? [] : rows.map(([n, r]) => ({ clientId: ids[n % ids.length], ...r })));
    const seen = new Set<string>();
    return {
      clients: g.clients.map(([clientId, c]) => ({ clientId, ...c })),
      family: attach(g.family),
      holdings: attach(g.holdings),
      policies: attach(g.policies),
      contacts: attach(g.contacts),
      // One row per holding per review date and client.
      reviews: attach(g.reviews).filter((r) => {
        const key = `${r.clientId}\u0000${r.reviewDate}\u0000${r.holdingId}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      }),
      rates: [],
      settings: g.settings,
    };
  });
}
