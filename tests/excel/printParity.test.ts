/**
 * Every sheet ClientBook writes prints the same from both renderers (issue 15, Print): the output sheets of the
 * plan, the call list, the import errors and the client's copy of the review, rendered by Office.js (on the fake
 * host, which checks PageLayout as Excel does) and into a file (excelize, read back); and the book's seven tables,
 * set up in Excel and in the shipped template. Each must have A4, its orientation and fit, the rows it freezes as
 * print titles and the footer of src/sheets/print.ts — read back from each result, not from the rule.
 */
import { templateWorkbook } from "../../src/cli/commands/template";
import { tableLayout } from "../../src/book/layout";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGS, type Lang } from "../../src/domain/types";
import { setupBook } from "../../src/excel/setupBook";
import { sampleBook } from "../../src/sample";
import { assetReview, callList, callListEntries, importErrors, outputPlan } from "../../src/sheets";
import { printSetup, tablePrintSetup } from "../../src/sheets/print";
import { pageFooter } from "../../src/sheets/printText";
import type { SheetSpec } from "../../src/sheets/spec";
import { openBytes, type XlsxFile } from "../../src/xlsx/excelize";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { renderSheets } from "./renderHelpers";

const AS_OF = "2026-11-23";

/** What a printed sheet looks like, the same words for both renderers. */
interface PrintLook {
  paper: string;
  orientation: string;
  /** "1×0" pages wide × tall, or "70%". */
  fit: string;
  titleRows: string | null;
  titleColumns: string | null;
  footer: string;
}

function excelLook(host: FakeHost, sheet: string): PrintLook {
  const p = host.sheet(sheet)!.pageLayout();
  const z = p.zoom;
  const h = p.headerFooter;
  return {
    paper: p.paperSize,
    orientation: p.orientation.toLowerCase(),
    fit: z.scale !== undefined ? `${z.scale}%` : `${z.horizontalFitToPages}×${z.verticalFitToPages}`,
    titleRows: p.printTitleRows,
    titleColumns: p.printTitleColumns,
    footer: `&L${h.leftFooter}&C${h.centerFooter}&R${h.rightFooter}`,
  };
}

function fileLook(f: XlsxFile, sheet: string): PrintLook {
  const o = f.GetPageLayout(sheet).opts;
  const fits = f.GetSheetProps(sheet).props.FitToPage === true;
  const titles = f.GetDefinedName().definedNames.find((n) => n.Name === "_xlnm.Print_Titles" && n.Scope === sheet)?.RefersTo ?? "";
  const rows = /!\$(\d+):\$(\d+)/.exec(titles);
  const cols = /!\$([A-Z]+):\$([A-Z]+)/.exec(titles);
  return {
    paper: o.Size === 9 ? "A4" : `paper ${o.Size}`,
    orientation: o.Orientation ?? "portrait",
    fit: fits ? `${o.FitToWidth ?? 1}×${o.FitToHeight ?? 1}` : `${o.AdjustTo ?? 100}%`,
    titleRows: rows ? `$${rows[1]}:$${rows[2]}` : null,
    titleColumns: cols ? `$${cols[1]}:$${cols[2]}` : null,
    footer: f.GetHeaderFooter(sheet).opts.OddFooter ?? "",
  };
}

function specs(lang: Lang): SheetSpec[] {
  const book = sampleBook(AS_OF, lang);
  const plan = [...outputPlan(book, { asOf: AS_OF, lang, reviews: ["C0001"] }).specs()];
  const ids = book.clients.slice(0, 3).map((c) => c.clientId);
  return [
    ...plan,
    assetReview(book, { clientId: "C0002", asOf: AS_OF, lang, clientFacing: true }),
    callList(book, { asOf: AS_OF, lang, entries: callListEntries(book, ids, {}, AS_OF) }),
    importErrors({ errors: [{ table: "clients", sheet: "客户", row: 3, column: "生日", columnIndex: 3, value: "x", code: "badDate" }] }, { lang }),
  ];
}

describe.each(LANGS)("%s: both renderers print every sheet alike", (lang) => {
  test("output sheets (profile, coverage, calendar, Today, maturity ladder, review, client's review, call list, import errors)", async () => {
    const all = specs(lang);
    expect(new Set(all.map((s) => s.kind))).toEqual(new Set(["profile", "coverage", "calendar", "today", "ladder", "review", "calllist", "errors"]));
    const f = await openBytes(await renderSpecs(all));
    const host = installFakeOffice();
    try {
      await renderSheets(all, { lang });
      for (const spec of all) {
        const setup = printSetup(spec)!;
        const excel = excelLook(host, spec.name);
        expect({ sheet: spec.name, ...fileLook(f, spec.name) }).toEqual({ sheet: spec.name, ...excel });
        expect(excel.paper).toBe("A4");
        expect(excel.titleRows).toBe(setup.titleRows ? `$1:$${setup.titleRows.last}` : null);
        // the review handed to the client says nothing internal; every other sheet is marked confidential
        const footer = pageFooter(lang, spec.name === all[all.length - 3].name ? "client" : "internal");
        expect(excel.footer).toBe(`&L${footer.left}&C${footer.center}&R&A`);
      }
    } finally {
      host.uninstall();
    }
  }, 60_000);

  test("the book's tables: set up in Excel and in the template", async () => {
    const { bytes } = await templateWorkbook(lang);
    const f = await openBytes(bytes);
    const host = installFakeOffice();
    try {
      await setupBook(lang);
      for (const key of TABLE_KEYS) {
        const sheet = host.table(TABLES[key].tableName)!.sheet;
        const excel = excelLook(host, sheet);
        expect({ key, ...fileLook(f, sheet) }).toEqual({ key, ...excel });
        expect(excel).toMatchObject({ paper: "A4", orientation: tablePrintSetup(tableLayout(key, lang).columns.map((c) => c.width), lang).orientation, titleRows: "$1:$1" });
        expect(excel.footer).toBe(`&L${pageFooter(lang, "internal").left}&C${pageFooter(lang, "internal").center}&R&A`);
      }
      // Clients (24+ columns) is too wide for one page at 70 %: printed at 70 % with id and name repeated
      const clients = excelLook(host, host.table(TABLES.clients.tableName)!.sheet);
      expect(clients).toMatchObject({ orientation: "landscape", fit: "70%", titleColumns: "$A:$B" });
      // Contacts (six columns under Chinese headers) fits a portrait page: more rows to a page
      if (lang !== "en-US") expect(excelLook(host, host.table(TABLES.contacts.tableName)!.sheet)).toMatchObject({ orientation: "portrait", fit: "1×0" });
      expect(tablePrintSetup([10, 10], lang).fit).toEqual({ wide: 1, tall: 0 });
    } finally {
      host.uninstall();
    }
  }, 60_000);
});
