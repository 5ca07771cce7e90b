/** How typed words are matched: one normal form, and the readers of coded lists built on it. */
import { ok, refused, type Localized, type Result } from "./result";

/**
 * The one matching form of a typed word (a header, a coded value such as 趸交 or "Semi-annual"): full-width forms
 * folded (NFKC), lower case, and every space and punctuation mark removed, so "Client ID", "client_id",
 * "ＣｌｉｅｎｔＩＤ" and "客户编号：" all compare equal. The book codec (src/book/text.ts re-exports it) and the RM.*
 * functions read coded words through it, so a cell and a formula argument accept the same spellings.
 */
export function normKey(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]/gu, "");
}

/**
 * A reader of one coded list (premium frequencies, policy statuses…) as a cell or a formula argument types it: every
 * code, every label of `labels` and every alias of `aliases`, compared by normKey; anything else is refused as
 * `code` with `expected` naming the list.
 */
export function codeListReader<T extends string, C extends string>(
  codes: readonly T[],
  labels: Readonly<Record<T, Localized>>,
  aliases: Readonly<Record<T, readonly string[]>>,
  code: C,
  expected: Localized,
): (x: unknown, arg: string) => Result<T, C> {
  const bySpelling = new Map<string, T>();
  for (const c of codes) for (const w of [c, ...Object.values(labels[c]), ...aliases[c]]) bySpelling.set(normKey(w), c);
  return (x, arg) => {
    const found = typeof x === "string" ? bySpelling.get(normKey(x)) : undefined;
    return found === undefined ? refused(code, arg, expected, x) : ok(found);
  };
}
