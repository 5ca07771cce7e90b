/**
 * RM.ALLOCATION and RM.TIER called directly on 10,000 rows, and a HyperFormula sheet of 500 =RM.NEXTREVIEW
 * formulas against the same sheet with native =EDATE, built and evaluated alternately in the same run.
 */
import { codeLabel } from "../src/book/codes";
import { isoToSerial } from "../src/domain/dates";
import type { AssetClass } from "../src/domain/types";
import { ALLOCATION, TIER } from "../src/functions/functions";
import { makeEngine } from "../tests/functions/hfHarness";
import { AS_OF } from "./books";
import { now, type Recorder } from "./measure";

export const FN_ROWS = 10000;
export const HF_FORMULAS = 500;
export const FUNCTION_FIGURES = ["fn.allocation.10k", "fn.tier.10k"];
export const HF_FIGURES = ["hf.nextreview.ms", "hf.edate.ms", "hf.nextreview_vs_edate.ratio"];

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so every run measures the same input. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 10,000 holdings as a manager's sheet holds them: zh-CN class labels (about 1 in 12 a loan), amounts in yuan. */
function holdingColumns(rows: number): { classes: unknown[][]; amounts: unknown[][]; assets: number } {
  const rnd = random(20260515);
  const weights: [AssetClass, number][] = [["Deposit", 22], ["WealthProduct", 20], ["Fund", 18], ["Bond", 8], ["Stock", 8], ["Insurance", 10], ["Property", 3], ["Loan", 8], ["Other", 3]];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  const classes: unknown[][] = [];
  const amounts: unknown[][] = [];
  let assets = 0;
  for (let i = 0; i < rows; i++) {
    let pick = rnd() * total;
    const cls = weights.find(([, w]) => (pick -= w) < 0)?.[0] ?? "Other";
    const amount = Math.round(10000 * Math.exp(rnd() * 6)); // 10 thousand to 4 million yuan
    classes.push([codeLabel("assetClass", cls, "zh-CN")]);
    amounts.push([amount]);
    if (cls !== "Loan") assets += amount;
  }
  return { classes, amounts, assets };
}

/** Each client's assets at this bank: a long-tailed (Pareto-like) spread, as in a real book. */
function clientAmounts(rows: number): unknown[][] {
  const rnd = random(80);
  return Array.from({ length: rows }, () => [Math.round(50000 / Math.pow(1 - rnd() * 0.999, 0.9))]);
}

/** Milliseconds per call: `calls` calls per run, `runs` runs. */
function perCall(fn: () => unknown, calls: number, runs: number): number[] {
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t = now();
    for (let i = 0; i < calls; i++) fn();
    out.push((now() - t) / calls);
  }
  return out;
}

export function functionBench(rec: Recorder, runs: number): void {
  const { classes, amounts, assets } = holdingColumns(FN_ROWS);
  const alloc = ALLOCATION(classes, amounts);
  const allocated = alloc.reduce((s, r) => s + (r[1] as number), 0);
  const shares = alloc.reduce((s, r) => s + (r[2] as number), 0);
  if (Math.abs(allocated - assets) > 1e-6 * assets || Math.abs(shares - 1) > 1e-9) {
    throw new Error(`RM.ALLOCATION gave ${allocated} in ${alloc.length} classes (shares ${shares}), expected ${assets}`);
  }
  rec.add("fn.allocation.10k", FN_ROWS, perCall(() => ALLOCATION(classes, amounts), 5, runs));

  const tierInput = clientAmounts(FN_ROWS);
  const tiers = TIER(tierInput);
  const counts = { A: 0, B: 0, C: 0 } as Record<string, number>;
  for (const [t] of tiers) counts[t] = (counts[t] ?? 0) + 1;
  if (tiers.length !== FN_ROWS || counts.A + counts.B + counts.C !== FN_ROWS || counts.A === 0 || counts.C === 0) {
    throw new Error(`RM.TIER gave ${tiers.length} tiers: ${JSON.stringify(counts)}`);
  }
  rec.add("fn.tier.10k", FN_ROWS, perCall(() => TIER(tierInput), 5, runs));
}

/** Review dates on days 1–28 (no month-end clamping), so EDATE and RM.NEXTREVIEW must agree cell for cell. */
function reviewSheet(formula: (row: number) => string): (number | string)[][] {
  const base = Number(AS_OF.slice(0, 4)) - 3;
  return Array.from({ length: HF_FORMULAS }, (_, i) => {
    const iso = `${base + (i % 4)}-${String(1 + ((i * 7) % 12)).padStart(2, "0")}-${String(1 + ((i * 13) % 28)).padStart(2, "0")}`;
    return [isoToSerial(iso), formula(i + 1)];
  });
}

const NEXTREVIEW_SHEET = reviewSheet((r) => `=RM.NEXTREVIEW(A${r},"季度")`);
const EDATE_SHEET = reviewSheet((r) => `=EDATE(A${r},3)`);

/** Builds and evaluates one sheet; returns its ms and column B's values. */
function buildAndEvaluate(rows: (number | string)[][]): { ms: number; values: unknown[] } {
  const t = now();
  const hf = makeEngine({ Sheet1: rows });
  const values = hf.getSheetValues(0).map((r) => r[1]);
  const ms = now() - t;
  hf.destroy();
  return { ms, values };
}

export function hyperFormulaBench(rec: Recorder, runs: number): void {
  // Warm-up (also registers the RM.* plugin from the generated metadata) and the check that both sheets agree.
  const rm = buildAndEvaluate(NEXTREVIEW_SHEET);
  const native = buildAndEvaluate(EDATE_SHEET);
  rm.values.forEach((v, i) => {
    if (typeof v !== "number" || v !== native.values[i]) {
      throw new Error(`row ${i + 1}: =RM.NEXTREVIEW gave ${JSON.stringify(v)}, =EDATE gave ${JSON.stringify(native.values[i])}`);
    }
  });
  const ours: number[] = [];
  const edate: number[] = [];
  for (let i = 0; i < runs; i++) {
    ours.push(buildAndEvaluate(NEXTREVIEW_SHEET).ms);
    edate.push(buildAndEvaluate(EDATE_SHEET).ms);
  }
  rec.add("hf.nextreview.ms", HF_FORMULAS, ours);
  rec.add("hf.edate.ms", HF_FORMULAS, edate);
  rec.add("hf.nextreview_vs_edate.ratio", HF_FORMULAS, ours.map((o, i) => o / edate[i]));
}
