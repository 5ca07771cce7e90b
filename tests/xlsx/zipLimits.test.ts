/**
 * Zip bombs: an .xlsx whose parts unzip to gigabytes is refused from the sizes its central directory declares,
 * before anything is inflated, and one whose directory lies is stopped by the cap on the bytes actually inflated.
 * The bombs are made in memory: a sheet part that is a deflated run of zeros (1 MiB of zeros deflates to ~1 KB;
 * full-flush blocks concatenate into one valid deflate stream), so a 2 GiB part costs about 2 MB and no time.
 */
import { constants, deflateRawSync } from "node:zlib";
import { readBookFile } from "../../src/cli/bookInput";
import { runCli } from "../../src/cli/run";
import { UsageError } from "../../src/cli/usage";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { checkZipSizes, crc32, entryBytes, InflateBudget, makeEntry, READ_LIMITS, readZip, writeZip, ZipTooLargeError } from "../../src/xlsx/zip";
import type { ZipEntry } from "../../src/xlsx/zip";
import { memoryIo } from "../cli/helpers";

const MiB = 1024 * 1024;

/** A raw deflate stream of `mib` MiB of zeros, built from one deflated MiB repeated. */
function deflatedZeros(mib: number): Uint8Array {
  const chunk = deflateRawSync(Buffer.alloc(MiB), { finishFlush: constants.Z_FULL_FLUSH });
  const end = deflateRawSync(Buffer.alloc(0));
  const out = new Uint8Array(chunk.length * mib + end.length);
  for (let i = 0; i < mib; i++) out.set(chunk, i * chunk.length);
  out.set(end, chunk.length * mib);
  return out;
}

const enc = (s: string) => new TextEncoder().encode(s);

/** A minimal workbook (one sheet) whose sheet part is `sheet`, with `declared` as the size the directory gives it. */
async function workbookWith(sheet: { raw: Uint8Array; declared: number }): Promise<Uint8Array> {
  const parts: [string, string][] = [
    ["[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ["_rels/.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ["xl/workbook.xml", '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Clients" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ["xl/_rels/workbook.xml.rels", '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'],
  ];
  const entries: ZipEntry[] = [];
  for (const [name, text] of parts) entries.push(await makeEntry(name, enc(text)));
  entries.push({ name: "xl/worksheets/sheet1.xml", method: 8, crc32: 0, size: sheet.declared, raw: sheet.raw, time: 0, date: 0x21 });
  return writeZip(entries);
}

describe("zip size limits", () => {
  test("the limits: 256 MB per part, 1 GB in all", () => {
    expect(READ_LIMITS).toEqual({ entryBytes: 256 * MiB, totalBytes: 1024 * MiB });
  });

  test("a 2 GiB sheet in a ~2 MB file is refused from its directory, in well under a second, nothing inflated", async () => {
    const bomb = await workbookWith({ raw: deflatedZeros(2048), declared: 2048 * MiB });
    expect(bomb.length).toBeLessThan(4 * MiB);
    const t0 = Date.now();
    const rss0 = process.memoryUsage().rss;
    await expect(readWorkbookTables(bomb)).rejects.toThrow(/part xl\/worksheets\/sheet1\.xml unzips to 2,048 MB .*at most 256 MB per part and 1,024 MB in all/);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(process.memoryUsage().rss - rss0).toBeLessThan(100 * MiB);
  });

  test("many parts under the per-part limit but over the total are refused too", () => {
    const part = (name: string): ZipEntry => ({ name, method: 8, crc32: 0, size: 200 * MiB, raw: new Uint8Array(0), time: 0, date: 0 });
    expect(() => checkZipSizes([1, 2, 3, 4, 5, 6].map((i) => part(`xl/worksheets/sheet${i}.xml`)))).toThrow(/unzips to 1,200 MB; ClientBook reads at most 1,024 MB in all/);
    expect(() => checkZipSizes([1, 2, 3, 4, 5].map((i) => part(`xl/worksheets/sheet${i}.xml`)))).not.toThrow();
  });

  test("a directory that lies (declares 1 KB for 300 MiB) is stopped by the cap on what really inflates", async () => {
    const bomb = await workbookWith({ raw: deflatedZeros(300), declared: 1024 });
    const t0 = Date.now();
    await expect(readWorkbookTables(bomb)).rejects.toThrow(/sheet1\.xml inflates to more than 256 MB although its directory declares 1 KB; the file is damaged or hostile, refused/);
    expect(Date.now() - t0).toBeLessThan(10000); // ~1.5 s alone: inflating 256 MB of zeros, then refused
  });

  test("the cap holds with a small limit, and the budget counts the bytes of every part", async () => {
    const [e] = readZip(writeZip([{ name: "z", method: 8, crc32: 0, size: 10, raw: deflatedZeros(2), time: 0, date: 0 }]));
    await expect(entryBytes(e, { maxBytes: MiB })).rejects.toBeInstanceOf(ZipTooLargeError);
    expect((await entryBytes(e, { maxBytes: 2 * MiB })).length).toBe(2 * MiB);
    const budget = new InflateBudget({ entryBytes: 4 * MiB, totalBytes: 3 * MiB });
    await entryBytes(e, { budget });
    expect(budget.used).toBe(2 * MiB);
    await expect(entryBytes(e, { budget })).rejects.toThrow(/part z inflates to more than 1 MB/);
  });

  test("honest entries inflate as before", async () => {
    const data = enc("<x>".repeat(10000));
    const [e] = readZip(writeZip([await makeEntry("a.xml", data)]));
    expect(crc32(await entryBytes(e))).toBe(crc32(data));
  });

  test("clientbook build refuses the bomb with exit 2 and the reason, writing nothing", async () => {
    const io = memoryIo({ "bomb.xlsx": await workbookWith({ raw: deflatedZeros(2048), declared: 2048 * MiB }) });
    expect(await runCli(["build", "bomb.xlsx", "--out", "out.xlsx"], io)).toBe(2);
    expect(io.err).toMatch(/^clientbook build: bomb\.xlsx: the workbook's part xl\/worksheets\/sheet1\.xml unzips to 2,048 MB/);
    expect(io.files.has("out.xlsx")).toBe(false);
  });

  test("a CSV given to build is named for what it is, in three languages", async () => {
    await expect(readBookFile(enc("Client ID,Name\r\nC1,Tom\r\n"), "clients.csv")).rejects.toThrow(
      new UsageError(
        "clients.csv: this is a text (CSV) file, not an .xlsx workbook — use `clientbook import` / 这是文本 (CSV) 文件，不是 .xlsx 工作簿，请用 clientbook import / 這是文字 (CSV) 檔，不是 .xlsx 活頁簿，請用 clientbook import",
      ),
    );
  });
});
