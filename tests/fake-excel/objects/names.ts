/**
 * Defined names of the workbook scope (Excel.NamedItemCollection / Excel.NamedItem):
 * https://learn.microsoft.com/javascript/api/excel/excel.nameditemcollection and .../excel.nameditem.
 * - `workbook.names` holds workbook-scoped names only (Workbook.names: "a collection of workbook-scoped named
 *   items"; sheet-scoped names are not in it — OfficeDev/office-js#1011). Sheet-scoped names are not modelled.
 * - add(name, reference): reference is a Range or a formula text ("=Sheet1!$A$1", "=\"text\"", "=12"); name
 *   rules as Excel's "Define and use names in formulas" lists them
 *   (https://support.microsoft.com/office/define-and-use-names-in-formulas-4d0f13ac-53b7-422e-afd2-abd7ff379c64):
 *   first character a letter, "_" or "\", then letters, digits, ".", "_"; no spaces; not a cell reference
 *   (A1, R1C1, "R", "C"); at most 255 characters; unique ignoring case (a repeat is InvalidArgument, as Excel
 *   answers "The name already exists").
 * - A name that refers to a range keeps pointing at its sheet when the sheet is renamed or moved, and becomes
 *   #REF! when the sheet is deleted (a new sheet of the same name does not take it over), as Excel keeps references.
 * - value: a range's address (Office.js: "For a named range, it will return the range address"), else the constant;
 *   type "Range" / "String" / "Double" / "Boolean" / "Error"; formula "=…" (ExcelApi 1.7); visible (1.1);
 *   comment (1.4); scope "Workbook" (1.4); delete (1.4).
 * Kept apart from the rest of the fake (its own state per workbook in a WeakMap) so it adds nothing to the model.
 */
import { MAX_COLS, MAX_ROWS, qualifiedAbsolute, type Rect } from "../core/addresses";
import { fail } from "../core/errors";
import type { SheetModel, WorkbookModel } from "../core/model";
import { FakeCollection, FakeEntity, type FakeClientResult, register } from "../core/proxy";
import { FakeRange, rangeArg } from "./range";
import type { HostState } from "../core/state";

export interface NameModel {
  name: string;
  /** A range reference (its sheet object, so renames follow), or a constant formula's text. */
  ref: { sheet: SheetModel; rect: Rect } | { formula: string };
  visible: boolean;
  comment: string;
  deleted?: boolean;
}

const NAMES = new WeakMap<WorkbookModel, NameModel[]>();

/** The workbook's defined names (workbook scope), for the backdoor and the proxies. */
export function namesOf(book: WorkbookModel): NameModel[] {
  let list = NAMES.get(book);
  if (!list) {
    list = [];
    NAMES.set(book, list);
  }
  return list;
}

function deadSheet(book: WorkbookModel, sheet: SheetModel): boolean {
  return sheet.deleted === true || !book.sheets.includes(sheet);
}

/** The reference as Excel prints it, without "=": 'My sheet'!$1:$1048576, or #REF!… for a deleted sheet. */
export function nameReference(book: WorkbookModel, n: NameModel): string {
  if ("formula" in n.ref) return n.ref.formula.replace(/^=/, "");
  const { sheet, rect } = n.ref;
  if (deadSheet(book, sheet)) return `#REF!${qualifiedAbsolute("x", rect).replace(/^x!/, "")}`;
  return qualifiedAbsolute(sheet.name, rect);
}

const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;
const CELL_LIKE = /^(?:[A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*|[RrCc])$/;

function checkName(book: WorkbookModel, name: unknown): string {
  if (typeof name !== "string" || name.length === 0 || name.length > 255 || !NAME_RE.test(name) || CELL_LIKE.test(name)) {
    fail("InvalidArgument", `NamedItemCollection.add: ${JSON.stringify(name)} is not a valid name`);
  }
  if (namesOf(book).some((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase())) {
    fail("InvalidArgument", `NamedItemCollection.add: the name '${name}' already exists`);
  }
  return name;
}

function find(book: WorkbookModel, name: unknown): NameModel | null {
  if (typeof name !== "string") fail("InvalidArgument", "NamedItemCollection.getItem: the name must be text");
  return namesOf(book).find((n) => !n.deleted && n.name.toLowerCase() === name.toLowerCase()) ?? null;
}

/** A formula reference "=Sheet!$A$1" / "='x y'!$1:$3" to a range of an existing sheet, else a constant. */
function parseReference(host: HostState, text: string): NameModel["ref"] {
  if (!text.startsWith("=")) fail("InvalidArgument", `NamedItemCollection.add: the reference ${JSON.stringify(text)} must start with "="`);
  const m = /^=(?:'((?:[^']|'')+)'|([^!'"]+))!(\$?[A-Za-z]{0,3}\$?\d*(?::\$?[A-Za-z]{0,3}\$?\d*)?)$/.exec(text);
  if (m) {
    const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
    if (!host.book.sheets.some((s) => s.name.toLowerCase() === sheetName.toLowerCase())) fail("InvalidArgument", `NamedItemCollection.add: no sheet named '${sheetName}'`);
    return { formula: text }; // a typed reference is kept as text (not followed on rename) — enough for the fake
  }
  return { formula: text };
}

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, FakeNamedItem> {
  declare readonly __office?: Excel.NamedItemCollection;

  add(name: string, reference: Excel.Range | string, comment?: string): FakeNamedItem {
    return this._object(FakeNamedItem, "add", comment === undefined ? [name, reference] : [name, reference, comment], (book, host) => {
      const n = checkName(book, name);
      const ref = typeof reference === "string" ? parseReference(host, reference) : (() => {
        const r = rangeArg(host, reference as unknown as FakeRange, "NamedItemCollection.add reference");
        return { sheet: r.sheet, rect: r.rect };
      })();
      const model: NameModel = { name: n, ref, visible: true, comment: comment ?? "" };
      namesOf(book).push(model);
      return model;
    });
  }

  getItem(name: string): FakeNamedItem {
    return this._object(FakeNamedItem, "getItem", [name], (book) => find(book, name));
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return this._object(FakeNamedItem, "getItemOrNullObject", [name], (book) => find(book, name), true);
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (book) => namesOf(book).filter((n) => !n.deleted).length);
  }
}

