/**
 * The documents link (src/book/link.ts, the Clients table's Documents column): which places a hyperlink may point
 * to, the 255-character address limit, and that a bad link is a row error naming sheet, row and column while the
 * cell stays text.
 */
import fc from "fast-check";
import { decodeBook, textSafe, writeTable } from "../../src/book/codec";
import { checkLink, linkKind, MAX_LINK_ADDRESS } from "../../src/book/link";
import { formatRowError } from "../../src/book/messages";
import { parseCell } from "../../src/book/values";
import { columnSpec, TABLES } from "../../src/book/schema";
import { emptyBook, LANGS } from "../../src/domain/types";

describe("checkLink: what a hyperlink may point to", () => {
  test.each([
    "https://docs.bank.example/clients/C0001",
    "http://intranet/客户资料/张三",
    "HTTPS://Docs.Bank.Example",
    "file:///D:/客户资料/张三",
    "file://fs01/share/张三",
    "D:\\客户资料\\张三 王五",
    "d:/clients/C0001",
    "\\\\fs01\\客户资料\\张三",
    "\\\\fs01.bank.local\\share",
  ])("accepted: %s", (s) => {
    expect(checkLink(s)).toEqual({ ok: true, address: s });
  });

  test.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    " javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "mailto:a@b.com",
    "ftp://files.example/x",
    "=HYPERLINK(\"https://evil.example\",\"click\")",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1)",
    "www.bank.example", // no scheme: Excel would read it as a relative path
    "客户资料\\张三", // relative path: opens a different folder depending on where the book is
    "..\\x",
    "/Users/me/docs", // a POSIX path: not one Excel on Windows opens
    "https://", // no host
    "https://bank.example@evil.example/", // user info: opens evil.example
    "https:// bank.example",
    "\\\\server", // a UNC path needs a share
    "C:", // a drive without a path
    "ｈｔｔｐｓ://bank.example", // full-width letters are not the scheme
  ])("refused: %s", (s) => {
    expect(checkLink(s)).toEqual({ ok: false, problem: "scheme" });
  });

  test("a control character (tab, line break) is refused: the link would not be the text shown", () => {
    expect(checkLink("https://bank.example/a\nb")).toEqual({ ok: false, problem: "control" });
    expect(checkLink("D:\\a\tb")).toEqual({ ok: false, problem: "control" });
  });

  test("255 characters is the longest address (excel-writer-xlsx #26: Excel 2007/2010 limit URLs to 255 characters)", () => {
    const base = "https://docs.bank.example/";
    const at = base + "a".repeat(MAX_LINK_ADDRESS - base.length);
    expect(at).toHaveLength(255);
    expect(checkLink(at)).toEqual({ ok: true, address: at });
    expect(checkLink(`${at}b`)).toEqual({ ok: false, problem: "tooLong" });
  });

  test("kinds: web addresses apart from file places", () => {
    expect(linkKind("https://x.example")).toBe("web");
    expect(linkKind("\\\\fs01\\share")).toBe("file");
    expect(linkKind("D:\\x")).toBe("file");
    expect(linkKind("file:///D:/x")).toBe("file");
  });

  test("property: nothing that starts like a formula or names another scheme is ever accepted", () => {
    const scheme = fc.stringMatching(/^[a-z][a-z0-9+.-]{1,10}$/).filter((x) => x !== "http" && x !== "https" && x !== "file");
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom("=", "+", "-", "@", "＝"), scheme.map((x) => `${x}:`)), fc.string(), (head, tail) => {
        expect(checkLink(head + tail).ok).toBe(false);
      }),
    );
  });
});

describe("the Clients table's Documents column", () => {
  const col = columnSpec("clients", "documents");

  test("optional, appended last, headers in three languages, laid out as text", () => {
    expect(col).toMatchObject({ key: "Documents", type: "link", required: false, format: "@" });
    expect(col.headers).toEqual({ "zh-CN": "资料链接", "zh-TW": "資料連結", "en-US": "Documents" });
  });

  test("parseCell: a link as typed (trimmed), blank is absent, the others refused with their reason", () => {
    expect(parseCell(col, "  \\\\fs01\\客户资料\\张三  ")).toEqual({ ok: true, value: "\\\\fs01\\客户资料\\张三" });
    expect(parseCell(col, null)).toEqual({ ok: true, value: undefined });
    expect(parseCell(col, "javascript:alert(1)")).toEqual({ ok: false, reason: "badLink" });
    expect(parseCell(col, `D:\\${"x".repeat(300)}`)).toEqual({ ok: false, reason: "linkTooLong", params: { length: 303, max: 255 } });
  });

  test("a bad link is a row error naming sheet, row and column, in three languages; good rows are kept", () => {
    const headers = ["客户编号", "姓名", "资料链接"];
    const rows = [
      ["C1", "张三", "\\\\fs01\\客户资料\\张三"],
      ["C2", "李四", "javascript:alert(document.cookie)"],
      ["C3", "王五", null],
    ];
    const { book, errors } = decodeBook({ clients: { headers, rows, headerRow: 1, sheet: "客户" } });
    expect(book.clients).toEqual([
      { clientId: "C1", name: "张三", documents: "\\\\fs01\\客户资料\\张三" },
      { clientId: "C3", name: "王五" },
    ]);
    expect(errors).toEqual([{ table: "clients", sheet: "客户", row: 3, column: "资料链接", columnIndex: 2, code: "badLink", value: "javascript:alert(document.cookie)" }]);
    expect(formatRowError(errors[0], "zh-CN")).toMatch(/^「客户」第 3 行「资料链接」：“javascript:alert\(document\.cookie\)” 不是可打开的资料链接/);
    expect(formatRowError(errors[0], "zh-TW")).toMatch(/^「客户」第 3 列「资料链接」：“javascript:alert\(document\.cookie\)” 不是可開啟的資料連結/);
    expect(formatRowError(errors[0], "en-US")).toMatch(/^客户, row 3, 资料链接: "javascript:alert\(document\.cookie\)" is not a documents link/);
  });

  test("a book without the column reads as before", () => {
    const { book, errors } = decodeBook({ clients: { headers: ["客户编号", "姓名"], rows: [["C1", "张三"]], headerRow: 1 } });
    expect(errors).toEqual([]);
    expect(book.clients).toEqual([{ clientId: "C1", name: "张三" }]);
  });

  test("written and read back unchanged in every language; the cell is written as text", () => {
    const book = emptyBook();
    book.clients.push({ clientId: "C1", name: "张三", documents: "https://docs.bank.example/C1?x=1&y=2" });
    for (const lang of LANGS) {
      const t = writeTable(book, "clients", lang);
      // appended after the columns before it (IncomeCurrency came later, after it)
      expect(t.headers[TABLES.clients.columns.indexOf(col)]).toBe(col.headers[lang]);
      const again = decodeBook({ clients: { headers: t.headers, rows: t.rows, headerRow: 1 } });
      expect(again.book.clients).toStrictEqual(book.clients);
    }
    // A link never starts with = + - @ (refused above); text in the cell goes through textSafe like any string.
    expect(textSafe("https://docs.bank.example")).toBe("https://docs.bank.example");
  });
});
