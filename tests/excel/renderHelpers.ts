/**
 * Render entry points only tests use: the whole render of one spec queued into the caller's context (no chunking),
 * and several specs rendered as one command. The commands render through planRender + runWrites (src/excel/outputs.ts).
 */
import type { Lang } from "../../src/domain/types";
import { Batch, runWrites } from "../../src/excel/batch";
import { detectCapabilities } from "../../src/excel/capabilities";
import { findSheet, queueSheetsInfo, tempNames, type ExistingSheet } from "../../src/excel/existingSheets";
import { planRender, renderOptions, type RenderOptions, type RenderSlot, type RenderTarget } from "../../src/excel/renderSheet";
import { markerNames } from "../../src/sheets/marker";
import type { SheetSpec } from "../../src/sheets/spec";

/**
 * Queues the whole render of one spec into the context (no chunking, so only for writes known to be small) and
 * returns the new sheet. `existing` is the sheet it replaces, as the read sync saw it. The
 * commands render through planRender + runWrites.
 */
export function queueRenderSpec(
  ctx: Excel.RequestContext,
  spec: SheetSpec,
  existing: ExistingSheet | null | undefined,
  opts: RenderOptions = renderOptions(detectCapabilities(), "en-US"),
  tempName: () => string = () => `~ClientBook-old-${Date.now().toString(36)}`,
): Excel.Worksheet {
  const slot: RenderSlot = {};
  const target: RenderTarget = existing ? { spec, replaces: existing } : { spec };
  for (const op of planRender(target, opts, tempName, slot)) {
    if (op.kind === "single") op.queue(ctx);
    else op.queue(ctx, 0, op.rowBytes.length);
  }
  if (!slot.sheet) throw new Error("queueRenderSpec: planRender queued no sheet");
  return slot.sheet;
}

/**
 * Renders specs into the workbook as one command: one sync to see the sheets, then the writes in as few syncs as
 * the 5 MB request limit allows. Each spec replaces the sheet of its name, if there is one.
 */
export async function renderSheets(
  specs: readonly SheetSpec[],
  opts: { lang?: Lang; activate?: boolean; onDone?: (name: string) => void } = {},
): Promise<{ syncs: number; sheets: string[] }> {
  const caps = detectCapabilities();
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const read = queueSheetsInfo(ctx, { markers: true });
    await batch.sync();
    const info = read();
    const temp = tempNames(info);
    const nextMarker = markerNames((info.markers ?? []).map((m) => m.name));
    const ops = specs.flatMap((spec, i) => {
      const replaces = findSheet(info, spec.name);
      return planRender(
        { spec, ...(replaces ? { replaces } : {}), marker: replaces?.marker ?? nextMarker(), activate: opts.activate === true && i === 0, done: () => opts.onDone?.(spec.name) },
        renderOptions(caps, opts.lang ?? "en-US"),
        temp,
      );
    });
    await runWrites(batch, ops);
    return { syncs: batch.syncs, sheets: specs.map((s) => s.name) };
  });
}
