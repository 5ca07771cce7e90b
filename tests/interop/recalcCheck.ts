/**
 * The check every LibreOffice round trip makes: each formula we wrote recalculates to the value we cached (±0.005 for
 * numbers, equal text otherwise) and no cell of the re-saved file holds an error value.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cellName } from "../../src/sheets/a1";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { convert, pdfPagesText, recalcToXlsx } from "./libreoffice";

/** Excel's error values and LibreOffice's Err:NNN. */
export const ERROR_VALUE = /^(#(N\/A|VALUE!|REF!|DIV\/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)|Err:\d+)/;

/** What differs between our specs' cached formula values and LibreOffice's recalculated grids, and how many formulas were compared. */
export function recalcMismatches(specs: readonly SheetSpec[], grids: ReadonlyMap<string, unknown[][]>): { bad: string[]; formulas: number } {
  const bad: string[] = [];
  let formulas = 0;
  for (const s of specs) {
    const grid = grids.get(s.name);
    if (!grid) {
      bad.push(`${s.name}: missing after LibreOffice's re-save`);
      continue;
    }
    s.cells.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isFormula(v)) return;
        formulas++;
        const got = grid[r]?.[c] ?? null;
        const want = v.cached;
        const where = `${s.name}!${cellName(c + 1, r + 1)} ${v.f}`;
        if (typeof want === "number") {
          if (typeof got !== "number" || Math.abs(got - want) > 0.005) bad.push(`${where}: LibreOffice ${JSON.stringify(got)}, ours ${want}`);
        } else if ((got ?? "") !== want) bad.push(`${where}: LibreOffice ${JSON.stringify(got)}, ours ${JSON.stringify(want)}`);
      }),
    );
    grid.forEach((row, r) => row.forEach((v, c) => typeof v === "string" && ERROR_VALUE.test(v) && bad.push(`${s.name}!R${r + 1}C${c + 1}: ${v}`)));
  }
  return { bad, formulas };
}

/**
 * Our renderer's workbook of `specs` (written to work/<name>.xlsx) through LibreOffice: recalculated and re-saved
 * (the grids, for recalcMismatches) and printed to PDF (each page's text), the two conversions side by side.
 */
export async function throughLibreOffice(specs: readonly SheetSpec[], work: string, name: string): Promise<{ pdf: string; grids: Map<string, unknown[][]>; pages: string[] }> {
  const source = path.join(work, `${name}.xlsx`);
  writeFileSync(source, await renderSpecs(specs));
  const [xlsx, pdf] = await Promise.all([
    recalcToXlsx(source, path.join(work, "recalc"), { timeoutMs: 200_000 }),
    convert(source, "pdf", path.join(work, "pdf"), { timeoutMs: 200_000 }),
  ]);
  const grids = (await readWorkbookTables(new Uint8Array(readFileSync(xlsx)))).grids as Map<string, unknown[][]>;
  return { pdf, grids, pages: pdfPagesText(pdf) };
}
