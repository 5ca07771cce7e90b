/**
 * Styles and row heights over several blocks per write (src/excel/areas.ts; Worksheet.getRanges and RangeAreas.format,
 * ExcelApi 1.9 — "Setting a property on a RangeAreas object sets the corresponding property on all the ranges",
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges; at most 8,192 characters of
 * address, https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting): the sheet Excel shows
 * is the one the one-write-per-range render gives — values, formats, borders, heights, notes — on hand-checked
 * examples, on random specs (fast-check) and on the sample book's sheets; and far fewer operations.
 */
import fc from "fast-check";
import { blockA1, heightAreas, joinAddresses, MAX_AREAS_ADDRESS, styleAreas, widthAreas, withoutBorder } from "../../src/excel/areas";
import type { NotesMode } from "../../src/excel/capabilities";
import { detectCapabilities } from "../../src/excel/capabilities";
import { packOps } from "../../src/excel/batch";
import { planRender, renderOptions, type RenderOptions } from "../../src/excel/renderSheet";
import { generateBook } from "../../src/sample";
import { colName, type RangeRef } from "../../src/sheets/a1";
import { outputPlan } from "../../src/sheets/plan";
import type { CellStyle, SheetSpec } from "../../src/sheets/spec";
import { installFakeOffice, type FakeHost } from "../fake-excel";
import { queueRenderSpec } from "./renderHelpers";
import { AS_OF } from "./helpers";

const r = (top: number, left: number, bottom: number, right: number): RangeRef => ({ top, left, bottom, right });

