/**
 * Fake Excel host for tests: an in-memory workbook behind the Office.js API subset ClientBook uses, as strict as
 * Excel about load/sync, errors and payload limits. No Node built-ins, so it also runs bundled in a browser page.
 *
 *   const host = installFakeOffice({ supported: { ExcelApi: "1.12" } });
 *   await Excel.run(async (context) => { ... });   // unchanged add-in code
 *   expect(host.getValues("Sheet1", "A1:B2")).toEqual(...);
 *   host.uninstall();
 */
export { installFakeOffice } from "./host/host";
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
} from "./host/host";
export type { SheetSeed, SyncStats, WorkbookSeed, XlsxDecoder } from "./core/state";
export { knownFilesDecoder } from "./host/known-files";
export { PAYLOAD_LIMIT } from "./core/state";
export type { FormulaEvaluator } from "./core/values";
export type { SupportedSets } from "./core/api-sets";
export { FakeOfficeError } from "./core/errors";
export type { CellValue } from "./core/model";
// For the browser stand-in of Office.js (tests/browser/officejs-standin.ts), which builds Office's globals itself.
export { compareVersions, DEFAULT_SETS } from "./core/api-sets";
export { FakeRequestContext } from "./core/context";
