/**
 * Family members who are also clients (FamilyMember.linkedClientId). A mother and her son may both bank here, and
 * each account is the holder's own: the manager must not tell one about the other's (a top performer lost a son
 * that way, issue 15). Who is linked to a client, seen from either family, and the warning the manager reads on
 * the client's page, before logging a contact and when exporting the client-facing review — never on the
 * client's paper.
 */
import type { Localized } from "./result";
import type { Book, Relation } from "./types";

export interface LinkedClient {
  clientId: string;
  name: string;
  /** What the linked client is to this client (Child: her son), as this client's Family row says, or the reverse of theirs. */
  relation: Relation;
}

/** A relation seen from the other side: the mother's child has her as a parent. */
const REVERSE: Readonly<Record<Relation, Relation>> = { Spouse: "Spouse", Child: "Parent", Parent: "Child", Other: "Other" };

/**
 * The clients linked to `clientId`, each once, in book order: first those its own Family rows name, then those
 * whose Family rows name it. A link to an id that is not a client (an old or hand-typed book) is left out.
 */
export function linkedClients(book: Pick<Book, "clients" | "family">, clientId: string): LinkedClient[] {
  const names = new Map(book.clients.map((c) => [c.clientId, c.name]));
  const out = new Map<string, LinkedClient>();
  const add = (id: string, relation: Relation) => {
    const name = names.get(id);
    if (name !== undefined && id !== clientId && !out.has(id)) out.set(id, { clientId: id, name, relation });
  };
  for (const f of book.family) if (f.clientId === clientId && f.linkedClientId !== undefined) add(f.linkedClientId, f.relation);
  for (const f of book.family) if (f.linkedClientId === clientId) add(f.clientId, REVERSE[f.relation]);
  return [...out.values()];
}

/** "金庆文 (C0018)" lists, joined in the language's way. */
function who(links: readonly LinkedClient[], sep: string, open: string, close: string): string {
  return links.map((l) => `${l.name}${open}${l.clientId}${close}`).join(sep);
}

/** The manager's warning that the linked clients' accounts are separate; undefined when there are none. */
export function separateAccountsWarning(links: readonly LinkedClient[]): Localized | undefined {
  if (links.length === 0) return undefined;
  return {
    "zh-CN": `${who(links, "、", "（", "）")}也是您的客户：各自的账户彼此独立，不可向一方提及另一方的账户。`,
    "zh-TW": `${who(links, "、", "（", "）")}也是您的客戶：各自的帳戶彼此獨立，不可向一方提及另一方的帳戶。`,
    "en-US": `${who(links, ", ", " (", ")")} ${links.length > 1 ? "are" : "is"} also your client${links.length > 1 ? "s" : ""}: their accounts are separate and must not be discussed with each other.`,
  };
}
