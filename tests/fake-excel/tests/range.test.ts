/**
 * Excel.Range: values, formulas, text, number formats and formats.
 * Range reference: https://learn.microsoft.com/javascript/api/excel/excel.range
 * Set and get values: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-get-values
 * Blank and null values: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-blank-null-values
 */
import { HyperFormula } from "hyperformula";
import { type FakeHost, installFakeOffice } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
beforeEach(() => {
  host = installFakeOffice({ workbook: { sheets: [{ name: "Sheet1" }, { name: "My Sheet" }] } });
});
afterEach(() => host.uninstall());

async function write(address: string, values: unknown, sheet = "Sheet1"): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = values as any[][];
    await context.sync();
  });
}

async function read<K extends "values" | "formulas" | "text" | "numberFormat" | "valueTypes">(address: string, what: K, sheet = "Sheet1"): Promise<Excel.Range[K]> {
  return Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address).load(what);
    await context.sync();
    return range[what];
  });
}

describe("setting values behaves like typing (Range.values: a leading =, + or - makes a formula)", () => {
  test("'=…' stores a formula; values of a formula cell give its value, formulas give the formula text", async () => {
    await write("A1:B1", [[2, "=A1*3"]]);
    expect(host.sheet("Sheet1")?.cell("B1").formula).toBe("=A1*3");
    expect(await read("A1:B1", "formulas")).toEqual([[2, "=A1*3"]]);
  });

  test("the fake does not calculate: a formula reads as its seeded cached value, else 0", async () => {
    host.load({ sheets: [{ name: "Sheet1", cells: { A1: { formula: "=SUM(B1:B3)", value: 42 }, A2: { formula: "=1+1" } } }] });
    expect(await read("A1:A2", "values")).toEqual([[42], [0]]);
  });

  test("a formula engine can be plugged in through host.setFormulaEvaluator (here HyperFormula)", async () => {
    await write("A1:A4", [[1], [2], [3], ["=SUM(A1:A3)"]]);
    host.setFormulaEvaluator((formula, at) => {
      const hf = HyperFormula.buildFromArray(host.getFormulas("Sheet1", "A1:A4") as (string | number)[][], { licenseKey: "gpl-v3" });
      const value = hf.getCellValue({ sheet: 0, row: at.row, col: at.column });
      hf.destroy();
      return typeof value === "number" || typeof value === "string" || typeof value === "boolean" ? value : undefined;
    });
    expect(await read("A4", "values")).toEqual([[6]]);
    expect(await read("A4", "text")).toEqual([["6"]]);
  });

  test("number-like strings become numbers (\"00123\" → 123), TRUE/FALSE booleans, ISO dates date serials with a date format", async () => {
    await write("A1:F1", [["00123", "-5", "1,234.5", "true", "2024-03-05", "12.5%"]]);
    expect(await read("A1:F1", "values")).toEqual([[123, -5, 1234.5, true, 45356, 0.125]]);
    expect(await read("A1:F1", "text")).toEqual([["123", "-5", "1,234.50", "TRUE", "2024-03-05", "12.5%"]]);
    expect(await read("A1:F1", "valueTypes")).toEqual([["Double", "Double", "Double", "Boolean", "Double", "Double"]]);
  });

  test("a leading + or - on text makes a formula: a phone like +86 138… is not kept as text", async () => {
    await write("A1:B1", [["+86 13812345678", "-abc"]]);
    expect(await read("A1:B1", "formulas")).toEqual([["=+86 13812345678", "=-abc"]]);
  });

  test("a leading apostrophe stores the rest as text (quote prefix); values and formulas read it without the apostrophe (office-js#6687)", async () => {
    await write("A1:C1", [["'=SUM(A1)", "'00123", "'+86 138"]]);
    expect(await read("A1:C1", "values")).toEqual([["=SUM(A1)", "00123", "+86 138"]]);
    expect(await read("A1:C1", "formulas")).toEqual([["=SUM(A1)", "00123", "+86 138"]]);
    expect(host.sheet("Sheet1")?.cell("A1")).toMatchObject({ quotePrefix: true, value: "=SUM(A1)" });
    expect(host.sheet("Sheet1")?.cell("A1").formula).toBeUndefined();
    expect(await read("A1:C1", "valueTypes")).toEqual([["String", "String", "String"]]);
  });

  test("cells formatted as Text (@) keep strings as typed, '=…' included", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B1");
      range.numberFormat = [["@", "@"]];
      range.values = [["=1+1", "00123"]];
      await context.sync();
    });
    expect(await read("A1:B1", "values")).toEqual([["=1+1", "00123"]]);
    expect(host.sheet("Sheet1")?.cell("A1").formula).toBeUndefined();
  });

  test("null leaves a cell unchanged, \"\" clears it (Blank and null values)", async () => {
    await write("A1:C1", [[1, 2, 3]]);
    await write("A1:C1", [[null, "", 9]]);
    expect(await read("A1:C1", "values")).toEqual([[1, "", 9]]);
    expect(host.sheet("Sheet1")?.usedAddress(true)).toBe("A1:C1");
  });

  test("one value (not an array) fills every cell of the range", async () => {
    await write("A1:B2", "x");
    expect(await read("A1:B2", "values")).toEqual([["x", "x"], ["x", "x"]]);
  });

  test("a 2-D array of another size is InvalidArgument at sync, with Excel's message", async () => {
    const error = await rejectsWith(write("A1:B2", [[1, 2, 3]]), "InvalidArgument");
    expect(error.message).toContain("The number of rows or columns in the input array doesn't match the size or dimensions of the range");
    expect(error.message).toContain("Sheet1!A1:B2 (2×2) got 1×3");
    await rejectsWith(write("A1", [1]), "InvalidArgument");
    await rejectsWith(write("A1", null), "InvalidArgument");
  });

  test("objects and NaN are not cell values (InvalidArgument)", async () => {
    await rejectsWith(write("A1", [[{ a: 1 }]]), "InvalidArgument");
    await rejectsWith(write("A1", [[Number.NaN]]), "InvalidArgument");
  });
});

