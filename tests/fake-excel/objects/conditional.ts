/**
 * Conditional formats of the "Custom" (formula) kind: ConditionalFormatCollection, ConditionalFormat,
 * CustomConditionalFormat, ConditionalFormatRule, ConditionalRangeFormat/Font/Fill.
 * "Apply conditional formatting to Excel ranges": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-conditional-formatting
 * - add(type) puts the new format first (priority 0) and pushes the others down, as Excel does for a new rule;
 * - the collection of a range holds the formats that intersect it; clearAll() removes the range's cells from them;
 * - other types (DataBar, ColorScale, IconSet, TopBottom, PresetCriteria, ContainsText, CellValue) are real API the
 *   fake does not model: add() fails with NotImplemented so a test never passes on a silent no-op.
 */
import { intersects, qualified } from "../core/addresses";
import { isBool, isInt, oneOf } from "../core/checks";
import { normalizeColor } from "../core/colors";
import { ConditionalFormatType, ConditionalRangeFontUnderlineStyle } from "../generated/enums";
import { fail } from "../core/errors";
import type { ConditionalFormatModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, register } from "../core/proxy";
import { FakeRange } from "./range";
import { assertEditable, clearConditionalFormats, type RangeRef, refAddress } from "../core/sheet-ops";

function inRange(ref: RangeRef): ConditionalFormatModel[] {
  return ref.sheet.conditionalFormats.filter((cf) => cf.rects.some((r) => intersects(r, ref.rect)));
}

export class FakeConditionalFormatCollection extends FakeCollection<RangeRef, FakeConditionalFormat> {
  declare readonly __office?: Excel.ConditionalFormatCollection;

  add(type: Excel.ConditionalFormatType | "Custom" | "DataBar" | "ColorScale" | "IconSet" | "TopBottom" | "PresetCriteria" | "ContainsText" | "CellValue"): FakeConditionalFormat {
    return this._object(FakeConditionalFormat, "add", [type], (ref, host) => {
      const kind = oneOf(type, ConditionalFormatType, "ConditionalFormatCollection.add type");
      if (kind !== "Custom") fail("NotImplemented", `fake-excel models Custom conditional formats only, not ${kind}`);
      assertEditable(ref.sheet, `conditional format on ${refAddress(ref)}`);
      host.book.counters.cf += 1;
      const cf: ConditionalFormatModel = {
        id: `{CF-${String(host.book.counters.cf).padStart(4, "0")}}`,
        type: kind,
        sheet: ref.sheet,
        rects: [{ ...ref.rect }],
        priority: 0,
        stopIfTrue: false,
        formula: "",
        format: {},
      };
      ref.sheet.conditionalFormats.unshift(cf);
      renumber(ref.sheet.conditionalFormats);
      return cf;
    });
  }

  clearAll(): void {
    this._call("clearAll", [], (ref) => {
      assertEditable(ref.sheet, `conditionalFormats.clearAll of ${refAddress(ref)}`);
      clearConditionalFormats(ref.sheet, ref.rect);
      renumber(ref.sheet.conditionalFormats);
    });
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (ref) => inRange(ref).length);
  }

  getItem(id: string): FakeConditionalFormat {
    return this._object(FakeConditionalFormat, "getItem", [id], (ref) => inRange(ref).find((cf) => cf.id === id) ?? null);
  }

  getItemAt(index: number): FakeConditionalFormat {
    return this._object(FakeConditionalFormat, "getItemAt", [index], (ref) => inRange(ref)[isInt(index, "getItemAt index", 0)] ?? null);
  }
}

function renumber(list: ConditionalFormatModel[]): void {
  list.forEach((cf, i) => (cf.priority = i));
}

register(FakeConditionalFormatCollection, {
  className: "ConditionalFormatCollection",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: {},
  navs: {},
  collection: {
    item: () => FakeConditionalFormat,
    items: (ref: RangeRef) => inRange(ref),
    itemLabel: (cf: ConditionalFormatModel) => `getItem(${JSON.stringify(cf.id)})`,
  },
});

