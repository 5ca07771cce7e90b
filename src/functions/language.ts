/**
 * The language of the RM.* functions' error messages. It follows Office's UI language (zh-CN / zh-TW / en-US, via
 * langFromLocale) unless the task pane sets it — both run in the one shared runtime, so a language switch in the
 * pane reaches the functions through `setFunctionsLanguage`.
 */
import type { Lang } from "../domain/types";
import { langFromLocale } from "../i18n/lang";

let chosen: Lang | undefined;

/** Sets the messages' language; `undefined` goes back to following Office's display language. */
export function setFunctionsLanguage(lang: Lang | undefined): void {
  chosen = lang;
}

/** The language messages are written in now: the chosen one, else Office's display language, else en-US. */
export function functionsLanguage(): Lang {
  if (chosen) return chosen;
  try {
    // Office.context exists only once Office.js has initialised; outside Office, `Office` is not even defined.
    if (typeof Office !== "undefined" && Office.context && Office.context.displayLanguage) {
      return langFromLocale(Office.context.displayLanguage);
    }
  } catch {
    // Reading Office.context before Office.onReady can throw; fall back to English.
  }
  return "en-US";
}
