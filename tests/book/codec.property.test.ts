/**
 * Property tests of the codec: read(write(book)) is the book, in every language and however the columns are
 * arranged; random malformed rows never throw, and every non-blank row ends up either in the book or in the
 * errors (never both, never neither); junk rows never change the good rows around them.
 */
import fc from "fast-check";
import { decodeBook, readSettings, readTable, textSafe, writeBook } from "../../src/book/codec";
import { codeLabels } from "../../src/book/codes";
import type { CodeListKey } from "../../src/book/codes";
import { formatRowError } from "../../src/book/errors";
import type { RowError } from "../../src/book/errors";
import type { RawTable, RawValue, WrittenTable } from "../../src/book/raw";
import { RECORD_TABLE_KEYS, SETTINGS, TABLE_KEYS, TABLES } from "../../src/book/schema";
import type { ColumnSpec, TableKey } from "../../src/book/schema";
import { cellText } from "../../src/book/text";
import { LANGS } from "../../src/domain/types";
import type { Book, Lang } from "../../src/domain/types";
import { ARB_AS_OF, arbBook } from "./arbitraries";

const asRaw = (t: WrittenTable, headerRow = 1): RawTable => ({ headers: t.headers, rows: t.rows, headerRow });

describe("read(write(book)) = book", () => {
  for (const lang of LANGS) {
    test(`in ${lang}`, () => {
      fc.assert(
        fc.property(arbBook(), (book) => {
          const tables = writeBook(book, lang);
          const raw = Object.fromEntries(TABLE_KEYS.map((k) => [k, asRaw(tables[k])])) as Record<TableKey, RawTable>;
          const { book: again, errors } = decodeBook(raw, { asOf: ARB_AS_OF });
          expect(errors).toEqual([]);
          expect(again).toStrictEqual(book);
        }),
        { numRuns: 60 },
      );
    });
  }

  /**
   * As a file or CSV would hold it: every string through textSafe (the apostrophe kept literally), columns
   * shuffled, a user column inserted, headers in a mix of the three languages and internal keys, the table
   * starting lower on the sheet.
   */
  test("through textSafe, with shuffled and extra columns and mixed header languages", () => {
    const layout = fc.record({
      lang: fc.constantFrom(...LANGS),
      headerRow: fc.integer({ min: 1, max: 30 }),
      headerForms: fc.array(fc.constantFrom<Lang | "key">(...LANGS, "key"), { minLength: 30, maxLength: 30 }),
      seed: fc.integer(),
    });
    fc.assert(
      fc.property(arbBook({ maxClients: 6, maxRows: 8 }), layout, (book, { lang, headerRow, headerForms, seed }) => {
        const raw: Partial<Record<TableKey, RawTable>> = {};
        for (const key of TABLE_KEYS) {
          const t = writeBook(book, lang)[key];
          const cols = TABLES[key].columns;
          const headers: RawValue[] = cols.map((c, i) => (headerForms[i] === "key" ? c.key : c.headers[headerForms[i] as Lang]));
          const order = permutation(cols.length + 1, seed); // the extra column takes index cols.length
          const safe = (v: RawValue) => (typeof v === "string" ? textSafe(v) : v);
          raw[key] = {
            headers: order.map((j) => (j === cols.length ? "我的备注 My notes" : headers[j])),
            rows: t.rows.map((row) => order.map((j) => (j === cols.length ? "=user's own" : safe(row[j])))),
            headerRow,
          };
        }
        const { book: again, errors } = decodeBook(raw, { asOf: ARB_AS_OF });
        expect(errors).toEqual([]);
        expect(again).toStrictEqual(book);
      }),
      { numRuns: 80 },
    );
  });
});

/** A deterministic permutation of 0..n-1 from a seed (fast-check supplies the seed, so failures shrink and replay). */
function permutation(n: number, seed: number): number[] {
  const out = Array.from({ length: n }, (_, i) => i);
  let s = seed >>> 0 || 1;
  for (let i = n - 1; i > 0; i--) {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

// ---- malformed rows ----------------------------------------------------------------------------------------

const JUNK_WORDS = [
  "#N/A", "#VALUE!", "=SUM(A1)", "-5", "¥-1,000", "5万", "万", "2024/13/40", "2024-02-29", "2023-02-29", "20240230", "1e400", "NaN",
  "Infinity", "是", "否", "也许", "C3", "C9", "R9", "理财", "黄金", "贷款", "本行", "半年", "T", "X", "'", "'-", "0", "-0", "2030-01-01",
  "终身", "1,23", "(100)", "12%", "  ", "", "Ｃ１", "２０２４年１３月１日", "2024-03-05 25:99", "C1", "C2", "C3", "H1",
];
const junkCell: fc.Arbitrary<RawValue> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom<RawValue>(...JUNK_WORDS) },
  { weight: 2, arbitrary: fc.constantFrom<RawValue>(null, true, false, Number.NaN, Number.POSITIVE_INFINITY, -0, 60, 0, -1, 2958466, 1e300, 45000.5) },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 10 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer({ min: -1e6, max: 1e6 }) },
);

