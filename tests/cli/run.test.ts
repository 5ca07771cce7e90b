/**
 * The command line itself, in memory (runCli with a fake CliIo): usage errors exit 2 with one line on stderr,
 * help goes to stdout, files are written where --out says, progress appears only on a terminal.
 */
import { parseClients, parseCommandArgs, parseDate, parseLang } from "../../src/cli/args";
import { fitWidth, progressLine } from "../../src/cli/progress";
import { runCli } from "../../src/cli/run";
import { HELP, MAIN_HELP, UsageError } from "../../src/cli/usage";
import { memoryIo } from "./helpers";

async function run(argv: string[], files: Record<string, string | Uint8Array> = {}, tty = false) {
  const io = memoryIo(files, { tty });
  const code = await runCli(argv, io);
  return { code, out: io.out, err: io.err, io };
}

describe("usage errors: exit 2, one line on stderr, nothing written", () => {
  const cases: [string[], RegExp][] = [
    [["frobnicate"], /^clientbook: unknown command "frobnicate"; commands: demo, template, import, build, review/],
    [["demo", "--colour"], /^clientbook demo: unknown option --colour for "clientbook demo" \(see clientbook demo --help\)$/],
    [["demo", "--lang", "fr-FR"], /^clientbook demo: --lang must be one of zh-CN, zh-TW, en-US, not "fr-FR"$/],
    [["demo", "--lang"], /^clientbook demo: option --lang needs a value/],
    [["demo", "--as-of", "2025-02-30"], /^clientbook demo: --as-of must be a calendar date written YYYY-MM-DD, not "2025-02-30"$/],
    [["demo", "--as-of", "15/06/2025"], /--as-of must be a calendar date/],
    [["demo", "--clients", "0"], /^clientbook demo: --clients must be a positive whole number, not "0"$/],
    [["demo", "--clients", "2.5"], /--clients must be a positive whole number, not "2.5"/],
    [["demo", "--clients", "-3"], /--clients must be a positive whole number|needs a value/],
    [["demo", "--clients", "60000"], /--clients must be at most 50000, not 60000/],
    [["demo", "extra"], /^clientbook demo: unexpected argument "extra"/],
    [["demo", "--out", "book.csv"], /--out must name an \.xlsx file, not "book\.csv"/],
    [["template", "--lang", "zh"], /--lang must be one of/],
    [["import", "--out", "x.xlsx"], /^clientbook import: "clientbook import" needs CLIENTS\.csv/],
    [["import", "c.csv"], /^clientbook import: "clientbook import" needs --out/],
    [["import", "missing.csv", "--out", "x.xlsx"], /^clientbook import: no such file: missing\.csv$/],
    [["import", "c.csv", "--family", "nope.csv", "--out", "x.xlsx"], /^clientbook import: no such file: nope\.csv$/],
    [["import", "c.csv", "--out", "c.csv"], /--out c\.csv is also an input file/],
    [["build", "book.xlsx"], /needs --out/],
    [["build", "book.xlsx", "--out", "book.xlsx"], /--out book\.xlsx is also an input file; write the result elsewhere/],
    [["build", "missing.xlsx", "--out", "o.xlsx"], /no such file: missing\.xlsx/],
    [["build", "book.xlsx", "--out", "o.xlsx", "--as-of", "soon"], /--as-of must be a calendar date/],
    [["review", "book.xlsx", "--out", "o.xlsx"], /needs --client/],
    [["review", "book.xlsx", "--client", "C1", "--out", "o.xlsx", "--client-facing=yes"], /option --client-facing takes no value/],
    [["help", "nothing"], /^clientbook: unknown command "nothing"/],
  ];
  test.each(cases)("%j", async (argv, message) => {
    const r = await run(argv, { "c.csv": "客户编号,姓名\nC1,张伟\n", "book.xlsx": "not a workbook" });
    expect(r.code).toBe(2);
    expect(r.err.trimEnd()).toMatch(message);
    expect(r.err.trimEnd().split("\n")).toHaveLength(1);
    expect(r.out).toBe("");
    expect([...r.io.files.keys()].sort()).toEqual(["book.xlsx", "c.csv"]);
  });

  test("a file that is not a workbook is refused with a reason", async () => {
    const r = await run(["build", "book.xlsx", "--out", "o.xlsx"], { "book.xlsx": new Uint8Array([0x50, 0x4b, 1, 2, 0, 0, 0, 9]) });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^clientbook build: book\.xlsx: not a readable \.xlsx file/);
    // text (a CSV given to build) is named for what it is
    const t = await run(["build", "book.xlsx", "--out", "o.xlsx"], { "book.xlsx": "not a workbook" });
    expect(t.code).toBe(2);
    expect(t.err).toMatch(/^clientbook build: book\.xlsx: this is a text \(CSV\) file, not an \.xlsx workbook — use `clientbook import`/);
  });

  test("no arguments: the overview on stderr, exit 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(MAIN_HELP);
  });
});

