/**
 * Keeps a long CLI run's memory near what it really holds. V8 lets the heap grow to a multiple of what survived its
 * last full collection before collecting again (its heap-growing factor), so a 5,000-client build that holds
 * ~450 MB of book showed 1.1 GB resident while writing sheets it forgets at once. Called after each sheet, this
 * collects when the heap has grown HEADROOM past what was live after the last collection: resident memory stays
 * about live + HEADROOM, for a collection every few hundred sheets.
 *
 * The collector is reached through V8's --expose-gc flag set at run time (node:v8 setFlagsFromString, then the
 * `gc` of a fresh context, node:vm); where that is not possible the guard does nothing.
 */
import v8 from "node:v8";
import vm from "node:vm";

/** Growth of the heap past the last live size that triggers a full collection. */
export const HEADROOM_BYTES = 160 * 1024 * 1024;

export function heapGuard(headroom = HEADROOM_BYTES): () => void {
  let gc: (() => void) | undefined;
  try {
    v8.setFlagsFromString("--expose-gc");
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
