/** Reading SheetSpecs in tests: cells by address, rows by a column's value, every string, every formula. */
import { HyperFormula } from "hyperformula";
import { cellName, parseCell, parseRange, type RangeRef } from "../../src/sheets/a1";
import { isFormula, type CellValue, type FormulaCell, type SheetSpec } from "../../src/sheets/spec";

export function cell(spec: SheetSpec, a1: string): CellValue {
  const c = parseCell(a1);
  if (!c) throw new Error(`not a cell: ${a1}`);
  return spec.cells[c.row - 1]?.[c.col - 1] ?? null;
}

export function at(spec: SheetSpec, row: number, col: number): CellValue {
  return spec.cells[row - 1]?.[col - 1] ?? null;
}

/** The displayed value of a cell: a formula's cached value, else the value. */
export function shown(v: CellValue): number | string | boolean | null | undefined {
  return isFormula(v) ? v.cached : v;
}

export function formula(spec: SheetSpec, a1: string): FormulaCell {
  const v = cell(spec, a1);
  if (!isFormula(v)) throw new Error(`${spec.name}!${a1} is not a formula: ${JSON.stringify(v)}`);
  return v;
}

/** 1-based row numbers whose column `col` holds `value`. */
export function rowsWhere(spec: SheetSpec, col: number, value: CellValue): number[] {
  const out: number[] = [];
  spec.cells.forEach((r, i) => {
    if ((r[col - 1] ?? null) === value) out.push(i + 1);
  });
  return out;
}

export function rowWhere(spec: SheetSpec, col: number, value: CellValue): number {
  const rows = rowsWhere(spec, col, value);
  if (rows.length !== 1) throw new Error(`${spec.name}: expected one row with ${JSON.stringify(value)} in column ${col}, found ${rows.length}`);
  return rows[0];
}

export function* allCells(spec: SheetSpec): Generator<{ a1: string; row: number; col: number; v: CellValue }> {
  for (let r = 0; r < spec.cells.length; r++) {
    const row = spec.cells[r] ?? [];
    for (let c = 0; c < row.length; c++) yield { a1: cellName(c + 1, r + 1), row: r + 1, col: c + 1, v: row[c] ?? null };
  }
}

/** Every text a reader of the file could see: cells (and cached formula text), notes, chart titles, series, name. */
export function allText(spec: SheetSpec): string[] {
  const out: string[] = [spec.name];
  for (const { v } of allCells(spec)) {
    if (typeof v === "string") out.push(v);
    else if (isFormula(v)) {
      out.push(v.f);
      if (typeof v.cached === "string") out.push(v.cached);
    }
  }
  for (const n of spec.notes ?? []) out.push(n.text);
  for (const c of spec.charts ?? []) out.push(c.title, c.seriesName, c.name);
  return out;
}

export function allFormulas(spec: SheetSpec): { a1: string; f: FormulaCell }[] {
  const out: { a1: string; f: FormulaCell }[] = [];
  for (const { a1, v } of allCells(spec)) if (isFormula(v)) out.push({ a1, f: v });
  return out;
}

export function range(a1: string): RangeRef {
  const r = parseRange(a1);
  if (!r) throw new Error(`not a range: ${a1}`);
  return r;
}

/** The values of a single-column range. */
export function columnValues(spec: SheetSpec, a1: string): CellValue[] {
  const r = range(a1);
  const out: CellValue[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(at(spec, row, r.left));
  return out;
}

/**
 * Recalculates a spec in HyperFormula (a third party, not our code) and returns each formula's result, so tests can
 * compare it with the cached value the builder wrote. Text cells go in as text even when they start with "=".
 */
export function recalc(spec: SheetSpec): Map<string, unknown> {
  const data = spec.cells.map((row) =>
    row.map((v) => {
      if (isFormula(v)) return v.f;
      if (typeof v === "string") return v.startsWith("=") || v.startsWith("'") ? `'${v}` : v;
      return v;
    }),
  );
  const hf = HyperFormula.buildFromArray(data as never, { licenseKey: "gpl-v3", smartRounding: false });
  const sheetId = 0;
  const out = new Map<string, unknown>();
  for (const { a1, f } of allFormulas(spec)) {
    const c = parseCell(a1)!;
    out.set(a1, hf.getCellValue({ sheet: sheetId, row: c.row - 1, col: c.col - 1 }) ?? (f.cached === "" ? "" : null));
  }
  hf.destroy();
  return out;
}

/**
 * Each formula whose HyperFormula result differs from the cached value the builder wrote: a number beyond
 * `tolerance(cached)`, anything else when not identical. Each test states its own tolerance.
 */
export function recalcMismatches(spec: SheetSpec, tolerance: (cached: number) => number): string[] {
  const got = recalc(spec);
  const bad: string[] = [];
  for (const { a1, f } of allFormulas(spec)) {
    const v = got.get(a1);
    const want = f.cached;
    if (typeof want === "number" ? typeof v !== "number" || Math.abs(v - want) > tolerance(want) : v !== want) {
      bad.push(`${a1} ${f.f}: HyperFormula ${JSON.stringify(v)}, cached ${JSON.stringify(want)}`);
    }
  }
  return bad;
}
