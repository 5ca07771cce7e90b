/**
 * Suitability (China's bank rules, docs/ARCHITECTURE.md): products are R1–R5, clients C1–C5; a product is suitable when its
 * level ≤ the client's and the client's risk assessment is in force: not over one year old (valid through its first
 * anniversary — see assessmentExpiry for the source) and not dated after the day judged.
 */
import { ok, refused } from "./result";
import type { Localized, Result } from "./result";
import { assertIsoDate, dayDiff } from "./cadence";
import { addMonths } from "./dates";
import { inBookCurrency } from "./fx";
import { CLIENT_RISKS, LIABILITY_CLASSES, PRODUCT_RISKS, type AssetClass, type Book, type Client, type ClientRisk, type Holding, type IsoDate, type Lang, type ProductRisk } from "./types";

/** An assessment whose last valid day (its first anniversary) is within this many days is "expiring". */
export const EXPIRING_DAYS = 30;

function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\-_.]+/g, "");
}

function level(code: ClientRisk | ProductRisk): number {
  return Number(code.slice(1));
}

/** A record with one entry per code. */
function byCode<C extends string, V>(codes: readonly C[], value: (code: C, index: number) => V): Record<C, V> {
  const out = {} as Record<C, V>;
  codes.forEach((c, i) => (out[c] = value(c, i)));
  return out;
}

/**
 * The spellings managers and bank systems use for the client levels — the one list, read by parseClientRisk (RM.*)
 * and by the book's codec (src/book/codes.ts). Chinese words take an optional 型 and come in 简体 and 繁體:
 * C1 保守/谨慎, C2 稳健, C3 平衡, C4 成长, C5 进取/激进/积极 (banks name their five levels 保守型/谨慎型 …
 * 进取型/激进型; the brief of issue 12 maps 谨慎型 with 保守型 and 激进型 with 进取型).
 */
const CLIENT_RISK_WORDS: Readonly<Record<ClientRisk, readonly string[]>> = {
  C1: ["保守", "谨慎", "謹慎"],
  C2: ["稳健", "穩健"],
  C3: ["平衡"],
  C4: ["成长", "成長"],
  C5: ["进取", "進取", "激进", "激進", "积极", "積極"],
};
const CLIENT_RISK_ENGLISH: Readonly<Record<ClientRisk, readonly string[]>> = {
  C1: ["conservative"],
  C2: ["prudent", "cautious", "moderately conservative"],
  C3: ["balanced", "moderate"],
  C4: ["growth", "moderately aggressive"],
  C5: ["aggressive"],
};

/**
 * The name a level is shown with beside its code (C4 成长型): the first word of each level above with 型, as banks
 * name the five levels of their risk questionnaires (保守型, 稳健型, 平衡型, 成长型, 进取型); English as the
 * spellings above.
 */
export const CLIENT_RISK_NAMES: Readonly<Record<Lang, Readonly<Record<ClientRisk, string>>>> = {
  "zh-CN": { C1: "保守型", C2: "稳健型", C3: "平衡型", C4: "成长型", C5: "进取型" },
  "zh-TW": { C1: "保守型", C2: "穩健型", C3: "平衡型", C4: "成長型", C5: "進取型" },
  "en-US": { C1: "Conservative", C2: "Prudent", C3: "Balanced", C4: "Growth", C5: "Aggressive" },
};

/** Every accepted spelling of each client level besides the code and the digit (C3, 3). */
export const CLIENT_RISK_SPELLINGS: Readonly<Record<ClientRisk, readonly string[]>> = byCode(CLIENT_RISKS, (c) => [
  ...CLIENT_RISK_WORDS[c].flatMap((w) => [w, `${w}型`]),
  ...CLIENT_RISK_ENGLISH[c],
]);

const PRODUCT_RISK_WORDS: Readonly<Record<ProductRisk, string>> = { R1: "低", R2: "中低", R3: "中", R4: "中高", R5: "高" };
const PRODUCT_RISK_ENGLISH: Readonly<Record<ProductRisk, readonly string[]>> = {
  R1: ["low"], R2: ["medium low", "low medium"], R3: ["medium"], R4: ["medium high", "high medium"], R5: ["high"],
};

