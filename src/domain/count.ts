/**
 * English count phrases — "1 client", "2 clients", "0 clients", "1,000 clients" — the one rule every en-US text
 * that puts a number before a noun follows: output sheets (sheets/text.ts), the task pane's catalogues
 * (taskpane/i18n.ts, pages/ladderText.ts, through fillParams), CLI summaries and function messages.
 *
 * Rule: the Unicode CLDR plural rules for English ("Language Plural Rules", en: one → i = 1 and v = 0, i.e. the
 * integer 1 written without decimals; other → everything else, 0 included), as Intl.PluralRules("en-US") applies
 * them (ECMA-402 §16). So 1 → "client"; 0, 2, 1000, 1.5 → "clients". Chinese has no plural: zh-CN/zh-TW texts say
 * "1 位客户" and "2 位客户" alike and never call this.
 */

const EN_PLURAL = new Intl.PluralRules("en-US");

/** `one` when n is 1 (CLDR en "one"), `other` for any other count: pluralWord(2, "client", "clients") = "clients". */
export function pluralWord(n: number, one: string, other: string): string {
  return EN_PLURAL.select(n) === "one" ? one : other;
}

/**
 * "n noun" with the noun agreeing with n: countOf(1, "client", "clients") = "1 client". `shown` is the number as the
 * text prints it when that is not plain `${n}` (e.g. "1,000" from a number formatter); the choice is made on n.
 */
export function countOf(n: number, one: string, other: string, shown: string | number = n): string {
  return `${shown} ${pluralWord(n, one, other)}`;
}

/** A catalogue parameter ("1,000", 3, " 2 ") read back as the count it prints; NaN when it is not one. */
function countParam(v: string | number): number {
  return typeof v === "number" ? v : Number(v.replace(/[,\s\u00a0]/g, ""));
}

/**
 * Fills a catalogue string's parameters: `{name}` is the parameter's text, `{name|one|other}` the word agreeing with
 * the count in parameter `name` ("{n} {n|client|clients}" → "1 client", "2 clients"). Only en-US strings use the
 * second form. A parameter not given is left as written ({total}), so a missing one shows rather than vanishes; its
 * word is then the `other` form ("Showing 3 of {total} clients").
 */
export function fillParams(s: string, params: Record<string, string | number>): string {
  return s
    .replace(/\{(\w+)\|([^|{}]*)\|([^|{}]*)\}/g, (_m, name: string, one: string, other: string) =>
      name in params ? pluralWord(countParam(params[name]), one, other) : other,
    )
    .replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}
