/**
 * Fake Excel host for tests: an in-memory workbook behind the Office.js API subset ClientBook uses, as strict as
 * Excel about load/sync, errors and payload limits. No Node built-ins, so it also runs bundled in a browser page.
 *
 *   const host = installFakeOffice({ supported: { ExcelApi: "1.12" } });
 *   await Excel.run(async (context) => { ... });   // unchanged add-in code
 *   expect(host.getValues("Sheet1", "A1:B2")).toEqual(...);
 *   host.uninstall();
 */
export { installFakeOffice } from "./host";
export type {
  CellView,
  ChartView,
  CommentView,
  FakeHost,
  FakeOfficeOptions,
  NoteView,
  ResolvedFormat,
  SheetSnapshot,
  SheetView,
  TableView,
  ValidationView,
  WorkbookSnapshot,
} from "./host";
export type { SheetSeed, SyncStats, WorkbookSeed, XlsxDecoder } from "./state";
export { knownFilesDecoder } from "./known-files";
export { PAYLOAD_LIMIT } from "./state";
export type { FormulaEvaluator } from "./values";
export type { SupportedSets } from "./api-sets";
export { FakeOfficeError } from "./errors";
export type { CellValue } from "./model";