describe("text and numberFormat", () => {
  test("Range.text follows the number format: grouping, decimals, percent, currency literals, dates, negative sections", async () => {
    await write("A1:F1", [[1234.5, 0.256, 1234567, 45356, -42, 3]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:F1").numberFormat = [
        ["#,##0.00", "0.0%", '"¥"#,##0', "yyyy-mm-dd", "0;(0)", "[$$-409]0.00"],
      ];
      await context.sync();
    });
    expect(await read("A1:F1", "text")).toEqual([["1,234.50", "25.6%", "¥1,234,567", "2024-03-05", "(42)", "$3.00"]]);
    expect(await read("A1:F1", "numberFormat")).toEqual([["#,##0.00", "0.0%", '"¥"#,##0', "yyyy-mm-dd", "0;(0)", "[$$-409]0.00"]]);
  });

  test("null in a numberFormat array leaves that cell's format; \"\" resets it to General", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.numberFormat = [["0.00", "0.00", "0.00"]];
      await context.sync();
      range.numberFormat = [[null, "", "0%"]];
      await context.sync();
    });
    expect(await read("A1:C1", "numberFormat")).toEqual([["0.00", "General", "0%"]]);
  });

  test("General shows integers as written and other numbers to about ten significant digits", async () => {
    await write("A1:C1", [[7.5, 1 / 3, 123456789012]]);
    expect(await read("A1:C1", "text")).toEqual([["7.5", "0.333333333", "1.23457E+11"]]);
  });
});

