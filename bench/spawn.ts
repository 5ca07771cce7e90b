/**
 * Runs a child process and measures its wall time and peak resident memory: with GNU time (`/usr/bin/time -v`,
 * "Maximum resident set size") where it is installed, else through a --require hook that has the child write its
 * own process.resourceUsage().maxRSS on exit.
 */
import { spawn } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import os from "os";
import path from "path";

const GNU_TIME = "/usr/bin/time";
const RSS_HOOK = path.join(__dirname, "child", "reportRss.js");

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Peak resident set size in MB; undefined when it could not be measured. */
  peakRssMB?: number;
  stdout: string;
  stderr: string;
}

/** How peak memory is measured on this machine, for the report. */
export function rssMethod(): string {
  return existsSync(GNU_TIME) ? "/usr/bin/time -v" : "process.resourceUsage().maxRSS of the child";
}

/** Runs `node args…` in `cwd`, killing it after `timeoutMs`. */
export function runNode(args: readonly string[], opts: { cwd: string; timeoutMs: number }): Promise<ChildRun> {
  const gnu = existsSync(GNU_TIME);
  const rssFile = path.join(os.tmpdir(), `clientbook-bench-rss-${process.pid}-${Date.now()}.txt`);
  const [cmd, argv, env] = gnu
    ? [GNU_TIME, ["-v", process.execPath, ...args], process.env]
    : [process.execPath, ["--require", RSS_HOOK, ...args], { ...process.env, CLIENTBOOK_BENCH_RSS_FILE: rssFile }];
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(cmd, argv, { cwd: opts.cwd, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t) / 1000;
      let peakRssMB: number | undefined;
      if (gnu) {
        const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
        if (m) peakRssMB = Number(m[1]) / 1024;
        // GNU time's report is not the child's own output.
        const cut = stderr.search(/(^|\n)(Command exited with non-zero status \d+\n)?\tCommand being timed:/);
        if (cut >= 0) stderr = stderr.slice(0, cut);
        const exit = /Command exited with non-zero status (\d+)/.exec(stderr);
        if (exit) stderr = stderr.replace(exit[0], "");
      } else if (existsSync(rssFile)) {
        peakRssMB = Number(readFileSync(rssFile, "utf8").trim()) / 1024;
        rmSync(rssFile, { force: true });
      }
      resolve({ code, signal, seconds, ...(peakRssMB !== undefined && Number.isFinite(peakRssMB) ? { peakRssMB } : {}), stdout, stderr });
    });
  });
}

/** A one-line reason a child run failed, from its exit and the end of its stderr. */
export function childFailure(what: string, run: ChildRun): string {
  const tail = run.stderr.trim().split("\n").filter((l) => l.trim() !== "").slice(-1)[0] ?? "";
  const how = run.signal ? `was killed (${run.signal}${run.signal === "SIGKILL" ? ", timed out" : ""})` : `exited with ${run.code}`;
  return `${what} ${how}${tail ? `: ${tail.trim().slice(0, 240)}` : ""}`;
}
