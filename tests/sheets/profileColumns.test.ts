/**
 * The profile list's issue-15 columns, checked by hand: the address, the risk level with its name beside it (one
 * label list, src/book/codes.ts clientRiskName, reading back as the level), one amount column per asset class of the
 * domain's list (src/domain/figures.ts clientFigures byClass: here + elsewhere + non-financial), adding up to all
 * assets; names linked to the review sheets the plan names, the documents cell to the client's folder.
 */
import fc from "fast-check";
import { clientRiskName, parseCode } from "../../src/book/codes";
import { CLIENT_RISKS, emptyBook, LANGS, type Book } from "../../src/domain/types";
import { clientFigures } from "../../src/domain/figures";
import { colName } from "../../src/sheets/a1";
import { outputPlan } from "../../src/sheets/plan";
import { PROFILE_CLASSES, PROFILE_COLUMNS as C, profileList } from "../../src/sheets/profileList";
import { SheetNamer } from "../../src/sheets/names";
import { sampleBook } from "../../src/sample";
import { at, formula, recalc } from "./helpers";
import { workbookProblems } from "./invariants";

const AS_OF = "2026-11-23";

function handBook(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C1", name: "张伟", address: "上海市浦东新区世纪大道 100 号", riskLevel: "C3", documents: "\\\\fs01\\客户资料\\C1 张伟" },
    { clientId: "C2", name: "=李娜", riskLevel: "C5", documents: "https://docs.bank.example/C2" },
    { clientId: "C3", name: "王芳" },
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "定期存款", institution: "ThisBank", amount: 100_000 },
    { holdingId: "H2", clientId: "C1", assetClass: "Fund", productName: "某基金", institution: "招商银行", amount: 50_000 },
    { holdingId: "H3", clientId: "C1", assetClass: "Property", productName: "自住房", institution: "自有", amount: 2_000_000 },
    { holdingId: "H4", clientId: "C1", assetClass: "Loan", productName: "房贷", institution: "ThisBank", amount: 300_000 },
    { holdingId: "H5", clientId: "C1", assetClass: "Deposit", productName: "活期", institution: "工商银行", amount: 20_000 },
    { holdingId: "H6", clientId: "C2", assetClass: "WealthProduct", productName: "理财", institution: "ThisBank", amount: 80_000 },
  ];
  return b;
}

describe("the risk name beside the code", () => {
  test.each(LANGS)("%s: every level's name reads back as that level (one vocabulary)", (lang) => {
    for (const r of CLIENT_RISKS) expect(parseCode("clientRisk", clientRiskName(r, lang))).toBe(r);
  });
  test("C3 is 平衡型 / 平衡型 / Balanced; C2 稳健型 / 穩健型 / Prudent", () => {
    expect(LANGS.map((l) => clientRiskName("C3", l))).toEqual(["平衡型", "平衡型", "Balanced"]);
    expect(LANGS.map((l) => clientRiskName("C2", l))).toEqual(["稳健型", "穩健型", "Prudent"]);
  });
});

