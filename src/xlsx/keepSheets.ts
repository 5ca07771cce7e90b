/**
 * A workbook made from some sheets of another: `clientbook build` keeps the manager's own sheets of the input
 * (src/cli/commands/build.ts). The input is opened as it is, so the kept sheets' parts — cells, formulas, styles,
 * drawings, notes — pass through untouched; every other sheet is deleted. Their Excel tables are taken out of the
 * package first: excelize's DeleteSheet leaves a deleted sheet's table parts behind, and the build writes the
 * book's tables again under the same names.
 */
import { removeContentTypeOverrides } from "./drawingXml";
import { check, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";
import { parseRelationships, relsPathOf, resolveTarget, sheetPartPaths } from "./parts";
import { openWorkbook, stateOf } from "./workbook";
import { entryText, makeEntry, readZip, writeZip } from "./zip";

const CONTENT_TYPES = "[Content_Types].xml";

/** The package without the Excel tables of the sheets other than `keep` (parts, relationships, <tableParts>). */
export async function withoutTablesOfOthers(bytes: Uint8Array, keep: readonly string[]): Promise<Uint8Array> {
  const entries = readZip(bytes);
  const kept = new Set(keep.map((s) => s.toLowerCase()));
  const byName = new Map(entries.map((e) => [e.name, e]));
  const replaced = new Map<string, Uint8Array>();
  const dropped = new Set<string>();
  const enc = new TextEncoder();
  for (const [sheet, path] of await sheetPartPaths(entries)) {
    if (kept.has(sheet.toLowerCase())) continue;
    const relsEntry = byName.get(relsPathOf(path));
    if (!relsEntry) continue;
    const relsXml = await entryText(relsEntry);
    const tables = parseRelationships(relsXml).filter((r) => !r.external && r.type.endsWith("/table"));
    if (tables.length === 0) continue;
    const ids = new Set(tables.map((r) => r.id));
    for (const r of tables) dropped.add(resolveTarget(path, r.target));
    replaced.set(
      relsEntry.name,
      enc.encode(relsXml.replace(/<(?:\w+:)?Relationship\b[^>]*?(?:\/>|>\s*<\/(?:\w+:)?Relationship>)/g, (tag) => (ids.has(/\sId="([^"]*)"/.exec(tag)?.[1] ?? "") ? "" : tag))),
    );
    const sheetEntry = byName.get(path);
    if (sheetEntry) replaced.set(path, enc.encode((await entryText(sheetEntry)).replace(/<tableParts\b[^>]*?(?:\/>|>[\s\S]*?<\/tableParts>)/, "")));
  }
  if (dropped.size === 0) return bytes;
  const types = byName.get(CONTENT_TYPES);
  if (types) replaced.set(CONTENT_TYPES, enc.encode(removeContentTypeOverrides(await entryText(types), new Set([...dropped].map((p) => `/${p}`)))));
  const out = [];
  for (const e of entries) {
    if (dropped.has(e.name) || dropped.has(e.name.replace(/_rels\/([^/]+)\.rels$/, "$1"))) continue;
    const data = replaced.get(e.name);
    out.push(data ? await makeEntry(e.name, data, e) : e);
  }
  return writeZip(out);
}

/** Opens `bytes` keeping only the sheets `keep` (at least one of them must be in it), in their order. */
export async function openKeeping(bytes: Uint8Array, keep: readonly string[]): Promise<XlsxFile> {
  const f = await openWorkbook(await withoutTablesOfOthers(bytes, keep));
  const st = stateOf(f);
  const kept = new Set(keep.map((s) => s.toLowerCase()));
  if (!keep.some((s) => st.sheetNames.has(s.toLowerCase()))) throw new XlsxError("none of the sheets to keep is in the workbook", { sheet: keep[0] ?? "" });
  for (const [lower, name] of [...st.sheetNames]) {
    if (kept.has(lower)) continue;
    check(f.DeleteSheet(name), "removing a sheet", { sheet: name });
    st.sheetNames.delete(lower);
    // their drawings, charts and notes are dropped when saving (./finish.ts orphanedParts)
    st.replaced++;
  }
  return f;
}

/** Moves `sheets`, in their order, to stand just before `before` (excelize MoveSheet). */
export function moveSheetsBefore(f: XlsxFile, sheets: readonly string[], before: string): void {
  for (const sheet of sheets) check(f.MoveSheet(sheet, before), "moving a sheet", { sheet });
}
