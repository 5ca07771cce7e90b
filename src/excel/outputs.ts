/**
 * The output-sheet commands: build one sheet (review, profile list, coverage, calendar, Today, call list) or
 * refresh them all. Each reads the book and the workbook's sheets in one sync, builds the SheetSpecs (pure), and
 * writes them in one sync — more only where the 5 MB request limit forces chunks.
 */
import type { Book, IsoDate, Lang } from "../domain/types";
import {
  assetReview, callList, callListEntries, contactCalendar, coverage, parseMonth, profileList, todaySheet, bookIndex, type BookIndex, type SheetSpec,
} from "../sheets";
import { legacyOutputKind, markerNames, reviewSheetClient } from "../sheets/marker";
import { SheetNamer, sheetNameKey } from "../sheets/names";
import { outputPlan } from "../sheets/plan";
import type { OnProgress, SheetResult } from "./api";
import { Batch, runWrites, single, type WriteOp } from "./batch";
import { detectCapabilities } from "./capabilities";
import { AS_OF, checkDate, requireClient, requireTables } from "./common";
import { paneRead } from "./paneRead";
import { commandError } from "./errors";
import { loadClient } from "./clientRead";
import { loadBook } from "./readBookTables";
import { timeSlicer } from "./yieldToUi";
import { findSheet, queueSheetsInfo, tempNames, type ExistingSheet, type SheetsInfo } from "./existingSheets";
import { planRender, renderOptions } from "./renderSheet";

/** A sheet to build: its spec and, for a rebuilt review whose name changed, the output sheet it replaces. */
export interface OutputTarget {
  spec: SheetSpec;
  replaces?: ExistingSheet;
  /** The spec's name was taken from the context's namer already (the output plan names its sheets up front). */
  named?: boolean;
}

export interface BuildContext {
  book: Book;
  lang: Lang;
  sheets: SheetsInfo;
  /** The sheets ClientBook made (marked, or of the old layout): the only ones an output may replace. */
  ours: ReadonlySet<ExistingSheet>;
  /** With a per-client read (BuildOptions.client): the book's index with every client's tier from the whole book. */
  index?: BookIndex;
  /** The one namer of the command's sheets: a name taken by a manager's own sheet gets " (2)". */
  namer: SheetNamer;
}

export interface BuildOptions {
  asOf: IsoDate;
  /** Make the (first) sheet built the active one. */
  activate?: boolean;
  onProgress?: OnProgress;
  /**
   * An output about this one client: read only that client's rows and every client's tier (./clientRead.ts), not
   * the whole book. The result then carries no `read` (the pane keeps its book: an output changes no table).
   */
  client?: string;
}

/** The sheets ClientBook made: marked (src/sheets/marker.ts) or of the old layout, and holding no table. */
export function ourSheets(info: SheetsInfo, clientIds: readonly string[]): Set<ExistingSheet> {
  return new Set(info.sheets.filter((s) => !s.hasTable && (s.marker !== undefined || legacyOutputKind(s, clientIds) !== undefined)));
}

/**
 * Reads, builds with `make`, renders; one read sync and one write sync (plus 5 MB chunks). `make` may yield its
 * targets one by one: building and planning pause for the page to paint between them (./yieldToUi.ts).
 * An output replaces only a sheet ClientBook made; beside a manager's own sheet of the same name it is written as
 * "今日待办 (2)" (src/sheets/names SheetNamer). Every sheet is written with its marker.
 */
export async function buildOutputs(make: (c: BuildContext) => Iterable<OutputTarget>, opts: BuildOptions): Promise<SheetResult> {
  checkDate(opts.asOf, AS_OF);
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const caps = detectCapabilities();
    const extra = (c: Excel.RequestContext) => queueSheetsInfo(c, { markers: true });
    const loaded = opts.client !== undefined ? await loadClient(batch, opts.client, { extra, tiers: { asOf: opts.asOf } }) : { ...(await loadBook(batch, { extra })), partial: false, tiers: undefined };
    requireTables(loaded, ["clients"]);
    const book = loaded.read.book;
    const lang = book.settings.language;
    const sheets = loaded.extra;
    const ours = ourSheets(sheets, book.clients.map((c) => c.clientId));
    const index = loaded.partial && loaded.tiers ? { ...bookIndex(book), tiers: loaded.tiers, tiersGiven: true } : undefined;
    const namer = new SheetNamer(sheets.sheets.filter((s) => !ours.has(s)).map((s) => s.name));
    const slice = timeSlicer();
    const targets: OutputTarget[] = [];
    for (const t of make({ book, lang, sheets, ours, namer, ...(index ? { index } : {}) })) {
      targets.push(t);
      await slice();
    }
    const readSyncs = batch.syncs;
    const total = targets.length;
    let done = 0;
    opts.onProgress?.({ done, total });
    const temp = tempNames(sheets);
    const nextMarker = markerNames((sheets.markers ?? []).map((m) => m.name));
    const ropts = renderOptions(caps, lang);
    const ops: WriteOp[] = [staleMarkers(sheets)].filter((op): op is WriteOp => op !== undefined);
    const names: string[] = [];
    for (const [i, t] of targets.entries()) {
      await slice();
      const name = t.named ? t.spec.name : namer.name(t.spec.name);
      const spec = name === t.spec.name ? t.spec : { ...t.spec, name };
      names.push(name);
      // the namer gave no name of a sheet that is not ours, so a sheet of this name is ours
      const same = findSheet(sheets, name);
      const replaces = same ?? (t.replaces && ours.has(t.replaces) ? t.replaces : undefined);
      ops.push(
        ...planRender(
          {
            spec,
            ...(replaces ? { replaces } : {}),
            marker: replaces?.marker ?? nextMarker(),
            // The first sheet of a single build is shown; a rebuilt sheet the manager was looking at stays shown.
            activate: opts.activate === true ? i === 0 : replaces !== undefined && sheetNameKey(replaces.name) === sheetNameKey(sheets.active),
            done: () => {
              done += 1;
              opts.onProgress?.({ done, total, sheet: name, kind: "writing" });
            },
          },
          ropts,
          temp,
        ),
      );
    }
    await runWrites(batch, ops);
    return { syncs: batch.syncs, sheets: names, ...(loaded.partial ? {} : { read: paneRead(loaded, readSyncs) }) };
  });
}

