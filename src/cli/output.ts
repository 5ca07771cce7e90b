/**
 * Writing the command's workbooks: data tables first (a complete book), then the output sheets, one at a time so
 * a 5,000-client build never holds 5,000 SheetSpecs at once, with progress after each sheet.
 */
import type { RawTable } from "../book/raw";
import type { Book, IsoDate, Lang } from "../domain/types";
import { bookIndex } from "../sheets/common";
import { assetReview } from "../sheets/assetReview";
import { contactCalendar } from "../sheets/contactCalendar";
import { coverage } from "../sheets/coverage";
import { importErrors } from "../sheets/importErrors";
import { MAX_SHEET_NAME, sanitizeSheetName, sheetNameKey, truncateUnits } from "../sheets/names";
import { profileList } from "../sheets/profileList";
import type { SheetSpec } from "../sheets/spec";
import { todaySheet } from "../sheets/today";
import type { RowError } from "../book/errors";
import type { TableKey } from "../book/schema";
import { addSpecToFile, finishWorkbook, newWorkbook } from "../xlsx";
import { addTableSheet } from "../xlsx/tables";
import type { TableSheetOptions } from "../xlsx/tables";

/** Progress of a long run: `done` of `total` steps, the last one named. */
export type Progress = (done: number, total: number, what: string) => void;

/**
 * Unique sheet names, one at a time, by the rule of src/sheets/names uniqueSheetNames (a repeat ignoring case gets
 * " (2)", " (3)"… within 31 characters) — the same names allSheets gives, without an O(n²) pass per sheet.
 */
export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.used.add(sheetNameKey(t));
  }

  name(wanted: string): string {
    const base = sanitizeSheetName(wanted);
    let name = base;
    for (let k = 2; this.used.has(sheetNameKey(name)); k++) {
      const suffix = ` (${k})`;
      name = truncateUnits(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    this.used.add(sheetNameKey(name));
    return name;
  }
}

/** "YYYY-MM" of the latest contact on or before asOf — the month a manager looks at — else asOf's month. */
export function latestContactMonth(book: Book, asOf: IsoDate): string {
  let latest: IsoDate | undefined;
  for (const c of book.contacts) if (c.date <= asOf && (latest === undefined || c.date > latest)) latest = c.date;
  return (latest ?? asOf).slice(0, 7);
}

export interface OutputSheetsOptions {
  asOf: IsoDate;
  lang: Lang;
  /** Calendar month "YYYY-MM"; default latestContactMonth. */
  month?: string;
}

export interface OutputSheets {
  /** Number of specs the iterable yields. */
  count: number;
  /** Profile list, coverage, contact calendar, Today, then one review per client, built as they are taken. */
  specs: Iterable<SheetSpec>;
}

/** Every output sheet of a book (the sheets of src/sheets allSheets), built lazily. */
export function outputSheets(book: Book, opts: OutputSheetsOptions): OutputSheets {
  const index = bookIndex(book);
  const base = { asOf: opts.asOf, lang: opts.lang, index };
  const month = opts.month ?? latestContactMonth(book, opts.asOf);
  const clients = index.clients.map((c) => c.clientId);
  function* specs(): Generator<SheetSpec> {
    yield profileList(book, base);
    yield coverage(book, base);
    yield contactCalendar(book, { ...base, month });
    yield todaySheet(book, base);
    for (const clientId of clients) yield assetReview(book, { ...base, clientId });
  }
  return { count: 4 + clients.length, specs: specs() };
}

export interface WorkbookPlan {
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
}

/** Tables, output sheets and the import-errors sheet into one .xlsx. */
export async function writeWorkbook(plan: WorkbookPlan): Promise<WrittenWorkbook> {
  const f = await newWorkbook();
  const hasErrors = (plan.errors?.errors.length ?? 0) > 0;
  const total = plan.tables.length + (plan.sheets?.count ?? 0) + (hasErrors ? 1 : 0) + 1;
  let done = 0;
  const step = (what: string) => plan.onProgress?.(++done, total, what);
  const sheets: string[] = [];
  for (const t of plan.tables) {
    addTableSheet(f, t);
    sheets.push(t.sheet);
    step(t.sheet);
  }
  const namer = new SheetNamer(sheets);
  let outputs = 0;
  const place = (spec: SheetSpec) => {
    const name = namer.name(spec.name);
    addSpecToFile(f, name === spec.name ? spec : { ...spec, name });
    sheets.push(name);
    step(name);
    return name;
  };
  let firstOutput: string | undefined;
  for (const spec of plan.sheets?.specs ?? []) {
    const name = place(spec);
    firstOutput ??= name;
    outputs++;
  }
  let errorsSheet: string | undefined;
  if (plan.errors && hasErrors) errorsSheet = place(importErrors({ errors: plan.errors.errors, tables: plan.errors.tables }, { lang: plan.errors.lang }));
  const active =
    plan.active === "first" ? sheets[0] : plan.active === "errors-or-first-output" ? (errorsSheet ?? firstOutput ?? sheets[0]) : (firstOutput ?? sheets[0]);
  const bytes = await finishWorkbook(f, { activeSheet: active, ...(plan.title ? { title: plan.title } : {}) });
  step("saved");
  return { bytes, sheets, tableSheets: plan.tables.length, outputSheets: outputs };
}
