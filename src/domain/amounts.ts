/**
 * Amounts as a manager reads them: the display unit (元 or 万元, the book's AmountUnit setting) and the ONE amount
 * format every place uses — the cells' Excel number format and the text of the Today page and sheet and the task
 * pane. Cells keep the exact value (so SUM and every formula still add up); only the display changes. The unit is
 * a display setting, independent of the book's currency (CNY, TWD, HKD… are all counted in 元 / 萬).
 *
 * The two formats (docs/ARCHITECTURE.md § Figures, "amounts shown"):
 * - 元: whole units with thousands separators, `#,##0`: 83,937.98 → "83,938", 1,908,000 → "1,908,000"
 *   (Excel's ROUND(n, 0): halves away from zero).
 * - 万元: tenths of 万 with the unit, `0\.0,"万"` (萬 for zh-TW): 29,836,264 → "2983.6万", 83,937.98 → "8.4万".
 *   Excel has no divide-by-10,000 format; the known trick (Chinese Excel practice, e.g. qqso.net "金额显示技巧":
 *   `0!.0,`) scales by 1,000 with the trailing comma (Microsoft, "Number format codes": "a comma that follows a
 *   digit placeholder scales the number by 1,000") and shows the last remaining digit after a literal point
 *   (Microsoft: "to display … a single character, precede it with a backslash (\)"). So the cell shows
 *   ROUND(n / 1000, 0) with a point before its last digit = ROUND(n / 10000, 1). We write the backslash form:
 *   LibreOffice (our interop check) renders `0\.0,` the same as Excel but shows `0!.0,` as "2983!.6" —
 *   tests/interop/amountUnit.libreoffice.test.ts holds it. No thousands separators in 万: Excel would group the
 *   digits around the literal point, and 9,999万 (≈ 1 亿) is already four digits.
 *   Below 1万 the text says the amount in 元 (formatAmount): a 72 TWD monthly premium read "0.0萬" — a non-zero
 *   amount shown as zero. |n| < 10,000 → whole 元 with separators and the unit 元 ("72元", "9,999元", "-500元");
 *   a non-zero amount that rounds to 0 元 shows its 分 ("0.40元"); only a remainder under half a 分 (float noise)
 *   reads "0元". The cells keep `0\.0,"万"` (they hold the exact value): a conditional format ([>=10000]…;…) would
 *   put negative amounts in a section whose minus sign Excel gives by rules of its own — `[>=-1]0;0` shows -2 as "2"
 *   in Excel 2019 (SheetJS/sheetjs#2594) — and a wrong sign is worse than a rounded one.
 * en-US books show the same 万 and 元 characters: the unit is a Chinese one with no English word (10k would read as
 * thousands); its Settings label explains it ("10,000s (万元)").
 */
import type { Localized } from "./result";
import { excelRound } from "./rounding";
import type { AmountUnit, Lang } from "./types";

export { AMOUNT_UNITS, type AmountUnit } from "./types";

/** How many 元 one displayed unit is. */
export const AMOUNT_UNIT_SIZE: Readonly<Record<AmountUnit, number>> = { Yuan: 1, Wan: 10_000 };

/** The unit's name (Settings value, pane labels). */
export const AMOUNT_UNIT_LABELS: Readonly<Record<AmountUnit, Localized>> = {
  Yuan: { "zh-CN": "元", "zh-TW": "元", "en-US": "Units (元)" },
  Wan: { "zh-CN": "万元", "zh-TW": "萬元", "en-US": "10,000s (万元)" },
};

/** The suffix a 万 amount carries, in the sheet's or the pane's language. */
const WAN_SUFFIX: Readonly<Record<Lang, string>> = { "zh-CN": "万", "zh-TW": "萬", "en-US": "万" };

/**
 * Excel number format of an amount cell in this unit (whole 元: `#,##0`; 万: `0\.0,"万"`). With `blankZero` the same
 * format for positive and negative amounts and an empty third section, so a zero shows nothing while the cell keeps
 * its 0 for every SUM: `#,##0;-#,##0;` (万: `0\.0,"万";-0\.0,"万";`). Source: Microsoft Support, "Review guidelines
 * for customizing a number format" — sections are <POSITIVE>;<NEGATIVE>;<ZERO>;<TEXT>, and an empty section hides
 * its values (the second section shows no minus of its own, hence the literal "-"). Used where a table of months is
 * read for the months with money (the ladder's per-client table).
 */
export function amountNumberFormat(unit: AmountUnit, lang: Lang, blankZero = false): string {
  const f = unit === "Wan" ? `0\\.0,"${WAN_SUFFIX[lang]}"` : "#,##0";
  return blankZero ? `${f};-${f};` : f;
}

/** 1234567 → "1,234,567". */
function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The unit a 万-unit text gives an amount under 1万 (元 in every language, as 万 is). */
const YUAN_SUFFIX = "元";

/**
 * An amount as text, as a cell with amountNumberFormat(unit, lang) shows it: 元 → "83,938"; 万 → "8.4万" — except
 * that in 万 an amount under 1万 is said in 元 ("72元", file comment), so no non-zero amount reads as zero.
 * Plain string work (Intl.NumberFormat is ~20× slower, and a 5,000-client Today list formats tens of thousands).
 */
export function formatAmount(n: number, unit: AmountUnit = "Yuan", lang: Lang = "zh-CN"): string {
  if (!Number.isFinite(n)) return String(n);
  if (unit === "Wan" && Math.abs(n) < AMOUNT_UNIT_SIZE.Wan) {
    const whole = formatAmount(n, "Yuan", lang);
    if (whole !== "0" || n === 0) return `${whole}${YUAN_SUFFIX}`;
    // under half a 元: its 分 (Excel's ROUND(n, 2)); under half a 分 nothing to show
    const cents = excelRound(n, 2);
    return `${cents === 0 ? "0" : cents.toFixed(2)}${YUAN_SUFFIX}`;
  }
  if (unit === "Wan") {
    // What `0\.0,` does: n / 1000 rounded to a whole number, a point before its last digit.
    const k = excelRound(n / 1000, 0);
    const digits = Math.abs(k).toFixed(0).padStart(2, "0");
    if (digits.includes("e")) return String(n);
    const sign = k < 0 ? "-" : "";
    return `${sign}${digits.slice(0, -1)}.${digits.slice(-1)}${WAN_SUFFIX[lang]}`;
  }
  const whole = excelRound(n, 0);
  const digits = Math.abs(whole).toFixed(0);
  if (digits.includes("e")) return String(n);
  return (whole < 0 ? "-" : "") + grouped(digits);
}
