/**
 * Excel errors for the RM.* custom functions, inside and outside Office.
 *
 * Inside Office the functions throw the real `CustomFunctions.Error`, which Excel shows in the cell (with our message
 * in the error indicator for #VALUE! and #N/A). `CustomFunctions` is a global only there, so in Node (unit tests,
 * the HyperFormula harness, the benchmark) the same factory builds a `FunctionError` of the same shape
 * ({ code: "#VALUE!", message }). Excel also hands error values *in*, as arguments and inside ranges, in that
 * shape; `isErrorValue` recognises both.
 */

import { functionsLanguage } from "./language";
import { localArgNames } from "./messageNames";

/** The error codes of `CustomFunctions.ErrorCode`, by their enum names. */
export const ERROR_CODES = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

export type ErrorCodeName = keyof typeof ERROR_CODES;
export type ErrorCodeText = (typeof ERROR_CODES)[ErrorCodeName];

/** Only these carry a custom message in Excel; the others show the bare code. */
const MESSAGE_CODES: ReadonlySet<string> = new Set([ERROR_CODES.invalidValue, ERROR_CODES.notAvailable]);

/** Excel accepts these codes as custom-function *inputs* only, never as results. */
const INPUT_ONLY_CODES: ReadonlySet<string> = new Set([ERROR_CODES.invalidName, ERROR_CODES.invalidReference]);

/** Stand-in for `CustomFunctions.Error` outside Office: an Error (so stacks and `instanceof Error` work) with `code`. */
export class FunctionError extends Error {
  readonly code: ErrorCodeText;

  constructor(code: ErrorCodeText, message?: string) {
    super(message ?? ""); // "" where Excel shows the bare code
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

/** An Excel error value: a thrown result of ours, or an error Excel passed in as an argument. */
export interface ErrorValue {
  code: string;
  message?: string;
}

function hasCustomFunctions(): boolean {
  return typeof CustomFunctions !== "undefined" && typeof CustomFunctions.Error === "function";
}

/** A `CustomFunctions.Error` when running in Office, else a `FunctionError`; the message is dropped where Excel has none. */
export function makeError(name: ErrorCodeName, message?: string): Error {
  const code = ERROR_CODES[name];
  const msg = MESSAGE_CODES.has(code) ? message : undefined;
  if (hasCustomFunctions()) {
    // CustomFunctions.Error is not declared as a subclass of Error, but Excel only needs it thrown.
    return new CustomFunctions.Error(CustomFunctions.ErrorCode[name], msg) as unknown as Error;
  }
  return new FunctionError(code, msg);
}

/** #VALUE! with a message naming the argument (by its name in the message's language) and what was expected. */
export function invalidValue(message: string): Error {
  return makeError("invalidValue", localArgNames(message, functionsLanguage()));
}

/** #N/A with a message: the arguments are fine but there is nothing to show. */
export function notAvailable(message: string): Error {
  return makeError("notAvailable", localArgNames(message, functionsLanguage()));
}

/** True for an Excel error value in either shape (CustomFunctions.Error, FunctionError, or a plain { code: "#…" }). */
export function isErrorValue(x: unknown): x is ErrorValue {
  if (typeof x !== "object" || x === null) return false;
  const code = (x as { code?: unknown }).code;
  return typeof code === "string" && code.startsWith("#");
}

function nameOfCode(code: string): ErrorCodeName | undefined {
  return (Object.keys(ERROR_CODES) as ErrorCodeName[]).find((n) => ERROR_CODES[n] === code);
}

/**
 * The error to return when an argument itself is an error value: the same error, as native functions do, except
 * #REF! and #NAME? (and codes we don't know), which Excel refuses as a custom function's result — those become
 * #VALUE! saying which argument held them.
 */
export function propagatedError(value: ErrorValue, arg: string, describe: (arg: string, code: string) => string): Error {
  const name = nameOfCode(value.code);
  if (name === undefined || INPUT_ONLY_CODES.has(value.code)) return invalidValue(describe(arg, value.code));
  return makeError(name, value.message);
}