describe("styleAreas: what every cell ends with, gathered by style", () => {
  test("worked example: a later range overrides the earlier one's property on the cells they share", () => {
    // A1:C2 bold, then B2:B3 not bold and red fill. By hand: A1:C1, A2 and C2 end {bold}; B2 and B3 end
    // {bold: false, fill}; rows 1 and 2 differ in columns, so A1:C1 and A2 stay two blocks; B2:B3 is one.
    const got = styleAreas([
      { range: r(1, 1, 2, 3), style: { bold: true } },
      { range: r(2, 2, 3, 2), style: { bold: false, fill: "#FF0000" } },
    ]);
    expect(got).toEqual([
      { style: { bold: true }, addresses: ["A1:C1,A2,C2"], blocks: 3 },
      { style: { bold: false, fill: "#FF0000" }, addresses: ["B2:B3"], blocks: 1 },
    ]);
  });

  test("properties of different ranges add up on a shared cell; equal rows join into one block", () => {
    // B2:C4 italic, C2:C4 grey: by hand B2:B4 {italic}, C2:C4 {italic, color}
    const got = styleAreas([
      { range: r(2, 2, 4, 3), style: { italic: true } },
      { range: r(2, 3, 4, 3), style: { color: "#7F7F7F" } },
    ]);
    expect(got).toEqual([
      { style: { italic: true }, addresses: ["B2:B4"], blocks: 1 },
      { style: { italic: true, color: "#7F7F7F" }, addresses: ["C2:C4"], blocks: 1 },
    ]);
  });

  test("the border is left out (it stays one write per range); a border-only style gathers nothing", () => {
    expect(withoutBorder({ border: true })).toBeUndefined();
    expect(withoutBorder({ border: true, bold: true, fill: "#FFF2CC" })).toEqual({ bold: true, fill: "#FFF2CC" });
  });

  test("addresses are cut at the limit, in order, nothing lost", () => {
    expect(joinAddresses(["A1", "B2", "C3"], 5)).toEqual(["A1,B2", "C3"]);
    expect(joinAddresses([], 5)).toEqual([]);
    expect(() => joinAddresses(["AAA1:AAB2"], 5)).toThrow(RangeError);
    // alternate rows of a 5,000-client sheet: 2,500 blocks "A5:M5" cut under 8,192 characters each
    const rows = Array.from({ length: 2500 }, (_, i) => blockA1(r(5 + 2 * i, 1, 5 + 2 * i, 13)));
    const joined = joinAddresses(rows);
    expect(joined.every((a) => a.length <= MAX_AREAS_ADDRESS)).toBe(true);
    expect(joined.join(",").split(",")).toEqual(rows);
    // as few as possible: each address but the last could not take the next block
    for (let i = 0; i + 1 < joined.length; i++) expect(joined[i].length + 1 + joined[i + 1].split(",")[0].length).toBeGreaterThan(MAX_AREAS_ADDRESS);
    expect(joined.length).toBeGreaterThan(1);
  });

  test("widths: runs of columns gathered by width, whole columns", () => {
    expect(widthAreas([{ first: 1, last: 2, value: 64 }, { first: 3, last: 3, value: 90 }, { first: 5, last: 27, value: 64 }])).toEqual([
      { points: 64, addresses: ["A:B,E:AA"], blocks: 2 },
      { points: 90, addresses: ["C:C"], blocks: 1 },
    ]);
  });

  test("heights: runs of rows gathered by height, whole rows", () => {
    const got = heightAreas([
      { first: 1, last: 2, value: 20 },
      { first: 4, last: 4, value: 30 },
      { first: 6, last: 7, value: 20 },
    ]);
    expect(got).toEqual([
      { points: 20, addresses: ["1:2,6:7"], blocks: 2 },
      { points: 30, addresses: ["4:4"], blocks: 1 },
    ]);
  });

  const styleArb: fc.Arbitrary<CellStyle> = fc.record(
    {
      bold: fc.boolean(),
      italic: fc.boolean(),
      color: fc.constantFrom("#1F3864", "#7F7F7F"),
      fill: fc.constantFrom("#FFF2CC", "#DDEBF7", "#F7F9FC"),
      fontSize: fc.constantFrom(12, 14),
      horizontal: fc.constantFrom("left" as const, "center" as const, "right" as const),
      vertical: fc.constantFrom("top" as const, "center" as const),
      wrap: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const rangeArb = fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([top, left, h, w]) => r(top, left, top + h, left + w));

  test("property: the blocks, styled in any order, leave every cell as the ranges applied in order do", () => {
    fc.assert(
      fc.property(fc.array(fc.record({ range: rangeArb, style: styleArb }), { maxLength: 12 }), fc.integer({ min: 12, max: 40 }), (ranges, max) => {
        const expected = new Map<string, CellStyle>();
        for (const { range, style } of ranges) {
          for (let row = range.top; row <= range.bottom; row++) {
            for (let col = range.left; col <= range.right; col++) {
              const k = `${colName(col)}${row}`;
              expected.set(k, { ...expected.get(k), ...style });
            }
          }
        }
        for (const [k, v] of expected) if (Object.keys(v).length === 0) expected.delete(k);
        const got = new Map<string, CellStyle>();
        const areas = styleAreas(ranges, max);
        for (const { style, addresses } of areas.reverse()) {
          for (const address of addresses) {
            expect(address.length).toBeLessThanOrEqual(max);
            for (const block of address.split(",")) {
              const [a, b = a] = block.split(":");
              const p = (x: string) => ({ col: x.replace(/\d+/, ""), row: Number(x.replace(/[A-Z]+/, "")) });
              const [from, to] = [p(a), p(b)];
              for (let row = from.row; row <= to.row; row++) {
                for (let c = from.col.charCodeAt(0); c <= to.col.charCodeAt(0); c++) {
                  const k = `${String.fromCharCode(c)}${row}`;
                  // each cell is in exactly one block
                  expect(got.has(k)).toBe(false);
                  got.set(k, style);
                }
              }
            }
          }
        }
        expect(got).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

/** What Excel shows of a sheet, position aside: cells with values, formulas and resolved formats (borders included), heights, notes, comments. */
function shown(host: FakeHost, name: string): unknown {
  const s = host.sheet(name);
  if (!s) throw new Error(`no sheet ${name}`);
  const snap = host.snapshot().sheets.find((x) => x.name === name)!;
  const used = s.usedAddress() ?? "A1";
  return { ...snap, position: 0, resolved: s.cells(used).map((row) => row.map((c) => c.format)), comments: s.comments().map((c) => ({ address: c.address, content: c.content })) };
}

/** Renders one spec on a fresh fake host (all its writes in one sync); what the sheet shows, and the operations planned. */
async function render(spec: SheetSpec, opts: RenderOptions): Promise<{ shown: unknown; ops: number }> {
  const host = installFakeOffice({});
  try {
    let ops = 0;
    await Excel.run(async (ctx) => {
      const planned = planRender({ spec }, opts, () => "~old", {});
      ops = planned.length;
      for (const op of planned) {
        if (op.kind === "single") op.queue(ctx);
        else op.queue(ctx, 0, op.rowBytes.length);
      }
      await ctx.sync();
    });
    return { shown: shown(host, spec.name), ops };
  } finally {
    host.uninstall();
  }
}

describe("the rendered sheet with blocks is the sheet of one write per range", () => {
  const cellArb = fc.oneof(fc.constant(null), fc.integer({ min: -5, max: 500 }), fc.constantFrom("张三", "=1+1", "Notes", "0912"));
  const specArb = fc.record({
    cells: fc.array(fc.array(cellArb, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 10 }),
    formats: fc.array(
      fc.record({
        range: fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })).map(([top, left, h, w]) => `${colName(left)}${top}:${colName(left + w)}${top + h}`),
        style: fc.record({ bold: fc.boolean(), fill: fc.constantFrom("#FFF2CC", "#DDEBF7"), border: fc.boolean(), horizontal: fc.constantFrom("left" as const, "center" as const), wrap: fc.boolean(), italic: fc.boolean() }, { requiredKeys: [] }),
        numberFormat: fc.option(fc.constantFrom("#,##0", "0.0%", "@"), { nil: undefined }),
      }),
      { maxLength: 10 },
    ),
    rowHeights: fc.dictionary(fc.integer({ min: 1, max: 14 }).map(String), fc.constantFrom(15, 32, 48), { maxKeys: 10 }),
    columnWidths: fc.array(fc.constantFrom(8, 12, 12.004, 30), { maxLength: 8 }),
    notes: fc.uniqueArray(fc.tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 6 })), { maxLength: 4, selector: ([a, b]) => `${a}:${b}` }).map((cells) => cells.map(([row, col], i) => ({ cell: `${colName(col)}${row}`, text: `备注 ${i + 1}` }))),
  });

  test.each(["notes", "comments"] as NotesMode[])("property: random specs (%s): same cells, formats, borders, heights and notes", async (notes) => {
    await fc.assert(
      fc.asyncProperty(specArb, async (parts) => {
        const spec: SheetSpec = {
          name: "检视 O'Neil",
          kind: "review",
          cells: parts.cells,
          formats: parts.formats.map((f) => (f.numberFormat === undefined ? { range: f.range, style: f.style } : { range: f.range, style: f.style, numberFormat: f.numberFormat })),
          rowHeights: Object.fromEntries(Object.entries(parts.rowHeights).map(([k, v]) => [Number(k), v])),
          columnWidths: parts.columnWidths,
          notes: parts.notes,
        };
        const one = await render(spec, { notes, lang: "zh-CN", rangeAreas: false });
        const blocks = await render(spec, { notes, lang: "zh-CN", rangeAreas: true });
        expect(blocks.shown).toEqual(one.shown);
      }),
      { numRuns: 40 },
    );
  }, 60_000);

  test("without ExcelApi 1.9 (capabilities.ts) the render keeps one write per range and run of rows", async () => {
    const host = installFakeOffice({ supported: { ExcelApi: "1.8" } });
    try {
      const opts = renderOptions(detectCapabilities(), "en-US");
      expect(opts.rangeAreas).toBe(false);
      const spec: SheetSpec = { name: "S", kind: "review", cells: [["a", "b"], ["c", "d"]], formats: [{ range: "A1:B1", style: { bold: true } }], rowHeights: { 2: 32 } };
      await Excel.run(async (ctx) => {
        queueRenderSpec(ctx, spec, null, opts);
        await ctx.sync();
      });
      expect(host.getFormat("S", "B1").font.bold).toBe(true);
      expect(host.sheet("S")!.rowHeight(2)).toBe(32);
    } finally {
      host.uninstall();
    }
  });

  test("the 200-client sample's sheets: identical, and a fraction of the operations", async () => {
    const book = generateBook({ clients: 200, asOf: AS_OF, lang: "zh-CN" });
    const plan = outputPlan(book, { asOf: AS_OF, lang: "zh-CN", reviews: [book.clients[0].clientId] });
    let before = 0;
    let after = 0;
    for (const spec of plan.specs()) {
      const opts = { notes: "notes" as const, lang: "zh-CN" as const };
      const one = await render(spec, { ...opts, rangeAreas: false });
      const blocks = await render(spec, { ...opts, rangeAreas: true });
      // compared as JSON first (jest's deep equality is slow on sheets of this size); the diff only when they differ
      if (JSON.stringify(blocks.shown) !== JSON.stringify(one.shown)) expect(blocks.shown).toEqual(one.shown);
      before += one.ops;
      after += blocks.ops;
    }
    // counted when written: at 500 clients 3,028 operations one per range and run, 1,291 with blocks — 953 of them the
    // notes, which stay one each (NoteCollection has add, no batch: https://learn.microsoft.com/javascript/api/excel/excel.notecollection)
    console.log(`200 clients, the plan's six sheets and one review: ${before} operations one per range and run, ${after} with blocks`);
    expect(after).toBeLessThan(before / 2);
  }, 120_000);
});

describe("the packer's estimate covers what is really sent (batch.ts: 128 bytes per action, arguments as JSON)", () => {
  test("chunk by chunk at a 64 KB budget, the 200-client sample's sheets, both ways: real request ≤ estimate ≤ budget", async () => {
    const book = generateBook({ clients: 200, asOf: AS_OF, lang: "zh-CN" });
    const plan = outputPlan(book, { asOf: AS_OF, lang: "zh-CN", reviews: [book.clients[0].clientId] });
    const budget = 64 * 1024;
    for (const rangeAreas of [false, true]) {
      const host = installFakeOffice({});
      try {
        const ops = [...plan.specs()].flatMap((spec, i) => planRender({ spec }, { notes: "notes", lang: "zh-CN", rangeAreas }, () => `~old${i}`, {}));
        const chunks = packOps(ops, budget);
        expect(chunks.length).toBeGreaterThan(10);
        await Excel.run(async (ctx) => {
          for (const chunk of chunks) {
            let estimate = 0;
            for (const p of chunk) {
              if (p.op.kind === "single") {
                estimate += p.op.bytes;
                p.op.queue(ctx);
              } else {
                estimate += p.op.fixedBytes + p.op.rowBytes.slice(p.from, p.to).reduce((a, b) => a + b, 0);
                p.op.queue(ctx, p.from, p.to);
              }
            }
            host.stats.reset();
            await ctx.sync();
            const [sent] = host.stats.requests;
            expect(estimate).toBeLessThanOrEqual(budget);
            expect(sent).toBeLessThanOrEqual(estimate);
          }
        });
      } finally {
        host.uninstall();
      }
    }
  }, 120_000);
});