/** Values a column would accept, so that some random rows are valid and the cross-cell checks run. */
function validValues(key: TableKey, col: ColumnSpec, lang: Lang): RawValue[] {
  if (key === "settings") {
    return col.field === "key" ? SETTINGS.flatMap((s) => [s.key, s.headers[lang]]) : ["简体中文", "English", "CNY", "港币", 10, "80万", 0.1, "10%", 3];
  }
  const ids = (prefix: string) => Array.from({ length: 300 }, (_, i) => `${prefix}${i}`);
  switch (col.type) {
    case "id":
      // A family member's link: mostly none, else one of the few clients (known, rejected, unknown).
      if (col.field === "linkedClientId") return [null, "", null, "", "C1", "C2", "C3", "C4"];
      // Child tables name a few clients (known, rejected, unknown); own ids come from a wider pool.
      return col.field === "clientId" && key !== "clients" ? ["C1", "C2", "C3", "C4"] : ids(col.field === "clientId" ? "C" : "X");
    case "text":
      return ["张三", "x", "=1+1"];
    case "date":
      return [45000, "2024-03-05", "2024/3/5", "2026年1月2日", "1990.1.1"];
    case "amount":
      return [100, "5万", "¥1,000.50", 0];
    case "int":
      return [1, "2", "20年"];
    case "number":
      return [0.5, "10%"];
    case "bool":
      return ["是", "N", true];
    case "tags":
      return ["a、b", "VIP"];
    case "institution":
      return ["本行", "招商银行"];
    case "link":
      return ["https://docs.bank.example/c1", "\\\\fs01\\客户资料\\张三", "D:\\客户资料", "javascript:alert(1)", "=HYPERLINK(\"x\")"];
    default:
      return codeLabels(col.type.slice(5) as CodeListKey, lang);
  }
}

/** mulberry32: a tiny seeded PRNG in [0, 1). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROWS_PER_RUN = 1000;
const RUNS = 10; // 10 × 1,000 = 10,000 rows per table

/**
 * A table of 1,000 random rows under shuffled headers (plus a user column). Drawing every cell through
 * fast-check costs seconds per run, so fast-check draws a pool of junk and a seed, and the rows are dealt from
 * the pool and from valid values: each row gets its own junk rate (0 → a valid-looking row that only the
 * cross-cell checks can reject, 1 → all junk), and a few rows are blank.
 */
