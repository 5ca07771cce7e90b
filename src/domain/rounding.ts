/**
 * Rounding as Excel's ROUND does it, for every amount or percentage the add-in shows as text (the Today page and
 * sheet, the task pane): half away from zero, on the decimal the user sees, not on the binary double underneath.
 *
 * Why not toFixed or Math.round: 2.675 is stored as 2.67499999999999982…, so (2.675).toFixed(2) is "2.67" and
 * Math.round(-2.5) is -2, while Excel's =ROUND(2.675,2) is 2.68 and =ROUND(-2.5,0) is -3 (Microsoft, "ROUND
 * function": "rounds a number to a specified number of digits"; its examples round 2.15 to 2.2 and -1.475 to
 * -1.48 — halves away from zero). Excel keeps 15 significant digits (Microsoft, "Floating-point arithmetic may give
 * inaccurate results in Excel"), so the number is first read at 15 significant digits, then its decimal halves
 * round away from zero. Shifting the decimal point through the exponent of a decimal string keeps every step exact.
 */

/** Moves the decimal point of a finite, non-negative x by `shift` places exactly (via its decimal exponent form). */
function shiftDecimal(x: number, shift: number): number {
  const [mantissa, exponent] = x.toExponential().split("e");
  return Number(`${mantissa}e${Number(exponent) + shift}`);
}

/** Excel's ROUND(x, digits) for digits ≥ 0: 2.675 → 2.68, 1.005 → 1.01, -2.5 → -3. Non-finite x is returned as is. */
export function excelRound(x: number, digits = 0): number {
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  if (!Number.isInteger(digits) || digits < 0) throw new RangeError(`digits: ${String(digits)} is not a whole number ≥ 0`);
  const abs = Number(Math.abs(x).toPrecision(15));
  const rounded = shiftDecimal(Math.round(shiftDecimal(abs, digits)), -digits);
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}
