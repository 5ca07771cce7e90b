/**
 * clientbook calendar: the book's money calendar as an iCalendar file (.ics) for Outlook or a phone — reviews due,
 * follow-ups, birthdays, maturities and premiums of the next months (src/domain/calendarEvents.ts), each event the
 * client's name and the reason only; --client-facing-style leaves the names out (src/sheets/ics.ts writes the file).
 */
import type { IsoDate } from "../../domain/types";
import { countOf } from "../../domain/count";
import { bookCalendarIcs } from "../../sheets/ics";
import { readBookFile } from "../bookInput";
import { rejectedRowCount, rowErrorLine } from "../rowErrors";
import { seconds } from "./types";
import type { CommandContext, CommandResult, InputFile } from "./types";

export interface CalendarCommandOptions {
  book: InputFile;
  out: string;
  asOf: IsoDate;
  /** Calendar months from the as-of month (1–24). */
  months: number;
  /** No names in the events, the reason only. */
  clientFacingStyle: boolean;
}

export async function calendarCommand(opts: CalendarCommandOptions, ctx: CommandContext = {}): Promise<CommandResult> {
  const now = ctx.now ?? Date.now;
  const start = now();
  ctx.onProgress?.(0, 1, `reading ${opts.book.name}`);
  const { book, errors } = await readBookFile(opts.book.bytes, opts.book.name, { asOf: opts.asOf });
  const lang = book.settings.language;
  const { text, events } = bookCalendarIcs(book, { asOf: opts.asOf, lang, months: opts.months, clientFacing: opts.clientFacingStyle });
  const rejected = rejectedRowCount(errors);
  return {
    files: [{ path: opts.out, bytes: new TextEncoder().encode(text) }],
    errors: errors.map((e) => rowErrorLine(e, `${opts.book.name}:${e.sheet}`)),
    exitCode: rejected > 0 ? 1 : 0,
    summary:
      `${countOf(events.length, "event", "events")} over ${countOf(opts.months, "month", "months")} from ${opts.asOf}` +
      (opts.clientFacingStyle ? " (no names)" : "") +
      (rejected > 0 ? `; ${countOf(rejected, "row", "rows")} of the book rejected` : "") +
      `, in ${seconds(now() - start)}`,
  };
}
