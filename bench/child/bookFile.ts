/**
 * Child process of the benchmark (run with bin/run-ts.js, so its memory is measured apart from the bench's own):
 * writes the seeded sample book of N clients to an .xlsx with src/xlsx — the six tables and Settings as real
 * Excel tables, and with --outputs every output sheet too (the demo workbook). Prints one JSON line
 * { ms, bytes, sheets } on stdout; ms covers generating, building, rendering and writing the file.
 *
 *   node bin/run-ts.js bench/child/bookFile.ts --clients 40 --out /tmp/demo.xlsx [--outputs]
 */
import { writeFileSync } from "fs";
import { writeBook } from "../../src/book/codec";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { generateBook, SAMPLE_SEED } from "../../src/sample";
import { allSheets } from "../../src/sheets";
import { addSpecToFile, addTableSheet, finishWorkbook, newWorkbook } from "../../src/xlsx";
import { AS_OF, LANG } from "../books";

function fail(message: string): never {
  process.stderr.write(`bookFile: ${message}\n`);
  process.exit(2);
}

function parse(argv: string[]): { clients: number; out: string; outputs: boolean } {
  let clients: number | undefined;
  let out: string | undefined;
  let outputs = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--outputs") outputs = true;
    else if (a === "--clients") clients = Number(argv[++i]);
    else if (a === "--out") out = argv[++i];
    else fail(`unknown argument "${a}"`);
  }
  if (clients === undefined || !Number.isInteger(clients) || clients < 1) fail("--clients needs a whole number ≥ 1");
  if (!out) fail("--out FILE is required");
  return { clients, out, outputs };
}

async function main(): Promise<void> {
  // bin/run-ts.js leaves this script's path in argv: the flags follow it.
  const at = process.argv.findIndex((a) => /bookFile\.ts$/.test(a));
  const { clients, out, outputs } = parse(process.argv.slice(at + 1));
  const t = performance.now();
  const book = generateBook({ clients, seed: SAMPLE_SEED, asOf: AS_OF, lang: LANG });
  const f = await newWorkbook();
  let sheets = 0;
  if (outputs) {
    for (const spec of allSheets(book, { asOf: AS_OF, lang: LANG })) {
      addSpecToFile(f, spec);
      sheets++;
    }
  }
  const written = writeBook(book, LANG);
  for (const key of TABLE_KEYS) {
    const t2 = TABLES[key];
    addTableSheet(f, {
      sheet: t2.sheet[LANG],
      tableName: t2.tableName,
      headers: written[key].headers,
      rows: written[key].rows,
      columnFormats: key === "settings" ? undefined : t2.columns.map((c) => c.format),
      widths: key === "settings" ? undefined : t2.columns.map((c) => c.width),
    });
    sheets++;
  }
  const bytes = await finishWorkbook(f, { title: "ClientBook benchmark" });
  writeFileSync(out, bytes);
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, bytes: bytes.length, sheets })}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bookFile: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
