/** Empty books, clients with nothing recorded, hostile text, bad options: every builder either works or says why. */
import { emptyBook, THIS_BANK, type Book } from "../../src/domain/types";
import {
  allSheets, assetReview, callList, callListEntries, clientFacingReview, contactCalendar, coverage, importErrors, profileList, todaySheet,
  COVERAGE_COLUMNS, PROFILE_COLUMNS,
} from "../../src/sheets";
import { isFormula } from "../../src/sheets/spec";
import { bookIndex } from "../../src/sheets/common";
import { at, cell, rowWhere, shown } from "./helpers";
import { specProblems, workbookProblems } from "./invariants";

const AS_OF = "2026-11-23";
const opts = { asOf: AS_OF, lang: "zh-CN" as const };

describe("an empty book", () => {
  test("every sheet builds, valid, with zero totals and no data rows", () => {
    const b = emptyBook();
    const specs = allSheets(b, opts);
    expect(specs.map((s) => s.kind)).toEqual(["profile", "coverage", "calendar", "calendar", "today", "ladder"]);
    expect(workbookProblems(specs)).toEqual([]);
    const p = specs[0];
    expect(p.cells).toHaveLength(4);
    expect(at(p, 4, PROFILE_COLUMNS.assetsThisBank)).toBe(0);
    expect(at(p, 4, PROFILE_COLUMNS.firstClass)).toBe(0);
    expect(p.autoFilter).toBe("A3:AG3");
    expect(p.links).toBeUndefined();
    expect(cell(specs[4], "A4")).toBe("今日没有待办事项");
    expect(specProblems(callList(b, { ...opts, entries: [] }))).toEqual([]);
    expect(cell(importErrors({ errors: [] }, { lang: "en-US" }), "A4")).toBe("No errors");
  });
});

describe("a client with nothing but a name", () => {
  const b = emptyBook();
  b.clients = [{ clientId: "C1", name: "张伟" }];

  test("review: no holdings, no pie, today's zero as the only bar, first review", () => {
    const s = assetReview(b, { ...opts, clientId: "C1" });
    expect(specProblems(s)).toEqual([]);
    expect(s.charts!.map((c) => c.type)).toEqual(["column"]);
    expect(cell(s, "F3")).toBe("首次检视");
    expect(cell(s, "A14")).toBe("暂无资产");
    expect(s.cells.flat().filter(isFormula).every((f) => f.cached !== undefined)).toBe(true);
  });

  test("coverage: one row saying there is no policy, the need from income alone (none) and the flags", () => {
    const s = coverage(b, opts);
    const r = rowWhere(s, 1, "C1");
    expect(at(s, r, COVERAGE_COLUMNS.insured)).toBe("（无保单）");
    expect(shown(at(s, r, COVERAGE_COLUMNS.lifeNeed))).toBe(0);
    expect(shown(at(s, r, COVERAGE_COLUMNS.premiumRatio))).toBe("");
    expect(at(s, r, COVERAGE_COLUMNS.flags)).toBe("无重疾保障；无年收入记录");
  });

  test("profile and calendar: never reviewed is due today, never contacted is blank", () => {
    const p = profileList(b, opts);
    expect(at(p, 4, PROFILE_COLUMNS.nextReview)).toBe(shown(cell(p, "B2")));
    const c = contactCalendar(b, opts);
    expect(cell(c, "C5")).toBeNull();
  });
});