export class FakeConditionalFormat extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.ConditionalFormat;
  declare readonly id: string;
  declare readonly type: Excel.ConditionalFormat["type"];
  declare priority: number;
  declare stopIfTrue: boolean;
  declare readonly custom: FakeCustomConditionalFormat;
  declare readonly customOrNullObject: FakeCustomConditionalFormat;

  delete(): void {
    this._call("delete", [], (cf) => {
      assertEditable(cf.sheet, "conditional format delete");
      cf.deleted = true;
      cf.sheet.conditionalFormats = cf.sheet.conditionalFormats.filter((x) => x !== cf);
      renumber(cf.sheet.conditionalFormats);
    });
  }

  /** The formatted range; InvalidOperation when the format covers several areas, as documented. */
  getRange(): FakeRange {
    return this._object(FakeRange, "getRange", [], (cf) => {
      if (cf.rects.length > 1) fail("InvalidOperation", `conditional format ${cf.id} applies to ${cf.rects.length} areas`);
      return { sheet: cf.sheet, rect: cf.rects[0] };
    });
  }

  getRangeOrNullObject(): FakeRange {
    return this._object(FakeRange, "getRangeOrNullObject", [], (cf) => (cf.rects.length === 1 ? { sheet: cf.sheet, rect: cf.rects[0] } : null), true);
  }
}

register(FakeConditionalFormat, {
  className: "ConditionalFormat",
  alive: (cf: ConditionalFormatModel) => !cf.deleted && !cf.sheet.deleted,
  scalars: {
    id: { get: (cf: ConditionalFormatModel) => cf.id },
    type: { get: (cf: ConditionalFormatModel) => cf.type },
    priority: {
      get: (cf: ConditionalFormatModel) => cf.priority,
      set: (cf: ConditionalFormatModel, v) => {
        const list = cf.sheet.conditionalFormats.filter((x) => x !== cf);
        const p = Math.min(isInt(v, "ConditionalFormat.priority", 0), list.length);
        list.splice(p, 0, cf);
        cf.sheet.conditionalFormats = list;
        renumber(list);
      },
    },
    stopIfTrue: {
      get: (cf: ConditionalFormatModel) => cf.stopIfTrue,
      set: (cf: ConditionalFormatModel, v) => {
        cf.stopIfTrue = isBool(v, "ConditionalFormat.stopIfTrue");
      },
    },
  },
  navs: {
    custom: {
      cls: () => FakeCustomConditionalFormat,
      target: (cf: ConditionalFormatModel) => (cf.type === "Custom" ? cf : fail("InvalidOperation", `conditional format ${cf.id} is ${cf.type}, not Custom`)),
    },
    customOrNullObject: { cls: () => FakeCustomConditionalFormat, target: (cf: ConditionalFormatModel) => (cf.type === "Custom" ? cf : null) },
  },
});

export class FakeCustomConditionalFormat extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.CustomConditionalFormat;
  declare readonly rule: FakeConditionalFormatRule;
  declare readonly format: FakeConditionalRangeFormat;
}

register(FakeCustomConditionalFormat, {
  className: "CustomConditionalFormat",
  alive: (cf: ConditionalFormatModel) => !cf.deleted,
  scalars: {},
  navs: {
    rule: { cls: () => FakeConditionalFormatRule, target: (cf: ConditionalFormatModel) => cf },
    format: { cls: () => FakeConditionalRangeFormat, target: (cf: ConditionalFormatModel) => cf },
  },
});

function setFormula(cf: ConditionalFormatModel, v: unknown): void {
  if (typeof v !== "string" || v.trim() === "") fail("InvalidArgument", `conditional format rule formula must be a non-empty formula, not ${JSON.stringify(v)}`);
  cf.formula = v.startsWith("=") ? v : `=${v}`;
}

export class FakeConditionalFormatRule extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.ConditionalFormatRule;
  declare formula: string;
  declare formulaLocal: string;
}

register(FakeConditionalFormatRule, {
  className: "ConditionalFormatRule",
  alive: (cf: ConditionalFormatModel) => !cf.deleted,
  scalars: {
    formula: { get: (cf: ConditionalFormatModel) => cf.formula, set: setFormula },
    formulaLocal: { get: (cf: ConditionalFormatModel) => cf.formula, set: setFormula },
  },
  navs: {},
});

