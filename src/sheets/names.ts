/**
 * Sheet names as Excel accepts them: at most 31 characters, none of []:*?/\ , not starting or ending with an
 * apostrophe, not blank, not Excel's reserved "History", and unique in the workbook ignoring case.
 * Lengths are counted in UTF-16 units (what Excel counts); a surrogate pair is never cut in half.
 */

export const MAX_SHEET_NAME = 31;

const FORBIDDEN = /[[\]:*?/\\]/g;
/** Control characters are refused by Excel too (\p{Cc}: U+0000–U+001F and U+007F–U+009F). */
const CONTROL = /\p{Cc}/gu;
const HAS_CONTROL = /\p{Cc}/u;

/** Cuts `s` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function truncateUnits(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** The name with forbidden characters replaced by "_", apostrophes trimmed from the ends, whitespace collapsed. */
export function cleanSheetText(s: string): string {
  return s.replace(CONTROL, " ").replace(FORBIDDEN, "_").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
}

/** A valid sheet name from any text: cleaned, cut to 31 units, never blank or "History". */
export function sanitizeSheetName(name: string, fallback = "Sheet"): string {
  let s = truncateUnits(cleanSheetText(name), MAX_SHEET_NAME).replace(/'+$/, "").trim();
  if (s === "") s = fallback;
  if (s.toLowerCase() === "history") s = `${s}_`;
  return s;
}

/** True when Excel accepts `name` as a sheet name (uniqueness aside). */
export function isValidSheetName(name: string): boolean {
  return (
    typeof name === "string" &&
    name.length >= 1 &&
    name.length <= MAX_SHEET_NAME &&
    !/[[\]:*?/\\]/.test(name) &&
    !HAS_CONTROL.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== "history"
  );
}

/** Excel compares sheet names ignoring case (also for full-width and accented letters). */
export function sheetNameKey(name: string): string {
  return name.normalize("NFKC").toUpperCase();
}

/**
 * `head` + `tail` within 31 units: the head is cut, the tail kept whole (so an id at the end survives); the
 * first `keep` units of the head (a prefix such as "Review-") always stay, the tail cut instead when it is too long.
 */
export function fitSheetName(head: string, tail: string, keep = 0): string {
  const h = cleanSheetText(head);
  let t = cleanSheetText(tail);
  const k = Math.min(keep, h.length, MAX_SHEET_NAME - 1);
  if (t.length > MAX_SHEET_NAME - k) t = truncateUnits(t, MAX_SHEET_NAME - k);
  if (t.length >= MAX_SHEET_NAME) return sanitizeSheetName(t);
  return sanitizeSheetName(truncateUnits(h, MAX_SHEET_NAME - t.length) + t);
}

/**
 * Unique, valid names handed out one at a time — the one naming rule for every sheet ClientBook adds: a repeat
 * (ignoring case) gets " (2)", " (3)"… with the base cut so the whole stays within 31 units. `taken` holds names
 * already in the workbook. Each name costs a set lookup per suffix tried (O(n) over a 5,000-sheet build).
 */
export class SheetNamer {
  private readonly used = new Set<string>();

  constructor(taken: Iterable<string> = []) {
    for (const t of taken) this.used.add(sheetNameKey(t));
  }

  /** True when `name` is taken (ignoring case). */
  has(name: string): boolean {
    return this.used.has(sheetNameKey(name));
  }

  /** Marks `name` as taken. */
  take(name: string): void {
    this.used.add(sheetNameKey(name));
  }

  /** The first free name for `wanted`, now taken. */
  name(wanted: string): string {
    const base = sanitizeSheetName(wanted);
    let name = base;
    for (let k = 2; this.used.has(sheetNameKey(name)); k++) {
      const suffix = ` (${k})`;
      name = truncateUnits(base, MAX_SHEET_NAME - suffix.length).trimEnd() + suffix;
    }
    this.used.add(sheetNameKey(name));
    return name;
  }
}

/** Unique, valid names for a set of sheets, in order, by SheetNamer's rule. */
export function uniqueSheetNames(names: readonly string[], taken: Iterable<string> = []): string[] {
  const namer = new SheetNamer(taken);
  return names.map((n) => namer.name(n));
}
