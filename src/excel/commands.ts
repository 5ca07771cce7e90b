/**
 * ClientBookCommands over Office.js: each command is one Excel.run with one read sync and one write sync (plus the
 * chunks the 5 MB request limit forces). The task pane imports this module lazily (its own chunk), through
 * src/taskpane/paneCommands.ts, which passes in what this layer may not import (CommandDeps).
 */
import type { Book, IsoDate, Lang } from "../domain/types";
import type { ClientBookCommands, ReadResult } from "./api";
import { Batch } from "./batch";
import { commandError } from "./errors";
import { exportClientReview, type RenderWorkbook } from "./exportReview";
import { buildCalendar, buildCoverage, buildProfile, buildReview, buildToday, refreshAll, saveCallList } from "./outputs";
import { loadBook } from "./readBookTables";
import { paneRead } from "./paneRead";
import { loadSample } from "./loadSample";
import { logContact } from "./logContact";
import { recordReview } from "./recordReview";
import { saveClient } from "./saveClient";
import { parseRange } from "../sheets/a1";
import { setupBook, upgradeBook } from "./setupBook";
import { AS_OF, checkDate } from "./common";

async function readBook(asOf?: IsoDate): Promise<ReadResult> {
  if (asOf !== undefined) checkDate(asOf, AS_OF);
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    // The pane's read never writes, so it reads a newer book too (paneRead says so; the writers refuse it).
    const loaded = await loadBook(batch, { ...(asOf ? { asOf } : {}), readOnly: true });
    return paneRead(loaded, batch.syncs);
  });
}

async function selectCell(sheet: string, address: string): Promise<void> {
  if (typeof sheet !== "string" || sheet === "" || typeof address !== "string" || !parseRange(address)) {
    const got = `${JSON.stringify(sheet)}!${JSON.stringify(address)}`;
    throw commandError("InvalidArgument", { "zh-CN": `无法选中单元格 ${got}`, "zh-TW": `無法選取儲存格 ${got}`, "en-US": `Cannot select the cell ${got}` });
  }
  await Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
  });
}

/** What the commands need from layers above src/excel, passed in by the caller (the task pane). */
export interface CommandDeps {
  /** The sample book loadSample writes: src/sample's sampleBook. */
  sampleBook(asOf: IsoDate, lang: Lang): Book;
  /** The file renderer of the client-facing export: src/xlsx's renderSpecs (heavy, so loaded on demand). */
  renderWorkbook: RenderWorkbook;
}

export function createCommands(deps: CommandDeps): ClientBookCommands {
  return {
    setupBook,
    upgradeBook,
    loadSample: (lang, asOf) => loadSample(lang, asOf, deps.sampleBook),
    readBook,
    selectCell,
    buildReview,
    buildProfile,
    buildCoverage,
    buildCalendar,
    buildToday,
    refreshAll,
    saveCallList,
    recordReview,
    logContact,
    saveClient,
    exportClientReview: (clientId, asOf) => exportClientReview(clientId, asOf, deps.renderWorkbook),
  };
}
