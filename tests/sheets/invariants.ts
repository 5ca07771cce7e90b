/** What every SheetSpec must satisfy, whatever the builder: the contract the two renderers rely on. */
import { parseCell, parseRange, rangesOverlap } from "../../src/sheets/a1";
import { chartCells } from "../../src/sheets/layout";
import { isValidSheetName, sheetNameKey } from "../../src/sheets/names";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { allCells } from "./helpers";

/** Problems found in one spec (empty = valid). */
export function specProblems(spec: SheetSpec): string[] {
  const p: string[] = [];
  const where = (s: string) => `${spec.name}: ${s}`;
  if (!isValidSheetName(spec.name)) p.push(where("invalid sheet name"));
  for (const { a1, v } of allCells(spec)) {
    if (v === undefined) p.push(where(`${a1} is undefined (use null)`));
    else if (typeof v === "number" && !Number.isFinite(v)) p.push(where(`${a1} is ${v}`));
    else if (typeof v === "object" && v !== null) {
      if (!isFormula(v)) p.push(where(`${a1} is an object but not a formula`));
      else {
        if (!v.f.startsWith("=")) p.push(where(`${a1} formula does not start with =`));
        if (/\bRM\./i.test(v.f)) p.push(where(`${a1} uses RM.*: ${v.f}`));
        if (v.cached === undefined) p.push(where(`${a1} has no cached value`));
        if (typeof v.cached === "number" && !Number.isFinite(v.cached)) p.push(where(`${a1} cached ${v.cached}`));
        if (/;/.test(v.f.replace(/"[^"]*"/g, ""))) p.push(where(`${a1} uses ; outside text: ${v.f}`));
      }
    }
  }
  const ranges: [string, string][] = [
    ...(spec.formats ?? []).map((f): [string, string] => ["format", f.range]),
    ...(spec.conditionalFormats ?? []).map((f): [string, string] => ["conditional format", f.range]),
    ...(spec.merges ?? []).map((m): [string, string] => ["merge", m]),
  ];
  if (spec.autoFilter) ranges.push(["autoFilter", spec.autoFilter]);
  for (const [what, r] of ranges) if (!parseRange(r)) p.push(where(`${what} range ${r} does not parse`));
  for (const cf of spec.conditionalFormats ?? []) {
    if (!cf.formula.startsWith("=")) p.push(where(`conditional format ${cf.range} formula lacks =`));
    if (/\bRM\./i.test(cf.formula)) p.push(where(`conditional format uses RM.*`));
  }
  for (const n of spec.notes ?? []) {
    if (!parseCell(n.cell)) p.push(where(`note cell ${n.cell} is not a single cell`));
    if (n.text.trim() === "") p.push(where(`note ${n.cell} is empty`));
  }
  for (const w of spec.columnWidths ?? []) if (!(w > 0 && w <= 255)) p.push(where(`column width ${w}`));
  const charts = spec.charts ?? [];
  for (const c of charts) {
    const cats = parseRange(c.categories);
    const vals = parseRange(c.values);
    if (!cats || !vals) {
      p.push(where(`chart ${c.name} ranges do not parse`));
      continue;
    }
    if (cats.left !== cats.right || vals.left !== vals.right) p.push(where(`chart ${c.name} ranges are not single columns`));
    if (cats.bottom - cats.top !== vals.bottom - vals.top || cats.top !== vals.top) p.push(where(`chart ${c.name} categories and values do not pair up`));
    if (c.width > 480 || c.height > 300) p.push(where(`chart ${c.name} larger than half an A4 page`));
    if (!c.title.trim()) p.push(where(`chart ${c.name} has no title`));
    // No chart may cover a cell with content.
    const box = chartCells(spec, c);
    for (const { a1, row, col, v } of allCells(spec)) {
      if (v !== null && row >= box.top && row <= box.bottom && col >= box.left && col <= box.right) p.push(where(`chart ${c.name} covers ${a1}`));
    }
  }
  for (let i = 0; i < charts.length; i++) {
    for (let j = i + 1; j < charts.length; j++) {
      if (rangesOverlap(chartCells(spec, charts[i]), chartCells(spec, charts[j]))) p.push(where(`charts ${charts[i].name} and ${charts[j].name} overlap`));
    }
  }
  if (new Set(charts.map((c) => c.name)).size !== charts.length) p.push(where("chart names repeat"));
  return p;
}

/** Problems of a set of sheets written to one workbook: each spec's, plus names unique ignoring case. */
export function workbookProblems(specs: readonly SheetSpec[]): string[] {
  const p = specs.flatMap(specProblems);
  const seen = new Map<string, string>();
  for (const s of specs) {
    const k = sheetNameKey(s.name);
    if (seen.has(k)) p.push(`sheet names ${seen.get(k)} and ${s.name} are the same ignoring case`);
    seen.set(k, s.name);
  }
  // every link to a sheet names a sheet of the workbook, exactly (a link is not case-folded by every reader)
  const names = new Set(specs.map((s) => s.name));
  for (const s of specs) {
    for (const l of s.links ?? []) if (typeof l.sheet === "string" && !names.has(l.sheet)) p.push(`${s.name}!${l.cell} links to a sheet "${l.sheet}" the workbook lacks`);
  }
  return p;
}
