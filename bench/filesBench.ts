/**
 * Files: the demo workbook written with src/xlsx (child process), and the `clientbook` CLI's demo and build
 * commands, each timed and its peak memory measured from outside (see spawn.ts).
 */
import { existsSync, rmSync, statSync } from "fs";
import path from "path";
import { AS_OF } from "./books";
import type { Recorder } from "./measure";
import { childFailure, runNode } from "./spawn";

export const ROOT = path.resolve(__dirname, "..");
export const DEMO_CLIENTS = 40;
export const FILE_FIGURES = ["file.demo.seconds", "file.demo.peakRssMB", "file.demo.sizeKB"];
export const CLI_DEMO_FIGURES = ["cli.demo.seconds", "cli.demo.peakRssMB"];
export const CLI_BUILD_FIGURES = ["cli.build.seconds", "cli.build.peakRssMB"];

const BOOK_FILE = path.join("bench", "child", "bookFile.ts");
/** A 5,000-client build takes minutes on a busy 2-core machine; anything beyond this is a hang. */
const TIMEOUT_MS = 30 * 60 * 1000;

function fileSize(file: string): number {
  return existsSync(file) ? statSync(file).size : 0;
}

/** Why the CLI cannot be measured, or undefined when it can. */
export function cliMissing(): string | undefined {
  if (!existsSync(path.join(ROOT, "bin", "clientbook.js"))) return "not available: bin/clientbook.js is missing";
  if (!existsSync(path.join(ROOT, "src", "cli", "main.ts"))) return "not available: src/cli/main.ts is missing (the clientbook CLI is not built yet)";
  return undefined;
}

/** The demo workbook (six tables and every output sheet of the 40-client sample) written with src/xlsx. */
export async function fileDemoBench(rec: Recorder, runs: number, tmp: string): Promise<void> {
  const out = path.join(tmp, "xlsx-demo.xlsx");
  const seconds: number[] = [];
  const rss: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    const run = await runNode(["bin/run-ts.js", BOOK_FILE, "--clients", String(DEMO_CLIENTS), "--outputs", "--out", out], { cwd: ROOT, timeoutMs: TIMEOUT_MS });
    if (run.code !== 0) throw new Error(childFailure("bench/child/bookFile.ts", run));
    const report = JSON.parse(run.stdout.trim().split("\n").pop() ?? "{}") as { ms?: number; bytes?: number };
    if (typeof report.ms !== "number" || report.bytes !== fileSize(out) || !report.bytes) {
      throw new Error(`bench/child/bookFile.ts reported ${run.stdout.trim()} but wrote ${fileSize(out)} bytes`);
    }
    seconds.push(report.ms / 1000);
    if (run.peakRssMB !== undefined) rss.push(run.peakRssMB);
    bytes = report.bytes;
  }
  rec.add("file.demo.seconds", DEMO_CLIENTS, seconds);
  if (rss.length > 0) rec.add("file.demo.peakRssMB", DEMO_CLIENTS, rss);
  else rec.missing("file.demo.peakRssMB", DEMO_CLIENTS, "not available: no way to measure a child's memory here");
  rec.add("file.demo.sizeKB", DEMO_CLIENTS, [bytes / 1024]);
}

/** Runs a clientbook command `runs` times; each run must exit 0 and write `out`. */
async function cliRuns(args: string[], out: string, runs: number): Promise<{ seconds: number[]; rss: number[] }> {
  const seconds: number[] = [];
  const rss: number[] = [];
  for (let i = 0; i < runs; i++) {
    rmSync(out, { force: true });
    const run = await runNode(["bin/clientbook.js", ...args], { cwd: ROOT, timeoutMs: TIMEOUT_MS });
    if (run.code !== 0) throw new Error(childFailure(`clientbook ${args[0]}`, run));
    if (fileSize(out) === 0) throw new Error(`clientbook ${args[0]} exited 0 but wrote no ${out}`);
    seconds.push(run.seconds);
    if (run.peakRssMB !== undefined) rss.push(run.peakRssMB);
  }
  return { seconds, rss };
}

function recordCli(rec: Recorder, prefix: "cli.demo" | "cli.build", size: number, r: { seconds: number[]; rss: number[] }): void {
  rec.add(`${prefix}.seconds`, size, r.seconds);
  if (r.rss.length > 0) rec.add(`${prefix}.peakRssMB`, size, r.rss);
  else rec.missing(`${prefix}.peakRssMB`, size, "not available: no way to measure a child's memory here");
}

/** `clientbook demo --out FILE --as-of DATE` (40 clients, zh-CN by default): wall time and peak memory. */
export async function cliDemoBench(rec: Recorder, runs: number, tmp: string): Promise<void> {
  const out = path.join(tmp, "cli-demo.xlsx");
  recordCli(rec, "cli.demo", DEMO_CLIENTS, await cliRuns(["demo", "--out", out, "--as-of", AS_OF], out, runs));
}

/** `clientbook build BOOK.xlsx --out FILE` on a book file of `size` clients written with src/xlsx (not timed). */
export async function cliBuildBench(rec: Recorder, size: number, runs: number, tmp: string): Promise<void> {
  const book = path.join(tmp, `book-${size}.xlsx`);
  if (!existsSync(book)) {
    const made = await runNode(["bin/run-ts.js", BOOK_FILE, "--clients", String(size), "--out", book], { cwd: ROOT, timeoutMs: TIMEOUT_MS });
    if (made.code !== 0) throw new Error(childFailure("bench/child/bookFile.ts (the input book)", made));
  }
  const out = path.join(tmp, `built-${size}.xlsx`);
  recordCli(rec, "cli.build", size, await cliRuns(["build", book, "--out", out, "--as-of", AS_OF], out, runs));
}
