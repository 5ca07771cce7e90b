/**
 * Writing the command's workbooks: data tables first (a complete book), then the output sheets, one at a time so
 * a 5,000-client build never holds 5,000 SheetSpecs at once, with progress after each sheet.
 */
import type { RawTable } from "../book/raw";
import type { Book, Lang } from "../domain/types";
import { importErrors } from "../sheets/importErrors";
import { SheetNamer } from "../sheets/names";
import { outputPlan, type OutputPlanOptions } from "../sheets/plan";
import type { SheetSpec } from "../sheets/spec";
import type { RowError } from "../book/errors";
import type { TableKey } from "../book/schema";
import { addSpecToFile, finishWorkbook, newWorkbook } from "../xlsx";
import { moveSheetsBefore, openKeeping } from "../xlsx/keepSheets";
import { addTableSheet } from "../xlsx/tables";
import type { TableSheetOptions } from "../xlsx/tables";

/** Progress of a long run: `done` of `total` steps, the last one named. */
export type Progress = (done: number, total: number, what: string) => void;

export type OutputSheetsOptions = Omit<OutputPlanOptions, "reviews">;

export interface OutputSheets {
  /** Number of specs `specs` yields. */
  count: number;
  /**
   * The specs in order, each built as it is taken, under its final name: every name is taken from `namer` (the
   * workbook's: its tables and kept sheets) before the first spec is built, so links between them hold.
   */
  specs(namer: SheetNamer): Iterable<SheetSpec>;
}

/** Every output sheet of a book: the output plan of src/sheets/plan (a review per client), built lazily. */
export function outputSheets(book: Book, opts: OutputSheetsOptions, reviews: OutputPlanOptions["reviews"] = "all"): OutputSheets {
  const plan = outputPlan(book, { ...opts, reviews });
  return { count: plan.sheets.length, specs: (namer) => plan.specs(namer) };
}

export interface WorkbookPlan {
  /**
   * An input workbook whose sheets `sheets` (a manager's own: neither the book's tables nor ClientBook's outputs)
   * are kept with their content, after the tables; the names of the sheets added are made unique against them.
   */
  keep?: { bytes: Uint8Array; sheets: readonly string[] };
  tables: TableSheetOptions[];
  sheets?: OutputSheets;
  /** Rows that were not read: an import-errors sheet after the others, in `lang`. */
  errors?: { errors: readonly RowError[]; tables: Partial<Record<TableKey, RawTable>>; lang: Lang };
  /** Sheet to show when the file opens: "first-output" (default), "errors" when there are errors, or a name. */
  active?: "first-output" | "errors-or-first-output" | "first";
  title?: string;
  onProgress?: Progress;
}

export interface WrittenWorkbook {
  bytes: Uint8Array;
  sheets: string[];
  tableSheets: number;
  outputSheets: number;
  /** Sheets of the input kept as they were. */
  keptSheets: number;
}

/** Tables, output sheets and the import-errors sheet into one .xlsx. */
export async function writeWorkbook(plan: WorkbookPlan): Promise<WrittenWorkbook> {
  const kept = plan.keep?.sheets ?? [];
  const f = kept.length > 0 ? await openKeeping(plan.keep!.bytes, kept) : await newWorkbook();
  const hasErrors = (plan.errors?.errors.length ?? 0) > 0;
  const total = plan.tables.length + (plan.sheets?.count ?? 0) + (hasErrors ? 1 : 0) + 1;
  let done = 0;
  const step = (what: string) => plan.onProgress?.(++done, total, what);
  const sheets: string[] = [];
  // one naming rule for every sheet added: a name a kept sheet has gets " (2)"
  const namer = new SheetNamer(kept);
  for (const t of plan.tables) {
    const name = namer.name(t.sheet);
    addTableSheet(f, name === t.sheet ? t : { ...t, sheet: name });
    sheets.push(name);
    step(name);
  }
  const tableSheets = sheets.length;
  let outputs = 0;
  const place = (spec: SheetSpec) => {
    const name = namer.name(spec.name);
    addSpecToFile(f, name === spec.name ? spec : { ...spec, name });
    sheets.push(name);
    step(name);
    return name;
  };
  let firstOutput: string | undefined;
  for (const spec of plan.sheets?.specs(namer) ?? []) {
    // named by the plan from this namer already
    addSpecToFile(f, spec);
    sheets.push(spec.name);
    step(spec.name);
    firstOutput ??= spec.name;
    outputs++;
  }
  let errorsSheet: string | undefined;
  if (plan.errors && hasErrors) errorsSheet = place(importErrors({ errors: plan.errors.errors, tables: plan.errors.tables }, { lang: plan.errors.lang }));
  // the kept sheets stand after the tables, before the outputs, in their own order
  if (kept.length > 0 && sheets.length > tableSheets) moveSheetsBefore(f, kept, sheets[tableSheets]);
  const active =
    plan.active === "first" ? sheets[0] : plan.active === "errors-or-first-output" ? (errorsSheet ?? firstOutput ?? sheets[0]) : (firstOutput ?? sheets[0]);
  const bytes = await finishWorkbook(f, { activeSheet: active, ...(plan.title ? { title: plan.title } : {}) });
  step("saved");
  const all = [...sheets.slice(0, tableSheets), ...(sheets.length > tableSheets ? kept : []), ...sheets.slice(tableSheets), ...(sheets.length > tableSheets ? [] : kept)];
  return { bytes, sheets: all, tableSheets, outputSheets: outputs, keptSheets: kept.length };
}
