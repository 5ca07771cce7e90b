/**
 * Worksheet.findAll's memoised search (objects/rangeAreas.ts findAllOnSheet) against the plain scan it replaced,
 * kept here as the reference: on random sheets, with random edits through the API between (and inside the batches
 * of) the searches, both give the same areas, and findAll fails with ItemNotFound exactly when the scan finds
 * nothing. Semantics: Worksheet.findAll (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-findall-member(1))
 * and WorksheetSearchCriteria (https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria:
 * completeMatch "matches the entire contents of the cell", default partial; matchCase default false).
 */
import fc from "fast-check";
import "../index";
import { qualified, type Rect } from "../core/addresses";
import { FakeRequestContext } from "../core/context";
import { FakeOfficeError } from "../core/errors";
import { findSheet, keyCol, keyRow, type SheetModel } from "../core/model";
import { HostState } from "../core/state";
import { cellText, cellValue } from "../core/values";

/** The scan findAllOnSheet did before the memo (main at 9c94c06): every cell formatted at every search. */
function referenceScan(host: HostState, sheet: SheetModel, text: string, criteria: { completeMatch?: boolean; matchCase?: boolean }): string | null {
  const complete = criteria.completeMatch === true;
  const matchCase = criteria.matchCase === true;
  const needle = matchCase ? text : text.toLowerCase();
  const hits: { r: number; c: number }[] = [];
  for (const key of sheet.cells.keys()) {
    const r = keyRow(key);
    const col = keyCol(key);
    const cell = sheet.cells.get(key);
    const shown = cell && cell.f === undefined && typeof cell.v === "string" && !cell.q ? cell.v : cellText(sheet, r, col, host.evaluator);
    if (shown === "") continue;
    const hay = matchCase ? shown : shown.toLowerCase();
    if (complete ? hay === needle : hay.includes(needle)) hits.push({ r, c: col });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.c - b.c || a.r - b.r);
  const rects: Rect[] = [];
  for (const h of hits) {
    const last = rects[rects.length - 1];
    if (last && last.c0 === h.c && last.r1 + 1 === h.r) last.r1 = h.r;
    else rects.push({ r0: h.r, c0: h.c, r1: h.r, c1: h.c });
  }
  rects.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return rects.map((x) => qualified(sheet.name, x)).join(", ");
}

const COLS = "ABCDE";
const ROWS = 8;

/** Inputs as a manager (or the add-in) types them: ids in both widths, numbers, dates, percentages, prefixes, formulas. */
const input = fc.constantFrom<unknown>(
  "C0001", "c0001", "Ｃ０００１", "C０００1", "see C0001", "C00012", "'0012", "00123", "12", "-3", "0.5", "1,000", "12%",
  "2024-01-05", "TRUE", "#N/A", "=A1", "=B2&\"x\"", "+86 138", "", null, 0, 1, 1234.5, -0.25, 45000, true, false, "李明", "c",
);
const format = fc.constantFrom("General", "0.00", "@", "yyyy-mm-dd", "0%", '"C"0000', "#,##0", "0;-0;\"zero\"", '@" ok"');
const needle = fc.constantFrom("C0001", "c0001", "0001", "C", "ｃ", "０", "1", "0", "12", "0.5", "1.00", "TRUE", "%", "2024", "李", "x", "zero", "ok", "#N/A", "C00012");
const criteria = fc.record({ completeMatch: fc.boolean(), matchCase: fc.boolean() }, { requiredKeys: [] });
const cellAt = fc.record({ r: fc.integer({ min: 1, max: ROWS }), c: fc.integer({ min: 0, max: COLS.length - 1 }) });
const block = fc.record({ r: fc.integer({ min: 1, max: ROWS }), c: fc.integer({ min: 0, max: COLS.length - 1 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) });

type Edit =
  | { kind: "values"; at: { r: number; c: number; h: number; w: number }; grid: unknown[] }
  | { kind: "formula"; at: { r: number; c: number }; formula: string }
  | { kind: "numberFormat"; at: { r: number; c: number; h: number; w: number }; format: string }
  | { kind: "columnFormat" | "rowFormat"; index: number; format: string }
  | { kind: "insert" | "delete"; at: { r: number; c: number; h: number; w: number }; down: boolean }
  | { kind: "clear"; at: { r: number; c: number; h: number; w: number }; what: "All" | "Formats" | "Contents" }
  | { kind: "rename"; name: string }
  | { kind: "table"; at: { r: number; c: number }; rows: unknown[] }
  | { kind: "evaluator"; which: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("values" as const), at: block, grid: fc.array(input, { minLength: 9, maxLength: 9 }) }),
  fc.record({ kind: fc.constant("formula" as const), at: cellAt, formula: fc.constantFrom("=A2", "=B3&\"x\"", "=SUM(A2:A3)", "=NOW()") }),
  fc.record({ kind: fc.constant("numberFormat" as const), at: block, format }),
  fc.record({ kind: fc.constantFrom("columnFormat" as const, "rowFormat" as const), index: fc.integer({ min: 0, max: 4 }), format }),
  fc.record({ kind: fc.constantFrom("insert" as const, "delete" as const), at: block, down: fc.boolean() }),
  fc.record({ kind: fc.constant("clear" as const), at: block, what: fc.constantFrom("All" as const, "Formats" as const, "Contents" as const) }),
  fc.record({ kind: fc.constant("rename" as const), name: fc.constantFrom("资产", "Data", "C0001 sheet") }),
  fc.record({ kind: fc.constant("table" as const), at: cellAt, rows: fc.array(input, { minLength: 2, maxLength: 2 }) }),
  fc.record({ kind: fc.constant("evaluator" as const), which: fc.integer({ min: 0, max: 2 }) }),
);

