/**
 * Segments: pick the clients for a campaign or call list, each with a reason a manager can read out.
 * Criteria combine with AND; the values inside one criterion with OR (tags may ask for all).
 */
import { ASSET_CLASS_LABELS } from "./allocation";
import { assertIsoDate } from "./cadence";
import { addDays } from "./dates";
import { formatAmount } from "./amounts";
import type { Localized } from "./result";
import { inBookCurrency } from "./fx";
import { bookTiers } from "./tiers";
import { LIABILITY_CLASSES, type AssetClass, type Book, type Client, type ClientRisk, type Holding, type IsoDate, type Lang, type Tier } from "./types";

export interface SegmentCriteria {
  /** Client tags; matched ignoring case, spaces and full/half width. */
  tags?: readonly string[];
  /** "any" (default): at least one tag; "all": every tag. */
  tagMode?: "any" | "all";
  /** Tier in force (manual wins). */
  tiers?: readonly Tier[];
  riskLevels?: readonly ClientRisk[];
  /** Holds an amount > 0 in any of these classes (Loan included if asked for). */
  assetClasses?: readonly AssetClass[];
  /** Holds a product whose name contains any of these fragments (ignoring case and spaces). */
  products?: readonly string[];
  /** Holds an asset maturing between asOf and asOf + N days (inclusive). */
  maturityWithinDays?: number;
}

export interface SegmentMatch {
  client: Client;
  tier: Tier;
  /** Date of the latest contact, for the call list. */
  lastContact?: IsoDate;
  /** Assets maturing within the window (empty without a maturity criterion), soonest first. */
  maturing: Holding[];
  /** Why the client is on the list, in `lang`; empty when no criterion was given. */
  reason: string;
}

function norm(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
}

function has<T>(list: readonly T[] | undefined): list is readonly T[] {
  return list !== undefined && list.length > 0;
}

function text(lang: Lang, t: Localized): string {
  return lang === "zh-CN" ? t["zh-CN"] : lang === "zh-TW" ? t["zh-TW"] : t["en-US"];
}

/** The clients meeting every given criterion, in book order. Throws a RangeError for a bad maturity window. */
export function filterClients(book: Book, criteria: SegmentCriteria, asOf: IsoDate, lang: Lang = book.settings.language): SegmentMatch[] {
  assertIsoDate(asOf, "asOf");
  const within = criteria.maturityWithinDays;
  if (within !== undefined && (!Number.isInteger(within) || within < 0)) {
    throw new RangeError(`maturityWithinDays: ${String(within)} is not a whole number ≥ 0`);
  }
  const lastDay = within === undefined ? undefined : addDays(asOf, within);
  book = inBookCurrency(book, asOf); // amounts held and tiers in the book currency (issue #16)
  const unit = book.settings.amountUnit ?? "Yuan";
  const tiers = bookTiers(book);
  const holdings = new Map<string, Holding[]>();
  for (const h of book.holdings) {
    const list = holdings.get(h.clientId);
    if (list) list.push(h);
    else holdings.set(h.clientId, [h]);
  }
  const lastContact = new Map<string, IsoDate>();
  for (const c of book.contacts) {
    const prev = lastContact.get(c.clientId);
    if (!prev || c.date > prev) lastContact.set(c.clientId, c.date);
  }
  const wantTags = has(criteria.tags) ? criteria.tags.map(norm).filter((t) => t !== "") : [];
  const wantProducts = has(criteria.products) ? criteria.products.map(norm).filter((t) => t !== "") : [];
  const sep = lang === "en-US" ? "; " : "；";
  const listSep = lang === "en-US" ? ", " : "、";

  const out: SegmentMatch[] = [];
  const seen = new Set<string>();
  for (const client of book.clients) {
    if (seen.has(client.clientId)) continue;
    seen.add(client.clientId);
    const tier = tiers.get(client.clientId)?.tier ?? "C";
    const mine = holdings.get(client.clientId) ?? [];
    const reasons: string[] = [];

    if (wantTags.length > 0) {
      const tags = client.tags ?? [];
      const hit = tags.filter((t) => wantTags.includes(norm(t)));
      const ok = criteria.tagMode === "all" ? wantTags.every((w) => tags.some((t) => norm(t) === w)) : hit.length > 0;
      if (!ok) continue;
      reasons.push(text(lang, { "zh-CN": "标签：", "zh-TW": "標籤：", "en-US": "Tags: " }) + hit.join(listSep));
    }
    if (has(criteria.tiers)) {
      if (!criteria.tiers.includes(tier)) continue;
      reasons.push(text(lang, { "zh-CN": `${tier} 类客户`, "zh-TW": `${tier} 類客戶`, "en-US": `Tier ${tier}` }));
    }
    if (has(criteria.riskLevels)) {
      if (!client.riskLevel || !criteria.riskLevels.includes(client.riskLevel)) continue;
      reasons.push(text(lang, { "zh-CN": "风险等级 ", "zh-TW": "風險等級 ", "en-US": "Risk level " }) + client.riskLevel);
    }
    if (has(criteria.assetClasses)) {
      const classes = criteria.assetClasses;
      const held = classes
        .map((cls) => ({ cls, amount: mine.filter((h) => h.assetClass === cls).reduce((s, h) => s + h.amount, 0) }))
        .filter((x) => x.amount > 0);
      if (held.length === 0) continue;
      reasons.push(text(lang, { "zh-CN": "持有 ", "zh-TW": "持有 ", "en-US": "Holds " }) + held.map((x) => `${ASSET_CLASS_LABELS[x.cls][lang]} ${formatAmount(x.amount, unit, lang)}`).join(listSep));
    }
    if (wantProducts.length > 0) {
      const held = mine.filter((h) => h.amount > 0 && wantProducts.some((p) => norm(h.productName).includes(p)));
      if (held.length === 0) continue;
      reasons.push(text(lang, { "zh-CN": "持有 ", "zh-TW": "持有 ", "en-US": "Holds " }) + held.map((h) => `${h.productName} ${formatAmount(h.amount, unit, lang)}`).join(listSep));
    }
    let maturing: Holding[] = [];
    if (within !== undefined) {
      maturing = mine
        .filter((h) => h.maturityDate !== undefined && h.maturityDate >= asOf && h.maturityDate <= (lastDay as IsoDate))
        .filter((h) => !LIABILITY_CLASSES.includes(h.assetClass))
        .sort((a, b) => (a.maturityDate! < b.maturityDate! ? -1 : a.maturityDate! > b.maturityDate! ? 1 : 0));
      if (maturing.length === 0) continue;
      reasons.push(
        maturing
          .map((h) => {
            const amount = formatAmount(h.amount, unit, lang);
            const zh = `${h.productName} ${h.maturityDate} 到期 ${amount}`;
            return text(lang, { "zh-CN": zh, "zh-TW": zh, "en-US": `${h.productName} matures ${h.maturityDate}, ${amount}` });
          })
          .join(listSep),
      );
    }
    const match: SegmentMatch = { client, tier, maturing, reason: reasons.join(sep) };
    const lc = lastContact.get(client.clientId);
    if (lc) match.lastContact = lc;
    out.push(match);
  }
  return out;
}
