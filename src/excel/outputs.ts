/**
 * The output-sheet commands: build one sheet (review, profile list, coverage, calendar, Today, call list) or
 * refresh them all. Each reads the book and the workbook's sheets in one sync, builds the SheetSpecs (pure), and
 * writes them in one sync — more only where the 5 MB request limit forces chunks.
 */
import type { Book, IsoDate, Lang } from "../domain/types";
import { LANGS } from "../domain/types";
import {
  assetReview, callList, callListEntries, contactCalendar, coverage, parseMonth, profileList, todaySheet, bookIndex,
  sheetText, type SheetSpec,
} from "../sheets";
import { sheetNameKey } from "../sheets/names";
import type { OnProgress, SheetResult } from "./api";
import { Batch, runWrites, type WriteOp } from "./batch";
import { detectCapabilities } from "./capabilities";
import { AS_OF, checkDate, requireClient, requireTables, uiLang, writingLabel } from "./common";
import { commandError } from "./errors";
import { loadBook } from "./readBookTables";
import { timeSlicer } from "./yieldToUi";
import { findSheet, planRender, queueSheetsInfo, renderOptions, tempNames, type ExistingSheet, type SheetsInfo } from "./renderSheet";

/** A sheet to build: its spec and, for a rebuilt review whose name changed, the sheet it replaces. */
export interface OutputTarget {
  spec: SheetSpec;
  replaces?: ExistingSheet;
}

export interface BuildContext {
  book: Book;
  lang: Lang;
  sheets: SheetsInfo;
}

export interface BuildOptions {
  asOf: IsoDate;
  /** Make the (first) sheet built the active one. */
  activate?: boolean;
  onProgress?: OnProgress;
}

/**
 * Reads, builds with `make`, renders; one read sync and one write sync (plus 5 MB chunks). `make` may yield its
 * targets one by one: building and planning pause for the page to paint between them (./yieldToUi.ts).
 */
export async function buildOutputs(make: (c: BuildContext) => Iterable<OutputTarget>, opts: BuildOptions): Promise<SheetResult> {
  checkDate(opts.asOf, AS_OF);
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const caps = detectCapabilities();
    const loaded = await loadBook(batch, { extra: queueSheetsInfo });
    requireTables(loaded, ["clients"]);
    const book = loaded.read.book;
    const lang = book.settings.language;
    const sheets = loaded.extra;
    const slice = timeSlicer();
    const targets: OutputTarget[] = [];
    for (const t of make({ book, lang, sheets })) {
      targets.push(t);
      await slice();
    }
    const ui = uiLang();
    const total = targets.length;
    let done = 0;
    opts.onProgress?.({ done, total });
    const temp = tempNames(sheets);
    const ropts = renderOptions(caps, lang);
    const ops: WriteOp[] = [];
    for (const [i, t] of targets.entries()) {
      await slice();
      const replaces = t.replaces ?? findSheet(sheets, t.spec.name);
      ops.push(
        ...planRender(
          {
            spec: t.spec,
            ...(replaces ? { replaces } : {}),
            // The first sheet of a single build is shown; a rebuilt sheet the manager was looking at stays shown.
            activate: opts.activate === true ? i === 0 : replaces !== undefined && sheetNameKey(replaces.name) === sheetNameKey(sheets.active),
            done: () => {
              done += 1;
              opts.onProgress?.({ done, total, label: writingLabel(t.spec.name, ui) });
            },
          },
          ropts,
          temp,
        ),
      );
    }
    await runWrites(batch, ops);
    return { syncs: batch.syncs, sheets: targets.map((t) => t.spec.name) };
  });
}

/** The client whose review a sheet is (名 cut to fit, id kept whole at the end), in any of the three languages. */
export function reviewSheetClient(sheetName: string, clientIds: readonly string[]): string | undefined {
  const prefixes = LANGS.map((l) => sheetText(l).review.sheetPrefix);
  const key = sheetNameKey(sheetName);
  if (!prefixes.some((p) => key.startsWith(sheetNameKey(`${p}-`)))) return undefined;
  let best: string | undefined;
  for (const id of clientIds) {
    if (key.endsWith(sheetNameKey(`-${id}`)) && (!best || id.length > best.length)) best = id;
  }
  return best;
}

function checkMonth(month: unknown): string {
  try {
    parseMonth(month as string);
    return month as string;
  } catch {
    const got = JSON.stringify(month) ?? String(month);
    throw commandError("InvalidArgument", `月份应为 YYYY-MM（收到 ${got}）`, `月份應為 YYYY-MM（收到 ${got}）`, `The month must be YYYY-MM (got ${got})`);
  }
}

export async function buildReview(clientId: string, asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang }) => {
    requireClient(book.clients.map((c) => c.clientId), clientId);
    return [{ spec: assetReview(book, { asOf, lang, clientId }) }];
  }, { asOf, activate: true });
}

export async function buildProfile(asOf: IsoDate): Promise<SheetResult> {
  return buildOutputs(({ book, lang }) => [{ spec: profileList(book, { asOf, lang }) }], { asOf, activate: true });
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
  if (!Array.isArray(clientIds)) throw commandError("InvalidArgument", "客户编号列表应为数组", "客戶編號清單應為陣列", "clientIds must be an array");
  return buildOutputs(({ book, lang }) => {
    const ids = book.clients.map((c) => c.clientId);
    for (const id of clientIds) requireClient(ids, id);
    const entries = callListEntries(book, clientIds, reasons ?? {}, asOf);
    return [{ spec: callList(book, { asOf, lang, entries }) }];
  }, { asOf, activate: true });
}

/**
 * Profile list, coverage, the calendar of asOf's month, Today, and every review sheet already in the workbook
 * (found by its name: prefix in any language, client id at the end), rebuilt in place.
 */
export async function refreshAll(asOf: IsoDate, onProgress?: OnProgress): Promise<SheetResult> {
  return buildOutputs(function* ({ book, lang, sheets }) {
    const index = bookIndex(book);
    const base = { asOf, lang, index };
    yield { spec: profileList(book, base) };
    yield { spec: coverage(book, base) };
    yield { spec: contactCalendar(book, { ...base, month: asOf.slice(0, 7) }) };
    yield { spec: todaySheet(book, base) };
    const ids = index.clients.map((c) => c.clientId);
    const seen = new Set<string>();
    for (const sheet of sheets.sheets) {
      if (sheet.hasTable) continue;
      const id = reviewSheetClient(sheet.name, ids);
      if (!id || seen.has(id)) continue;
      seen.add(id);
      const spec = assetReview(book, { ...base, clientId: id });
      // The sheet of that name if there is one, else the old-named sheet of the same client (renamed client or language).
      yield { spec, replaces: findSheet(sheets, spec.name) ?? sheet };
    }
  }, { asOf, onProgress });
}
