/**
 * `npm run bench [-- --quick | --sizes 40,500,5000 | --runs N]`: measures the work that matters for books of 40 to
 * 5,000 clients, prints the tables, writes bench/results.json (and, after a full run, bench/PERFORMANCE.md, the
 * README's Performance section). Exits 1 when a figure failed; figures that cannot be measured here ("not
 * available", "not built") are reported with the reason and do not fail the run.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { isFullRun, parseArgs, runsFor, USAGE, UsageError, type BenchOptions } from "./args";
import { dropSample, rowCounts, sampleOf } from "./books";
import { BUNDLE_FIGURES, bundleBench } from "./bundleBench";
import { CODEC_FIGURES, codecBench } from "./codecBench";
import { commandFigures, excelBench, excelFirstUse, FIRST_USE_FIGURES, NAIVE_FIGURES } from "./excelBench";
import { EXCEL_COMMANDS, resultProblems, type Figure } from "./figures";
import { CLI_BUILD_FIGURES, CLI_DEMO_FIGURES, cliBuildBench, cliDemoBench, cliMissing, DEMO_CLIENTS, FILE_FIGURES, fileDemoBench, ROOT } from "./filesBench";
import { FUNCTION_FIGURES, FN_ROWS, functionBench, HF_FIGURES, HF_FORMULAS, hyperFormulaBench } from "./functionsBench";
import { describeMachine, finishMachine, machineLine } from "./machine";
import { failure, isFailure, Recorder } from "./measure";
import { changes, keepHandWritten, performanceMarkdown, tables, type ReportInput } from "./report";
import { rssMethod } from "./spawn";

const RESULTS = path.join(ROOT, "bench", "results.json");
const PERFORMANCE = path.join(ROOT, "bench", "PERFORMANCE.md");

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

/**
 * Runs of the child-process figures: each run is a fresh Node process of several seconds to minutes, so 3
 * (1 in --quick, which CI runs as a smoke test that has to finish in under 2 minutes).
 */
function childRuns(opts: BenchOptions): number {
  return opts.runs ?? (opts.quick ? 1 : 3);
}

