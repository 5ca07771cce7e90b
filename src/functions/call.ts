/**
 * How an RM.* function runs: its body inside `guard` (whatever goes wrong reaches Excel as #VALUE! with a message;
 * a result too large for a number as #NUM!), its declared arguments read first (`call`), and the shared refusal of
 * two dates in the wrong order.
 */
import { type IsoDate } from "../domain/types";
import { refuse } from "./args";
import { readArgs, type ArgSpec, type ArgValues } from "./declare";
import { invalidValue, isErrorValue, makeError } from "./errors";
import { inFunction } from "./messageNames";

/**
 * Runs a function body so that whatever goes wrong reaches Excel as #VALUE! with a message: our own errors pass
 * through; anything else (a domain RangeError we failed to foresee) keeps its text rather than becoming a bare error.
 */
export function guard<T>(name: string, body: () => T): T {
  let result: T;
  try {
    result = inFunction(name, body);
  } catch (e) {
    if (isErrorValue(e)) throw e;
    throw invalidValue(`RM.${name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  // A result too large for a number (1e308 + 1e308) is #NUM!, as Excel gives for =1E308*10, never Infinity or NaN.
  if (!allFinite(result)) throw makeError("invalidNumber");
  return result;
}

/** True when every number in a result (a spill's cells too) is finite. */
function allFinite(x: unknown): boolean {
  if (typeof x === "number") return Number.isFinite(x);
  return Array.isArray(x) ? x.every(allFinite) : true;
}

/** Reads the declared arguments (./declare.ts) inside `guard`, then runs the body on their values. */
export function call<const A extends readonly ArgSpec<unknown>[], T>(id: string, args: A, raw: readonly unknown[], body: (values: ArgValues<A>) => T): T {
  return guard(id, () => body(readArgs(args, raw)));
}

export function after(a: string, aDate: IsoDate, b: string, bDate: IsoDate): never {
  refuse({
    "zh-CN": `${a}（${aDate}）晚于 ${b}（${bDate}）`,
    "zh-TW": `${a}（${aDate}）晚於 ${b}（${bDate}）`,
    "en-US": `${a} (${aDate}) is after ${b} (${bDate})`,
  });
}

