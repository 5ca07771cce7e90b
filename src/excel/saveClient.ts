/**
 * The client form's Save command: the client's record and its family, holdings and policies written cell by cell
 * (only the cells the form changed; a manager's formula elsewhere in the row survives), rows deleted and appended;
 * a record a colleague changed meanwhile is returned as a conflict and nothing is written, and a co-author's cell
 * overwritten in the window between read and write is put back.
 */
import type { RawValue } from "../book/raw";
import { TABLES } from "../book/schema";
import type { Book } from "../domain/types";
import type { ClientEdit, RecordEdit, SaveResult } from "./api";
import { Batch, runWrites, single, type WriteOp } from "./batch";
import { checkLength } from "./cellLimits";
import { requireTables } from "./common";
import { commandError } from "./errors";
import { idKey } from "../book/text";
import { loadClient, type TakenQuery } from "./clientRead";
import { clientRowsOp, type TableWrites } from "./clientRows";
import type { TableInfo } from "./readBookTables";
import { appendRowsOps, dataIndexOf, deleteRowsOp, queueGrid, tableRow, updateRowOp, type CellIn, type ColumnFilter } from "./tableWrite";

type FormKey = "clients" | "family" | "holdings" | "policies";

const ID_FIELD: Record<FormKey, string | undefined> = { clients: "clientId", family: undefined, holdings: "holdingId", policies: "policyId" };

/** A record in its compared form: keys sorted, blank values ("" / [] / undefined) left out, as the codec reads them. */
export function canonical(rec: object | undefined): string {
  if (!rec) return "null";
  const r = rec as Record<string, unknown>;
  const keys = Object.keys(r).filter((k) => {
    const v = r[k];
    return !(v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0));
  });
  keys.sort();
  return JSON.stringify(keys.map((k) => [k, r[k]]));
}

function labelOf(key: FormKey, rec: object): string {
  const r = rec as Record<string, unknown>;
  const idField = ID_FIELD[key];
  return idField ? String(r[idField]) : `${String(r.clientId)}/${String(r.name)}`;
}

function checkRequired(key: FormKey, rec: object): void {
  const r = rec as Record<string, unknown>;
  for (const col of TABLES[key].columns) {
    checkLength(
      {
        "zh-CN": `${TABLES[key].sheet["zh-CN"]}：${labelOf(key, rec)} 的「${col.headers["zh-CN"]}」`,
        "zh-TW": `${TABLES[key].sheet["zh-TW"]}：${labelOf(key, rec)} 的「${col.headers["zh-TW"]}」`,
        "en-US": `${TABLES[key].sheet["en-US"]}: ${col.headers["en-US"]} of ${labelOf(key, rec)}`,
      },
      Array.isArray(r[col.field]) ? (r[col.field] as unknown[]).join("、") : r[col.field],
    );
    if (!col.required) continue;
    const v = r[col.field];
    if (v === undefined || v === null || (typeof v === "string" && v.trim() === "")) {
      throw commandError("InvalidArgument", {
        "zh-CN": `${TABLES[key].sheet["zh-CN"]}：${labelOf(key, rec)} 缺少必填项「${col.headers["zh-CN"]}」`,
        "zh-TW": `${TABLES[key].sheet["zh-TW"]}：${labelOf(key, rec)} 缺少必填項「${col.headers["zh-TW"]}」`,
        "en-US": `${TABLES[key].sheet["en-US"]}: ${labelOf(key, rec)} lacks the required ${col.headers["en-US"]}`,
      });
    }
  }
}

/**
 * Deleting a client leaves no rows behind that name them: family, holdings and policies must be deleted in the same
 * save, and a client with contacts or reviews on record is kept (that history is never deleted from here).
 */
