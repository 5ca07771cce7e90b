/**
 * `clientbook build`'s package writer in a worker thread (src/cli/packageWorker.ts): the file is byte for byte the
 * one the same PackageWriter makes in one thread (whole files compared, and so every part), the progress is the
 * same, the main thread never runs more than MAX_AHEAD sheets ahead of the writer, and an error of the writer
 * reaches the caller as the same error (class, message, sheet and cell) — also when a later sheet then fails to be
 * built on the main thread, since the writer's came first. The worker runs the sources through tsx, as the CLI.
 */
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { heapGuard } from "../../src/cli/heapGuard";
import type { FromWorker, ToWorker } from "../../src/cli/packageMessages";
import { servePackage } from "../../src/cli/packageWorkerThread";
import { runCli } from "../../src/cli/run";
import { PackageWriter } from "../../src/xlsx/packageWriter";
import { ChunkSink } from "../../src/xlsx/zipStream";
import { memoryIo } from "./helpers";
import { readBookFile } from "../../src/cli/bookInput";
import { buildCommand } from "../../src/cli/commands/build";
import type { OutputSink } from "../../src/cli/commands/types";
import { outputSheets, writeWorkbook } from "../../src/cli/output";
import type { Progress, WorkbookPlan } from "../../src/cli/output";
import { IDLE_HEADROOM_BYTES, MAX_AHEAD, PACKAGE_WORKER_ENV, PackageWorker } from "../../src/cli/packageWorker";
import type { Lang } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import type { SheetSpec } from "../../src/sheets/spec";
import { bookTables } from "../../src/xlsx/bookFile";
import { XlsxError } from "../../src/xlsx/excelize";
import type { TableSheetOptions } from "../../src/xlsx/tables";
import { entryText, makeEntry, readZip, writeZip } from "../../src/xlsx/zip";
import type { RawValue } from "../../src/book/raw";

const AS_OF = "2026-05-15";
const ROOT = path.resolve(__dirname, "../..");

// the writer's side run here (servePackage) gets a recording heap guard; the worker threads load the real one
jest.mock("../../src/cli/heapGuard", () => ({ ...jest.requireActual("../../src/cli/heapGuard"), heapGuard: jest.fn(() => jest.fn()) }));

/** An output file in memory, as src/cli/fileSink.ts writes one to disk; its `between` (when asked) counts calls. */
function memorySink(withBetween: boolean) {
  const chunks: Uint8Array[] = [];
  const betweens: (number | undefined)[] = [];
  const sink: OutputSink = { write: (c) => void chunks.push(c.slice()), commit: () => {}, abort: () => {}, ...(withBetween ? { between: (h?: number) => void betweens.push(h) } : {}) };
  return { sink, bytes: () => Buffer.concat(chunks), betweens: () => betweens };
}

/** A book file (the sample's tables, as `clientbook template`/`demo` write them) with one row changed by `edit`. */
async function bookFile(clients: number, lang: Lang, edit?: (tables: (TableSheetOptions & { rows: RawValue[][] })[]) => void): Promise<Uint8Array> {
  const book = generateBook({ clients, asOf: AS_OF, lang });
  const tables = bookTables(book, lang).map((t) => ({ ...t, rows: t.rows.map((r) => [...r]) }));
  edit?.(tables);
  return (await writeWorkbook({ tables, active: "first", title: "ClientBook" })).bytes;
}

interface Outcome {
  bytes?: Uint8Array;
  error?: { cls: string; message: string; sheet?: string; cell?: string; xlsx: boolean };
  steps: string[];
  result?: { size: number; sheets: string[]; outputSheets: number };
}

/** writeWorkbook of `make()`'s plan, in this thread or through a worker; what came out, or the error. */
async function written(make: () => WorkbookPlan, viaWorker: boolean): Promise<Outcome> {
  const steps: string[] = [];
  const worker = viaWorker ? PackageWorker.start() : undefined;
  const onProgress: Progress = (done, total, what) => void steps.push(`${done}/${total} ${what}`);
  try {
    const w = await writeWorkbook({ ...make(), onProgress, ...(worker ? { worker } : {}) });
    return { bytes: w.bytes, steps, result: { size: w.size, sheets: w.sheets, outputSheets: w.outputSheets } };
  } catch (e) {
    const x = e as Error & { sheet?: string; cell?: string };
    return { error: { cls: x.constructor.name, message: x.message, sheet: x.sheet, cell: x.cell, xlsx: e instanceof XlsxError }, steps };
  } finally {
    await worker?.close();
  }
}

