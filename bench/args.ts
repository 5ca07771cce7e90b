/** Command-line flags of `npm run bench`. */

export interface BenchOptions {
  quick: boolean;
  /** Client counts of the sample books. */
  sizes: number[];
  /** Runs per timing; undefined = the default for the size (see runsFor). */
  runs?: number;
  help: boolean;
}

export const FULL_SIZES = [40, 500, 5000];
export const QUICK_SIZES = [40];
/** The generator's limit (src/sample MAX_CLIENTS). */
const MAX_SIZE = 50000;

export const USAGE = `Usage: npm run bench -- [--quick] [--sizes 40,500,5000] [--runs N]

  --quick        one small book (40 clients), 3 runs, the 40-client CLI build only, no webpack build (CI)
  --sizes LIST   client counts of the sample books, comma-separated (default 40,500,5000)
  --runs N       runs per timing (default 5; 3 for books of 5,000 clients or more, and in --quick)
  --help         this text

Prints the table and writes bench/results.json (see bench/README.md for the figure names).`;

export class UsageError extends Error {}

function positiveInt(text: string | undefined, flag: string, max: number): number {
  if (text === undefined || text.startsWith("--")) throw new UsageError(`${flag} needs a value`);
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n) || n < 1 || n > max) {
    throw new UsageError(`${flag}: "${text}" is not a whole number from 1 to ${max}`);
  }
  return n;
}

export function parseArgs(argv: readonly string[]): BenchOptions {
  let quick = false;
  let help = false;
  let sizes: number[] | undefined;
  let runs: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)] : [arg, undefined];
    const value = (): string | undefined => (inline !== undefined ? inline : argv[++i]);
    switch (flag) {
      case "--quick":
        quick = true;
        break;
      case "--help":
      case "-h":
        help = true;
        break;
      case "--sizes": {
        const v = value();
        if (v === undefined || v.startsWith("--")) throw new UsageError("--sizes needs a list such as 40,500,5000");
        const list = v.split(",").map((s) => positiveInt(s.trim(), "--sizes", MAX_SIZE));
        sizes = [...new Set(list)].sort((a, b) => a - b);
        break;
      }
      case "--runs":
        runs = positiveInt(value(), "--runs", 100);
        break;
      default:
        throw new UsageError(`unknown argument "${arg}"`);
    }
  }
  return { quick, help, sizes: sizes ?? (quick ? QUICK_SIZES : FULL_SIZES), ...(runs !== undefined ? { runs } : {}) };
}

/** Runs per timing for a book of `size` clients. */
export function runsFor(opts: BenchOptions, size: number): number {
  if (opts.runs !== undefined) return opts.runs;
  if (opts.quick || size >= 5000) return 3;
  return 5;
}

/** True for the full default run, whose table goes into bench/PERFORMANCE.md. */
export function isFullRun(opts: BenchOptions): boolean {
  return !opts.quick && FULL_SIZES.every((s) => opts.sizes.includes(s));
}
