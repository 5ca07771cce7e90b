/**
 * Likely duplicates of a client being added or edited: another client with the same name and phone, or the same
 * id number. Names compare ignoring spaces, width and case; phones by their national digits (a +86 / 0086 prefix
 * and separators ignored); id numbers ignoring spaces, brackets and case (the check letter X of mainland ids).
 */
import type { Client } from "../../domain/types";

export type DuplicateReason = "name-phone" | "id-number";

export interface LikelyDuplicate {
  client: Client;
  reasons: DuplicateReason[];
}

function normName(s: string | undefined): string {
  return (s ?? "").normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Digits only, without a leading country code of the mainland, Hong Kong, Macau or Taiwan. */
export function normPhone(s: string | undefined): string {
  let d = (s ?? "").normalize("NFKC").replace(/\D+/g, "");
  const cc = /^(?:00)?(86|852|853|886)/.exec(d);
  if (cc && d.length - cc[0].length >= 8 && (s ?? "").trim().match(/^(\+|00|\()/)) d = d.slice(cc[0].length);
  return d;
}

function normIdNumber(s: string | undefined): string {
  return (s ?? "").normalize("NFKC").replace(/[\s()（）-]+/g, "").toUpperCase();
}

/** Other clients that are probably the same person as `draft` (the draft's own id is never a duplicate). */
export function likelyDuplicates(
  clients: readonly Client[],
  draft: Pick<Client, "clientId" | "name" | "phone" | "idNumber">,
): LikelyDuplicate[] {
  const name = normName(draft.name);
  const phone = normPhone(draft.phone);
  const idNo = normIdNumber(draft.idNumber);
  const out: LikelyDuplicate[] = [];
  for (const c of clients) {
    if (c.clientId === draft.clientId) continue;
    const reasons: DuplicateReason[] = [];
    if (name !== "" && phone !== "" && normName(c.name) === name && normPhone(c.phone) === phone) reasons.push("name-phone");
    if (idNo !== "" && normIdNumber(c.idNumber) === idNo) reasons.push("id-number");
    if (reasons.length > 0) out.push({ client: c, reasons });
  }
  return out;
}
