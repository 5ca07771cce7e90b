/**
 * The add-in's commands on the fake Excel host (tests/fake-excel): round trips, largest request and time per
 * command against the budget of 2 syncs plus the chunks the 5 MB limit forces; and the same asset review built by
 * bench/naive.ts (a sync per row) in the same run, checked to give the same sheet.
 */
import { writeBook } from "../src/book/codec";
import { TABLE_KEYS, TABLES } from "../src/book/schema";
import type { Book } from "../src/domain/types";
import type { ClientBookCommands, ReadResult } from "../src/excel/api";
import { colName } from "../src/sheets/a1";
import { installFakeOffice, PAYLOAD_LIMIT, type FakeHost, type SheetSeed } from "../tests/fake-excel";
import { AS_OF, LANG, sampleOf } from "./books";
import { ReadGate } from "../src/taskpane/model/commandRead";
import { mergeClientRows } from "../src/taskpane/model/clientMerge";
import { PANE_COMMANDS, type ExcelCommand, type PaneCommand } from "./figures";
import { failure, now, type Recorder } from "./measure";
import { naiveBuildReview } from "./naive";

export const NAIVE_FIGURES = ["excel.review.naive.syncs", "excel.review.naive.ms", "excel.review.naive.ratio.syncs", "excel.review.naive.ratio.ms"];
export const FIRST_USE_FIGURES = ["excel.setupEmpty.syncs", "excel.setupEmpty.maxRequestBytes", "excel.loadSample.syncs", "excel.loadSample.maxRequestBytes"];

export function commandFigures(cmd: ExcelCommand): string[] {
  const pane = (PANE_COMMANDS as readonly string[]).includes(cmd) ? ["paneSyncs", "paneResponseBytes", "paneMs"] : [];
  return ["syncs", "syncBudget", "refusedSyncs", "maxRequestBytes", "maxResponseBytes", "ms", ...pane].map((f) => `excel.${cmd}.${f}`);
}

/** The commands as the pane runs them (src/taskpane/paneCommands.ts): loaded lazily so a failure is reported, not fatal. */
async function loadCommands(): Promise<ClientBookCommands> {
  // require (tsx's hook), not import(): Node's ESM loader would not compile the TypeScript.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("../src/taskpane/paneCommands") as { paneCommands?: () => ClientBookCommands };
  if (typeof mod.paneCommands !== "function") throw new Error("src/taskpane/paneCommands.ts does not export paneCommands()");
  return mod.paneCommands();
}

/** The book's tables as sheets of stored values, each one Excel table (as after a set-up and a load). */
function bookSeeds(book: Book): SheetSeed[] {
  const written = writeBook(book, LANG);
  return TABLE_KEYS.map((key) => {
    const t = written[key];
    return {
      name: TABLES[key].sheet[LANG],
      rows: [t.headers, ...t.rows],
      tables: [{ name: TABLES[key].tableName, address: `A1:${colName(t.headers.length)}${Math.max(2, t.rows.length + 1)}` }],
    };
  });
}

function install(book?: Book): FakeHost {
  return installFakeOffice({ displayLanguage: LANG, ...(book ? { workbook: { sheets: bookSeeds(book) } } : {}) });
}

interface Sample {
  syncs: number;
  /** What the command returned (for the pane's syncs: whether the store re-reads after it). */
  result?: unknown;
  budget: number;
  maxRequest: number;
  /** Largest response delivered (a refused one is counted in `refused`). */
  maxResponse: number;
  /** Round trips Excel refused for size (RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded). */
  refused: number;
  /** Size of the largest refused payload, for the note. */
  refusedBytes: number;
  /** Bytes of all responses delivered. */
  received: number;
  ms: number;
}

/** Chunks beyond the first that `bytes` need under the 5 MB limit. */
function extraChunks(bytes: number): number {
  return Math.max(0, Math.ceil(bytes / PAYLOAD_LIMIT) - 1);
}