function refuseOrphans(book: Book, clientId: string, plans: Map<FormKey, TablePlan>): void {
  const left: string[] = [];
  for (const key of ["family", "holdings", "policies", "contacts", "reviews"] as const) {
    const deleted = (key === "contacts" || key === "reviews" ? undefined : plans.get(key))?.deletedRecords ?? new Set<number>();
    const rows = book[key] as { clientId: string }[];
    const remaining = rows.filter((r, i) => r.clientId === clientId && !deleted.has(i)).length;
    if (remaining > 0) left.push(`${TABLES[key].tableName} ${remaining}`);
  }
  if (left.length > 0) {
    throw commandError("InvalidArgument", {
      "zh-CN": `客户 ${clientId} 仍有关联记录（${left.join("，")}），不能删除`,
      "zh-TW": `客戶 ${clientId} 仍有關聯記錄（${left.join("，")}），不能刪除`,
      "en-US": `Client ${clientId} still has rows in other tables (${left.join(", ")}) and cannot be deleted`,
    });
  }
}

interface TablePlan {
  /** Rows changed in place: only the cells the form changed (null elsewhere), and what the read sync saw there. */
  updates: { index: number; label: string; row: CellIn[]; seen: RawValue[] | undefined }[];
  /** Data indexes of the rows to delete, and the same rows as indexes into the book's array. */
  deletes: number[];
  deletedRecords: Set<number>;
  appends: object[];
}

/** Two cell values as the same value (a date serial and a number compare as numbers; "" and null as blank). */
function sameCell(a: CellIn | RawValue | undefined, b: CellIn | RawValue | undefined): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === "";
  if (blank(a) || blank(b)) return blank(a) && blank(b);
  return a === b;
}

/** What a co-author changed in a written cell between the save's read sync and its write sync, to put back. */
interface Overwritten {
  sheet: string;
  row: number;
  column: number;
  value: RawValue;
  formula: RawValue;
  numberFormat: string;
  table: string;
  label: string;
}

/**
 * Writes the changed cells of one row, and — in the same batch, before the write — reads what those cells hold
 * then (a separate range object, so the values read are the cells' before the write). A cell that no longer holds
 * what the read sync saw was changed by a co-author in the window between the two syncs; it is reported to `lost`
 * after the sync so that its content can be put back.
 */
function guardedUpdateOp(info: TableInfo, key: FormKey, u: TablePlan["updates"][number], lost: Overwritten[]): WriteOp {
  const op = updateRowOp(info, u.index, u.row);
  const rowIndex = info.rowIndex + 1 + u.index;
  const box: { probe?: Excel.Range } = {};
  return {
    ...op,
    kind: "single",
    bytes: (op as { bytes: number }).bytes + 3 * 128,
    queue(ctx) {
      box.probe = ctx.workbook.worksheets.getItem(info.sheet).getRangeByIndexes(rowIndex, info.columnIndex, 1, u.row.length);
      box.probe.load("values,formulas,numberFormat");
      (op as { queue(c: Excel.RequestContext): void }).queue(ctx);
    },
    done() {
      if (!box.probe || !u.seen) return;
      const seen = u.seen;
      const values = (box.probe.values as RawValue[][])[0];
      const formulas = (box.probe.formulas as RawValue[][])[0];
      const formats = (box.probe.numberFormat as unknown[][])[0];
      u.row.forEach((v, c) => {
        if (v === null || sameCell(values[c], seen[c])) return;
        lost.push({ sheet: info.sheet, row: rowIndex, column: info.columnIndex + c, value: values[c], formula: formulas[c], numberFormat: String(formats[c] ?? "General"), table: TABLES[key].tableName, label: u.label });
      });
    },
  };
}

/**
 * A column's criteria that filter something: values listed, a criterion, a colour, an icon or a dynamic rule (an
 * unfiltered column may answer null or criteria naming none of these; re-applying those would be an error).
 */
function activeFilter(c: Excel.FilterCriteria | null | undefined): c is Excel.FilterCriteria {
  if (!c || !c.filterOn) return false;
  return (Array.isArray(c.values) && c.values.length > 0) || !!c.criterion1 || !!c.color || !!c.icon || (!!c.dynamicCriteria && c.dynamicCriteria !== "Unknown");
}

