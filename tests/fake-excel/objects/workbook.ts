/**
 * Workbook, Application and settings (Excel.SettingCollection / Excel.Setting).
 * https://learn.microsoft.com/javascript/api/excel/excel.workbook
 * Settings are stored as JSON text, as Excel keeps add-in settings; Date values come back as Dates
 * ("Persist add-in state and settings": https://learn.microsoft.com/office/dev/add-ins/develop/persisting-add-in-state-and-settings).
 */
import { oneOf } from "../core/checks";
import { setRootClasses } from "../core/context";
import { FakeNamedItemCollection } from "./names";
import { FakeCommentCollection, FakeNoteCollection } from "./notes";
import { CalculationMode, CalculationType, WorksheetPositionType } from "../generated/enums";
import { fail } from "../core/errors";
import type { WorkbookModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, register, resolve } from "../core/proxy";
import { FakeRange } from "./range";
import { addSeedSheets } from "./seeds";
import type { HostState } from "../core/state";
import { FakeTableCollection } from "./table";
import { FakeWorksheet, FakeWorksheetCollection } from "./worksheet";

const DATE = /^\/Date\((-?\d+)\)\/$/;

export function encodeSetting(value: unknown, key: string): string {
  if (value === undefined || typeof value === "function" || typeof value === "symbol") {
    fail("InvalidArgument", `setting '${key}': ${typeof value} values cannot be stored`);
  }
  const text = JSON.stringify(value, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    return raw instanceof Date ? `/Date(${raw.getTime()})/` : v;
  });
  if (text === undefined) fail("InvalidArgument", `setting '${key}' cannot be stored as JSON`);
  return text;
}

export function decodeSetting(text: string): unknown {
  return JSON.parse(text, (_k, v) => {
    if (typeof v === "string") {
      const m = DATE.exec(v);
      if (m) return new Date(Number(m[1]));
    }
    return v;
  });
}

export class FakeWorkbook extends FakeEntity<WorkbookModel> {
  declare readonly __office?: Excel.Workbook;
  declare readonly name: string;
  declare readonly worksheets: FakeWorksheetCollection;
  declare readonly tables: FakeTableCollection;
  declare readonly settings: FakeSettingCollection;
  declare readonly names: FakeNamedItemCollection;
  declare readonly comments: FakeCommentCollection;
  declare readonly notes: FakeNoteCollection;
  declare readonly application: FakeApplication;

  getSelectedRange(): FakeRange {
    return this._object(FakeRange, "getSelectedRange", [], (book) => ({ sheet: book.selection.sheet, rect: book.selection.rect }));
  }

  getActiveCell(): FakeRange {
    return this._object(FakeRange, "getActiveCell", [], (book) => {
      const { r0, c0 } = book.selection.rect;
      return { sheet: book.selection.sheet, rect: { r0, c0, r1: r0, c1: c0 } };
    });
  }

  /**
   * Inserts the sheets of an .xlsx given as base64 (ExcelApi 1.13). The fake cannot read xlsx, so the host's
   * decoder hook (host.setXlsxDecoder) turns the file into sheets; without one the call fails with NotImplemented.
   * A name already in use gets " (2)", " (3)"… as Excel does. The result holds the new sheets' ids.
   */
  insertWorksheetsFromBase64(base64File: string, options?: Excel.InsertWorksheetOptions): FakeClientResult<string[]> {
    return this._callResult("insertWorksheetsFromBase64", [base64File, options], (book, host) => {
      if (typeof base64File !== "string" || base64File.trim() === "" || !/^[A-Za-z0-9+/=\s]+$/.test(base64File)) {
        fail("InvalidArgument", "insertWorksheetsFromBase64: base64File is not base64 text");
      }
      if (!host.decoder) fail("NotImplemented", "fake-excel cannot read .xlsx; register a decoder with host.setXlsxDecoder()");
      let seeds = host.decoder(base64File);
      if (options?.sheetNamesToInsert) {
        const wanted = options.sheetNamesToInsert.map((n) => n.toLowerCase());
        seeds = seeds.filter((s) => wanted.includes(s.name.toLowerCase()));
      }
      const position = options?.positionType === undefined ? "None" : oneOf(options.positionType, WorksheetPositionType, "InsertWorksheetOptions.positionType");
      let at = book.sheets.length;
      if (position === "Beginning") at = 0;
      if (position === "Before" || position === "After") {
        const rel = options?.relativeTo;
        const sheet = rel instanceof FakeWorksheet ? resolve(rel, host) : typeof rel === "string" ? book.sheets.find((s) => s.name.toLowerCase() === rel.toLowerCase()) ?? null : null;
        if (!sheet) fail("InvalidArgument", `insertWorksheetsFromBase64: positionType ${position} needs an existing relativeTo sheet`);
        at = book.sheets.indexOf(sheet) + (position === "After" ? 1 : 0);
      }
      return addSeedSheets(host, seeds, at, true).map((s) => s.id);
    });
  }
}