export class FakeConditionalRangeFormat extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.ConditionalRangeFormat;
  declare numberFormat: any;
  declare readonly font: FakeConditionalRangeFont;
  declare readonly fill: FakeConditionalRangeFill;
}

register(FakeConditionalRangeFormat, {
  className: "ConditionalRangeFormat",
  alive: (cf: ConditionalFormatModel) => !cf.deleted,
  scalars: {
    numberFormat: {
      get: (cf: ConditionalFormatModel) => cf.format.numberFormat ?? null,
      set: (cf: ConditionalFormatModel, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "ConditionalRangeFormat.numberFormat must be a format code");
        cf.format.numberFormat = v;
      },
    },
  },
  navs: {
    font: { cls: () => FakeConditionalRangeFont, target: (cf: ConditionalFormatModel) => cf },
    fill: { cls: () => FakeConditionalRangeFill, target: (cf: ConditionalFormatModel) => cf },
  },
});

export class FakeConditionalRangeFont extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.ConditionalRangeFont;
  declare bold: boolean;
  declare italic: boolean;
  declare color: string;
  declare strikethrough: boolean;
  declare underline: Excel.ConditionalRangeFont["underline"];

  clear(): void {
    this._call("clear", [], (cf) => {
      for (const k of ["fontColor", "bold", "italic", "strikethrough", "underline"] as const) delete cf.format[k];
    });
  }
}

register(FakeConditionalRangeFont, {
  className: "ConditionalRangeFont",
  alive: (cf: ConditionalFormatModel) => !cf.deleted,
  scalars: {
    bold: { get: (cf: ConditionalFormatModel) => cf.format.bold ?? null, set: (cf: ConditionalFormatModel, v) => void (cf.format.bold = isBool(v, "ConditionalRangeFont.bold")) },
    italic: { get: (cf: ConditionalFormatModel) => cf.format.italic ?? null, set: (cf: ConditionalFormatModel, v) => void (cf.format.italic = isBool(v, "ConditionalRangeFont.italic")) },
    strikethrough: {
      get: (cf: ConditionalFormatModel) => cf.format.strikethrough ?? null,
      set: (cf: ConditionalFormatModel, v) => void (cf.format.strikethrough = isBool(v, "ConditionalRangeFont.strikethrough")),
    },
    color: { get: (cf: ConditionalFormatModel) => cf.format.fontColor ?? null, set: (cf: ConditionalFormatModel, v) => void (cf.format.fontColor = normalizeColor(v, "ConditionalRangeFont.color")) },
    underline: {
      get: (cf: ConditionalFormatModel) => cf.format.underline ?? null,
      set: (cf: ConditionalFormatModel, v) => void (cf.format.underline = oneOf(v, ConditionalRangeFontUnderlineStyle, "ConditionalRangeFont.underline")),
    },
  },
  navs: {},
});

export class FakeConditionalRangeFill extends FakeEntity<ConditionalFormatModel> {
  declare readonly __office?: Excel.ConditionalRangeFill;
  declare color: string;

  clear(): void {
    this._call("clear", [], (cf) => void delete cf.format.fill);
  }
}

register(FakeConditionalRangeFill, {
  className: "ConditionalRangeFill",
  alive: (cf: ConditionalFormatModel) => !cf.deleted,
  scalars: {
    color: { get: (cf: ConditionalFormatModel) => cf.format.fill ?? null, set: (cf: ConditionalFormatModel, v) => void (cf.format.fill = normalizeColor(v, "ConditionalRangeFill.color")) },
  },
  navs: {},
});

/** Conditional formats of a sheet as plain data, for the backdoor. */
export function describeConditionalFormats(list: ConditionalFormatModel[]) {
  return list.map((cf) => ({
    id: cf.id,
    type: cf.type,
    ranges: cf.rects.map((r) => qualified(cf.sheet.name, r)),
    formula: cf.formula,
    priority: cf.priority,
    stopIfTrue: cf.stopIfTrue,
    format: { ...cf.format },
  }));
}