function address(at: { r: number; c: number; h?: number; w?: number }): string {
  const h = at.h ?? 1;
  const w = Math.min(at.w ?? 1, COLS.length - at.c);
  return `${COLS[at.c]}${at.r}:${COLS[at.c + w - 1]}${at.r + h - 1}`;
}

/** Formula results that depend on other cells of the book (as HyperFormula's would), or on nothing (undefined: the cached value). */
function evaluatorOf(state: HostState, which: number): HostState["evaluator"] {
  if (which === 0) return undefined;
  return (formula, at) => {
    const sheet = findSheet(state.book, at.sheet);
    if (!sheet) return undefined;
    const a2 = cellValue(sheet, 1, 0);
    return which === 1 ? `${formula.length}:${String(a2)}` : typeof a2 === "number" ? a2 * 2 : undefined;
  };
}

/** Queues one edit on the sheet `name` (a batch that fails — an insert into a table, say — is part of the game). */
function queue(ctx: FakeRequestContext, state: HostState, sheetName: () => string, e: Edit): void {
  const ws = ctx.workbook.worksheets.getItem(sheetName());
  switch (e.kind) {
    case "values": {
      const w = Math.min(e.at.w, COLS.length - e.at.c);
      ws.getRange(address(e.at)).values = Array.from({ length: e.at.h }, (_, i) => Array.from({ length: w }, (_, j) => e.grid[i * 3 + j] as string));
      break;
    }
    case "formula":
      ws.getRange(address(e.at)).formulas = [[e.formula]];
      break;
    case "numberFormat":
      (ws.getRange(address(e.at)) as unknown as { numberFormat: unknown }).numberFormat = e.format;
      break;
    case "columnFormat":
      (ws.getRange(`${COLS[e.index]}:${COLS[e.index]}`) as unknown as { numberFormat: unknown }).numberFormat = e.format;
      break;
    case "rowFormat":
      (ws.getRange(`${e.index + 1}:${e.index + 1}`) as unknown as { numberFormat: unknown }).numberFormat = e.format;
      break;
    case "insert":
      ws.getRange(address(e.at)).insert(e.down ? "Down" : "Right");
      break;
    case "delete":
      ws.getRange(address(e.at)).delete(e.down ? "Up" : "Left");
      break;
    case "clear":
      ws.getRange(address(e.at)).clear(e.what);
      break;
    case "rename":
      ws.name = e.name;
      break;
    case "table": {
      const t = ws.tables.add(address({ r: e.at.r, c: e.at.c, h: 2, w: 2 }), true);
      t.rows.add(undefined, [e.rows.slice(0, Math.min(2, COLS.length - e.at.c)) as string[]]);
      break;
    }
    case "evaluator":
      state.evaluator = evaluatorOf(state, e.which);
      break;
  }
}

