/**
 * ClientBook's markers in a file (src/sheets/marker.ts): a hidden workbook-scoped defined name per output sheet,
 * `<definedName name="_ClientBook.3" hidden="1">'今日待办'!$1:$1048576</definedName>` in xl/workbook.xml
 * (ECMA-376 Part 1 §18.2.5 definedName; CT_Workbook puts definedNames after sheets, functionGroups and
 * externalReferences). Reading them back tells which sheets of an opened book ClientBook made.
 */
import { legacyOutputKind, markedSheet, markerNames, markerNumber, markerReference, outputKindOfName } from "../sheets/marker";
import { sheetNameKey } from "../sheets/names";
import { attr, relationships, sheetPartPaths, workbookPart } from "./parts";
import { entryText, readZip, xmlEscape, xmlUnescape } from "./zip";

const DEFINED_NAME = /<definedName\b([^>]*?)(?:\/>|>([\s\S]*?)<\/definedName>)/g;

/** The sheets the workbook part's markers refer to (as named in the reference), by marker name. */
export function readMarkers(workbookXml: string): { name: string; sheet: string | undefined }[] {
  const out: { name: string; sheet: string | undefined }[] = [];
  for (const m of workbookXml.matchAll(DEFINED_NAME)) {
    const name = attr(m[0], "name");
    if (name === undefined || markerNumber(name) === undefined || attr(m[0], "localSheetId") !== undefined) continue;
    out.push({ name, sheet: markedSheet(xmlUnescape(m[2] ?? "")) });
  }
  return out;
}

/**
 * The workbook part with a marker for each of `marked` (output sheets rendered into this file). Markers already
 * there are kept when their sheet is still in `sheets` and was not rendered again; the rest are dropped.
 */
export function writeMarkers(workbookXml: string, sheets: readonly string[], marked: readonly string[]): string {
  const present = new Set(sheets.map(sheetNameKey));
  const again = new Set(marked.map(sheetNameKey));
  const existing = readMarkers(workbookXml);
  const drop = new Set(existing.filter((m) => m.sheet === undefined || !present.has(sheetNameKey(m.sheet)) || again.has(sheetNameKey(m.sheet))).map((m) => m.name));
  if (drop.size === 0 && marked.length === 0) return workbookXml;
  let xml = drop.size === 0 ? workbookXml : workbookXml.replace(DEFINED_NAME, (whole, attrs: string) => {
    const name = attr(`<d${attrs}>`, "name");
    return name !== undefined && drop.has(name) && attr(`<d${attrs}>`, "localSheetId") === undefined ? "" : whole;
  });
  xml = xml.replace(/<definedNames>\s*<\/definedNames>|<definedNames\/>/, "");
  const next = markerNames(existing.filter((m) => !drop.has(m.name)).map((m) => m.name));
  const added = marked
    .filter((s) => present.has(sheetNameKey(s)))
    .map((s) => `<definedName name="${next()}" hidden="1">${xmlEscape(markerReference(s))}</definedName>`)
    .join("");
  if (added === "") return xml;
  const close = xml.indexOf("</definedNames>");
  if (close >= 0) return xml.slice(0, close) + added + xml.slice(close);
  const after = /<\/externalReferences>|<\/functionGroups>|<functionGroups\b[^>]*\/>|<\/sheets>/g;
  let at = -1;
  for (const m of xml.matchAll(after)) at = Math.max(at, m.index + m[0].length);
  if (at < 0) return xml;
  return `${xml.slice(0, at)}<definedNames>${added}</definedNames>${xml.slice(at)}`;
}

/**
 * The sheets of a workbook file, in order, and which of them ClientBook made: marked, or of the old layout (a
 * name ClientBook gives, that kind's tab colour, no table — src/sheets/marker.ts legacyOutputKind).
 */
export async function sheetsMadeByClientBook(bytes: Uint8Array, clientIds: readonly string[]): Promise<{ sheets: string[]; made: Set<string> }> {
  const entries = readZip(bytes);
  const wbPath = await workbookPart(entries);
  const wb = entries.find((e) => e.name === wbPath);
  const paths = await sheetPartPaths(entries);
  const marked = new Set(
    (wb ? readMarkers(await entryText(wb)) : []).flatMap((m) => (m.sheet === undefined ? [] : [sheetNameKey(m.sheet)])),
  );
  const made = new Set<string>();
  for (const [sheet, path] of paths) {
    const hasTable = async () => [...(await relationships(entries, path)).values()].some((r) => r.type.endsWith("/table"));
    if (marked.has(sheetNameKey(sheet))) {
      if (!(await hasTable())) made.add(sheet);
      continue;
    }
    if (outputKindOfName(sheet, clientIds) === undefined) continue;
    const part = entries.find((e) => e.name === path);
    if (!part) continue;
    const xml = await entryText(part);
    const head = xml.slice(0, Math.max(0, xml.search(/<sheetData[\s/>]/)));
    const tab = /<tabColor\b[^>]*>/.exec(head)?.[0];
    const tabColor = tab ? attr(tab, "rgb") : undefined;
    if (legacyOutputKind({ name: sheet, hasTable: await hasTable(), ...(tabColor ? { tabColor } : {}) }, clientIds)) made.add(sheet);
  }
  return { sheets: [...paths.keys()], made };
}