async function main(): Promise<number> {
  // bin/run-ts.js leaves this script's path in argv: the flags follow it.
  const at = process.argv.findIndex((a) => /run\.ts$/.test(a));
  let opts: BenchOptions;
  try {
    opts = parseArgs(process.argv.slice(at + 1));
  } catch (e) {
    if (e instanceof UsageError) {
      log(`bench: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (opts.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const started = Date.now();
  const machine = describeMachine();
  log(`ClientBook benchmark: sizes ${opts.sizes.join(", ")}${opts.quick ? " (quick)" : ""}; ${machineLine(machine)}`);
  const rec = new Recorder();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "clientbook-bench-"));

  type Target = readonly [names: readonly string[], size: number | null];
  /** Runs a part; when it throws, the figures it did not record get the error as their note and the rest goes on. */
  const section = async (label: string, targets: readonly Target[], body: () => unknown): Promise<void> => {
    const t = Date.now();
    log(`▸ ${label} …`);
    try {
      await body();
    } catch (e) {
      log(`  ${failure(e)}`);
      if (e instanceof Error && e.stack) log(e.stack.split("\n").slice(1, 4).join("\n"));
      for (const [names, size] of targets) rec.missingRest(names, size, failure(e));
    } finally {
      for (const [names, size] of targets) rec.missingRest(names, size, `failed: ${label} did not record it`);
      log(`  ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
  };

  const cliReason = cliMissing();
  const excelNames = [...EXCEL_COMMANDS.flatMap(commandFigures), ...NAIVE_FIGURES];
  try {
    for (const size of opts.sizes) {
      const runs = runsFor(opts, size);
      await section(`sample book of ${size} clients`, [], () => log(`  rows: ${JSON.stringify(rowCounts(sampleOf(size)))}`));
      await section(`codec and sheets, ${size} clients, ${runs} runs`, [[CODEC_FIGURES, size]], () => codecBench(rec, size, runs));
      await section(`fake Excel host, ${size} clients, ${runs} runs`, [[excelNames, size]], () => excelBench(rec, size, runs));
      dropSample();
    }
    await section("set-up and Load sample on an empty workbook", [[FIRST_USE_FIGURES.slice(0, 2), 0], [FIRST_USE_FIGURES.slice(2), 40]], () => excelFirstUse(rec));

    const fnRuns = opts.runs ?? (opts.quick ? 3 : 5);
    await section(`RM.ALLOCATION and RM.TIER at ${FN_ROWS} rows`, [[FUNCTION_FIGURES, FN_ROWS]], () => functionBench(rec, fnRuns));
    await section(`HyperFormula: ${HF_FORMULAS} RM.NEXTREVIEW vs EDATE`, [[HF_FIGURES, HF_FORMULAS]], () => hyperFormulaBench(rec, fnRuns));

    const cRuns = childRuns(opts);
    await section(`demo workbook with src/xlsx, ${cRuns} runs`, [[FILE_FIGURES, DEMO_CLIENTS]], () => fileDemoBench(rec, cRuns, tmp));
    if (cliReason) {
      log(`▸ clientbook CLI: ${cliReason}`);
      rec.missingRest(CLI_DEMO_FIGURES, DEMO_CLIENTS, cliReason);
      for (const size of opts.sizes) rec.missingRest(CLI_BUILD_FIGURES, size, cliReason);
    } else {
      await section(`clientbook demo, ${cRuns} runs`, [[CLI_DEMO_FIGURES, DEMO_CLIENTS]], () => cliDemoBench(rec, cRuns, tmp));
      // --quick: the 40-client build only.
      for (const size of opts.quick ? opts.sizes.filter((s) => s <= 40) : opts.sizes) {
        const runs = childRuns(opts);
        await section(`clientbook build, ${size} clients, ${runs} runs`, [[CLI_BUILD_FIGURES, size]], () => cliBuildBench(rec, size, runs, tmp));
      }
    }
    await section("bundle sizes", [[BUNDLE_FIGURES, null]], () => bundleBench(rec, opts.quick));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const figures = rec.figures;
  const problems = resultProblems(figures);
  if (problems.length > 0) throw new Error(`bench produced malformed results:\n${problems.join("\n")}`);

  let previous: Figure[] = [];
  if (existsSync(RESULTS)) {
    try {
      const data = JSON.parse(readFileSync(RESULTS, "utf8")) as unknown;
      if (resultProblems(data).length === 0) previous = data as Figure[];
    } catch {
      // an unreadable previous file is simply not compared
    }
  }
  writeFileSync(RESULTS, `${JSON.stringify(figures, null, 2)}\n`);

  const runsText = opts.runs !== undefined ? `${opts.runs} runs per figure` : opts.quick ? "3 runs per timing (1 per child process)" : "median of 5 runs (3 for 5,000 clients and for child processes)";
  const report: ReportInput = {
    figures,
    sizes: opts.sizes,
    machine: finishMachine(machine),
    date: new Date(started).toISOString().slice(0, 10),
    command: opts.quick ? "npm run bench -- --quick" : process.argv.length > at + 1 ? `npm run bench -- ${process.argv.slice(at + 1).join(" ")}` : "npm run bench",
    runsText,
    rssMethod: rssMethod(),
    minutes: (Date.now() - started) / 60000,
  };
  process.stdout.write(`\n${tables(report)}\nMachine: ${machineLine(report.machine)}\nWrote ${path.relative(process.cwd(), RESULTS)} (${figures.length} figures).\n`);
  if (isFullRun(opts)) {
    writeFileSync(PERFORMANCE, keepHandWritten(performanceMarkdown(report), existsSync(PERFORMANCE) ? readFileSync(PERFORMANCE, "utf8") : undefined));
    process.stdout.write(`Wrote ${path.relative(process.cwd(), PERFORMANCE)} (the README's Performance section).\n`);
  }
  const moved = changes(previous, figures);
  if (previous.length > 0) {
    process.stdout.write(moved.length > 0 ? `\nChanged by 10 % or more since the previous results.json:\n${moved.map((l) => `  ${l}`).join("\n")}\n` : "\nNo figure moved by 10 % or more since the previous results.json.\n");
  }

  const failed = figures.filter(isFailure);
  if (failed.length > 0) {
    process.stdout.write(`\n${failed.length} figure(s) failed:\n${failed.map((f) => `  ${f.name}${f.size === null ? "" : ` @${f.size}`}: ${f.note}`).join("\n")}\n`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    log(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exitCode = 1;
  },
);
