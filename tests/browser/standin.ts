/**
 * Builds the Office.js stand-in (officejs-standin.ts with tests/fake-excel) through webpack's Node API, with the
 * config in webpack.officejs.config.js, and returns the script's text for page.route to serve.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import webpack from "webpack";

const makeConfig = createRequire(__filename)(path.join(__dirname, "webpack.officejs.config.js")) as (env: { outDir?: string }) => webpack.Configuration;

export async function buildOfficeStandIn(): Promise<string> {
  const outDir = mkdtempSync(path.join(tmpdir(), "clientbook-officejs-"));
  try {
    const compiler = webpack(makeConfig({ outDir }));
    const stats = await new Promise<webpack.Stats | undefined>((resolve, reject) => compiler.run((err, s) => (err ? reject(err) : resolve(s))));
    await new Promise<void>((resolve) => compiler.close(() => resolve()));
    if (!stats || stats.hasErrors()) {
      const errors = stats?.toJson({ all: false, errors: true }).errors ?? [];
      throw new Error(`The Office.js stand-in did not build:\n${errors.map((e) => e.message).join("\n")}`);
    }
    return readFileSync(path.join(outDir, "office.js"), "utf8");
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
