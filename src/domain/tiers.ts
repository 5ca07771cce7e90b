/**
 * Tiers A/B/C by the Pareto rule on assets at this bank (docs/ARCHITECTURE.md): rank clients by amount, largest first;
 * a client is A while the clients ranked above hold < 80 % of the total, B while < 95 %, else C.
 * A manual Tier in the Clients table wins over the computed one.
 */
import { assetsAtThisBank } from "./allocation";
import { groupByClient } from "./byClient";
import { inBookCurrency } from "./fx";
import { TIERS, type Book, type IsoDate, type Tier } from "./types";

export const A_THRESHOLD = 0.8;
export const B_THRESHOLD = 0.95;
/** Relative slack so that sums of cents landing exactly on 80 % are not tipped by floating-point error. */
const EPS = 1e-9;

/** Indices of `amounts` from largest to smallest; ties keep input order. */
function rankOrder(amounts: readonly number[]): number[] {
  return amounts.map((_, i) => i).sort((i, j) => amounts[j] - amounts[i] || i - j);
}

function checkAmounts(amounts: readonly number[]): void {
  amounts.forEach((a, i) => {
    if (typeof a !== "number" || !Number.isFinite(a) || a < 0) {
      throw new RangeError(`amounts[${i}]: ${String(a)} is not a finite number ≥ 0`);
    }
  });
}

interface Ranked {
  tier: Tier;
  /** 1 = largest. */
  rank: number;
}

/**
 * A power of two that brings the largest amount (when above 1) to [1, 2). Sums of huge amounts (1e308 + 1e308) overflow to Infinity,
 * and every client would be A; multiplying by a power of two is exact, so scaled amounts rank and sum exactly as
 * the originals do whenever those do not overflow.
 */
function scaleOf(amounts: readonly number[]): number {
  let max = 0;
  for (const a of amounts) if (a > max) max = a;
  const e = max > 1 ? Math.floor(Math.log2(max)) : 0; // only ever scaled down: small amounts cannot overflow
  return e > 0 ? 2 ** -e : 1;
}

function rankTiers(raw: readonly number[]): Ranked[] {
  checkAmounts(raw);
  const scale = scaleOf(raw);
  const amounts = scale === 1 ? raw : raw.map((a) => a * scale);
  let total = 0;
  for (const a of amounts) total += a;
  const out: Ranked[] = new Array(amounts.length);
  let above = 0;
  rankOrder(amounts).forEach((i, r) => {
    const tier: Tier =
      total <= 0 ? "C" : above < total * (A_THRESHOLD - EPS) ? "A" : above < total * (B_THRESHOLD - EPS) ? "B" : "C";
    out[i] = { tier, rank: r + 1 };
    above += amounts[i];
  });
  return out;
}

/** Tier of each amount, in input order. Throws a RangeError naming the index of a negative or non-finite amount. */
export function paretoTiers(amounts: readonly number[]): Tier[] {
  return rankTiers(amounts).map((r) => r.tier);
}

export interface ClientTier {
  /** The tier in force: manual when set, else computed. */
  tier: Tier;
  computed: Tier;
  manual?: Tier;
  assetsAtThisBank: number;
  /** Of all clients' assets at this bank; 0 when that total is 0. */
  share: number;
  /** 1 = most assets at this bank; ties in book order. */
  rank: number;
}

/** Every client's tier, keyed by ClientId (the first client wins if an id repeats). */
export function bookTiers(book: Pick<Book, "clients" | "holdings">): Map<string, ClientTier> {
  const byClient = groupByClient(book.holdings);
  const seen = new Set<string>();
  const clients = book.clients.filter((c) => !seen.has(c.clientId) && seen.add(c.clientId));
  const amounts = clients.map((c) => assetsAtThisBank(byClient.get(c.clientId) ?? []));
  let total = 0;
  for (const a of amounts) total += a;
  const ranked = rankTiers(amounts);
  const out = new Map<string, ClientTier>();
  clients.forEach((c, i) => {
    const r = ranked[i];
    const t: ClientTier = {
      tier: c.tier ?? r.tier,
      computed: r.tier,
      assetsAtThisBank: amounts[i],
      share: total > 0 ? amounts[i] / total : 0,
      rank: r.rank,
    };
    if (c.tier) t.manual = c.tier;
    out.set(c.clientId, t);
  });
  return out;
}

export interface TierFigures {
  clients: number;
  assetsAtThisBank: number;
  /** Of all assets at this bank. */
  share: number;
}

export interface ParetoSummary {
  clients: number;
  assetsAtThisBank: number;
  /** Fewest top-ranked clients that together hold ≥ 80 % of assets at this bank (0 when there are none). */
  clientsHolding80: number;
  /** clientsHolding80 as a share of all clients (0 for an empty book). */
  clientShareHolding80: number;
  /** By the tier in force (manual wins). */
  byTier: Record<Tier, TierFigures>;
  /** By the computed tier only, to explain the rule. */
  computedByTier: Record<Tier, TierFigures>;
  /** Clients whose manual tier differs from the computed one. */
  overridden: number;
}

function emptyFigures(): Record<Tier, TierFigures> {
  return Object.fromEntries(TIERS.map((t) => [t, { clients: 0, assetsAtThisBank: 0, share: 0 }])) as Record<Tier, TierFigures>;
}

/** The 80/20 picture for the Segments page, on assets at this bank in the book currency at `asOf` (src/domain/fx.ts). */
export function paretoSummary(book: Book, asOf: IsoDate): ParetoSummary {
  const tiers = [...bookTiers(inBookCurrency(book, asOf)).values()];
  let total = 0;
  for (const t of tiers) total += t.assetsAtThisBank;
  const byTier = emptyFigures();
  const computedByTier = emptyFigures();
  let overridden = 0;
  for (const t of tiers) {
    byTier[t.tier].clients++;
    byTier[t.tier].assetsAtThisBank += t.assetsAtThisBank;
    computedByTier[t.computed].clients++;
    computedByTier[t.computed].assetsAtThisBank += t.assetsAtThisBank;
    if (t.manual && t.manual !== t.computed) overridden++;
  }
  for (const f of [...Object.values(byTier), ...Object.values(computedByTier)]) f.share = total > 0 ? f.assetsAtThisBank / total : 0;

  let clientsHolding80 = 0;
  if (total > 0) {
    const sorted = tiers.map((t) => t.assetsAtThisBank).sort((a, b) => b - a);
    let sum = 0;
    while (clientsHolding80 < sorted.length && sum < total * (A_THRESHOLD - EPS)) sum += sorted[clientsHolding80++];
  }
  return {
    clients: tiers.length,
    assetsAtThisBank: total,
    clientsHolding80,
    clientShareHolding80: tiers.length > 0 ? clientsHolding80 / tiers.length : 0,
    byTier,
    computedByTier,
    overridden,
  };
}
