/**
 * Test helpers for the clientbook command: an in-memory CliIo, CSV files made from a book, and reading what a
 * written workbook holds (its tables, grids and the decoded text of every XML part).
 */
import Papa from "papaparse";
import type { RawValue } from "../../src/book/raw";
import { TABLES } from "../../src/book/schema";
import type { RecordTableKey } from "../../src/book/schema";
import { writeTable } from "../../src/book/write";
import { serialToIso } from "../../src/domain/dates";
import type { Book, Lang } from "../../src/domain/types";
import type { CliIo } from "../../src/cli/run";
import { UsageError } from "../../src/cli/usage";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { entryText, readZip, xmlUnescape } from "../../src/xlsx/zip";

export interface MemoryIo extends CliIo {
  out: string;
  err: string;
  files: Map<string, Uint8Array>;
}

/** A CliIo over a Map of files; stderr a terminal or not. */
export function memoryIo(files: Record<string, Uint8Array | string> = {}, opts: { tty?: boolean; today?: string } = {}): MemoryIo {
  const map = new Map<string, Uint8Array>(Object.entries(files).map(([k, v]) => [k, typeof v === "string" ? new TextEncoder().encode(v) : v]));
  const io: MemoryIo = {
    out: "",
    err: "",
    files: map,
    stdout: { write: (s: string) => (io.out += s) },
    stderr: { write: (s: string) => (io.err += s), isTTY: opts.tty ?? false, columns: 100 },
    readFile: (f) => {
      const b = map.get(f);
      if (!b) throw new UsageError(`no such file: ${f}`);
      return b;
    },
    writeFile: (f, b) => void map.set(f, b),
    today: () => opts.today ?? "2025-06-15",
    now: () => 0,
  };
  return io;
}

/** A record table of `book` as CSV text in `lang` (dates as ISO text, as other systems export them). */
export function tableCsv(book: Book, key: RecordTableKey, lang: Lang, extra?: { header: string; values: string[] }): string {
  const t = writeTable(book, key, lang);
  const cols = TABLES[key].columns;
  const rows = t.rows.map((r, i) => {
    const cells = r.map((v: RawValue, c) => (v === null ? "" : cols[c].type === "date" && typeof v === "number" ? serialToIso(v) : String(v)));
    return extra ? [...cells, extra.values[i] ?? ""] : cells;
  });
  return Papa.unparse({ fields: extra ? [...t.headers, extra.header] : t.headers, data: rows }, { newline: "\r\n" });
}

/** Every part of an .xlsx package as text, XML entities and Excel's _xHHHH_ escapes decoded. */
export async function partTexts(bytes: Uint8Array): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of readZip(bytes)) {
    const text = await entryText(e);
    out.set(e.name, xmlUnescape(text).replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))));
  }
  return out;
}

export { readWorkbookTables };

/**
 * The charts on each sheet of a package, found the way Excel finds them (sheet → drawing → chart parts):
 * "pie", "column" (a bar chart with barDir col), "bar" or the chart element's name otherwise.
 */
export async function sheetCharts(bytes: Uint8Array): Promise<Map<string, string[]>> {
  const { relationships, sheetPartPaths } = await import("../../src/xlsx/parts");
  const entries = readZip(bytes);
  const byName = new Map(entries.map((e) => [e.name, e]));
  const out = new Map<string, string[]>();
  for (const [sheet, part] of await sheetPartPaths(entries)) {
    const kinds: string[] = [];
    for (const rel of (await relationships(entries, part)).values()) {
      if (!rel.type.endsWith("/drawing")) continue;
      for (const c of (await relationships(entries, rel.target)).values()) {
        if (!c.type.endsWith("/chart")) continue;
        const e = byName.get(c.target);
        if (!e) continue;
        const xml = await entryText(e);
        if (/<(?:\w+:)?pieChart\b/.test(xml)) kinds.push("pie");
        else if (/<(?:\w+:)?barChart\b/.test(xml)) kinds.push(/<(?:\w+:)?barDir val="col"/.test(xml) ? "column" : "bar");
        else kinds.push(/<(?:\w+:)?(\w+Chart)\b/.exec(xml)?.[1] ?? "unknown");
      }
    }
    out.set(sheet, kinds);
  }
  return out;
}