/** Syncs; false when the batch failed (its loads are then not delivered). */
async function syncQuietly(ctx: FakeRequestContext): Promise<boolean> {
  try {
    await ctx.sync();
    return true;
  } catch (error) {
    if (!(error instanceof FakeOfficeError)) throw error;
    return false;
  }
}

describe("findAll's memoised search against the plain scan", () => {
  test("random sheets, random edits between and inside the searches' batches: the same areas, ItemNotFound when none", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(input, { minLength: COLS.length, maxLength: COLS.length }), { minLength: 1, maxLength: ROWS }),
        fc.array(fc.record({ edit, inBatch: fc.boolean(), searches: fc.array(fc.record({ text: needle, criteria }), { minLength: 1, maxLength: 3 }) }), { minLength: 1, maxLength: 12 }),
        async (rows, steps) => {
          const state = new HostState();
          const ctx = new FakeRequestContext(state);
          const sheet = state.book.sheets[0];
          // By id (Worksheet ids are kept through a rename): a batch that renames the sheet still finds it.
          const name = () => sheet.id;
          ctx.workbook.worksheets.getItem(name()).getRange(`A1:E${rows.length}`).values = rows as string[][];
          await syncQuietly(ctx);
          for (const step of steps) {
            queue(ctx, state, name, step.edit);
            if (!step.inBatch) await syncQuietly(ctx);
            // Searched in the batch after the edit (or in the edit's own batch): the scan runs on the book as it is then.
            const found = step.searches.map((s) => ({ s, areas: ctx.workbook.worksheets.getItem(name()).findAllOrNullObject(s.text, s.criteria).load("address") }));
            // A batch that failed (an edit Excel refuses, e.g. an insert across a table) delivers no search result.
            if (!(await syncQuietly(ctx))) continue;
            for (const { s, areas } of found) {
              const expected = referenceScan(state, sheet, s.text, s.criteria);
              expect({ s, got: areas.isNullObject ? null : areas.address }).toEqual({ s, got: expected });
            }
            // findAll (not OrNullObject) fails exactly when the scan finds nothing.
            const s = step.searches[0];
            const strict = ctx.workbook.worksheets.getItem(name()).findAll(s.text, s.criteria).load("address");
            let code: string | undefined;
            try {
              await ctx.sync();
            } catch (error) {
              if (!(error instanceof FakeOfficeError)) throw error;
              code = error.code;
            }
            const expected = referenceScan(state, sheet, s.text, s.criteria);
            expect(code === undefined ? strict.address : code).toBe(expected ?? "ItemNotFound");
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  test("a hand-checked case: a number shown through its format is found by its shown text, and again after the format changes", async () => {
    const state = new HostState();
    const ctx = new FakeRequestContext(state);
    const ws = ctx.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:B1").values = [[0.5, "C0001"]];
    (ws.getRange("A1") as unknown as { numberFormat: unknown }).numberFormat = "0%";
    const pct = ws.findAllOrNullObject("50%", {}).load("address");
    await ctx.sync();
    // 0.5 in "0%" shows as 50% (Excel's percentage format multiplies by 100).
    expect(pct.address).toBe("Sheet1!A1");
    (ws.getRange("A:A") as unknown as { numberFormat: unknown }).numberFormat = "0.00";
    // A whole column's format goes to the column's layer and to the cells it holds (A1 now "0.00"); with A1's own
    // format cleared, the column's layer still shows 0.5 as 0.50, and nothing shows 50% any more.
    ws.getRange("A1").clear("Formats");
    const after = ws.findAllOrNullObject("0.50", { completeMatch: true }).load("address");
    const gone = ws.findAllOrNullObject("50%", {}).load("address");
    await ctx.sync();
    expect(after.address).toBe("Sheet1!A1");
    expect(gone.isNullObject).toBe(true);
  });
});
