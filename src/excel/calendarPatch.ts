/**
 * One day cell of a contact calendar already in the workbook, patched after a contact is logged: the day's channels
 * in the cell and the day's summaries as its note, a threaded comment or the row's line of the summary column (as
 * the host allows, capabilities.ts). The rest of the sheet is left as it is; a full rebuild is Refresh.
 */
import { colName, parseCell, parseRange } from "../sheets/a1";
import type { contactCalendar } from "../sheets/contactCalendar";
import { single, type WriteOp } from "./batch";
import { queueStyle } from "./queueFormat";
import { summaryColumn } from "./specGrid";
import { queueGrid } from "./tableWrite";

/** The write that patches one day cell; `spec` builds the whole calendar only when the host needs its formats. */
export function calendarCellOp(
  sheetName: string,
  address: string,
  cell: { text: string; note: string },
  mode: "notes" | "comments" | "column",
  spec: () => ReturnType<typeof contactCalendar>,
  specRow: number | undefined,
): WriteOp {
  const text = cell.text;
  // The note is already cut to what a note holds, with its marker, by the sheet builder (calendarCell → fitNote).
  if (mode === "notes") {
    return single(8, [sheetName, address, text, cell.note], (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetName);
      queueGrid(ws.getRange(address), [[text]]);
      // An earlier note of the day is replaced (a null object when there is none: its delete is a no-op).
      ws.notes.getItemOrNullObject(address).delete();
      if (cell.note !== "") ws.notes.add(ws.getRange(address), cell.note);
    });
  }
  const built = spec();
  if (mode === "comments") {
    // No notes API: the cell's comment thread cannot be looked up by cell without failing when there is none,
    // so the cell is cleared (content, format, comment) and rebuilt from the calendar's own formats.
    const at = parseCell(address)!;
    const formats = (built.formats ?? []).filter((f) => {
      const r = parseRange(f.range);
      return !!r && r.left <= at.col && at.col <= r.right && r.top <= (specRow ?? at.row) && (specRow ?? at.row) <= r.bottom;
    });
    return single(12 + 6 * formats.length, [sheetName, address, text, cell.note, formats], (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheetName);
      const range = ws.getRange(address);
      range.clear(Excel.ClearApplyTo.all);
      queueGrid(range, [[text]]);
      for (const f of formats) {
        if (f.numberFormat !== undefined) range.numberFormat = [[f.numberFormat]];
        if (f.style) queueStyle(range, f.style, 1, 1);
      }
      if (cell.note !== "") ws.comments.add(range, cell.note);
    });
  }
  // Summary column: the row's summary of every note of the month, rewritten whole.
  const summary = summaryColumn(built);
  const line = specRow === undefined ? undefined : summary.cells.get(specRow);
  const row = parseCell(address)!.row;
  const target = `${colName(summary.column)}${row}`;
  const value = line ?? "";
  return single(10, [sheetName, address, text, target, value], (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheetName);
    queueGrid(ws.getRange(address), [[text]]);
    const s = ws.getRange(target);
    queueGrid(s, [[value]]);
    s.format.wrapText = true;
  });
}