const sheets = (list: () => Iterable<SheetSpec>, count: number): WorkbookPlan["sheets"] => ({ count, specs: () => list() });
const spec = (name: string, cells: SheetSpec["cells"] = [["a", 1]]): SheetSpec => ({ name, kind: "review", cells });

test("clientbook build of a book with a rejected row: the same file, progress and summary with the writer in a worker", async () => {
  // a client's risk level C7 (src/book/schema.ts clientRisk: C1–C5) is rejected: the import-errors sheet is written too
  const bytes = await bookFile(30, "zh-TW", (tables) => {
    const clients = tables[0];
    clients.rows[3][clients.headers.indexOf("風險等級")] = "C7";
  });
  const run = async (viaWorker: boolean) => {
    const out = memorySink(true);
    const steps: string[] = [];
    const r = await buildCommand(
      { book: { name: "book.xlsx", bytes }, out: "out.xlsx", asOf: AS_OF },
      {
        now: () => 0,
        onProgress: (done, total, what) => void steps.push(`${done}/${total} ${what}`),
        openOutput: () => out.sink,
        ...(viaWorker ? { startPackageWorker: () => PackageWorker.start() } : {}),
      },
    );
    return { r, bytes: out.bytes(), steps, betweens: out.betweens() };
  };
  const one = await run(false);
  const two = await run(true);
  expect(one.r.exitCode).toBe(1);
  expect(one.r.errors[0]).toBe('book.xlsx:客戶:5: 風險等級: "C7" is not one of: C1, C2, C3, C4, C5');
  expect(two.r).toEqual(one.r);
  expect(two.steps).toEqual(one.steps);
  expect(Buffer.compare(two.bytes, one.bytes)).toBe(0);
  // 30 clients: eight tables, the output sheets with a review each, the import errors, then "saved"
  expect(one.steps.at(-1)).toMatch(/^(\d+)\/\1 saved$/);
  expect(one.r.summary).toMatch(/, import errors\)/);
  const parts = readZip(two.bytes);
  expect(parts.length).toBeGreaterThan(30 * 2);
  expect(parts.at(-1)!.name).toBe("[Content_Types].xml");
  // the sink's `between` (the heap guard, src/cli/run.ts) is called on the main thread after each table or sheet
  // is written, and with less headroom while it waits for the writer (the eight tables alone fill the queue)
  expect(two.betweens.filter((h) => h === undefined)).toHaveLength(one.steps.length - 2);
  expect(two.betweens.filter((h) => h === IDLE_HEADROOM_BYTES).length).toBeGreaterThan(0);
  expect(two.betweens.filter((h) => h !== undefined && h !== IDLE_HEADROOM_BYTES)).toEqual([]);
  expect(one.betweens).toEqual([]);
}, 120_000);

test("writeWorkbook without a sink returns the same bytes from the worker (tables, a selected errors sheet)", async () => {
  const file = await bookFile(6, "en-US", (tables) => {
    tables[0].rows[1][tables[0].headers.indexOf("Risk Level")] = "C9";
  });
  const { book, errors, tables } = await readBookFile(file, "book.xlsx", { asOf: AS_OF });
  expect(errors.length).toBeGreaterThan(0);
  const make = (): WorkbookPlan => ({
    tables: bookTables(book, "en-US"),
    sheets: outputSheets(book, { asOf: AS_OF, lang: "en-US" }),
    errors: { errors, tables, lang: "en-US" },
    active: "errors-or-first-output",
    title: "T",
  });
  const one = await written(make, false);
  const two = await written(make, true);
  expect(one.error).toBeUndefined();
  expect(two.result).toEqual(one.result);
  expect(two.steps).toEqual(one.steps);
  expect(Buffer.compare(two.bytes!, one.bytes!)).toBe(0);
  expect(two.result!.size).toBe(two.bytes!.length);
}, 60_000);

