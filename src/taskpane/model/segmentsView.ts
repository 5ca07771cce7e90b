/**
 * The Segments page: the tier picture (paretoSummary) as lines a manager reads, the filter state → the domain's
 * SegmentCriteria, and the call list to save (ids and a reason per client).
 */
import { SUITABILITY_REASON_LABELS, type SuitabilityProblem } from "../../domain/suitability";
import type { ParetoSummary } from "../../domain/tiers";
import type { SegmentCriteria, SegmentMatch } from "../../domain/segments";
import { TIERS, type AmountUnit, type AssetClass, type ClientRisk, type Lang, type Tier } from "../../domain/types";
import { formatAmount } from "../../domain/amounts";
import { excelRound } from "../../domain/rounding";
import { t } from "../i18n";

export interface SegmentFilter {
  tags: string[];
  tagMode: "any" | "all";
  tiers: Tier[];
  riskLevels: ClientRisk[];
  assetClasses: AssetClass[];
  /** Fragments of product names, separated by commas or 、. */
  products: string;
  /** Days, "" = no maturity criterion. */
  maturityDays: string;
}

export const EMPTY_FILTER: SegmentFilter = { tags: [], tagMode: "any", tiers: [], riskLevels: [], assetClasses: [], products: "", maturityDays: "" };

/** The criteria, or the message for a maturity window that is not a whole number of days. */
export function criteriaOf(f: SegmentFilter, lang: Lang): { criteria?: SegmentCriteria; maturityError?: string } {
  const c: SegmentCriteria = {};
  if (f.tags.length) {
    c.tags = f.tags;
    c.tagMode = f.tagMode;
  }
  if (f.tiers.length) c.tiers = f.tiers;
  if (f.riskLevels.length) c.riskLevels = f.riskLevels;
  if (f.assetClasses.length) c.assetClasses = f.assetClasses;
  const products = f.products.split(/[,，、;；]+/).map((s) => s.trim()).filter(Boolean);
  if (products.length) c.products = products;
  const days = f.maturityDays.normalize("NFKC").trim();
  if (days !== "") {
    if (!/^\d{1,4}$/.test(days)) return { maturityError: t(lang, "seg.maturityBad", { value: f.maturityDays }) };
    c.maturityWithinDays = Number(days);
  }
  return { criteria: c };
}

export function hasCriteria(c: SegmentCriteria): boolean {
  return Object.keys(c).length > 0;
}

/** 12.345 % style share. */
export function pct(share: number): string {
  return `${excelRound(share * 100, 1).toFixed(1)}%`;
}

export interface TierLine {
  tier: Tier;
  clients: number;
  assets: string;
  share: string;
}

export interface TierPicture {
  /** "6 clients (15 %) hold 80 % of assets at this bank". */
  headline: string;
  lines: TierLine[];
  /** Clients whose manual tier overrides the rule, or null. */
  overridden: string | null;
}

export function tierPicture(s: ParetoSummary, lang: Lang, unit: AmountUnit = "Yuan"): TierPicture {
  const headline =
    s.assetsAtThisBank > 0
      ? t(lang, "seg.pareto", { n: s.clientsHolding80, share: pct(s.clientShareHolding80), total: s.clients })
      : t(lang, "seg.paretoEmpty");
  return {
    headline,
    lines: TIERS.map((tier) => ({
      tier,
      clients: s.byTier[tier].clients,
      assets: formatAmount(s.byTier[tier].assetsAtThisBank, unit, lang),
      share: pct(s.byTier[tier].share),
    })),
    overridden: s.overridden > 0 ? t(lang, "seg.overridden", { n: s.overridden }) : null,
  };
}

/** What saveCallList receives: the ids in list order and each client's reason. */
export function callList(matches: readonly SegmentMatch[]): { ids: string[]; reasons: Record<string, string> } {
  return {
    ids: matches.map((m) => m.client.clientId),
    reasons: Object.fromEntries(matches.map((m) => [m.client.clientId, m.reason])),
  };
}

/** One line per suitability finding, for the book-wide check. */
export function suitabilityLine(p: SuitabilityProblem, lang: Lang, unit: AmountUnit = "Yuan"): string {
  const reason = SUITABILITY_REASON_LABELS[p.reason][lang];
  const parts = [reason];
  if (p.productName) parts.push(`${p.productName}${p.productRisk ? ` ${p.productRisk}` : ""}${p.clientRisk && p.reason === "above-risk" ? ` > ${p.clientRisk}` : ""}`);
  if (p.amount !== undefined) parts.push(formatAmount(p.amount, unit, lang));
  if (p.expiresOn) parts.push(t(lang, "seg.expiredOn", { date: p.expiresOn }));
  return parts.join(lang === "en-US" ? " · " : "　");
}
