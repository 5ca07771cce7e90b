/**
 * The book the pane shows after a command, taken from the command's own result where it can be: an output command
 * returns the read it made before writing its sheets (it changes no table, so that read is the workbook's book
 * after it too), and the pane reads nothing more. A command that changes tables returns no read: the store
 * re-reads the book after it (src/taskpane/store.tsx useCommand).
 *
 * Stale data: commands of different buttons may run at the same time. An output's read taken before another
 * command's write, stored after that command's re-read, would show the book older than the workbook; so a read is
 * used only when no command that may change tables ended while it ran, else the book is read again (ReadGate).
 */
import type { ReadResult } from "../../excel/api";

export function readOf(result: unknown): ReadResult | undefined {
  if (typeof result !== "object" || result === null || !("read" in result)) return undefined;
  const read = (result as { read?: unknown }).read;
  return typeof read === "object" && read !== null && "book" in read ? (read as ReadResult) : undefined;
}

/** What the pane does after a command: store the read it returned, read the book again, or nothing. */
export type AfterCommand = { store: ReadResult } | "reread" | "none";

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
    this.changes += 1;
    return "reread";
  }

  /** A command failed: it may have written part of its changes (the pane keeps its book, as before). */
  failed(): void {
    this.changes += 1;
  }
}