function malformedTable(key: TableKey): fc.Arbitrary<RawTable> {
  const cols = TABLES[key].columns;
  const parts = fc.record({
    lang: fc.constantFrom(...LANGS),
    seed: fc.integer(),
    headerRow: fc.integer({ min: 1, max: 5 }),
    junk: fc.array(junkCell, { minLength: 300, maxLength: 300 }),
  });
  return parts.map(({ lang, seed, headerRow, junk }) => {
    const rand = prng(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
    const order = permutation(cols.length + 1, seed);
    const valid = cols.map((c) => validValues(key, c, lang));
    const rows: RawValue[][] = [];
    for (let r = 0; r < ROWS_PER_RUN; r++) {
      const junkRate = pick([0, 0, 0.03, 0.1, 0.3, 1]);
      const blank = rand() < 0.03;
      rows.push(order.map((j) => (blank ? pick([null, "", " "]) : j === cols.length || rand() < junkRate ? pick(junk) : pick(valid[j]))));
    }
    return { headers: order.map((j) => (j === cols.length ? "备注2" : cols[j].headers[lang])), rows, headerRow, sheet: "S" };
  });
}

/**
 * Every non-blank row is in the book xor in the errors; errors point at real cells and format in every
 * language. Plain checks (not expect) in the loops: there are tens of thousands of errors per table.
 */
function checkAccounted(raw: RawTable, key: TableKey, recordRows: number[], errors: RowError[]): void {
  const schemaIdx = raw.headers.map((h, i) => (h === "备注2" ? -1 : i)).filter((i) => i >= 0);
  const inBook = new Set(recordRows);
  const inErrors = new Set(errors.map((e) => e.row));
  if (inBook.size !== recordRows.length) throw new Error("a row is in the book twice");
  raw.rows.forEach((cells, i) => {
    const row = raw.headerRow + 1 + i;
    const blank = schemaIdx.every((j) => cellText(cells[j] ?? null) === undefined);
    if (blank) {
      if (inBook.has(row) || inErrors.has(row)) throw new Error(`blank row ${row} was not skipped`);
    } else if (inBook.has(row) === inErrors.has(row)) {
      throw new Error(`row ${row} ${inBook.has(row) ? "is both in the book and in the errors" : "is neither in the book nor in the errors"}: ${JSON.stringify(cells)}`);
    }
  });
  for (const e of errors) {
    const bad =
      e.table !== key || e.sheet !== "S" || e.row <= raw.headerRow || e.row > raw.headerRow + raw.rows.length ||
      e.columnIndex === undefined || e.column !== cellText(raw.headers[e.columnIndex]);
    if (bad) throw new Error(`error does not point at a cell: ${JSON.stringify(e)}`);
    for (const lang of LANGS) {
      const msg = formatRowError(e, lang);
      if (/undefined|\[object/.test(msg)) throw new Error(`bad message: ${msg}`);
    }
  }
}

describe("10,000 random malformed rows per table", () => {
  const ctx = { asOf: "2025-06-30", clientIds: new Set(["C1", "C2"]), rejectedClients: new Map([["C3", 7]]) };
  const stats: string[] = [];
  afterAll(() => console.log(`malformed rows kept/rejected: ${stats.join("; ")}`));
  for (const key of RECORD_TABLE_KEYS) {
    test(key, () => {
      let kept = 0;
      let rejected = 0;
      fc.assert(
        fc.property(malformedTable(key), (raw) => {
          const r = readTable(key, raw, ctx);
          expect(r.records).toHaveLength(r.rows.length);
          checkAccounted(raw, key, r.rows, r.errors);
          kept += r.rows.length;
          rejected += new Set(r.errors.map((e) => e.row)).size;
        }),
        { numRuns: RUNS, endOnFailure: true }, // shrinking 1,000-row tables takes minutes; the message names the row
      );
      // Both paths must be exercised, or the property proves little.
      expect(kept).toBeGreaterThan(100);
      expect(rejected).toBeGreaterThan(1000);
      stats.push(`${key} ${kept}/${rejected}`);
    });
  }
  test("settings", () => {
    let kept = 0;
    fc.assert(
      fc.property(malformedTable("settings"), (raw) => {
        const r = readSettings(raw);
        checkAccounted(raw, "settings", Object.values(r.rows), r.errors);
        kept += Object.keys(r.rows).length;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect(kept).toBeGreaterThan(0);
  });
});

// ---- junk between good rows --------------------------------------------------------------------------------

test("junk rows between good rows change none of the good rows", () => {
  const junkRow = (width: number) => fc.array(fc.oneof(junkCell, fc.constant("ZZ9")), { minLength: width, maxLength: width });
  fc.assert(
    fc.property(arbBook({ minClients: 1, maxClients: 5, maxRows: 6 }), fc.constantFrom(...LANGS), fc.integer(), fc.array(junkRow(30), { maxLength: 40 }), (book, lang, seed, junk) => {
      const tables = writeBook(book, lang);
      // Junk ids all start with a prefix no good id starts with, so junk can never take a good row's id.
      const goodIds = [...book.clients.map((c) => c.clientId), ...book.holdings.map((h) => h.holdingId), ...book.policies.map((p) => p.policyId), ...book.reviews.map((r) => r.holdingId)];
      let prefix = "ZZ";
      while (goodIds.some((id) => id.startsWith(prefix))) prefix += "Z";
      const raw: Partial<Record<TableKey, RawTable>> = {};
      const goodRows: Partial<Record<TableKey, number[]>> = {};
      for (const key of TABLE_KEYS) {
        const width = TABLES[key].columns.length;
        const idCols = TABLES[key].columns.map((c, i) => (c.type === "id" ? i : -1)).filter((i) => i >= 0);
        const junkRows = junk.map((r) => r.slice(0, width).map((v, i) => (idCols.includes(i) && v !== null ? `${prefix}${String(v)}` : v)));
        const rows: RawValue[][] = [];
        const good: number[] = [];
        let s = seed >>> 0;
        let g = 0;
        let j = 0;
        while (g < tables[key].rows.length || j < junkRows.length) {
          s = (Math.imul(s, 1103515245) + 12345) >>> 0;
          const takeJunk = j < junkRows.length && (g >= tables[key].rows.length || s % 2 === 0);
          if (takeJunk) rows.push(junkRows[j++]);
          else {
            good.push(2 + rows.length);
            rows.push(tables[key].rows[g++]);
          }
        }
        raw[key] = { headers: tables[key].headers, rows, headerRow: 1 };
        goodRows[key] = good;
      }
      const r = decodeBook(raw, { asOf: ARB_AS_OF });
      for (const key of RECORD_TABLE_KEYS) {
        const kept = r.book[key].filter((_, i) => goodRows[key]!.includes(r.rows[key][i]));
        expect(kept).toStrictEqual((book as Book)[key]);
        expect(r.errors.filter((e) => e.table === key && goodRows[key]!.includes(e.row))).toEqual([]);
      }
      // A junk settings row may set a value by chance before the good row of the same key, so settings are only
      // checked for every row being accounted for.
      checkAccountedPlain(raw.settings!, Object.values(readSettings(raw.settings!).rows), r.errors.filter((e) => e.table === "settings"));
    }),
    { numRuns: 40 },
  );
});

function checkAccountedPlain(raw: RawTable, recordRows: number[], errors: RowError[]): void {
  const inBook = new Set(recordRows);
  const inErrors = new Set(errors.map((e) => e.row));
  raw.rows.forEach((cells, i) => {
    const row = raw.headerRow + 1 + i;
    const blank = cells.every((c) => cellText(c) === undefined);
    if (!blank && inBook.has(row) === inErrors.has(row)) throw new Error(`settings row ${row} not accounted for`);
  });
}