describe("text from the book stays text", () => {
  const b = emptyBook();
  b.clients = [{ clientId: "C1", name: "=cmd|' /C calc'!A0", notes: "+SUM(A1)", tags: ["@risk"], phone: "-123" }];
  b.holdings = [{ holdingId: "H1", clientId: "C1", assetClass: "Fund", productName: "=HYPERLINK(\"x\")", institution: THIS_BANK, amount: 100 }];

  test("user strings are plain string cells, never formulas; the sheet name is cleaned", () => {
    const p = profileList(b, opts);
    expect(at(p, 4, 2)).toBe("=cmd|' /C calc'!A0");
    expect(at(p, 4, PROFILE_COLUMNS.notes)).toBe("+SUM(A1)");
    expect(at(p, 4, PROFILE_COLUMNS.tags)).toBe("@risk");
    const r = assetReview(b, { ...opts, clientId: "C1" });
    expect(r.name).toBe("资产检视-=cmd|' _C calc'!A0-C1");
    expect(specProblems(r)).toEqual([]);
    expect(r.cells.flat()).toContain('=HYPERLINK("x")');
    // Every formula we write is ours: none contains the user's text.
    for (const v of [...p.cells.flat(), ...r.cells.flat()]) if (isFormula(v)) expect(v.f).not.toMatch(/cmd|HYPERLINK/);
  });
});

describe("bad options say what and where", () => {
  const b = emptyBook();
  test.each([
    ["profileList", () => profileList(b, { asOf: "2026-13-01", lang: "zh-CN" }), /profileList: asOf/],
    ["coverage", () => coverage(b, { asOf: AS_OF, lang: "fr" as never }), /coverage: lang must be zh-CN, zh-TW or en-US, got "fr"/],
    ["assetReview", () => assetReview(b, { ...opts, clientId: "C9" }), /no client with id "C9"/],
    ["clientFacingReview", () => clientFacingReview(b, { ...opts, clientId: "C9" }), /no client with id "C9"/],
    ["todaySheet", () => todaySheet(b, { asOf: "", lang: "zh-CN" }), /todaySheet: asOf/],
    ["callList", () => callList(b, { ...opts, entries: undefined as never }), /entries must be an array/],
    ["callListEntries", () => callListEntries(b, ["C9"], {}, AS_OF), /no client with id "C9"/],
    ["importErrors", () => importErrors({ errors: [] }, { lang: "de" as never }), /lang must be/],
  ])("%s", (_name, run, message) => {
    expect(run).toThrow(message);
  });
});

describe("a repeated client id (the codec rejects it, the sheets must not double it)", () => {
  test("one row, the first client's", () => {
    const b: Book = emptyBook();
    b.clients = [{ clientId: "C1", name: "甲" }, { clientId: "C1", name: "乙" }];
    const p = profileList(b, opts);
    expect(p.cells.filter((r) => r[0] === "C1")).toHaveLength(1);
    expect(at(p, 4, 2)).toBe("甲");
  });
});

describe("sheet names and the per-book index", () => {
  test("ids differing only in case still get distinct review sheets", () => {
    const b = emptyBook();
    b.clients = [{ clientId: "C1", name: "Ann" }, { clientId: "c1", name: "ANN" }];
    const specs = allSheets(b, { asOf: AS_OF, lang: "en-US" });
    expect(specs.slice(6).map((s) => s.name)).toEqual(["Review-Ann-C1", "Review-ANN-c1 (2)"]);
    expect(workbookProblems(specs)).toEqual([]);
    // the profile list links each name to the name its review really got, renamed one included
    expect(specs[0].links).toEqual([
      { cell: `B4`, sheet: "Review-Ann-C1" },
      { cell: `B5`, sheet: "Review-ANN-c1 (2)" },
    ]);
  });

  test("the index follows rows appended to the book (a contact logged, a client added)", () => {
    const b = emptyBook();
    b.clients = [{ clientId: "C1", name: "张伟" }];
    const first = bookIndex(b);
    expect(bookIndex(b)).toBe(first);
    b.contacts.push({ clientId: "C1", date: "2026-11-20", channel: "T", summary: "问候" });
    expect(bookIndex(b)).not.toBe(first);
    expect(cell(contactCalendar(b, opts), "C5")).toBe(46346);
    b.clients.push({ clientId: "C2", name: "王芳" });
    expect(profileList(b, opts).cells.filter((r) => r[0] === "C2")).toHaveLength(1);
  });
});
