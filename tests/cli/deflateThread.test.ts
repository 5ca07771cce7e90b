/**
 * Deflating in a second thread (src/cli/deflateThread.ts): the archive is the one the inline deflater writes, byte for
 * byte, whatever the parts and pieces — small parts batched, a part longer than the thread's window (the main thread
 * waits), empty parts, bytes as well as text — and a whole workbook written to a file through it equals the one
 * written inline. A thread that fails makes the write fail with its message, not hang.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { canDeflateInThread, ThreadDeflater } from "../../src/cli/deflateThread";
import { fileSink } from "../../src/cli/fileSink";
import { bookTables } from "../../src/xlsx/bookFile";
import { outputSheets, writeWorkbook } from "../../src/cli/output";
import { ChunkSink, ZipStreamWriter } from "../../src/xlsx/zipStream";
import type { PieceDeflater } from "../../src/xlsx/zipStream";
import { entryText, readZip } from "../../src/xlsx/zip";
import { generateBook } from "../../src/sample";

const threaded = canDeflateInThread() ? test : test.skip;

async function archive(parts: readonly (readonly (string | Uint8Array)[])[], deflater?: PieceDeflater & { stop?(): Promise<void> }): Promise<Uint8Array> {
  const sink = new ChunkSink();
  const z = new ZipStreamWriter(sink, deflater);
  try {
    parts.forEach((pieces, i) => z.addPieces(`xl/part${i}.xml`, pieces));
    z.close();
  } finally {
    await deflater?.stop?.();
  }
  return sink.bytes();
}

threaded("property: the same archive, byte for byte, as the inline deflater writes, whatever the parts and pieces", async () => {
  const piece = fc.oneof(fc.string({ unit: "grapheme", maxLength: 2000 }), fc.uint8Array({ maxLength: 3000 }));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(piece, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), async (parts) => {
      const inline = await archive(parts);
      const thread = await archive(parts, new ThreadDeflater());
      expect(Buffer.from(thread).equals(Buffer.from(inline))).toBe(true);
    }),
    { numRuns: 25 },
  );
});

threaded("a part of 12 MB of text (three times the thread's window) and 3,000 small parts come back whole and in order", async () => {
  const row = (i: number) => `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>客户${i}</t></is></c><c r="B${i}"><v>${i * 1.5}</v></c></row>`;
  const big = Array.from({ length: 200 }, (_, k) => Array.from({ length: 600 }, (_r, i) => row(k * 600 + i)).join(""));
  const small = Array.from({ length: 3000 }, (_, i) => [`<x>${i}</x>`]);
  const parts = [big, ...small, big.slice(0, 3)];
  const bytes = await archive(parts, new ThreadDeflater());
  expect(Buffer.from(bytes).equals(Buffer.from(await archive(parts)))).toBe(true);
  const entries = readZip(bytes);
  expect(entries).toHaveLength(parts.length);
  expect(await entryText(entries[0])).toBe(big.join(""));
  expect(await entryText(entries[1234])).toBe("<x>1233</x>");
});

threaded("a workbook written to a file through the thread is the file written inline", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "deflate-thread-"));
  try {
    const book = generateBook({ clients: 12, asOf: "2026-05-15", lang: "zh-CN" });
    const write = async (deflate: "thread" | "inline") => {
      const file = path.join(dir, `${deflate}.xlsx`);
      const sink = fileSink(file);
      await writeWorkbook({ tables: bookTables(book, "zh-CN"), sheets: outputSheets(book, { asOf: "2026-05-15", lang: "zh-CN" }), sink, deflate });
      sink.commit();
      return readFileSync(file);
    };
    const [thread, inline] = [await write("thread"), await write("inline")];
    expect(thread.length).toBeGreaterThan(10_000);
    expect(thread.equals(inline)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

threaded("a thread whose zlib refuses the work fails the write with the thread's message, it does not hang", async () => {
  // zlib's levels are -1…9: level 42 makes deflateRawSync throw in the thread
  await expect(archive([["ok"], ["more"]], new ThreadDeflater(42))).rejects.toThrow(/deflating a part failed: RangeError.*level/);
});
