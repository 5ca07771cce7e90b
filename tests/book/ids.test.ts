/**
 * Ids and text as written (issue 13, "Ids"): ids compare after Unicode NFKC ignoring case, references from the
 * child tables match the same way and take the Clients table's form; a leading apostrophe, tab or CR in text is
 * kept (or, in an id, reported); a separator inside a tag does not split it.
 */
import fc from "fast-check";
import { decodeBook } from "../../src/book/codec";
import type { RawTable } from "../../src/book/raw";
import { formatRowError } from "../../src/book/messages";
import { idKey, idOddChar } from "../../src/book/text";
import { parseId, parseTags, tagText } from "../../src/book/values";
import { writeTable } from "../../src/book/write";
import { fitNote, MAX_NOTE_TEXT } from "../../src/sheets/contactCalendar";
import { MAX_SHEET_NAME } from "../../src/sheets/names";
import { reviewSheetName } from "../../src/sheets/sheetNames";

const table = (headers: string[], rows: string[][], verbatimText = true): RawTable => ({ headers, rows, headerRow: 1, sheet: "t.csv", verbatimText });

describe("ids compare after NFKC, ignoring case", () => {
  test("probe: c001, C001 and C00１ (full-width 1) were three clients; now the second and third are duplicates of row 2", () => {
    const read = decodeBook({ clients: table(["ClientId", "Name"], [["c001", "A"], ["C001", "B"], ["C00１", "C"]]) });
    expect(read.book.clients.map((c) => c.clientId)).toEqual(["c001"]);
    expect(read.errors.map((e) => [e.row, e.code, e.params?.firstRow])).toEqual([
      [3, "duplicateId", 2],
      [4, "duplicateId", 2],
    ]);
  });

  test("full-width letters too (ＣＯＯ１ is not C001, Ｃ００１ is)", () => {
    expect(idKey("Ｃ００１")).toBe(idKey("c001"));
    expect(idKey("ＣＯＯ１")).not.toBe(idKey("C001"));
  });

  test("child rows name the client in any case or width and are stored with the Clients table's form", () => {
    const read = decodeBook({
      clients: table(["ClientId", "Name"], [["C001", "Ann"]]),
      family: table(["ClientId", "Name", "Relation"], [["c001", "Bo", "Child"]]),
      holdings: table(["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount"], [["H1", "Ｃ００１", "Deposit", "定期", "本行", "100"], ["h1", "C001", "Deposit", "活期", "本行", "5"]]),
      contacts: table(["ClientId", "Date", "Channel"], [["c00１", "2025-01-02", "T"]]),
    });
    expect(read.book.family.map((f) => f.clientId)).toEqual(["C001"]);
    expect(read.book.holdings.map((h) => [h.holdingId, h.clientId])).toEqual([["H1", "C001"]]);
    expect(read.book.contacts.map((c) => c.clientId)).toEqual(["C001"]);
    // holding ids are compared the same way
    expect(read.errors).toEqual([expect.objectContaining({ table: "holdings", row: 3, code: "duplicateId" })]);
  });

  test("a child row of a rejected client points at that client's row whatever the id's case", () => {
    const read = decodeBook({
      clients: table(["ClientId", "Name", "Birthday"], [["C9", "Ann", "not a date"]]),
      family: table(["ClientId", "Name", "Relation"], [["c9", "Bo", "Child"]]),
    });
    expect(read.errors.find((e) => e.table === "family")).toMatchObject({ code: "clientRejected", params: { clientRow: 2 } });
  });

  test("property: ids differing only in case or full/half width are always duplicates", () => {
    const widen = (s: string) => [...s].map((ch) => (/[!-~]/.test(ch) ? String.fromCharCode(ch.charCodeAt(0) + 0xfee0) : ch)).join("");
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9]{1,12}$/), fc.constantFrom<(s: string) => string>((s) => s.toUpperCase(), (s) => s.toLowerCase(), widen), (id, vary) => {
        const read = decodeBook({ clients: table(["ClientId", "Name"], [[id, "A"], [vary(id), "B"]]) });
        return read.book.clients.length === 1 && read.errors.length === 1 && read.errors[0].code === "duplicateId";
      }),
    );
  });

  test("an id with a tab or line break is reported, not silently trimmed into another id", () => {
    const read = decodeBook({ clients: table(["ClientId", "Name"], [["\tC1", "A"], ["C\r2", "B"], ["C3", "C"]]) });
    expect(read.book.clients.map((c) => c.clientId)).toEqual(["C3"]);
    expect(read.errors.map((e) => [e.row, e.code])).toEqual([
      [2, "badId"],
      [3, "badId"],
    ]);
  });
});

