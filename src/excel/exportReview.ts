/**
 * The client-facing review (masked contact details, no manager-only data, nothing of other clients): where
 * Excel.createWorkbook (ExcelApi 1.8) exists, rendered to an .xlsx by the file renderer the caller passes in
 * (src/xlsx's renderSpecs; the pane loads it on demand, src/taskpane/paneCommands.ts) and opened as a new
 * workbook; elsewhere the review is written as a sheet of this workbook.
 */
import type { IsoDate } from "../domain/types";
import type { SheetSpec } from "../sheets/spec";
import { clientFacingReview } from "../sheets/clientFacingReview";
import type { CommandResult } from "./api";
import { toBase64 } from "./base64";
import { Batch, runWrites } from "./batch";
import { detectCapabilities } from "./capabilities";
import { AS_OF, checkDate, requireClient, requireTables } from "./common";
import { loadClient } from "./clientRead";
import { ourSheets } from "./outputs";
import { findSheet, queueSheetsInfo, tempNames } from "./existingSheets";
import { planRender, renderOptions } from "./renderSheet";
import { markerNames } from "../sheets/marker";
import { SheetNamer } from "../sheets/names";

/** Renders sheet specs to the bytes of an .xlsx file (src/xlsx's renderSpecs). */
export type RenderWorkbook = (specs: readonly SheetSpec[]) => Promise<Uint8Array>;

export async function exportClientReview(clientId: string, asOf: IsoDate, renderWorkbook: RenderWorkbook): Promise<CommandResult & { mode: "new-workbook" | "sheet" }> {
  checkDate(asOf, AS_OF);
  const caps = detectCapabilities();
  const result = await Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    // Only this client's rows (./clientRead.ts): the client-facing review shows no tier and nothing of other clients.
    const loaded = await loadClient(batch, clientId, { extra: (c) => queueSheetsInfo(c, { markers: true }) });
    requireTables(loaded, ["clients"]);
    const book = loaded.read.book;
    requireClient(book.clients.map((c) => c.clientId), clientId);
    const lang = book.settings.language;
    const spec = clientFacingReview(book, { asOf, lang, clientId }).spec;
    if (caps.createWorkbook) return { syncs: batch.syncs, spec, mode: "new-workbook" as const };
    // as every output (./outputs.ts buildOutputs): beside a manager's own sheet of the same name, replacing only ours
    const sheets = loaded.extra;
    const ours = ourSheets(sheets, book.clients.map((c) => c.clientId));
    const name = new SheetNamer(sheets.sheets.filter((s) => !ours.has(s)).map((s) => s.name)).name(spec.name);
    const replaces = findSheet(sheets, name);
    const marker = replaces?.marker ?? markerNames((sheets.markers ?? []).map((m) => m.name))();
    const target = { spec: name === spec.name ? spec : { ...spec, name }, ...(replaces ? { replaces } : {}), marker, activate: true };
    await runWrites(batch, planRender(target, renderOptions(caps, lang), tempNames(sheets)));
    return { syncs: batch.syncs, spec: target.spec, mode: "sheet" as const };
  });
  if (result.mode === "new-workbook") {
    const bytes = await renderWorkbook([result.spec]);
    await Excel.createWorkbook(toBase64(bytes));
  }
  return { syncs: result.syncs, mode: result.mode };
}