/**
 * Runs one command with fresh counters. The budget follows from the bytes that went through: 2 syncs (3 for a
 * command about one client, `PER_CLIENT_BASE`: two small syncs read that client's rows, src/excel/clientRead.ts) plus the
 * extra chunks the delivered requests and responses need under 5 MB, plus one to learn the tables' sizes when
 * the responses need chunks. A round trip Excel refuses for size (a read
 * that tries one sync first and falls back to chunks) moved nothing, so it is not in the budget: it counts as a sync.
 */
/** Budget base of a command about one client (issue #19: at most 3 syncs at any book size). */
const PER_CLIENT_BASE = 3;

async function sample(host: FakeHost, fn: () => Promise<unknown>, base = 2): Promise<Sample> {
  host.stats.reset();
  const t = now();
  const result = await fn();
  const ms = now() - t;
  const { syncs, requests, responses } = host.stats;
  let refused = 0;
  let refusedBytes = 0;
  let sentBytes = 0;
  let receivedBytes = 0;
  let maxRequest = 0;
  let maxResponse = 0;
  requests.forEach((req, i) => {
    const res = responses[i] ?? 0;
    if (req > PAYLOAD_LIMIT || res > PAYLOAD_LIMIT) {
      refused++;
      refusedBytes = Math.max(refusedBytes, req > PAYLOAD_LIMIT ? req : res);
      return;
    }
    sentBytes += req;
    receivedBytes += res;
    maxRequest = Math.max(maxRequest, req);
    maxResponse = Math.max(maxResponse, res);
  });
  // A read that needs chunks first has to learn the tables' sizes: one more round trip the limit forces.
  const sizesSync = receivedBytes > PAYLOAD_LIMIT ? 1 : 0;
  return { syncs, result, budget: base + extraChunks(sentBytes) + extraChunks(receivedBytes) + sizesSync, maxRequest, maxResponse, refused, refusedBytes, received: receivedBytes, ms };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function record(rec: Recorder, cmd: ExcelCommand, size: number, samples: Sample[]): void {
  const notes: string[] = [];
  const over = samples.filter((s) => s.syncs > s.budget).length;
  if (over > 0) notes.push(`OVER in ${over} of ${samples.length} runs`);
  const refused = samples.filter((s) => s.refused > 0);
  if (refused.length > 0) {
    const worst = Math.max(...refused.map((s) => s.refusedBytes));
    const counts = [...new Set(refused.map((s) => s.refused))].join("–");
    notes.push(`${counts} sync refused for size (${mb(worst)} > 5 MB) in ${refused.length} of ${samples.length} runs`);
  }
  rec.add(`excel.${cmd}.syncs`, size, samples.map((s) => s.syncs), notes.join("; ") || undefined);
  rec.add(`excel.${cmd}.syncBudget`, size, samples.map((s) => s.budget));
  rec.add(`excel.${cmd}.refusedSyncs`, size, samples.map((s) => s.refused));
  rec.add(`excel.${cmd}.maxRequestBytes`, size, samples.map((s) => s.maxRequest));
  rec.add(`excel.${cmd}.maxResponseBytes`, size, samples.map((s) => s.maxResponse));
  rec.add(`excel.${cmd}.ms`, size, samples.map((s) => s.ms));
}

/** Pane commands after which the pane reads nothing whatever they return (src/taskpane/pages/ClientPage.tsx: `reread: false`). */
const NO_REREAD: readonly PaneCommand[] = ["review", "exportReview"];

/**
 * One pane click on each sample, as src/taskpane/store.tsx useCommand runs it: the command's syncs and response bytes,
 * plus what the pane does after it (src/taskpane/model/commandRead.ts ReadGate): nothing, store the read the command
 * returned, merge the client's rows it returned into the pane's book (src/taskpane/model/clientMerge.ts), or read
 * the whole book (commands.readBook) — also when the rows do not fit the pane's book. `after` runs right after each
 * sample, so the pane's book is the workbook's as the next click finds it; `paneMs` is the time of that step.
 */
class PaneClicks {
  private readonly syncs: number[] = [];
  private readonly bytes: number[] = [];
  private readonly ms: number[] = [];

  constructor(
    private readonly cmds: ClientBookCommands,
    private readonly host: FakeHost,
    private readonly cmd: PaneCommand,
    /** The pane's book before the first click (read by the caller, not measured). */
    private read?: ReadResult,
  ) {}

  async after(s: Sample): Promise<void> {
    const gate = new ReadGate();
    const next = gate.after(gate.start(), s.result, !NO_REREAD.includes(this.cmd));
    let syncs = s.syncs;
    let bytes = s.received;
    const t = now();
    let reread = next === "reread";
    if (typeof next === "object" && "merge" in next) {
      const merged = this.read ? mergeClientRows(this.read, next.merge) : undefined;
      if (merged) this.read = merged;
      else reread = true;
    } else if (typeof next === "object") this.read = next.store;
    if (reread) {
      this.host.stats.reset();
      this.read = await this.cmds.readBook();
      syncs += this.host.stats.syncs;
      bytes += this.host.stats.responses.reduce((a, b) => a + b, 0);
    }
    this.ms.push(now() - t);
    this.syncs.push(syncs);
    this.bytes.push(bytes);
  }

  /** The pane's book after the last click. */
  shown(): ReadResult | undefined {
    return this.read;
  }

  record(rec: Recorder, size: number): void {
    rec.add(`excel.${this.cmd}.paneSyncs`, size, this.syncs);
    rec.add(`excel.${this.cmd}.paneResponseBytes`, size, this.bytes);
    rec.add(`excel.${this.cmd}.paneMs`, size, this.ms);
  }
}

/** The client with the most holdings: the largest review sheet of the book. */
function biggestClient(book: Book): string {
  const count = new Map<string, number>();
  for (const h of book.holdings) count.set(h.clientId, (count.get(h.clientId) ?? 0) + 1);
  let best = book.clients[0].clientId;
  for (const c of book.clients) if ((count.get(c.clientId) ?? 0) > (count.get(best) ?? 0)) best = c.clientId;
  return best;
}

/** Clients whose last review is before AS_OF (a review can be recorded for them today), `first` leading. */
function reviewableClients(book: Book, first: string): string[] {
  const last = new Map<string, string>();
  for (const r of book.reviews) if ((last.get(r.clientId) ?? "") < r.reviewDate) last.set(r.clientId, r.reviewDate);
  const ok = book.clients.map((c) => c.clientId).filter((id) => (last.get(id) ?? "") < AS_OF);
  return [...ok.filter((id) => id === first), ...ok.filter((id) => id !== first)];
}

/** What a review sheet shows, position and name aside: to hold the naive sheet to ours. */
function sheetContent(host: FakeHost, name: string): unknown {
  const s = host.sheet(name);
  if (!s) throw new Error(`no sheet "${name}" after building the review`);
  const used = s.usedAddress() ?? "A1";
  const cells = s.cells(used).map((row) => row.map((c) => ({ v: c.value, f: c.formula, nf: c.numberFormat, q: c.quotePrefix, fmt: c.format })));
  const lastCol = cells[0]?.length ?? 1;
  const widths = Array.from({ length: lastCol }, (_, i) => s.columnWidth(i + 1));
  const charts = s.charts().map(({ sheet: _sheet, ...c }) => c);
  const notes = s.notes().map(({ sheet: _sheet, ...n }) => n);
  return { used, cells, widths, merges: [...s.merges()].sort(), freeze: s.freeze(), charts, notes, cf: s.conditionalFormats().map(({ id: _id, ...cf }) => cf), filter: s.autoFilter(), page: s.pageLayout(), tab: s.tabColor };
}

function firstDifference(a: unknown, b: unknown, path = ""): string | undefined {
  if (Object.is(a, b)) return undefined;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return `${path || "value"}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${path}${Array.isArray(a) ? `[${k}]` : `.${k}`}`);
    if (d) return d;
  }
  return undefined;
}

