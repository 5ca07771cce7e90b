/**
 * A zip archive written as it goes: each part is deflated when it is added and its bytes handed to a sink (a file
 * being written, or a list of chunks), so a workbook of thousands of sheets never exists whole in memory —
 * only the central directory (a few dozen bytes per part) is kept until the end.
 *
 * The format is the one ./zip.ts writeZip writes (PKWARE APPNOTE 6.3.x §4.3: local file header + data per entry,
 * then the central directory and its end record; UTF-8 names, flag bit 11; sizes known before each header is
 * written, so no data descriptors). No zip64: more than 65,535 parts or 4 GB is refused, as writeZip does.
 */
import { crc32, deflateRawSync, ZipFormatError } from "./zip";

/** Where the archive's bytes go, in order. */
export interface ByteSink {
  write(chunk: Uint8Array): void;
  /**
   * Called between the pieces of a long part while it is made (nothing is written then): a moment where the shell
   * may keep memory in check (src/cli/heapGuard.ts) in the middle of a sheet of tens of thousands of rows.
   */
  between?(): void;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const FLAG_UTF8 = 0x0800;
/** DOS date 1980-01-01 (the earliest a zip can hold), as ./zip.ts makeEntry writes new parts. */
const DOS_DATE = 0x21;
/** The most entries and bytes a zip without zip64 records holds. */
export const MAX_ZIP_ENTRIES = 0xffff;
const MAX_ZIP_BYTES = 0xfffffff0;

interface CentralRecord {
  name: Uint8Array;
  crc: number;
  csize: number;
  size: number;
  offset: number;
}

/** A part's piece deflated: its bytes and, on the part's last piece, the CRC-32 and size of the part's text. */
export interface DeflatedPiece {
  data: Uint8Array;
  end?: { crc: number; size: number };
}

/**
 * Turns a part's pieces into deflated bytes: encodes each as UTF-8, continues the part's CRC-32 and deflates it
 * (ending on a sync flush, the part's last piece final). Here, as each piece is pushed (InlineDeflater), or in a
 * thread of its own while the caller makes the next sheet (src/cli/deflateThread.ts); the pieces come back in the
 * order pushed either way, and the bytes are the same.
 */
export interface PieceDeflater {
  /** Queues the next piece; `last` ends its part (the next piece pushed begins the next part). */
  push(piece: Uint8Array | string, last: boolean): void;
  /** The pieces deflated since the last call, in order; with `wait`, at least one unless nothing is queued. */
  take(wait: boolean): DeflatedPiece[];
}

/** The deflater of the calling thread: each piece deflated as it is pushed. */
export class InlineDeflater implements PieceDeflater {
  private readonly enc = new TextEncoder();
  private done: DeflatedPiece[] = [];
  private crc = 0;
  private size = 0;

  push(piece: Uint8Array | string, last: boolean): void {
    const bytes = typeof piece === "string" ? this.enc.encode(piece) : piece;
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const data = deflateRawSync(bytes, !last);
    if (!last) {
      this.done.push({ data });
      return;
    }
    this.done.push({ data, end: { crc: this.crc, size: this.size } });
    this.crc = 0;
    this.size = 0;
  }

  take(): DeflatedPiece[] {
    const out = this.done;
    this.done = [];
    return out;
  }
}

/** A part whose pieces are being deflated: written when its last piece is back. */
interface OpenPart {
  name: Uint8Array;
  chunks: Uint8Array[];
  csize: number;
  end?: { crc: number; size: number };
}

export class ZipStreamWriter {
  private readonly central: CentralRecord[] = [];
  private readonly names = new Set<string>();
  /** Parts handed to the deflater and not yet written, in order. */
  private readonly open: OpenPart[] = [];
  /** Index in `open` of the part the next deflated piece belongs to. */
  private filling = 0;
  private offset = 0;
  private closed = false;
  private readonly enc = new TextEncoder();

  constructor(
    private readonly sink: ByteSink,
    private readonly deflater: PieceDeflater = new InlineDeflater(),
  ) {}

  /** Bytes written so far (every part's, once the archive is closed). */
  get size(): number {
    return this.offset;
  }

  /** Deflates `data` and writes it as the part `name` (each name once). */
  add(name: string, data: Uint8Array | string): void {
    this.addPieces(name, [data]);
  }

