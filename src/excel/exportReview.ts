/**
 * The client-facing review (masked contact details, no manager-only data, nothing of other clients): where
 * Excel.createWorkbook (ExcelApi 1.8) exists, rendered to an .xlsx by src/xlsx and opened as a new workbook —
 * the file renderer (excelize-wasm) is heavy, so it is imported only here, on demand, and stays out of the task
 * pane's first load; elsewhere the review is written as a sheet of this workbook.
 */
import type { IsoDate } from "../domain/types";
import { clientFacingReview } from "../sheets/assetReview";
import type { CommandResult } from "./api";
import { toBase64 } from "./base64";
import { Batch, runWrites } from "./batch";
import { detectCapabilities } from "./capabilities";
import { AS_OF, checkDate, requireClient, requireTables } from "./common";
import { loadBook } from "./readBookTables";
import { findSheet, planRender, queueSheetsInfo, renderOptions, tempNames } from "./renderSheet";

/** Where webpack.config.js puts excelize-wasm's wasm among the task pane's assets. */
export const EXCELIZE_WASM_ASSET = "assets/excelize.wasm.gz";

export async function exportClientReview(clientId: string, asOf: IsoDate): Promise<CommandResult & { mode: "new-workbook" | "sheet" }> {
  checkDate(asOf, AS_OF);
  const caps = detectCapabilities();
  const result = await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const loaded = await loadBook(batch, { extra: queueSheetsInfo });
    requireTables(loaded, ["clients"]);
    const book = loaded.read.book;
    requireClient(book.clients.map((c) => c.clientId), clientId);
    const lang = book.settings.language;
    const spec = clientFacingReview(book, { asOf, lang, clientId }).spec;
    if (caps.createWorkbook) return { syncs: batch.syncs, spec, mode: "new-workbook" as const };
    const sheets = loaded.extra;
    const replaces = findSheet(sheets, spec.name);
    await runWrites(batch, planRender({ spec, ...(replaces ? { replaces } : {}), activate: true }, renderOptions(caps, lang), tempNames(sheets)));
    return { syncs: batch.syncs, spec, mode: "sheet" as const };
  });
  if (result.mode === "new-workbook") {
    const [{ renderSpecs }, { setExcelizeWasmLocation }] = await Promise.all([
      import(/* webpackChunkName: "xlsx" */ "../xlsx/renderSpec"),
      import(/* webpackChunkName: "xlsx" */ "../xlsx/excelize"),
    ]);
    // In the task pane the wasm is one of our own assets (webpack copies it), fetched from our own origin.
    if (typeof document !== "undefined") setExcelizeWasmLocation(new URL(EXCELIZE_WASM_ASSET, document.baseURI).href);
    const bytes = await renderSpecs([result.spec]);
    await Excel.createWorkbook(toBase64(bytes));
  }
  return { syncs: result.syncs, mode: result.mode };
}