test("an invalid sheet name on the third sheet: the same XlsxError (message, sheet) and the same progress before it", async () => {
  const make = (): WorkbookPlan => ({ tables: [], sheets: sheets(() => [spec("One"), spec("Two"), spec("Th:ree"), spec("Four")], 4) });
  const one = await written(make, false);
  const two = await written(make, true);
  expect(one.error).toMatchObject({ cls: "XlsxError", xlsx: true, sheet: "Th:ree" });
  expect(one.error!.message).toMatch(/^sheet name .*\(sheet "Th:ree"\)$/);
  expect(two.error).toEqual(one.error);
  expect(two.steps).toEqual(one.steps);
  expect(one.steps).toEqual(["1/5 One", "2/5 Two"]);
}, 60_000);

test("the writer's error on a sheet comes before an error building a later one, as in one thread", async () => {
  // one thread: the bad name stops the run before the next spec is built; with the worker, the main thread builds
  // ahead, and the writer's error (which came first) is still the one reported
  const make = (): WorkbookPlan => ({
    tables: [],
    sheets: sheets(function* () {
      yield spec("Good");
      yield spec("Bad*Name");
      throw new Error("the third sheet could not be built");
    }, 3),
  });
  const one = await written(make, false);
  const two = await written(make, true);
  expect(one.error).toMatchObject({ cls: "XlsxError", sheet: "Bad*Name" });
  expect(two.error).toEqual(one.error);
  expect(two.steps).toEqual(["1/4 Good"]);
}, 60_000);

test(`the main thread never runs more than ${MAX_AHEAD} sheets ahead of the writer`, async () => {
  let posted = 0;
  let done = 0;
  let most = 0;
  const worker = PackageWorker.start();
  try {
    const w = await writeWorkbook({
      tables: [],
      sheets: sheets(function* () {
        for (let i = 0; i < 40; i++) {
          // building sheet i: i sheets were handed over, `done` of them are written
          most = Math.max(most, posted - done);
          yield spec(`S${i}`, Array.from({ length: 50 }, (_, r) => [`row ${r}`, r, i]));
          posted++;
        }
      }, 40),
      onProgress: (d) => void (done = d),
      worker,
    });
    expect(w.sheets).toHaveLength(40);
  } finally {
    await worker.close();
  }
  expect(most).toBeGreaterThan(0);
  expect(most).toBeLessThanOrEqual(MAX_AHEAD);
}, 60_000);

test("a long sheet is collected on the main thread once posted (the sink's between, forced), others are not", async () => {
  const calls: (number | undefined)[] = [];
  const sink = { write: () => {}, between: (headroom?: number) => void calls.push(headroom) };
  const worker = PackageWorker.start();
  try {
    await writeWorkbook({
      tables: [],
      sheets: sheets(() => [spec("Short"), spec("Long", Array.from({ length: 2001 }, (_, r) => [r])), spec("Short 2")], 3),
      sink,
      worker,
    });
  } finally {
    await worker.close();
  }
  // forced (headroom 0) once, right after the long sheet was posted; then once per sheet written (the guard's own)
  expect(calls.filter((h) => h === 0)).toHaveLength(1);
  expect(calls.filter((h) => h === undefined)).toHaveLength(3);
}, 60_000);

test("property: any small workbook comes out the same through the worker, or fails with the same error", async () => {
  // text of any UTF-16 units (lone surrogates, controls, "=1+1"), numbers (-0, huge, NaN), booleans, formulas
  const cell = fc.oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.record({ f: fc.constantFrom("=1+1", "=SUM(B1:B3)", '=A1&"x"'), cached: fc.oneof(fc.integer(), fc.string({ maxLength: 5 })) }),
  );
  const grid = fc.array(fc.array(cell, { maxLength: 5 }), { minLength: 1, maxLength: 6 });
  const name = fc.oneof(fc.constantFrom("客户", "Ladder", "覆蓋", "x"), fc.string({ minLength: 1, maxLength: 8 }));
  await fc.assert(
    fc.asyncProperty(fc.array(fc.record({ name, cells: grid }), { minLength: 1, maxLength: 3 }), async (list) => {
      const make = (): WorkbookPlan => ({ tables: [], sheets: sheets(() => list.map((s) => spec(s.name, s.cells)), list.length) });
      const one = await written(make, false);
      const two = await written(make, true);
      expect(two.error).toEqual(one.error);
      expect(two.steps).toEqual(one.steps);
      if (one.bytes) expect(Buffer.compare(two.bytes!, one.bytes)).toBe(0);
    }),
    { numRuns: 8 },
  );
}, 120_000);

