/**
 * Header matching: a header names a column when it equals, after normKey, the column's header in any of the three
 * languages or its internal key — so "客户编号", "客戶編號", "Client ID", "client_id" and "ＣｌｉｅｎｔＩＤ" all name
 * ClientId. A trailing unit in brackets, as other systems export ("年收入（元）", "Amount (CNY)"), is tolerated.
 */
import { LANGS } from "../domain/types";
import type { RawValue } from "./raw";
import { TABLE_KEYS, TABLES } from "./schema";
import type { ColumnSpec, TableKey } from "./schema";
import { cellText, normKey } from "./text";

const BY_HEADER = new Map<TableKey, Map<string, ColumnSpec>>();
for (const key of TABLE_KEYS) {
  const m = new Map<string, ColumnSpec>();
  for (const col of TABLES[key].columns) {
    for (const h of [col.key, col.field, ...LANGS.map((l) => col.headers[l])]) {
      const k = normKey(h);
      const prev = m.get(k);
      if (prev && prev !== col) throw new Error(`table ${key}: header "${h}" names both ${prev.key} and ${col.key}`);
      m.set(k, col);
    }
  }
  BY_HEADER.set(key, m);
}

const TRAILING_UNIT = /\s*[(（[【][^()（）[\]【】]*[)）\]】]\s*$/u;

/** The column a header names in a table, or undefined for a user's own column. */
export function columnForHeader(key: TableKey, header: RawValue): ColumnSpec | undefined {
  const text = cellText(header);
  if (text === undefined) return undefined;
  const m = BY_HEADER.get(key)!;
  return m.get(normKey(text)) ?? m.get(normKey(text.replace(TRAILING_UNIT, "")));
}

export interface HeaderMatch {
  /** For each header position, the column it names (undefined: a user column, ignored but kept). */
  columns: (ColumnSpec | undefined)[];
  /** Column field → index of the first header naming it. */
  indexOf: Map<string, number>;
  /** Schema columns no header names, in schema order. */
  missing: ColumnSpec[];
  /** Later headers naming a column an earlier header already names: ignored. */
  duplicates: { index: number; firstIndex: number; column: ColumnSpec }[];
}

export function matchHeaders(key: TableKey, headers: readonly RawValue[]): HeaderMatch {
  const columns: (ColumnSpec | undefined)[] = [];
  const indexOf = new Map<string, number>();
  const duplicates: HeaderMatch["duplicates"] = [];
  headers.forEach((h, i) => {
    const col = columnForHeader(key, h);
    const first = col ? indexOf.get(col.field) : undefined;
    if (col && first !== undefined) {
      duplicates.push({ index: i, firstIndex: first, column: col });
      columns.push(undefined);
      return;
    }
    if (col) indexOf.set(col.field, i);
    columns.push(col);
  });
  const missing = TABLES[key].columns.filter((c) => !indexOf.has(c.field));
  return { columns, indexOf, missing, duplicates };
}

/**
 * Which table a header row belongs to, for sheets typed without Excel tables or CSVs: the table whose required
 * columns are all present and that names the most columns; undefined when none qualifies.
 */
export function detectTable(headers: readonly RawValue[]): TableKey | undefined {
  let best: TableKey | undefined;
  let bestCount = 0;
  for (const key of TABLE_KEYS) {
    const m = matchHeaders(key, headers);
    if (m.missing.some((c) => c.required)) continue;
    const count = m.indexOf.size;
    const score = count + count / TABLES[key].columns.length; // most named columns; on a tie, the better-covered table
    if (score > bestCount) {
      best = key;
      bestCount = score;
    }
  }
  return best;
}
