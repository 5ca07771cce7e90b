/**
 * Excel.RangeAreas (ExcelApi 1.9) as Worksheet.findAll / findAllOrNullObject return it: a set of rectangular blocks
 * of one sheet, with `address` ("Sheet1!A1:B4, Sheet1!D1:D4": every block with its sheet, joined by ", ", as the
 * @types/office-js remark on RangeAreas.address shows it) and `areaCount`.
 * Reference: https://learn.microsoft.com/javascript/api/excel/excel.rangeareas
 *
 * The search itself ("Find strings using the Excel JavaScript API",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-string-match, and
 * Excel.WorksheetSearchCriteria, https://learn.microsoft.com/javascript/api/excel/excel.worksheetsearchcriteria):
 * every cell of the sheet whose text contains `text` (completeMatch: the whole text equals it), case-insensitively
 * unless matchCase. findAll throws ItemNotFound when nothing matches; findAllOrNullObject gives a null object.
 * The fake matches a cell's displayed text (its value through its number format). Excel does not document how it
 * groups the matches into areas; the fake joins matches that touch vertically in one column, so code must read any
 * grouping from `address`.
 */
import { qualified, type Rect } from "../core/addresses";
import { fail } from "../core/errors";
import { keyCol, keyRow, type SheetModel } from "../core/model";
import { FakeEntity, register } from "../core/proxy";
import type { HostState } from "../core/state";
import { cellText } from "../core/values";

export interface AreasRef {
  sheet: SheetModel;
  rects: Rect[];
}

export class FakeRangeAreas extends FakeEntity<AreasRef> {
  declare readonly __office?: Excel.RangeAreas;
  declare readonly address: string;
  declare readonly areaCount: number;
}

register(FakeRangeAreas, {
  className: "RangeAreas",
  alive: (ref: AreasRef) => !ref.sheet.deleted,
  scalars: {
    address: { get: (ref: AreasRef) => ref.rects.map((r) => qualified(ref.sheet.name, r)).join(", ") },
    areaCount: { get: (ref: AreasRef) => ref.rects.length },
  },
  navs: {},
});

/** The cells of `sheet` whose text matches, as areas (null when none). */
export function findAllOnSheet(host: HostState, sheet: SheetModel, text: unknown, criteria: unknown): AreasRef | null {
  if (typeof text !== "string" || text === "") fail("InvalidArgument", `Worksheet.findAll: the text to find must be a non-empty string, not ${JSON.stringify(text)}`);
  const c = (criteria ?? {}) as { completeMatch?: unknown; matchCase?: unknown };
  if (typeof c !== "object") fail("InvalidArgument", "Worksheet.findAll: criteria must be a WorksheetSearchCriteria object");
  const complete = c.completeMatch === true;
  const matchCase = c.matchCase === true;
  const needle = matchCase ? text : text.toLowerCase();
  const hits: { r: number; c: number }[] = [];
  for (const key of sheet.cells.keys()) {
    const r = keyRow(key);
    const col = keyCol(key);
    // A stored string shows as itself (a number format changes how numbers show); other cells through their format.
    const cell = sheet.cells.get(key);
    const shown = cell && cell.f === undefined && typeof cell.v === "string" && !cell.q ? cell.v : cellText(sheet, r, col, host.evaluator);
    if (shown === "") continue;
    const hay = matchCase ? shown : shown.toLowerCase();
    if (complete ? hay === needle : hay.includes(needle)) hits.push({ r, c: col });
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a.c - b.c || a.r - b.r);
  const rects: Rect[] = [];
  for (const h of hits) {
    const last = rects[rects.length - 1];
    if (last && last.c0 === h.c && last.r1 + 1 === h.r) last.r1 = h.r;
    else rects.push({ r0: h.r, c0: h.c, r1: h.r, c1: h.c });
  }
  rects.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { sheet, rects };
}
