/**
 * The workbook's sheets as one read sync sees them: which exist, where, which hold tables, which ClientBook made
 * (its markers, src/sheets/marker.ts), and lookups over that picture (a sheet by name, temporary names for sheets
 * being replaced). Queues loads only; it writes nothing.
 */
import { markedSheet, markerNumber } from "../sheets/marker";
import { sheetNameKey } from "../sheets/names";

/** A sheet as the read sync saw it. */
export interface ExistingSheet {
  name: string;
  position: number;
  /** The sheet holds an Excel table (one of the book's tables or the manager's own): never replaced. */
  hasTable: boolean;
  /** Tab colour "#RRGGBB" ("" for none); loaded with `markers` (the old layout's signature, src/sheets/marker.ts). */
  tabColor?: string;
  /** The ClientBook marker (a defined name, src/sheets/marker.ts) that refers to this sheet, if any. */
  marker?: string;
}

/** The workbook's sheets as the read sync saw them. */
export interface SheetsInfo {
  sheets: ExistingSheet[];
  /** Name of the active sheet. */
  active: string;
  /** Loaded with `markers`: every marker name in the workbook, also those left by deleted sheets (#REF!). */
  markers?: { name: string; sheet?: string }[];
}

/**
 * Queues the loads that tell which sheets exist, where, and which hold tables; call the result after the sync.
 * With `markers` (output commands), also which sheets ClientBook made: the workbook's defined names (ExcelApi 1.1;
 * the markers are among them) and the sheets' tab colours (Worksheet.tabColor, ExcelApi 1.7).
 */
export function queueSheetsInfo(ctx: Excel.RequestContext, opts: { markers?: boolean } = {}): () => SheetsInfo {
  const sheets = ctx.workbook.worksheets;
  sheets.load(opts.markers ? "items/name,items/position,items/tabColor" : "items/name,items/position");
  const tables = ctx.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const active = sheets.getActiveWorksheet();
  active.load("name");
  const names = opts.markers ? ctx.workbook.names : undefined;
  names?.load("items/name,items/value");
  return () => sheetsInfoOf(sheets, tables, active, names);
}

/** Reads what queueSheetsInfo loaded (after the sync). */
function sheetsInfoOf(sheets: Excel.WorksheetCollection, tables: Excel.TableCollection, active: Excel.Worksheet, names?: Excel.NamedItemCollection): SheetsInfo {
  const withTables = new Set(tables.items.map((t) => sheetNameKey(t.worksheet.name)));
  const markers = names?.items.filter((n) => markerNumber(n.name) !== undefined).map((n) => ({ name: n.name, sheet: markedSheet(n.value) }));
  const markerOf = new Map<string, string>();
  for (const m of markers ?? []) if (m.sheet !== undefined && !markerOf.has(sheetNameKey(m.sheet))) markerOf.set(sheetNameKey(m.sheet), m.name);
  return {
    sheets: sheets.items.map((s) => {
      const sheet: ExistingSheet = { name: s.name, position: s.position, hasTable: withTables.has(sheetNameKey(s.name)) };
      if (markers) {
        sheet.tabColor = s.tabColor;
        const marker = markerOf.get(sheetNameKey(s.name));
        if (marker !== undefined) sheet.marker = marker;
      }
      return sheet;
    }),
    active: active.name,
    ...(markers ? { markers } : {}),
  };
}

const sheetIndex = new WeakMap<SheetsInfo, Map<string, ExistingSheet>>();

/** The sheet of that name (ignoring case, as Excel compares names), if the workbook has it. */
export function findSheet(info: SheetsInfo, name: string): ExistingSheet | undefined {
  let index = sheetIndex.get(info);
  if (!index) {
    index = new Map(info.sheets.map((s) => [sheetNameKey(s.name), s]));
    sheetIndex.set(info, index);
  }
  return index.get(sheetNameKey(name));
}

/** Temporary names for sheets being replaced, unique in the workbook. */
export function tempNames(info: SheetsInfo): () => string {
  const taken = new Set(info.sheets.map((s) => sheetNameKey(s.name)));
  let n = 0;
  return () => {
    let name: string;
    do name = `~ClientBook-old-${++n}`;
    while (taken.has(sheetNameKey(name)));
    taken.add(sheetNameKey(name));
    return name;
  };
}
