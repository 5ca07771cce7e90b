/**
 * The Record this review command: the review rows of one client at one date (the market values the manager typed
 * and the flows; src/domain/recordReview.ts makes and checks them) appended to the Reviews table.
 * Reads the client's rows (clientRead.ts: two small syncs) and writes in one sync; rows are appended with table.rows.add (tableWrite.ts), so no
 * earlier row is rewritten, and text goes in through queueGrid, so it arrives as text whatever the cell's format.
 */
import { recordReview as reviewRows } from "../domain/recordReview";
import type { IsoDate } from "../domain/types";
import type { CommandResult } from "./api";
import { Batch, runWrites } from "./batch";
import { checkDate, requireTables } from "./common";
import { CommandError } from "./errors";
import { loadClient } from "./clientRead";
import { appendRowsOps, tableRow } from "./tableWrite";

export async function recordReview(
  clientId: string,
  date: IsoDate,
  netFlows: Record<string, number>,
  values: Record<string, number> = {},
): Promise<CommandResult & { rows: number }> {
  checkDate(date, { "zh-CN": "检视日期", "zh-TW": "檢視日期", "en-US": "The review date" });
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    // Only this client's rows (./clientRead.ts): the review rows need that client's holdings and reviews alone.
    const loaded = await loadClient(batch, clientId);
    const tables = requireTables(loaded, ["clients", "holdings", "reviews"]);
    const book = loaded.read.book;
    const flows = new Map(Object.entries(netFlows ?? {}));
    const r = reviewRows(book, clientId, date, flows, new Map(Object.entries(values ?? {})));
    if (!r.ok) throw new CommandError("InvalidArgument", r.error.message);
    const lang = book.settings.language;
    const rows = r.value.map((row) => tableRow("reviews", row, lang, tables.reviews));
    await runWrites(batch, appendRowsOps(tables.reviews, rows));
    return { syncs: batch.syncs, rows: rows.length };
  });
}
