/**
 * The streamed writer's deflating in a thread of its own (src/xlsx/zipStream.ts PieceDeflater): while the main
 * thread makes the next sheet's XML, this one continues the last pieces' CRC-32 and deflates them — a tenth of
 * `clientbook build`'s CPU at 5,000 clients, on the machine's second core. The bytes are
 * the ones the inline deflater makes (same zlib, level and flushes, pieces in the order pushed), so a file is the
 * same byte for byte whichever deflated it.
 *
 * The writer stays synchronous: pieces go out encoded, in batches (postMessage, their buffers moved), results are
 * taken without yielding to the event loop (receiveMessageOnPort), and when too much is in flight the main thread
 * sleeps on a counter the thread raises after each answer (Atomics.wait, which Node allows on its main thread) — so
 * memory stays bounded by WINDOW_BYTES whatever the sheet's size.
 *
 * The thread is plain JavaScript evaluated from a string (nothing of ClientBook loaded: ~1 MB of heap, started in
 * ~30 ms). It needs zlib.crc32 (Node ≥ 20.15); without it the build deflates inline.
 */
import zlib from "node:zlib";
import { MessageChannel, receiveMessageOnPort, Worker } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { STREAM_LEVEL, streamDeflateOptions } from "../xlsx/zip";
import type { DeflatedPiece, PieceDeflater } from "../xlsx/zipStream";

/** Bytes of pieces gathered into one message (a review sheet's six parts are one message, or a few). */
const BATCH_BYTES = 1 << 16;
/** Bytes sent and not yet answered before the main thread waits: the thread's queue stays a few MB. */
const WINDOW_BYTES = 1 << 22;
/** How long the main thread waits for an answer before it calls the thread lost. */
const ANSWER_TIMEOUT_MS = 120_000;

/**
 * A message either way: the pieces' bytes one after another in a buffer of its own (moved, not copied) and, per
 * piece, [start, end, last] to the thread, [start, end, crc, size] back (crc -1 when the piece does not end its
 * part). One buffer a message rather than one a piece: a 5,000-client build has ~45,000 pieces, most of them small.
 */
interface Batch {
  buf: ArrayBuffer;
  at: number[];
}
type Answer = Batch | { error: string };

