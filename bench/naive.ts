/**
 * A deliberately naive asset-review builder, for comparison only — the way many add-ins are written: read the
 * book (as ours does), then write the sheet one step at a time with `await context.sync()` after every step:
 * each row of the grid in its own range, each format range, column width, merge, rule, note and chart on its own.
 * It renders the same SheetSpec as src/excel (same cell encoding, same styles), so the benchmark can check that
 * both sheets hold the same content and compare only the round trips.
 *
 * This is the pattern eslint-plugin-office-addins' no-context-sync-in-loop forbids in src/excel; it lives in
 * bench/ only.
 */
import { printSetup } from "../src/sheets/print";
import type { IsoDate } from "../src/domain/types";
import { Batch } from "../src/excel/batch";
import { loadBook } from "../src/excel/readBookTables";
import { charsToPoints, queueChart, queuePage, queueStyle } from "../src/excel/queueFormat";
import { cellInput } from "../src/excel/specGrid";
import { colName, parseRange } from "../src/sheets/a1";
import { assetReview, type SheetSpec } from "../src/sheets";
import { fitToContent } from "../src/sheets/widths";

export interface NaiveResult {
  /** context.sync() calls made (the fake host counts the same independently). */
  syncs: number;
  sheet: string;
}

/** Builds the asset review of `clientId` into the workbook with a sync per row (and per every other write). */
export async function naiveBuildReview(clientId: string, asOf: IsoDate): Promise<NaiveResult> {
  return Excel.run(async (ctx) => {
    let syncs = 0;
    const sync = async (): Promise<void> => {
      await ctx.sync();
      syncs++;
    };

    // Read: the book exactly as ours reads it (one sync, chunked where the 5 MB response limit forces it):
    // the naive part is the writing.
    const batch = new Batch(ctx);
    const { book } = (await loadBook(batch)).read;
    syncs += batch.syncs;
    if (!book.clients.some((c) => c.clientId === clientId)) throw new Error(`naive review: no client ${clientId} in the workbook`);
    // Widths fitted to content as both renderers do (src/sheets/widths.ts), so the two sheets compare equal.
    const spec = fitToContent(assetReview(book, { asOf, lang: book.settings.language, clientId }));

    await writeNaively(ctx, spec, sync);
    return { syncs, sheet: spec.name };
  });
}

async function writeNaively(ctx: Excel.RequestContext, spec: SheetSpec, sync: () => Promise<void>): Promise<void> {
  // The sheet: delete the old one, add the new one.
  const old = ctx.workbook.worksheets.getItemOrNullObject(spec.name);
  await sync();
  if (!old.isNullObject) {
    old.name = `~old-${Date.now().toString(36)}`;
    await sync();
  }
  const ws = ctx.workbook.worksheets.add(spec.name);
  await sync();
  if (!old.isNullObject) {
    old.delete();
    await sync();
  }
  if (spec.tabColor) {
    ws.tabColor = spec.tabColor;
    await sync();
  }
  const print = printSetup(spec);
  if (print) {
    queuePage(ws, print);
    await sync();
  }

  // One range and one sync per row.
  const width = spec.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  for (let r = 0; r < spec.cells.length; r++) {
    const row: (string | number | boolean)[] = [];
    for (let c = 0; c < width; c++) row.push(cellInput(spec.cells[r]?.[c] ?? null, spec.name, r, c));
    ws.getRange(`A${r + 1}:${colName(width)}${r + 1}`).formulas = [row];
    await sync();
  }

  for (const f of spec.formats ?? []) {
    const r = parseRange(f.range);
    if (!r) throw new RangeError(`naive review: format range "${f.range}" is not an A1 range`);
    const rows = r.bottom - r.top + 1;
    const cols = r.right - r.left + 1;
    const target = ws.getRange(f.range);
    if (f.numberFormat !== undefined) target.numberFormat = Array.from({ length: rows }, () => new Array<string>(cols).fill(f.numberFormat!));
    if (f.style && Object.keys(f.style).length > 0) queueStyle(target, f.style, rows, cols);
    await sync();
  }

  const widths = spec.columnWidths ?? [];
  for (let c = 0; c < widths.length; c++) {
    if (typeof widths[c] !== "number" || !Number.isFinite(widths[c])) continue;
    ws.getRange(`${colName(c + 1)}:${colName(c + 1)}`).format.columnWidth = charsToPoints(widths[c]);
    await sync();
  }
  for (const [row, points] of Object.entries(spec.rowHeights ?? {})) {
    ws.getRange(`${row}:${row}`).format.rowHeight = points;
    await sync();
  }

  for (const m of spec.merges ?? []) {
    ws.getRange(m).merge(false);
    await sync();
  }
  const freeze = spec.freeze;
  if (freeze && (freeze.rows > 0 || freeze.columns > 0)) {
    if (freeze.rows > 0 && freeze.columns > 0) ws.freezePanes.freezeAt(ws.getRangeByIndexes(0, 0, freeze.rows, freeze.columns));
    else if (freeze.rows > 0) ws.freezePanes.freezeRows(freeze.rows);
    else ws.freezePanes.freezeColumns(freeze.columns);
    await sync();
  }
  if (spec.autoFilter) {
    ws.autoFilter.apply(ws.getRange(spec.autoFilter));
    await sync();
  }

  for (const cf of spec.conditionalFormats ?? []) {
    const added = ws.getRange(cf.range).conditionalFormats.add(Excel.ConditionalFormatType.custom);
    added.custom.rule.formula = cf.formula;
    if (cf.style.fill !== undefined) added.custom.format.fill.color = cf.style.fill;
    if (cf.style.color !== undefined) added.custom.format.font.color = cf.style.color;
    if (cf.style.bold !== undefined) added.custom.format.font.bold = cf.style.bold;
    await sync();
  }

  for (const n of spec.notes ?? []) {
    if (n.text === "") continue;
    ws.notes.add(ws.getRange(n.cell), n.text);
    await sync();
  }

  for (const chart of spec.charts ?? []) {
    queueChart(ws, spec, chart);
    await sync();
  }

  ws.activate();
  await sync();
}
