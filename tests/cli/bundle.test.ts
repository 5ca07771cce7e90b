/**
 * bin/clientbook.js runs the CLI from an esbuild bundle of the sources, kept under node_modules/.cache and made again
 * when any file it was made from changes (size or mtime) — never a stale bundle after an edit or a checkout.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/clientbook.js");
const key = createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
const BUNDLE = path.join(ROOT, "node_modules/.cache/clientbook", `cli-${key}.cjs`);
const INPUTS = path.join(ROOT, "node_modules/.cache/clientbook", `cli-${key}.inputs.json`);

const run = () => execFileSync(process.execPath, [BIN, "--help"], { cwd: ROOT, encoding: "utf8" });

test("the bundle records every source it was made from, and is made again when one of them changes", () => {
  expect(run()).toMatch(/clientbook/);
  const inputs = JSON.parse(readFileSync(INPUTS, "utf8")) as Record<string, [number, number]>;
  for (const f of ["src/cli/main.ts", "src/cli/commands/build.ts", "src/xlsx/packageWriter.ts", "tsconfig.json"]) expect(inputs[f]).toBeDefined();
  expect(Object.keys(inputs).some((f) => f.startsWith("node_modules"))).toBe(false);

  const source = path.join(ROOT, "src/cli/usage.ts");
  const before = statSync(source);
  const made = statSync(BUNDLE).mtimeMs;
  try {
    // the source "edited": a later mtime, same content
    utimesSync(source, before.atime, new Date(before.mtimeMs + 2000));
    expect(run()).toMatch(/clientbook/);
    const again = JSON.parse(readFileSync(INPUTS, "utf8")) as Record<string, [number, number]>;
    expect(again["src/cli/usage.ts"][1]).toBe(statSync(source).mtimeMs);
    expect(statSync(BUNDLE).mtimeMs).toBeGreaterThanOrEqual(made);
    expect(again["src/cli/usage.ts"][1]).not.toBe(inputs["src/cli/usage.ts"][1]);
  } finally {
    utimesSync(source, before.atime, before.mtime);
  }
});
