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
import { cellName, colName, type RangeRef } from "../sheets/a1";
import type { CellStyle } from "../sheets/spec";

/** Longest address Worksheet.getRanges takes (see above). */
export const MAX_AREAS_ADDRESS = 8192;

/** The style properties a RangeAreas' format takes, in a fixed order (the key of a cell's final style). */
const PROPS = ["bold", "italic", "color", "fontSize", "fill", "horizontal", "vertical", "wrap"] as const;

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
  // A cell's state is an interned id of the properties it has so far (0: none); applying a range's style to a state
  // gives the next state, worked out once per (state, range) pair — so each cell costs an integer, not an object.
  const states: CellStyle[] = [{}];
  const byKey = new Map<string, number>([[keyOf({}), 0]]);
  const next: Map<number, number>[] = [];
  const apply = (state: number, index: number, style: CellStyle): number => {
    const known = (next[index] ??= new Map()).get(state);
    if (known !== undefined) return known;
    const merged: Record<string, unknown> = { ...states[state] };
    for (const p of PROPS) if (style[p] !== undefined) merged[p] = style[p];
    const ordered = Object.fromEntries(PROPS.filter((p) => merged[p] !== undefined).map((p) => [p, merged[p]])) as CellStyle;
    const key = keyOf(ordered);
    let id = byKey.get(key);
    if (id === undefined) {
      id = states.length;
      states.push(ordered);
      byKey.set(key, id);
    }
    next[index].set(state, id);
    return id;
  };
  // per cell (row → column → state), the state after every range that covers it, in order
  const cells = new Map<number, Map<number, number>>();
  ranges.forEach(({ range, style }, index) => {
    if (!PROPS.some((p) => style[p] !== undefined)) return;
    for (let r = range.top; r <= range.bottom; r++) {
      let row = cells.get(r);
      if (!row) cells.set(r, (row = new Map()));
      for (let c = range.left; c <= range.right; c++) row.set(c, apply(row.get(c) ?? 0, index, style));
    }
  });
  // per row, runs of equal states; a run continues the block above when it spans the same columns with the same state
  type Block = { top: number; bottom: number; left: number; right: number; state: number };
  const blocks: Block[] = [];
  let open = new Map<string, Block>(); // "left:right:state" of the blocks that reach the previous row
  for (const r of [...cells.keys()].sort((a, b) => a - b)) {
    const row = cells.get(r)!;
    const reach = new Map<string, Block>();
    const columns = [...row.keys()].sort((a, b) => a - b);
    let i = 0;
    while (i < columns.length) {
      const left = columns[i];
      const state = row.get(left)!;
      let right = left;
      while (i + 1 < columns.length && columns[i + 1] === right + 1 && row.get(columns[i + 1]) === state) right = columns[++i];
      i++;
      if (state === 0) continue;
      const id = `${left}:${right}:${state}`;
      const above = open.get(id);
      if (above && above.bottom === r - 1) {
        above.bottom = r;
        reach.set(id, above);
      } else {
        const b = { top: r, bottom: r, left, right, state };
        blocks.push(b);
        reach.set(id, b);
      }
    }
    open = reach;
  }
  const byState = new Map<number, Block[]>();
  for (const b of blocks) {
    const list = byState.get(b.state);
    if (list) list.push(b);
    else byState.set(b.state, [b]);
  }
  return [...byState].map(([state, list]) => ({ style: states[state], addresses: joinAddresses(list.map(blockA1), max), blocks: list.length }));
}

function keyOf(style: CellStyle): string {
  return JSON.stringify(PROPS.map((p) => style[p] ?? null));
}

export interface SizeArea {
  /** Row height or column width in points. */
  points: number;
  /** getRanges addresses of whole rows ("3:3,7:9") or columns ("A:A,C:D"), each at most MAX_AREAS_ADDRESS characters. */
  addresses: string[];
  /** Runs of rows or columns in all the addresses. */
  blocks: number;
}

/** Runs of consecutive rows or columns of one size, gathered by size (sizes in the order they first appear). */
function sizeAreas(runs: readonly { first: number; last: number; value: number }[], address: (first: number, last: number) => string, max: number): SizeArea[] {
  const bySize = new Map<number, string[]>();
  for (const run of runs) {
    const list = bySize.get(run.value);
    const a1 = address(run.first, run.last);
    if (list) list.push(a1);
    else bySize.set(run.value, [a1]);
  }
  return [...bySize].map(([points, list]) => ({ points, addresses: joinAddresses(list, max), blocks: list.length }));
}

/** Whole rows first…last (1-based): "3:5". */
export const rowsA1 = (first: number, last: number): string => `${first}:${last}`;

/** Whole columns first…last (1-based): "C:D". */
export const columnsA1 = (first: number, last: number): string => `${colName(first)}:${colName(last)}`;

/** Row heights: runs of rows (1-based) of one height in points, as whole rows "3:5". */
export function heightAreas(runs: readonly { first: number; last: number; value: number }[], max = MAX_AREAS_ADDRESS): SizeArea[] {
  return sizeAreas(runs, rowsA1, max);
}

/** Column widths: runs of columns (1-based) of one width in points, as whole columns "C:D". */
export function widthAreas(runs: readonly { first: number; last: number; value: number }[], max = MAX_AREAS_ADDRESS): SizeArea[] {
  return sizeAreas(runs, columnsA1, max);
}
