import fc from "fast-check";
import { excelRound } from "../../src/domain/rounding";
import { formatAmount } from "../../src/domain/agenda";

// Expected values: Excel's =ROUND(x, d) (Microsoft, "ROUND function": 2.15 → 2.2, -1.475 → -1.48, halves away from
// zero; =ROUND(2.675,2) is 2.68 in Excel).
describe("excelRound", () => {
  test.each<[number, number, number]>([
    [2.675, 2, 2.68], // binary 2.67499999999999982…: toFixed(2) gives "2.67"
    [1.005, 2, 1.01],
    [2.15, 1, 2.2],
    [-1.475, 2, -1.48],
    [-2.5, 0, -3], // Math.round(-2.5) is -2
    [2.5, 0, 3],
    [0.125, 2, 0.13],
    [1234567.895, 2, 1234567.9],
    [0.1 + 0.2, 2, 0.3],
    [-0.001, 2, 0],
    [0, 2, 0],
    [1e21 + 0.5, 2, 1e21],
  ])("ROUND(%p, %p) = %p", (x, d, want) => expect(excelRound(x, d)).toBe(want));
  test("non-finite and bad digits", () => {
    expect(excelRound(Infinity, 2)).toBe(Infinity);
    expect(excelRound(NaN, 2)).toBeNaN();
    expect(() => excelRound(1, -1)).toThrow(RangeError);
  });
  // HyperFormula's ROUND is Math.round(x·10ᵈ)/10ᵈ, which gives 2.67 for 2.675 — not Excel — so the reference here is
  // integer arithmetic on the decimal as typed: m/1000 rounded to d places = sign(m)·⌊(|m| + q/2)/q⌋/10ᵈ, q = 10³⁻ᵈ.
  test("property: rounds the decimal as typed, half away from zero (integer-arithmetic reference)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000_000, max: 10_000_000_000 }), fc.integer({ min: 0, max: 2 }), (m, d) => {
        const q = 10 ** (3 - d);
        const r = Math.sign(m) * Math.floor((Math.abs(m) + q / 2) / q);
        expect(excelRound(m / 1000, d)).toBe(r / 10 ** d || 0);
      }),
      { numRuns: 1000 },
    );
  });
});

describe("formatAmount rounds as Excel does (whole 元: ROUND(n, 0); 万: ROUND(n / 10000, 1))", () => {
  test("2.5 → 3, 1234.5 → 1,235, -2.5 → -3; 26,750 → 2.7万, 10,500 → 1.1万; under 1万 in 元: 1,005 → 1,005元", () => {
    expect(formatAmount(2.5)).toBe("3");
    expect(formatAmount(1234.5)).toBe("1,235");
    expect(formatAmount(-2.5)).toBe("-3");
    expect(formatAmount(-0.004)).toBe("0");
    expect(formatAmount(26750, "Wan")).toBe("2.7万"); // 2.675万: the half rounds up, as =ROUND(2.675,1) does
    expect(formatAmount(10500, "Wan")).toBe("1.1万"); // 1.05万: the half rounds up
    expect(formatAmount(1005, "Wan")).toBe("1,005元"); // was 0.1万: under 1万 the amount is said in 元 (src/domain/amounts.ts)
  });
});