test("the writer's side keeps its heap in check between the pieces of a long sheet when asked, and writes the same bytes", () => {
  // 20,000 rows of ~200 characters: some 4 MB of sheet XML, deflated in pieces of PIECE_CHARS (1 MiB)
  const rows = Array.from({ length: 20_000 }, (_, i) => [`client ${i} ${"长".repeat(20)}`, i * 1.5, `note ${"x".repeat(60)}`]);
  const table = { sheet: "客户", tableName: "Clients", headers: ["Name", "Amount", "Note"], rows };
  for (const guard of [true, false]) {
    const mocked = heapGuard as unknown as jest.Mock;
    mocked.mockClear();
    const sent: FromWorker[] = [];
    let handler: ((m: ToWorker) => void) | undefined;
    const port = { on: (_event: string, h: (m: ToWorker) => void) => void (handler = h), postMessage: (m: FromWorker) => void sent.push(m) };
    servePackage(port as unknown as Parameters<typeof servePackage>[0]);
    handler!({ kind: "begin", guard, headroom: 1234 });
    handler!({ kind: "table", opts: table, selected: true });
    handler!({ kind: "finish", opts: { title: "T" } });
    expect(sent.map((m) => m.kind)).toEqual(["written", "finished"]);
    if (guard) {
      expect(mocked).toHaveBeenCalledWith(1234);
      const calls = (mocked.mock.results[0].value as jest.Mock).mock.calls.length;
      expect(calls).toBeGreaterThanOrEqual(3);
    } else expect(mocked).not.toHaveBeenCalled();
    // the same bytes as the writer in this thread
    const here = new ChunkSink();
    const w = new PackageWriter(here);
    w.addTable(table, true);
    w.finish({ title: "T" });
    const there = Buffer.concat(sent.map((m) => (m.kind === "failed" ? new Uint8Array(0) : m.bytes)));
    expect(Buffer.compare(there, here.bytes())).toBe(0);
  }
});

/** node with `code` (CommonJS), in `cwd`; its exit status and output. */
function node(args: string[], cwd = ROOT, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd, timeout: 90_000, env: { ...process.env, FORCE_COLOR: "0", ...env } }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === "number" ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

test("the heap guard collects in a worker thread as in the main one (src/cli/heapGuard.ts, V8 flags set at run time)", async () => {
  // in a child process, so this test process's V8 flags stay as they are; heapGuard(0) collects on every call
  const inWorker = `
    require(${JSON.stringify(require.resolve("tsx/cjs"))});
    const { heapGuard } = require(${JSON.stringify(path.join(ROOT, "src/cli/heapGuard.ts"))});
    const v8 = require("node:v8");
    const used = () => v8.getHeapStatistics().used_heap_size;
    const garbage = () => { let keep = []; for (let i = 0; i < 300000; i++) keep.push({ i, s: "x" + i }); keep = null; };
    // headroom 0: collects at every call; headroom of a terabyte: only when a call asks for 0 (after a long sheet)
    const eager = heapGuard(0);
    garbage();
    const before = used();
    eager();
    const after = used();
    const lazy = heapGuard(1024 ** 4);
    garbage();
    const lazyBefore = used();
    lazy();
    const lazyAfter = used();
    lazy(0);
    const forced = used();
    require("node:worker_threads").parentPort.postMessage({ before, after, lazyBefore, lazyAfter, forced });`;
  const main = `
    const { Worker } = require("node:worker_threads");
    const w = new Worker(${JSON.stringify(inWorker)}, { eval: true });
    w.on("message", (m) => { process.stdout.write(JSON.stringify(m)); w.terminate(); });
    w.on("error", (e) => { process.stderr.write(String(e)); process.exitCode = 1; });`;
  const r = await node(["-e", main]);
  expect(r.stderr).toBe("");
  const m = JSON.parse(r.stdout) as Record<"before" | "after" | "lazyBefore" | "lazyAfter" | "forced", number>;
  // 300,000 small objects (over 10 MB) were garbage: a full collection frees them
  const MB10 = 10 * 1024 * 1024;
  expect(m.before - m.after).toBeGreaterThan(MB10);
  expect(m.lazyBefore - m.lazyAfter).toBeLessThan(MB10);
  expect(m.lazyAfter - m.forced).toBeGreaterThan(MB10);
}, 60_000);

