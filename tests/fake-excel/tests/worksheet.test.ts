/**
 * Worksheets ("Work with worksheets": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-worksheets).
 * Sheet-name rules: "Rename a worksheet" (https://support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9).
 */
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Data", rows: [["a", 1]] }, { name: "Other" }] } });
});
afterEach(() => host.uninstall());

async function addSheet(name: string | undefined): Promise<string> {
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add(name).load("name");
    await context.sync();
    return sheet.name;
  });
}

describe("worksheets.add and sheet-name rules", () => {
  test("add(name) appends a sheet and does not activate it; add() names it SheetN", async () => {
    expect(await addSheet("客户一览")).toBe("客户一览");
    expect(await addSheet(undefined)).toBe("Sheet4");
    expect(host.sheetNames()).toEqual(["Data", "Other", "客户一览", "Sheet4"]);
    expect(host.activeSheet()).toBe("Data");
  });

  test("a name of 31 characters is fine, 32 is InvalidArgument", async () => {
    expect(await addSheet("x".repeat(31))).toHaveLength(31);
    const error = await rejectsWith(addSheet("y".repeat(32)), "InvalidArgument");
    expect(error.message).toContain("31");
  });

  test.each(["a[b", "a]b", "a:b", "a*b", "a?b", "a/b", "a\\b", "'quoted", "trailing'", "History", "   "])(
    "the name %j is InvalidArgument",
    async (name) => {
      await rejectsWith(addSheet(name), "InvalidArgument");
    },
  );

  test("names are unique ignoring case: adding 'DATA' when 'Data' exists is ItemAlreadyExists", async () => {
    const error = await rejectsWith(addSheet("DATA"), "ItemAlreadyExists");
    expect(error.message).toContain("A resource with the same name or identifier already exists.");
  });

  test("renaming follows the same rules; a sheet may change the case of its own name", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Other").name = "data";
        await context.sync();
      }),
      "ItemAlreadyExists",
    );
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").name = "DATA";
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["DATA", "Other"]);
  });
});

describe("worksheet properties", () => {
  test("getItem is case-insensitive; name, position, visibility, tabColor and id load", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("other").load("name, position, visibility, tabColor, id");
      await context.sync();
      expect([sheet.name, sheet.position, sheet.visibility, sheet.tabColor]).toEqual(["Other", 1, "Visible", ""]);
      expect(sheet.id).toMatch(/^\{.+\}$/);
    });
  });

  test("position moves a sheet; tabColor is stored as #RRGGBB and '' clears it", async () => {
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem("Other");
      other.position = 0;
      other.tabColor = "orange";
      await context.sync();
    });
    expect(host.sheetNames()).toEqual(["Other", "Data"]);
    expect(host.sheet("Other")?.tabColor).toBe("#FFA500");
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").tabColor = "";
      await context.sync();
    });
    expect(host.sheet("Other")?.tabColor).toBe("");
  });

  test("the last visible sheet can be neither hidden nor deleted (InvalidOperation)", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").visibility = Excel.SheetVisibility.hidden;
      await context.sync();
    });
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").visibility = "VeryHidden";
        await context.sync();
      }),
      "InvalidOperation",
    );
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").delete();
        await context.sync();
      }),
      "InvalidOperation",
    );
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Other").activate();
        await context.sync();
      }),
      "InvalidOperation",
    );
  });

  test("delete removes the sheet, its tables and charts; objects still pointing at it fail with ItemNotFound", async () => {
    await Excel.run(async (context) => {
      const other = context.workbook.worksheets.getItem("Other");
      other.getRange("A1:B2").values = [["h1", "h2"], [1, 2]];
      other.tables.add("A1:B2", true).name = "T";
      await context.sync();
      other.delete();
      await context.sync();
      other.getRange("A1").values = [[1]];
      await rejectsWith(context.sync(), "ItemNotFound");
    });
    expect(host.sheetNames()).toEqual(["Data"]);
    expect(host.tables()).toEqual([]);
  });

  test("activate and getActiveWorksheet", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Other").activate();
      const active = context.workbook.worksheets.getActiveWorksheet().load("name");
      await context.sync();
      expect(active.name).toBe("Other");
    });
    expect(host.activeSheet()).toBe("Other");
  });

  test("getCount, getRangeByIndexes and getCell", async () => {
    await Excel.run(async (context) => {
      const count = context.workbook.worksheets.getCount();
      const sheet = context.workbook.worksheets.getItem("Data");
      const byIndexes = sheet.getRangeByIndexes(1, 2, 3, 4).load("address");
      const cell = sheet.getCell(0, 1).load("values");
      await context.sync();
      expect([count.value, byIndexes.address, cell.values]).toEqual([2, "Data!C2:F4", [[1]]]);
    });
  });
});

describe("freeze panes (https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes)", () => {
  test("freezeRows(1) freezes the header row; getLocationOrNullObject reports it; unfreeze clears it", async () => {
    await Excel.run(async (context) => {
      const panes = context.workbook.worksheets.getItem("Data").freezePanes;
      const none = panes.getLocationOrNullObject();
      await context.sync();
      expect(none.isNullObject).toBe(true);
      panes.freezeRows(1);
      const location = panes.getLocationOrNullObject().load("address");
      await context.sync();
      expect(location.address).toBe("Data!1:1");
    });
    expect(host.freeze("Data")).toEqual({ rows: 1, columns: 0, address: "1:1" });
  });

  test("freezeAt('B2') freezes two rows and two columns; freezeColumns replaces the split", async () => {
    await Excel.run(async (context) => {
      const panes = context.workbook.worksheets.getItem("Data").freezePanes;
      panes.freezeAt("A1:B2");
      await context.sync();
      expect(host.freeze("Data")).toEqual({ rows: 2, columns: 2, address: "A1:B2" });
      panes.freezeColumns(3);
      const location = panes.getLocation().load("address");
      await context.sync();
      expect(location.address).toBe("Data!A:C");
    });
  });
});