const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const { port, counter, options } = workerData;
let crc = 0;
let size = 0;
parentPort.on("message", ({ buf, at }) => {
  try {
    const outs = [];
    const back = [];
    let total = 0;
    for (let i = 0; i < at.length; i += 3) {
      const bytes = new Uint8Array(buf, at[i], at[i + 1] - at[i]);
      const last = at[i + 2] === 1;
      // (an empty piece leaves the CRC as it is; zlib.crc32 of an empty array without a backing store returns 0)
      if (bytes.length > 0) crc = zlib.crc32(bytes, crc);
      size += bytes.length;
      const d = zlib.deflateRawSync(bytes, last ? options.last : options.more);
      outs.push(d);
      back.push(total, total + d.length, last ? crc : -1, last ? size : 0);
      total += d.length;
      if (last) {
        crc = 0;
        size = 0;
      }
    }
    const out = new Uint8Array(total);
    let p = 0;
    for (const d of outs) {
      out.set(d, p);
      p += d.length;
    }
    port.postMessage({ buf: out.buffer, at: back }, [out.buffer]);
  } catch (e) {
    port.postMessage({ error: String((e && e.stack) || e) });
  }
  Atomics.add(counter, 0, 1);
  Atomics.notify(counter, 0);
});
`;

/** Whether this Node can deflate in a thread (zlib.crc32 is Node ≥ 20.15's). */
export function canDeflateInThread(): boolean {
  return typeof (zlib as { crc32?: unknown }).crc32 === "function";
}

export class ThreadDeflater implements PieceDeflater {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly counter: Int32Array;
  private readonly enc = new TextEncoder();
  /** The batch being gathered: its bytes (`used` of them) and its pieces' [start, end, last]. */
  private buf = new Uint8Array(BATCH_BYTES);
  private used = 0;
  private at: number[] = [];
  /** Bytes of each batch sent and not yet answered, oldest first. */
  private readonly inFlight: number[] = [];
  private inFlightBytes = 0;
  private answered = 0;
  private done: DeflatedPiece[] = [];
  private stopped = false;

  /** `level`: zlib's compression level (the streamed writer's, src/xlsx/zip.ts STREAM_LEVEL). */
  constructor(level = STREAM_LEVEL) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.counter = new Int32Array(new SharedArrayBuffer(4));
    const options = { more: streamDeflateOptions(true, level), last: streamDeflateOptions(false, level) };
    this.worker = new Worker(THREAD, { eval: true, workerData: { port: port2, counter: this.counter, options }, transferList: [port2] });
    // the process never waits for it: stop() ends it, and an unfinished run is ended by its exit
    this.worker.unref();
  }

  push(piece: Uint8Array | string, last: boolean): void {
    if (this.stopped) throw new Error("the deflating thread is stopped");
    // encoded here and the bytes moved: a string posted is copied by V8's serializer, which took twice as long as
    // encoding it (5,000-client build: 4.3 s in postMessage against 2.2 s in TextEncoder)
    const most = typeof piece === "string" ? piece.length * 3 : piece.length;
    if (this.used + most > this.buf.length) {
      this.send();
      // a piece larger than a batch gets a buffer of its own
      if (most > this.buf.length) this.buf = new Uint8Array(most);
    }
    const into = this.buf.subarray(this.used);
    let n: number;
    if (typeof piece === "string") n = this.enc.encodeInto(piece, into).written;
    else {
      into.set(piece);
      n = piece.length;
    }
    this.at.push(this.used, this.used + n, last ? 1 : 0);
    this.used += n;
    if (this.used >= BATCH_BYTES) this.send();
  }

  take(wait: boolean): DeflatedPiece[] {
    this.receive(false);
    if (wait && this.done.length === 0) {
      this.send();
      if (this.inFlight.length > 0) this.receive(true);
    }
    const out = this.done;
    this.done = [];
    return out;
  }

  /** Ends the thread (what it has not answered is dropped). */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.port.close();
    await this.worker.terminate();
  }

  private send(): void {
    if (this.at.length === 0) return;
    const batch: Batch = { buf: this.buf.buffer as ArrayBuffer, at: this.at };
    this.worker.postMessage(batch, [batch.buf]);
    this.inFlight.push(this.used);
    this.inFlightBytes += this.used;
    this.buf = new Uint8Array(BATCH_BYTES);
    this.used = 0;
    this.at = [];
    while (this.inFlightBytes > WINDOW_BYTES) this.receive(true);
  }

  /** Takes the answers there are; with `block`, first waits for at least one. */
  private receive(block: boolean): void {
    if (block && !this.answer()) {
      const start = Date.now();
      // the thread raises the counter after it posts each answer; sleep while it still shows the answers taken
      while (!this.answer()) {
        if (Atomics.wait(this.counter, 0, this.answered, 1000) === "timed-out" && Date.now() - start > ANSWER_TIMEOUT_MS) {
          throw new Error(`the deflating thread has not answered for ${ANSWER_TIMEOUT_MS / 1000} s`);
        }
      }
    }
    while (this.answer());
  }

  /** Takes one answer if there is one. */
  private answer(): boolean {
    const got = receiveMessageOnPort(this.port) as { message: Answer } | undefined;
    if (!got) return false;
    this.answered++;
    this.inFlightBytes -= this.inFlight.shift() ?? 0;
    const a = got.message;
    if ("error" in a) throw new Error(`deflating a part failed: ${a.error.split("\n")[0]}`);
    const { buf, at } = a;
    for (let i = 0; i < at.length; i += 4) {
      const data = new Uint8Array(buf, at[i], at[i + 1] - at[i]);
      this.done.push(at[i + 2] === -1 ? { data } : { data, end: { crc: at[i + 2], size: at[i + 3] } });
    }
    return true;
  }
}
