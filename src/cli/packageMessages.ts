/**
 * The messages between `clientbook build`'s main thread and its package writer's thread (./packageWorker.ts,
 * ./packageWorkerThread.ts), and an error carried across: a thread's messages are structured clones (HTML
 * structured clone algorithm, as Node's worker_threads postMessage documents), which keep an Error's message but not
 * its class nor the fields an XlsxError carries (what, sheet, cell, detail). So the writer's error goes as a record
 * of its name, message, stack and own fields, and comes back as an error of the same class with the same fields: the
 * user reads the same message, and the CLI exits with the same status, as when the writer runs in one thread.
 */
import type { SheetSpec } from "../sheets/spec";
import { XlsxError } from "../xlsx/excelize";
import type { PackageFinishOptions } from "../xlsx/packageWriter";
import type { TableSheetOptions } from "../xlsx/tables";
import { ZipFormatError } from "../xlsx/zip";
import { UsageError } from "./usage";

export type ToWorker =
  /** Makes the writer; `guard`: keep the thread's heap in check between the pieces of a long sheet. */
  | { kind: "begin"; guard: boolean; headroom: number }
  | { kind: "table"; opts: TableSheetOptions; selected: boolean }
  | { kind: "spec"; spec: SheetSpec; selected: boolean }
  | { kind: "finish"; opts: PackageFinishOptions };

export type FromWorker =
  /** The next `count` tables or specs written: the bytes they added to the zip (transferred). */
  | { kind: "written"; bytes: Uint8Array; count: number }
  /** The workbook finished: its last bytes, its sheets and the size of the whole file. */
  | { kind: "finished"; bytes: Uint8Array; sheets: string[]; size: number }
  | { kind: "failed"; error: ErrorRecord };

/** An error as a structured clone keeps it all. */
export interface ErrorRecord {
  name: string;
  message: string;
  stack?: string;
  /** Own fields of the error (XlsxError: what, sheet, cell, detail), strings and numbers only. */
  fields: Record<string, string | number>;
}

/** The error classes the writer throws, rebuilt by name; any other comes back as an Error with its name. */
const CLASSES: Record<string, new (message: string) => Error> = {
  XlsxError: XlsxError as unknown as new (message: string) => Error,
  ZipFormatError,
  UsageError,
  TypeError,
  RangeError,
  SyntaxError,
  Error,
};

export function errorRecord(e: unknown): ErrorRecord {
  if (!(e instanceof Error)) return { name: "Error", message: String(e), fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(e)) if (typeof v === "string" || typeof v === "number") fields[k] = v;
  return { name: e.name, message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}), fields };
}

/**
 * The error of `r` as the writer threw it: of its class (made with Error's constructor and the class's prototype,
 * so no constructor rewrites the message: ZipFormatError's would wrap it again), its message, fields and the stack
 * of the thread that threw it.
 */
export function errorFromRecord(r: ErrorRecord): Error {
  const cls = Object.prototype.hasOwnProperty.call(CLASSES, r.name) ? CLASSES[r.name] : Error;
  const e = Reflect.construct(Error, [r.message], cls) as Error;
  Object.assign(e, r.fields);
  if (e.name !== r.name) e.name = r.name;
  if (r.stack !== undefined) e.stack = r.stack;
  return e;
}
