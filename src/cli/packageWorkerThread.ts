/**
 * The package writer's side of `clientbook build`'s second thread (./packageWorker.ts starts it): the same
 * PackageWriter (src/xlsx/packageWriter.ts) the build uses in one thread, fed the tables and sheet specs the main
 * thread posts, in their order. The bytes they add to the zip are sent back in one transferred buffer with their
 * acknowledgement (those written in one turn of this thread's loop together), so the main thread writes them to its
 * sink in order; an error of the writer is sent back with
 * every field its class carries (./packageWorker.ts rebuilds it) and nothing after it is written. After each table
 * or sheet, and between the pieces of a long one, this thread keeps its own heap in check (./heapGuard.ts) when the
 * shell asks for it.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { MessagePort } from "node:worker_threads";
import { PackageWriter } from "../xlsx/packageWriter";
import type { ByteSink } from "../xlsx/zipStream";
import { heapGuard } from "./heapGuard";
import type { HeapGuard } from "./heapGuard";
import { errorRecord } from "./packageMessages";
import type { FromWorker, ToWorker } from "./packageMessages";

/**
 * Garbage worth a collection between two sheets here (the headroom the main thread gives, ./heapGuard.ts
 * begin's `headroom`, holds within a long sheet). The peak of the two threads together is set while this one
 * writes a long sheet; between the short ones, fewer collections cost this thread — the slower of the two — less.
 */
const SHEETS_HEADROOM_BYTES = 96 * 1024 * 1024;

/** The chunks written since the last acknowledgement, as one buffer of its own (so it can be transferred). */
function joined(chunks: readonly Uint8Array[], n: number): Uint8Array {
  const out = new Uint8Array(n);
  let p = 0;
  for (const c of chunks) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}

/** Serves the main thread's messages on `port` until the workbook is finished or the writer fails. */
export function servePackage(port: Pick<MessagePort, "on" | "postMessage">): void {
  let chunks: Uint8Array[] = [];
  let n = 0;
  let guard: HeapGuard | undefined;
  /** Pieces of the current table or sheet so far (more than one: a long one). */
  let pieces = 0;
  const sink: ByteSink = {
    write(chunk) {
      chunks.push(chunk);
      n += chunk.length;
    },
    between: () => {
      pieces++;
      guard?.();
    },
  };
  let writer: PackageWriter | undefined;
  let failed = false;
  /** Items written and not yet acknowledged, and where their bytes end in `chunks`. */
  let done = 0;
  let doneChunks = 0;
  let doneBytes = 0;
  let flushing = false;
  // the buffer is one `joined` made (never a slice of Node's shared pool), so it can be transferred, not copied
  const post = (m: FromWorker) => port.postMessage(m, "bytes" in m ? [m.bytes.buffer as ArrayBuffer] : []);
  /**
   * Acknowledges the items written so far with their bytes, in one message: the items that were waiting here are
   * written in one turn of this thread's loop and acknowledged together (one wake-up of the main thread, not one a
   * sheet). Bytes after the last item written (a failed one's) are dropped.
   */
  const flush = () => {
    flushing = false;
    if (done === 0) return;
    const bytes = joined(chunks.slice(0, doneChunks), doneBytes);
    chunks = chunks.slice(doneChunks);
    n -= doneBytes;
    const count = done;
    done = doneChunks = doneBytes = 0;
    post({ kind: "written", bytes, count });
  };
  port.on("message", (m: ToWorker) => {
    if (failed) return;
    try {
      if (m.kind === "begin") {
        guard = m.guard ? heapGuard(m.headroom) : undefined;
        writer = new PackageWriter(sink);
        return;
      }
      if (!writer) throw new Error("the package writer's thread was not begun");
      if (m.kind === "table") writer.addTable(m.opts, m.selected);
      else if (m.kind === "spec") writer.addSpec(m.spec, m.selected);
      else {
        flush();
        writer.finish(m.opts);
        post({ kind: "finished", bytes: joined(chunks, n), sheets: writer.sheets, size: writer.bytesWritten });
        return;
      }
      done++;
      doneChunks = chunks.length;
      doneBytes = n;
      if (!flushing) {
        flushing = true;
        setImmediate(flush);
      }
      // … and between sheets, as the main thread's progress does for it (most sheets are one piece), with more
      // headroom (thousands of small sheets: fewer collections); after a long one, a collection whatever the heap
      // holds: its data is garbage now, and this thread holds little else
      guard?.(pieces > 0 ? 0 : SHEETS_HEADROOM_BYTES);
      pieces = 0;
    } catch (e) {
      failed = true;
      // the items written before it are acknowledged first, as one thread would have written them
      flush();
      chunks = [];
      n = 0;
      post({ kind: "failed", error: errorRecord(e) });
    }
  });
}

// only in the thread ./packageWorker.ts starts (never in a test runner's own worker thread)
if (parentPort && (workerData as { clientbookPackageWriter?: boolean } | null)?.clientbookPackageWriter) servePackage(parentPort);
