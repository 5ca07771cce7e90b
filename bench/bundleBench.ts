/** Gzipped size of the task pane's initial load and of the custom-functions code, from dist/bundle-size.json. */
import { existsSync, readFileSync, statSync } from "fs";
import path from "path";
import { ROOT } from "./filesBench";
import type { Recorder } from "./measure";
import { childFailure, runNode } from "./spawn";

export const BUNDLE_FIGURES = ["bundle.initial.gzipKB", "bundle.functions.gzipKB", "bundle.async.gzipKB"];
const REPORT = path.join(ROOT, "dist", "bundle-size.json");

interface BundleReport {
  limit?: number;
  initialTaskpaneGzip: number;
  functionsGzip: number;
  asyncChunksGzip: number;
}

function readReport(): BundleReport {
  const data = JSON.parse(readFileSync(REPORT, "utf8")) as Record<string, unknown>;
  for (const k of ["initialTaskpaneGzip", "functionsGzip", "asyncChunksGzip"]) {
    if (typeof data[k] !== "number" || !Number.isFinite(data[k])) throw new Error(`dist/bundle-size.json: "${k}" must be a number of bytes, got ${JSON.stringify(data[k])}`);
  }
  return data as unknown as BundleReport;
}

/**
 * In --quick mode the existing build is measured (a missing one is reported as "not built"); a full run always
 * builds first, so its figures are of the sources measured, never of an older dist/ left in the checkout.
 */
export async function bundleBench(rec: Recorder, quick: boolean): Promise<void> {
  let built = "";
  if (quick && !existsSync(REPORT)) {
    rec.missingRest(BUNDLE_FIGURES, null, "not built (no dist/bundle-size.json; `npm run build` writes it)");
    return;
  }
  if (!quick) {
    const webpack = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
    const run = await runNode([webpack, "--mode", "production"], { cwd: ROOT, timeoutMs: 20 * 60 * 1000 });
    if (run.code !== 0 || !existsSync(REPORT)) throw new Error(childFailure("webpack --mode production", run));
    built = "built by this run";
  }
  const report = readReport();
  const when = built || `dist built ${statSync(REPORT).mtime.toISOString().slice(0, 16).replace("T", " ")}`;
  const limit = report.limit;
  const verdict = typeof limit === "number" ? `; limit ${(limit / 1024).toFixed(0)} KB: ${report.initialTaskpaneGzip <= limit ? "OK" : "OVER"}` : "";
  rec.add("bundle.initial.gzipKB", null, [report.initialTaskpaneGzip / 1024], `${when}${verdict}`);
  rec.add("bundle.functions.gzipKB", null, [report.functionsGzip / 1024]);
  rec.add("bundle.async.gzipKB", null, [report.asyncChunksGzip / 1024]);
}