/**
 * Queues the read of the column filters of the named tables (TableColumn.filter.criteria, ExcelApi 1.2); the
 * returned function gives each table's filtered columns after the sync.
 */
function readFilters(ctx: Excel.RequestContext, tableNames: readonly string[]): () => Map<string, ColumnFilter[]> {
  const probes = tableNames.map((name) => {
    const table = ctx.workbook.tables.getItemOrNullObject(name);
    const columns = ctx.workbook.tables.getItemOrNullObject(name).columns;
    columns.load("items/filter/criteria");
    return { name, table, columns };
  });
  return () => {
    const out = new Map<string, ColumnFilter[]>();
    for (const p of probes) {
      if (p.table.isNullObject) continue;
      const filters: ColumnFilter[] = [];
      p.columns.items.forEach((col, column) => {
        const criteria = col.filter.criteria;
        if (activeFilter(criteria)) filters.push({ column, criteria });
      });
      if (filters.length > 0) out.set(p.name, filters);
    }
    return out;
  };
}

/** Puts a co-author's content back into the cells a save overwrote: their formula, or their value as text safely. */
function restoreOps(lost: readonly Overwritten[]): WriteOp[] {
  return lost.map((l) =>
    single(5, [l.sheet, l.row, l.column, l.formula, l.numberFormat], (ctx) => {
      const cell = ctx.workbook.worksheets.getItem(l.sheet).getRangeByIndexes(l.row, l.column, 1, 1);
      const isFormula = typeof l.formula === "string" && l.formula.startsWith("=") && l.formula !== l.value;
      if (isFormula) {
        cell.numberFormat = [[l.numberFormat]];
        cell.formulas = [[l.formula as string]];
      } else {
        queueGrid(cell, [[l.value]]);
        // The co-author's number format again (a text stays text when its cell's format changes).
        cell.numberFormat = [[l.numberFormat]];
      }
    }),
  );
}

/**
 * Saves the client form, cell by cell.
 *
 * What is written: for a changed record, only the cells whose value the form changed (the form's record before and
 * after, rendered as cells, differ); every other cell of the row — a manager's formula in a book column included —
 * is left as it is. Removed rows are deleted (bottom-up, so the row indexes of the same batch stay right; under a
 * filter the table's filters are cleared and applied again), new rows appended.
 *
 * Read: the client's rows only (clientRead.ts loadClient: two syncs at 40 or 5,000 clients, bytes of that client's
 * rows), plus the rows holding a new holding's or policy's id; the whole book where the per-client read cannot be
 * sure (and for a renamed client).
 *
 * Concurrency: the form loaded its records in an earlier command. The save's read syncs re-read the client's rows
 * and compare: a record gone, a record to delete that changed in any field, or a cell the save changes that no longer
 * holds what the form loaded (a co-author or the sheet changed it) → nothing is written and the conflicts are
 * returned. A change in a cell the save does not touch is no conflict: it is kept.
 * The window: between the read sync's snapshot and the write sync's arrival at Excel (one round trip, typically
 * tens to hundreds of milliseconds on the web) a co-author's edit can still land. The write batch therefore reads
 * the cells it writes, just before writing them, in the same batch (Excel runs a batch in order, with no
 * co-author's change inside it); a cell found changed there was overwritten by this save, so its content
 * (formula, value, number format) is put back in one more sync and the record is returned as a conflict. What
 * stays open: appended rows (an id a co-author took in the window is found by the next read) and deletions (a row
 * changed in the window is deleted with its change).
 */
