/**
 * bin/clientbook.js itself, as a user runs it: exit statuses 0, 1 and 2, messages on the right stream, files
 * written where --out says (folders created). The spawns run concurrently to keep the suite quick.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";

const ROOT = path.resolve(__dirname, "../..");
const BIN = path.join(ROOT, "bin/clientbook.js");

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function clientbook(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd, timeout: 60_000, env: { ...process.env, FORCE_COLOR: "0" } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

let dir: string;
let runs: Record<string, Run>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "clientbook-spawn-"));
  writeFileSync(path.join(dir, "clients.csv"), "\uFEFF客户编号,姓名,生日,风险等级\nC0001,张伟,1980-03-05,C3\nC0002,李娜,1985-02-30,C2\nC0003,王芳,1990-01-02,C7\n");
  const cases: Record<string, string[]> = {
    unknownCommand: ["frobnicate"],
    badLang: ["demo", "--lang", "fr"],
    template: ["template", "--out", "nested/dir/template.xlsx", "--lang", "en-US"],
    importBad: ["import", "clients.csv", "--out", "imported.xlsx"],
    missingFile: ["build", "nope.xlsx", "--out", "o.xlsx"],
    help: ["review", "--help"],
  };
  const entries = await Promise.all(Object.entries(cases).map(async ([k, args]) => [k, await clientbook(args, dir)] as const));
  runs = Object.fromEntries(entries);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("usage errors exit 2 with one line on stderr and nothing on stdout", () => {
  for (const r of [runs.unknownCommand, runs.badLang, runs.missingFile]) {
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.split("\n").filter(Boolean)).toHaveLength(1);
  }
  expect(runs.unknownCommand.stderr).toMatch(/^clientbook: unknown command "frobnicate"/);
  expect(runs.badLang.stderr).toBe('clientbook demo: --lang must be one of zh-CN, zh-TW, en-US, not "fr"\n');
  expect(runs.missingFile.stderr).toBe("clientbook build: no such file: nope.xlsx\n");
  expect(existsSync(path.join(dir, "o.xlsx"))).toBe(false);
});

test("template exits 0, creates the folders of --out and says where it wrote", async () => {
  expect(runs.template).toMatchObject({ code: 0, stderr: "" });
  expect(runs.template.stdout).toMatch(/^wrote nested\/dir\/template\.xlsx\nempty client book template, en-US: Clients, Family, Holdings, Policies, Contacts, Reviews, Settings, Rates\n$/);
  const wb = await readWorkbookTables(new Uint8Array(readFileSync(path.join(dir, "nested/dir/template.xlsx"))));
  expect(wb.tables.map((t) => t.tableName)).toEqual(["Clients", "Family", "Holdings", "Policies", "Contacts", "Reviews", "Settings", "Rates"]);
});

test("an import with rejected rows exits 1, lists each as file:line: column: reason on stderr, and still writes the book", () => {
  expect(runs.importBad.code).toBe(1);
  expect(runs.importBad.stderr).toBe(
    'clients.csv:3: 生日: "1985-02-30" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)\n' +
      'clients.csv:4: 风险等级: "C7" is not one of: C1, C2, C3, C4, C5\n',
  );
  expect(runs.importBad.stdout).toMatch(/^wrote imported\.xlsx\nimported 1 client; 2 rows rejected \(see the import-errors sheet\); zh-CN, in \d+\.\d s\n$/);
  expect(existsSync(path.join(dir, "imported.xlsx"))).toBe(true);
});

test("--help prints the command's help on stdout and exits 0", () => {
  expect(runs.help.code).toBe(0);
  expect(runs.help.stdout).toMatch(/^Usage: clientbook review BOOK\.xlsx --client ID\|NAME --out FILE \[--client-facing\]/);
});
