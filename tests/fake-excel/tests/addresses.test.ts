/**
 * A1 addresses as Worksheet.getRange takes them and Range.address prints them
 * (https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-address-member: "Specifies the range
 * reference in A1-style. Address value contains the sheet reference (e.g., "Sheet1!A1:B4")").
 */
import { columnIndex, columnLetters, parseAddress, qualified, quoteSheetName, rectA1, subtract } from "../core/addresses";

describe("column letters", () => {
  test.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [701, "ZZ"],
    [702, "AAA"],
    [16383, "XFD"],
  ])("column %i is %s and back", (index, letters) => {
    expect(columnLetters(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });
});

describe("parsing addresses", () => {
  test("cells, areas, $ signs, whole columns and whole rows", () => {
    expect(parseAddress("B2")).toEqual({ rect: { r0: 1, c0: 1, r1: 1, c1: 1 } });
    expect(parseAddress("$B$2:D9")).toEqual({ rect: { r0: 1, c0: 1, r1: 8, c1: 3 } });
    expect(parseAddress("D9:B2")).toEqual({ rect: { r0: 1, c0: 1, r1: 8, c1: 3 } });
    expect(parseAddress("A:C")?.rect).toEqual({ r0: 0, c0: 0, r1: 1048575, c1: 2 });
    expect(parseAddress("2:3")?.rect).toEqual({ r0: 1, c0: 0, r1: 2, c1: 16383 });
  });

  test("sheet prefixes, quoted with doubled apostrophes", () => {
    expect(parseAddress("Sheet1!A1:B2")).toEqual({ sheet: "Sheet1", rect: { r0: 0, c0: 0, r1: 1, c1: 1 } });
    expect(parseAddress("'My Sheet'!A1")).toEqual({ sheet: "My Sheet", rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
    expect(parseAddress("'Bob''s'!C3")?.sheet).toBe("Bob's");
    expect(parseAddress("客户!A1")?.sheet).toBe("客户");
  });

  test("what is not an A1 reference, or is outside the sheet (XFD1048576 is the last cell), is rejected", () => {
    for (const bad of ["", "A", "A0", "XFE1", "A1048577", "Table1[Name]", "A1:B2:C3", "R1C1", "A1:", "MyName"]) {
      expect(parseAddress(bad)).toBeNull();
    }
    expect(parseAddress("XFD1048576")).not.toBeNull();
  });
});

describe("printing addresses like Range.address", () => {
  test("single cells, areas, whole columns, whole rows", () => {
    expect(rectA1({ r0: 0, c0: 0, r1: 0, c1: 0 })).toBe("A1");
    expect(rectA1({ r0: 1, c0: 1, r1: 8, c1: 3 })).toBe("B2:D9");
    expect(rectA1({ r0: 0, c0: 0, r1: 1048575, c1: 2 })).toBe("A:C");
    expect(rectA1({ r0: 1, c0: 0, r1: 2, c1: 16383 })).toBe("2:3");
  });

  test("sheet names are quoted when they are not plain names (spaces, punctuation, leading digit, cell-like)", () => {
    expect(qualified("Sheet1", { r0: 0, c0: 0, r1: 1, c1: 1 })).toBe("Sheet1!A1:B2");
    expect(qualified("My Sheet", { r0: 0, c0: 0, r1: 1, c1: 1 })).toBe("'My Sheet'!A1:B2");
    expect(quoteSheetName("Bob's")).toBe("'Bob''s'");
    expect(quoteSheetName("2024")).toBe("'2024'");
    expect(quoteSheetName("A1")).toBe("'A1'");
    expect(quoteSheetName("资产检视-李明")).toBe("'资产检视-李明'");
    expect(quoteSheetName("客户一览")).toBe("客户一览");
  });
});

describe("rectangle subtraction (clearing part of an area)", () => {
  test("a hole in the middle leaves four pieces covering the rest exactly", () => {
    const pieces = subtract({ r0: 0, c0: 0, r1: 9, c1: 9 }, { r0: 3, c0: 3, r1: 5, c1: 5 });
    const cells = pieces.reduce((n, p) => n + (p.r1 - p.r0 + 1) * (p.c1 - p.c0 + 1), 0);
    expect(pieces).toHaveLength(4);
    expect(cells).toBe(100 - 9);
  });
});
