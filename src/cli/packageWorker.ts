/**
 * `clientbook build` on two cores: the package writer (XML, styles, zip, deflate — src/xlsx/packageWriter.ts) runs
 * in a worker thread (node:worker_threads) while the main thread reads the book and builds the sheet specs. The
 * main thread posts each table and spec in order (a structured clone: specs and tables are plain data); the worker
 * writes it with the same PackageWriter calls and sends back the bytes it added to the zip, transferred, with its
 * acknowledgement; the main thread writes them to its sink in order, so the file is byte for byte the one the
 * writer makes in one thread, and the sink (a temporary file renamed when all is written, src/cli/fileSink.ts)
 * keeps its commit and abort where they are.
 *
 * Backpressure: at most MAX_AHEAD items are posted and not yet acknowledged; the main thread awaits an
 * acknowledgement before it posts more, so it never runs more than a few sheets ahead and the queue between the
 * threads never holds more than a few specs (the longest, the coverage of 5,000 clients, is 14 MB as a message).
 * Memory: each thread has its own heap, so each keeps its own in check (./heapGuard.ts: the main thread between
 * sheets and after posting a long one, the worker between pieces and sheets, with less headroom and a smaller
 * young generation since it holds little between sheets). An error of the writer comes back as the same error (./packageMessages.ts)
 * and stops the run; the items posted after it are not written.
 *
 * The worker starts when the command starts (its start-up, loading the writer's modules through tsx, overlaps
 * reading the book) and runs ./packageWorkerThread.ts, through tsx as bin/clientbook.js runs the CLI.
 */
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { SheetSpec } from "../sheets/spec";
import type { PackageFinishOptions } from "../xlsx/packageWriter";
import type { TableSheetOptions } from "../xlsx/tables";
import type { ByteSink } from "../xlsx/zipStream";
import { HEADROOM_BYTES } from "./heapGuard";
import { errorFromRecord } from "./packageMessages";
import type { FromWorker, ToWorker } from "./packageMessages";

/** Tables and specs posted to the worker and not yet written, at most. */
export const MAX_AHEAD = 4;

/**
 * Rows of a table or sheet past which it is long (the writer's piece, src/xlsx/packageWriter.ts ROWS_PER_PIECE):
 * once posted it is garbage here, and collected at once rather than at V8's next collection.
 */
const LONG_ROWS = 2000;

/**
 * The worker's young generation, in MB (node:worker_threads resourceLimits.maxYoungGenerationSizeMb). With V8's
 * default its new space was 32 MB (v8.getHeapSpaceStatistics, 5,000 clients); the writer's garbage is strings of
 * one row or one piece, so a smaller one costs little and keeps the two threads' heaps under 700 MB together.
 */
const WORKER_YOUNG_MB = 24;

/** Garbage on this thread worth a collection while it waits for the writer (./heapGuard.ts; 160 MB otherwise). */
/** Set to "1", `clientbook build` writes its package in the worker (src/cli/run.ts; the benchmark compares both). */
export const PACKAGE_WORKER_ENV = "CLIENTBOOK_PACKAGE_WORKER";

export const IDLE_HEADROOM_BYTES = 48 * 1024 * 1024;

/** What the package holds once finished. */
export interface FinishedPackage {
  sheets: string[];
  /** Size of the file in bytes. */
  size: number;
}

/** The worker's entry: tsx's require hook (as bin/clientbook.js), then the writer's side, in this file's language. */
function entryCode(): string {
  const thread = path.join(__dirname, `packageWorkerThread${path.extname(__filename) || ".ts"}`);
  return `require(${JSON.stringify(require.resolve("tsx/cjs"))});\nrequire(${JSON.stringify(thread)});\n`;
}

export class PackageWorker {
  private readonly worker: Worker;
  private sink: ByteSink | undefined;
  private onWritten: ((what: string) => void) | undefined;
  /** Names of the items posted and not yet acknowledged, in order. */
  private readonly pending: string[] = [];
  private failure: Error | undefined;
  private finished: FinishedPackage | undefined;
  private wake: (() => void) | undefined;
  private closed = false;

