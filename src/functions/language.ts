/**
 * The language of the RM.* functions' error messages. It follows Office's UI language (zh-CN / zh-TW / en-US, via
 * langFromLocale) until the task pane sets it: both run in the one shared runtime (one page, one webpack runtime, so
 * this module is one instance), and the pane's AppProvider (src/taskpane/store.tsx) calls `setFunctionsLanguage`
 * with its language on first render and on every switch. The metadata Excel shows (descriptions, argument help)
 * follows Office's UI language instead: Excel picks the metadata file by it (manifest Functions.Metadata.Url).
 * Cells already calculated keep their message until Excel calculates them again.
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
