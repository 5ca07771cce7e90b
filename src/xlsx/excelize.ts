/**
 * One lazily initialised excelize-wasm instance for the whole process, and the helpers that turn excelize's
 * `{ error }` results into thrown errors that say what failed and where.
 *
 * Initialising compiles a ~10 MB WebAssembly module (about half a second), so it happens once, on first use.
 * In Node the module file is found next to the package; a browser bundle must first tell where it serves it
 * (`setExcelizeWasmLocation`, e.g. a copy of node_modules/excelize-wasm/excelize.wasm.gz among its assets).
 */
import { init as importedInit } from "excelize-wasm";
import type { NewFile } from "excelize-wasm";

/** The object excelize-wasm's `init` resolves to: NewFile, OpenReader, chart type constants… */
export type Excelize = Awaited<ReturnType<typeof importedInit>>;
/** An open workbook. */
export type XlsxFile = NewFile;

let wasmLocation: string | undefined;
let instance: Promise<Excelize> | undefined;

/** Where to load `excelize.wasm.gz` from (a URL in a browser, a path in Node). Call before the first use. */
export function setExcelizeWasmLocation(location: string): void {
  if (instance && location !== wasmLocation) throw new Error("excelize-wasm is already initialised; set its location before first use");
  wasmLocation = location;
}

type NodeModuleApi = { createRequire(path: string): (id: string) => { init: typeof importedInit } };

/** The package's entry file when running in Node (CommonJS, as the CLI and jest run us), else undefined. */
function nodePackageMain(): string | undefined {
  if (typeof process === "undefined" || !process.versions?.node) return undefined;
  if (typeof require !== "function" || typeof require.resolve !== "function") return undefined;
  return require.resolve("excelize-wasm");
}

/**
 * excelize-wasm's `init`. In Node it is loaded with Node's own require when it can be: the package reads its
 * wasm through a dynamic import("node:fs"), which fails inside VM sandboxes such as jest's test context; a
 * natively required copy runs in the main context, where it works. Bundles and Node < 20.16 use the import.
 */
function initFunction(): typeof importedInit {
  const main = nodePackageMain();
  const getBuiltin = main ? (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule : undefined;
  if (main && typeof getBuiltin === "function") {
    const { createRequire } = getBuiltin("node:module") as NodeModuleApi;
    return createRequire(main)(main).init;
  }
  return importedInit;
}

/** In Node, the wasm file shipped next to the package's entry file (not resolved through the bundler's eyes). */
function defaultWasmLocation(): string {
  const main = nodePackageMain();
  if (main) return main.replace(/[^/\\]+$/, "excelize.wasm.gz");
  throw new Error("excelize-wasm: call setExcelizeWasmLocation(url) before rendering files in a browser");
}

/** The shared excelize instance, initialised on first call. A failed initialisation is retried on the next call. */
export function getExcelize(): Promise<Excelize> {
  if (!instance) {
    const p = (async () => {
      const location = wasmLocation ?? defaultWasmLocation();
      try {
        return await initFunction()(location);
      } catch (e) {
        throw new Error(`excelize-wasm could not be initialised from ${location}: ${e instanceof Error ? e.message : String(e)}`);
      }
    })();
    instance = p;
    p.catch(() => {
      if (instance === p) instance = undefined;
    });
  }
  return instance;
}

/** Where an excelize call was aimed, for the error message. */
export interface XlsxWhere {
  sheet?: string;
  cell?: string;
}

/** An excelize call that reported an error, or input that cannot be written; says what, on which sheet, where. */
export class XlsxError extends Error {
  readonly what: string;
  readonly sheet?: string;
  readonly cell?: string;
  /** excelize's own message, or why the input cannot be written. */
  readonly detail?: string;

  constructor(what: string, where: XlsxWhere = {}, detail?: string) {
    const place = [where.sheet !== undefined ? `sheet "${where.sheet}"` : "", where.cell ? `cell ${where.cell}` : ""]
      .filter(Boolean)
      .join(", ");
    super(`${what}${place ? ` (${place})` : ""}${detail ? `: ${detail}` : ""}`);
    this.name = "XlsxError";
    this.what = what;
    if (where.sheet !== undefined) this.sheet = where.sheet;
    if (where.cell) this.cell = where.cell;
    if (detail) this.detail = detail;
  }
}

/** Throws an XlsxError when excelize reported one; otherwise returns the result. */
export function check<T extends { error?: string | null }>(result: T, what: string, where?: XlsxWhere): T {
  if (result.error) throw new XlsxError(what, where, result.error);
  return result;
}

/** The bytes of a written workbook. */
export function writeToBytes(f: XlsxFile): Uint8Array {
  const { buffer } = check(f.WriteToBuffer(), "writing the workbook");
  if (buffer instanceof Uint8Array) return buffer;
  if (buffer instanceof ArrayBuffer) return new Uint8Array(buffer);
  throw new XlsxError("writing the workbook", {}, "excelize returned no byte buffer");
}

/** Opens workbook bytes; a file that is not an .xlsx gives a clear error instead of excelize's zip message. */
export async function openBytes(bytes: Uint8Array): Promise<XlsxFile> {
  const x = await getExcelize();
  const f = x.OpenReader(bytes);
  if (f.error) throw new XlsxError("opening the workbook", {}, `not a readable .xlsx file (${f.error})`);
  return f;
}
