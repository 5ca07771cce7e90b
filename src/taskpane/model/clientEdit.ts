/**
 * The client form's draft (the client and their family members, holdings and policies as text fields), its
 * validation, and the ClientEdit that saveClient receives: before/after of every record that changed, nothing
 * for records left as they were.
 */
import type { ClientEdit, RecordEdit } from "../../excel/api";
import { rowsOfClient } from "../../domain/reviews";
import type { Book, Client, FamilyMember, Holding, IsoDate, Lang, Policy } from "../../domain/types";
import { nextClientId, nextIds } from "./ids";
import { blankValues, checkRecord, recordToValues, type FormTable, type FormValues } from "./recordForm";

export type ChildTable = Exclude<FormTable, "clients">;

export interface DraftRecord<T> {
  /** Stable React key within the form. */
  key: string;
  /** The record as the form loaded it; absent for a new record. */
  original?: T;
  values: FormValues;
  /** Marked for deletion (kept in the draft so the user can undo). */
  removed?: boolean;
}

export interface ClientDraft {
  isNew: boolean;
  client: DraftRecord<Client>;
  family: DraftRecord<FamilyMember>[];
  holdings: DraftRecord<Holding>[];
  policies: DraftRecord<Policy>[];
}

let keySeq = 0;
const newKey = (): string => `r${++keySeq}`;

/** The draft for editing an existing client, or for a new one (next free client id) when `clientId` is null. */
export function draftFor(book: Book, clientId: string | null, lang: Lang): ClientDraft {
  if (clientId === null) {
    return {
      isNew: true,
      client: { key: newKey(), values: blankValues("clients", { clientId: nextClientId(book.clients) }, lang) },
      family: [],
      holdings: [],
      policies: [],
    };
  }
  const client = book.clients.find((c) => c.clientId === clientId);
  if (!client) throw new RangeError(`client ${clientId} is not in the book`);
  const wrap = <T>(table: FormTable, r: T): DraftRecord<T> => ({ key: newKey(), original: r, values: recordToValues(table, r as never, lang) });
  return {
    isNew: false,
    client: wrap("clients", client),
    family: rowsOfClient(book.family, clientId).map((r) => wrap("family", r)),
    holdings: rowsOfClient(book.holdings, clientId).map((r) => wrap("holdings", r)),
    policies: rowsOfClient(book.policies, clientId).map((r) => wrap("policies", r)),
  };
}

/** A new blank child record; holdings and policies get the next free id of the whole book and the draft. */
export function addChild(draft: ClientDraft, table: ChildTable, book: Book, lang: Lang): ClientDraft {
  const ids: Record<string, string> = {};
  if (table === "holdings") {
    ids.holdingId = nextIds([...book.holdings.map((h) => h.holdingId), ...draft.holdings.map((d) => d.values.holdingId)], "holding", 1)[0];
  } else if (table === "policies") {
    ids.policyId = nextIds([...book.policies.map((p) => p.policyId), ...draft.policies.map((d) => d.values.policyId)], "policy", 1)[0];
  }
  const rec: DraftRecord<never> = { key: newKey(), values: blankValues(table, ids, lang) };
  if (table === "policies") rec.values.insured = draft.client.values.name ?? "";
  return { ...draft, [table]: [...draft[table], rec] };
}

export interface DraftCheck {
  ok: boolean;
  /** Draft record key → field → message. */
  errors: Record<string, Record<string, string>>;
  /** Set when ok. */
  edit?: ClientEdit;
  /** Number of records the save would write (changed, added or removed). */
  changes: number;
}

/** Same record: same fields with the same values (tags in order). Records hold only strings, numbers, booleans and string arrays. */
export function sameRecord(a: object, b: object): boolean {
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) {
    const x = ra[k];
    const y = rb[k];
    if (Array.isArray(x) && Array.isArray(y)) {
      if (x.length !== y.length || x.some((v, i) => v !== y[i])) return false;
    } else if (x !== y) return false;
  }
  return true;
}

/**
 * Validates every record of the draft (removed ones excepted) and builds the edit of the changed ones. `clientIds`:
 * the book's clients, which a family member's linked client id must name.
 */
export function checkDraft(draft: ClientDraft, asOf: IsoDate, lang: Lang, clientIds?: ReadonlySet<string>): DraftCheck {
  const clientId = draft.client.values.clientId;
  const errors: DraftCheck["errors"] = {};
  const ctx = { asOf, lang, clientId, ...(clientIds ? { clientIds } : {}) };
  const clientCheck = checkRecord("clients", draft.client.values, ctx);
  if (Object.keys(clientCheck.errors).length > 0) errors[draft.client.key] = clientCheck.errors;

  function children<T extends object>(table: ChildTable, rows: DraftRecord<T>[]): RecordEdit<T>[] {
    const out: RecordEdit<T>[] = [];
    for (const d of rows) {
      if (d.removed) {
        if (d.original) out.push({ before: d.original });
        continue;
      }
      const c = checkRecord(table, d.values, ctx);
      if (Object.keys(c.errors).length > 0) {
        errors[d.key] = c.errors;
        continue;
      }
      const after = c.record as unknown as T;
      if (!d.original) out.push({ after });
      else if (!sameRecord(d.original, after)) out.push({ before: d.original, after });
    }
    return out;
  }
  const family = children("family", draft.family);
  const holdings = children("holdings", draft.holdings);
  const policies = children("policies", draft.policies);
  if (Object.keys(errors).length > 0 || !clientCheck.record) return { ok: false, errors, changes: 0 };

  const after = clientCheck.record;
  const before = draft.client.original;
  const clientChanged = !before || !sameRecord(before, after);
  // saveClient always receives the client (its row is the edit's anchor); unchanged, before and after are equal.
  const client: RecordEdit<Client> = before ? { before, after } : { after };
  const changes = (clientChanged ? 1 : 0) + family.length + holdings.length + policies.length;
  return { ok: true, errors, edit: { client, family, holdings, policies }, changes };
}