describe("range geometry and derived ranges", () => {
  test("address (quoted sheet names), rowCount, columnCount, rowIndex, columnIndex, cellCount", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("My Sheet").getRange("B2:D9").load("address, rowCount, columnCount, rowIndex, columnIndex, cellCount");
      await context.sync();
      expect(range.toJSON()).toEqual({ address: "'My Sheet'!B2:D9", rowCount: 8, columnCount: 3, rowIndex: 1, columnIndex: 1, cellCount: 24 });
    });
  });

  test("getCell, getOffsetRange, getResizedRange, getRow, getColumn, getLastRow, getEntireColumn, getBoundingRect, getIntersection", async () => {
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Sheet1").getRange("B2:D5");
      const results = [
        base.getCell(1, 2),
        base.getOffsetRange(1, -1),
        base.getResizedRange(2, -1),
        base.getRow(3),
        base.getColumn(0),
        base.getLastRow(),
        base.getEntireColumn(),
        base.getBoundingRect("F7"),
        base.getIntersection("C4:Z9"),
        base.getRowsBelow(2),
      ].map((r) => r.load("address"));
      await context.sync();
      expect(results.map((r) => r.address)).toEqual([
        "Sheet1!D3",
        "Sheet1!A3:C6",
        "Sheet1!B2:C7",
        "Sheet1!B5:D5",
        "Sheet1!B2:B5",
        "Sheet1!B5:D5",
        "Sheet1!B:D",
        "Sheet1!B2:F7",
        "Sheet1!C4:D5",
        "Sheet1!B6:D7",
      ]);
    });
  });

  test("getIntersectionOrNullObject of disjoint ranges is a null object; getIntersection is ItemNotFound", async () => {
    await Excel.run(async (context) => {
      const base = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      const none = base.getIntersectionOrNullObject("D4");
      await context.sync();
      expect(none.isNullObject).toBe(true);
      base.getIntersection("D4");
      await rejectsWith(context.sync(), "ItemNotFound");
    });
  });

  test("a derived range outside the sheet is InvalidArgument; an address naming another sheet is InvalidArgument", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").getOffsetRange(-1, 0).load("address");
        await context.sync();
      }),
      "InvalidArgument",
    );
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("'My Sheet'!A1").load("address");
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("getUsedRange(valuesOnly) ignores format-only cells; an empty sheet's used range is A1, the OrNullObject form is null", async () => {
    await write("B2:C3", [[1, 2], [3, 4]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("E9").format.fill.color = "yellow";
      const all = sheet.getUsedRange().load("address");
      const values = sheet.getUsedRange(true).load("address");
      const empty = context.workbook.worksheets.getItem("My Sheet").getUsedRange().load("address");
      const none = context.workbook.worksheets.getItem("My Sheet").getUsedRangeOrNullObject();
      await context.sync();
      expect([all.address, values.address, empty.address, none.isNullObject]).toEqual(["Sheet1!B2:E9", "Sheet1!B2:C3", "'My Sheet'!A1", true]);
    });
  });
});