describe("help", () => {
  test.each([["--help"], ["-h"], ["help"]])("%s prints the overview on stdout", async (flag) => {
    const r = await run([flag]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(MAIN_HELP);
    expect(r.err).toBe("");
  });

  test.each(["demo", "template", "import", "build", "review"] as const)("clientbook %s --help, and help %s", async (cmd) => {
    for (const argv of [[cmd, "--help"], [cmd, "-h"], ["help", cmd]]) {
      const r = await run(argv);
      expect(r.code).toBe(0);
      expect(r.out).toBe(HELP[cmd]);
      expect(r.out).toContain(`clientbook ${cmd}`);
    }
  });

  test("--help wins over missing arguments", async () => {
    expect((await run(["review", "--help"])).code).toBe(0);
  });
});

describe("option values", () => {
  test("languages are matched ignoring case; dates and counts are checked", () => {
    expect(parseLang("zh-tw")).toBe("zh-TW");
    expect(parseLang(undefined)).toBeUndefined();
    expect(parseDate("2024-02-29")).toBe("2024-02-29");
    expect(() => parseDate("2023-02-29")).toThrow(UsageError);
    expect(() => parseDate("1999-12-31")).toThrow(/between 2000-01-01 and 2199-12-31/);
    expect(parseClients("5000")).toBe(5000);
    expect(parseClients("+7")).toBe(7);
    expect(() => parseClients("1e3")).toThrow(UsageError);
    expect(() => parseClients("")).toThrow(UsageError);
  });

  test("parseCommandArgs returns values and positionals", () => {
    expect(parseCommandArgs("review", ["b.xlsx", "--client", "C0001", "--out", "o.xlsx", "--client-facing"])).toEqual({
      help: false,
      values: { client: "C0001", out: "o.xlsx", "client-facing": true },
      positionals: ["b.xlsx"],
    });
  });
});

describe("progress", () => {
  test("only on a terminal; one line rewritten in place and cleared at the end", () => {
    const writes: string[] = [];
    expect(progressLine({ isTTY: false, write: (s) => writes.push(s) })).toBeUndefined();
    let t = 0;
    const p = progressLine({ isTTY: true, columns: 40, write: (s) => writes.push(s) }, () => t)!;
    p.update(1, 4, "客户一览");
    t = 50;
    p.update(2, 4, "skipped: less than 100 ms later");
    t = 200;
    p.update(3, 4, "资产检视-张伟-C0001 with a long tail that does not fit");
    p.update(4, 4, "saved");
    p.done();
    expect(writes).toEqual([
      "\r\x1b[2K[ 25%] 1/4 客户一览",
      "\r\x1b[2K[ 75%] 3/4 资产检视-张伟-C0001 with a l",
      "\r\x1b[2K[100%] 4/4 saved",
      "\r\x1b[2K",
    ]);
    expect(writes.every((w) => !w.includes("\n"))).toBe(true);
  });

  test("fitWidth counts CJK characters as two columns", () => {
    expect(fitWidth("资产检视abc", 9)).toBe("资产检视a");
    expect(fitWidth("abc", 2)).toBe("ab");
  });

  test("a demo run on a terminal shows progress on stderr; stdout has the file and the summary", async () => {
    const r = await run(["demo", "--clients", "2", "--out", "o/demo.xlsx", "--as-of", "2025-06-15"], {}, true);
    expect(r.code).toBe(0);
    expect(r.err.startsWith("\r\x1b[2K[")).toBe(true);
    expect(r.err).toMatch(/\[\s*\d+%\] \d+\/\d+ /);
    expect(r.err.endsWith("\r\x1b[2K")).toBe(true);
    expect(r.err).not.toContain("\n");
    expect(r.out).toMatch(/^wrote o\/demo\.xlsx\n2 clients, 16 sheets \(8 tables, 8 output sheets\), zh-CN, as of 2025-06-15, in 0\.0 s\n$/);
    expect(r.io.files.get("o/demo.xlsx")!.length).toBeGreaterThan(10000);
  });

  test("without a terminal there is no progress at all", async () => {
    const r = await run(["template", "--out", "t.xlsx"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });
});