/**
 * Every accepted spelling of each product level besides the code and the digit: PR1–PR5 (the 理财产品 rating most
 * banks print), RR1–RR5, each with an optional 级/級 ("R5级"), and 低/中低/中/中高/高 with or without 风险 / 风险等级
 * (繁體 風險 / 風險等級), and the English low … high with or without "risk". The one list for RM.* and the book.
 */
export const PRODUCT_RISK_SPELLINGS: Readonly<Record<ProductRisk, readonly string[]>> = byCode(PRODUCT_RISKS, (r, i) => {
  const n = i + 1;
  const codes = ["R", "PR", "RR"].flatMap((p) => ["级", "級"].map((suffix) => `${p}${n}${suffix}`).concat(p === "R" ? [] : [`${p}${n}`]));
  const w = PRODUCT_RISK_WORDS[r];
  const words = ["", "风险", "風險", "风险等级", "風險等級"].map((suffix) => w + suffix);
  const english = PRODUCT_RISK_ENGLISH[r].flatMap((e) => [e, `${e} risk`]);
  return [...codes, ...words, ...english];
});

function spellingMap<C extends string>(spellings: Readonly<Record<C, readonly string[]>>): ReadonlyMap<string, C> {
  const m = new Map<string, C>();
  for (const [code, list] of Object.entries(spellings) as [C, readonly string[]][]) {
    m.set(norm(code), code);
    for (const x of list) m.set(norm(x), code);
  }
  return m;
}

const CLIENT_LOOKUP = spellingMap(CLIENT_RISK_SPELLINGS);
const PRODUCT_LOOKUP = spellingMap(PRODUCT_RISK_SPELLINGS);

