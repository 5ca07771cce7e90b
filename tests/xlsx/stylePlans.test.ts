/**
 * Style plans remembered per workbook (src/xlsx/styles.ts StylePlans): a plan looked up is the plan planStyles makes
 * for that list, whatever came before it; lists that differ in anything planStyles reads never share a plan; a list
 * that fails fails every time, with its own sheet's name.
 */
import fc from "fast-check";
import type { RangeFormat } from "../../src/sheets/spec";
import { planStyles, StylePlans } from "../../src/xlsx/styles";

const format: fc.Arbitrary<RangeFormat> = fc
  .record({
    range: fc.constantFrom("A1", "A1:C3", "B2:B9", "C1:D2", "A5:E5"),
    numberFormat: fc.option(fc.constantFrom("0", "0.0%", "#,##0", "0"), { nil: undefined }),
    bold: fc.option(fc.boolean(), { nil: undefined }),
    fill: fc.option(fc.constantFrom("#FF0000", "#00FF00"), { nil: undefined }),
    fontSize: fc.option(fc.constantFrom(10, 12, 14), { nil: undefined }),
  })
  .map(({ range, numberFormat, ...style }) => ({ range, ...(numberFormat !== undefined ? { numberFormat } : {}), style }));

test("property: over any sequence of lists (repeats among them), each plan equals planStyles' own for that list", () => {
  fc.assert(
    fc.property(fc.array(fc.array(format, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 6 }), fc.array(fc.nat(20), { maxLength: 30 }), (lists, order) => {
      const plans = new StylePlans();
      for (const i of [...order, ...lists.keys()]) {
        const list = lists[i % lists.length];
        // a copy: the same content in new objects, as each review's spec is
        const copy = list.map((f) => ({ ...f, ...(f.style ? { style: { ...f.style } } : {}) }));
        expect(plans.plan(copy, "S")).toEqual(planStyles(list, "S"));
      }
    }),
    { numRuns: 150 },
  );
});

test("lists alike but for one thing planStyles reads get their own plans", () => {
  const plans = new StylePlans();
  const base: RangeFormat[] = [{ range: "A1:B2", style: { bold: true } }, { range: "B2", numberFormat: "0" }];
  const variants: RangeFormat[][] = [
    [{ range: "A1:B3", style: { bold: true } }, { range: "B2", numberFormat: "0" }],
    [{ range: "A1:B2", style: { bold: false } }, { range: "B2", numberFormat: "0" }],
    [{ range: "A1:B2", style: { bold: true, italic: true } }, { range: "B2", numberFormat: "0" }],
    [{ range: "A1:B2", style: { bold: true } }, { range: "B2", numberFormat: "0.0" }],
    [{ range: "A1:B2", style: { bold: true } }, { range: "B2" }],
    [{ range: "A1:B2", numberFormat: "0", style: { bold: true } }, { range: "B2", numberFormat: "0" }],
  ];
  expect(plans.plan(base, "S")).toEqual(planStyles(base, "S"));
  for (const v of variants) expect(plans.plan(v, "S")).toEqual(planStyles(v, "S"));
});

test("a failing list fails each time with its own sheet's name; a list with a value JSON cannot name exactly is planned afresh", () => {
  const plans = new StylePlans();
  const bad: RangeFormat[] = [{ range: "A1", style: { fill: "red" } }];
  expect(() => plans.plan(bad, "One")).toThrow(/One/);
  expect(() => plans.plan(bad, "Two")).toThrow(/Two/);
  // NaN and null would both be JSON's null: such a list is never remembered, so it fails as planStyles fails
  const good: RangeFormat[] = [{ range: "A1", style: { fontSize: 12 } }];
  plans.plan(good, "S");
  expect(() => plans.plan([{ range: "A1", style: { fontSize: Number.NaN } }], "S")).toThrow(/font size/);
});
