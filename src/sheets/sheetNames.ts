/**
 * The names of the output sheets in each language, from the sheets' catalogue (text.ts): the fixed ones (profile,
 * coverage, today, call list, import errors) and those made for a client or a month, fitted to Excel's 31
 * characters without the characters a sheet name cannot hold (names.ts).
 */
import type { Lang } from "../domain/types";
import { fitSheetName, sanitizeSheetName } from "./names";
import { sheetText } from "./text";

export function profileSheetName(lang: Lang): string {
  return sheetText(lang).sheetNames.profile;
}

export function coverageSheetName(lang: Lang): string {
  return sheetText(lang).sheetNames.coverage;
}

export function todaySheetName(lang: Lang): string {
  return sheetText(lang).sheetNames.today;
}

export function callListSheetName(lang: Lang): string {
  return sheetText(lang).sheetNames.callList;
}

export function importErrorsSheetName(lang: Lang): string {
  return sheetText(lang).sheetNames.importErrors;
}

/**
 * 资产检视-<name>-<id> / 資產檢視-… / Review-<name>-<id>: at most 31 characters and none of []:*?/\ — the name
 * is cut, the id kept whole; an id so long that it would push the prefix out is cut instead (the prefix says
 * what the sheet is).
 */
export function reviewSheetName(name: string, clientId: string, lang: Lang): string {
  const prefix = sheetText(lang).review.sheetPrefix;
  return fitSheetName(`${prefix}-${name}`, `-${clientId}`, prefix.length + 1);
}

/** The client-facing copy: 资产检视-<name>-<review date>, without the bank's internal client id. */
export function clientReviewSheetName(name: string, asOf: string, lang: Lang): string {
  const prefix = sheetText(lang).review.sheetPrefix;
  return fitSheetName(`${prefix}-${name}`, `-${asOf}`);
}

/** 联络日历-2026-11 / 聯絡日曆-2026-11 / Contacts-2026-11. */
export function calendarSheetName(month: string, lang: Lang): string {
  return sanitizeSheetName(`${sheetText(lang).calendar.sheetPrefix}-${month}`);
}
