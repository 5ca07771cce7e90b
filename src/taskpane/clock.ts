/**
 * The task pane's one source of "now": every page asks here for today's date (asOf), so tests and the browser
 * flows can freeze it. Pure code never reads the clock; it receives asOf.
 */
import { todayIso } from "../domain/dates";
import type { IsoDate } from "../domain/types";

const systemNow = (): Date => new Date();
let nowFn: () => Date = systemNow;

/** The current moment (for the contact-window check, which depends on weekday and hour). */
export function now(): Date {
  return nowFn();
}

/** Today's date in the local zone: the asOf of every command and view. */
export function today(): IsoDate {
  return todayIso(nowFn());
}

/** Freezes the clock (a Date, or a function for a moving clock); `null` restores the system clock. */
export function setClock(at: Date | (() => Date) | null): void {
  nowFn = at === null ? systemNow : at instanceof Date ? () => new Date(at.getTime()) : at;
}