register(FakeWorkbook, {
  className: "Workbook",
  scalars: { name: { get: (book: WorkbookModel) => book.name } },
  navs: {
    worksheets: { cls: () => FakeWorksheetCollection, target: (book: WorkbookModel) => book },
    tables: { cls: () => FakeTableCollection, target: () => ({}) },
    settings: { cls: () => FakeSettingCollection, target: (book: WorkbookModel) => book },
    names: { cls: () => FakeNamedItemCollection, target: (book: WorkbookModel) => book },
    comments: { cls: () => FakeCommentCollection, target: () => ({}) },
    notes: { cls: () => FakeNoteCollection, target: () => ({}) },
    application: { cls: () => FakeApplication, target: (book: WorkbookModel) => book },
  },
});

export class FakeApplication extends FakeEntity<WorkbookModel> {
  declare readonly __office?: Excel.Application;
  declare calculationMode: Excel.Application["calculationMode"];

  calculate(calculationType: Excel.CalculationType | "Recalculate" | "Full" | "FullRebuild"): void {
    this._call("calculate", [calculationType], () => void oneOf(calculationType, CalculationType, "Application.calculate calculationType"));
  }

  suspendApiCalculationUntilNextSync(): void {
    this._call("suspendApiCalculationUntilNextSync", [], () => undefined);
  }

  suspendScreenUpdatingUntilNextSync(): void {
    this._call("suspendScreenUpdatingUntilNextSync", [], () => undefined);
  }
}

register(FakeApplication, {
  className: "Application",
  scalars: {
    calculationMode: {
      setMember: "Application.calculationMode.set",
      get: (book: WorkbookModel) => book.calculationMode,
      set: (book: WorkbookModel, v) => void (book.calculationMode = oneOf(v, CalculationMode, "Application.calculationMode")),
    },
  },
  navs: {},
});

export interface SettingRef {
  book: WorkbookModel;
  key: string;
}

function checkKey(key: unknown): string {
  if (typeof key !== "string" || key === "") fail("InvalidArgument", `setting key must be a non-empty string, not ${JSON.stringify(key)}`);
  return key;
}

export class FakeSettingCollection extends FakeCollection<WorkbookModel, FakeSetting> {
  declare readonly __office?: Excel.SettingCollection;

  /** Sets or adds a setting ("Sets or adds the specified setting to the workbook"). */
  add(key: string, value: string | number | boolean | Date | any[] | any): FakeSetting {
    return this._object(FakeSetting, "add", [key, value], (book): SettingRef => {
      const k = checkKey(key);
      book.settings.set(k, encodeSetting(value, k));
      return { book, key: k };
    });
  }

  getItem(key: string): FakeSetting {
    return this._object(FakeSetting, "getItem", [key], (book) => (book.settings.has(checkKey(key)) ? { book, key } : null));
  }

  getItemOrNullObject(key: string): FakeSetting {
    return this._object(FakeSetting, "getItemOrNullObject", [key], (book) => (book.settings.has(checkKey(key)) ? { book, key } : null), true);
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (book) => book.settings.size);
  }
}

register(FakeSettingCollection, {
  className: "SettingCollection",
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeSetting,
    items: (book: WorkbookModel) => [...book.settings.keys()].map((key) => ({ book, key })),
    itemLabel: (s: SettingRef) => `getItem(${JSON.stringify(s.key)})`,
  },
});

export class FakeSetting extends FakeEntity<SettingRef> {
  declare readonly __office?: Excel.Setting;
  declare readonly key: string;
  declare value: any;

  delete(): void {
    this._call("delete", [], (s) => void s.book.settings.delete(s.key));
  }
}

register(FakeSetting, {
  className: "Setting",
  alive: (s: SettingRef) => s.book.settings.has(s.key),
  scalars: {
    key: { get: (s: SettingRef) => s.key },
    value: {
      get: (s: SettingRef) => decodeSetting(s.book.settings.get(s.key) as string),
      set: (s: SettingRef, v) => void s.book.settings.set(s.key, encodeSetting(v, s.key)),
    },
  },
  navs: {},
});

// The context creates its root objects from these classes (core/context.ts imports objects only as types).
setRootClasses(FakeWorkbook, FakeApplication);

export type { HostState };