describe("editing: merge, clear, delete, insert, select", () => {
  test("merge keeps the upper-left value only; unmerge removes the area", async () => {
    await write("A1:B1", [["keep", "lost"]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").merge();
      await context.sync();
    });
    expect(host.sheet("Sheet1")?.merges()).toEqual(["A1:B2"]);
    expect(host.getValues("Sheet1", "A1:B1")).toEqual([["keep", ""]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").unmerge();
      await context.sync();
    });
    expect(host.sheet("Sheet1")?.merges()).toEqual([]);
  });

  test("merge(true) merges each row separately", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2").merge(true);
      await context.sync();
    });
    expect(host.sheet("Sheet1")?.merges()).toEqual(["A1:C1", "A2:C2"]);
  });

  test("clear('Contents') keeps formats, clear('Formats') keeps values, clear() removes both", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.values = [[1, 2, 3]];
      range.format.font.bold = true;
      await context.sync();
      range.getCell(0, 0).clear("Contents");
      range.getCell(0, 1).clear(Excel.ClearApplyTo.formats);
      range.getCell(0, 2).clear();
      await context.sync();
    });
    const sheet = host.sheet("Sheet1");
    expect(sheet?.values("A1:C1")).toEqual([["", 2, ""]]);
    expect([sheet?.format("A1").font.bold, sheet?.format("B1").font.bold, sheet?.format("C1").font.bold]).toEqual([true, false, false]);
  });

  test("delete('Up') pulls cells below up; insert('Down') pushes them down", async () => {
    await write("A1:A4", [[1], [2], [3], [4]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A2").delete("Up");
      await context.sync();
      sheet.getRange("A1").insert("Down");
      await context.sync();
    });
    expect(host.getValues("Sheet1", "A1:A4")).toEqual([[""], [1], [3], [4]]);
  });

  test("select() changes the selection and the active sheet; getSelectedRange reads it back", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("My Sheet").getRange("C3:D4").select();
      const selected = context.workbook.getSelectedRange().load("address");
      await context.sync();
      expect(selected.address).toBe("'My Sheet'!C3:D4");
    });
    expect(host.activeSheet()).toBe("My Sheet");
  });
});

