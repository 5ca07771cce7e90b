/** Timing helpers and the recorder that turns runs into bench/results.json figures. */
import { FIGURE_BY_NAME, median, type Figure, type Unit } from "./figures";

export function now(): number {
  return performance.now();
}

/** Milliseconds `fn` takes, awaited. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const t = now();
  await fn();
  return now() - t;
}

const DECIMALS: Record<Unit, number> = { ms: 2, "ms/call": 3, syncs: 0, bytes: 0, ratio: 3, s: 3, MB: 1, KB: 1 };

function round(value: number, unit: Unit, extra = 0): number {
  const f = 10 ** (DECIMALS[unit] + extra);
  return Math.round(value * f) / f;
}

/** Collects figures; every name must be in the catalogue (figures.ts), so a typo fails the run, not the comparison. */
export class Recorder {
  readonly figures: Figure[] = [];

  private def(name: string) {
    const def = FIGURE_BY_NAME.get(name);
    if (!def) throw new Error(`bench: figure "${name}" is not in bench/figures.ts`);
    return def;
  }

  private sizeOf(name: string, size: number | null): number | null {
    return this.def(name).size === "none" ? null : size;
  }

  has(name: string, size: number | null): boolean {
    const s = this.sizeOf(name, size);
    return this.figures.some((f) => f.name === name && f.size === s);
  }

  /** A measured figure: its runs (rounded to the unit's precision) and their median. */
  add(name: string, size: number | null, runs: readonly number[], note?: string): Figure {
    const def = this.def(name);
    if (runs.length === 0) throw new Error(`bench: figure ${name} has no runs`);
    const bad = runs.find((r) => !Number.isFinite(r));
    if (bad !== undefined) throw new Error(`bench: figure ${name} has a run that is not a number (${bad})`);
    const rounded = runs.map((r) => round(r, def.unit));
    // The median of an even count is a mean of two runs: one more decimal keeps it exact.
    const fig: Figure = { name, size: this.sizeOf(name, size), unit: def.unit, median: round(median(rounded), def.unit, 1), runs: rounded };
    if (note) fig.note = note;
    this.put(fig);
    return fig;
  }

  /** A figure that could not be measured, with the reason. */
  missing(name: string, size: number | null, note: string): void {
    const def = this.def(name);
    this.put({ name, size: this.sizeOf(name, size), unit: def.unit, median: null, runs: [], note });
  }

  /** Marks every figure of `names` not yet recorded for `size` as missing (a section stopped early). */
  missingRest(names: readonly string[], size: number | null, note: string): void {
    for (const n of names) if (!this.has(n, size)) this.missing(n, size, note);
  }

  get(name: string, size: number | null): Figure | undefined {
    const s = this.sizeOf(name, size);
    return this.figures.find((f) => f.name === name && f.size === s);
  }

  private put(fig: Figure): void {
    const i = this.figures.findIndex((f) => f.name === fig.name && f.size === fig.size);
    if (i >= 0) this.figures[i] = fig;
    else this.figures.push(fig);
  }
}

/** A failure note: the first line of the error, so the table stays readable. */
export function failure(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return `failed: ${msg.split("\n")[0].slice(0, 300)}`;
}

/** True when a figure's note says it failed (as opposed to "not available" / "not built"). */
export function isFailure(fig: Figure): boolean {
  return fig.median === null && (fig.note ?? "").startsWith("failed:");
}
