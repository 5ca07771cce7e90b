/**
 * The one matching form of a typed word (a header, a coded value such as 趸交 or "Semi-annual"): full-width forms
 * folded (NFKC), lower case, and every space and punctuation mark removed, so "Client ID", "client_id",
 * "ＣｌｉｅｎｔＩＤ" and "客户编号：" all compare equal. The book codec (src/book/text.ts re-exports it) and the RM.*
 * functions read coded words through it, so a cell and a formula argument accept the same spellings.
 */
export function normKey(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\p{P}]/gu, "");
}