describe("formats (Set range format: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-ranges-set-format)", () => {
  test("font, fill, alignment and wrap are stored per cell; colors read back as #RRGGBB, named colors included", async () => {
    await Excel.run(async (context) => {
      const format = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").format;
      format.font.bold = true;
      format.font.italic = true;
      format.font.color = "white";
      format.font.size = 14;
      format.font.name = "Microsoft YaHei";
      format.fill.color = "#4472c4";
      format.horizontalAlignment = "Center";
      format.verticalAlignment = Excel.VerticalAlignment.top;
      format.wrapText = true;
      await context.sync();
      const font = format.font.load("bold, color, size, name");
      const fill = format.fill.load("color");
      format.load("horizontalAlignment, wrapText");
      await context.sync();
      expect([font.bold, font.color, font.size, font.name, fill.color, format.horizontalAlignment, format.wrapText]).toEqual([
        true,
        "#FFFFFF",
        14,
        "Microsoft YaHei",
        "#4472C4",
        "Center",
        true,
      ]);
    });
    expect(host.getFormat("Sheet1", "B2")).toMatchObject({ font: { bold: true, italic: true, color: "#FFFFFF" }, fill: "#4472C4", verticalAlignment: "Top" });
  });

  test("a format property over cells that differ reads null (\"Blank and null values\")", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1").format.font.bold = true;
      const font = sheet.getRange("A1:A2").format.font.load("bold");
      await context.sync();
      expect(font.bold).toBeNull();
    });
  });

  test("fill.clear() removes the fill (reads #FFFFFF like an unfilled cell)", async () => {
    await Excel.run(async (context) => {
      const fill = context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill;
      fill.color = "red";
      fill.clear();
      fill.load("color");
      await context.sync();
      expect(fill.color).toBe("#FFFFFF");
    });
    expect(host.getFormat("Sheet1", "A1").fill).toBeNull();
  });

  test("an unknown color is InvalidArgument", async () => {
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1").format.fill.color = "not-a-color";
        await context.sync();
      }),
      "InvalidArgument",
    );
  });

  test("formatting whole columns applies to cells written later in those columns (column formats)", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B:B").numberFormat = "0.00" as unknown as any[][];
      sheet.getRange("B:B").format.font.bold = true;
      sheet.getRange("B7").values = [[3]];
      const text = sheet.getRange("B7").load("text");
      await context.sync();
      expect(text.text).toEqual([["3.00"]]);
    });
    expect(host.getFormat("Sheet1", "B100").font.bold).toBe(true);
  });

  test("columnWidth and rowHeight in points (default 48 and 15); autofitColumns fits text, CJK characters count double", async () => {
    await write("A1:B1", [["abcdefgh", "客户经理客户经理"]]);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      const before = sheet.getRange("C1").format.load("columnWidth, rowHeight");
      await context.sync();
      expect([before.columnWidth, before.rowHeight]).toEqual([48, 15]);
      sheet.getRange("A1:B1").format.autofitColumns();
      sheet.getRange("C1:D1").format.columnWidth = 100;
      sheet.getRange("A3").format.rowHeight = 30;
      await context.sync();
    });
    const sheet = host.sheet("Sheet1");
    const a = sheet?.columnWidth("A") ?? 0;
    const b = sheet?.columnWidth("B") ?? 0;
    expect(a).toBeCloseTo((8 * 7 + 10) * 0.75, 1);
    expect(b).toBeCloseTo((16 * 7 + 10) * 0.75, 1);
    expect(b).toBeGreaterThan(a * 1.5);
    expect([sheet?.columnWidth("C"), sheet?.columnWidth("D"), sheet?.rowHeight(3)]).toEqual([100, 100, 30]);
  });

  test("borders: edges and inside lines of the range, style/color/weight; uneven borders read null", async () => {
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C3");
      const bottom = range.format.borders.getItem("EdgeBottom");
      bottom.style = "Continuous";
      bottom.color = "#FF0000";
      bottom.weight = "Thick";
      range.format.borders.getItem(Excel.BorderIndex.insideHorizontal).style = "Dash";
      await context.sync();
      const top = range.format.borders.getItem("EdgeTop").load("style");
      const all = context.workbook.worksheets.getItem("Sheet1").getRange("B2:C4").format.borders.getItem("InsideHorizontal").load("style");
      await context.sync();
      expect(top.style).toBe("None");
      expect(all.style).toBeNull();
    });
    const fmt = host.getFormat("Sheet1", "B3");
    expect(fmt.borders.bottom).toEqual({ style: "Continuous", color: "#FF0000", weight: "Thick" });
    expect(fmt.borders.top).toEqual({ style: "Dash", color: "#000000", weight: "Thin" });
    expect(host.getFormat("Sheet1", "B4").borders.top).toEqual({ style: "Continuous", color: "#FF0000", weight: "Thick" });
  });

  test("formats and borders on the whole sheet: getRange() formats every cell, clear('Formats') removes all of it", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("B2").format.borders.getItem("EdgeTop").style = "Continuous";
      sheet.getRange().format.font.name = "SimSun";
      sheet.getRange("C3").values = [["x"]];
      const font = sheet.getRange().format.font.load("name");
      await context.sync();
      expect(font.name).toBe("SimSun");
      expect(host.getFormat("Sheet1", "XFD1048576").font.name).toBe("SimSun");
      sheet.getRange().clear("Formats");
      await context.sync();
    });
    expect(host.getFormat("Sheet1", "C3").font.name).toBe("Aptos Narrow");
    expect(host.getFormat("Sheet1", "B2").borders.top).toBeNull();
    expect(host.getValues("Sheet1", "C3")).toEqual([["x"]]);
  });

  test("range.set({...}) sets nested format properties in one call", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").set({ values: [["t"]], format: { font: { bold: true }, fill: { color: "yellow" } } });
      await context.sync();
    });
    expect(host.getFormat("Sheet1", "A1")).toMatchObject({ font: { bold: true }, fill: "#FFFF00" });
    expect(host.getValues("Sheet1", "A1")).toEqual([["t"]]);
  });

  test("row and column hiding", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("2:3").rowHidden = true;
      context.workbook.worksheets.getItem("Sheet1").getRange("C:C").columnHidden = true;
      const r = context.workbook.worksheets.getItem("Sheet1").getRange("A2:A3").load("rowHidden");
      await context.sync();
      expect(r.rowHidden).toBe(true);
    });
    expect(host.sheet("Sheet1")?.rowHeight(2)).toBe(0);
    expect(host.sheet("Sheet1")?.columnWidth("C")).toBe(0);
  });
});
