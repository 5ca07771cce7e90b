/**
 * Keeps a long CLI run's memory near what it really holds. V8 lets the heap grow to a multiple of what survived its
 * last full collection before collecting again (its heap-growing factor), so a 5,000-client build that holds
 * ~450 MB of book showed 1.1 GB resident while writing sheets it forgets at once. Called after each sheet, this
 * collects when the heap has grown HEADROOM past what was live after the last collection: resident memory stays
 * about live + HEADROOM, for a collection every few hundred sheets.
 *
 * The collector is reached through V8's --expose-gc flag set at run time (node:v8 setFlagsFromString, then the
 * `gc` of a fresh context, node:vm); where that is not possible the guard does nothing.
 *
 * Between the guard's calls — reading the book file, building one summary sheet of 5,000 clients (the maturity
 * ladder, the coverage sheet) — V8 decides alone, and it lets the heap grow to up to 4× what survived its last
 * full collection when collecting is cheap. So the guard also caps that factor (V8's --heap-growing-percent, read
 * each time V8 sets its next limit). `clientbook build` of the 5,000-client benchmark book, peak resident memory
 * (MB of 1,048,576 bytes, as the benchmark counts) and CPU time, one run each on 2026-12-06: V8's own factor
 * 793–862 MB, 57–63 s; 100 % 685 MB, 63 s; 50 % 636 MB, 66 s; 20 % 550 MB, 72 s.
 */
import v8 from "node:v8";
import vm from "node:vm";

/** Growth of the heap past the last live size that triggers a full collection. */
export const HEADROOM_BYTES = 160 * 1024 * 1024;
/** The most V8 may grow the heap past what survived its last full collection, in percent. */
export const HEAP_GROWING_PERCENT = 50;

/** The guard: call it between pieces of work. */
export type HeapGuard = () => void;

export function heapGuard(headroom = HEADROOM_BYTES): HeapGuard {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString("--expose-gc");
    v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    const f: unknown = vm.runInNewContext("gc");
    if (typeof f === "function") gc = f as () => void;
  } catch {
    gc = undefined;
  }
  if (!gc) return () => {};
  const collect = gc;
  let live = v8.getHeapStatistics().used_heap_size;
  return () => {
    if (v8.getHeapStatistics().used_heap_size < live + headroom) return;
    collect();
    live = v8.getHeapStatistics().used_heap_size;
  };
}
