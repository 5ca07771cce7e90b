/**
 * Writing the command's workbooks: data tables first (a complete book), then the output sheets, one at a time so
 * a 5,000-client build never holds 5,000 SheetSpecs at once, with progress after each sheet. Each sheet is written
 * into the zip as it is made (src/xlsx/packageWriter.ts) and forgotten; only a workbook that keeps sheets of an
 * input file goes through excelize (src/xlsx/keepSheets.ts), which opens that file as it is.
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
import { PackageWriter } from "../xlsx/packageWriter";
import { ChunkSink } from "../xlsx/zipStream";
import { canDeflateInThread, ThreadDeflater } from "./deflateThread";
import type { ByteSink } from "../xlsx/zipStream";
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
  /**
   * Where the file's bytes go as they are made (a file being written); without it they are collected and returned.
   * A workbook that keeps sheets of an input is made whole first and then written to the sink at once.
   */
  sink?: ByteSink;
  /** The writer: part by part (default, when no sheet is kept) or excelize (the older path, kept for comparison). */
  writer?: "stream" | "excelize";
  /**
   * Where the streamed writer deflates a file written to `sink`: in a second thread (default, ./deflateThread.ts)
   * or in this one (the same bytes; for comparison).
   */
  deflate?: "thread" | "inline";
}

export interface WrittenWorkbook {
  /** The file (empty when it went to `plan.sink`). */
  bytes: Uint8Array;
  /** Size of the file in bytes. */
  size: number;
  sheets: string[];
  tableSheets: number;
  outputSheets: number;
  /** Sheets of the input kept as they were. */
  keptSheets: number;
}

/** Tables, output sheets and the import-errors sheet into one .xlsx. */
export async function writeWorkbook(plan: WorkbookPlan): Promise<WrittenWorkbook> {
  const kept = plan.keep?.sheets ?? [];
  if (kept.length === 0 && plan.writer !== "excelize") return streamWorkbook(plan);
  const written = await excelizeWorkbook(plan);
  if (!plan.sink) return written;
  plan.sink.write(written.bytes);
  return { ...written, bytes: new Uint8Array(0) };
}

/** writeWorkbook without kept sheets: every sheet into the zip as it is made (src/xlsx/packageWriter.ts). */
async function streamWorkbook(plan: WorkbookPlan): Promise<WrittenWorkbook> {
  const collect = plan.sink ? undefined : new ChunkSink();
  // a file being written is deflated in a second thread while the next sheet is made (./deflateThread.ts)
  const thread = plan.sink && plan.deflate !== "inline" && canDeflateInThread() ? new ThreadDeflater() : undefined;
  try {
    return writeStreamed(plan, new PackageWriter(plan.sink ?? collect!, thread), collect);
  } finally {
    await thread?.stop();
  }
}

function writeStreamed(plan: WorkbookPlan, w: PackageWriter, collect: ChunkSink | undefined): WrittenWorkbook {
  const hasErrors = (plan.errors?.errors.length ?? 0) > 0;
  const count = plan.sheets?.count ?? 0;
  const total = plan.tables.length + count + (hasErrors ? 1 : 0) + 1;
  let done = 0;
  const step = (what: string) => plan.onProgress?.(++done, total, what);
  // the sheet shown on opening is known before any is written (its tab is selected in its own part)
  const firstOutput = count > 0 ? plan.tables.length : 0;
  const activeAt = plan.active === "first" ? 0 : plan.active === "errors-or-first-output" && hasErrors ? plan.tables.length + count : firstOutput;
  const namer = new SheetNamer([]);
  let at = 0;
  let outputs = 0;
  for (const t of plan.tables) {
    const name = namer.name(t.sheet);
    w.addTable(name === t.sheet ? t : { ...t, sheet: name }, at++ === activeAt);
    step(name);
  }
  for (const spec of plan.sheets?.specs(namer) ?? []) {
    w.addSpec(spec, at++ === activeAt);
    step(spec.name);
    outputs++;
  }
  if (plan.errors && hasErrors) {
    const spec = importErrors({ errors: plan.errors.errors, tables: plan.errors.tables }, { lang: plan.errors.lang });
    const name = namer.name(spec.name);
    w.addSpec(name === spec.name ? spec : { ...spec, name }, at++ === activeAt);
    step(name);
  }
  w.finish(plan.title ? { title: plan.title } : {});
  step("saved");
  const bytes = collect ? collect.bytes() : new Uint8Array(0);
  return { bytes, size: w.bytesWritten, sheets: w.sheets, tableSheets: plan.tables.length, outputSheets: outputs, keptSheets: 0 };
}

/** writeWorkbook through excelize: the whole workbook in its memory, saved at the end. */
async function excelizeWorkbook(plan: WorkbookPlan): Promise<WrittenWorkbook> {
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
  return { bytes, size: bytes.length, sheets: all, tableSheets, outputSheets: outputs, keptSheets: kept.length };
}
