/**
 * Cell formats of a SheetSpec → the fewest excelize styles and SetCellStyle calls.
 *
 * A spec lists `formats` in order and a later entry adds to the earlier ones it overlaps (a bold header row inside
 * a bordered table keeps its border). excelize gives each cell exactly one style id, so every cell's merged format
 * is worked out first, each distinct merged format becomes one style (cached per workbook — NewStyle is slow), and
 * cells with the same style are written as whole rectangles.
 */
import type { CellStyle, RangeFormat } from "../sheets/spec";
import type { Style } from "excelize-wasm";
import { parseRange, rangeName } from "./a1";
import type { RangeRef } from "./a1";
import { XlsxError } from "./excelize";

/** Everything one cell can carry: the style fields plus the number format. */
export interface MergedFormat extends CellStyle {
  numberFormat?: string;
}

export interface StyledRect {
  range: RangeRef;
  format: MergedFormat;
  /** Stable text key of `format`, for the per-workbook style cache. */
  key: string;
}

/** Largest area the formats of one sheet may cover (their bounding box), so a typo like A1:XFD1048576 fails fast. */
const MAX_FORMAT_CELLS = 4_000_000;

const COLOR = /^#[0-9A-Fa-f]{6}$/;
const HORIZONTAL = new Set(["left", "center", "right"]);
const VERTICAL = new Set(["top", "center", "bottom"]);

export function checkColor(value: string | undefined, what: string, where: { sheet: string; cell?: string }): void {
  if (value !== undefined && !COLOR.test(value)) throw new XlsxError(`${what} must be a colour "#RRGGBB", not "${value}"`, where);
}

function checkFormat(f: RangeFormat, index: number, sheet: string): RangeRef {
  const where = { sheet, cell: f.range };
  const range = parseRange(f.range);
  if (!range) throw new XlsxError(`formats[${index}]: "${f.range}" is not an A1 range`, { sheet });
  if (f.numberFormat !== undefined && (typeof f.numberFormat !== "string" || f.numberFormat.trim() === "" || f.numberFormat.length > 255)) {
    throw new XlsxError(`formats[${index}]: number format must be 1–255 characters`, where);
  }
  const s = f.style;
  if (s) {
    checkColor(s.color, `formats[${index}]: font colour`, where);
    checkColor(s.fill, `formats[${index}]: fill`, where);
    if (s.fontSize !== undefined && !(Number.isFinite(s.fontSize) && s.fontSize >= 1 && s.fontSize <= 409)) {
      throw new XlsxError(`formats[${index}]: font size must be 1–409 points, not ${s.fontSize}`, where);
    }
    if (s.horizontal !== undefined && !HORIZONTAL.has(s.horizontal)) throw new XlsxError(`formats[${index}]: unknown horizontal alignment "${s.horizontal}"`, where);
    if (s.vertical !== undefined && !VERTICAL.has(s.vertical)) throw new XlsxError(`formats[${index}]: unknown vertical alignment "${s.vertical}"`, where);
  }
  return range;
}

