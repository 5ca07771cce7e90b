/**
 * Naming rules Excel enforces.
 * Sheet names: "Rename a worksheet" (https://support.microsoft.com/office/3f1f7148-ee83-404d-8ef0-9ff99fbad1f9):
 * not blank, at most 31 characters, none of / \ ? * : [ ], not beginning or ending with an apostrophe, not
 * "History", unique ignoring case. Invalid → InvalidArgument; taken → ItemAlreadyExists
 * (https://github.com/OfficeDev/office-scripts-docs/issues/560 shows the ItemAlreadyExists message).
 * Table names: "Rename an Excel table" (https://support.microsoft.com/office/fbf49a4f-82a3-43eb-8ba2-44d21233b114):
 * start with a letter, underscore or backslash; then letters, digits, periods, underscores; no spaces; not a cell
 * reference; at most 255 characters; unique in the workbook. Excel reports a taken or invalid table name as
 * InvalidArgument (https://github.com/OfficeDev/office-js/issues/551).
 */
import { fail } from "./errors";
import { allTables, type SheetModel, type TableModel, type WorkbookModel } from "./model";

export function checkSheetName(book: WorkbookModel, name: unknown, self?: SheetModel): string {
  if (typeof name !== "string" || name.trim() === "") fail("InvalidArgument", `sheet name ${JSON.stringify(name)} is blank`);
  if (name.length > 31) fail("InvalidArgument", `sheet name '${name}' has ${name.length} characters; Excel allows 31`);
  const bad = /[\\/?*:[\]]/.exec(name);
  if (bad) fail("InvalidArgument", `sheet name '${name}' contains '${bad[0]}', which Excel does not allow (/ \\ ? * : [ ])`);
  if (name.startsWith("'") || name.endsWith("'")) fail("InvalidArgument", `sheet name '${name}' begins or ends with an apostrophe`);
  if (name.toLowerCase() === "history") fail("InvalidArgument", "'History' is reserved by Excel");
  const taken = book.sheets.find((s) => s !== self && s.name.toLowerCase() === name.toLowerCase());
  if (taken) fail("ItemAlreadyExists", `a sheet named '${taken.name}' already exists (names are compared ignoring case)`);
  return name;
}

export function checkTableName(book: WorkbookModel, name: unknown, self?: TableModel): string {
  if (typeof name !== "string" || name === "") fail("InvalidArgument", `table name ${JSON.stringify(name)} is blank`);
  if (name.length > 255) fail("InvalidArgument", `table name '${name.slice(0, 20)}…' is longer than 255 characters`);
  if (!/^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u.test(name)) {
    fail("InvalidArgument", `table name '${name}' must start with a letter, _ or \\ and contain only letters, digits, periods and underscores (no spaces)`);
  }
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) {
    fail("InvalidArgument", `table name '${name}' reads as a cell reference`);
  }
  const taken = allTables(book).find((t) => t !== self && !t.deleted && t.name.toLowerCase() === name.toLowerCase());
  if (taken) fail("InvalidArgument", `a table named '${taken.name}' already exists in the workbook (table names are workbook-wide)`);
  return name;
}
