/**
 * The one amount format (src/domain/amounts.ts): whole 元 `#,##0`, or 万 `0\.0,"万"` — the text the Today page and
 * the pane show is what a cell with that number format shows. Expected values worked by hand:
 * 29,836,264 / 10,000 = 2,983.6264 → 2983.6万; 83,937.98 → ROUND(83,937.98, 0) = 83,938 and 8.393798万 → 8.4万;
 * 1,908,000 → 190.8万; 500 → 0.05万 → 0.1万 (halves away from zero, as Excel's ROUND and number formats do).
 * The same values rendered by LibreOffice are checked in tests/interop/amountUnit.libreoffice.test.ts.
 */
import fc from "fast-check";
import { amountNumberFormat, formatAmount } from "../../src/domain/amounts";
import { excelRound } from "../../src/domain/rounding";

describe("formatAmount", () => {
  it("元: whole units with separators, rounded as Excel's ROUND(n, 0) — one format for 83,937.98 and 1,908,000", () => {
    expect(formatAmount(83937.98)).toBe("83,938");
    expect(formatAmount(1908000)).toBe("1,908,000");
    expect(formatAmount(29836264)).toBe("29,836,264");
    expect(formatAmount(2.5)).toBe("3");
    expect(formatAmount(-2.5)).toBe("-3");
    expect(formatAmount(0.4)).toBe("0");
    expect(formatAmount(-0.4)).toBe("0");
  });

  it("万: tenths of 万 with the unit in the language's script", () => {
    expect(formatAmount(29836264, "Wan", "zh-CN")).toBe("2983.6万");
    expect(formatAmount(29836264, "Wan", "zh-TW")).toBe("2983.6萬");
    expect(formatAmount(29836264, "Wan", "en-US")).toBe("2983.6万");
    expect(formatAmount(83937.98, "Wan")).toBe("8.4万");
    expect(formatAmount(1908000, "Wan")).toBe("190.8万");
    expect(formatAmount(30000000, "Wan")).toBe("3000.0万");
    expect(formatAmount(500, "Wan")).toBe("0.1万");
    expect(formatAmount(449, "Wan")).toBe("0.0万");
    expect(formatAmount(0, "Wan")).toBe("0.0万");
    expect(formatAmount(-1234567, "Wan")).toBe("-123.5万");
  });

  it("万 is ROUND(n / 10000, 1) for any amount a book holds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), (yuan, cents) => {
        const n = yuan + cents / 100;
        const expected = excelRound(n / 10000, 1).toFixed(1);
        return formatAmount(n, "Wan") === `${expected}万`;
      }),
    );
  });

  it("the number formats: #,##0 for 元; the backslash-escaped point and the thousands-scaling comma for 万", () => {
    expect(amountNumberFormat("Yuan", "zh-CN")).toBe("#,##0");
    expect(amountNumberFormat("Wan", "zh-CN")).toBe('0\\.0,"万"');
    expect(amountNumberFormat("Wan", "zh-TW")).toBe('0\\.0,"萬"');
  });

  it("blank zero (the ladder's per-client months): positive;negative;empty zero section, the minus written out", () => {
    // Microsoft Support, "Review guidelines for customizing a number format": <POSITIVE>;<NEGATIVE>;<ZERO>;<TEXT>
    expect(amountNumberFormat("Yuan", "zh-CN", true)).toBe("#,##0;-#,##0;");
    expect(amountNumberFormat("Wan", "zh-CN", true)).toBe('0\\.0,"万";-0\\.0,"万";');
    expect(amountNumberFormat("Wan", "en-US", true)).toBe('0\\.0,"万";-0\\.0,"万";');
  });
});
