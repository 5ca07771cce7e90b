/**
 * Logging a contact from the client's page: the defaults (today, the client's preferred channel), the check of
 * what was typed (by the codec's Contacts rules), and the contact-window warning shown before a call.
 */
import { clientContactWarning } from "../../domain/contacts";
import { CHANNELS, type Channel, type Client, type Contact, type IsoDate, type Lang } from "../../domain/types";
import { reasonText } from "./recordForm";
import { readTable } from "../../book/read";
import { TABLES } from "../../book/schema";
import { t } from "../i18n";
import { dateText } from "../format";

export interface ContactDraft {
  channel: Channel;
  date: IsoDate | string;
  summary: string;
  nextAction: string;
  nextDate: string;
}

/** Today, the client's preferred channel (phone when none), the rest blank. */
export function contactDefaults(client: Pick<Client, "preferredChannel">, asOf: IsoDate): ContactDraft {
  return { channel: client.preferredChannel ?? "T", date: asOf, summary: "", nextAction: "", nextDate: "" };
}

export function isChannel(x: string): x is Channel {
  return (CHANNELS as readonly string[]).includes(x);
}

/** The warning to show now for this channel, in the UI language, or null. */
export function contactWarning(client: Pick<Client, "contactWindow" | "tags">, channel: Channel, at: Date, lang: Lang): string | null {
  return clientContactWarning(client, channel, at)?.message[lang] ?? null;
}

export interface ContactCheck {
  contact?: Contact;
  errors: Partial<Record<keyof ContactDraft, string>>;
}

/**
 * The Contacts row to append, or a message per bad field. A next date before the contact's date is refused:
 * a follow-up cannot be planned in the past.
 */
export function checkContact(clientId: string, d: ContactDraft, lang: Lang): ContactCheck {
  const cols = TABLES.contacts.columns;
  const values: Record<string, string> = { clientId, date: d.date, channel: d.channel, summary: d.summary, nextAction: d.nextAction, nextDate: d.nextDate };
  const read = readTable("contacts", { headers: cols.map((c) => c.key), rows: [cols.map((c) => values[c.field] ?? "")], headerRow: 1 }, { lang });
  const errors: ContactCheck["errors"] = {};
  for (const e of read.errors) {
    const field = e.columnIndex === undefined ? undefined : (cols[e.columnIndex].field as keyof ContactDraft);
    if (field && errors[field] === undefined) errors[field] = reasonText(e, lang);
  }
  const contact = read.records[0];
  if (contact?.nextDate && contact.nextDate < contact.date) {
    errors.nextDate = t(lang, "contact.nextBeforeDate", { next: dateText(contact.nextDate, lang), date: dateText(contact.date, lang) });
    return { errors };
  }
  return contact && Object.keys(errors).length === 0 ? { contact, errors } : { errors };
}

