/**
 * Today's date for the RM.* functions' default `asOf` — the one place they read the clock. Local date, as Excel's
 * TODAY() gives it, as an Excel serial.
 */
import { isoToSerial, todayIso } from "../domain/dates";

export function todaySerial(): number {
  return isoToSerial(todayIso(new Date()));
}
