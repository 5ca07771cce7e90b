/**
 * Printed page count of each sheet of a workbook as LibreOffice prints it: each sheet (or each group of sheets
 * named by a prefix) is copied alone into a workbook of its own, converted to PDF headless, and its pages counted
 * (pdfinfo). Used for the page counts of the demo in the print issue (#15) and to look at every sheet type as PNG.
 *
 *   npx tsx scripts/print-pages.ts BOOK.xlsx OUTDIR [--png]
 *
 * Writes OUTDIR/<n>.xlsx/.pdf per sheet (and a 100 dpi PNG of each sheet's first page with --png), prints a table.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getExcelize, writeToBytes } from "../src/xlsx/excelize";

async function main(): Promise<void> {
  const [file, outDir, ...flags] = process.argv.slice(2);
  if (!file || !outDir) throw new Error("usage: tsx scripts/print-pages.ts BOOK.xlsx OUTDIR [--png]");
  mkdirSync(outDir, { recursive: true });
  const ex = await getExcelize();
  const bytes = new Uint8Array(readFileSync(file));
  const names = ex.OpenReader(bytes).GetSheetList().list as string[];
  const profile = `file://${path.resolve(outDir, "profile")}`;
  let total = 0;
  for (const [i, name] of names.entries()) {
    const f = ex.OpenReader(bytes);
    for (const other of names) if (other !== name) f.DeleteSheet(other);
    const base = path.join(outDir, String(i + 1).padStart(2, "0"));
    writeFileSync(`${base}.xlsx`, writeToBytes(f));
    execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, `${base}.xlsx`], { stdio: "ignore" });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [`${base}.pdf`]).toString())?.[1]);
    total += pages;
    if (flags.includes("--png")) execFileSync("pdftoppm", ["-png", "-r", "100", "-f", "1", "-l", "2", `${base}.pdf`, base]);
    console.log(`${String(i + 1).padStart(2)}\t${pages}\t${name}`);
  }
  console.log(`total\t${total}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
