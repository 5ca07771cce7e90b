/**
 * The language of the RM.* functions' error messages. It follows Office's UI language (zh-CN / zh-TW / en-US, via
 * langFromLocale) unless `setFunctionsLanguage` chose one. Only tests call it today: the task pane does not, so a
 * language switch in the pane leaves the functions' messages in Office's language.
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
