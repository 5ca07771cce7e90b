/**
 * Round trips and request sizes. Every command reads what it needs in one sync and writes in one sync; a write
 * batch that would exceed the 5 MB request limit of Excel on the web is cut into chunks (of rows, where an
 * operation writes rows) and sent in as few syncs as the limit allows.
 *
 * Writes are described as operations that know their estimated request size before anything is queued:
 * the UTF-8 length of the JSON of their arguments (the values arrays — what the payload is made of) plus a
 * generous allowance per queued action for the envelope Office.js adds around each one. `packOps` (pure) cuts
 * the list into chunks that fit; `runWrites` queues one chunk, syncs, and goes on to the next.
 */

/** Excel on the web refuses requests and responses over 5 MB (resource limits for Office add-ins). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/** What one write sync may carry by our estimate: the limit less headroom for what the estimate leaves out. */
export const REQUEST_BUDGET = PAYLOAD_LIMIT - 64 * 1024;
/**
 * Envelope of one queued action (id, action type, member name, object path ids): about 100 bytes, the longest
 * member names ~150; counted as 128 per action, with every operation counting its actions exactly.
 */
export const ACTION_BYTES = 128;

/** UTF-8 length of a string without TextEncoder (also runs in older web views). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export function jsonBytes(value: unknown): number {
  return utf8Bytes(JSON.stringify(value) ?? "null");
}

interface Rider {
  queue(ctx: Excel.RequestContext): void;
  done?(): void;
}

/** Counts the command's round trips; the only place that calls context.sync(). */
export class Batch {
  syncs = 0;
  private riders: Rider[] = [];
  constructor(readonly ctx: Excel.RequestContext) {}

  /**
   * Queues a small write (a few hundred bytes: within the headroom every sync keeps) into the next sync the command
   * makes anyway — never a sync of its own; dropped when none follows. `done` runs once that sync succeeded.
   */
  ride(queue: (ctx: Excel.RequestContext) => void, done?: () => void): void {
    this.riders.push(done ? { queue, done } : { queue });
  }

  async sync(): Promise<void> {
    const riders = this.riders;
    this.riders = [];
    for (const r of riders) r.queue(this.ctx);
    this.syncs += 1;
    await this.ctx.sync();
    for (const r of riders) r.done?.();
  }
}

/** A write that cannot be cut: a sheet added, a chart, a format on a range. */
export interface SingleOp {
  kind: "single";
  bytes: number;
  queue(ctx: Excel.RequestContext): void;
  /** Called after the sync that carried the operation succeeded. */
  done?(): void;
}

/** A write of rows that may be cut into pieces [from, to) sent in different syncs (values of a block, table rows). */
export interface RowsOp {
  kind: "rows";
  /** Bytes of one piece whatever its size (the actions that address the range). */
  fixedBytes: number;
  rowBytes: readonly number[];
  queue(ctx: Excel.RequestContext, from: number, to: number): void;
  done?(): void;
}

export type WriteOp = SingleOp | RowsOp;

export interface Piece {
  op: WriteOp;
  from: number;
  to: number;
  /** True for the piece that completes its operation. */
  last: boolean;
}

export function single(actions: number, args: unknown, queue: (ctx: Excel.RequestContext) => void, done?: () => void): SingleOp {
  const op: SingleOp = { kind: "single", bytes: actions * ACTION_BYTES + (args === undefined ? 0 : jsonBytes(args)), queue };
  if (done) op.done = done;
  return op;
}

export function rowsOp(actions: number, rows: readonly unknown[], queue: (ctx: Excel.RequestContext, from: number, to: number) => void, done?: () => void): RowsOp {
  const op: RowsOp = { kind: "rows", fixedBytes: actions * ACTION_BYTES + 16, rowBytes: rows.map((r) => jsonBytes(r) + 1), queue };
  if (done) op.done = done;
  return op;
}

export class PayloadError extends Error {
  readonly code = "RequestPayloadSizeLimitExceeded";
}

/**
 * Cuts the operations, in order, into chunks whose estimated size stays within `budget`: greedy, so every chunk
 * but the last is as full as it can be and no more chunks are made than the order of operations needs.
 */
export function packOps(ops: readonly WriteOp[], budget = REQUEST_BUDGET): Piece[][] {
  const chunks: Piece[][] = [];
  let chunk: Piece[] = [];
  let used = 0;
  const flush = () => {
    if (chunk.length > 0) chunks.push(chunk);
    chunk = [];
    used = 0;
  };
  for (const op of ops) {
    if (op.kind === "single") {
      if (op.bytes > budget) throw new PayloadError(`one Excel operation needs ${op.bytes} bytes, more than a request may carry (${budget})`);
      if (used + op.bytes > budget) flush();
      chunk.push({ op, from: 0, to: 0, last: true });
      used += op.bytes;
      continue;
    }
    const n = op.rowBytes.length;
    let from = 0;
    if (n === 0) continue;
    while (from < n) {
      let room = budget - used - op.fixedBytes;
      let to = from;
      while (to < n && op.rowBytes[to] <= room) {
        room -= op.rowBytes[to];
        to++;
      }
      if (to === from) {
        if (chunk.length === 0) throw new PayloadError(`row ${from + 1} of one write needs ${op.rowBytes[from]} bytes, more than a request may carry (${budget})`);
        flush();
        continue;
      }
      chunk.push({ op, from, to, last: to === n });
      used = budget - room;
      from = to;
      if (from < n) flush();
    }
  }
  flush();
  return chunks;
}

/** Sends the writes in as few syncs as the request limit allows; `afterChunk` runs after each sync. */
export async function runWrites(batch: Batch, ops: readonly WriteOp[], afterChunk?: () => void): Promise<void> {
  const chunks = packOps(ops);
  // The one loop over syncs ClientBook allows: one round trip per 5 MB chunk, never one per row or per sheet.
  for (const chunk of chunks) {
    for (const p of chunk) {
      if (p.op.kind === "single") p.op.queue(batch.ctx);
      else p.op.queue(batch.ctx, p.from, p.to);
    }
    await batch.sync();
    for (const p of chunk) if (p.last) p.op.done?.();
    afterChunk?.();
  }
}
