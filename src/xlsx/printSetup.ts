/**
 * A sheet's page set-up (src/sheets/print.ts PrintSetup) in a file: paper and orientation, fit or scale, margins,
 * the footer, and the print titles — the defined name _xlnm.Print_Titles local to the sheet
 * (ECMA-376 Part 1 §18.2.6 definedName, built-in name "Print_Titles"), '<sheet>'!$1:$4 for repeated rows, with
 * ,'<sheet>'!$A:$B for repeated columns. The same set-up as the Office.js renderer queues (src/excel/queueFormat.ts).
 */
import type { PrintSetup } from "../sheets/print";
import { colName } from "./a1";
import { check, XlsxError } from "./excelize";
import type { XlsxFile } from "./excelize";

/** excelize's index of A4 paper (SetPageLayout Size; ECMA-376 §18.3.1.63 paperSize 9). */
const A4_PAPER = 9;
/** Excel keeps at most 255 characters in a header or footer (MS-OI29500 §2.1.633, oddFooter). */
export const MAX_FOOTER = 255;

/** The sheet name as a formula reference writes it: always quoted, a quote doubled. */
function quotedSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The print-titles reference: rows '$1:$4', columns '$A:$B', both joined by a comma. */
export function printTitlesRef(sheet: string, setup: Pick<PrintSetup, "titleRows" | "titleColumns">): string | undefined {
  const q = quotedSheet(sheet);
  const parts: string[] = [];
  if (setup.titleColumns) parts.push(`${q}!$${colName(setup.titleColumns.first)}:$${colName(setup.titleColumns.last)}`);
  if (setup.titleRows) parts.push(`${q}!$${setup.titleRows.first}:$${setup.titleRows.last}`);
  return parts.length > 0 ? parts.join(",") : undefined;
}

/** The footer as the file keeps it: "&L…&C…&R…" (one string for all three parts). */
export function footerString(setup: Pick<PrintSetup, "footer">): string {
  const { left, center, right } = setup.footer;
  return `&L${left}&C${center}&R${right}`;
}

export function writePrintSetup(f: XlsxFile, sheet: string, setup: PrintSetup): void {
  const fit = "scale" in setup.fit ? { AdjustTo: setup.fit.scale } : { FitToWidth: setup.fit.wide, FitToHeight: setup.fit.tall };
  check(f.SetPageLayout(sheet, { Size: A4_PAPER, Orientation: setup.orientation, ...fit }), "setting the page layout", { sheet });
  // fit-to-pages is used only when the sheet says so (sheetPr/pageSetUpPr fitToPage)
  check(f.SetSheetProps(sheet, { FitToPage: !("scale" in setup.fit) }), "setting sheet properties", { sheet });
  const m = setup.margins;
  check(f.SetPageMargins(sheet, { Top: m.top, Bottom: m.bottom, Left: m.left, Right: m.right, Header: m.header, Footer: m.footer }), "setting the page margins", { sheet });
  const footer = footerString(setup);
  if (footer.length > MAX_FOOTER) throw new XlsxError(`footer of ${footer.length} characters is longer than Excel's ${MAX_FOOTER}`, { sheet });
  check(f.SetHeaderFooter(sheet, { OddFooter: footer }), "setting the footer", { sheet });
  const titles = printTitlesRef(sheet, setup);
  if (titles) check(f.SetDefinedName({ Name: "_xlnm.Print_Titles", RefersTo: titles, Scope: sheet }), "setting the print titles", { sheet });
}
