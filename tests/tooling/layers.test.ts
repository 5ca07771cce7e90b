/**
 * The layer rule of eslint.config.js: src/ imports one way only (domain → book/sample → sheets/functions → xlsx →
 * excel/cli → taskpane, src/i18n shared over domain), and `Excel.*` is called only in src/excel. Each fixture below
 * is a one-line module linted as if it stood at a path in src/; a wrong import must fail, a right one pass. The
 * expected directions are restated here by hand from the design's layer table ("may import"), not read from the config.
 */
import { ruleIds, IMPORT_ERROR, SYNTAX_ERROR } from "./lintHarness";


// The design's "may import" table, with src/i18n (language helpers over domain types) and src/sample (the seeded demo book,
// over domain and book) placed as the layering puts them; the task pane may import all but the CLI.
const MAY_IMPORT: Record<string, string[]> = {
  domain: [],
  i18n: ["domain"],
  book: ["domain", "i18n"],
  sample: ["domain", "book", "i18n"],
  sheets: ["domain", "book", "i18n"],
  functions: ["domain", "i18n"],
  xlsx: ["domain", "book", "sheets", "i18n"],
  excel: ["domain", "book", "sheets", "i18n"],
  cli: ["domain", "book", "sheets", "xlsx", "sample", "i18n"],
  taskpane: ["domain", "book", "sample", "sheets", "functions", "excel", "i18n", "xlsx"],
};
const FOLDERS = Object.keys(MAY_IMPORT);

describe("layers: which folder of src/ may import which", () => {
  test.each(FOLDERS)("src/%s imports only the folders below it", async (from) => {
    const verdicts: Record<string, string[]> = {};
    const expected: Record<string, string[]> = {};
    for (const to of FOLDERS) {
      if (to === from) continue;
      // The folder's front door (index.ts); imports of its modules are checked below.
      verdicts[to] = await ruleIds(`export { probe } from "../${to}";\n`, `src/${from}/probe.ts`);
      expected[to] = MAY_IMPORT[from].includes(to) ? [] : IMPORT_ERROR;
    }
    expect(verdicts).toEqual(expected);
  });

  test("a wrong import fails at any depth and in any form; the right one passes", async () => {
    // The defect this rule was made for: the Excel layer importing the file renderer and the sample generator.
    expect(await ruleIds(`import { renderSpecs } from "../xlsx/renderSpec";\nvoid renderSpecs;\n`, "src/excel/exportReview.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import { sampleBook } from "../sample";\nvoid sampleBook;\n`, "src/excel/loadSample.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`export async function f() {\n  return import("../xlsx/renderSpec");\n}\n`, "src/excel/probe.ts")).toEqual(SYNTAX_ERROR);
    expect(await ruleIds(`export * from "../sheets/spec";\n`, "src/book/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import type { Book } from "../domain/types";\nexport type B = Book;\n`, "src/book/probe.ts")).toEqual([]);
    expect(await ruleIds(`import type { SheetSpec } from "../../sheets/spec";\nexport type S = SheetSpec;\n`, "src/domain/sub/probe.ts")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import type { Book } from "../../domain/types";\nexport type B = Book;\n`, "src/taskpane/pages/probe.tsx")).toEqual([]);
    expect(await ruleIds(`import { runCli } from "../../cli/main";\nvoid runCli;\n`, "src/taskpane/pages/probe.tsx")).toEqual(IMPORT_ERROR);
    expect(await ruleIds(`import { readBookFile } from "../bookInput";\nvoid readBookFile;\n`, "src/cli/commands/probe.ts")).toEqual([]);
    expect(await ruleIds(`import { createCommands } from "../../excel/commands";\nvoid createCommands;\n`, "src/cli/commands/probe.ts")).toEqual(IMPORT_ERROR);
    // The pane's own modules share names with layers (src/taskpane/i18n.ts): "../i18n" from a page is the pane's.
    expect(await ruleIds(`import { t } from "../i18n";\nvoid t;\n`, "src/taskpane/pages/probe.tsx")).toEqual([]);
  });

  test("the task pane reaches src/xlsx through its front door only", async () => {
    expect(await ruleIds(`export async function f() {\n  return import("../xlsx");\n}\n`, "src/taskpane/probe.ts")).toEqual([]);
    expect(await ruleIds(`export async function f() {\n  return import("../xlsx/renderSpec");\n}\n`, "src/taskpane/probe.ts")).toEqual(SYNTAX_ERROR);
    expect(await ruleIds(`import { zip } from "../../xlsx/zip";\nvoid zip;\n`, "src/taskpane/model/probe.ts")).toEqual(IMPORT_ERROR);
  });

  test("tests and bench may import any layer", async () => {
    const code = `import { renderSpecs } from "../../src/xlsx/renderSpec";\nimport { sampleBook } from "../../src/sample";\nvoid renderSpecs;\nvoid sampleBook;\n`;
    expect(await ruleIds(code, "tests/excel/probe.test.ts")).toEqual([]);
    expect(await ruleIds(code, "bench/sub/probe.ts")).toEqual([]);
  });
});

describe("layers: Excel.* only in src/excel", () => {
  const call = `export async function probe(): Promise<void> {\n  await Excel.run(async (ctx) => ctx.sync());\n}\n`;

  test.each(FOLDERS.filter((f) => f !== "excel"))("src/%s may not call Excel.*", async (folder) => {
    expect(await ruleIds(call, `src/${folder}/probe.ts`)).toEqual(SYNTAX_ERROR);
  });

  test("src/excel and the tests may", async () => {
    expect(await ruleIds(call, "src/excel/probe.ts")).toEqual([]);
    expect(await ruleIds(call, "tests/fake-excel/probe.ts")).toEqual([]);
  });

  test("checking that Excel exists (typeof Excel) is not a call, and is allowed", async () => {
    expect(await ruleIds(`export const inExcel = typeof Excel !== "undefined";\n`, "src/taskpane/probe.ts")).toEqual([]);
  });
});
