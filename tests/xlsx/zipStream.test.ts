/**
 * The zip written as it goes (src/xlsx/zipStream.ts): what it writes reads back whole through our own reader and
 * Info-ZIP's `unzip -t` (CRC and sizes checked) — parts in one piece, and parts deflated in pieces that end on a sync
 * flush (RFC 1951 §3.2.3: the deflate stream is its blocks up to the final one, so pieces may follow each other).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { crc32, crc32Table, entryText, readZip } from "../../src/xlsx/zip";
import { ChunkSink, ZipStreamWriter } from "../../src/xlsx/zipStream";

function archive(parts: readonly (readonly string[])[]): Uint8Array {
  const sink = new ChunkSink();
  const z = new ZipStreamWriter(sink);
  parts.forEach((pieces, i) => z.addPieces(`xl/part${i}.xml`, pieces));
  z.close();
  return sink.bytes();
}

test("property: every part reads back as its pieces joined, whatever the pieces", async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.array(fc.string({ unit: "grapheme", maxLength: 3000 }), { maxLength: 6 }), { minLength: 1, maxLength: 5 }), async (parts) => {
      const entries = readZip(archive(parts));
      expect(entries.map((e) => e.name)).toEqual(parts.map((_p, i) => `xl/part${i}.xml`));
      for (const [i, e] of entries.entries()) expect(await entryText(e)).toBe(parts[i].join(""));
    }),
    { numRuns: 60 },
  );
});

test("CRC-32 continued over pieces = CRC-32 of the whole; the check value of '123456789' is CBF43926 (ISO-HDLC)", () => {
  const enc = new TextEncoder();
  expect(crc32(enc.encode("123456789")).toString(16)).toBe("cbf43926");
  expect(crc32(enc.encode("6789"), crc32(enc.encode("12345")))).toBe(crc32(enc.encode("123456789")));
  // an empty piece in the middle leaves it as it is (Node 20's zlib.crc32 gives 0 for TextEncoder's empty array)
  expect(crc32(enc.encode("6789"), crc32(enc.encode(""), crc32(enc.encode("12345"))))).toBe(0xcbf43926);
});

test("CRC-32: the table loop gives the check value too, and Node's zlib.crc32 (used when present) equals it on any bytes, continued at any split", () => {
  const enc = new TextEncoder();
  expect(crc32Table(enc.encode("123456789")).toString(16)).toBe("cbf43926");
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 5000 }), fc.nat(), (bytes, at) => {
      const cut = bytes.length === 0 ? 0 : at % bytes.length;
      expect(crc32(bytes)).toBe(crc32Table(bytes));
      expect(crc32(bytes.subarray(cut), crc32(bytes.subarray(0, cut)))).toBe(crc32Table(bytes));
    }),
    { numRuns: 300 },
  );
});

test("unzip -t finds a many-piece part whole (its CRC and sizes checked)", () => {
  const which = spawnSync("unzip", ["-v"]);
  if (which.status !== 0) return console.warn("SKIPPED: unzip is not installed");
  const rows = Array.from({ length: 50 }, (_, k) => Array.from({ length: 2000 }, (_r, i) => `<row r="${k * 2000 + i}"><c><v>${i * 7}</v></c></row>`).join(""));
  const dir = mkdtempSync(path.join(tmpdir(), "zipstream-"));
  try {
    const file = path.join(dir, "t.zip");
    writeFileSync(file, archive([["<sheetData>", ...rows, "</sheetData>"], ["small"]]));
    const r = spawnSync("unzip", ["-t", file], { encoding: "utf8" });
    expect(r.stdout).toContain("No errors detected");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
