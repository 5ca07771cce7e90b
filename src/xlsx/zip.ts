/**
 * The smallest zip reader and writer an .xlsx needs, on the web-standard Compression Streams API (Node ≥ 20 and
 * every current browser), so it runs in the CLI and in the task pane alike; in Node, zlib does the same faster.
 *
 * Used to touch up parts of a workbook excelize writes in a way we cannot ask it not to (see ./finish.ts), to read
 * cell types cheaply (./readWorkbook.ts), and by tests to look inside written files. Entries we do not change keep
 * their compressed bytes untouched. No zip64, no encryption: an .xlsx never needs either below 4 GB.
 */

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflated. */
  method: number;
  crc32: number;
  size: number;
  /** The entry's bytes as stored in the archive (compressed when method is 8). */
  raw: Uint8Array;
  /** DOS time and date, kept as they were. */
  time: number;
  date: number;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_UTF8 = 0x0800;

export class ZipFormatError extends Error {
  constructor(message: string) {
    super(`not a readable .xlsx file (${message})`);
    this.name = "ZipFormatError";
  }
}

/** Lists the entries of a zip archive from its central directory (sizes there are authoritative). */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === SIG_END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipFormatError("no end-of-central-directory record");
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  if (count === 0xffff || p === 0xffffffff) throw new ZipFormatError("zip64 archives are not supported");
  const utf8 = new TextDecoder("utf-8");
  const latin1 = new TextDecoder("latin1");
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== SIG_CENTRAL) throw new ZipFormatError(`bad central directory entry ${n}`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const time = view.getUint16(p + 12, true);
    const date = view.getUint16(p + 14, true);
    const crc32 = view.getUint32(p + 16, true);
    const csize = view.getUint32(p + 20, true);
    const size = view.getUint32(p + 24, true);
    const nameLen = view.getUint16(p + 28, true);
    const extraLen = view.getUint16(p + 30, true);
    const commentLen = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
    const name = (flags & FLAG_UTF8 ? utf8 : latin1).decode(nameBytes);
    if (csize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) throw new ZipFormatError("zip64 archives are not supported");
    if (flags & 1) throw new ZipFormatError(`entry ${name} is encrypted`);
    if (local + 30 > bytes.length || view.getUint32(local, true) !== SIG_LOCAL) throw new ZipFormatError(`bad local header for ${name}`);
    const dataStart = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    if (dataStart + csize > bytes.length) throw new ZipFormatError(`entry ${name} is truncated`);
    entries.push({ name, method, crc32, size, raw: bytes.subarray(dataStart, dataStart + csize), time, date });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

async function pipe(data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Response(new Blob([data as BlobPart]).stream().pipeThrough(stream));
  return new Uint8Array(await out.arrayBuffer());
}

interface NodeZlib {
  deflateRawSync(data: Uint8Array, options?: { level?: number; finishFlush?: number }): Uint8Array;
  inflateRawSync(data: Uint8Array, options?: { maxOutputLength?: number }): Uint8Array;
  /** Node ≥ 20.15 (https://nodejs.org/api/zlib.html#zlibcrc32data-value): zlib's own CRC-32, the one zip uses. */
  crc32?(data: Uint8Array, value?: number): number;
}

let zlib: NodeZlib | null | undefined;

/**
 * Node's zlib when running in Node (≥ 20.16, found at run time so bundles never import it): a stream per entry
 * costs a few hundred microseconds of set-up, and a book of 5,000 reviews has tens of thousands of small parts.
 */
function nodeZlib(): NodeZlib | null {
  if (zlib === undefined) {
    const getBuiltin = typeof process === "undefined" ? undefined : (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
    zlib = typeof getBuiltin === "function" ? ((getBuiltin("node:zlib") as NodeZlib | undefined) ?? null) : null;
  }
  return zlib;
}

function deflateRaw(data: Uint8Array): Promise<Uint8Array> | Uint8Array {
  const z = nodeZlib();
  if (!z) return pipe(data, new CompressionStream("deflate-raw"));
  const out = z.deflateRawSync(data);
  // a small result is a view into zlib's 16 KB output chunk: copied, so 30,000 parts do not keep 30,000 chunks
  return out.byteLength < out.buffer.byteLength ? new Uint8Array(out) : out;
}

/**
 * zlib's compression level for the parts the streamed writer deflates (zlib's default is 6). Every part of a
 * 5,000-client build deflated again at each level (2026-12-07, parts of 300 MB): level 6 5.97 s and 59.7 MB,
 * 3 3.19 s and 65.5 MB, 1 2.67 s and 69.4 MB. Deflating is a seventh of the build's CPU and the book is written far
 * more often than it is mailed: 2.8 s less for a tenth more bytes.
 */
export const STREAM_LEVEL = 3;

/**
 * Deflates at once (Node's zlib), for ./zipStream.ts, which writes parts as they are made, at STREAM_LEVEL. Where
 * there is no zlib (a browser bundle) the streamed writer is not used.
 */
export function deflateRawSync(data: Uint8Array, more = false): Uint8Array {
  const z = nodeZlib();
  if (!z) throw new Error("writing a workbook part by part needs Node's zlib");
  const out = z.deflateRawSync(data, streamDeflateOptions(more));
  return out.byteLength < out.buffer.byteLength ? new Uint8Array(out) : out;
}

/**
 * zlib's options for a piece of a streamed part, here and in the deflating thread (src/cli/deflateThread.ts), so
 * both make the same bytes. A piece with more of its part to come ends on zlib's Z_SYNC_FLUSH (2): the blocks end
 * byte-aligned and none is marked final, so the next piece's deflated blocks may follow (RFC 1951 §3.2.3: a stream
 * is blocks up to the one with BFINAL set).
 */
export function streamDeflateOptions(more: boolean, level = STREAM_LEVEL): { level: number; finishFlush?: number } {
  return more ? { finishFlush: 2, level } : { level };
}

/**
 * Text kept until the workbook is saved, as compactly as the platform allows synchronously: deflated UTF-8 where
 * Node's zlib is there (the rows of 5,000 review sheets and of the book's tables run to hundreds of megabytes as
 * JS strings), the string itself elsewhere.
 */
export type PackedText = string | { deflated: Uint8Array };

export function packText(s: string): PackedText {
  const z = nodeZlib();
  if (!z || s.length < 512) return s;
  const out = z.deflateRawSync(new TextEncoder().encode(s), { level: 1 });
  return { deflated: out.byteLength < out.buffer.byteLength ? new Uint8Array(out) : out };
}

/** The UTF-8 bytes of packed text. */
export function packedBytes(p: PackedText): Uint8Array {
  return typeof p === "string" ? new TextEncoder().encode(p) : nodeZlib()!.inflateRawSync(p.deflated);
}

export function packedIsEmpty(p: PackedText): boolean {
  return typeof p === "string" && p === "";
}

// ---- size limits (zip bombs) ------------------------------------------------------------------------------

const MB = 1024 * 1024;

/**
 * What reading a workbook may inflate. The largest honest book we know, the 5,000-client demo with every output
 * sheet (10× the biggest book a manager keeps; `clientbook demo --clients 5000`, measured 2026-12-06), is a 51 MB
 * file that unzips to 262 MB in 30,037 parts, its largest part (a table sheet) 53 MB. The limits leave about 4×
 * that (5× per part) while refusing a "zip bomb" — a few MB that inflate to gigabytes and exhaust memory — from
 * its directory, before anything is inflated.
 */
export const READ_LIMITS = {
  /** Largest single part, uncompressed: a sheet of about a million rows of a book's table. */
  entryBytes: 256 * MB,
  /** All parts together, uncompressed. */
  totalBytes: 1024 * MB,
} as const;

/** A workbook refused for its size: the message says what would have been inflated and the limit. */
export class ZipTooLargeError extends ZipFormatError {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "ZipTooLargeError";
    this.message = detail;
  }
}

function mbText(n: number): string {
  if (n < MB) return `${Math.ceil(n / 1024).toLocaleString("en-US")} KB`;
  return `${(n / MB).toLocaleString("en-US", { maximumFractionDigits: n < 10 * MB ? 1 : 0 })} MB`;
}

/**
 * Refuses, from the sizes the central directory declares (nothing is inflated), an archive with a part larger than
 * `limits.entryBytes` or parts larger than `limits.totalBytes` together. The declared sizes can lie: the bytes
 * actually inflated are capped too (entryBytes' `maxBytes`, InflateBudget).
 */
export function checkZipSizes(entries: readonly ZipEntry[], limits: { entryBytes: number; totalBytes: number } = READ_LIMITS): void {
  let total = 0;
  let largest: ZipEntry | undefined;
  for (const e of entries) {
    total += e.size;
    if (!largest || e.size > largest.size) largest = e;
  }
  if (largest && largest.size > limits.entryBytes) {
    throw new ZipTooLargeError(
      `the workbook's part ${largest.name} unzips to ${mbText(largest.size)} (${mbText(total)} in all); ClientBook reads at most ` +
        `${mbText(limits.entryBytes)} per part and ${mbText(limits.totalBytes)} in all — far more than any client book needs, so this file was refused unread`,
    );
  }
  if (total > limits.totalBytes) {
    throw new ZipTooLargeError(
      `the workbook unzips to ${mbText(total)}; ClientBook reads at most ${mbText(limits.totalBytes)} in all — far more than any client book needs, so this file was refused unread`,
    );
  }
}

/** A running count of the bytes inflated while reading one archive, against a total limit. */
export class InflateBudget {
  used = 0;
  constructor(readonly limits: { entryBytes: number; totalBytes: number } = READ_LIMITS) {}

  /** The most the next entry may inflate to. */
  next(): number {
    return Math.min(this.limits.entryBytes, this.limits.totalBytes - this.used);
  }

  spend(e: ZipEntry, n: number): void {
    this.used += n;
    if (this.used > this.limits.totalBytes) {
      throw new ZipTooLargeError(`the workbook inflates to more than ${mbText(this.limits.totalBytes)} (more than its directory declares; at ${e.name}); refused`);
    }
  }
}

function tooLarge(e: ZipEntry, max: number): ZipTooLargeError {
  return new ZipTooLargeError(
    `the workbook's part ${e.name} inflates to more than ${mbText(max)} although its directory declares ${mbText(e.size)}; the file is damaged or hostile, refused`,
  );
}

/** Inflates through a DecompressionStream, stopping as soon as more than `max` bytes come out. */
async function inflateCapped(e: ZipEntry, max: number): Promise<Uint8Array> {
  const reader = new Blob([e.raw as BlobPart]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  const chunks: Uint8Array[] = [];
  let n = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    n += value.byteLength;
    if (n > max) {
      await reader.cancel();
      throw tooLarge(e, max);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(n);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.byteLength;
  }
  return out;
}

/**
 * The uncompressed bytes of an entry, never more than `maxBytes` (default READ_LIMITS.entryBytes) whatever its
 * directory entry declares; with a budget, the bytes count against the archive's total too.
 */
export async function entryBytes(e: ZipEntry, opts: { maxBytes?: number; budget?: InflateBudget } = {}): Promise<Uint8Array> {
  const max = Math.min(opts.maxBytes ?? READ_LIMITS.entryBytes, opts.budget ? opts.budget.next() : Infinity);
  let out: Uint8Array;
  if (e.method === 0) out = e.raw;
  else if (e.method !== 8) throw new ZipFormatError(`entry ${e.name} uses unsupported compression method ${e.method}`);
  else {
    const z = nodeZlib();
    if (!z) out = await inflateCapped(e, max);
    else {
      try {
        // zlib stops with ERR_BUFFER_TOO_LARGE as soon as the output would pass the cap: memory stays bounded
        out = z.inflateRawSync(e.raw, { maxOutputLength: Math.max(1, max) });
      } catch (err) {
        if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw tooLarge(e, max);
        throw new ZipFormatError(`entry ${e.name} does not inflate (${err instanceof Error ? err.message : String(err)})`);
      }
    }
  }
  if (out.byteLength > max) throw tooLarge(e, max);
  opts.budget?.spend(e, out.byteLength);
  return out;
}

export async function entryText(e: ZipEntry, opts: { maxBytes?: number; budget?: InflateBudget } = {}): Promise<string> {
  return new TextDecoder("utf-8").decode(await entryBytes(e, opts));
}

let crcTable: Uint32Array | undefined;

/**
 * CRC-32 of `data` (ISO-HDLC, as zip uses), continuing from `crc` of the bytes before it. In Node, zlib's own
 * (a 5,000-client build checks 350 MB of XML: 0.85 s in the table loop below); the loop where there is no zlib.
 */
export function crc32(data: Uint8Array, crc = 0): number {
  // the CRC of nothing more is the CRC so far; Node 20's zlib.crc32 returns 0 for an empty array without a backing
  // store (TextEncoder's encoding of "", or an empty array received from another thread), whatever `crc` was
  if (data.length === 0) return crc;
  const z = nodeZlib();
  if (z?.crc32) return z.crc32(data, crc);
  return crc32Table(data, crc);
}

/** The table-driven CRC-32 (kept as the reference the native one is held to, and for the browser). */
export function crc32Table(data: Uint8Array, crc = 0): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = (crc ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A new entry from uncompressed bytes (deflated). */
export async function makeEntry(name: string, data: Uint8Array, like?: Pick<ZipEntry, "time" | "date">): Promise<ZipEntry> {
  const raw = await deflateRaw(data);
  return { name, method: 8, crc32: crc32(data), size: data.length, raw, time: like?.time ?? 0, date: like?.date ?? 0x21 };
}

/** Writes the entries, in order, as a zip archive (UTF-8 names, no data descriptors). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const names = entries.map((e) => enc.encode(e.name));
  const localSize = entries.reduce((n, e, i) => n + 30 + names[i].length + e.raw.length, 0);
  const centralSize = entries.reduce((n, _e, i) => n + 46 + names[i].length, 0);
  if (localSize + centralSize > 0xfffffff0 || entries.length > 0xfffe) throw new ZipFormatError("archive too large without zip64");
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let p = 0;
  entries.forEach((e, i) => {
    offsets.push(p);
    view.setUint32(p, SIG_LOCAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, FLAG_UTF8, true);
    view.setUint16(p + 8, e.method, true);
    view.setUint16(p + 10, e.time, true);
    view.setUint16(p + 12, e.date, true);
    view.setUint32(p + 14, e.crc32, true);
    view.setUint32(p + 18, e.raw.length, true);
    view.setUint32(p + 22, e.size, true);
    view.setUint16(p + 26, names[i].length, true);
    view.setUint16(p + 28, 0, true);
    out.set(names[i], p + 30);
    out.set(e.raw, p + 30 + names[i].length);
    p += 30 + names[i].length + e.raw.length;
  });
  const central = p;
  entries.forEach((e, i) => {
    view.setUint32(p, SIG_CENTRAL, true);
    view.setUint16(p + 4, 20, true);
    view.setUint16(p + 6, 20, true);
    view.setUint16(p + 8, FLAG_UTF8, true);
    view.setUint16(p + 10, e.method, true);
    view.setUint16(p + 12, e.time, true);
    view.setUint16(p + 14, e.date, true);
    view.setUint32(p + 16, e.crc32, true);
    view.setUint32(p + 20, e.raw.length, true);
    view.setUint32(p + 24, e.size, true);
    view.setUint16(p + 28, names[i].length, true);
    // extra, comment, disk start, internal and external attributes stay 0
    view.setUint32(p + 42, offsets[i], true);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  });
  view.setUint32(p, SIG_END, true);
  view.setUint16(p + 8, entries.length, true);
  view.setUint16(p + 10, entries.length, true);
  view.setUint32(p + 12, p - central, true);
  view.setUint32(p + 16, central, true);
  return out;
}

/** XML entity decoding for the attribute values and text we read out of parts. */
export function xmlUnescape(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_m, e: string) => {
    if (e[0] === "#") return String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" }[e] ?? "";
  });
}

/** XML text for element content or attributes; control characters XML cannot carry use Excel's _xHHHH_ form. */
export function xmlEscape(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => {
    const named = ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" } as Record<string, string>)[c];
    return named ?? `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;
  });
}