  private constructor() {
    this.worker = new Worker(entryCode(), { eval: true, workerData: { clientbookPackageWriter: true }, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    this.worker.on("message", (m: FromWorker) => this.received(m));
    this.worker.on("error", (e: Error) => this.fail(e));
    this.worker.on("exit", (code) => {
      if (!this.closed && this.finished === undefined) this.fail(new Error(`the package writer's thread stopped (exit code ${code})`));
    });
  }

  /** A worker thread, started now: it loads the writer while this thread goes on. */
  static start(): PackageWorker {
    return new PackageWorker();
  }

  /**
   * The writer of one workbook: its bytes go to `sink` in order, `onWritten` is told each table's or sheet's name
   * once it is written. `sink.between`, when there is one, is called here after each item's bytes, and asks the
   * worker to keep its own heap in check between the pieces of a long sheet (./heapGuard.ts).
   */
  begin(sink: ByteSink, onWritten: (what: string) => void): void {
    if (this.sink) throw new Error("the package writer's thread writes one workbook");
    this.sink = sink;
    this.onWritten = onWritten;
    this.post({ kind: "begin", guard: sink.between !== undefined, headroom: WORKER_HEADROOM_BYTES });
  }

  addTable(opts: TableSheetOptions, selected: boolean): Promise<void> {
    return this.add({ kind: "table", opts, selected }, opts.sheet, opts.rows.length);
  }

  addSpec(spec: SheetSpec, selected: boolean): Promise<void> {
    return this.add({ kind: "spec", spec, selected }, spec.name, Array.isArray(spec.cells) ? spec.cells.length : 0);
  }

  /** Writes the workbook-wide parts and the zip's directory; resolves when every byte is in the sink. */
  async finish(opts: PackageFinishOptions): Promise<FinishedPackage> {
    this.check();
    this.post({ kind: "finish", opts });
    while (this.finished === undefined) await this.next();
    await this.close();
    return this.finished;
  }

  /**
   * Waits until every item posted is written or the writer failed, and returns its error: when building a sheet
   * fails here, an error of the writer on an earlier sheet is the one the user must see (it came first).
   */
  async settle(): Promise<Error | undefined> {
    while (this.pending.length > 0 && !this.failure) await this.next();
    return this.failure;
  }

  /** Stops the thread (after finish, or when the command ends without it). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.worker.terminate();
  }

  private async add(m: ToWorker, what: string, rows: number): Promise<void> {
    if (this.pending.length >= MAX_AHEAD) {
      // this thread waits for the writer: a collection now costs no time, so it needs less garbage to be worth it
      this.sink!.between?.(IDLE_HEADROOM_BYTES);
      while (this.pending.length >= MAX_AHEAD && !this.failure) await this.next();
    }
    this.check();
    this.post(m);
    this.pending.push(what);
    // a long sheet is garbage here once posted (the worker has its copy): collected now, not kept till V8's next
    if (rows > LONG_ROWS) this.sink!.between?.(0);
  }

  private check(): void {
    if (this.failure) throw this.failure;
    if (!this.sink) throw new Error("the package writer's thread was not begun");
    if (this.closed) throw new Error("the package writer's thread is closed");
  }

  private post(m: ToWorker): void {
    this.worker.postMessage(m);
  }

  /** Resolves at the worker's next message (or failure). */
  private next(): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve) => {
      this.wake = resolve;
    });
  }

  private received(m: FromWorker): void {
    try {
      if (m.kind === "failed") throw errorFromRecord(m.error);
      if (m.bytes.length > 0) this.sink!.write(m.bytes);
      if (m.kind === "finished") this.finished = { sheets: m.sheets, size: m.size };
      else
        for (let i = 0; i < m.count; i++) {
          const what = this.pending.shift();
          this.sink!.between?.();
          if (what !== undefined) this.onWritten!(what);
        }
    } catch (e) {
      this.fail(e instanceof Error ? e : new Error(String(e)));
      return;
    }
    this.wakeUp();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wakeUp();
  }

  private wakeUp(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * Growth of the worker's heap past its last live size that triggers a full collection (./heapGuard.ts), 32 MB. The
 * worker holds little between sheets (style and string tables, the zip's directory: 20–60 MB used at 5,000 clients)
 * but a whole sheet while it writes it (the coverage of 5,000 clients: 24,264 rows, 40 MB as a spec); the main
 * thread's HEADROOM_BYTES would let both threads' garbage add up: 5,000 clients peaked at 774–789 MB with 80 MB
 * here and no collection after a long sheet, 696–710 MB with 32 MB (RSS sampled every 10 ms, 2026-12-06).
 */
export const WORKER_HEADROOM_BYTES = Math.round(HEADROOM_BYTES / 5);