/** Set-up on an empty workbook, then Load sample: the new user's first two clicks (sizes 0 and 40). */
export async function excelFirstUse(rec: Recorder): Promise<void> {
  const cmds = await loadCommands();
  const host = install();
  try {
    const setup = await sample(host, () => cmds.setupBook(LANG));
    rec.add("excel.setupEmpty.syncs", 0, [setup.syncs], setup.syncs > setup.budget || setup.refused > 0 ? `OVER budget ${setup.budget}` : undefined);
    rec.add("excel.setupEmpty.maxRequestBytes", 0, [setup.maxRequest]);
    const load = await sample(host, () => cmds.loadSample(LANG, AS_OF));
    rec.add("excel.loadSample.syncs", 40, [load.syncs], load.syncs > load.budget || load.refused > 0 ? `OVER budget ${load.budget}` : undefined);
    rec.add("excel.loadSample.maxRequestBytes", 40, [load.maxRequest]);
  } finally {
    host.uninstall();
  }
}

/** Every command on a workbook holding the `size`-client sample; each figure from `runs` runs. */
export async function excelBench(rec: Recorder, size: number, runs: number): Promise<void> {
  const cmds = await loadCommands();
  const book = sampleOf(size);
  const client = biggestClient(book);
  let host: FakeHost | undefined;
  const attempt = async (names: string[], body: () => Promise<void>) => {
    try {
      await body();
    } catch (e) {
      rec.missingRest(names, size, failure(e));
    }
  };
  try {
    // Set-up over the filled book: each run on a freshly seeded workbook (a second set-up has nothing to add).
    await attempt(commandFigures("setup"), async () => {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        host?.uninstall();
        host = install(book);
        samples.push(await sample(host, () => cmds.setupBook(LANG)));
      }
      record(rec, "setup", size, samples);
    });
    if (!host) {
      host = install(book);
      await cmds.setupBook(LANG);
    }
    const h = host;

    await attempt(commandFigures("read"), async () => {
      const samples: Sample[] = [];
      for (let i = 0; i < runs; i++) {
        samples.push(
          await sample(h, async () => {
            const r = await cmds.readBook(AS_OF);
            if (r.book.clients.length !== size) throw new Error(`readBook found ${r.book.clients.length} clients, expected ${size}`);
          }),
        );
      }
      record(rec, "read", size, samples);
    });

    // Ours and the naive builder alternately, on the same client; the first pair is checked to give the same sheet.
    await attempt([...commandFigures("review"), ...NAIVE_FIGURES], async () => {
      const ours: Sample[] = [];
      const naive: Sample[] = [];
      let sheet = "";
      for (let i = 0; i < runs; i++) {
        ours.push(
          await sample(h, async () => {
            const r = await cmds.buildReview(client, AS_OF);
            sheet = r.sheets[0];
            return r;
          }, PER_CLIENT_BASE),
        );
        const oursContent = i === 0 ? sheetContent(h, sheet) : undefined;
        naive.push(await sample(h, async () => void (await naiveBuildReview(client, AS_OF))));
        if (i === 0) {
          const diff = firstDifference(oursContent, sheetContent(h, sheet));
          if (diff) throw new Error(`the naive review differs from ours (${diff}); fix bench/naive.ts`);
        }
      }
      // Leave our sheet in place for refreshAll.
      await cmds.buildReview(client, AS_OF);
      record(rec, "review", size, ours);
      const pane = new PaneClicks(cmds, h, "review");
      for (const o of ours) await pane.after(o);
      pane.record(rec, size);
      rec.add("excel.review.naive.syncs", size, naive.map((s) => s.syncs));
      rec.add("excel.review.naive.ms", size, naive.map((s) => s.ms));
      rec.add("excel.review.naive.ratio.syncs", size, naive.map((s, i) => s.syncs / ours[i].syncs));
      rec.add("excel.review.naive.ratio.ms", size, naive.map((s, i) => s.ms / ours[i].ms));
    });

    await attempt(commandFigures("refreshAll"), async () => {
      const samples: Sample[] = [];
      const pane = new PaneClicks(cmds, h, "refreshAll");
      for (let i = 0; i < runs; i++) {
        samples.push(await sample(h, () => cmds.refreshAll(AS_OF)));
        await pane.after(samples[i]);
      }
      record(rec, "refreshAll", size, samples);
      pane.record(rec, size);
    });

    await attempt(commandFigures("logContact"), async () => {
      const samples: Sample[] = [];
      let updated = 0;
      const pane = new PaneClicks(cmds, h, "logContact", await cmds.readBook());
      for (let i = 0; i < runs; i++) {
        samples.push(
          await sample(h, async () => {
            const r = await cmds.logContact({ clientId: client, date: AS_OF, channel: "T", summary: `电话回访 ${i + 1}：到期理财再投资`, nextAction: "发送检视表" });
            if (r.calendarUpdated) updated++;
            return r;
          }, PER_CLIENT_BASE),
        );
        await pane.after(samples[i]);
      }
      record(rec, "logContact", size, samples);
      pane.record(rec, size);
      if (updated !== runs) {
        const f = rec.get("excel.logContact.syncs", size);
        if (f) f.note = [f.note, `calendar updated in ${updated} of ${runs} runs`].filter(Boolean).join("; ");
      }
    });

    await attempt(commandFigures("recordReview"), async () => {
      const ids = reviewableClients(book, client);
      if (ids.length < runs) throw new Error(`only ${ids.length} clients can take a review on ${AS_OF}, ${runs} needed`);
      const samples: Sample[] = [];
      const pane = new PaneClicks(cmds, h, "recordReview", await cmds.readBook());
      for (let i = 0; i < runs; i++) {
        samples.push(await sample(h, () => cmds.recordReview(ids[i], AS_OF, {}), PER_CLIENT_BASE));
        await pane.after(samples[i]);
      }
      record(rec, "recordReview", size, samples);
      pane.record(rec, size);
    });

    // The client form as the pane saves it: the records as the pane shows them, two fields changed.
    await attempt(commandFigures("saveClient"), async () => {
      const samples: Sample[] = [];
      let shown = await cmds.readBook();
      const pane = new PaneClicks(cmds, h, "saveClient", shown);
      for (let i = 0; i < runs; i++) {
        const now = shown.book;
        const before = now.clients.find((c) => c.clientId === client);
        const holding = now.holdings.find((x) => x.clientId === client);
        if (!before || !holding) throw new Error(`client ${client} or a holding of theirs is not in the book`);
        const edit = {
          client: { before, after: { ...before, phone: `1380000${String(1000 + i)}` } },
          family: [],
          holdings: [{ before: holding, after: { ...holding, amount: holding.amount + 1000 } }],
          policies: [],
        };
        samples.push(
          await sample(h, async () => {
            const r = await cmds.saveClient(edit);
            if (!r.ok) throw new Error(`saveClient reported conflicts: ${JSON.stringify(r.conflicts)}`);
            return r;
          }, PER_CLIENT_BASE),
        );
        await pane.after(samples[i]);
        shown = pane.shown() ?? (await cmds.readBook());
      }
      record(rec, "saveClient", size, samples);
      pane.record(rec, size);
    });

    await attempt(commandFigures("exportReview"), async () => {
      // The pane's commands with src/xlsx's renderer loaded by require: under Node (tsx's require hook) the pane's
      // import("../xlsx") of a folder is refused by the ES module loader.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createCommands } = require("../src/excel/commands") as typeof import("../src/excel/commands");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { renderSpecs } = require("../src/xlsx") as typeof import("../src/xlsx");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { sampleBook } = require("../src/sample") as typeof import("../src/sample");
      const exporting = createCommands({ sampleBook, renderWorkbook: renderSpecs });
      const samples: Sample[] = [];
      const pane = new PaneClicks(cmds, h, "exportReview");
      for (let i = 0; i < runs; i++) {
        samples.push(await sample(h, () => exporting.exportClientReview(client, AS_OF), PER_CLIENT_BASE));
        await pane.after(samples[i]);
      }
      record(rec, "exportReview", size, samples);
      pane.record(rec, size);
    });
  } finally {
    host?.uninstall();
  }
}
