/**
 * The book the pane shows after a command, taken from the command's own result where it can be: an output command
 * returns the read it made before writing its sheets (it changes no table, so that read is the workbook's book
 * after it too), and the pane reads nothing more. A command about one client that changes tables (Log contact,
 * Record review, Save) returns the client's rows it read and wrote (src/excel/clientRows.ts): the store puts them in
 * its book (./clientMerge.ts) and reads nothing more either. Any other command that changes tables, or one whose
 * rows cannot be merged, is followed by a read of the whole book (src/taskpane/store.tsx useCommand).
 *
 * Stale data: commands of different buttons may run at the same time. An output's read taken before another
 * command's write, stored after that command's re-read, would show the book older than the workbook; so a read is
 * used only when no command that may change tables ended while it ran, else the book is read again (ReadGate). The
 * same holds for a client's rows: merged into the pane's book only when no other command that may change tables
 * ended while the command ran (the pane's book might then lack that command's rows, or hold rows in other places).
 */
import type { ClientRows, ReadResult } from "../../excel/api";

export function readOf(result: unknown): ReadResult | undefined {
  if (typeof result !== "object" || result === null || !("read" in result)) return undefined;
  const read = (result as { read?: unknown }).read;
  return typeof read === "object" && read !== null && "book" in read ? (read as ReadResult) : undefined;
}

/**
 * The client rows a command result carries (src/excel/api.ts ClientCommandResult), else undefined. Here, not in
 * ./clientMerge.ts: the store loads the merge (and the codec it decodes with) only when a command returns rows, so
 * it stays out of the pane's first load.
 */
export function clientRowsOf(result: unknown): ClientRows | undefined {
  if (typeof result !== "object" || result === null || !("client" in result)) return undefined;
  const c = (result as { client?: unknown }).client;
  return typeof c === "object" && c !== null && "tables" in c && "clientId" in c ? (c as ClientRows) : undefined;
}

/**
 * What the pane does after a command: store the read it returned, merge the client's rows it returned into the
 * pane's book (or read the book when they do not fit: ./clientMerge.ts), read the book again, or nothing.
 */
export type AfterCommand = { store: ReadResult } | { merge: ClientRows } | "reread" | "none";

/** Counts the commands that may have changed tables, to tell whether a command's read is still the latest. */
export class ReadGate {
  private changes = 0;

  /** When a command starts: the ticket to hand back to `after`. */
  start(): number {
    return this.changes;
  }

  /** A command resolved with `result`; `reread` false for a command that changes nothing (select a cell, export). */
  after(ticket: number, result: unknown, reread: boolean): AfterCommand {
    const read = readOf(result);
    if (read) return ticket === this.changes ? { store: read } : "reread";
    if (!reread) return "none";
    const fresh = ticket === this.changes;
    this.changes += 1;
    const client = clientRowsOf(result);
    return client && fresh ? { merge: client } : "reread";
  }

  /** A command failed: it may have written part of its changes (the pane keeps its book, as before). */
  failed(): void {
    this.changes += 1;
  }
}
