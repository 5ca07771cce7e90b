/**
 * Which sheets ClientBook made. Both renderers write, with every output sheet, a marker: a hidden,
 * workbook-scoped defined name "_ClientBook.<n>" that refers to the whole sheet ('今日待办'!$1:$1048576).
 * Only a sheet a marker leads to is ever replaced; a manager's own sheet of the same name stays, and the output
 * goes beside it as "今日待办 (2)".
 *
 * Why a workbook-scoped name: Excel keeps a defined name's reference pointing at its sheet when the sheet is renamed
 * or moved, turns it into #REF! when the sheet is deleted, and does not give a copy of the sheet the name — so the
 * marker means "this very sheet was made by ClientBook" (a copy the manager made is theirs). Defined names are part
 * of the file format (ECMA-376 Part 1 §18.2.5 definedName, `hidden` attribute) and survive Excel and LibreOffice
 * save/open. A sheet-scoped name would need one read per sheet: Office.js `workbook.names` lists only
 * workbook-scoped names (https://learn.microsoft.com/javascript/api/excel/excel.workbook#excel-excel-workbook-names-member,
 * OfficeDev/office-js#1011), while all of these come back with the read the command makes anyway.
 *
 * Books written before markers: an output sheet of the old layout is recognised by its exact signature — a name
 * ClientBook gives that kind of sheet (in any of the three languages) and that kind's tab colour, on a sheet with no
 * table. A manager's own sheet of the same name without our tab colour is theirs.
 */
import { LANGS } from "../domain/types";
import { sheetNameKey } from "./names";
import type { SheetKind } from "./spec";
import { sheetText } from "./text";

/** Prefix of every marker name (Excel name rules: letters, digits, "_" and "."; compared ignoring case). */
export const MARKER_PREFIX = "_ClientBook.";

/** The whole sheet, as a reference that no row or column deletion can invalidate. */
export const WHOLE_SHEET = "$1:$1048576";

/** The tab colour of each kind of output sheet — also the old layout's signature (legacyOutputKind). */
export const TAB_COLORS: Record<SheetKind | "clientReview", string> = {
  profile: "#2F5597",
  coverage: "#C00000",
  review: "#ED7D31",
  clientReview: "#70AD47",
  calendar: "#7030A0",
  today: "#FFC000",
  calllist: "#00B0F0",
  errors: "#FF0000",
  ladder: "#BF8F00",
};

export function markerName(n: number): string {
  return `${MARKER_PREFIX}${n}`;
}

/** The number of a marker name, or undefined for any other name. */
export function markerNumber(name: string): number | undefined {
  if (typeof name !== "string" || name.length <= MARKER_PREFIX.length) return undefined;
  if (name.slice(0, MARKER_PREFIX.length).toLowerCase() !== MARKER_PREFIX.toLowerCase()) return undefined;
  const rest = name.slice(MARKER_PREFIX.length);
  return /^[1-9]\d{0,8}$/.test(rest) ? Number(rest) : undefined;
}

/** The marker's reference to a sheet, as written in a file: 'name'!$1:$1048576 (quotes doubled). */
export function markerReference(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${WHOLE_SHEET}`;
}

/**
 * The sheet a marker refers to, from its reference as a file or Office.js gives it ("=Sheet!$1:$1048576",
 * "'My ''x'''!$1:$1048576", "今日待办!$1:$1048576"); undefined for #REF! (a deleted sheet) or anything else.
 */
export function markedSheet(reference: unknown): string | undefined {
  if (typeof reference !== "string") return undefined;
  const ref = reference.trim().replace(/^=/, "");
  const bang = ref.lastIndexOf("!");
  if (bang <= 0 || ref.slice(bang + 1).replace(/\$/g, "") !== WHOLE_SHEET.replace(/\$/g, "")) return undefined;
  const sheet = ref.slice(0, bang);
  if (sheet.startsWith("'")) {
    if (!sheet.endsWith("'") || sheet.length < 3) return undefined;
    return sheet.slice(1, -1).replace(/''/g, "'");
  }
  return sheet.includes("#REF") ? undefined : sheet;
}

/** Hands out marker names not used in the workbook yet (after the highest number seen). */
export function markerNames(existing: Iterable<string>): () => string {
  let n = 0;
  for (const name of existing) n = Math.max(n, markerNumber(name) ?? 0);
  return () => markerName(++n);
}

/**
 * The client whose review a sheet is (name cut to fit, id kept whole at the end), in any of the three languages;
 * also when SheetNamer put it beside a manager's sheet of the same name ("… -C0001 (2)").
 */
export function reviewSheetClient(sheetName: string, clientIds: readonly string[]): string | undefined {
  const plain = reviewClientOf(sheetName, clientIds);
  if (plain !== undefined) return plain;
  const m = / \(\d+\)$/.exec(sheetName);
  return m ? reviewClientOf(sheetName.slice(0, m.index), clientIds) : undefined;
}

function reviewClientOf(sheetName: string, clientIds: readonly string[]): string | undefined {
  const prefixes = LANGS.map((l) => sheetText(l).review.sheetPrefix);
  const key = sheetNameKey(sheetName);
  if (!prefixes.some((p) => key.startsWith(sheetNameKey(`${p}-`)))) return undefined;
  let best: string | undefined;
  for (const id of clientIds) {
    if (key.endsWith(sheetNameKey(`-${id}`)) && (!best || id.length > best.length)) best = id;
  }
  return best;
}

const FIXED: readonly { kind: SheetKind; key: "profile" | "coverage" | "today" | "callList" | "importErrors" }[] = [
  { kind: "profile", key: "profile" },
  { kind: "coverage", key: "coverage" },
  { kind: "today", key: "today" },
  { kind: "calllist", key: "callList" },
  { kind: "errors", key: "importErrors" },
];

/** The kind of output a name is one ClientBook gives (any language), or undefined. */
export function outputKindOfName(name: string, clientIds: readonly string[]): SheetKind | undefined {
  const key = sheetNameKey(name);
  for (const f of FIXED) if (LANGS.some((l) => sheetNameKey(sheetText(l).sheetNames[f.key]) === key)) return f.kind;
  for (const l of LANGS) {
    const prefix = sheetNameKey(`${sheetText(l).calendar.sheetPrefix}-`);
    if (key.startsWith(prefix) && /^\d{4}-\d{2}$/.test(key.slice(prefix.length))) return "calendar";
  }
  return reviewSheetClient(name, clientIds) !== undefined ? "review" : undefined;
}

/**
 * An output sheet written before markers existed, by the old layout's signature: a name ClientBook gives (any
 * language) and exactly that kind's tab colour ("#RRGGBB" as Office.js reports it, or a file's ARGB "FFRRGGBB"),
 * on a sheet without a table. Undefined for anything else — a manager's own sheet.
 */
export function legacyOutputKind(sheet: { name: string; tabColor?: string; hasTable: boolean }, clientIds: readonly string[]): SheetKind | undefined {
  if (sheet.hasTable || !sheet.tabColor) return undefined;
  const kind = outputKindOfName(sheet.name, clientIds);
  if (!kind) return undefined;
  const rgb = sheet.tabColor.replace(/^#/, "").toUpperCase().replace(/^([0-9A-F]{2})([0-9A-F]{6})$/, "$2");
  return `#${rgb}` === TAB_COLORS[kind] ? kind : undefined;
}
