/**
 * The one amount format (src/domain/amounts.ts): whole 元 `#,##0`, or 万 `0\.0,"万"` — the text the Today page and
 * the pane show is what a cell with that number format shows. Expected values worked by hand:
 * 29,836,264 / 10,000 = 2,983.6264 → 2983.6万; 83,937.98 → ROUND(83,937.98, 0) = 83,938 and 8.393798万 → 8.4万;
 * 1,908,000 → 190.8万 (halves away from zero, as Excel's ROUND and number formats do); under 1万 the text says 元:
 * 72 → 72元 (the defect: a 72 TWD monthly premium read "0.0萬"), 0.4 → 0.40元.
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
    expect(formatAmount(10000, "Wan")).toBe("1.0万");
    expect(formatAmount(-1234567, "Wan")).toBe("-123.5万");
  });

  it("万: an amount under 1万 is said in 元 — a 72 TWD monthly premium read 0.0萬 (a non-zero amount as zero)", () => {
    // hand: 72 → 72元 (was 0.0萬: ROUND(72 / 10000, 1) = 0.0); 500 → 500元 (was 0.1万); 9,999 → 9,999元; 0.4 → 0.40元
    expect(formatAmount(72, "Wan", "zh-TW")).toBe("72元");
    expect(formatAmount(72, "Wan", "en-US")).toBe("72元");
    expect(formatAmount(500, "Wan")).toBe("500元");
    expect(formatAmount(449, "Wan")).toBe("449元");
    expect(formatAmount(9999, "Wan")).toBe("9,999元");
    expect(formatAmount(9999.5, "Wan")).toBe("10,000元"); // ROUND(9,999.5, 0): still under 1万, said in 元
    expect(formatAmount(-500, "Wan")).toBe("-500元");
    expect(formatAmount(83.98, "Wan")).toBe("84元");
    expect(formatAmount(0.4, "Wan")).toBe("0.40元");
    expect(formatAmount(-0.4, "Wan")).toBe("-0.40元");
    expect(formatAmount(0.001, "Wan")).toBe("0元"); // under half a 分: float noise, nothing to show
    expect(formatAmount(0, "Wan")).toBe("0元");
  });

  it("万 is ROUND(n / 10000, 1) for any amount from 1万 a book holds, and whole 元 below it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 99 }), fc.boolean(), (yuan, cents, negative) => {
        const n = (negative ? -1 : 1) * (yuan + cents / 100);
        const text = formatAmount(n, "Wan");
        if (Math.abs(n) >= 10000) return text === `${n < 0 ? "-" : ""}${excelRound(Math.abs(n) / 10000, 1).toFixed(1)}万`;
        return Math.abs(n) < 0.5 ? text === `${excelRound(n, 2) === 0 ? "0" : excelRound(n, 2).toFixed(2)}元` : text === `${formatAmount(n)}元`;
      }),
    );
  });

  it("property: a non-zero amount (a whole number of 分) never prints as zero in 万", () => {
    const small = fc.integer({ min: 1, max: 1_000_000 }); // up to 10,000.00: the 元 side and the edge
    const any = fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(fc.oneof(small, any), fc.boolean(), fc.constantFrom("zh-CN", "zh-TW", "en-US") as fc.Arbitrary<"zh-CN" | "zh-TW" | "en-US">, (fen, negative, lang) => {
        const n = ((negative ? -1 : 1) * fen) / 100;
        const text = formatAmount(n, "Wan", lang);
        // some digit other than 0, and the sign kept
        return /[1-9]/.test(text) && text.startsWith("-") === negative;
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