function levelFromNumber(x: unknown): number | undefined {
  const n = typeof x === "number" ? x : typeof x === "string" && /^\d+$/.test(norm(x)) ? Number(norm(x)) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

const CLIENT_EXPECTED: Localized = {
  "zh-CN": "应为 C1–C5、1–5 或 保守(谨慎)/稳健/平衡/成长/进取(激进)（型）",
  "zh-TW": "應為 C1–C5、1–5 或 保守(謹慎)/穩健/平衡/成長/進取(激進)（型）",
  "en-US": "must be C1–C5, 1–5, or 保守(谨慎)/稳健/平衡/成长/进取(激进) (型 optional)",
};

const PRODUCT_EXPECTED: Localized = {
  "zh-CN": "应为 R1–R5、PR1–PR5、1–5 或 低/中低/中/中高/高风险",
  "zh-TW": "應為 R1–R5、PR1–PR5、1–5 或 低/中低/中/中高/高風險",
  "en-US": "must be R1–R5, PR1–PR5, 1–5, or low/medium-low/medium/medium-high/high",
};

/** Reads a client's risk level as typed in a cell: C1–C5, 1–5 or a word of CLIENT_RISK_SPELLINGS. */
export function parseClientRisk(x: unknown, arg = "clientRisk"): Result<ClientRisk, "bad-client-risk"> {
  const n = levelFromNumber(x);
  if (n) return ok(CLIENT_RISKS[n - 1]);
  const code = typeof x === "string" ? CLIENT_LOOKUP.get(norm(x)) : undefined;
  return code ? ok(code) : refused("bad-client-risk", arg, CLIENT_EXPECTED, x);
}

/** Reads a product's risk level as typed in a cell: R1–R5, 1–5 or a spelling of PRODUCT_RISK_SPELLINGS. */
export function parseProductRisk(x: unknown, arg = "productRisk"): Result<ProductRisk, "bad-product-risk"> {
  const n = levelFromNumber(x);
  if (n) return ok(PRODUCT_RISKS[n - 1]);
  const code = typeof x === "string" ? PRODUCT_LOOKUP.get(norm(x)) : undefined;
  return code ? ok(code) : refused("bad-product-risk", arg, PRODUCT_EXPECTED, x);
}

/**
 * valid · expiring (the last valid day is within 30 days) · expired · missing (no date) · future (dated after asOf:
 * a typo such as 2052, a data error to fix; it vouches for nothing, so it counts as no assessment).
 */
export type AssessmentStatus = "valid" | "expiring" | "expired" | "missing" | "future";

/**
 * The last day the assessment counts: its first anniversary (29 Feb → 28 Feb). It is still valid on that day and
 * expired from the next.
 *
 * Source: the bank rule (《商业银行理财业务监督管理办法》, 银保监会令2018年第6号; the same words in
 * 《商业银行理财产品销售管理办法》2011 and 《理财公司理财产品销售管理暂行办法》2021) asks a client who has gone
 * "超过一年未进行风险承受能力评估" to be assessed again before buying; banks state it as "风险评估的有效期为1年"
 * (ICBC). The period is counted as 《民法典》 says: 第二百零一条 the day of the assessment is not counted; 第二百零二条
 * the period ends on the corresponding day of the month it expires in, or that month's last day when there is
 * none (29 Feb → 28 Feb); 第一千二百五十九条 "超过" excludes the number itself — exactly one year is not over a
 * year. So an assessment of 2024-03-15 is valid through 2025-03-15 and expired on 2025-03-16.
 */
export function assessmentExpiry(assessedOn: IsoDate): IsoDate {
  assertIsoDate(assessedOn, "assessedOn");
  return addMonths(assessedOn, 12);
}

/** The one rule for RM.SUITABLE, the Today page and the sheets (see AssessmentStatus and assessmentExpiry). */
export function riskAssessmentStatus(assessedOn: IsoDate | undefined, asOf: IsoDate): AssessmentStatus {
  assertIsoDate(asOf, "asOf");
  if (assessedOn === undefined) return "missing";
  assertIsoDate(assessedOn, "assessedOn");
  if (assessedOn > asOf) return "future";
  const left = dayDiff(asOf, assessmentExpiry(assessedOn));
  return left < 0 ? "expired" : left <= EXPIRING_DAYS ? "expiring" : "valid";
}

/** True when the assessment vouches for a sale on asOf: valid or expiring (see riskAssessmentStatus). */
export function assessmentInForce(status: AssessmentStatus): boolean {
  return status === "valid" || status === "expiring";
}

/** Levels only: the product's R-level ≤ the client's C-level. */
export function levelSuitable(clientRisk: ClientRisk, productRisk: ProductRisk): boolean {
  return level(productRisk) <= level(clientRisk);
}

/**
 * The full rule: levels fit and the assessment is in force on asOf (not over one year old: still valid on its
 * anniversary). A missing or future-dated assessment is not; use `levelSuitable` to compare levels alone.
 */
export function isSuitable(clientRisk: ClientRisk, productRisk: ProductRisk, assessedOn: IsoDate | undefined, asOf: IsoDate): boolean {
  return levelSuitable(clientRisk, productRisk) && assessmentInForce(riskAssessmentStatus(assessedOn, asOf));
}

/**
 * Why a holding is or is not suitable, checked in this order:
 * - not-applicable (ok): loans, and unrated deposits/property/insurance/other — no R-level to judge;
 * - no-product-risk: a fund, wealth product, bond or stock without an R-level;
 * - no-client-risk: the client has no C-level;
 * - above-risk: the product's level is above the client's;
 * - no-assessment / assessment-expired: the levels fit but the assessment is missing (or dated after asOf, which
 *   vouches for nothing) or over one year old.
 */
export type SuitabilityReason =
  | "not-applicable"
  | "no-product-risk"
  | "no-client-risk"
  | "above-risk"
  | "no-assessment"
  | "assessment-expired";

export interface HoldingSuitability {
  ok: boolean;
  /** Absent when suitable. */
  reason?: SuitabilityReason;
}

/** Classes that are sold with an R-level, so a missing one is worth pointing out. */
export const RATED_CLASSES: readonly AssetClass[] = ["WealthProduct", "Fund", "Bond", "Stock"];

export function holdingSuitability(
  client: Pick<Client, "riskLevel" | "riskAssessedOn">,
  holding: Pick<Holding, "assetClass" | "riskLevel">,
  asOf: IsoDate,
): HoldingSuitability {
  if (LIABILITY_CLASSES.includes(holding.assetClass)) return { ok: true, reason: "not-applicable" };
  if (!holding.riskLevel) {
    return RATED_CLASSES.includes(holding.assetClass) ? { ok: false, reason: "no-product-risk" } : { ok: true, reason: "not-applicable" };
  }
  if (!client.riskLevel) return { ok: false, reason: "no-client-risk" };
  if (!levelSuitable(client.riskLevel, holding.riskLevel)) return { ok: false, reason: "above-risk" };
  const s = riskAssessmentStatus(client.riskAssessedOn, asOf);
  if (s === "missing" || s === "future") return { ok: false, reason: "no-assessment" };
  if (s === "expired") return { ok: false, reason: "assessment-expired" };
  return { ok: true };
}

export type SuitabilityProblemReason = "above-risk" | "no-product-risk" | "no-client-risk" | "no-assessment" | "assessment-expired";

/** One finding of the book-wide check; holding fields are present for holding findings only. */
export interface SuitabilityProblem {
  reason: SuitabilityProblemReason;
  clientId: string;
  clientName: string;
  clientRisk?: ClientRisk;
  assessedOn?: IsoDate;
  /** Last valid day of the assessment (its first anniversary), for assessment-expired. */
  expiresOn?: IsoDate;
  holdingId?: string;
  productName?: string;
  institution?: string;
  amount?: number;
  productRisk?: ProductRisk;
}

/**
 * The whole book: per client first the client findings (no C-level, assessment missing or expired — only for
 * clients who hold a rated product or have a C-level, since others need no assessment), then holding findings
 * (above the client's level, or a rated class without an R-level). Clients in book order, holdings in table order.
 */
export function bookSuitability(book: Book, asOf: IsoDate): SuitabilityProblem[] {
  assertIsoDate(asOf, "asOf");
  book = inBookCurrency(book, asOf); // each finding's amount in the book currency (issue #16)
  const byClient = new Map<string, Holding[]>();
  for (const h of book.holdings) {
    const list = byClient.get(h.clientId);
    if (list) list.push(h);
    else byClient.set(h.clientId, [h]);
  }
  const out: SuitabilityProblem[] = [];
  for (const c of book.clients) {
    const holdings = (byClient.get(c.clientId) ?? []).filter((h) => !LIABILITY_CLASSES.includes(h.assetClass));
    const base = { clientId: c.clientId, clientName: c.name, ...(c.riskLevel ? { clientRisk: c.riskLevel } : {}) };
    const rated = holdings.some((h) => h.riskLevel !== undefined);
    if (!c.riskLevel && rated) out.push({ reason: "no-client-risk", ...base });
    if (c.riskLevel || rated) {
      const s = riskAssessmentStatus(c.riskAssessedOn, asOf);
      if (s === "missing" || s === "future") out.push({ reason: "no-assessment", ...base });
      else if (s === "expired") {
        out.push({ reason: "assessment-expired", ...base, assessedOn: c.riskAssessedOn, expiresOn: assessmentExpiry(c.riskAssessedOn as IsoDate) });
      }
    }
    for (const h of holdings) {
      const hb = { holdingId: h.holdingId, productName: h.productName, institution: h.institution, amount: h.amount };
      if (h.riskLevel) {
        if (c.riskLevel && !levelSuitable(c.riskLevel, h.riskLevel)) out.push({ reason: "above-risk", ...base, ...hb, productRisk: h.riskLevel });
      } else if (RATED_CLASSES.includes(h.assetClass)) {
        out.push({ reason: "no-product-risk", ...base, ...hb });
      }
    }
  }
  return out;
}

/** Labels for the reasons, for sheets and the task pane. */
export const SUITABILITY_REASON_LABELS: Readonly<Record<SuitabilityReason, Localized>> = {
  "not-applicable": { "zh-CN": "不适用", "zh-TW": "不適用", "en-US": "Not applicable" },
  "no-product-risk": { "zh-CN": "产品无风险等级", "zh-TW": "產品無風險等級", "en-US": "Product has no risk level" },
  "no-client-risk": { "zh-CN": "客户无风险等级", "zh-TW": "客戶無風險等級", "en-US": "Client has no risk level" },
  "above-risk": { "zh-CN": "产品风险高于客户等级", "zh-TW": "產品風險高於客戶等級", "en-US": "Product risk above the client's level" },
  "no-assessment": { "zh-CN": "未做风险评估", "zh-TW": "未做風險評估", "en-US": "No risk assessment" },
  "assessment-expired": { "zh-CN": "风险评估已过期", "zh-TW": "風險評估已過期", "en-US": "Risk assessment expired" },
};
