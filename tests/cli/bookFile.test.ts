/** src/xlsx/bookFile: table options for the book's tables, from whatever header row a table has. */
import { codeLabels } from "../../src/book/codes";
import { matchHeaders } from "../../src/book/headers";
import { TABLES } from "../../src/book/schema";
import { bookTableOptions, tableHeaders } from "../../src/xlsx/bookFile";

describe("tableHeaders", () => {
  test("blank headers get Column N, repeats get _2, _3 (which never name a book column again), extra cells get headers", () => {
    expect(tableHeaders(["客户编号", null, "  ", "Name", "name", "客户编号"], 8)).toEqual([
      "客户编号", "Column 2", "Column 3", "Name", "name_2", "客户编号_2", "Column 7", "Column 8",
    ]);
    const m = matchHeaders("clients", tableHeaders(["客户编号", "Name", "name", "客户编号"]));
    expect(m.columns.map((c) => c?.key)).toEqual(["ClientId", "Name", undefined, undefined]);
    expect(m.duplicates).toEqual([]);
  });

  test("line breaks inside a header become spaces; numbers become text", () => {
    expect(tableHeaders(["年收入\n（元）", 2025])).toEqual(["年收入 （元）", "2025"]);
  });
});

describe("bookTableOptions", () => {
  test("formats, lists and widths follow the columns the headers name, in their own order and language", () => {
    const o = bookTableOptions("holdings", { headers: ["Amount", "我的列", "资产类别", "Start Date", "Holding ID"], rows: [[1, "x", "基金", 45000, "H1", "extra"]] }, "zh-TW", "我的資產");
    expect(o.sheet).toBe("我的資產");
    expect(o.tableName).toBe("Holdings");
    expect(o.headers).toEqual(["Amount", "我的列", "资产类别", "Start Date", "Holding ID", "Column 6"]);
    expect(o.columnFormats).toEqual(["#,##0.00", undefined, undefined, "yyyy-mm-dd", "@"]);
    expect(o.validations).toEqual([{ column: 2, list: codeLabels("assetClass", "zh-TW") }]);
    expect(o.widths![0]).toBe(TABLES.holdings.columns.find((c) => c.key === "Amount")!.width);
    expect(o.widths![1]).toBe(14);
    expect(o.rows).toEqual([[1, "x", "基金", 45000, "H1", "extra"]]);
  });

  test("the default sheet is the table's sheet in the language; booleans get the yes/no list", () => {
    const o = bookTableOptions("policies", { headers: TABLES.policies.columns.map((c) => c.headers["en-US"]), rows: [] }, "en-US");
    expect(o.sheet).toBe("Policies");
    const ci = TABLES.policies.columns.findIndex((c) => c.key === "CriticalIllness");
    expect(o.validations).toContainEqual({ column: ci, list: codeLabels("yesNo", "en-US") });
  });
});
