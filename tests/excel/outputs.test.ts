/**
 * The output-sheet commands on the fake host with the 40-client sample: each sheet holds exactly its spec's cells,
 * the data tables are untouched, a rebuild is idempotent, and one build takes one read and one write sync.
 */
import { paneCommands } from "../../src/taskpane/paneCommands";
import { CommandError } from "../../src/excel/errors";
import { reviewSheetClient } from "../../src/excel/outputs";
import type { Progress, SheetResult } from "../../src/excel/api";
import { sampleBook } from "../../src/sample";
import {
  assetReview, callList, callListEntries, contactCalendar, coverage, profileList, reviewSheetName, todaySheet, ladderSheet, isFormula,
  type SheetSpec,
} from "../../src/sheets";
import { cellName } from "../../src/sheets/a1";
import type { FakeHost } from "../fake-excel";
import { AS_OF, dataSnapshot, installWithBook, report } from "./helpers";
import { planMonth, previousMonth } from "../../src/sheets/plan";

const book = sampleBook(AS_OF, "zh-CN");
const commands = paneCommands();
let host: FakeHost;

beforeEach(() => {
  host = installWithBook(book, { extraSheets: [{ name: "我的表", rows: [["自己的", 1]] }] });
});
afterEach(() => host.uninstall());

/** Every cell of the spec is in the sheet as the spec says: text as text, numbers, booleans, formulas. */
function expectSheetMatchesSpec(spec: SheetSpec): void {
  const sheet = host.sheet(spec.name);
  expect(sheet).toBeDefined();
  spec.cells.forEach((row, r) =>
    row.forEach((v, c) => {
      const cell = sheet!.cell(cellName(c + 1, r + 1));
      if (v === null || v === "") expect(cell.value === "" || cell.formula !== undefined || v === null).toBe(true);
      else if (isFormula(v)) expect(cell.formula).toBe(v.f.startsWith("=") ? v.f : `=${v.f}`);
      else {
        expect(cell.formula).toBeUndefined();
        expect(cell.value).toBe(v);
      }
    }),
  );
  expect(host.charts(spec.name).map((c) => c.name)).toEqual((spec.charts ?? []).map((c) => c.name));
  expect(host.notes(spec.name)).toHaveLength((spec.notes ?? []).filter((n) => n.text !== "").length);
}

function busiestClient(): string {
  const count = new Map<string, number>();
  for (const h of book.holdings) count.set(h.clientId, (count.get(h.clientId) ?? 0) + 1);
  for (const r of book.reviews) count.set(r.clientId, (count.get(r.clientId) ?? 0) + 1);
  return [...count].sort((a, b) => b[1] - a[1])[0][0];
}

describe("buildReview", () => {
  test("the client's rows in two read syncs (src/excel/clientRead.ts) and one write sync, the spec's cells and both charts with the spec's ranges, data untouched", async () => {
    const id = busiestClient();
    const before = dataSnapshot(host);
    host.stats.reset();
    const r = await commands.buildReview(id, AS_OF);
    expect(r.syncs).toBe(3);
    expect(host.stats.syncs).toBe(3);
    report("build one review (busiest of 40)", host.stats);
    const spec = assetReview(book, { asOf: AS_OF, lang: "zh-CN", clientId: id });
    expect(r.sheets).toEqual([spec.name]);
    expect(spec.name).toBe(reviewSheetName(book.clients.find((c) => c.clientId === id)!.name, id, "zh-CN"));
    expectSheetMatchesSpec(spec);
    const charts = host.charts(spec.name);
    expect(charts.map((c) => c.type)).toEqual(["Pie", "ColumnClustered"]);
    spec.charts!.forEach((c, i) => {
      expect(charts[i].series).toHaveLength(1);
      expect(charts[i].series[0].values).toMatch(new RegExp(`!${c.values}$`));
      expect(charts[i].series[0].xValues).toMatch(new RegExp(`!${c.categories}$`));
      expect(charts[i].title.text).toBe(c.title);
    });
    expect(host.activeSheet()).toBe(spec.name);
    expect(dataSnapshot(host)).toEqual(before);
    expect(host.getValues("我的表", "A1:B1")).toEqual([["自己的", 1]]);
  });

  test("3 syncs whatever the number of holdings and reviews", async () => {
    for (const c of book.clients.slice(0, 6)) {
      host.stats.reset();
      await commands.buildReview(c.clientId, AS_OF);
      expect(host.stats.syncs).toBe(3);
    }
  });

  test("built twice: the same sheets, the same cells, two charts (not four)", async () => {
    const id = book.clients[3].clientId;
    await commands.buildReview(id, AS_OF);
    const names = host.sheetNames();
    const name = names[names.length - 1];
    const strip = () => {
      const s = host.snapshot().sheets.find((x) => x.name === name)!;
      return { ...s, conditionalFormats: s.conditionalFormats.map((cf) => ({ ...cf, id: "" })) };
    };
    const first = strip();
    await commands.buildReview(id, AS_OF);
    expect(host.sheetNames()).toEqual(names);
    expect(strip()).toEqual(first);
    expect(host.charts()).toHaveLength(2);
  });

  test("an unknown client is refused before anything is written", async () => {
    const names = host.sheetNames();
    await expect(commands.buildReview("C9999", AS_OF)).rejects.toBeInstanceOf(CommandError);
    await expect(commands.buildReview("C0001", "2026-02-30")).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(host.sheetNames()).toEqual(names);
  });
});

