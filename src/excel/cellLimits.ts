/**
 * Excel's limit on the text of a cell (and of a note), applied before anything is written: text over it is refused
 * naming where it is. (A calendar note that joins a day's summaries is cut by the sheet builder, fitNote in
 * src/sheets/contactCalendar.ts, for both renderers.)
 */
import type { Lang } from "../domain/types";
import { commandError } from "./errors";

/** Excel's limit on a cell's text, applied to notes too (Excel specifications and limits). */
const CELL_CHARS = 32_767;

/**
 * Text Excel cannot hold is refused before anything is written, naming the table, the record and the field:
 * "Total number of characters that a cell can contain: 32,767" (Excel specifications and limits).
 */
export function checkLength(where: Record<Lang, string>, text: unknown): void {
  if (typeof text !== "string" || text.length <= CELL_CHARS) return;
  const n = text.length.toLocaleString("en-US");
  throw commandError("InvalidArgument", {
    "zh-CN": `${where["zh-CN"]}有 ${n} 个字符，Excel 单元格最多容纳 32,767 个字符；请缩短后再保存（未写入任何内容）`,
    "zh-TW": `${where["zh-TW"]}有 ${n} 個字元，Excel 儲存格最多容納 32,767 個字元；請縮短後再儲存（未寫入任何內容）`,
    "en-US": `${where["en-US"]} has ${n} characters; an Excel cell holds at most 32,767. Shorten it and save again (nothing was written)`,
  });
}