/** Deletes markers whose sheet is gone (#REF!: the manager deleted an output sheet), with the command's writes. */
function staleMarkers(info: SheetsInfo): WriteOp | undefined {
  const stale = (info.markers ?? []).filter((m) => m.sheet === undefined || !findSheet(info, m.sheet)).map((m) => m.name);
  if (stale.length === 0) return undefined;
  return single(2 * stale.length, stale, (ctx) => {
    for (const name of stale) ctx.workbook.names.getItem(name).delete();
  });
}

export { reviewSheetClient };

function checkMonth(month: unknown): string {
  try {
    parseMonth(month as string);
    return month as string;
  } catch {
    const got = JSON.stringify(month) ?? String(month);
    throw commandError("InvalidArgument", { "zh-CN": `月份应为 YYYY-MM（收到 ${got}）`, "zh-TW": `月份應為 YYYY-MM（收到 ${got}）`, "en-US": `The month must be YYYY-MM (got ${got})` });
  }
}

export async function buildReview(clientId: string, asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang, index }) => {
    requireClient(book.clients.map((c) => c.clientId), clientId);
    return [{ spec: assetReview(book, { asOf, lang, clientId, ...(index ? { index } : {}) }) }];
  }, { asOf, activate: true, client: clientId });
}

/** The review sheets ClientBook made that are in the workbook, by client id (found by name: prefix, id at the end). */
function presentReviews(book: Book, sheets: SheetsInfo, ours: ReadonlySet<ExistingSheet>): Map<string, ExistingSheet> {
  const ids = book.clients.map((c) => c.clientId);
  const present = new Map<string, ExistingSheet>();
  for (const sheet of sheets.sheets) {
    if (!ours.has(sheet)) continue;
    const id = reviewSheetClient(sheet.name, ids);
    if (id && !present.has(id)) present.set(id, sheet);
  }
  return present;
}

/** The profile list alone: each name links to the client's review sheet when the workbook has one. */
export async function buildProfile(asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang, sheets, ours }) => {
    const reviewSheets = new Map([...presentReviews(book, sheets, ours)].map(([id, s]) => [id, s.name]));
    return [{ spec: profileList(book, { asOf, lang, reviewSheets }) }];
  }, { asOf, activate: true });
}

export async function buildCoverage(asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang }) => [{ spec: coverage(book, { asOf, lang }) }], { asOf, activate: true });
}

export async function buildCalendar(month: string, asOf: IsoDate): Promise<SheetResult> {
  const m = checkMonth(month);
  return buildOutputs(({ book, lang }) => [{ spec: contactCalendar(book, { asOf, lang, month: m }) }], { asOf, activate: true });
}

export async function buildToday(asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang }) => [{ spec: todaySheet(book, { asOf, lang }) }], { asOf, activate: true });
}

export async function saveCallList(clientIds: string[], reasons: Record<string, string>, asOf: IsoDate): Promise<SheetResult> {
  if (!Array.isArray(clientIds)) throw commandError("InvalidArgument", { "zh-CN": "客户编号列表应为数组", "zh-TW": "客戶編號清單應為陣列", "en-US": "clientIds must be an array" });
  return buildOutputs(({ book, lang }) => {
    const ids = book.clients.map((c) => c.clientId);
    for (const id of clientIds) requireClient(ids, id);
    const entries = callListEntries(book, clientIds, reasons ?? {}, asOf);
    return [{ spec: callList(book, { asOf, lang, entries }) }];
  }, { asOf, activate: true });
}

/**
 * The output plan (src/sheets/plan.ts) with the reviews already in the workbook: profile list, coverage, the
 * calendars of the last full month and asOf's month, Today, and a review for every client whose review sheet
 * ClientBook made (found by its name: prefix in any language, client id at the end), rebuilt in place, in the book's
 * client order. The plan names every sheet before building any, so the profile list links to the names they get.
 */
export async function refreshAll(asOf: IsoDate, onProgress?: OnProgress): Promise<SheetResult> {
  return buildOutputs(function* ({ book, lang, sheets, ours, namer }) {
    const index = bookIndex(book);
    const ids = index.clients.map((c) => c.clientId);
    const present = presentReviews(book, sheets, ours);
    const plan = outputPlan(book, { asOf, lang, reviews: ids.filter((id) => present.has(id)) }, index);
    for (const { sheet: p, spec } of plan.entries(namer)) {
      // A review replaces the sheet of its name if there is one, else the old-named sheet of the same client
      // (renamed client or language).
      yield p.kind === "review" ? { spec, replaces: present.get(p.clientId), named: true } : { spec, named: true };
    }
  }, { asOf, onProgress });
}
