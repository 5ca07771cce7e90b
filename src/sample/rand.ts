/**
 * Seeded randomness for the sample generator, on pure-rand's xoroshiro128+.
 *
 * Every draw goes through `float()`, which always consumes exactly two outputs of the generator. So the number of
 * outputs a piece of generation consumes never depends on list lengths — which is what lets the zh-CN and zh-TW
 * books share one structure (same people, dates and ids) while picking from different word lists.
 */
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import type { RandomGenerator } from "pure-rand/types/RandomGenerator";

/** murmur3's 32-bit finaliser: spreads nearby seeds (1, 2, 3…) over the whole state space. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Folds a safe integer and a list of stream keys into one 32-bit seed. */
export function mixSeed(seed: number, ...keys: number[]): number {
  // Both halves of a safe integer count, so seeds 1 and 2**32 + 1 differ.
  let h = fmix32((seed % 0x100000000) ^ 0x9e3779b9);
  h = fmix32(h ^ Math.floor(seed / 0x100000000));
  for (const k of keys) h = fmix32(h ^ fmix32(k + 0x7f4a7c15));
  return h;
}

export class Rand {
  private readonly g: RandomGenerator;

  /** An independent stream for `seed` and the given keys (e.g. client index and purpose). */
  constructor(seed: number, ...keys: number[]) {
    this.g = xoroshiro128plus(mixSeed(seed, ...keys));
    // xoroshiro's first outputs echo the seed; step past them.
    for (let i = 0; i < 16; i++) this.g.next();
  }

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.g);
  }

  /** Uniform integer in [lo, hi] (both included). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.float() * (hi - lo + 1));
  }

  /** Uniform real in [lo, hi). */
  range(lo: number, hi: number): number {
    return lo + this.float() * (hi - lo);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)];
  }

  /** Index drawn with the given non-negative weights. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) return i;
    }
    return weights.length - 1;
  }

  /** Index drawn from cumulative weights (ascending, last = total): a binary search for long lists. */
  weightedCumulative(cumulative: readonly number[]): number {
    const x = this.float() * cumulative[cumulative.length - 1];
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (x < cumulative[mid]) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Standard normal (Box–Muller; always two floats). */
  normal(): number {
    const u = 1 - this.float();
    const v = this.float();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and log-sd. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Pareto (heavy tail) with minimum `xm` and shape `alpha`, capped at `cap`. `u` may be fixed by the caller. */
  pareto(xm: number, alpha: number, cap: number, u = this.float()): number {
    return Math.min(cap, xm * Math.pow(1 - u, -1 / alpha));
  }

  /** k distinct items in draw order (k ≤ items.length). */
  sample<T>(items: readonly T[], k: number): T[] {
    const pool = items.slice();
    const out: T[] = [];
    for (let i = 0; i < k && pool.length > 0; i++) out.push(pool.splice(Math.floor(this.float() * pool.length), 1)[0]);
    return out;
  }
}
