/**
 * Two promises of the fake host:
 * - it runs in a browser bundle (the end-to-end stand-in for Office.js), so its modules import no Node built-ins
 *   and no package, only each other;
 * - it is typed against @types/office-js: add-in code sees Excel.RequestContext, so a member the real API lacks does
 *   not compile (the @ts-expect-error lines below fail `tsc` if that ever stops being true), and conformance.ts
 *   proves each fake class is a subset of its real class.
 */
import { builtinModules } from "node:module";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { type FakeHost, installFakeOffice } from "../index";

// The host's run-time modules: index.ts and every module of core/, objects/, generated/ and host/ (not its tests).
const DIR = join(__dirname, "..");
const runtimeModules = [
  "index.ts",
  ...["core", "objects", "generated", "host"].flatMap((folder) =>
    readdirSync(join(DIR, folder))
      .filter((f) => f.endsWith(".ts"))
      .map((f) => `${folder}/${f}`),
  ),
];

/** Whether a relative import in `file` resolves to a run-time module of the host (inside DIR, not its tests). */
function insideHost(file: string, specifier: string): boolean {
  if (!specifier.startsWith("./") && !specifier.startsWith("../")) return false;
  const target = relative(DIR, join(DIR, dirname(file), specifier)).split(sep).join("/");
  return runtimeModules.includes(`${target}.ts`);
}

describe("browser-safe modules", () => {
  test("every folder's run-time modules are checked", () => {
    expect(runtimeModules).toEqual(expect.arrayContaining(["index.ts", "core/context.ts", "objects/range.ts", "generated/enums.ts", "host/host.ts"]));
  });

  test.each(runtimeModules)("%s imports only the host's own modules (no Node built-ins, no packages)", (file) => {
    const source = readFileSync(join(DIR, file), "utf8");
    const specifiers = [...source.matchAll(/(?:import|export)[^"';]*?from\s+["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2]);
    const outside = specifiers.filter((s) => !insideHost(file, s));
    expect(outside).toEqual([]);
    const nodeOnly = builtinModules.filter((m) => specifiers.includes(m) || specifiers.includes(`node:${m}`));
    expect(nodeOnly).toEqual([]);
    expect(source).not.toMatch(/(?<![.\w])require\s*\(|(?<![.\w])process\.|(?<![.\w])Buffer\b|__dirname|(?<![.\w])setImmediate\b/);
  });
});

describe("typed against @types/office-js", () => {
  let host: FakeHost;
  beforeEach(() => {
    host = installFakeOffice();
  });
  afterEach(() => host.uninstall());

  test("calls the real API lacks do not compile, and fail at run time too", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      // @ts-expect-error Excel.Range has no setValues(); the real API sets values through the `values` property.
      expect(() => range.setValues([[1]])).toThrow(TypeError);
      // @ts-expect-error Excel.WorksheetCollection has no getByName().
      expect(() => context.workbook.worksheets.getByName("Sheet1")).toThrow(TypeError);
      // @ts-expect-error Range.address is read-only in Office.js.
      expect(() => (range.address = "B2")).toThrow(TypeError);
      await context.sync();
    });
  });

  test("the context handed to Excel.run is the one object cast to Excel.RequestContext", async () => {
    await Excel.run(async (context) => {
      const typed: Excel.RequestContext = context;
      expect(typed.workbook.worksheets).toBe(context.workbook.worksheets);
      await context.sync();
    });
  });
});
