/**
 * Months the contact calendar can be built for: from 12 months before asOf to the month after, newest first,
 * labelled in the UI language. A list rather than <input type="month">, which Safari (Excel on Mac) lacks.
 */
import { isoParts } from "../../domain/dates";
import type { IsoDate, Lang } from "../../domain/types";

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function monthLabel(month: string, lang: Lang): string {
  const [y, m] = month.split("-").map(Number);
  return lang === "en-US" ? `${EN_MONTHS[m - 1]} ${y}` : `${y}年${m}月`;
}

/** "YYYY-MM" of a date. */
export function monthOf(d: IsoDate): string {
  return d.slice(0, 7);
}

export function monthOptions(asOf: IsoDate, lang: Lang, back = 12, ahead = 1): { value: string; label: string }[] {
  const { y, m } = isoParts(asOf);
  const out: { value: string; label: string }[] = [];
  for (let k = ahead; k >= -back; k--) {
    const idx = y * 12 + (m - 1) + k;
    const value = `${String(Math.floor(idx / 12)).padStart(4, "0")}-${String((idx % 12) + 1).padStart(2, "0")}`;
    out.push({ value, label: monthLabel(value, lang) });
  }
  return out;
}
