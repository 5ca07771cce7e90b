/**
 * Chinese error messages name an argument as Excel's Chinese formula help shows it (出生日期, not birthDate): the
 * metadata Excel shows in zh-CN and zh-TW translates argument names (./metadataText.ts), so a message naming the
 * English identifier would point at nothing the manager sees. The function being run is set by `inFunction` (the
 * functions' guard); `localArgNames` swaps that function's argument identifiers for their names in the message's
 * language, leaving quoted input ("…") as typed. English messages are unchanged.
 */
import type { Lang } from "../domain/types";
import { FUNCTION_TEXT, MESSAGE_TERMS } from "./metadataText";

let current: string | undefined;

/** Runs a function's body with its id as the context of the messages it raises. */
export function inFunction<T>(id: string, body: () => T): T {
  const outer = current;
  current = id;
  try {
    return body();
  } finally {
    current = outer;
  }
}

/** The message with the current function's argument identifiers in `lang`'s names (outside quoted input). */
export function localArgNames(message: string, lang: Lang): string {
  if (lang === "en-US" || current === undefined) return message;
  const entry = FUNCTION_TEXT[current];
  const names = new Map<string, string>(Object.entries(MESSAGE_TERMS).map(([id, text]) => [id, text[lang]]));
  for (const [id, text] of Object.entries(entry?.parameters ?? {})) names.set(id, text.name[lang]);
  return message
    .split(/("[^"]*")/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[A-Za-z][A-Za-z0-9]*/g, (word) => names.get(word) ?? word)))
    .join("");
}
