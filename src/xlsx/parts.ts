/**
 * Where a sheet lives inside an .xlsx package: the workbook part lists sheets by name and relationship id, its
 * relationships part maps ids to worksheet parts. Part names are not positional (excelize, Excel and LibreOffice
 * all number them differently), so this is the only reliable way from "客户" to xl/worksheets/sheet3.xml.
 */
import { entryText, xmlUnescape } from "./zip";
import type { ZipEntry } from "./zip";

/** An attribute of a start tag, unescaped ("…" or '…', spaces allowed around =, as XML allows). */
export function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(tag);
  return m ? xmlUnescape(m[1] ?? m[2]) : undefined;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** The relationships of a relationships part, as written (targets not resolved). */
export function parseRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const type = attr(m[0], "Type");
    const target = attr(m[0], "Target");
    if (id === undefined || type === undefined || target === undefined) continue;
    out.push(attr(m[0], "TargetMode") === "External" ? { id, type, target, external: true } : { id, type, target });
  }
  return out;
}

/** Resolves a relationship target against the folder of the part that holds the relationship. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = fromPart.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** The relationship target that leads from `fromPart` to `toPart` (both package paths without a leading /). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = fromPart.split("/").slice(0, -1);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** The relationships part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPathOf(part: string): string {
  const i = part.lastIndexOf("/");
  return `${part.slice(0, i + 1)}_rels/${part.slice(i + 1)}.rels`;
}

/** Relationship id → target part of a part (empty when it has no relationships). */
export async function relationships(entries: readonly ZipEntry[], part: string): Promise<Map<string, { target: string; type: string }>> {
  const rels = entries.find((e) => e.name === relsPathOf(part));
  const out = new Map<string, { target: string; type: string }>();
  if (!rels) return out;
  for (const r of parseRelationships(await entryText(rels))) {
    if (r.id && r.target && !r.external) out.set(r.id, { target: resolveTarget(part, r.target), type: r.type });
  }
  return out;
}

/** The workbook part (xl/workbook.xml in practice; found through the package relationships). */
export async function workbookPart(entries: readonly ZipEntry[]): Promise<string> {
  for (const rel of (await relationships(entries, "")).values()) {
    if (rel.type.endsWith("/officeDocument")) return rel.target;
  }
  return "xl/workbook.xml";
}

/** Sheet name → worksheet part path, in workbook order. */
export async function sheetPartPaths(entries: readonly ZipEntry[]): Promise<Map<string, string>> {
  const wbPath = await workbookPart(entries);
  const wb = entries.find((e) => e.name === wbPath);
  const out = new Map<string, string>();
  if (!wb) return out;
  const rels = await relationships(entries, wbPath);
  for (const m of (await entryText(wb)).matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const id = /\s[\w]+:id="([^"]*)"/.exec(m[0])?.[1];
    const rel = id === undefined ? undefined : rels.get(id);
    if (name !== undefined && rel) out.set(name, rel.target);
  }
  return out;
}