describe("text is kept as written", () => {
  test("an id with a character NFKC folds otherwise than by width (𝐂, ①, Ⅽ, ¹, a no-break space, a separate accent) is refused, naming the character and the plain form", () => {
    // Hand-checked against the Unicode code charts: 𝐂 is MATHEMATICAL BOLD CAPITAL C (U+1D402), ① CIRCLED DIGIT ONE
    // (U+2460), Ⅽ ROMAN NUMERAL ONE HUNDRED (U+216D), ¹ SUPERSCRIPT ONE (U+00B9); NFKC folds each to C / 1 / C / 1.
    expect(idOddChar("𝐂0001")).toEqual({ char: "𝐂", code: "U+1D402", plain: "C0001" });
    expect(idOddChar("C000①")).toEqual({ char: "①", code: "U+2460", plain: "C0001" });
    expect(idOddChar("Ⅽ0001")).toEqual({ char: "Ⅽ", code: "U+216D", plain: "C0001" });
    expect(idOddChar("C000¹")).toEqual({ char: "¹", code: "U+00B9", plain: "C0001" });
    expect(idOddChar("C\u00a00001")).toEqual({ char: "\u00a0", code: "U+00A0", plain: "C 0001" });
    // e + COMBINING ACUTE ACCENT (U+0301): NFKC composes é (U+00E9); the mark is the odd character.
    expect(idOddChar("Cafe\u0301")).toEqual({ char: "\u0301", code: "U+0301", plain: "Café" });
    // Width alone is the folding the per-client read finds (its full-width searches): accepted.
    for (const id of ["C0001", "Ｃ０００１", "C０００1", "ｃ0001", "客户甲", "C\u30000001", "Café"]) expect(idOddChar(id)).toBeUndefined();
    expect(parseId("𝐂0001")).toEqual({ ok: false, reason: "oddIdChar", params: { char: "𝐂", code: "U+1D402", plain: "C0001" } });
    expect(parseId("C０００1")).toEqual({ ok: true, value: "C０００1" });
  });

  test("the refused id is reported on its row in three languages, and the row is no client's", () => {
    const read = decodeBook({
      clients: table(["ClientId", "Name"], [["C0001", "A"]]),
      holdings: table(["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount"], [["H1", "C0001", "deposit", "定期", "本行", "100"], ["H2", "𝐂0001", "deposit", "定期", "本行", "200"]]),
    });
    expect(read.book.holdings.map((h) => h.holdingId)).toEqual(["H1"]);
    const e = read.errors.find((x) => x.code === "oddIdChar")!;
    expect([e.table, e.row, e.value]).toEqual(["holdings", 3, "𝐂0001"]);
    expect(formatRowError(e, "zh-CN")).toContain("含有字符 “𝐂”（U+1D402）");
    expect(formatRowError(e, "zh-CN")).toContain("请改写为 “C0001”");
    expect(formatRowError(e, "zh-TW")).toContain("請改寫為 “C0001”");
    expect(formatRowError(e, "en-US")).toContain('holds the character "𝐂" (U+1D402)');
    expect(formatRowError(e, "en-US")).toContain('write it as "C0001"');
  });

  test("in a CSV or file a leading apostrophe is the text itself; a leading tab or CR is kept", () => {
    const read = decodeBook({ clients: table(["ClientId", "Name", "Notes"], [["C1", "'Tis Ann", "\tindented"], ["C2", "Bob", "\rfirst line"]]) });
    expect(read.book.clients.map((c) => [c.name, c.notes])).toEqual([
      ["'Tis Ann", "\tindented"],
      ["Bob", "\rfirst line"],
    ]);
  });

  test("through Office.js values (not verbatim) a leading apostrophe is still read as Excel's text prefix, as before", () => {
    const read = decodeBook({ clients: table(["ClientId", "Name"], [["C1", "'=SUM(A1)"]], false) });
    expect(read.book.clients[0].name).toBe("=SUM(A1)");
  });
});

