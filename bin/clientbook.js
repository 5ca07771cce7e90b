#!/usr/bin/env node
// The `clientbook` command. Its TypeScript sources are bundled by esbuild into one file under node_modules/.cache
// (made on the first run after `npm ci` or after any source changed: ~0.5 s), then run. Through tsx's per-module
// transform every call from one module into another goes through a getter — the 5,000-client build took 20 % longer
// (47.1/41.4 s against 37.8/33.7 s bundled, alternating runs, 2026-12-07). Where the bundle cannot be made or
// written, the sources run through tsx as before.
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const ENTRY = "src/cli/main.ts";
// one bundle per checkout: worktrees sharing node_modules must not run each other's sources
const key = crypto.createHash("sha256").update(ROOT).digest("hex").slice(0, 12);
const DIR = path.join(ROOT, "node_modules", ".cache", "clientbook");
const BUNDLE = path.join(DIR, `cli-${key}.cjs`);
const INPUTS = path.join(DIR, `cli-${key}.inputs.json`);

/** The bundle, if every file it was made from is as it was then (path → size and mtime). */
function current() {
  try {
    const inputs = JSON.parse(fs.readFileSync(INPUTS, "utf8"));
    for (const [file, [size, mtime]] of Object.entries(inputs)) {
      const st = fs.statSync(path.join(ROOT, file));
      if (st.size !== size || st.mtimeMs !== mtime) return undefined;
    }
    return fs.existsSync(BUNDLE) ? BUNDLE : undefined;
  } catch {
    return undefined;
  }
}

/** Bundles the sources (node_modules left to require) and records what they were made from. */
function bundle() {
  const esbuild = require("esbuild");
  fs.mkdirSync(DIR, { recursive: true });
  const tmp = `${BUNDLE}.${process.pid}.tmp`;
  const result = esbuild.buildSync({
    absWorkingDir: ROOT,
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "cjs",
    target: "node20",
    packages: "external",
    outfile: tmp,
    metafile: true,
    logLevel: "silent",
  });
  const inputs = {};
  for (const file of [...Object.keys(result.metafile.inputs), "tsconfig.json"]) {
    const st = fs.statSync(path.join(ROOT, file));
    inputs[file] = [st.size, st.mtimeMs];
  }
  // each renamed into place whole: runs started at once never read half a file
  fs.renameSync(tmp, BUNDLE);
  const tmpInputs = `${INPUTS}.${process.pid}.tmp`;
  fs.writeFileSync(tmpInputs, JSON.stringify(inputs));
  fs.renameSync(tmpInputs, INPUTS);
  return BUNDLE;
}

let main;
try {
  main = current() ?? bundle();
} catch (e) {
  // (why the bundle could not be made, for whoever debugs: CLIENTBOOK_DEBUG=1, as for the CLI's own errors)
  if (process.env.CLIENTBOOK_DEBUG) process.stderr.write(`clientbook: running through tsx: ${e && e.message}\n`);
  main = undefined;
}
if (main) require(main);
else {
  require("tsx/cjs");
  require(path.join(ROOT, ENTRY));
}