describe("protection", () => {
  test("a protected sheet refuses cell edits with AccessDenied; unprotect with the right password allows them again", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").protection.protect({ allowFormatCells: false }, "pw");
      await context.sync();
    });
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
        await context.sync();
      }),
      "AccessDenied",
    );
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").protection.unprotect("wrong");
        await context.sync();
      }),
      "BadPassword",
    );
    await Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Data").protection;
      protection.unprotect("pw");
      protection.load("protected");
      context.workbook.worksheets.getItem("Data").getRange("A1").values = [["x"]];
      await context.sync();
      expect(protection.protected).toBe(false);
    });
  });

  test("protect() and unprotect() can be repeated without error (office-js#6784 describes them as safe to call in any state)", async () => {
    await Excel.run(async (context) => {
      const protection = context.workbook.worksheets.getItem("Data").protection;
      protection.protect();
      protection.protect();
      protection.unprotect();
      protection.unprotect();
      await context.sync();
    });
  });
});

describe("autoFilter and page layout", () => {
  test("autoFilter.apply(range) turns filtering on for that range; remove() turns it off", async () => {
    await Excel.run(async (context) => {
      const filter = context.workbook.worksheets.getItem("Data").autoFilter;
      filter.apply("A1:B1");
      filter.load("enabled");
      const range = filter.getRange().load("address");
      await context.sync();
      expect([filter.enabled, range.address]).toEqual([true, "Data!A1:B1"]);
      filter.remove();
      await context.sync();
    });
    expect(host.sheet("Data")?.autoFilter()).toBeNull();
  });

  test("pageLayout.zoom takes a scale of 10–400 or pages to fit (ExcelApi 1.9)", async () => {
    expect(host.sheet("Data")?.pageLayout().zoom).toEqual({ scale: 100 });
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      await context.sync();
    });
    expect(host.sheet("Data")?.pageLayout().zoom).toEqual({ horizontalFitToPages: 1, verticalFitToPages: 0 });
    for (const bad of [{ scale: 5 }, { horizontalFitToPages: 1.5 }, { verticalFitToPages: -1 }, {}, { pages: 1 }] as Excel.PageLayoutZoomOptions[]) {
      await rejectsWith(
        Excel.run(async (context) => {
          context.workbook.worksheets.getItem("Data").pageLayout.zoom = bad;
          await context.sync();
        }),
        "InvalidArgument",
      );
    }
  });

  test("pageLayout.orientation takes PageOrientation values (ExcelApi 1.9)", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").pageLayout.orientation = Excel.PageOrientation.landscape;
      await context.sync();
    });
    expect(host.sheet("Data")?.pageLayout().orientation).toBe("Landscape");
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").pageLayout.orientation = "Sideways" as Excel.PageOrientation;
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("setPrintTitleRows/Columns take whole rows/columns only (PageLayout, ExcelApi 1.9: \"The range must span the entire row to be valid\")", async () => {
    await Excel.run(async (context) => {
      const layout = context.workbook.worksheets.getItem("Data").pageLayout;
      layout.setPrintTitleRows("$1:$3");
      layout.setPrintTitleColumns("A:B");
      await context.sync();
    });
    expect(host.sheet("Data")?.pageLayout()).toMatchObject({ printTitleRows: "$1:$3", printTitleColumns: "$A:$B" });
    for (const call of [(l: Excel.PageLayout) => l.setPrintTitleRows("A1:C3"), (l: Excel.PageLayout) => l.setPrintTitleColumns("A1:B9"), (l: Excel.PageLayout) => l.setPrintTitleRows("Other!1:2")]) {
      await rejectsWith(
        Excel.run(async (context) => {
          call(context.workbook.worksheets.getItem("Data").pageLayout);
          await context.sync();
        }),
        "InvalidArgument",
      );
    }
  });

  test("a footer (left + center + right, with &L&C&R) holds at most 255 characters (Excel specifications and limits; MS-OI29500 §2.1.633)", async () => {
    // 6 characters of &L&C&R + 200 + 49 = 255: accepted; one more is refused and the footer keeps its old text
    await Excel.run(async (context) => {
      const footer = context.workbook.worksheets.getItem("Data").pageLayout.headersFooters.defaultForAllPages;
      footer.leftFooter = "客".repeat(200);
      footer.centerFooter = "x".repeat(49);
      await context.sync();
    });
    expect(host.sheet("Data")?.pageLayout().headerFooter.centerFooter).toHaveLength(49);
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").pageLayout.headersFooters.defaultForAllPages.rightFooter = "&";
        await context.sync();
      }),
      "InvalidArgument",
    );
    expect(host.sheet("Data")?.pageLayout().headerFooter.rightFooter).toBe("");
  });

  test("margins are points, 0 or more", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Data").pageLayout.leftMargin = 21.6;
      await context.sync();
    });
    expect(host.sheet("Data")?.pageLayout().margins.left).toBe(21.6);
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Data").pageLayout.topMargin = -1;
        await context.sync();
      }),
      "InvalidArgument",
    );
  });
});
