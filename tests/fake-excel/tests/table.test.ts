/**
 * Tables ("Work with tables": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-tables;
 * TableCollection.add / Table.resize remarks in @types/office-js). Table data lives in the sheet's cells.
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({
    workbook: {
      sheets: [
        { name: "Clients", rows: [["Id", "Name", "Amount"], ["C1", "Li", 100], ["C2", "Wang", 200]] },
        { name: "Other", rows: [["x", "", "x"], [1, 2, 3]] },
      ],
    },
  });
});
afterEach(() => host.uninstall());

async function addTable(sheet: string, address: string, hasHeaders: boolean, name?: string): Promise<void> {
  await Excel.run(async (context) => {
    const table = context.workbook.worksheets.getItem(sheet).tables.add(address, hasHeaders);
    if (name) table.name = name;
    await context.sync();
  });
}

describe("tables.add(address, hasHeaders)", () => {
  test("header names come from the header cells; the table covers the address", async () => {
    await addTable("Clients", "A1:C3", true, "ClientsTable");
    expect(host.table("ClientsTable")).toMatchObject({
      sheet: "Clients",
      address: "Clients!A1:C3",
      headerAddress: "Clients!A1:C1",
      dataAddress: "Clients!A2:C3",
      columns: ["Id", "Name", "Amount"],
      rowCount: 2,
      style: "TableStyleMedium2",
    });
  });

  test("blank headers become ColumnN and repeated ones get a number, written back into the cells", async () => {
    await addTable("Other", "A1:C2", true);
    expect(host.tables()[0].columns).toEqual(["x", "Column2", "x2"]);
    expect(host.getValues("Other", "A1:C1")).toEqual([["x", "Column2", "x2"]]);
    expect(host.tables()[0].name).toBe("Table1");
  });

  test("hasHeaders false: Excel generates a header row and shifts the data down one row", async () => {
    await addTable("Other", "A2:C2", false, "NoHead");
    expect(host.table("NoHead")).toMatchObject({ address: "Other!A2:C3", columns: ["Column1", "Column2", "Column3"] });
    expect(host.getValues("Other", "A1:C3")).toEqual([["x", "", "x"], ["Column1", "Column2", "Column3"], [1, 2, 3]]);
  });

  test("a one-row range with headers gets one empty data row", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.add("New");
      sheet.getRange("A1:B1").values = [["k", "v"]];
      sheet.tables.add("A1:B1", true).name = "Empty";
      await context.sync();
    });
    expect(host.table("Empty")).toMatchObject({ address: "New!A1:B2", rowCount: 1 });
  });

  test("a table overlapping another is InvalidArgument with Excel's message (office-js-docs#417)", async () => {
    await addTable("Clients", "A1:C3", true);
    const error = await rejectsWith(addTable("Clients", "C3:D4", true), "InvalidArgument");
    expect(error.message).toContain("A table cannot overlap a range that contains a PivotTable report, query results, protected cells or another table.");
    expect(error.debugInfo.errorLocation).toBe("TableCollection.add");
  });

  test("workbook.tables.add takes a sheet-qualified address", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.add("Clients!A1:C3", true).name = "ViaWorkbook";
      await context.sync();
    });
    expect(host.table("ViaWorkbook")?.sheet).toBe("Clients");
  });
});

describe("table names (\"Rename an Excel table\"; duplicates are InvalidArgument per office-js#551)", () => {
  test.each(["1abc", "has space", "A1", "R1C1", "C", "a-b", ""])("%j is not a valid table name", async (name) => {
    await addTable("Clients", "A1:C3", true);
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Table1").name = name;
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("letters (CJK too), underscore, backslash, digits and periods are fine", async () => {
    await addTable("Clients", "A1:C3", true, "客户_2024.v1");
    await addTable("Other", "A1:C2", true, "\\x");
    expect(host.tables().map((t) => t.name)).toEqual(["客户_2024.v1", "\\x"]);
  });

  test("names are unique in the whole workbook, ignoring case", async () => {
    await addTable("Clients", "A1:C3", true, "Clients");
    await rejectsWith(addTable("Other", "A1:C2", true, "CLIENTS"), "InvalidArgument");
  });
});

describe("finding tables", () => {
  beforeEach(async () => {
    await addTable("Clients", "A1:C3", true, "ClientsTable");
  });

  test("getItem of a missing table is ItemNotFound; getItemOrNullObject gives a null object", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("Nope").load("name");
        await context.sync();
      }),
      "ItemNotFound",
    );
    await Excel.run(async (context) => {
      const none = context.workbook.tables.getItemOrNullObject("Nope");
      const found = context.workbook.tables.getItemOrNullObject("clientstable");
      await context.sync();
      expect([none.isNullObject, found.isNullObject]).toEqual([true, false]);
    });
  });

  test("worksheet.tables only sees its own sheet; workbook.tables sees all", async () => {
    await Excel.run(async (context) => {
      const onOther = context.workbook.worksheets.getItem("Other").tables.getItemOrNullObject("ClientsTable");
      const all = context.workbook.tables.load("items/name");
      const count = context.workbook.tables.getCount();
      await context.sync();
      expect(onOther.isNullObject).toBe(true);
      expect(all.items.map((t) => t.name)).toEqual(["ClientsTable"]);
      expect(count.value).toBe(1);
    });
  });

  test("getRange, getHeaderRowRange, getDataBodyRange and getTotalRowRange", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("ClientsTable");
      const ranges = [table.getRange(), table.getHeaderRowRange(), table.getDataBodyRange()].map((r) => r.load("address, values"));
      await context.sync();
      expect(ranges.map((r) => r.address)).toEqual(["Clients!A1:C3", "Clients!A1:C1", "Clients!A2:C3"]);
      expect(ranges[1].values).toEqual([["Id", "Name", "Amount"]]);
      table.getTotalRowRange();
      await rejectsWith(context.sync(), "ItemNotFound");
    });
  });
});

describe("rows", () => {
  beforeEach(async () => {
    await addTable("Clients", "A1:C3", true, "T");
  });

  test("rows.add(null, values) appends; the table grows and the values land in the sheet's cells", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.rows.add(null as unknown as undefined, [["C3", "Zhao", 300], ["C4", "=1", "'007"]]);
      const count = table.rows.getCount();
      await context.sync();
      expect(count.value).toBe(4);
    });
    expect(host.table("T")?.address).toBe("Clients!A1:C5");
    expect(host.getValues("Clients", "A4:C5")).toEqual([["C3", "Zhao", 300], ["C4", 0, "007"]]);
  });

  test("rows.add checks the shape: values must be n × the table's column count", async () => {
    const error = await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").rows.add(undefined, [["only", "two"]]);
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(error.message).toContain("n×3");
  });

  test("rows.add(index, …) inserts inside the table and pushes later rows down", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").rows.add(0, [["C0", "First", 1]]);
      await context.sync();
    });
    expect(host.getValues("Clients", "A2:A4")).toEqual([["C0"], ["C1"], ["C2"]]);
  });

  test("new rows take the formats of the last data row (Excel extends a table's formatting)", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.getItem("Amount").getDataBodyRange().numberFormat = [["#,##0.00"], ["#,##0.00"]];
      table.rows.add(undefined, [["C3", "Zhao", 1234]]);
      await context.sync();
    });
    expect(host.getText("Clients", "C4")).toEqual([["1,234.00"]]);
  });

  test("new rows also take the column's data validation and its conditional formats grow over them", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      const amount = table.columns.getItem("Amount").getDataBodyRange();
      amount.dataValidation.rule = { decimal: { formula1: 0, operator: "GreaterThanOrEqualTo" } };
      amount.conditionalFormats.add("Custom").custom.rule.formula = "=C2<0";
      table.rows.add(undefined, [["C3", "Zhao", 1]]);
      await context.sync();
      table.getDataBodyRange().getRowsBelow(1).values = [["C4", "Qian", 2]];
      await context.sync();
    });
    expect(host.validations("Clients")[0].ranges).toEqual(["Clients!C2:C5"]);
    expect(host.conditionalFormats("Clients")[0].ranges).toEqual(["Clients!C2:C5"]);
  });

  test("rows.items carry each row's values; a TableRow can be deleted", async () => {
    await Excel.run(async (context) => {
      const rows = context.workbook.tables.getItem("T").rows.load("items/values, items/index");
      await context.sync();
      expect(rows.items.map((r) => [r.index, r.values])).toEqual([
        [0, [["C1", "Li", 100]]],
        [1, [["C2", "Wang", 200]]],
      ]);
      rows.items[0].delete();
      await context.sync();
    });
    expect(host.table("T")?.address).toBe("Clients!A1:C2");
    expect(host.getValues("Clients", "A2:A3")).toEqual([["C2"], [""]]);
  });

  test("writing into the row just below a table extends it (the table expands automatically)", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").getDataBodyRange().getRowsBelow(1).values = [["C3", "Sun", 5]];
      await context.sync();
    });
    expect(host.table("T")).toMatchObject({ address: "Clients!A1:C4", rowCount: 3 });
  });
});

describe("columns", () => {
  beforeEach(async () => {
    await addTable("Clients", "A1:C3", true, "T");
  });

  test("columns.add(null, values, name) appends a column; values include the header row", async () => {
    await Excel.run(async (context) => {
      const columns = context.workbook.tables.getItem("T").columns;
      columns.add(null as unknown as undefined, [["Tier"], ["A"], ["B"]]);
      columns.add(undefined, undefined, "Notes");
      await context.sync();
    });
    expect(host.table("T")).toMatchObject({ address: "Clients!A1:E3", columns: ["Id", "Name", "Amount", "Tier", "Notes"] });
    expect(host.getValues("Clients", "D1:E3")).toEqual([["Tier", "Notes"], ["A", ""], ["B", ""]]);
  });

  test("columns.add checks the height of values (header + data rows)", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").columns.add(undefined, [["Tier"], ["A"]]);
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("getItem by name or id; getItemOrNullObject; items with names and indexes", async () => {
    await Excel.run(async (context) => {
      const columns = context.workbook.tables.getItem("T").columns;
      const byName = columns.getItem("amount").load("name, index, id, values");
      const missing = columns.getItemOrNullObject("Nope");
      const all = columns.load("items/name");
      await context.sync();
      expect([byName.name, byName.index, byName.values]).toEqual(["Amount", 2, [["Amount"], [100], [200]]]);
      const byId = columns.getItem(byName.id).load("name");
      await context.sync();
      expect(byId.name).toBe("Amount");
      expect(missing.isNullObject).toBe(true);
      expect(all.items.map((c) => c.name)).toEqual(["Id", "Name", "Amount"]);
    });
  });

  test("renaming a column rewrites its header cell; writing a header cell renames the column", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.columns.getItem("Name").name = "姓名";
      table.getHeaderRowRange().getCell(0, 2).values = [[""]];
      await context.sync();
    });
    expect(host.table("T")?.columns).toEqual(["Id", "姓名", "Column3"]);
    expect(host.getValues("Clients", "B1")).toEqual([["姓名"]]);
  });

  test("a column can be deleted; its cells go and the table narrows", async () => {
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").columns.getItem("Name").delete();
      await context.sync();
    });
    expect(host.table("T")).toMatchObject({ address: "Clients!A1:B3", columns: ["Id", "Amount"] });
    expect(host.getValues("Clients", "A1:C1")).toEqual([["Id", "Amount", ""]]);
  });
});

describe("resize, options, delete", () => {
  beforeEach(async () => {
    await addTable("Clients", "A1:C3", true, "T");
  });

  test("resize (ExcelApi 1.13) grows the table; new header cells name the new columns", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Clients").getRange("D1:D2").values = [["Tier"], ["A"]];
      context.workbook.tables.getItem("T").resize("A1:D4");
      await context.sync();
    });
    expect(host.table("T")).toMatchObject({ address: "Clients!A1:D4", columns: ["Id", "Name", "Amount", "Tier"], rowCount: 3 });
  });

  test("resize must keep the header row and overlap the table (InvalidArgument otherwise)", async () => {
    for (const address of ["A2:C5", "E1:F3"]) {
      await rejectsWith(
        Excel.run(async (context) => {
          context.workbook.tables.getItem("T").resize(address);
          await context.sync();
        }),
        "InvalidArgument",
      );
    }
  });

  test("resize is ApiNotFound on an ExcelApi 1.12 host", async () => {
    host.setSupported({ ExcelApi: "1.12" });
    await Excel.run(async (context) => {
      expect(() => context.workbook.tables.getItem("T").resize("A1:D4")).toThrow(/ExcelApi 1.13/);
    });
  });

  test("showTotals adds a totals row below; style accepts built-in names only", async () => {
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.showTotals = true;
      table.style = "TableStyleLight9";
      const total = table.getTotalRowRange().load("address");
      await context.sync();
      expect(total.address).toBe("Clients!A4:C4");
    });
    expect(host.table("T")).toMatchObject({ style: "TableStyleLight9", totalAddress: "Clients!A4:C4", rowCount: 2 });
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.tables.getItem("T").style = "Fancy";
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("delete() removes the table and its cells; convertToRange() keeps the cells", async () => {
    await addTable("Other", "A1:C2", true, "U");
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").delete();
      context.workbook.tables.getItem("U").convertToRange();
      await context.sync();
    });
    expect(host.tables()).toEqual([]);
    expect(host.sheet("Clients")?.usedAddress()).toBeNull();
    expect(host.getValues("Other", "A2:C2")).toEqual([[1, 2, 3]]);
  });
});

describe("header row on and off", () => {
  test("showHeaders false removes the header row from the table (names are kept); true brings it back above", async () => {
    await addTable("Clients", "A1:C3", true, "T");
    await Excel.run(async (context) => {
      context.workbook.tables.getItem("T").showHeaders = false;
      await context.sync();
    });
    expect(host.table("T")).toMatchObject({ address: "Clients!A2:C3", headerAddress: null, columns: ["Id", "Name", "Amount"] });
    expect(host.getValues("Clients", "A1")).toEqual([[""]]);
    await Excel.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      table.showHeaders = true;
      const header = table.getHeaderRowRange().load("values");
      await context.sync();
      expect(header.values).toEqual([["Id", "Name", "Amount"]]);
    });
  });
});