/** `later` added onto `base`: fields `later` sets win, the rest of `base` stays. */
export function mergeFormat(base: MergedFormat, f: RangeFormat): MergedFormat {
  const out: MergedFormat = { ...base };
  if (f.numberFormat !== undefined) out.numberFormat = f.numberFormat;
  if (f.style) {
    for (const [k, v] of Object.entries(f.style) as [keyof CellStyle, unknown][]) {
      if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

export function formatKey(m: MergedFormat): string {
  const keys = Object.keys(m).sort() as (keyof MergedFormat)[];
  return JSON.stringify(keys.filter((k) => m[k] !== undefined).map((k) => [k, m[k]]));
}

/** Number format codes excelize should not get as custom codes: General is the default (no format at all). */
function isGeneral(code: string | undefined): boolean {
  return code === undefined || code.trim().toLowerCase() === "general";
}

/** The excelize style for a merged format. */
export function toExcelizeStyle(m: MergedFormat): Style {
  const style: Style = {};
  if (m.bold || m.italic || m.color || m.fontSize) {
    style.Font = {};
    if (m.bold) style.Font.Bold = true;
    if (m.italic) style.Font.Italic = true;
    if (m.color) style.Font.Color = m.color;
    if (m.fontSize) style.Font.Size = m.fontSize;
  }
  if (m.fill) style.Fill = { Type: "pattern", Pattern: 1, Color: [m.fill] };
  if (m.horizontal || m.vertical || m.wrap) {
    style.Alignment = {};
    if (m.horizontal) style.Alignment.Horizontal = m.horizontal;
    if (m.vertical) style.Alignment.Vertical = m.vertical;
    if (m.wrap) style.Alignment.WrapText = true;
  }
  if (m.border) style.Border = ["left", "right", "top", "bottom"].map((Type) => ({ Type, Color: "#000000", Style: 1 }));
  if (!isGeneral(m.numberFormat)) style.CustomNumFmt = m.numberFormat;
  return style;
}

/**
 * Rectangles of cells sharing one merged format, covering every cell some format entry touches. Cells are
 * tracked by the sequence of entries that cover them (a small trie), so the work per cell is one map lookup
 * per covering entry, and rows with the same runs are joined into tall rectangles.
 */
export function planStyles(formats: readonly RangeFormat[] | undefined, sheet: string): StyledRect[] {
  if (!formats || formats.length === 0) return [];
  const ranges = formats.map((f, i) => checkFormat(f, i, sheet));
  const box = {
    top: Math.min(...ranges.map((r) => r.top)),
    left: Math.min(...ranges.map((r) => r.left)),
    bottom: Math.max(...ranges.map((r) => r.bottom)),
    right: Math.max(...ranges.map((r) => r.right)),
  };
  const width = box.right - box.left + 1;
  const height = box.bottom - box.top + 1;
  if (width * height > MAX_FORMAT_CELLS) {
    throw new XlsxError(`formats cover ${rangeName(box)}, more than ${MAX_FORMAT_CELLS.toLocaleString("en-US")} cells`, { sheet });
  }

  // state 0 = no format; state s = parent state + one more entry
  const parent: number[] = [0];
  const entry: number[] = [-1];
  const next = new Map<number, number>();
  const grid = new Int32Array(width * height);
  const n = formats.length + 1;
  ranges.forEach((r, e) => {
    for (let row = r.top; row <= r.bottom; row++) {
      const base = (row - box.top) * width - box.left;
      for (let col = r.left; col <= r.right; col++) {
        const cur = grid[base + col];
        const k = cur * n + e;
        let s = next.get(k);
        if (s === undefined) {
          s = parent.length;
          parent.push(cur);
          entry.push(e);
          next.set(k, s);
        }
        grid[base + col] = s;
      }
    }
  });

  // Merged format per state, then one canonical id per distinct format.
  const merged: MergedFormat[] = [{}];
  for (let s = 1; s < parent.length; s++) merged[s] = mergeFormat(merged[parent[s]], formats[entry[s]]);
  const keyIds = new Map<string, number>();
  const canon = new Int32Array(parent.length);
  const keys: string[] = [""];
  const formatsById: MergedFormat[] = [{}];
  for (let s = 1; s < parent.length; s++) {
    const key = formatKey(merged[s]);
    let id = keyIds.get(key);
    if (id === undefined) {
      id = keys.length;
      keys.push(key);
      formatsById.push(merged[s]);
      keyIds.set(key, id);
    }
    canon[s] = id;
  }

  const done: StyledRect[] = [];
  let open = new Map<string, RangeRef & { id: number }>();
  for (let y = 0; y < height; y++) {
    const row = box.top + y;
    const nextOpen = new Map<string, RangeRef & { id: number }>();
    let x = 0;
    while (x < width) {
      const id = canon[grid[y * width + x]];
      let x2 = x;
      while (x2 + 1 < width && canon[grid[y * width + x2 + 1]] === id) x2++;
      if (id !== 0) {
        const k = `${x}:${x2}:${id}`;
        const prev = open.get(k);
        if (prev) {
          prev.bottom = row;
          open.delete(k);
          nextOpen.set(k, prev);
        } else {
          nextOpen.set(k, { top: row, bottom: row, left: box.left + x, right: box.left + x2, id });
        }
      }
      x = x2 + 1;
    }
    for (const r of open.values()) done.push({ range: r, format: formatsById[r.id], key: keys[r.id] });
    open = nextOpen;
  }
  for (const r of open.values()) done.push({ range: r, format: formatsById[r.id], key: keys[r.id] });
  return done.map(({ range: { top, left, bottom, right }, format, key }) => ({ range: { top, left, bottom, right }, format, key }));
}

/** Plans remembered at most; past it the memory starts again (a workbook rarely has more distinct layouts). */
const MAX_PLANS = 4096;

/**
 * planStyles remembered by the content of the formats, for one workbook: the 5,000 asset reviews of a branch book
 * have 1,480 distinct format lists (clients with as many rows of each kind get the same layout), so seven plans in
 * ten are looked up, the key costing 0.04 ms a sheet. Only lists whose values are all strings, booleans or finite
 * numbers are remembered (their JSON names them exactly); any other goes to planStyles each time, and so does a list
 * that fails (its error names its sheet). Callers only read the plans.
 */
export class StylePlans {
  private readonly plans = new Map<string, StyledRect[]>();

  plan(formats: readonly RangeFormat[] | undefined, sheet: string): StyledRect[] {
    if (!formats || formats.length === 0) return [];
    const key = plansKey(formats);
    if (key === undefined) return planStyles(formats, sheet);
    let plan = this.plans.get(key);
    if (!plan) {
      plan = planStyles(formats, sheet);
      if (this.plans.size >= MAX_PLANS) this.plans.clear();
      this.plans.set(key, plan);
    }
    return plan;
  }
}

const plainValue = (v: unknown) => typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v));

/** What planStyles reads of `formats` (range, number format, style fields set), as JSON; undefined if not plain. */
function plansKey(formats: readonly RangeFormat[]): string | undefined {
  const out: unknown[] = [];
  for (const f of formats) {
    if (!f || typeof f.range !== "string" || (f.numberFormat !== undefined && typeof f.numberFormat !== "string")) return undefined;
    const style: unknown[] = [];
    if (f.style !== undefined) {
      if (f.style === null || typeof f.style !== "object") return undefined;
      for (const [k, v] of Object.entries(f.style)) {
        if (v === undefined) continue;
        if (!plainValue(v)) return undefined;
        style.push(k, v);
      }
    }
    out.push(f.range, f.numberFormat ?? 0, style);
  }
  return JSON.stringify(out);
}

/** The number format in effect at a cell (the last entry covering it that sets one), for chart caches. */
export function numberFormatAt(formats: readonly RangeFormat[] | undefined, col: number, row: number): string | undefined {
  if (!formats) return undefined;
  for (let i = formats.length - 1; i >= 0; i--) {
    const f = formats[i];
    if (f.numberFormat === undefined) continue;
    const r = parseRange(f.range);
    if (r && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) return f.numberFormat;
  }
  return undefined;
}
