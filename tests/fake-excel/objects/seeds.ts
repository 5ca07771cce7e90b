/**
 * Building sheets from plain seeds (host.load and the xlsx decoder hook). Seeds describe stored content, so strings
 * are stored as text and never parsed the way typed input is.
 */
import { parseAddress } from "../core/addresses";
import { ensureCell, newSheet, type SheetModel } from "../core/model";
import { checkSheetName } from "../core/rules";
import type { HostState, SheetSeed } from "../core/state";
import { createTable } from "./table";
import { HostFailure } from "../core/errors";

function seedAddress(address: string, what: string): { r0: number; c0: number; r1: number; c1: number } {
  const parsed = parseAddress(address);
  if (!parsed) throw new Error(`fake-excel seed: ${what} '${address}' is not an A1 address`);
  return parsed.rect;
}

/** Surfaces rule violations in seeds as plain errors naming the seed (seeds are test input, not API calls). */
function seedCheck<T>(what: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof HostFailure) throw new Error(`fake-excel seed: ${what}: ${e.message()}`);
    throw e;
  }
}

export function fillSheet(host: HostState, sheet: SheetModel, seed: SheetSeed): void {
  if (seed.rows) {
    const at = seedAddress(seed.at ?? "A1", `sheet '${seed.name}' at`);
    seed.rows.forEach((row, i) =>
      row.forEach((value, j) => {
        if (value === null || value === undefined || value === "") return;
        ensureCell(sheet, at.r0 + i, at.c0 + j).v = value;
      }),
    );
  }
  for (const [address, spec] of Object.entries(seed.cells ?? {})) {
    const rect = seedAddress(address, `sheet '${seed.name}' cell`);
    const cell = ensureCell(sheet, rect.r0, rect.c0);
    if (spec.formula !== undefined) cell.f = spec.formula.startsWith("=") ? spec.formula : `=${spec.formula}`;
    if (spec.value !== undefined) cell.v = spec.value;
    if (spec.numberFormat !== undefined) cell.fmt = { ...cell.fmt, numberFormat: spec.numberFormat };
  }
  for (const t of seed.tables ?? []) {
    const rect = seedAddress(t.address, `table '${t.name}' address`);
    const table = seedCheck(`table '${t.name}'`, () => createTable(host, sheet, rect, true, t.name));
    if (t.style) table.style = t.style;
  }
  for (const n of seed.notes ?? []) {
    const rect = seedAddress(n.address, "note address");
    host.book.counters.note += 1;
    sheet.notes.push({ id: host.book.counters.note, sheet, r: rect.r0, c: rect.c0, content: n.content, author: host.userName, visible: false, width: 144, height: 72 });
  }
  if (seed.visibility) sheet.visibility = seed.visibility;
  if (seed.tabColor) sheet.tabColor = seed.tabColor;
}

/**
 * Adds seeded sheets at a position. With `rename`, a taken name becomes "Name (2)", "Name (3)"…, as Excel names
 * inserted sheets that clash; otherwise a clash is an error in the seed.
 */
export function addSeedSheets(host: HostState, seeds: SheetSeed[], at: number, rename: boolean): SheetModel[] {
  const book = host.book;
  const added: SheetModel[] = [];
  seeds.forEach((seed, i) => {
    let name = seed.name;
    if (rename) {
      let n = 2;
      while (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) name = `${seed.name.slice(0, 27)} (${n++})`;
    }
    seedCheck(`sheet '${seed.name}'`, () => checkSheetName(book, name));
    const sheet = newSheet(book, name);
    book.sheets.splice(at + i, 0, sheet);
    fillSheet(host, sheet, seed);
    added.push(sheet);
  });
  return added;
}
