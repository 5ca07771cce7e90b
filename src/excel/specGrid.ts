/**
 * A SheetSpec converted to what Office.js takes: the grid as `formulas` rows (text through textSafe, so "=1+1"
 * typed by a manager stays text), the spec's A1 ranges checked, format entries merged into as few ranges as they
 * allow, and the summary column that stands in for notes where the host has no notes API. Pure: no Excel call.
 */
import { textSafe } from "../book/text";
import { cellName, parseCell, parseRange, type RangeRef } from "../sheets/a1";
import { isFormula, type CellValue, type RangeFormat, type SheetSpec } from "../sheets/spec";

/** One cell as Office.js `formulas` input: text through textSafe, formulas as text starting with "=". */
export function cellInput(v: CellValue, sheet: string, row: number, col: number): string | number | boolean {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v === "" ? "" : textSafe(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new RangeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: ${v} is not a number Excel can store`);
    return v;
  }
  if (typeof v === "boolean") return v;
  if (isFormula(v)) {
    const f = v.f.trim();
    if (f === "" || f === "=") throw new RangeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: empty formula`);
    return f.startsWith("=") ? f : `=${f}`;
  }
  throw new TypeError(`sheet ${sheet}, cell ${cellName(col + 1, row + 1)}: ${JSON.stringify(v)} is not a cell value`);
}

/** The grid as rectangular `formulas` rows (short rows padded with ""). */
export function gridRows(spec: SheetSpec): (string | number | boolean)[][] {
  const width = spec.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  return spec.cells.map((r, i) => {
    const out: (string | number | boolean)[] = new Array(width);
    for (let c = 0; c < width; c++) out[c] = cellInput(r?.[c] ?? null, spec.name, i, c);
    return out;
  });
}

/** One of the spec's A1 ranges, or a RangeError naming the sheet and what the range is for. */
export function specRange(spec: SheetSpec, a1: string, what: string): RangeRef {
  const r = parseRange(a1);
  if (!r) throw new RangeError(`sheet ${spec.name}: ${what} "${a1}" is not an A1 range`);
  return r;
}

/** Rightmost column (1-based) anything of the spec touches: the summary column of notes goes after it. */
export function lastSpecColumn(spec: SheetSpec): number {
  let right = spec.cells.reduce((w, r) => Math.max(w, r?.length ?? 0), 0);
  const ranges = [
    ...(spec.formats ?? []).map((f) => f.range),
    ...(spec.merges ?? []),
    ...(spec.conditionalFormats ?? []).map((c) => c.range),
    ...(spec.notes ?? []).map((n) => n.cell),
    ...(spec.autoFilter ? [spec.autoFilter] : []),
  ];
  for (const a1 of ranges) right = Math.max(right, specRange(spec, a1, "range").right);
  return right;
}

function sameFormat(a: RangeFormat, b: RangeFormat): boolean {
  return a.numberFormat === b.numberFormat && JSON.stringify(a.style ?? null) === JSON.stringify(b.style ?? null);
}

/**
 * Consecutive format entries with the same format whose ranges continue each other (one below the other with the
 * same columns, or side by side with the same rows) become one range. Only neighbours in the list merge, so an
 * entry in between that overrides them keeps its effect.
 */
export function mergeFormats(spec: SheetSpec): { range: RangeRef; format: RangeFormat }[] {
  const out: { range: RangeRef; format: RangeFormat }[] = [];
  for (const f of spec.formats ?? []) {
    const r = specRange(spec, f.range, "format range");
    const prev = out[out.length - 1];
    if (prev && sameFormat(prev.format, f)) {
      const p = prev.range;
      if (p.left === r.left && p.right === r.right && r.top === p.bottom + 1) {
        prev.range = { ...p, bottom: r.bottom };
        continue;
      }
      if (p.top === r.top && p.bottom === r.bottom && r.left === p.right + 1) {
        prev.range = { ...p, right: r.right };
        continue;
      }
    }
    out.push({ range: r, format: f });
  }
  return out;
}

/** A range back in A1 ("B2", or "B2:D9"). */
export function rangeA1(r: RangeRef): string {
  const tl = cellName(r.left, r.top);
  const br = cellName(r.right, r.bottom);
  return tl === br ? tl : `${tl}:${br}`;
}

/** The summary column (no notes or comments API): per row, every note of the row as "K7: text" lines. */
export function summaryColumn(spec: SheetSpec): { column: number; titleRow: number | undefined; cells: Map<number, string> } {
  const column = lastSpecColumn(spec) + 1;
  const cells = new Map<number, string>();
  const byRow = new Map<number, { col: number; line: string }[]>();
  for (const n of spec.notes ?? []) {
    if (n.text === "") continue;
    const at = parseCell(n.cell)!;
    const list = byRow.get(at.row) ?? [];
    list.push({ col: at.col, line: `${n.cell}: ${n.text.replace(/\s*\n\s*/g, "; ")}` });
    byRow.set(at.row, list);
  }
  for (const [row, list] of byRow) cells.set(row, list.sort((a, b) => a.col - b.col).map((x) => x.line).join("\n"));
  const first = Math.min(...byRow.keys());
  const header = spec.freeze?.rows ?? 1;
  const titleRow = header >= 1 && header < first ? header : first > 1 ? first - 1 : undefined;
  return { column, titleRow, cells };
}
