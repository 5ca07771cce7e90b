/**
 * The client-facing copy of a review sheet (assetReview.ts with clientFacing: true) and the strings that must
 * appear nowhere in it: the client's unmasked details and internal id, manager-only labels, and every other client.
 */
import { type Book, type Lang } from "../domain/types";
import { indexFor } from "./common";
import type { SheetSpec } from "./spec";
import { sheetText } from "./text";
import { assetReview, type AssetReviewOptions } from "./assetReview";

export interface ClientFacingReview {
  spec: SheetSpec;
  /**
   * Strings that must appear nowhere in the spec (cells, notes, titles, names): the client's unmasked phone, ID
   * number, e-mail, address, internal id, notes and tags, the notes on their family and holdings, the manager-only
   * labels, and the id, name, phone, ID number and e-mail of every other client.
   */
  confidential: string[];
}

export function clientFacingReview(book: Book, opts: Omit<AssetReviewOptions, "clientFacing">): ClientFacingReview {
  const spec = assetReview(book, { ...opts, clientFacing: true });
  return { spec, confidential: confidentialStrings(book, opts.clientId, opts.lang) };
}

/** The confidential strings of a client-facing review of `clientId` (see ClientFacingReview). */
export function confidentialStrings(book: Book, clientId: string, lang: Lang): string[] {
  const index = indexFor(book, { asOf: "2000-01-01", lang });
  const me = index.clientById.get(clientId);
  if (!me) throw new RangeError(`confidentialStrings: there is no client with id ${JSON.stringify(clientId)} in the book`);
  const t = sheetText(lang);
  const out = new Set<string>();
  const add = (s: string | undefined) => {
    const v = s?.trim();
    if (v && v.length >= 2) out.add(v);
  };
  for (const s of [me.phone, me.idNumber, me.email, me.address, me.clientId, me.notes, ...(me.tags ?? [])]) add(s);
  for (const f of index.family.get(clientId) ?? []) add(f.notes);
  for (const h of index.holdings.get(clientId) ?? []) add(h.notes);
  for (const s of [t.review.labels.tier, t.review.headers.suitability, t.profile.headers.tags, t.profile.headers.notes, ...Object.values(t.review.flags)]) add(s);
  for (const c of index.clients) {
    if (c.clientId === clientId) continue;
    for (const s of [c.clientId, c.phone, c.idNumber, c.email]) add(s);
    // A namesake's name is this client's own name: it may (must) appear.
    if (c.name.trim() !== me.name.trim() && !me.name.includes(c.name.trim())) add(c.name);
  }
  return [...out];
}
