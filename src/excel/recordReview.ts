/**
 * The Record this review command: the review rows of one client at one date (the market values the manager typed
 * and the flows; src/domain/recordReview.ts makes and checks them) appended to the Reviews table.
 * Reads the client's rows (clientRead.ts: two small syncs) and writes in one sync, which also reads back the rows
 * written for the pane (clientRows.ts); rows are appended with table.rows.add (tableWrite.ts), so no
 * earlier row is rewritten, and text goes in through queueGrid, so it arrives as text whatever the cell's format.
 */
import { recordReview as reviewRows } from "../domain/recordReview";
import type { IsoDate } from "../domain/types";
import type { ClientCommandResult } from "./api";
import { Batch, runWrites } from "./batch";
import { checkDate, requireTables } from "./common";
import { CommandError } from "./errors";
import { loadClient } from "./clientRead";
import { appendRowsOps, tableRow } from "./tableWrite";
import { clientRowsOp } from "./clientRows";

export async function recordReview(
  clientId: string,
  date: IsoDate,
  netFlows: Record<string, number>,
  values: Record<string, number> = {},
): Promise<ClientCommandResult & { rows: number }> {
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
    const ops = appendRowsOps(tables.reviews, rows);
    // The client's rows as read and the review rows as written, for the pane (./clientRows.ts), in the write sync.
    const back = clientRowsOp(loaded, clientId, { reviews: { updated: [], deleted: [], appended: rows.length, appendTo: tables.reviews } });
    await runWrites(batch, ops.length > 0 ? [...ops, back.op] : ops);
    const client = back.result();
    return { syncs: batch.syncs, rows: rows.length, ...(client ? { client } : {}) };
  });
}
