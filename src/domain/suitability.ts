/**
 * Suitability (China's bank rules, DESIGN.md): products are R1–R5, clients C1–C5; a product is suitable when its
 * level ≤ the client's and the client's risk assessment is in force: not over one year old (valid through its first
 * anniversary — see assessmentExpiry for the source) and not dated after the day judged.
 */
import { ok, refused } from "./result";
import type { Localized, Result } from "./result";
import { assertIsoDate, dayDiff } from "./cadence";
import { addMonths } from "./dates";
import { CLIENT_RISKS, LIABILITY_CLASSES, PRODUCT_RISKS, type AssetClass, type Book, type Client, type ClientRisk, type Holding, type IsoDate, type ProductRisk } from "./types";

/** An assessment whose last valid day (its first anniversary) is within this many days is "expiring". */
export const EXPIRING_DAYS = 30;

function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\-_.]+/g, "");
}

function level(code: ClientRisk | ProductRisk): number {
  return Number(code.slice(1));
}

/** 保守/稳健/平衡/成长/进取 (型 optional), 繁體 穩健/成長/進取, and English words. */
const CLIENT_WORDS: Readonly<Record<string, ClientRisk>> = {
  保守: "C1", 稳健: "C2", 穩健: "C2", 平衡: "C3", 成长: "C4", 成長: "C4", 进取: "C5", 進取: "C5",
  积极: "C5", 積極: "C5",
  conservative: "C1", prudent: "C2", cautious: "C2", moderatelyconservative: "C2", balanced: "C3", moderate: "C3",
  growth: "C4", moderatelyaggressive: "C4", aggressive: "C5",
};

/** The usual product labels: 低/中低/中/中高/高风险. */
const PRODUCT_WORDS: Readonly<Record<string, ProductRisk>> = {
  低: "R1", 中低: "R2", 中: "R3", 中高: "R4", 高: "R5",
  low: "R1", mediumlow: "R2", lowmedium: "R2", medium: "R3", mediumhigh: "R4", highmedium: "R4", high: "R5",
};

function levelFromNumber(x: unknown): number | undefined {
  const n = typeof x === "number" ? x : typeof x === "string" && /^\d+$/.test(norm(x)) ? Number(norm(x)) : NaN;
  return Number.isInteger(n) && n >= 1 && n <= 5 ? n : undefined;
}

const CLIENT_EXPECTED: Localized = {
  "zh-CN": "应为 C1–C5、1–5 或 保守/稳健/平衡/成长/进取（型）",
  "zh-TW": "應為 C1–C5、1–5 或 保守/穩健/平衡/成長/進取（型）",
  "en-US": "must be C1–C5, 1–5, or 保守/稳健/平衡/成长/进取 (型 optional)",
};

const PRODUCT_EXPECTED: Localized = {
  "zh-CN": "应为 R1–R5、1–5 或 低/中低/中/中高/高风险",
  "zh-TW": "應為 R1–R5、1–5 或 低/中低/中/中高/高風險",
  "en-US": "must be R1–R5, 1–5, or low/medium-low/medium/medium-high/high",
};

/** Reads a client's risk level as typed in a cell. */
export function parseClientRisk(x: unknown, arg = "clientRisk"): Result<ClientRisk, "bad-client-risk"> {
  const n = levelFromNumber(x);
  if (n) return ok(CLIENT_RISKS[n - 1]);
  if (typeof x === "string") {
    const w = norm(x);
    const m = /^c([1-5])$/.exec(w);
    if (m) return ok(CLIENT_RISKS[Number(m[1]) - 1]);
    const word = CLIENT_WORDS[w.replace(/型$/, "")];
    if (word) return ok(word);
  }
  return refused("bad-client-risk", arg, CLIENT_EXPECTED, x);
}

/** Reads a product's risk level as typed in a cell. */
export function parseProductRisk(x: unknown, arg = "productRisk"): Result<ProductRisk, "bad-product-risk"> {
  const n = levelFromNumber(x);
  if (n) return ok(PRODUCT_RISKS[n - 1]);
  if (typeof x === "string") {
    const w = norm(x);
    const m = /^r([1-5])$/.exec(w);
    if (m) return ok(PRODUCT_RISKS[Number(m[1]) - 1]);
    const word = PRODUCT_WORDS[w.replace(/(风险|風險|risk)(等级|等級|level)?$/, "")];
    if (word) return ok(word);
  }
  return refused("bad-product-risk", arg, PRODUCT_EXPECTED, x);
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
export function bookSuitability(book: Pick<Book, "clients" | "holdings">, asOf: IsoDate): SuitabilityProblem[] {
  assertIsoDate(asOf, "asOf");
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
