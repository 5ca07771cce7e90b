/**
 * ownText (src/xlsx/ownText.ts): the copy of a cell's text that lets the workbook part it came from be freed
 * (issue #19: the 5,000-client book's values kept 230 MB of worksheet XML alive) is the same text, whatever it is.
 * That every text value read from a file goes through it is checked in ./ownTextRead.test.ts.
 */
import fc from "fast-check";
import { ownText } from "../../src/xlsx/ownText";

describe("ownText", () => {
  test("is the same text for any string: CJK, emoji (surrogate pairs), lone surrogates, controls, empty", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(ownText(s)).toBe(s);
      }),
      { numRuns: 500 },
    );
    for (const s of ["", "a", "上海市杨浦区控江路411弄36号603室", "31011519840430529X", "\ud83d\ude00", "\ud800", " x ", "=SUM(A1)"]) expect(ownText(s)).toBe(s);
  });

  test("of a substring of a large part is that substring", () => {
    const part = `<sheetData>${"<row>".repeat(10000)}客户经理备注：女儿明年留学，关注外币理财</sheetData>`;
    const cut = part.slice(part.indexOf("客"), part.indexOf("</sheetData>"));
    expect(ownText(cut)).toBe("客户经理备注：女儿明年留学，关注外币理财");
  });
});
