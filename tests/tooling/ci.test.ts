/**
 * CI reads one line: the last line of `.ci/run`, "N passed, N failed", computed by scripts/jest-summary.js from
 * Jest's JSON. These tests hold that line to Jest's counts, including runs that must not look green, and keep
 * .ci/run running the README's commands.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { createRequire } from "module";
import os from "os";
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const SUMMARY = path.join(ROOT, "scripts", "jest-summary.js");
const { summarize } = createRequire(__filename)(SUMMARY) as {
  summarize(result: object): { line: string; ok: boolean; notes: string[] };
};

describe("scripts/jest-summary.js", () => {
  test("counts passed and failed tests, and skipped ones when there are any", () => {
    expect(summarize({ success: true, numPassedTests: 41, numFailedTests: 0, numPendingTests: 0 })).toEqual({ line: "41 passed, 0 failed", ok: true, notes: [] });
    expect(summarize({ success: false, numPassedTests: 40, numFailedTests: 2, numPendingTests: 3, numTodoTests: 1 }).line).toBe("40 passed, 2 failed, 4 skipped");
  });

  test("a test file that failed to load counts as a failure", () => {
    const s = summarize({ success: false, numPassedTests: 40, numFailedTests: 0, numRuntimeErrorTestSuites: 1 });
    expect(s.line).toBe("40 passed, 1 failed");
    expect(s.ok).toBe(false);
    expect(s.notes.join(" ")).toMatch(/failed to run/);
  });

  test("a failed run with no failed test still shows a failure", () => {
    expect(summarize({ success: false, numPassedTests: 0, numFailedTests: 0 }).line).toBe("0 passed, 1 failed");
  });

  describe("as a command", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "jest-summary-"));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const run = (file: string) => spawnSync(process.execPath, [SUMMARY, file], { encoding: "utf8" });
    const lastLine = (out: string): string => out.trimEnd().split("\n").pop() ?? "";

    test("prints the line last and exits 0 for a green run, 1 otherwise", () => {
      const green = path.join(dir, "green.json");
      writeFileSync(green, JSON.stringify({ success: true, numPassedTests: 3, numFailedTests: 0, numPendingTests: 1 }));
      const ok = run(green);
      expect([ok.status, lastLine(ok.stdout)]).toEqual([0, "3 passed, 0 failed, 1 skipped"]);
      const red = path.join(dir, "red.json");
      writeFileSync(red, JSON.stringify({ success: false, numPassedTests: 2, numFailedTests: 1 }));
      const bad = run(red);
      expect([bad.status, lastLine(bad.stdout)]).toEqual([1, "2 passed, 1 failed"]);
    });

    test("reports a run whose result file is missing as failed, and says why", () => {
      const missing = run(path.join(dir, "none.json"));
      expect([missing.status, lastLine(missing.stdout)]).toEqual([1, "0 passed, 1 failed"]);
      expect(missing.stderr).toMatch(/did not run/);
    });
  });
});

describe(".ci/run", () => {
  const file = path.join(ROOT, ".ci", "run");
  const script = readFileSync(file, "utf8");
  const commands = script.split("\n").filter((l) => l.trim() && !l.trim().startsWith("#"));

  test("is an executable bash script that parses, with strict mode", () => {
    expect(statSync(file).mode & 0o111).not.toBe(0);
    expect(script.startsWith("#!/usr/bin/env bash\n")).toBe(true);
    expect(commands).toContain("set -euo pipefail");
    const check = spawnSync("bash", ["-n", file], { encoding: "utf8" });
    expect([check.status, check.stderr]).toEqual([0, ""]);
  });

  test("installs the system packages, lints, runs the README's test command, then prints the summary last", () => {
    expect(script).toMatch(/apt-get install -y[^\n]*"\$\{apt_packages\[@\]\}"/);
    expect(script).toMatch(/apt_packages=\(chromium libreoffice-calc-nogui fonts-noto-cjk poppler-utils\)/);
    const order = ["npm ci", "npm run lint", "npm test -- --json --outputFile=", "node scripts/jest-summary.js"].map((c) => commands.findIndex((l) => l.includes(c)));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(commands[commands.length - 2]).toMatch(/node scripts\/jest-summary\.js/);
    expect(script).toMatch(/^npm run bench -- --quick \|\| status=1$/m);
  });

  test("runs the commands the README gives a new user", () => {
    const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
    const blocks = [...readme.matchAll(/```(?:sh|bash)?\n([\s\S]*?)```/g)].map((m) => m[1].trim());
    expect(blocks[0]).toBe("npm ci && npm run demo");
    expect(blocks).toContain("npm ci && npm test");
  });
});
