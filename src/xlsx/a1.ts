/**
 * A1 addresses for the file writer: the canonical helpers live in src/sheets/a1.ts (the lower layer); this module
 * adds only the limits the .xlsx format itself puts on a cell.
 */
export * from "../sheets/a1";

/** Longest text a cell may hold. */
export const MAX_TEXT = 32767;
/** Longest formula Excel accepts. */
export const MAX_FORMULA = 8192;