describe("profile list, hand-checked (zh-CN)", () => {
  const b = handBook();
  const s = profileList(b, { asOf: AS_OF, lang: "zh-CN", reviewSheets: new Map([["C1", "资产检视-张伟-C1 (2)"]]) });
  const classCol = (k: (typeof PROFILE_CLASSES)[number]) => C.firstClass + PROFILE_CLASSES.indexOf(k);

  test("one column per asset class of the domain's list, liabilities apart, labelled as the book labels them", () => {
    expect(PROFILE_CLASSES).toEqual(["Deposit", "WealthProduct", "Fund", "Bond", "Stock", "Insurance", "Property", "Other"]);
    expect(PROFILE_CLASSES.map((k) => at(s, 3, classCol(k)))).toEqual(["存款", "理财", "基金", "债券", "股票", "保险", "房产", "其他"]);
    expect(at(s, 3, C.address)).toBe("地址");
    expect(at(s, 3, C.riskLevel)).toBe("风险等级");
    expect(at(s, 3, C.riskName)).toBe("风险类型");
    expect(at(s, 3, C.documents)).toBe("资料链接");
  });

  test("C1 by hand: 存款 100,000 + 20,000 = 120,000, 基金 50,000, 房产 2,000,000; the class columns add up to all assets", () => {
    // Hand sums of the holdings above; the loan (300,000) is a liability, in no class column.
    expect(at(s, 4, classCol("Deposit"))).toBe(120_000);
    expect(at(s, 4, classCol("Fund"))).toBe(50_000);
    expect(at(s, 4, classCol("Property"))).toBe(2_000_000);
    for (const k of ["WealthProduct", "Bond", "Stock", "Insurance", "Other"] as const) expect(at(s, 4, classCol(k))).toBeNull();
    // here 100,000 + elsewhere 70,000 + non-financial 2,000,000 = 2,170,000 = the sum of the class columns
    const classes = PROFILE_CLASSES.reduce((n, k) => n + ((at(s, 4, classCol(k)) as number | null) ?? 0), 0);
    expect(classes).toBe(2_170_000);
    expect((at(s, 4, C.assetsThisBank) as number) + (at(s, 4, C.assetsOther) as number) + (at(s, 4, C.nonFinancial) as number)).toBe(classes);
    expect(at(s, 5, classCol("WealthProduct"))).toBe(80_000);
  });

  test("totals: a SUM per class column over the client rows, recalculated to the cached value", () => {
    const total = 7;
    const dep = colName(classCol("Deposit"));
    expect(formula(s, `${dep}${total}`)).toEqual({ f: `=SUM(${dep}4:${dep}6)`, cached: 120_000 });
    const values = recalc(s);
    expect(values.get(`${dep}${total}`)).toBe(120_000);
    expect(values.get(`${colName(classCol("WealthProduct"))}${total}`)).toBe(80_000);
  });

  test("address, the risk code with its name beside it, documents as text", () => {
    expect(at(s, 4, C.address)).toBe("上海市浦东新区世纪大道 100 号");
    expect([at(s, 4, C.riskLevel), at(s, 4, C.riskName)]).toEqual(["C3", "平衡型"]);
    expect([at(s, 5, C.riskLevel), at(s, 5, C.riskName)]).toEqual(["C5", "进取型"]);
    expect([at(s, 6, C.riskLevel), at(s, 6, C.riskName)]).toEqual([null, null]);
    expect(at(s, 4, C.documents)).toBe("\\\\fs01\\客户资料\\C1 张伟");
  });

  test("links: C1's name to its review under the plan's name, documents to their folders; no review, no name link", () => {
    expect(s.links).toEqual([
      { cell: `B4`, sheet: "资产检视-张伟-C1 (2)" },
      { cell: `${colName(C.documents)}4`, address: "\\\\fs01\\客户资料\\C1 张伟" },
      { cell: `${colName(C.documents)}5`, address: "https://docs.bank.example/C2" },
    ]);
    // the name that starts with "=" stays text
    expect(at(s, 5, C.name)).toBe("=李娜");
  });

  test("the figures are clientFigures', not a second computation", () => {
    const f = clientFigures(b, "C1", AS_OF);
    for (const x of f.byClass) expect(at(s, 4, classCol(x.assetClass))).toBe(x.amount);
  });
});

describe("the output plan names every sheet first and links the profile list to the reviews it holds", () => {
  const book = sampleBook(AS_OF, "zh-CN");

  test("name(p) is the builder's name for every planned sheet", () => {
    const plan = outputPlan(book, { asOf: AS_OF, lang: "zh-CN" });
    for (const p of plan.sheets) expect(plan.name(p)).toBe(plan.build(p).name);
  });

  test("a name a manager's sheet holds is renamed, and the link follows the new name", () => {
    const first = book.clients[0];
    const plan = outputPlan(book, { asOf: AS_OF, lang: "zh-CN" });
    const taken = plan.name({ kind: "review", clientId: first.clientId });
    const specs = [...plan.specs(new SheetNamer([taken]))];
    const review = specs.find((x) => x.kind === "review")!;
    expect(review.name).toBe(`${taken} (2)`);
    expect(specs[0].links).toContainEqual({ cell: "B4", sheet: `${taken} (2)` });
    expect(workbookProblems(specs)).toEqual([]);
  });

  test("reviews of a subset: only those names are linked; reviews none: no name link at all", () => {
    const ids = [book.clients[3].clientId, book.clients[9].clientId];
    const some = [...outputPlan(book, { asOf: AS_OF, lang: "zh-CN", reviews: ids }).specs()];
    expect(some[0].links!.filter((l) => l.sheet !== undefined).map((l) => l.cell)).toEqual(["B7", "B13"]);
    expect(workbookProblems(some)).toEqual([]);
    const none = [...outputPlan(book, { asOf: AS_OF, lang: "zh-CN", reviews: "none" }).specs()];
    expect((none[0].links ?? []).filter((l) => l.sheet !== undefined)).toEqual([]);
  });

  test("property: whatever names the workbook already holds, every link lands on a sheet of the plan", () => {
    const small: Book = { ...book, clients: book.clients.slice(0, 6) };
    const plan = outputPlan(small, { asOf: AS_OF, lang: "en-US" });
    const names = plan.sheets.map((p) => plan.name(p));
    fc.assert(
      fc.property(fc.subarray(names), fc.boolean(), (taken, upper) => {
        const specs = [...plan.specs(new SheetNamer(taken.map((t) => (upper ? t.toUpperCase() : t))))];
        expect(workbookProblems(specs)).toEqual([]);
        expect(specs[0].links!.filter((l) => l.sheet !== undefined)).toHaveLength(6);
      }),
      { numRuns: 30 },
    );
  });
});
