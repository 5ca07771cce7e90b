/**
 * The check every LibreOffice round trip makes: each formula we wrote recalculates to the value we cached (±0.005 for
 * numbers, equal text otherwise) and no cell of the re-saved file holds an error value.
 */
import { cellName } from "../../src/sheets/a1";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";

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