  /**
   * Writes the part `name` from its text in pieces, each deflated as it comes (ending on a sync flush, the last
   * one final): a sheet of 300,000 rows is never one string nor one buffer. Only the deflated bytes of the part
   * are held until its header (which carries their size and CRC) is written — at once with the inline deflater,
   * when the deflating thread has caught up with a thread's.
   */
  addPieces(name: string, pieces: Iterable<Uint8Array | string>): void {
    if (this.closed) throw new ZipFormatError("the archive is already closed");
    if (this.names.has(name)) throw new ZipFormatError(`part ${name} is written twice`);
    if (this.names.size + 1 >= MAX_ZIP_ENTRIES) throw new ZipFormatError(`more than ${MAX_ZIP_ENTRIES - 1} parts need zip64, which is not supported`);
    this.names.add(name);
    this.open.push({ name: this.enc.encode(name), chunks: [], csize: 0 });
    let pending: Uint8Array | string | undefined;
    for (const piece of pieces) {
      if (pending !== undefined) {
        this.deflater.push(pending, false);
        this.collect(false);
        this.sink.between?.();
      }
      pending = piece;
    }
    this.deflater.push(pending ?? "", true);
    this.collect(false);
  }

  /** Takes what the deflater has done and writes every part at the head of the queue that is whole. */
  private collect(wait: boolean): number {
    const done = this.deflater.take(wait);
    for (const piece of done) {
      const part = this.open[this.filling];
      if (!part) throw new ZipFormatError("a deflated piece came back for no part");
      part.chunks.push(piece.data);
      part.csize += piece.data.length;
      if (piece.end) {
        part.end = piece.end;
        this.filling++;
      }
    }
    while (this.open.length > 0 && this.open[0].end) {
      this.write(this.open.shift()!);
      this.filling--;
    }
    return done.length;
  }

  private write(part: OpenPart): void {
    const { name, chunks, csize } = part;
    const { crc, size } = part.end!;
    const head = new Uint8Array(30 + name.length);
    const v = new DataView(head.buffer);
    v.setUint32(0, SIG_LOCAL, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, FLAG_UTF8, true);
    v.setUint16(8, 8, true);
    v.setUint16(10, 0, true);
    v.setUint16(12, DOS_DATE, true);
    v.setUint32(14, crc, true);
    v.setUint32(18, csize, true);
    v.setUint32(22, size, true);
    v.setUint16(26, name.length, true);
    v.setUint16(28, 0, true);
    head.set(name, 30);
    if (this.offset + head.length + csize > MAX_ZIP_BYTES || size > MAX_ZIP_BYTES) throw new ZipFormatError("archive too large without zip64");
    this.central.push({ name, crc, csize, size, offset: this.offset });
    this.sink.write(head);
    for (const d of chunks) this.sink.write(d);
    this.offset += head.length + csize;
  }

  /** Writes the central directory; nothing can be added after. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    while (this.open.length > 0) if (this.collect(true) === 0) throw new ZipFormatError(`${this.open.length} parts were never deflated`);
    const size = this.central.reduce((n, c) => n + 46 + c.name.length, 0);
    const out = new Uint8Array(size + 22);
    const v = new DataView(out.buffer);
    let p = 0;
    for (const c of this.central) {
      v.setUint32(p, SIG_CENTRAL, true);
      v.setUint16(p + 4, 20, true);
      v.setUint16(p + 6, 20, true);
      v.setUint16(p + 8, FLAG_UTF8, true);
      v.setUint16(p + 10, 8, true);
      v.setUint16(p + 12, 0, true);
      v.setUint16(p + 14, DOS_DATE, true);
      v.setUint32(p + 16, c.crc, true);
      v.setUint32(p + 20, c.csize, true);
      v.setUint32(p + 24, c.size, true);
      v.setUint16(p + 28, c.name.length, true);
      // extra, comment, disk start, internal and external attributes stay 0
      v.setUint32(p + 42, c.offset, true);
      out.set(c.name, p + 46);
      p += 46 + c.name.length;
    }
    v.setUint32(p, SIG_END, true);
    v.setUint16(p + 8, this.central.length, true);
    v.setUint16(p + 10, this.central.length, true);
    v.setUint32(p + 12, size, true);
    v.setUint32(p + 16, this.offset, true);
    this.sink.write(out);
    this.offset += out.length;
  }
}

/** A sink that keeps the chunks and joins them at the end (for callers that want the bytes). */
export class ChunkSink implements ByteSink {
  private chunks: Uint8Array[] = [];
  private n = 0;

  write(chunk: Uint8Array): void {
    this.chunks.push(chunk);
    this.n += chunk.length;
  }

  bytes(): Uint8Array {
    const out = new Uint8Array(this.n);
    let p = 0;
    for (const c of this.chunks) {
      out.set(c, p);
      p += c.length;
    }
    this.chunks = [out];
    return out;
  }
}
