/**
 * The task pane's language at start: the one chosen in the pane before (kept in localStorage when the host allows
 * it), else the one of Office's display language.
 */
import { LANGS, type Lang } from "../domain/types";
import { langFromLocale } from "../i18n/lang";

export const LANG_STORAGE_KEY = "clientbook.uiLang";

function isLang(x: unknown): x is Lang {
  return typeof x === "string" && (LANGS as readonly string[]).includes(x);
}

/** The language chosen in the pane before, else the one of Office's display language. */
export function initialLang(stored: string | null | undefined, displayLanguage: string | undefined): Lang {
  return isLang(stored) ? stored : langFromLocale(displayLanguage);
}

/** localStorage may be unavailable (privacy settings, some web views): then the choice lasts the session only. */
export function readStoredLang(): string | null {
  try {
    return globalThis.localStorage?.getItem(LANG_STORAGE_KEY) ?? null;
  } catch {
    return null;
  }
}

export function saveLang(lang: Lang): void {
  try {
    globalThis.localStorage?.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // Not remembered; the pane still switches.
  }
}
