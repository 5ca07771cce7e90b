/**
 * Lints a snippet as if it stood at a path of the repository, with the project's own eslint.config.js, for the
 * tooling tests that check which rules apply where (eslint, layers, the fake host's front door).
 */
import { createRequire } from "module";
import path from "path";
import { ESLint, type Linter } from "eslint";

export const ROOT = path.resolve(__dirname, "..", "..");
// ESLint loads config files with a dynamic import, which Jest's module system does not run; pass the same
// config array in directly instead.
const config = createRequire(__filename)(path.join(ROOT, "eslint.config.js")) as Linter.Config[];
export const eslint = new ESLint({ cwd: ROOT, overrideConfigFile: true, overrideConfig: config });

/** The rules that fired on `code` at `file` (a path in the repository; the file need not exist), "error rule-id". */
export async function ruleIds(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return [...new Set(result.messages.map((m) => `${m.severity === 2 ? "error" : "warning"} ${m.ruleId}`))].sort();
}

export const IMPORT_ERROR = ["error no-restricted-imports"];
export const SYNTAX_ERROR = ["error no-restricted-syntax"];
