/** Cutting writes into request-sized chunks (pure) and the UTF-8 size estimate. */
import { ACTION_BYTES, packOps, rowsOp, single, utf8Bytes, jsonBytes, type WriteOp } from "../../src/excel/batch";

const noop = () => undefined;

function rowsOfSize(n: number, bytes: number): string[] {
  // A row (a string) whose JSON (quotes) plus the comma counts `bytes`.
  return Array.from({ length: n }, () => "x".repeat(bytes - 3));
}

describe("utf8Bytes / jsonBytes", () => {
  test("count UTF-8 bytes like the request does: ASCII 1, CJK 3, astral 4", () => {
    expect(utf8Bytes("abc")).toBe(3);
    expect(utf8Bytes("客户")).toBe(6);
    expect(utf8Bytes("😀")).toBe(4);
    expect(jsonBytes([["客户", 1]])).toBe(utf8Bytes('[["客户",1]]'));
  });
});

describe("packOps", () => {
  test("everything in one chunk when it fits", () => {
    const ops: WriteOp[] = [single(2, "a", noop), rowsOp(3, rowsOfSize(10, 100), noop), single(1, undefined, noop)];
    const chunks = packOps(ops, 100_000);
    expect(chunks).toHaveLength(1);
    expect(chunks[0].map((p) => [p.from, p.to, p.last])).toEqual([[0, 0, true], [0, 10, true], [0, 0, true]]);
  });

  test("rows are cut where the budget ends, and every chunk but the last is full", () => {
    const op = rowsOp(1, rowsOfSize(100, 100), noop);
    expect(op.rowBytes.every((b) => b === 100)).toBe(true);
    const budget = op.fixedBytes + 30 * 100; // 30 rows a chunk
    const chunks = packOps([op], budget);
    expect(chunks.map((c) => c.map((p) => [p.from, p.to]))).toEqual([[[0, 30]], [[30, 60]], [[60, 90]], [[90, 100]]]);
    expect(chunks.map((c) => c[0].last)).toEqual([false, false, false, true]);
  });

  test("no more chunks than the total size needs (greedy over the order of operations)", () => {
    const ops: WriteOp[] = [];
    for (let i = 0; i < 20; i++) ops.push(single(1, "y".repeat(50), noop), rowsOp(2, rowsOfSize(37, 90), noop));
    const budget = 5_000;
    const total = ops.reduce((s, op) => s + (op.kind === "single" ? op.bytes : op.fixedBytes + op.rowBytes.reduce((a, b) => a + b, 0)), 0);
    const chunks = packOps(ops, budget);
    // Each cut may waste at most one operation's fixed part or one row, never a whole chunk.
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil(total / (budget - 2 * ACTION_BYTES - 100)));
    for (const c of chunks) {
      const size = c.reduce((s, p) => s + (p.op.kind === "single" ? p.op.bytes : p.op.fixedBytes + p.op.rowBytes.slice(p.from, p.to).reduce((a, b) => a + b, 0)), 0);
      expect(size).toBeLessThanOrEqual(budget);
    }
    // Order is kept: the pieces, read in sequence, cover every operation and row exactly once.
    const seen = chunks.flat().map((p) => [ops.indexOf(p.op), p.from, p.to]);
    let expectOp = 0;
    let expectFrom = 0;
    for (const [i, from, to] of seen) {
      expect(i).toBe(expectOp);
      expect(from).toBe(expectFrom);
      const op = ops[i];
      const n = op.kind === "single" ? 0 : op.rowBytes.length;
      if (op.kind === "single" || to === n) {
        expectOp++;
        expectFrom = 0;
      } else expectFrom = to;
    }
    expect(expectOp).toBe(ops.length);
  });

  test("an operation or a row larger than a request is refused with a clear message", () => {
    expect(() => packOps([single(1, "z".repeat(2000), noop)], 1000)).toThrow(/more than a request may carry/);
    expect(() => packOps([rowsOp(1, ["w".repeat(2000)], noop)], 1000)).toThrow(/row 1 of one write/);
  });

  test("an empty rows operation adds nothing", () => {
    expect(packOps([rowsOp(1, [], noop)], 1000)).toEqual([]);
  });
});
