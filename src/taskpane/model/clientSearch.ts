/**
 * The Clients page's list: search by name, phone or client id (and id number), filter by tier and tag.
 * Pure; the page passes the tiers computed once per read of the book.
 */
import type { ClientTier } from "../../domain/tiers";
import type { Client, Tier } from "../../domain/types";
import { normPhone } from "./duplicates";

export interface ClientQuery {
  /** Free text: part of a name, phone digits, client id or id number. */
  text?: string;
  tier?: Tier;
  tag?: string;
}

export interface ClientRow {
  client: Client;
  tier: Tier;
  assetsAtThisBank: number;
}

function norm(s: string): string {
  return s.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** True when the client matches the free-text part of a query. */
export function matchesText(c: Client, text: string): boolean {
  const q = norm(text);
  if (q === "") return true;
  if (norm(c.name).includes(q) || norm(c.clientId).includes(q)) return true;
  if (c.idNumber && norm(c.idNumber).includes(q)) return true;
  // Phones are matched on digits, so "138 1234" finds 138-1234-5678; at least 3 digits to avoid noise.
  const digits = q.replace(/\D+/g, "");
  if (digits.length >= 3 && digits.length === q.replace(/[\s\-+()]/g, "").length && c.phone) {
    return c.phone.replace(/\D+/g, "").includes(digits) || normPhone(c.phone).includes(digits);
  }
  return false;
}

/** Clients matching every part of the query, in book order (the first of a repeated id only). */
export function searchClients(clients: readonly Client[], tiers: ReadonlyMap<string, ClientTier>, query: ClientQuery): ClientRow[] {
  const tag = query.tag ? norm(query.tag) : "";
  const seen = new Set<string>();
  const out: ClientRow[] = [];
  for (const c of clients) {
    if (seen.has(c.clientId)) continue;
    seen.add(c.clientId);
    const t = tiers.get(c.clientId);
    const tier = t?.tier ?? c.tier ?? "C";
    if (query.tier && tier !== query.tier) continue;
    if (tag && !(c.tags ?? []).some((x) => norm(x) === tag)) continue;
    if (query.text && !matchesText(c, query.text)) continue;
    out.push({ client: c, tier, assetsAtThisBank: t?.assetsAtThisBank ?? 0 });
  }
  return out;
}

/** Every tag in the book, most used first, ties in order of first use; spellings that differ only in width/case merge. */
export function bookTags(clients: readonly Client[]): string[] {
  const counts = new Map<string, { tag: string; n: number }>();
  for (const c of clients) {
    for (const tag of c.tags ?? []) {
      const k = norm(tag);
      const e = counts.get(k);
      if (e) e.n++;
      else counts.set(k, { tag, n: 1 });
    }
  }
  // Map order is first use and the sort is stable.
  return [...counts.values()].sort((a, b) => b.n - a.n).map((e) => e.tag);
}

/** The list shown: at most `limit` rows, with the count of those left out (a long list is slow and useless). */
export function limitRows<T>(rows: readonly T[], limit: number): { shown: readonly T[]; hidden: number } {
  return rows.length <= limit ? { shown: rows, hidden: 0 } : { shown: rows.slice(0, limit), hidden: rows.length - limit };
}
