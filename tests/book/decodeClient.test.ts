/**
 * src/book/decodeClient.ts against the codec itself: one client's rows changed (appended, changed in place,
 * deleted), decoded again on their own and put in place, must give exactly decodeBook of the new tables — records,
 * their Excel rows and every row error with its row and parameters — or give up (undefined). Books with the
 * codec's cross-row cases: a holding id another client's row repeats, the client's Clients row repeated, a rejected
 * row of the client, a review repeated at one date, foreign-currency rows (generateBook's USD/HKD with Rates).
 */
import fc from "fast-check";
import { decodeBook, writeBook } from "../../src/book/codec";
import { decodeClientAgain, type TableChange } from "../../src/book/decodeClient";
import type { RawTable, RawValue } from "../../src/book/raw";
import { TABLE_KEYS, TABLES, type TableKey } from "../../src/book/schema";
import { generateBook } from "../../src/sample";

const AS_OF = "2026-05-15";

function rawOf(book: ReturnType<typeof generateBook>): Partial<Record<TableKey, RawTable>> {
  const w = writeBook(book, "zh-CN");
  const out: Partial<Record<TableKey, RawTable>> = {};
  for (const k of TABLE_KEYS) out[k] = { headers: w[k].headers, rows: w[k].rows, headerRow: 1, sheet: TABLES[k].sheet["zh-CN"] };
  return out;
}

const col = (k: TableKey, field: string) => TABLES[k].columns.findIndex((c) => c.field === field);

type Edit =
  | { kind: "appendContact"; text: string }
  | { kind: "appendReview"; dup: boolean }
  | { kind: "changeHolding"; amount: number }
  | { kind: "badContactDate" }
  | { kind: "deleteFamily" }
  | { kind: "changeClient"; phone: string }
  | { kind: "deleteHolding" };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("appendContact" as const), text: fc.string({ maxLength: 8 }) }),
  fc.record({ kind: fc.constant("appendReview" as const), dup: fc.boolean() }),
  fc.record({ kind: fc.constant("changeHolding" as const), amount: fc.integer({ min: 0, max: 9_999_999 }) }),
  fc.constant({ kind: "badContactDate" as const }),
  fc.constant({ kind: "deleteFamily" as const }),
  fc.record({ kind: fc.constant("changeClient" as const), phone: fc.stringMatching(/^1[3-9]\d{9}$/) }),
  fc.constant({ kind: "deleteHolding" as const }),
);

/** Applies an edit to the client's rows; the change in data indexes, as src/taskpane/model/clientMerge.ts reports it. */
function apply(raw: Partial<Record<TableKey, RawTable>>, id: string, e: Edit): { raw: Partial<Record<TableKey, RawTable>>; changes: Partial<Record<TableKey, TableChange>> } {
  const out = { ...raw };
  const rowsOf = (k: TableKey) => raw[k]!.rows.map((r, i) => ({ r, i })).filter((x) => x.r[col(k, "clientId")] === id);
  const put = (k: TableKey, rows: RawValue[][]) => (out[k] = { ...raw[k]!, rows });
  const n = (k: TableKey) => raw[k]!.rows.length;
  switch (e.kind) {
    case "appendContact": {
      const row = [...(rowsOf("contacts")[0]?.r ?? raw.contacts!.rows[0])];
      row[col("contacts", "clientId")] = id;
      row[col("contacts", "summary")] = e.text;
      put("contacts", [...raw.contacts!.rows, row]);
      return { raw: out, changes: { contacts: { deleted: [], changed: [n("contacts")] } } };
    }
    case "badContactDate": {
      const row = [...raw.contacts!.rows[0]];
      row[col("contacts", "clientId")] = id;
      row[col("contacts", "date")] = "2026-13-45";
      put("contacts", [...raw.contacts!.rows, row]);
      return { raw: out, changes: { contacts: { deleted: [], changed: [n("contacts")] } } };
    }
    case "appendReview": {
      const mine = rowsOf("reviews");
      if (mine.length === 0) return { raw: out, changes: {} };
      const row = [...mine[mine.length - 1].r];
      if (!e.dup) row[col("reviews", "reviewDate")] = 46200; // a later date (serial), not a repeat
      put("reviews", [...raw.reviews!.rows, row]);
      return { raw: out, changes: { reviews: { deleted: [], changed: [n("reviews")] } } };
    }
    case "changeHolding": {
      const h = rowsOf("holdings")[0];
      if (!h) return { raw: out, changes: {} };
      const rows = raw.holdings!.rows.slice();
      rows[h.i] = [...h.r];
      rows[h.i][col("holdings", "amount")] = e.amount;
      put("holdings", rows);
      return { raw: out, changes: { holdings: { deleted: [], changed: [h.i] } } };
    }
    case "changeClient": {
      const c = rowsOf("clients")[0];
      const rows = raw.clients!.rows.slice();
      rows[c.i] = [...c.r];
      rows[c.i][col("clients", "phone")] = e.phone;
      put("clients", rows);
      return { raw: out, changes: { clients: { deleted: [], changed: [c.i] } } };
    }
    case "deleteFamily":
    case "deleteHolding": {
      const k = e.kind === "deleteFamily" ? "family" : "holdings";
      const x = rowsOf(k)[0];
      if (!x) return { raw: out, changes: {} };
      put(k, raw[k]!.rows.filter((_, i) => i !== x.i));
      return { raw: out, changes: { [k]: { deleted: [x.i], changed: [] } } };
    }
  }
}

