/**
 * Ids and names a user can type — differing only in case, or holding Excel's criteria wildcards and operators
 * (* ? ~ < > =) — must not change what the coverage and profile-list formulas compute after a recalculation.
 *
 * Before: the coverage sheet summed with SUMIFS(…, client id), and Excel's criteria are case-insensitive and read
 * * ? ~ < > = as wildcards and operators; LibreOffice measured own life cover 3,000 instead of 1,000 for C001/c001,
 * 25,000 instead of 5,000 for C*, 0 instead of 6,000 for <>C001. Now each client's figures are SUMIFS over its own
 * block of rows with criteria on the sheet's own labels only (src/sheets/coverage.ts).
 *
 * Checked with two third parties: HyperFormula (always) and LibreOffice headless (recalculating on load; skipped
 * with a message when soffice is missing, except in CI). Every formula recalculates to our cached value (±0.005),
 * no cell is an error, and the own life cover of each client is the hand-written figure below.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { emptyBook, type Book, type Policy } from "../../src/domain/types";
import { coverage, profileList, COVERAGE_COLUMNS as CV } from "../../src/sheets";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { cellName } from "../../src/sheets/a1";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { recalc, rowsWhere, shown, at } from "../sheets/helpers";
import { findSoffice, recalcToXlsx } from "./libreoffice";

const AS_OF = "2026-11-23";
const ERROR_VALUE = /^(#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)|Err:\d+)/;

/** id, name, own life cover (hand-written: the one in-force life policy insuring the client). */
const CLIENTS: [string, string, number][] = [
  ["C001", "张伟", 1_000],
  ["c001", "=1+1", 2_000],
  ["C*", "*", 5_000],
  ["<>C001", "<>李", 6_000],
  ["=X", "=X", 7_000],
  [">A", "张?", 8_000],
  ["C?01", "~*", 9_000],
  ["~C*", "王 芳", 4_000],
];

function hostileBook(): Book {
  const b = emptyBook();
  let n = 0;
  const pol = (clientId: string, insured: string, extra: Partial<Policy>): Policy => ({
    policyId: `P${++n}`, clientId, insured, policyType: "Life", insurer: "平安人寿", sumInsured: 0, annualPremium: 100,
    criticalIllness: false, status: "InForce", startDate: "2020-01-01", ...extra,
  });
  for (const [id, name, life] of CLIENTS) {
    b.clients.push({ clientId: id, name, annualIncome: 100_000 });
    b.family.push({ clientId: id, name: `${name}*配偶`, relation: "Spouse" });
    b.holdings.push(
      { holdingId: `H-${id}-1`, clientId: id, assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: life * 10 },
      { holdingId: `H-${id}-2`, clientId: id, assetClass: "Fund", productName: "*", institution: "<>招商银行", amount: life },
      { holdingId: `H-${id}-3`, clientId: id, assetClass: "Property", productName: "自住房", institution: "自有", amount: 1_000_000 },
      { holdingId: `H-${id}-4`, clientId: id, assetClass: "Loan", productName: "房贷", institution: "ThisBank", amount: 50_000 },
    );
    b.policies.push(
      pol(id, name, { sumInsured: life }),
      pol(id, name, { policyType: "CriticalIllness", sumInsured: 300, criticalIllness: true }),
      pol(id, name, { sumInsured: 50_000, startDate: "2005-01-01", termYears: 20 }), // term over, still 有效: not cover
      pol(id, `${name}*配偶`, { policyType: "Medical", sumInsured: 20_000, termYears: 1, startDate: "2026-06-01" }),
      pol(id, name, { sumInsured: 3_000, criticalIllness: true, criticalIllnessSum: 700, status: "Lapsed" }),
    );
  }
  return b;
}

const book = hostileBook();
const specs: SheetSpec[] = [
  coverage(book, { asOf: AS_OF, lang: "zh-CN" }),
  { ...coverage(book, { asOf: AS_OF, lang: "en-US" }), name: "Coverage" },
  profileList(book, { asOf: AS_OF, lang: "zh-CN" }),
];

test("the cached own cover is the hand-written figure for every hostile id (life; CI = the CI policy's 300)", () => {
  const s = specs[0];
  for (const [id, , life] of CLIENTS) {
    const r = rowsWhere(s, CV.clientId, id)[0];
    expect([id, shown(at(s, r, CV.lifeCover)), shown(at(s, r, CV.ciCover))]).toEqual([id, life, 300]);
    // 双十 base: own covering protection premiums 100 (life) + 100 (CI) = 200 over income 100,000 = 0.2 %
    expect([id, shown(at(s, r, CV.premiumRatio))]).toEqual([id, 200 / 100_000]);
  }
});

function mismatches(spec: SheetSpec, value: (r: number, c: number) => unknown): string[] {
  const out: string[] = [];
  spec.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      if (!isFormula(v)) return;
      const got = value(r, c) ?? null;
      const want = v.cached;
      const where = `${spec.name}!${cellName(c + 1, r + 1)} ${v.f}`;
      if (typeof got === "string" && ERROR_VALUE.test(got)) out.push(`${where}: error ${got}`);
      else if (typeof want === "number") {
        if (typeof got !== "number" || Math.abs(got - want) > 0.005) out.push(`${where}: got ${JSON.stringify(got)}, ours ${want}`);
      } else if ((got ?? "") !== want) out.push(`${where}: got ${JSON.stringify(got)}, ours ${JSON.stringify(want)}`);
    }),
  );
  return out;
}

test.each(specs.map((s) => [s.name, s] as const))("HyperFormula recalculates %s to our cached values", (_name, spec) => {
  const values = recalc(spec);
  const got = (r: number, c: number) => {
    const v = values.get(cellName(c + 1, r + 1));
    return typeof v === "object" && v !== null ? `#${String((v as { type?: string }).type ?? "ERROR")}` : v;
  };
  expect(mismatches(spec, got)).toEqual([]);
});

const SOFFICE = findSoffice();
if (!SOFFICE && process.env.CI !== "true") console.warn("SKIPPED the hostile-ids LibreOffice test: soffice was not found.");
(SOFFICE ? describe : describe.skip)("LibreOffice recalculates a book of hostile ids to our cached values", () => {
  let work: string;
  let grids: Map<string, unknown[][]>;
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-hostile-"));
    const file = path.join(work, "hostile.xlsx");
    writeFileSync(file, await renderSpecs(specs));
    const out = await recalcToXlsx(file, path.join(work, "recalc"), { timeoutMs: 200_000 });
    grids = (await readWorkbookTables(new Uint8Array(readFileSync(out)))).grids as Map<string, unknown[][]>;
  }, 240_000);
  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });
  test.each(specs.map((s) => [s.name, s] as const))("%s: every formula equals our cached value (±0.005), no error", (_name, spec) => {
    const grid = grids.get(spec.name)!;
    expect(grid).toBeDefined();
    expect(mismatches(spec, (r, c) => grid[r]?.[c])).toEqual([]);
  });
  test("own life cover per hostile id, as LibreOffice computes it, is the hand-written figure", () => {
    const grid = grids.get(specs[0].name)!;
    for (const [id, , life] of CLIENTS) {
      const r = rowsWhere(specs[0], CV.clientId, id)[0];
      expect([id, grid[r - 1][CV.lifeCover - 1]]).toEqual([id, life]);
    }
  });
});