test(`the CLI starts the worker only when ${PACKAGE_WORKER_ENV}=1 (one thread by default: measured no faster on 2 cores, bench cli.buildWorker)`, async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "clientbook-worker-env-"));
  try {
    writeFileSync(path.join(dir, "book.xlsx"), await bookFile(4, "zh-CN"));
    // the CLI as bin/clientbook.js runs it, with the package writer's workers counted (by their workerData: esbuild,
    // under tsx, runs its synchronous transforms in a worker thread of its own when its cache is cold)
    const script = `
      require(${JSON.stringify(require.resolve("tsx/cjs"))});
      const wt = require("node:worker_threads");
      let started = 0;
      const Base = wt.Worker;
      wt.Worker = class extends Base { constructor(code, opts) { super(code, opts); if (opts && opts.workerData && opts.workerData.clientbookPackageWriter) started++; } };
      process.on("exit", () => process.stdout.write("workers:" + started));
      process.argv = [process.argv[0], "clientbook", "build", "book.xlsx", "--out", "out.xlsx", "--as-of", "${AS_OF}"];
      require(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))});`;
    const off = await node(["-e", script], dir);
    const on = await node(["-e", script], dir, { [PACKAGE_WORKER_ENV]: "1" });
    expect(off.code).toBe(0);
    expect(off.stdout).toMatch(/^wrote out\.xlsx\n[^]*\nworkers:0$/);
    expect(on.code).toBe(0);
    expect(on.stdout).toMatch(/^wrote out\.xlsx\n[^]*\nworkers:1$/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);

describe("bin/clientbook.js build, the writer in its worker thread", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "clientbook-worker-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("writes the file the one-thread build writes, and an error of the writer in its thread reads as in one thread", async () => {
    const good = await bookFile(8, "zh-CN");
    // a client's name of 40,000 characters: read, but more than an Excel cell holds (32,767), so writing the
    // clients table back fails in the writer — in the worker thread
    const marked = await bookFile(3, "zh-CN", (tables) => {
      tables[0].rows[0][tables[0].headers.indexOf("姓名")] = "NAME-TO-LENGTHEN";
    });
    const entries = await Promise.all(
      readZip(marked).map(async (e) => {
        const text = e.name.endsWith(".xml") ? await entryText(e) : "";
        return text.includes("NAME-TO-LENGTHEN") ? makeEntry(e.name, new TextEncoder().encode(text.replace("NAME-TO-LENGTHEN", "长".repeat(40_000))), e) : e;
      }),
    );
    writeFileSync(path.join(dir, "good.xlsx"), good);
    writeFileSync(path.join(dir, "long.xlsx"), writeZip(entries));
    const bin = path.join(ROOT, "bin/clientbook.js");
    const [ok, bad] = await Promise.all([
      node([bin, "build", "good.xlsx", "--out", "out.xlsx", "--as-of", AS_OF], dir, { [PACKAGE_WORKER_ENV]: "1" }),
      node([bin, "build", "long.xlsx", "--out", "long-out.xlsx", "--as-of", AS_OF], dir, { [PACKAGE_WORKER_ENV]: "1" }),
    ]);
    // one thread: the command run here without openOutput (no worker), the file returned
    const io = memoryIo({ "good.xlsx": good, "long.xlsx": writeZip(entries) });
    expect(await runCli(["build", "good.xlsx", "--out", "out.xlsx", "--as-of", AS_OF], io)).toBe(0);
    expect(ok).toMatchObject({ code: 0, stderr: "" });
    expect(Buffer.compare(readFileSync(path.join(dir, "out.xlsx")), io.files.get("out.xlsx")!)).toBe(0);
    // the error as src/cli/main.ts reports it: its message's first line, exit status 3, no file left behind
    const err = await runCli(["build", "long.xlsx", "--out", "long-out.xlsx", "--as-of", AS_OF], io).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err).toBeInstanceOf(XlsxError);
    expect(err!.message).toMatch(/^text longer than Excel's 32767 characters \(sheet "客户", cell B2\)$/);
    expect(bad).toEqual({ code: 3, stdout: "", stderr: `clientbook: ${err!.message}\n` });
    expect(readdirSync(dir).sort()).toEqual(["good.xlsx", "long.xlsx", "out.xlsx"]);
  }, 120_000);
});