export async function saveClient(edit: ClientEdit): Promise<SaveResult> {
  if (!edit || typeof edit !== "object" || !edit.client) throw commandError("InvalidArgument", { "zh-CN": "客户表单为空", "zh-TW": "客戶表單為空", "en-US": "The client form is empty" });
  const clientId = edit.client.after?.clientId ?? edit.client.before?.clientId;
  if (!clientId) throw commandError("InvalidArgument", { "zh-CN": "客户表单缺少客户编号", "zh-TW": "客戶表單缺少客戶編號", "en-US": "The client form has no client id" });
  const groups: [FormKey, RecordEdit<object>[]][] = [
    ["clients", [edit.client as RecordEdit<object>]],
    ["family", (edit.family ?? []) as RecordEdit<object>[]],
    ["holdings", (edit.holdings ?? []) as RecordEdit<object>[]],
    ["policies", (edit.policies ?? []) as RecordEdit<object>[]],
  ];
  for (const [key, edits] of groups) {
    for (const e of edits) {
      if (!e.after) continue;
      checkRequired(key, e.after);
      const owner = (e.after as { clientId?: string }).clientId;
      if (key !== "clients" && owner !== clientId) {
        throw commandError("InvalidArgument", { "zh-CN": `${labelOf(key, e.after)} 不属于客户 ${clientId}`, "zh-TW": `${labelOf(key, e.after)} 不屬於客戶 ${clientId}`, "en-US": `${labelOf(key, e.after)} does not belong to client ${clientId}` });
      }
    }
  }

  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    // Tables the save may delete rows from: their column filters are read with the book, to apply them again.
    const deleting = groups.filter(([, edits]) => edits.some((e) => e.before && !e.after)).map(([k]) => TABLES[k].tableName);
    // Only this client's rows (./clientRead.ts: two syncs at any book size), and the rows holding the ids of new
    // holdings and policies (an id another client's row took meanwhile is a conflict). A form that renames the
    // client reads the whole book: the rows to find are under the old id and the new one.
    const renamed = !!edit.client.before && !!edit.client.after && idKey(edit.client.before.clientId) !== idKey(edit.client.after.clientId);
    const taken: TakenQuery[] = [];
    for (const [key, edits] of groups) {
      const field = ID_FIELD[key];
      if (!field || key === "clients") continue;
      const ids = edits.filter((e) => !e.before && e.after).map((e) => String((e.after as Record<string, unknown>)[field] ?? ""));
      if (ids.length > 0) taken.push({ key, field, ids });
    }
    const loaded = await loadClient(batch, clientId, { extra: (c) => readFilters(c, deleting), whole: renamed, taken });
    const tables = requireTables(loaded, groups.filter(([, e]) => e.length > 0).map(([k]) => k));
    const { book } = loaded.read;
    const rowsOf = loaded.read.rows;
    const lang = book.settings.language;
    const conflicts: { table: string; id: string }[] = [];
    const plans = new Map<FormKey, TablePlan>();

    for (const [key, edits] of groups) {
      if (edits.length === 0) continue;
      const records = book[key] as object[];
      const excelRows = rowsOf[key];
      const idField = ID_FIELD[key];
      const claimed = new Set<number>();
      const plan: TablePlan = { updates: [], deletes: [], deletedRecords: new Set(), appends: [] };
      const newIds = new Set<string>();
      const find = (before: object): number => {
        if (idField) {
          const id = (before as Record<string, unknown>)[idField];
          return records.findIndex((r) => (r as Record<string, unknown>)[idField] === id);
        }
        const want = canonical(before);
        return records.findIndex((r, i) => !claimed.has(i) && canonical(r) === want);
      };
      for (const e of edits) {
        const conflict = (rec: object) => conflicts.push({ table: TABLES[key].tableName, id: labelOf(key, rec) });
        if (e.before) {
          const i = find(e.before);
          // Found by id (rows without an id: by their whole content); a row to delete must be as the form loaded it.
          if (i < 0 || claimed.has(i) || (!e.after && canonical(records[i]) !== canonical(e.before))) {
            conflict(e.before);
            continue;
          }
          claimed.add(i);
          const index = dataIndexOf(tables[key], excelRows[i]);
          if (!e.after) {
            plan.deletes.push(index);
            plan.deletedRecords.add(i);
            continue;
          }
          const info = tables[key];
          const before = tableRow(key, e.before, lang, info);
          const after = tableRow(key, e.after, lang, info);
          const now = tableRow(key, records[i], lang, info);
          const row = after.map((v, c) => (v === null || sameCell(v, before[c]) ? null : v));
          if (row.every((v) => v === null)) continue;
          // A cell the save changes must still hold what the form loaded.
          if (row.some((v, c) => v !== null && !sameCell(now[c], before[c]))) {
            conflict(e.before);
            continue;
          }
          plan.updates.push({ index, label: labelOf(key, e.before), row, seen: loaded.partial ? loaded.rowsRead?.[key]?.get(index) : info.rows?.[index] });
        } else if (e.after) {
          // A new record: its id must still be free (someone may have taken it meanwhile), compared as the codec
          // compares ids (idKey: Ｈ１ and h1 are H1, which the codec would report as a duplicate).
          if (idField) {
            const id = idKey(String((e.after as Record<string, unknown>)[idField]));
            const elsewhere = loaded.taken?.[key]?.has(id) ?? false;
            if (newIds.has(id) || elsewhere || records.some((r) => idKey(String((r as Record<string, unknown>)[idField])) === id)) {
              conflict(e.after);
              continue;
            }
            newIds.add(id);
          }
          plan.appends.push(e.after);
        }
      }
      plans.set(key, plan);
    }
    if (conflicts.length > 0) return { ok: false as const, syncs: batch.syncs, conflicts };
    if (edit.client.before && !edit.client.after) refuseOrphans(book, clientId, plans);

    const ops: WriteOp[] = [];
    const lost: Overwritten[] = [];
    let written = 0;
    const writes: Partial<Record<FormKey, TableWrites>> = {};
    for (const [key, plan] of plans) {
      const info = tables[key];
      for (const u of plan.updates) ops.push(guardedUpdateOp(info, key, u, lost));
      const del = deleteRowsOp(info, plan.deletes, loaded.extra.get(info.tableName) ?? []);
      if (del) ops.push(del);
      // Appended after the deletions: a table emptied by them keeps Excel's one blank row, filled first.
      const afterDelete: TableInfo = { ...info, rowCount: info.rowCount - plan.deletes.length };
      const emptied = afterDelete.rowCount <= 0;
      const target: TableInfo = emptied ? { ...info, rowCount: 1, rows: [new Array(info.headers.length).fill(null)] } : { ...afterDelete, rows: info.rows?.filter((_, i) => !plan.deletes.includes(i)) };
      ops.push(...appendRowsOps(target, plan.appends.map((r) => tableRow(key, r, lang, info))));
      written += plan.updates.length + plan.deletes.length + plan.appends.length;
      writes[key] = { updated: plan.updates.map((u) => u.index), deleted: plan.deletes, appended: plan.appends.length, appendTo: target };
    }
    // The client's rows as read and the rows as written, for the pane (./clientRows.ts), in the write sync. A renamed
    // client was read whole: every row goes back to the pane, so its rows under the old id are replaced too.
    const back = clientRowsOp(loaded, clientId, writes);
    await runWrites(batch, ops.length > 0 ? [...ops, back.op] : ops);
    if (lost.length > 0) {
      await runWrites(batch, restoreOps(lost));
      const seen = new Set<string>();
      const during = lost.filter((l) => !seen.has(`${l.table} ${l.label}`) && seen.add(`${l.table} ${l.label}`)).map((l) => ({ table: l.table, id: l.label }));
      return { ok: false as const, syncs: batch.syncs, conflicts: during, saved: written };
    }
    const client = back.result();
    return { ok: true as const, syncs: batch.syncs, written, ...(client ? { client } : {}) };
  });
}
