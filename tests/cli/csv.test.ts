/** CSV decoding, records with their line numbers, and CSV files as the codec's RawTables. */
import iconv from "iconv-lite";
import { decodeBook } from "../../src/book/codec";
import { csvTable, decodeCsv, parseCsvRecords } from "../../src/cli/csv";
import { UsageError } from "../../src/cli/usage";

const enc = (s: string) => new TextEncoder().encode(s);
const TEXT = "客户编号,姓名,备注\nC0001,张伟,喜欢新基金\nC0002,李娜,「繁體」測試 €\n";

describe("decodeCsv", () => {
  test("UTF-8 without and with a BOM (the BOM is not part of the first header)", () => {
    expect(decodeCsv(enc(TEXT))).toMatchObject({ text: TEXT, encoding: "utf-8", badLines: [] });
    expect(decodeCsv(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(TEXT)]))).toMatchObject({ text: TEXT, encoding: "utf-8", badLines: [] });
  });

  test("GB18030, as Chinese Excel saves CSV: bytes that are not valid UTF-8", () => {
    const gb = new Uint8Array(iconv.encode("客户编号,姓名\nC0001,张伟\nC0002,欧阳娜娜\n", "gb18030"));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(gb)).toThrow();
    expect(decodeCsv(gb)).toMatchObject({ text: "客户编号,姓名\nC0001,张伟\nC0002,欧阳娜娜\n", encoding: "gb18030", badLines: [] });
  });

  test("GB18030 four-byte sequences (characters outside GBK) come back whole", () => {
    const s = "姓名\n𠀀𪚥\n";
    expect(decodeCsv(new Uint8Array(iconv.encode(s, "gb18030"))).text).toBe(s);
  });

  test("UTF-16 with a BOM (Excel's Unicode text)", () => {
    const le = new Uint8Array(iconv.encode(TEXT, "utf-16le"));
    expect(decodeCsv(new Uint8Array([0xff, 0xfe, ...le]))).toMatchObject({ text: TEXT, encoding: "utf-16le" });
    const be = new Uint8Array(iconv.encode(TEXT, "utf-16be"));
    expect(decodeCsv(new Uint8Array([0xfe, 0xff, ...be]))).toMatchObject({ text: TEXT, encoding: "utf-16be" });
  });
});

describe("parseCsvRecords", () => {
  test("records carry the line they start on: quoted line breaks, blank lines, CRLF, LF and CR files", () => {
    const expected = [
      { cells: ["a", "b"], line: 1 },
      { cells: ["1", "x\ny"], line: 2 },
      { cells: [""], line: 4 },
      { cells: ["3", "4"], line: 5 },
    ];
    expect(parseCsvRecords('a,b\r\n1,"x\ny"\r\n\r\n3,4', "f.csv")).toEqual(expected);
    expect(parseCsvRecords('a,b\n1,"x\ny"\n\n3,4\n', "f.csv").slice(0, 4)).toEqual(expected);
    expect(parseCsvRecords('a,b\r1,"x\ny"\r\r3,4', "f.csv")).toEqual(expected);
  });

  test("a cell's own CRLF stays verbatim in a CRLF file; quotes, commas and formulas are plain text", () => {
    const r = parseCsvRecords('a,b\r\n"=SUM(A1:A2)","x,""y""\r\nz"\r\n', "f.csv");
    expect(r[1]).toEqual({ cells: ["=SUM(A1:A2)", 'x,"y"\r\nz'], line: 2 });
  });

  test("tab- and semicolon-separated files are recognised", () => {
    expect(parseCsvRecords("a\tb\n1\t2\n", "f.txt")[1].cells).toEqual(["1", "2"]);
    expect(parseCsvRecords("a;b\n1;2\n", "f.csv")[1].cells).toEqual(["1", "2"]);
  });

  test("an unterminated quote is a usage error naming the file and line", () => {
    expect(() => parseCsvRecords('a,b\n1,2\n3,"oops\n4,5\n', "f.csv")).toThrow(new UsageError('f.csv:3: a quoted cell is never closed (a " without its closing ")'));
  });
});

describe("csvTable", () => {
  test("data row i sits at line headerRow + 1 + i, so codec errors carry CSV line numbers", () => {
    const text = '客户编号,姓名,生日\nC0001,张伟,1980-03-05\n"C0002","李\n娜",1985-13-40\n\nC0003,王芳,1990年1月2日\nC0003,重复,\n';
    const t = csvTable(text, "clients.csv", "clients");
    expect(t.headerRow).toBe(1);
    expect(t.sheet).toBe("clients.csv");
    const { book, errors } = decodeBook({ clients: t });
    expect(book.clients.map((c) => c.clientId)).toEqual(["C0001", "C0003"]);
    expect(book.clients[1].birthday).toBe("1990-01-02");
    expect(errors.map((e) => [e.sheet, e.row, e.column, e.code])).toEqual([
      ["clients.csv", 3, "生日", "badDate"],
      ["clients.csv", 7, "客户编号", "duplicateId"],
    ]);
  });

  test("a title line above the header row is skipped; the header is the first row naming the table's required columns", () => {
    const text = "2025年客户名单（导出）\n\nClient ID,Name,Phone\nC0001,Zhang Wei,13800138000\n";
    const t = csvTable(text, "c.csv", "clients");
    expect(t.headerRow).toBe(3);
    expect(decodeBook({ clients: t }).book.clients).toEqual([{ clientId: "C0001", name: "Zhang Wei", phone: "13800138000" }]);
  });

  test("an empty file (or only blank lines) is a usage error", () => {
    expect(() => csvTable("\n\n", "empty.csv", "clients")).toThrow(new UsageError("empty.csv: the file is empty (no header row)"));
  });
});
