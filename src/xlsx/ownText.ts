/**
 * Text read out of a workbook part, copied so that it shares no memory with the part.
 *
 * In V8 (Node, Chrome, Edge — the engines the CLI and the task pane run on) a substring of 13 or more characters,
 * such as a regular-expression match, is a view into the string it was cut from (a "sliced string": V8
 * src/objects/string.h, SlicedString, kMinLength = 13). One cell value kept from a worksheet part therefore keeps the
 * whole part's text alive: reading the 5,000-client benchmark book kept 398 MB of heap for a book and tables whose
 * values take 169 MB once copied (issue #19, measured with --expose-gc after reading). Concatenating makes a new
 * string, and slicing that flattens it into memory of its own, about the size of the text.
 */
export function ownText(s: string): string {
  return (" " + s).slice(1);
}