describe("tags", () => {
  test("a tag in quotes, or with a thousands comma, stays one tag", () => {
    expect(parseTags("「子女教育、养老」, VIP")).toEqual({ ok: true, value: ["子女教育、养老", "VIP"] });
    expect(parseTags('"Smith, John";VIP')).toEqual({ ok: true, value: ["Smith, John", "VIP"] });
    expect(parseTags("资产1,000万以上、VIP")).toEqual({ ok: true, value: ["资产1,000万以上", "VIP"] });
    expect(parseTags("a,b，c")).toEqual({ ok: true, value: ["a", "b", "c"] });
  });

  test("property: tags written by the codec read back as the same tags, separators and all", () => {
    const tag = fc.stringMatching(/^[a-z0-9,，;、|万 ]{1,10}$/).map((s) => s.trim()).filter((s) => s !== "");
    fc.assert(
      fc.property(fc.uniqueArray(tag, { minLength: 1, maxLength: 5 }), fc.boolean(), (tags, english) => {
        const cell = tags.map((t) => tagText(t, english)).join(english ? ", " : "、");
        const back = parseTags(cell);
        return back.ok && JSON.stringify(back.value) === JSON.stringify(tags);
      }),
    );
  });

  test("the Tags column is written with such tags quoted", () => {
    const book = decodeBook({ clients: table(["ClientId", "Name", "Tags"], [["C1", "A", "「a、b」、c"]]) }).book;
    const written = writeTable(book, "clients", "zh-CN");
    expect(written.rows[0]).toContain("「a、b」、c");
  });
});

describe("sheet names and notes", () => {
  test("probe: a long id no longer pushes the Review- prefix out of the 31 characters", () => {
    const id = "CUST-2026-0000000000000000000000001";
    for (const lang of ["en-US", "zh-CN", "zh-TW"] as const) {
      const name = reviewSheetName("王小明", id, lang);
      expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(name.startsWith(lang === "en-US" ? "Review-" : lang === "zh-CN" ? "资产检视-" : "資產檢視-")).toBe(true);
    }
    // an ordinary id is still kept whole at the end
    expect(reviewSheetName("王小明", "C0001", "en-US")).toBe("Review-王小明-C0001");
  });

  test("a day's note longer than a cell note is cut with a visible marker in the book's language", () => {
    const long = "话".repeat(MAX_NOTE_TEXT + 100);
    const zh = fitNote(long, "zh-CN");
    expect(zh.length).toBe(MAX_NOTE_TEXT);
    expect(zh.endsWith("…（全文见「联络记录」表）")).toBe(true);
    expect(fitNote(long, "en-US").endsWith("… (full text in the Contacts table)")).toBe(true);
    expect(fitNote("short", "zh-TW")).toBe("short");
  });
});

test("a review row naming a holding in another case takes the Holdings table's form (the review sheet joins on it)", () => {
  const read = decodeBook({
    clients: table(["ClientId", "Name"], [["C001", "Ann"]]),
    holdings: table(["HoldingId", "ClientId", "AssetClass", "ProductName", "Institution", "Amount"], [["H1", "C001", "Deposit", "定期", "本行", "100"]]),
    reviews: table(["ClientId", "ReviewDate", "HoldingId", "AssetClass", "Amount"], [["c001", "2025-01-31", "h1", "Deposit", "90"], ["C001", "2025-01-31", "H1", "Deposit", "90"]]),
  });
  expect(read.book.reviews.map((r) => [r.clientId, r.holdingId])).toEqual([["C001", "H1"]]);
  expect(read.errors).toEqual([expect.objectContaining({ table: "reviews", row: 3, code: "duplicateReview" })]);
});
