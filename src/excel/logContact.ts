/**
 * The Log contact command: one Contacts row appended and, when that month's contact calendar is in the workbook,
 * the client's day cell patched in the same write sync (calendarPatch.ts).
 * Reads the client's rows (clientRead.ts: two small syncs) and writes in one sync, which also reads back the row
 * written for the pane (clientRows.ts); rows are appended with table.rows.add (tableWrite.ts), so no
 * earlier row is rewritten, and text goes in through queueGrid, so it arrives as text whatever the cell's format.
 */
import type { RawValue } from "../book/raw";
import { TABLES } from "../book/schema";
import type { Localized } from "../domain/result";
import { CHANNELS, LANGS, type Book, type Contact, type Lang } from "../domain/types";
import { colName } from "../sheets/a1";
import { calendarCell, calendarLayout, contactCalendar, findCalendarRow } from "../sheets/contactCalendar";
import { calendarSheetName } from "../sheets/sheetNames";
import type { ClientCommandResult } from "./api";
import { Batch, runWrites, type WriteOp } from "./batch";
import { calendarCellOp } from "./calendarPatch";
import { detectCapabilities } from "./capabilities";
import { checkLength } from "./cellLimits";
import { checkDate, requireClient, requireTables } from "./common";
import { commandError } from "./errors";
import { loadClient } from "./clientRead";
import { appendRowsOps, tableRow } from "./tableWrite";
import { clientRowsOp } from "./clientRows";

function checkContact(c: Contact): void {
  const bad = (message: Localized) => commandError("InvalidArgument", message);
  if (!c || typeof c !== "object") throw bad({ "zh-CN": "联络记录为空", "zh-TW": "聯絡記錄為空", "en-US": "The contact is missing" });
  if (typeof c.clientId !== "string" || c.clientId.trim() === "") throw bad({ "zh-CN": "联络记录缺少客户编号", "zh-TW": "聯絡記錄缺少客戶編號", "en-US": "The contact has no client id" });
  checkDate(c.date, { "zh-CN": "联络日期", "zh-TW": "聯絡日期", "en-US": "The contact date" });
  if (!CHANNELS.includes(c.channel)) {
    throw bad({ "zh-CN": `联络方式应为 T、E 或 M（收到 ${String(c.channel)}）`, "zh-TW": `聯絡方式應為 T、E 或 M（收到 ${String(c.channel)}）`, "en-US": `The channel must be T, E or M (got ${String(c.channel)})` });
  }
  if (c.nextDate !== undefined) checkDate(c.nextDate, { "zh-CN": "下次联络日", "zh-TW": "下次聯絡日", "en-US": "The next contact date" });
  for (const f of ["summary", "nextAction"] as const) {
    if (c[f] !== undefined && typeof c[f] !== "string") throw bad({ "zh-CN": `${f} 应为文字`, "zh-TW": `${f} 應為文字`, "en-US": `${f} must be text` });
    const col = TABLES.contacts.columns.find((x) => x.field === f)!;
    checkLength({ "zh-CN": `联络记录的「${col.headers["zh-CN"]}」`, "zh-TW": `聯絡記錄的「${col.headers["zh-TW"]}」`, "en-US": `The contact's ${col.headers["en-US"]}` }, c[f]);
  }
}

interface CalendarProbe {
  name: string;
  lang: Lang;
  sheet: Excel.Worksheet;
  column: Excel.Range;
}

/**
 * Appends one Contacts row and, when the contact calendar of that month is in the workbook, updates the client's
 * day cell (channels) and its note in the same write sync. The client's row is found in the sheet as it is
 * (column A), so a calendar built before clients were added still gets the right row.
 */
export async function logContact(contact: Contact): Promise<ClientCommandResult & { calendarUpdated: boolean }> {
  checkContact(contact);
  const clean: Contact = { clientId: contact.clientId.trim(), date: contact.date, channel: contact.channel };
  if (contact.summary?.trim()) clean.summary = contact.summary.trim();
  if (contact.nextAction?.trim()) clean.nextAction = contact.nextAction.trim();
  if (contact.nextDate) clean.nextDate = contact.nextDate;
  const month = clean.date.slice(0, 7);
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const caps = detectCapabilities();
    // Only this client's rows (./clientRead.ts): the calendar cell and note need that client's contacts alone. Where
    // the host has no notes, the patch copies the client's row's formats or summary line (which names the cell), so
    // it needs the client's row among all clients: the whole book.
    const loaded = await loadClient(batch, clean.clientId, {
      whole: caps.notes !== "notes",
      extra: (c) => {
        const names = new Map<string, Lang>();
        for (const l of LANGS) if (!names.has(calendarSheetName(month, l))) names.set(calendarSheetName(month, l), l);
        const probes: CalendarProbe[] = [...names].map(([name, l]) => {
          const sheet = c.workbook.worksheets.getItemOrNullObject(name);
          const column = sheet.getRange("A:A").getUsedRangeOrNullObject(true);
          column.load("values,rowIndex");
          return { name, lang: l, sheet, column };
        });
        return () => probes.filter((p) => !p.sheet.isNullObject).map((p) => ({ name: p.name, lang: p.lang, ids: p.column.isNullObject ? [] : padColumn(p.column.values as RawValue[][], p.column.rowIndex) }));
      },
    });
    const tables = requireTables(loaded, ["clients", "contacts"]);
    const book = loaded.read.book;
    requireClient(book.clients.map((c) => c.clientId), clean.clientId);
    const lang = book.settings.language;
    const ops: WriteOp[] = [...appendRowsOps(tables.contacts, [tableRow("contacts", clean, lang, tables.contacts)])];

    let calendarUpdated = false;
    const calendars = loaded.extra;
    const calendar = calendars.find((c) => c.lang === lang) ?? calendars[0];
    const sheetRow = calendar ? findCalendarRow(calendar.ids, clean.clientId) : undefined;
    if (calendar && sheetRow !== undefined) {
      const after: Book = { ...book, contacts: [...book.contacts, clean] };
      const layout = calendarLayout(after, month, calendar.lang);
      const column = layout.columnOf(clean.date)!;
      const cell = calendarCell(after, clean.clientId, clean.date, calendar.lang);
      const address = `${colName(column)}${sheetRow}`;
      ops.push(calendarCellOp(calendar.name, address, cell, caps.notes, () => contactCalendar(after, { asOf: clean.date, lang: calendar.lang, month }), layout.rowOf(clean.clientId)));
      calendarUpdated = true;
    }
    // The client's rows as read and the new row as written, for the pane (./clientRows.ts), in the write sync.
    const back = clientRowsOp(loaded, clean.clientId, { contacts: { updated: [], deleted: [], appended: 1, appendTo: tables.contacts } });
    await runWrites(batch, [...ops, back.op]);
    const client = back.result();
    return { syncs: batch.syncs, calendarUpdated, ...(client ? { client } : {}) };
  });
}

/** Column A values from row 1 (the used range of column A may start lower). */
function padColumn(values: RawValue[][], rowIndex: number): RawValue[] {
  return [...new Array<RawValue>(rowIndex).fill(null), ...values.map((r) => r[0])];
}