describe("decodeClientAgain", () => {
  test("a contact appended for a client reads as decodeBook reads it, without decoding the book (worked: the 41st row, Excel row 42+)", () => {
    const book = generateBook({ clients: 6, seed: 7, asOf: AS_OF, lang: "zh-CN" });
    const raw = rawOf(book);
    const id = book.clients[2].clientId;
    const { raw: next, changes } = apply(raw, id, { kind: "appendContact", text: "电话回访" });
    const fast = decodeClientAgain(decodeBook(raw), raw, next, changes, id);
    expect(fast).toBeDefined();
    expect(fast).toEqual(decodeBook(next));
    // The new contact is last, on the Excel row below the table's last row.
    expect(fast!.book.contacts.at(-1)).toMatchObject({ clientId: id, summary: "电话回访" });
    expect(fast!.rows.contacts.at(-1)).toBe(raw.contacts!.rows.length + 2);
  });

  test("a holding id another client's row repeats: gives up (the later row's rejection depends on both)", () => {
    const book = generateBook({ clients: 6, seed: 11, asOf: AS_OF, lang: "zh-CN" });
    const raw = rawOf(book);
    const id = book.clients[1].clientId;
    const mine = raw.holdings!.rows.findIndex((r) => r[col("holdings", "clientId")] === id);
    const theirs = raw.holdings!.rows.findIndex((r) => r[col("holdings", "clientId")] !== id);
    const rows = raw.holdings!.rows.map((r) => [...r]);
    rows[theirs][col("holdings", "holdingId")] = rows[mine][col("holdings", "holdingId")];
    const withRepeat = { ...raw, holdings: { ...raw.holdings!, rows } };
    const { raw: next, changes } = apply(withRepeat, id, { kind: "changeHolding", amount: 5 });
    expect(decodeClientAgain(decodeBook(withRepeat), withRepeat, next, changes, id)).toBeUndefined();
  });

  test("property: any edits of one client's rows give decodeBook's result, or undefined", () => {
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100000 }), fc.integer({ min: 2, max: 7 }), fc.nat(), editArb, fc.constantFrom("none", "repeatHolding", "repeatClient", "badRow"), (seed, n, pick, edit, twist) => {
        const book = generateBook({ clients: n, seed, asOf: AS_OF, lang: "zh-CN" });
        let raw = rawOf(book);
        const id = book.clients[pick % n].clientId;
        // The codec's cross-row cases, in the book before the edit.
        if (twist === "repeatHolding" && raw.holdings!.rows.length > 1) {
          const rows = raw.holdings!.rows.map((r) => [...r]);
          rows[rows.length - 1][col("holdings", "holdingId")] = rows[0][col("holdings", "holdingId")];
          raw = { ...raw, holdings: { ...raw.holdings!, rows } };
        } else if (twist === "repeatClient") {
          const c = raw.clients!.rows.find((r) => r[col("clients", "clientId")] === id)!;
          raw = { ...raw, clients: { ...raw.clients!, rows: [...raw.clients!.rows, [...c]] } };
        } else if (twist === "badRow") {
          const row = [...raw.contacts!.rows[0]];
          row[col("contacts", "clientId")] = id;
          row[col("contacts", "channel")] = "X";
          raw = { ...raw, contacts: { ...raw.contacts!, rows: [row, ...raw.contacts!.rows] } };
        }
        const { raw: next, changes } = apply(raw, id, edit);
        const got = decodeClientAgain(decodeBook(raw), raw, next, changes, id);
        runs++;
        if (got === undefined) return;
        fast++;
        expect(got).toEqual(decodeBook(next));
      }),
      { numRuns: 60 },
    );
    // Most edits take the fast way (a test that always gave up would prove nothing).
    expect(fast).toBeGreaterThan(runs / 2);
  });
});
