/**
 * Several blocks of a sheet written by one operation: the cells that end with the same style, and the rows that get
 * the same height, gathered into the addresses of Worksheet.getRanges (a RangeAreas, ExcelApi 1.9), so a sheet of
 * 5,000 clients takes a few dozen format writes instead of thousands (issue #19: Refresh all within its sync budget).
 * Pure: renderSheet.ts queues what this plans.
 *
 * - Worksheet.getRanges(address): "comma-separated or semicolon-separated addresses" of one sheet
 *   (https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getranges-member(1)); its
 *   address holds at most 8,192 characters ("Range return character limit",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-troubleshooting; office-js#5198: 8,207 refused),
 *   so the blocks of one style are cut into as many addresses as that needs.
 * - "Setting a property on a RangeAreas object sets the corresponding property on all the ranges in the
 *   RangeAreas.areas collection" ("Work with multiple ranges simultaneously",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-multiple-ranges).
 *
 * Same sheet as one write per format range: the spec's format ranges are applied in order, a later one overriding
 * an earlier one's property on the cells they share. styleAreas works out what every cell ends with — per property,
 * the value of the last range that sets it — and gathers the cells that end alike, so no order of the writes is
 * needed. Borders are not gathered: Excel does not document whose edges a RangeAreas' borders are (each block's or
 * the union's); they stay one write per range.
 */
import { cellName, type RangeRef } from "../sheets/a1";
import type { CellStyle } from "../sheets/spec";

/** Longest address Worksheet.getRanges takes (see above). */
export const MAX_AREAS_ADDRESS = 8192;

/** The style properties a RangeAreas' format takes, in a fixed order (the key of a cell's final style). */
const PROPS = ["bold", "italic", "color", "fontSize", "fill", "horizontal", "vertical", "wrap"] as const;
type Prop = (typeof PROPS)[number];

/** A style without its border (the part styleAreas gathers); undefined when nothing is left. */
export function withoutBorder(style: CellStyle): CellStyle | undefined {
  const out: Record<string, unknown> = {};
  for (const p of PROPS) if (style[p] !== undefined) out[p] = style[p];
  return Object.keys(out).length > 0 ? (out as CellStyle) : undefined;
}

/** A1 of a block: "B2", "B2:D9". */
export function blockA1(r: RangeRef): string {
  const tl = cellName(r.left, r.top);
  return r.top === r.bottom && r.left === r.right ? tl : `${tl}:${cellName(r.right, r.bottom)}`;
}

/**
 * Joins addresses with "," into as few strings as possible of at most `max` characters each, in order.
 * An address longer than `max` cannot be sent at all (RangeError; an A1 block is at most 17 characters).
 */
export function joinAddresses(parts: readonly string[], max = MAX_AREAS_ADDRESS): string[] {
  const out: string[] = [];
  let cur = "";
  for (const p of parts) {
    if (p.length > max) throw new RangeError(`address "${p.slice(0, 40)}…" is longer than ${max} characters`);
    if (cur === "") cur = p;
    else if (cur.length + 1 + p.length <= max) cur += `,${p}`;
    else {
      out.push(cur);
      cur = p;
    }
  }
  if (cur !== "") out.push(cur);
  return out;
}

export interface StyleArea {
  /** What every cell of the blocks ends with (no border). */
  style: CellStyle;
  /** getRanges addresses, each at most MAX_AREAS_ADDRESS characters. */
  addresses: string[];
  /** Blocks in all the addresses. */
  blocks: number;
}

/**
 * The cells of the format ranges gathered by the style they end with. `ranges` in the order the spec applies them;
 * each cell gets, per property, the value of the last range that sets it (as the same writes one by one would
 * leave it). Blocks: per row, runs of neighbouring cells that end alike; runs of the same columns in consecutive
 * rows join into one block. Styles in the order they first appear (top to bottom, left to right).
 */
export function styleAreas(ranges: readonly { range: RangeRef; style: CellStyle }[], max = MAX_AREAS_ADDRESS): StyleArea[] {
  // per cell (row → column → its properties), the last value of each property
  const cells = new Map<number, Map<number, Partial<Record<Prop, unknown>>>>();
  for (const { range, style } of ranges) {
    const props = PROPS.filter((p) => style[p] !== undefined);
    if (props.length === 0) continue;
    for (let r = range.top; r <= range.bottom; r++) {
      let row = cells.get(r);
      if (!row) cells.set(r, (row = new Map()));
      for (let c = range.left; c <= range.right; c++) {
        let cell = row.get(c);
        if (!cell) row.set(c, (cell = {}));
        for (const p of props) cell[p] = style[p];
      }
    }
  }
  const keyOf = (cell: Partial<Record<Prop, unknown>>) => JSON.stringify(PROPS.map((p) => cell[p] ?? null));
  // per row, runs of equal keys; a run continues the block above when it spans the same columns with the same key
  type Block = { top: number; bottom: number; left: number; right: number; key: string };
  const blocks: Block[] = [];
  let open = new Map<string, Block>(); // "left:right:key" of the blocks that reach the previous row
  const styles = new Map<string, CellStyle>();
  for (const r of [...cells.keys()].sort((a, b) => a - b)) {
    const row = cells.get(r)!;
    const next = new Map<string, Block>();
    const columns = [...row.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < columns.length) {
      const left = columns[i];
      const cell = row.get(left)!;
      const key = keyOf(cell);
      if (!styles.has(key)) styles.set(key, Object.fromEntries(PROPS.filter((p) => cell[p] !== undefined).map((p) => [p, cell[p]])) as CellStyle);
      let right = left;
      while (i + 1 < columns.length && columns[i + 1] === right + 1 && keyOf(row.get(columns[i + 1])!) === key) {
        right = columns[++i];
      }
      i++;
      const id = `${left}:${right}:${key}`;
      const above = open.get(id);
      if (above && above.bottom === r - 1) {
        above.bottom = r;
        next.set(id, above);
      } else {
        const b = { top: r, bottom: r, left, right, key };
        blocks.push(b);
        next.set(id, b);
      }
    }
    open = next;
  }
  const byKey = new Map<string, Block[]>();
  for (const b of blocks) {
    const list = byKey.get(b.key);
    if (list) list.push(b);
    else byKey.set(b.key, [b]);
  }
  return [...byKey].map(([key, list]) => ({ style: styles.get(key)!, addresses: joinAddresses(list.map(blockA1), max), blocks: list.length }));
}

export interface HeightArea {
  /** Row height in points. */
  points: number;
  /** getRanges addresses of whole rows ("3:3,7:9"), each at most MAX_AREAS_ADDRESS characters. */
  addresses: string[];
  /** Runs of rows in all the addresses. */
  blocks: number;
}

/** Runs of consecutive rows of equal height, gathered by height (heights in the order they first appear). */
export function heightAreas(runs: readonly { first: number; last: number; value: number }[], max = MAX_AREAS_ADDRESS): HeightArea[] {
  const byHeight = new Map<number, string[]>();
  for (const run of runs) {
    const list = byHeight.get(run.value);
    const address = `${run.first}:${run.last}`;
    if (list) list.push(address);
    else byHeight.set(run.value, [address]);
  }
  return [...byHeight].map(([points, list]) => ({ points, addresses: joinAddresses(list, max), blocks: list.length }));
}
