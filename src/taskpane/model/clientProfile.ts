/**
 * The profile at the top of a client's page (issue 15): how to reach the client (phone, address, preferred
 * channel and contact window), birthday and age, risk level with its name (C4 成长型), tags, the documents link,
 * the family with ages — a member who is also a client links to that client's page — and the clients whose
 * accounts must be kept apart from this one's. Pure: the page only lays it out.
 */
import { checkLink, linkKind } from "../../book/link";
import { age } from "../../domain/birthdays";
import { linkedClients, type LinkedClient } from "../../domain/linkedClients";
import { CLIENT_RISK_NAMES } from "../../domain/suitability";
import type { Book, Channel, Client, IsoDate, Lang, Relation } from "../../domain/types";

export interface ProfileMember {
  name: string;
  relation: Relation;
  birthday?: IsoDate;
  /** Whole years on asOf; absent for a birthday after it (a data error the codec reports). */
  age?: number;
  schoolOrWork?: string;
  /** The member is this client of the book (FamilyMember.linkedClientId, when it names one). */
  linkedClientId?: string;
}

export interface ClientProfile {
  phone?: string;
  email?: string;
  address?: string;
  birthday?: IsoDate;
  age?: number;
  /** "C4 成长型" */
  risk?: string;
  tags: string[];
  preferredChannel?: Channel;
  contactWindow?: string;
  /** The documents folder: the text as recorded and where the link goes; absent when not a place a link may open. */
  documents?: { text: string; href: string };
  family: ProfileMember[];
  /** Clients whose accounts are separate from this one's (domain/linkedClients). */
  linked: LinkedClient[];
}

/**
 * Where a documents link goes in the pane: a web address as it is; a file URL as it is; a drive or UNC path as a
 * file URL (file:///D:/…, file://server/share/…), the form a browser opens. Undefined for anything checkLink
 * (src/book/link.ts, the one rule for links) refuses.
 */
export function documentsHref(text: string): string | undefined {
  const c = checkLink(text);
  if (!c.ok) return undefined;
  if (linkKind(c.address) === "web" || /^file:/i.test(c.address)) return c.address;
  const slashed = c.address.replace(/\\/g, "/");
  return slashed.startsWith("//") ? `file:${slashed}` : `file:///${slashed}`;
}

export function clientProfile(book: Pick<Book, "clients" | "family">, client: Client, asOf: IsoDate, lang: Lang): ClientProfile {
  const ids = new Set(book.clients.map((c) => c.clientId));
  const family = book.family
    .filter((f) => f.clientId === client.clientId)
    .map((f): ProfileMember => {
      const m: ProfileMember = { name: f.name, relation: f.relation };
      if (f.birthday) m.birthday = f.birthday;
      if (f.birthday && f.birthday <= asOf) m.age = age(f.birthday, asOf);
      if (f.schoolOrWork) m.schoolOrWork = f.schoolOrWork;
      if (f.linkedClientId !== undefined && ids.has(f.linkedClientId) && f.linkedClientId !== client.clientId) m.linkedClientId = f.linkedClientId;
      return m;
    });
  const p: ClientProfile = { tags: client.tags ?? [], family, linked: linkedClients(book, client.clientId) };
  if (client.phone) p.phone = client.phone;
  if (client.email) p.email = client.email;
  if (client.address) p.address = client.address;
  if (client.birthday) p.birthday = client.birthday;
  if (client.birthday && client.birthday <= asOf) p.age = age(client.birthday, asOf); // a future date has no age
  if (client.riskLevel) p.risk = `${client.riskLevel} ${CLIENT_RISK_NAMES[lang][client.riskLevel]}`;
  if (client.preferredChannel) p.preferredChannel = client.preferredChannel;
  if (client.contactWindow) p.contactWindow = client.contactWindow;
  if (client.documents) {
    const href = documentsHref(client.documents);
    if (href) p.documents = { text: client.documents, href };
  }
  return p;
}
