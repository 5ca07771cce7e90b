/**
 * The one result vocabulary of the domain's argument-checking code (parsers, returns, protection, reviews):
 * a value, or why the input was refused — a stable code, the argument at fault, and a message in each UI
 * language — so a custom function can turn any refusal into `#VALUE!` with a message in the user's language.
 *
 * Localized is the one shape of a message made in code (domain refusals, command errors).
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */
import type { Lang } from "./types";

/** One user-visible text in each UI language. */
export type Localized = Readonly<Record<Lang, string>>;

/** Why an input was refused. `arg` names the argument (or field) at fault, as in the API. */
export interface InputError<C extends string = string> {
  code: C;
  arg: string;
  message: Localized;
}

export type Result<T, C extends string = string> = { ok: true; value: T } | { ok: false; error: InputError<C> };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<C extends string>(code: C, arg: string, message: Localized): { ok: false; error: InputError<C> } {
  return { ok: false, error: { code, arg, message } };
}

/** How a refused value is quoted in a message: short, and never `[object Object]`. */
export function quoteInput(x: unknown): string {
  if (x === null || x === undefined || x === "") return "blank";
  const s = typeof x === "string" ? x : typeof x === "number" || typeof x === "boolean" ? String(x) : typeof x;
  return typeof x === "string" ? `"${s.length > 40 ? s.slice(0, 40) + "…" : s}"` : s;
}

/** A refusal whose message reads "<arg> <expected> (got <value>)" in each language. */
export function refused<C extends string>(code: C, arg: string, expected: Localized, got: unknown): { ok: false; error: InputError<C> } {
  const q = quoteInput(got);
  return fail(code, arg, {
    "zh-CN": `${arg} ${expected["zh-CN"]}（收到 ${q}）`,
    "zh-TW": `${arg} ${expected["zh-TW"]}（收到 ${q}）`,
    "en-US": `${arg} ${expected["en-US"]} (got ${q})`,
  });
}
