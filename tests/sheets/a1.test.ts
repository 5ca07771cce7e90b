import {
  absCell, absColumn, absRange, cellName, colName, colNumber, parseCell, parseRange, qualifiedRange, rangeA1, rangeName, rangesOverlap,
} from "../../src/sheets/a1";
import {
  MAX_SHEET_NAME, fitSheetName, isValidSheetName, sanitizeSheetName, sheetNameKey, truncateUnits, uniqueSheetNames,
} from "../../src/sheets/names";
import { calendarSheetName, clientReviewSheetName, reviewSheetName } from "../../src/sheets/sheetNames";

describe("A1 helpers", () => {
  test("column letters both ways, at the edges of the alphabet and the grid", () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16384].map(colName)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"]);
    for (const n of [1, 26, 27, 702, 703, 16384]) expect(colNumber(colName(n))).toBe(n);
    expect(colNumber("xfd")).toBe(16384);
    expect(colNumber("XFE")).toBeUndefined();
    expect(() => colName(0)).toThrow(RangeError);
    expect(() => colName(16385)).toThrow(/outside/);
  });

  test("cells, absolute references and ranges", () => {
    expect(cellName(2, 3)).toBe("B3");
    expect(absCell(2, 3)).toBe("$B$3");
    expect(absCell(2, 3, true, false)).toBe("$B3");
    expect(rangeA1(1, 2, 3, 9)).toBe("A2:C9");
    expect(rangeA1(4, 4, 4, 4)).toBe("D4");
    expect(absRange(1, 2, 3, 9)).toBe("$A$2:$C$9");
    expect(absColumn(4, 13, 32)).toBe("$D$13:$D$32");
    expect(parseCell("$B$3")).toEqual({ col: 2, row: 3 });
    expect(parseCell("B0")).toBeUndefined();
    expect(parseRange("C4:A1")).toEqual({ top: 1, left: 1, bottom: 4, right: 3 });
    expect(rangeName({ top: 1, left: 1, bottom: 4, right: 3 }, true)).toBe("$A$1:$C$4");
    expect(qualifiedRange("It's", parseRange("A1:A5")!)).toBe("'It''s'!$A$1:$A$5");
    expect(rangesOverlap(parseRange("A1:C3")!, parseRange("C3:D4")!)).toBe(true);
    expect(rangesOverlap(parseRange("A1:C3")!, parseRange("D1:D4")!)).toBe(false);
    expect(() => cellName(1, 0)).toThrow(/row number 0/);
  });
});

describe("sheet names", () => {
  test("forbidden characters are replaced, length capped at 31 units, never blank or History", () => {
    expect(sanitizeSheetName("a[b]c:d*e?f/g\\h")).toBe("a_b_c_d_e_f_g_h");
    expect(sanitizeSheetName("'quoted'")).toBe("quoted");
    expect(sanitizeSheetName("   ")).toBe("Sheet");
    expect(sanitizeSheetName("history")).toBe("history_");
    expect(sanitizeSheetName("x".repeat(40))).toHaveLength(MAX_SHEET_NAME);
    expect(sanitizeSheetName("tab\tname\u0007")).toBe("tab name");
    expect(isValidSheetName("tab\tname")).toBe(false);
  });

  test("a surrogate pair is never cut in half", () => {
    const s = "𠀀".repeat(20); // 40 UTF-16 units
    const t = truncateUnits(s, 31);
    expect(t.length).toBe(30);
    expect([...t].every((ch) => ch === "𠀀")).toBe(true);
  });

  test("review sheet names keep the id and cut the name, in every language", () => {
    expect(reviewSheetName("李海浩", "C0001", "zh-CN")).toBe("资产检视-李海浩-C0001");
    expect(reviewSheetName("李海浩", "C0001", "zh-TW")).toBe("資產檢視-李海浩-C0001");
    expect(reviewSheetName("Li Haihao", "C0001", "en-US")).toBe("Review-Li Haihao-C0001");
    const long = reviewSheetName("Maximilian Alexander [von] Humboldt-Wittgenstein", "C12345", "en-US");
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long.endsWith("-C12345")).toBe(true);
    expect(isValidSheetName(long)).toBe(true);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
    expect(reviewSheetName("a/b", "C1", "zh-CN")).toBe("资产检视-a_b-C1");
    expect(isValidSheetName(reviewSheetName("名", "X".repeat(40), "zh-CN"))).toBe(true);
    expect(clientReviewSheetName("李海浩", "2026-11-23", "zh-CN")).toBe("资产检视-李海浩-2026-11-23");
    expect(calendarSheetName("2026-11", "zh-CN")).toBe("联络日历-2026-11");
    expect(calendarSheetName("2026-11", "zh-TW")).toBe("聯絡日曆-2026-11");
    expect(calendarSheetName("2026-11", "en-US")).toBe("Contacts-2026-11");
  });

  test("fitSheetName keeps the tail whole", () => {
    expect(fitSheetName("A".repeat(40), "-C9")).toBe("A".repeat(28) + "-C9");
  });

  test("unique ignoring case, within 31 units, and against names already taken", () => {
    const names = uniqueSheetNames(["Review", "review", "REVIEW", "x".repeat(31), "X".repeat(31)], ["Review (2)"]);
    expect(names[0]).toBe("Review");
    expect(names[1]).toBe("review (3)");
    expect(names[2]).toBe("REVIEW (4)");
    expect(names[3]).toBe("x".repeat(31));
    expect(names[4]).toBe("X".repeat(27) + " (2)");
    const keys = names.map(sheetNameKey);
    expect(new Set(keys).size).toBe(names.length);
    expect(names.every(isValidSheetName)).toBe(true);
  });
});