describe("the other sheets", () => {
  test("profile list, coverage, calendar, Today and a call list: each its spec, 2 syncs, data untouched", async () => {
    const before = dataSnapshot(host);
    const cases: [() => Promise<{ syncs: number; sheets: string[] }>, SheetSpec][] = [
      [() => commands.buildProfile(AS_OF), profileList(book, { asOf: AS_OF, lang: "zh-CN" })],
      [() => commands.buildCoverage(AS_OF), coverage(book, { asOf: AS_OF, lang: "zh-CN" })],
      [() => commands.buildCalendar("2026-04", AS_OF), contactCalendar(book, { asOf: AS_OF, lang: "zh-CN", month: "2026-04" })],
      [() => commands.buildToday(AS_OF), todaySheet(book, { asOf: AS_OF, lang: "zh-CN" })],
    ];
    const ids = book.clients.slice(0, 5).map((c) => c.clientId);
    const reasons = { [ids[0]]: "新基金", [ids[1]]: "=到期" };
    cases.push([() => commands.saveCallList(ids, reasons, AS_OF), callList(book, { asOf: AS_OF, lang: "zh-CN", entries: callListEntries(book, ids, reasons, AS_OF) })]);
    for (const [run, spec] of cases) {
      host.stats.reset();
      const r = await run();
      // Besides the book it read (tests/excel/outputRead.test.ts), only the syncs and the sheet.
      const { read: _read, ...rest } = r as SheetResult;
      expect(rest).toEqual({ syncs: 2, sheets: [spec.name] });
      expect(host.stats.syncs).toBe(2);
      expectSheetMatchesSpec(spec);
    }
    expect(dataSnapshot(host)).toEqual(before);
  });

  test("a bad month or a missing book is refused with a clear message", async () => {
    await expect(commands.buildCalendar("2026-13", AS_OF)).rejects.toMatchObject({ code: "InvalidArgument" });
    host.uninstall();
    host = installWithBook(book, { extraSheets: [] });
    host.load({ sheets: [{ name: "Sheet1" }] });
    await expect(commands.buildProfile(AS_OF)).rejects.toMatchObject({ code: "NoBook" });
  });
});

describe("refreshAll", () => {
  test("the five sheets and every review already present, in one read and one write sync, progress per sheet; names link to the reviews", async () => {
    const ids = [book.clients[0].clientId, book.clients[7].clientId, book.clients[20].clientId];
    for (const id of ids) await commands.buildReview(id, AS_OF);
    await commands.buildProfile("2026-01-01");
    const before = dataSnapshot(host);
    const progress: Progress[] = [];
    host.stats.reset();
    const r = await commands.refreshAll(AS_OF, (p) => progress.push(p));
    expect(r.syncs).toBe(2);
    expect(host.stats.syncs).toBe(2);
    report("refresh all (40 clients, 3 reviews)", host.stats);
    const reviews = ids.map((clientId) => assetReview(book, { asOf: AS_OF, lang: "zh-CN", clientId }));
    const reviewSheets = new Map(ids.map((id, i) => [id, reviews[i].name]));
    const expected = [
      profileList(book, { asOf: AS_OF, lang: "zh-CN", reviewSheets }),
      coverage(book, { asOf: AS_OF, lang: "zh-CN" }),
      contactCalendar(book, { asOf: AS_OF, lang: "zh-CN", month: previousMonth(planMonth(AS_OF)) }),
      contactCalendar(book, { asOf: AS_OF, lang: "zh-CN" }),
      todaySheet(book, { asOf: AS_OF, lang: "zh-CN" }),
      ladderSheet(book, { asOf: AS_OF, lang: "zh-CN" }),
      ...reviews,
    ];
    expect(r.sheets).toEqual(expected.map((s) => s.name));
    for (const spec of expected) expectSheetMatchesSpec(spec);
    // only the three clients with a review sheet have their name linked, to that sheet
    const profile = host.sheet(expected[0].name)!;
    const linked = expected[0].links!.filter((l) => l.sheet !== undefined);
    expect(linked).toHaveLength(3);
    for (const l of linked) expect(profile.hyperlink(l.cell)).toEqual({ documentReference: `'${l.sheet}'!A1` });
    expect(progress[0]).toEqual({ done: 0, total: 9 });
    expect(progress.slice(1).map((p) => p.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(progress[9]).toEqual({ done: 9, total: 9, sheet: expected[8].name, kind: "writing" });
    expect(dataSnapshot(host)).toEqual(before);
    expect(host.getValues("我的表", "A1:B1")).toEqual([["自己的", 1]]);

    // The sheet the manager was looking at (the profile list, built last) is rebuilt and still shown.
    expect(host.activeSheet()).toBe(expected[0].name);

    // Twice: the same sheets in the same order, no duplicated charts.
    const names = host.sheetNames();
    await commands.refreshAll(AS_OF);
    expect(host.sheetNames()).toEqual(names);
    expect(host.charts()).toHaveLength(2 * ids.length + 1); // two per review, the maturity ladder's one
  });

  test("a review sheet is recognised in any language, by the client id at its end", () => {
    const ids = ["C0001", "C0012"];
    expect(reviewSheetClient("资产检视-张伟-C0001", ids)).toBe("C0001");
    expect(reviewSheetClient("資產檢視-張偉-C0012", ids)).toBe("C0012");
    expect(reviewSheetClient("Review-Zhang Wei-C0012", ids)).toBe("C0012");
    expect(reviewSheetClient("review-zhang-c0001", ids)).toBe("C0001");
    expect(reviewSheetClient("资产检视-张伟-2026-05-15", ids)).toBeUndefined();
    expect(reviewSheetClient("客户一览", ids)).toBeUndefined();
  });
});
