/**
 * The print rule (src/sheets/print.ts) and the footer texts (src/sheets/printText.ts): every sheet kind in every
 * language prints on A4 with its header rows repeated and a footer of page N of M; internal sheets carry the
 * confidentiality line, the review handed to the client does not; wide lists keep readable type.
 */
import { LANGS, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { outputPlan } from "../../src/sheets/plan";
import { A4_INCHES, printableWidth, printSetup, PRINT_MARGINS, READABLE_SCALE, sheetPage, sheetWidthPoints } from "../../src/sheets/print";
import { FOOTER_TEXT, footerLiteral, pageFooter } from "../../src/sheets/printText";
import { assetReview } from "../../src/sheets";
import type { SheetSpec } from "../../src/sheets/spec";

const AS_OF = "2026-11-23";

function planned(lang: Lang): SheetSpec[] {
  const book = sampleBook(AS_OF, lang);
  return [...outputPlan(book, { asOf: AS_OF, lang, reviews: ["C0001"] }).specs()];
}

describe("footer texts", () => {
  test("internal and client-facing lines in three languages; the client's says nothing internal", () => {
    expect(pageFooter("zh-CN", "internal")).toEqual({ left: "客户机密 仅限内部使用", center: "第 &P 页，共 &N 页", right: "&A" });
    expect(pageFooter("zh-TW", "internal").left).toBe("客戶機密 僅限內部使用");
    expect(pageFooter("en-US", "internal").center).toBe("Page &P of &N");
    for (const lang of LANGS) {
      const client = FOOTER_TEXT[lang].confidential.client;
      expect(client).not.toMatch(/内部|內部|internal/i);
      expect(FOOTER_TEXT[lang].pageOfPages).toMatch(/&P.*&N/);
    }
  });

  test("a literal & is doubled (a single & starts an Excel header/footer code)", () => {
    expect(footerLiteral("A&B")).toBe("A&&B");
  });
});

describe("printSetup of every planned sheet", () => {
  test.each(LANGS)("%s: A4, footer in the sheet's language, frozen rows repeated, readable type", (lang) => {
    for (const spec of planned(lang)) {
      const setup = printSetup(spec)!;
      expect(setup).toBeDefined();
      expect(setup.paper).toBe("A4");
      expect(setup.footer).toEqual(pageFooter(lang, "internal"));
      if ((spec.freeze?.rows ?? 0) > 0) expect(setup.titleRows).toEqual({ first: 1, last: spec.freeze!.rows });
      if ("scale" in setup.fit) expect(setup.fit.scale).toBeGreaterThanOrEqual(READABLE_SCALE * 100);
    }
  });

  test("the review is one landscape page; the client's copy has the client footer", () => {
    const book = sampleBook(AS_OF, "zh-CN");
    const internal = printSetup(assetReview(book, { clientId: "C0001", asOf: AS_OF, lang: "zh-CN" }))!;
    expect(internal).toMatchObject({ orientation: "landscape", fit: { wide: 1, tall: 1 } });
    const facing = printSetup(assetReview(book, { clientId: "C0001", asOf: AS_OF, lang: "zh-CN", clientFacing: true }))!;
    expect(facing.footer.left).toBe("本资料仅供客户本人参阅");
  });

  test("printable width by hand: A4 landscape 297 mm = 11.69 in, less 0.3 in each side, × 72 = 798.7 pt", () => {
    expect(A4_INCHES.height).toBeCloseTo(11.6929, 4);
    expect(PRINT_MARGINS.left + PRINT_MARGINS.right).toBe(0.6);
    expect(printableWidth("landscape")).toBeCloseTo(798.69, 2);
    expect(printableWidth("portrait")).toBeCloseTo((8.2677 - 0.6) * 72, 1);
  });

  test("a list too wide for one page at 70 % prints at 70 % with its frozen id/name columns repeated", () => {
    // 30 columns of 12 characters: (12 × 7 + 5) × 0.75 = 66.75 pt each, 2002.5 pt → 798.7 / 2002.5 = 40 % < 70 %
    const wide: SheetSpec = { name: "w", kind: "profile", cells: [["a"]], columnWidths: Array.from({ length: 30 }, () => 12), freeze: { rows: 3, columns: 2 }, page: sheetPage("profile", "zh-CN") };
    expect(sheetWidthPoints(wide)).toBeCloseTo(2002.5, 6);
    expect(printSetup(wide)).toMatchObject({ fit: { scale: 70 }, titleRows: { first: 1, last: 3 }, titleColumns: { first: 1, last: 2 } });
    // 10 such columns, 667.5 pt, fit on one page wide (Excel shrinks only as needed, never below 100 % → 83.6 %)
    const narrow = { ...wide, columnWidths: wide.columnWidths!.slice(0, 10) };
    expect(printSetup(narrow)).toMatchObject({ fit: { wide: 1, tall: 0 } });
    expect(printSetup(narrow)!.titleColumns).toBeUndefined();
  });
});

test("the internal review prints the ID number masked (first 6, last 4), as the client's copy does", () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const client = book.clients.find((c) => c.idNumber)!;
  const spec = assetReview(book, { clientId: client.clientId, asOf: AS_OF, lang: "zh-CN" });
  const shown = spec.cells.flat().filter((v): v is string => typeof v === "string");
  expect(shown).not.toContain(client.idNumber);
  expect(shown).toContain(`${client.idNumber!.slice(0, 6)}********${client.idNumber!.slice(-4)}`);
});
