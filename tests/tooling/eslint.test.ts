/**
 * eslint.config.js must keep Office.js batching rules on where Office.js is called, and keep network calls out of
 * add-in code ("Nothing leaves the workbook"). Linting sample code under the project's real paths shows which
 * rules apply where.
 */
import path from "path";
import { eslint, ROOT, ruleIds } from "./lintHarness";

const officeCode = `
export async function highlight(context: Excel.RequestContext, addresses: string[]): Promise<unknown> {
  const range = context.workbook.getSelectedRange();
  const seen = range.values;
  for (const a of addresses) {
    context.workbook.worksheets.getActiveWorksheet().getRange(a).format.fill.color = "yellow";
    await context.sync();
  }
  return seen;
}
`;

const networkCode = `
export async function leak(summary: string): Promise<void> {
  await fetch("https://example.com/collect", { method: "POST", body: summary });
  navigator.sendBeacon("https://example.com/collect", summary);
}
`;

describe("eslint.config.js", () => {
  test("Office.js rules are errors in src/excel", async () => {
    expect(await ruleIds(officeCode, "src/excel/probe.ts")).toEqual([
      "error office-addins/call-sync-before-read",
      "error office-addins/load-object-before-read",
      "error office-addins/no-context-sync-in-loop",
    ]);
  });

  test("Office.js rules also apply in src/taskpane and src/functions, but not to pure code", async () => {
    expect(await ruleIds(officeCode, "src/taskpane/probe.tsx")).toContain("error office-addins/no-context-sync-in-loop");
    expect(await ruleIds(officeCode, "src/functions/probe.ts")).toContain("error office-addins/no-context-sync-in-loop");
    expect(await ruleIds(officeCode, "src/domain/probe.ts")).toEqual([]);
  });

  test("add-in code may not send anything over the network", async () => {
    for (const dir of ["domain", "book", "sheets", "excel", "functions", "taskpane"]) {
      expect(await ruleIds(networkCode, `src/${dir}/probe.ts`)).toEqual(["error no-restricted-globals", "error no-restricted-properties"]);
    }
  });

  test("ESLint's and typescript-eslint's recommended rules apply; tests may use `any`", async () => {
    const code = "export function f(x: any): number {\n  const unused = /[\\-]/;\n  return x;\n}\n";
    expect(await ruleIds(code, "src/domain/probe.ts")).toEqual([
      "error @typescript-eslint/no-explicit-any",
      "error @typescript-eslint/no-unused-vars",
      "error no-useless-escape",
    ]);
    expect(await ruleIds(code, "tests/probe.test.ts")).toEqual(["error @typescript-eslint/no-unused-vars", "error no-useless-escape"]);
  });

  test("build output is ignored", async () => {
    expect(await eslint.isPathIgnored(path.join(ROOT, "dist", "taskpane.js"))).toBe(true);
  });
});
