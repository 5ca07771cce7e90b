/**
 * Property: for random books, the client-facing review file written by `clientbook review --client-facing` holds
 * nothing confidential — of the client (internal id, full phone and ID number, e-mail, address, notes, tags, tier,
 * manager, contact window, contact summaries, family) or of any other client (anything at all) — in any part of
 * the package: sheets, shared strings, comments, charts and their caches, drawings, document properties.
 *
 * The books come from arbBook({ distinctive: true }): every free-text value ends in a random 8-character token,
 * so a value can be searched for without false hits; a token is searched alone (a cut-off value — a sheet name is
 * at most 31 characters — still leaks its token). Values that also occur in what the client may see (their name,
 * product names — also those their own review rows recorded — institutions) are allowed.
 */
import fc from "fast-check";
import { reviewCommand } from "../../src/cli/commands/review";
import { maskPhone } from "../../src/domain/mask";
import type { Book } from "../../src/domain/types";
import { sheetText } from "../../src/sheets/text";
import { addBookTables } from "../../src/xlsx/bookFile";
import { finishWorkbook, newWorkbook } from "../../src/xlsx";
import { arbBook } from "../book/arbitraries";
import { partTexts } from "./helpers";

const AS_OF = "2026-01-15"; // after every generated birthday (ARB_AS_OF)
const TOKEN = /[A-Za-z0-9]{8}$/;

/** The free-text fields of each table (codes, dates and ids are not secrets by themselves). */
const TEXT_FIELDS = {
  clients: ["name", "idNumber", "phone", "email", "address", "occupation", "employer", "hobbies", "tags", "contactWindow", "manager", "notes"],
  family: ["name", "schoolOrWork", "notes"],
  holdings: ["productName", "institution", "notes"],
  policies: ["insured", "insurer", "productName", "beneficiary"],
  contacts: ["summary", "nextAction"],
  reviews: ["productName"],
} as const;

function strings(record: object, table: keyof typeof TEXT_FIELDS): string[] {
  const r = record as Record<string, unknown>;
  return TEXT_FIELDS[table].flatMap((k) => {
    const v = r[k];
    return typeof v === "string" ? [v] : Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
  });
}

/** Ids worth searching for: C00042-style, or made of non-ASCII characters (never XML markup or a number). */
function searchableId(id: string): boolean {
  return /^[A-Z]\d{5}$/.test(id) || (id.length >= 3 && [...id].some((ch) => ch.codePointAt(0)! > 0x7f));
}

interface Secret {
  what: string;
  value: string;
}

function secretsOf(book: Book, clientId: string): { secrets: Secret[]; allowed: string[] } {
  const me = book.clients.find((c) => c.clientId === clientId)!;
  const secrets: Secret[] = [];
  const add = (what: string, v: string | undefined) => v && secrets.push({ what, value: v });
  if (searchableId(me.clientId)) add("own client id", me.clientId);
  add("own phone", me.phone);
  add("own ID number", me.idNumber);
  add("own e-mail", me.email);
  for (const [k, v] of Object.entries(me)) {
    if (["address", "notes", "manager", "contactWindow", "hobbies", "occupation", "employer"].includes(k)) add(`own ${k}`, v as string);
  }
  for (const t of me.tags ?? []) add("own tag", t);
  for (const f of book.family.filter((x) => x.clientId === clientId)) for (const s of strings(f, "family")) add("own family", s);
  for (const h of book.holdings.filter((x) => x.clientId === clientId)) add("own holding note", h.notes);
  for (const c of book.contacts.filter((x) => x.clientId === clientId)) {
    add("own contact summary", c.summary);
    add("own next action", c.nextAction);
  }
  const t = sheetText(book.settings.language);
  for (const label of [t.review.labels.tier, t.review.headers.suitability, t.profile.headers.tags, t.profile.headers.notes, ...Object.values(t.review.flags)]) add("manager-only label", label);
  for (const other of book.clients.filter((c) => c.clientId !== clientId)) {
    if (searchableId(other.clientId)) add("other client's id", other.clientId);
    const texts = [
      ...strings(other, "clients"),
      ...(["family", "holdings", "policies", "contacts", "reviews"] as const).flatMap((k) => (book[k] as { clientId: string }[]).filter((r) => r.clientId === other.clientId).flatMap((r) => strings(r, k))),
    ];
    for (const s of texts) if (TOKEN.test(s) || s === other.phone || s === other.idNumber || s === other.email) add(`other client ${other.clientId}`, s);
  }
  // what the client may see of their own, including the names their reviews recorded for holdings sold since
  const allowed = [
    me.name,
    ...book.holdings.filter((h) => h.clientId === clientId).flatMap((h) => [h.productName, h.institution, h.holdingId]),
    ...book.reviews.filter((r) => r.clientId === clientId).flatMap((r) => [r.holdingId, ...(r.productName ? [r.productName] : [])]),
  ];
  return { secrets, allowed };
}

/** Where a secret shows in the text: its token alone when it has one with a letter, else the whole value. */
function needle(s: Secret): string {
  const token = TOKEN.exec(s.value)?.[0];
  return token && /[A-Za-z]/.test(token) && s.value.length > 8 ? token : s.value;
}

async function bookBytes(book: Book): Promise<Uint8Array> {
  const f = await newWorkbook();
  addBookTables(f, book);
  return finishWorkbook(f);
}

test("no confidential value of any client appears anywhere in a client-facing review file", async () => {
  await fc.assert(
    fc.asyncProperty(arbBook({ distinctive: true, minClients: 2, maxClients: 5, maxRows: 10 }), fc.nat(), async (book, pick) => {
      const client = book.clients[pick % book.clients.length];
      const r = await reviewCommand({ book: { name: "book.xlsx", bytes: await bookBytes(book) }, clientId: client.clientId, out: "r.xlsx", clientFacing: true, asOf: AS_OF });
      const parts = await partTexts(r.files[0].bytes);
      const text = [...parts.values()].join("\n");
      // the review is there: the client's name and masked phone
      expect(text).toContain(client.name);
      if (client.phone) expect(text).toContain(maskPhone(client.phone));
      const { secrets, allowed } = secretsOf(book, client.clientId);
      for (const s of secrets) {
        const n = needle(s);
        if (allowed.some((a) => a.includes(n))) continue;
        for (const [part, t] of parts) {
          if (t.includes(n)) throw new Error(`${s.what} ${JSON.stringify(s.value)} appears in ${part} of the client-facing review of ${client.clientId}`);
        }
      }
    }),
    { numRuns: 25, endOnFailure: true },
  );
});

test("the check finds a leak: the manager's copy of the same review fails it", async () => {
  const [book] = fc.sample(arbBook({ distinctive: true, minClients: 2, maxClients: 3, maxRows: 6 }), { numRuns: 1, seed: 42 });
  const client = book.clients[0];
  const r = await reviewCommand({ book: { name: "book.xlsx", bytes: await bookBytes(book) }, clientId: client.clientId, out: "r.xlsx", clientFacing: false, asOf: AS_OF });
  const text = [...(await partTexts(r.files[0].bytes)).values()].join("\n");
  const { secrets, allowed } = secretsOf(book, client.clientId);
  const leaked = secrets.filter((s) => !allowed.some((a) => a.includes(needle(s))) && text.includes(needle(s))).map((s) => s.what);
  expect(leaked).toEqual(expect.arrayContaining(["own phone", "manager-only label"]));
});
