/**
 * The two ways a book's tables are made agree: set-up in Excel, table by table (src/excel/setupBook.ts, on the fake
 * host), and the shipped template file (`clientbook template`, the file webpack builds and set-up inserts) give
 * every table the same sheet, headers, number formats, drop-down lists, column widths and Settings rows — both
 * render src/book/layout.ts. Read back from each result, not from the layout, so a renderer that drifts fails here.
 */
import type { DataValidation } from "excelize-wasm";
import { tableLayout } from "../../src/book/layout";
import { TABLE_KEYS, TABLES, type TableKey } from "../../src/book/schema";
import { templateWorkbook } from "../../src/cli/commands/template";
import { LANGS, type Lang } from "../../src/domain/types";
import { setupBook } from "../../src/excel/setupBook";
import { charsToPoints } from "../../src/excel/queueFormat";
import { colName } from "../../src/sheets/a1";
import { openBytes } from "../../src/xlsx/excelize";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { installFakeOffice, type FakeHost } from "../fake-excel";

/** What a table looks like to the manager, per column. Widths in points (Excel's columnWidth unit). */
interface TableLook {
  sheet: string;
  headers: unknown[];
  formats: string[];
  lists: (string[] | null)[];
  widths: number[];
  rows: unknown[][];
}

/** Excel's literal list source "a,b,c" (Office.js) or formula "\"a,b,c\"" (the file) as its labels. */
function listItems(source: string): string[] {
  return source.replace(/^"|"$/g, "").split(",");
}

/** A data-validation range (A1, "F2:F1048576" or several, space-separated) covers column `col` (1-based) at row 2. */
function coversRow2(ranges: readonly string[], col: number): boolean {
  const letter = colName(col);
  return ranges.some((r) => r.split(/\s+/).some((part) => new RegExp(`^\\$?${letter}\\$?2(:|$)`).test(part.replace(/^.*!/, ""))));
}

async function excelLook(lang: Lang): Promise<Record<TableKey, TableLook>> {
  const host: FakeHost = installFakeOffice();
  try {
    await setupBook(lang); // no template offered: the tables are made one by one
    const out = {} as Record<TableKey, TableLook>;
    for (const key of TABLE_KEYS) {
      const t = host.table(TABLES[key].tableName)!;
      const sheet = host.sheet(t.sheet)!;
      const [header, ...rows] = host.getValues(t.sheet, t.address);
      const validations = host.validations(t.sheet);
      out[key] = {
        sheet: t.sheet,
        headers: header,
        formats: header.map((_, i) => host.getNumberFormat(t.sheet, `${colName(i + 1)}2`)[0][0]),
        lists: header.map((_, i) => {
          const v = validations.find((d) => d.type === "List" && coversRow2(d.ranges, i + 1));
          return v ? listItems(String((v.rule as { list: { source: string } }).list.source)) : null;
        }),
        widths: header.map((_, i) => sheet.columnWidth(colName(i + 1))),
        rows,
      };
    }
    return out;
  } finally {
    host.uninstall();
  }
}

async function fileLook(lang: Lang): Promise<Record<TableKey, TableLook>> {
  const { bytes } = await templateWorkbook(lang);
  const f = await openBytes(bytes);
  const { tables } = await readWorkbookTables(bytes);
  const out = {} as Record<TableKey, TableLook>;
  for (const key of TABLE_KEYS) {
    const t = tables.find((x) => x.tableName === TABLES[key].tableName)!;
    // excelize-wasm's typings say dataValidation; the object it returns has dataValidations
    const validations = (f.GetDataValidations(t.sheet) as unknown as { dataValidations: DataValidation[] | null }).dataValidations ?? [];
    const headers = t.table.headers;
    // an empty table's one blank row reads back as no row; Excel's reads back as a row of blanks
    const rows = t.table.rows.length > 0 ? t.table.rows.map((r) => headers.map((_, i) => r[i] ?? "")) : [headers.map(() => "")];
    out[key] = {
      sheet: t.sheet,
      headers,
      formats: headers.map((_, i) => {
        const style = f.GetStyle(f.GetCellStyle(t.sheet, `${colName(i + 1)}2`).style).style;
        return style?.CustomNumFmt || (style?.NumFmt ? `builtin ${style.NumFmt}` : "General");
      }),
      lists: headers.map((_, i) => {
        const v = validations.find((d) => d.Type === "list" && coversRow2([d.Sqref ?? ""], i + 1));
        return v ? listItems(v.Formula1 ?? "") : null;
      }),
      widths: headers.map((_, i) => charsToPoints(f.GetColWidth(t.sheet, colName(i + 1)).width)),
      rows,
    };
  }
  return out;
}

describe.each(LANGS)("%s: set-up in Excel and the shipped template lay the tables out alike", (lang) => {
  let excel: Record<TableKey, TableLook>;
  let file: Record<TableKey, TableLook>;
  beforeAll(async () => {
    excel = await excelLook(lang);
    file = await fileLook(lang);
  });

  test.each(TABLE_KEYS)("%s: sheet, headers, formats, drop-down lists, widths and rows", (key) => {
    expect(excel[key]).toEqual(file[key]);
  });

  test("what both show is the schema's, in the book's language", () => {
    // A sanity check that the comparison above compares something: headers and formats as the schema says.
    const clients = tableLayout("clients", lang);
    expect(excel.clients.headers).toEqual(TABLES.clients.columns.map((c) => c.headers[lang]));
    expect(excel.clients.formats).toEqual(clients.columns.map((c) => c.format ?? "General"));
    expect(excel.holdings.lists.filter((l) => l !== null).length).toBeGreaterThan(0);
    expect(excel.settings.rows.length).toBeGreaterThan(1);
  });
});
