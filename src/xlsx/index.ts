/** Files: render SheetSpecs to .xlsx, write data tables, read a book's tables back. */
export { getExcelize, setExcelizeWasmLocation, XlsxError } from "./excelize";
export type { Excelize, XlsxFile } from "./excelize";
export { newWorkbook, openWorkbook, sheetNameProblem } from "./workbook";
export { addSpecToFile, renderSpecs } from "./renderSpec";
export type { RenderOptions } from "./renderSpec";
export { finishWorkbook } from "./finish";
export type { FinishOptions } from "./finish";
export { addTableSheet } from "./tables";
export type { TableSheetOptions } from "./tables";
export { findTable, readWorkbookTables } from "./readWorkbook";
export type { HeaderMatcher, RawTableFound, WorkbookTables } from "./readWorkbook";
