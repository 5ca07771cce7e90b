/**
 * Hostile and careless CSV input to `clientbook import` (issue 13): nothing lost, nothing silently changed.
 * Each test names the probe of the issue it covers.
 */
import { runCli } from "../../src/cli/run";
import { IMPORT_ERRORS_COLUMNS, IMPORT_ERRORS_HEADER_ROW, textPieces } from "../../src/sheets/importErrors";
import { memoryIo, partTexts, readWorkbookTables } from "./helpers";

async function imported(files: Record<string, string | Uint8Array>, args: string[] = []) {
  const io = memoryIo(files);
  const code = await runCli(["import", Object.keys(files)[0], "--out", "out.xlsx", ...args], io);
  const out = io.files.get("out.xlsx");
  const wb = out ? await readWorkbookTables(out) : undefined;
  const clients = wb?.tables.find((t) => t.tableName === "Clients")?.table;
  const errorsSheet = wb ? [...wb.grids.entries()].find(([name]) => /Import errors|导入错误/.test(name))?.[1] : undefined;
  return { io, code, wb, clients, errorsSheet };
}

describe("long text (probe: a 40,000-character cell made import exit 3 and write nothing)", () => {
  const long = "长".repeat(20000) + "x".repeat(20000);

  test("the row is a row error (exit 1); the good rows import; the text is kept whole on the import-errors sheet, in pieces", async () => {
    const csv = `Client ID,Name,Notes\r\nC1,Ann,short\r\nC2,Bob,"${long}"\r\nC3,Cy,ok\r\n`;
    const { io, code, clients, errorsSheet } = await imported({ "c.csv": csv });
    expect(code).toBe(1);
    expect(io.err).toMatch(/^c\.csv:3: Notes: text of 40000 characters is longer than an Excel cell holds \(32767\); not imported, kept whole on the import-errors sheet$/m);
    expect(clients!.rows.map((r) => r[0])).toEqual(["C1", "C3"]);
    // the rejected row and its continuation line: the pieces of the Notes column join to the original text
    const raw = IMPORT_ERRORS_COLUMNS.raw - 1;
    const first = errorsSheet!.findIndex((r) => r[raw] === "C2");
    expect(first).toBeGreaterThan(IMPORT_ERRORS_HEADER_ROW - 1);
    const pieces = [errorsSheet![first][raw + 2], errorsSheet![first + 1][raw + 2]];
    expect(pieces.every((p) => typeof p === "string" && p.length <= 32767)).toBe(true);
    expect(pieces.join("")).toBe(long);
    expect(String(errorsSheet![first + 1][IMPORT_ERRORS_COLUMNS.reason - 1])).toMatch(/continued: part 2 of 2/);
  });

  test("pieces never split a surrogate pair and join to the original", () => {
    const s = "a" + "𠀀".repeat(20000);
    const p = textPieces(s);
    expect(p.join("")).toBe(s);
    expect(p.every((x) => x.length <= 32767 && !/^[\uDC00-\uDFFF]/.test(x))).toBe(true);
  });

  test("a long value in the user's own extra column is a row error too (it could not be written back)", async () => {
    const csv = `Client ID,Name,My notes\r\nC1,Ann,"${"y".repeat(33000)}"\r\nC2,Bob,fine\r\n`;
    const { code, clients, io } = await imported({ "c.csv": csv });
    expect(code).toBe(1);
    expect(io.err).toMatch(/c\.csv:2: My notes: text of 33000 characters/);
    expect(clients!.rows.map((r) => r[0])).toEqual(["C2"]);
  });
});

describe("extra cells (probe: T1,Tom,hello,LOST-1,LOST-2 imported with exit 0 and the extras vanished)", () => {
  test("a row with more non-empty cells than the header is a row error naming the line and the extra values", async () => {
    const { code, io, clients, errorsSheet } = await imported({ "t.csv": "Client ID,Name,Notes\r\nT0,Ann,fine\r\nT1,Tom,hello,LOST-1,LOST-2\r\n" });
    expect(code).toBe(1);
    expect(io.err).toBe('t.csv:3: 2 more cells than the header has columns ("LOST-1 | LOST-2"), usually an unquoted comma; not imported\n');
    expect(clients!.rows.map((r) => r[0])).toEqual(["T0"]);
    const raw = IMPORT_ERRORS_COLUMNS.raw - 1;
    expect(errorsSheet!.find((r) => r[raw] === "T1")!.slice(raw)).toEqual(["T1", "Tom", "hello", "LOST-1", "LOST-2"]);
  });

  test("trailing empty cells (a spreadsheet's trailing commas) are not extra", async () => {
    const { code } = await imported({ "t.csv": "Client ID,Name,Notes\r\nT0,Ann,fine,,\r\n" });
    expect(code).toBe(0);
  });
});

describe("wrong file (probe: import book.xlsx gave a CSV parse error at line 194)", () => {
  test("an .xlsx given to import: exit 2, says to use build, in three languages, by its bytes even when named .csv", async () => {
    const io = memoryIo();
    expect(await runCli(["demo", "--out", "book.xlsx", "--clients", "1"], io)).toBe(0);
    io.files.set("book.csv", io.files.get("book.xlsx")!);
    for (const name of ["book.xlsx", "book.csv"]) {
      io.err = "";
      expect(await runCli(["import", name, "--out", "x.xlsx"], io)).toBe(2);
      expect(io.err).toBe(
        `clientbook import: ${name}: this is an .xlsx workbook, not a CSV file — use \`clientbook build\` to read a workbook / 这是 .xlsx 工作簿，不是 CSV 文件，读取工作簿请用 clientbook build / 這是 .xlsx 活頁簿，不是 CSV 檔，讀取活頁簿請用 clientbook build\n`,
      );
    }
    expect(io.files.has("x.xlsx")).toBe(false);
  });
});

describe("dates (probe: the message offered an Excel date serial, which a CSV cannot carry)", () => {
  test("a serial number in a CSV date column is refused and the message offers only forms that are accepted", async () => {
    const { io, code } = await imported({ "d.csv": "Client ID,Name,Birthday\r\nC1,Ann,45356\r\nC2,Bob,20240305\r\n" });
    expect(code).toBe(1);
    expect(io.err).toBe('d.csv:2: Birthday: "45356" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)\n');
  });
});

describe("a contact summary that fits the table but not a cell note (probe: build failed)", () => {
  test("build succeeds; the calendar's note is cut with the marker; the Contacts table keeps the whole summary", async () => {
    const summary = "谈".repeat(32600); // fits a cell (32,767) but not a note once "电话：" is put before it
    const io = memoryIo({
      "c.csv": "客户编号,姓名\r\nC1,张伟\r\n",
      "k.csv": `客户编号,日期,方式,内容摘要\r\nC1,2025-06-10,T,${summary}\r\n`,
    });
    expect(await runCli(["import", "c.csv", "--contacts", "k.csv", "--out", "book.xlsx"], io)).toBe(0);
    expect(await runCli(["build", "book.xlsx", "--out", "out.xlsx", "--as-of", "2025-06-15"], io)).toBe(0);
    const out = io.files.get("out.xlsx")!;
    const wb = await readWorkbookTables(out);
    const contacts = wb.tables.find((t) => t.tableName === "Contacts")!.table;
    expect(contacts.rows[0]).toContain(summary);
    const parts = await partTexts(out);
    const comments = [...parts.entries()].filter(([name]) => /comments\d*\.xml$/.test(name)).map(([, text]) => text);
    expect(comments.some((c) => c.includes("…（全文见「联络记录」表）"))).toBe(true);
  });
});
