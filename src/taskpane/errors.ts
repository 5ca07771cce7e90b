/**
 * What went wrong, as a message that says what to do, in the UI language. Office.js errors are told apart by
 * `code` (OfficeExtension.Error: ItemNotFound, InvalidArgument, …), never by their English message; errors of our
 * own commands may carry a localized message ({ "zh-CN", "zh-TW", "en-US" }) which is shown as it is.
 */
import type { Localized } from "../domain/result";
import type { Lang } from "../domain/types";
import { t } from "./i18n";

export const ERROR_KINDS = [
  "missingItem", "badValue", "tooLarge", "excelInternal", "protected", "cellEditing", "unsupported", "exists",
  "conflict", "busy", "inTheWay", "notInExcel", "unknown",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Office.js error codes (application-specific API error codes) → what the manager can do about them. */
const OFFICE_CODES: Readonly<Record<string, ErrorKind>> = {
  ItemNotFound: "missingItem",
  InvalidReference: "missingItem",
  InvalidArgument: "badValue",
  InvalidBinding: "badValue",
  RequestPayloadSizeLimitExceeded: "tooLarge",
  ResponsePayloadSizeLimitExceeded: "tooLarge",
  RangeExceedsLimit: "tooLarge",
  GeneralException: "excelInternal",
  InvalidObjectPath: "excelInternal",
  InvalidRequestContext: "excelInternal",
  PropertyNotLoaded: "excelInternal",
  ValueNotLoaded: "excelInternal",
  RunMustReturnPromise: "excelInternal",
  AccessDenied: "protected",
  BadPassword: "protected",
  InvalidOperationInCellEditMode: "cellEditing",
  ApiNotFound: "unsupported",
  NotImplemented: "unsupported",
  UnsupportedOperation: "unsupported",
  UnsupportedSheet: "unsupported",
  ItemAlreadyExists: "exists",
  Conflict: "conflict",
  EditConflict: "conflict",
  InsertDeleteConflict: "conflict",
  ActivityLimitReached: "busy",
  RequestAborted: "busy",
  ServiceNotAvailable: "busy",
  Timeout: "busy",
  InvalidOperation: "inTheWay",
  MergedRangeConflict: "inTheWay",
  NonBlankCellOffSheet: "inTheWay",
  FilteredRangeConflict: "inTheWay",
  // Our own codes (thrown by src/excel or the shell).
  NoBook: "missingItem",
  // A book written by a newer ClientBook: this add-in cannot write it (the message says to update).
  NewerBook: "unsupported",
  NotInExcel: "notInExcel",
};

export interface UiError {
  kind: ErrorKind;
  /** The Office or command error code, when there is one. */
  code?: string;
  title: string;
  /** What to do. */
  action: string;
  /** The original message, for support; absent when it adds nothing. */
  detail?: string;
}


function isLocalized(x: unknown): x is Localized {
  return typeof x === "object" && x !== null && ["zh-CN", "zh-TW", "en-US"].every((l) => typeof (x as Record<string, unknown>)[l] === "string");
}

function field(err: unknown, name: string): unknown {
  return typeof err === "object" && err !== null ? (err as Record<string, unknown>)[name] : undefined;
}

/** The error code of an Office.js or command error, if it has one. */
export function errorCode(err: unknown): string | undefined {
  const code = field(err, "code");
  return typeof code === "string" && code !== "" ? code : undefined;
}

/** A user-facing description of any thrown value. */
export function describeError(err: unknown, lang: Lang): UiError {
  const code = errorCode(err);
  const kind: ErrorKind = (code && OFFICE_CODES[code]) || "unknown";
  // A localized message of our own says precisely what is wrong: it replaces the generic title.
  const localized = [field(err, "localized"), field(err, "messages"), field(err, "message")].find(isLocalized);
  const raw = field(err, "message");
  const detail = typeof raw === "string" ? raw : typeof err === "string" ? err : undefined;
  // Our commands' own messages (CommandError.localized) name the precise problem and usually the fix, so the
  // generic action of their code (e.g. ItemAlreadyExists: "rename the sheet") would mislead: a neutral one instead.
  const out: UiError = {
    kind,
    title: localized ? localized[lang] : t(lang, `err.${kind}.title` as const),
    action: localized ? t(lang, "err.ours.action") : t(lang, `err.${kind}.action` as const),
  };
  if (code) out.code = code;
  if (!localized && detail && detail.trim() !== "") out.detail = detail.length > 300 ? `${detail.slice(0, 300)}…` : detail;
  return out;
}
