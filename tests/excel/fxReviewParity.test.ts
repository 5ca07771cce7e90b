/**
 * A review sheet with currencies (src/sheets/reviewHoldings.ts FX_REVIEW_COLUMNS) gives the same cells from both
 * renderers: the file (src/xlsx/renderSpec.ts, read back) and Excel (src/excel/renderSheet.ts on the fake host) —
 * each value and each native formula where the spec put it (own amount, currency, rate; G = D×F, L = J×K, the own
 * change (D−J)×K and the FX effect D×(F−K)), the number formats of the currency columns (amounts, a rate to 4–6
 * decimals) and the charts' ranges over the book-currency amounts. The client is the hand-checked one of
 * tests/domain/fx.test.ts (tests/sheets/fxHandBook.ts), in the manager's and the client's copy, in three languages;
 * and the pane's Build review command on that book (the client's rows and the whole Rates table read from the sheets,
 * src/excel/clientRead.ts) writes the spec the CLI writes.
 */
import { LANGS, type Lang } from "../../src/domain/types";
import { assetReview } from "../../src/sheets";
import { cellName } from "../../src/sheets/a1";
import { RATE_FORMAT } from "../../src/sheets/assetReview";
import { FX_REVIEW_COLUMNS as F } from "../../src/sheets/reviewHoldings";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { openBytes } from "../../src/xlsx/excelize";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { installFakeOffice } from "../fake-excel";
import { FX_AS_OF, handCurrencyBook } from "../sheets/fxHandBook";
import { paneCommands } from "../../src/taskpane/paneCommands";
import { installWithBook } from "./helpers";
import { renderSheets } from "./renderHelpers";

function specs(lang: Lang): SheetSpec[] {
  const b = handCurrencyBook();
  return [false, true].map((clientFacing) => assetReview(b, { asOf: FX_AS_OF, lang, clientId: "C1", clientFacing }));
}

describe.each(LANGS)("%s: the currency review from both renderers", (lang) => {
  test("every cell, formula, currency-column number format and chart range the same", async () => {
    const all = specs(lang);
    const bytes = await renderSpecs(all);
    const file = await readWorkbookTables(bytes, { formulas: true });
    const f = await openBytes(bytes);
    const host = installFakeOffice();
    try {
      await renderSheets(all, { lang });
      for (const spec of all) {
        const sheet = host.sheet(spec.name)!;
        const grid = file.grids.get(spec.name)!;
        const formulas = file.formulas!.get(spec.name)!;
        const diff: string[] = [];
        let currencyFormulas = 0;
        spec.cells.forEach((row, r) =>
          row.forEach((v, c) => {
            const a1 = cellName(c + 1, r + 1);
            const excel = sheet.cell(a1);
            if (isFormula(v)) {
              const fileF = formulas.get(a1);
              if (fileF !== v.f || excel.formula !== v.f) diff.push(`${a1}: spec ${v.f}, file ${fileF}, Excel ${excel.formula}`);
              if ([F.amount, F.previous, F.holdingChange, F.fxEffect].some((col) => col === c + 1)) currencyFormulas++;
            } else if (v !== null && v !== "") {
              const fileV = grid[r]?.[c];
              if (fileV !== v || excel.value !== v || excel.formula !== undefined) diff.push(`${a1}: spec ${JSON.stringify(v)}, file ${JSON.stringify(fileV)}, Excel ${JSON.stringify(excel.value)}`);
            }
          }),
        );
        expect({ sheet: spec.name, diff }).toEqual({ sheet: spec.name, diff: [] });
        // the four rows' G = D×F and the three held rows' L = J×K, own change and FX effect
        expect(currencyFormulas).toBeGreaterThanOrEqual(4 + 3 * 3);
        // number formats of the currency columns, read back from each
        const usd = spec.cells.findIndex((x) => x[F.currency - 1] === "USD") + 1;
        for (const col of [F.localAmount, F.rate, F.amount, F.previousLocal, F.previousRate, F.fxEffect]) {
          const a1 = cellName(col, usd);
          const fileFmt = f.GetStyle(f.GetCellStyle(spec.name, a1).style).style.CustomNumFmt;
          expect({ a1, file: fileFmt }).toEqual({ a1, file: sheet.cell(a1).numberFormat });
        }
        expect(sheet.cell(cellName(F.rate, usd)).numberFormat).toBe(RATE_FORMAT);
        // the pie over the class summary (SUMs of the book-currency column), the columns over the trend's totals
        const charts = host.charts(spec.name);
        expect(charts).toHaveLength(spec.charts!.length);
        spec.charts!.forEach((c, i) => {
          expect(charts[i].series[0].values).toMatch(new RegExp(`!${c.values}$`));
          expect(charts[i].series[0].xValues).toMatch(new RegExp(`!${c.categories}$`));
        });
      }
    } finally {
      host.uninstall();
    }
  }, 60_000);
});

test("the pane's Build review on the book's sheets writes the same currency review as the CLI's spec", async () => {
  const b = handCurrencyBook();
  const host = installWithBook(b);
  try {
    const r = await paneCommands().buildReview("C1", FX_AS_OF);
    const spec = assetReview(b, { asOf: FX_AS_OF, lang: b.settings.language, clientId: "C1" });
    expect(r.sheets).toEqual([spec.name]);
    const sheet = host.sheet(spec.name)!;
    const usd = spec.cells.findIndex((x) => x[F.currency - 1] === "USD") + 1;
    expect(sheet.cell(cellName(F.amount, usd)).formula).toBe(`=D${usd}*F${usd}`);
    expect(sheet.cell(cellName(F.fxEffect, usd)).formula).toBe(`=D${usd}*(F${usd}-K${usd})`);
    const diff: string[] = [];
    spec.cells.forEach((row, i) =>
      row.forEach((v, c) => {
        const cell = sheet.cell(cellName(c + 1, i + 1));
        const want = isFormula(v) ? v.f : v === null ? "" : v;
        const got = isFormula(v) ? cell.formula : cell.value;
        if (got !== want) diff.push(`${cellName(c + 1, i + 1)}: spec ${JSON.stringify(want)}, Excel ${JSON.stringify(got)}`);
      }),
    );
    expect(diff).toEqual([]);
  } finally {
    host.uninstall();
  }
}, 60_000);