register(FakeNamedItemCollection, {
  className: "NamedItemCollection",
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeNamedItem,
    items: (book: WorkbookModel) => namesOf(book).filter((n) => !n.deleted),
    itemLabel: (n: NameModel) => `getItem(${JSON.stringify(n.name)})`,
  },
});

/** Finds the workbook of a name model (names know only their own list). */
function bookOf(host: HostState): WorkbookModel {
  return host.book;
}

function typeOf(host: HostState, n: NameModel): string {
  if (!("formula" in n.ref)) return deadSheet(bookOf(host), n.ref.sheet) ? "Error" : "Range";
  const f = n.ref.formula.replace(/^=/, "");
  if (/^".*"$/.test(f)) return "String";
  if (/^(TRUE|FALSE)$/i.test(f)) return "Boolean";
  if (/^-?\d+(\.\d+)?$/.test(f)) return "Double";
  if (/^#/.test(f)) return "Error";
  return "Range";
}

function valueOf(host: HostState, n: NameModel): unknown {
  const f = nameReference(bookOf(host), n);
  if (!("formula" in n.ref)) return deadSheet(bookOf(host), n.ref.sheet) ? "#REF!" : f;
  if (/^".*"$/.test(f)) return f.slice(1, -1).replace(/""/g, '"');
  if (/^(TRUE|FALSE)$/i.test(f)) return f.toUpperCase() === "TRUE";
  if (/^-?\d+(\.\d+)?$/.test(f)) return Number(f);
  return f;
}

export class FakeNamedItem extends FakeEntity<NameModel> {
  declare readonly __office?: Excel.NamedItem;
  declare readonly name: string;
  declare readonly type: Excel.NamedItem["type"];
  declare readonly value: any;
  declare readonly scope: Excel.NamedItem["scope"];
  declare formula: any;
  declare visible: boolean;
  declare comment: string;

  delete(): void {
    this._call("delete", [], (n) => void (n.deleted = true));
  }
}

register(FakeNamedItem, {
  className: "NamedItem",
  alive: (n: NameModel) => !n.deleted,
  scalars: {
    name: { get: (n: NameModel) => n.name },
    type: { get: (n: NameModel, host) => typeOf(host, n) },
    value: { get: (n: NameModel, host) => valueOf(host, n) },
    scope: { get: () => "Workbook" },
    formula: {
      get: (n: NameModel, host) => `=${nameReference(bookOf(host), n)}`,
      set: (n: NameModel, v, host) => {
        if (typeof v !== "string") fail("InvalidArgument", "NamedItem.formula must be text starting with \"=\"");
        n.ref = parseReference(host, v);
      },
    },
    visible: {
      get: (n: NameModel) => n.visible,
      set: (n: NameModel, v) => {
        if (typeof v !== "boolean") fail("InvalidArgument", "NamedItem.visible must be true or false");
        n.visible = v;
      },
    },
    comment: {
      get: (n: NameModel) => n.comment,
      set: (n: NameModel, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "NamedItem.comment must be text");
        n.comment = v;
      },
    },
  },
  navs: {},
});

/** Backdoor: the defined names as plain data (reference as Excel prints it, without "="). */
export function definedNames(book: WorkbookModel): { name: string; reference: string; visible: boolean }[] {
  return namesOf(book)
    .filter((n) => !n.deleted)
    .map((n) => ({ name: n.name, reference: nameReference(book, n), visible: n.visible }));
}

/** Backdoor: a defined name referring to a whole sheet (as a file opened with such a name would have). */
export function seedSheetName(book: WorkbookModel, name: string, sheetName: string, visible = false): void {
  const sheet = book.sheets.find((s) => s.name.toLowerCase() === sheetName.toLowerCase());
  if (!sheet) throw new Error(`seedSheetName: no sheet '${sheetName}'`);
  namesOf(book).push({ name, ref: { sheet, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } }, visible, comment: "" });
}

