/**
 * Excel.DataValidation on a range ("Add data validation to Excel ranges":
 * https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-data-validation):
 * - a rule holds exactly one of wholeNumber, decimal, textLength, date, time, list, custom ("No more than one of these
 *   properties may be present"), else InvalidArgument;
 * - list.source is a comma-separated string or a Range (kept as "=Sheet!$A$1:$A$3", as Excel reports it);
 * - clear() removes validation from the overlapping cells only;
 * - reading over a range gives the rule when every cell shares it; type is "Inconsistent" when cells differ.
 * Validation is stored per cell, so partial clears and overlaps behave like Excel's.
 */
import { qualifiedAbsolute } from "../core/addresses";
import { isBool, oneOf } from "../core/checks";
import { DataValidationAlertStyle } from "../generated/enums";
import { fail } from "../core/errors";
import { cellKey, type ValidationModel } from "../core/model";
import { FakeEntity, register } from "../core/proxy";
import { rangeArg } from "./range";
import { assertEditable, cellCount, type RangeRef, refAddress } from "../core/sheet-ops";
import type { HostState } from "../core/state";

const RULE_TYPES: Record<string, string> = {
  wholeNumber: "WholeNumber",
  decimal: "Decimal",
  textLength: "TextLength",
  date: "Date",
  time: "Time",
  list: "List",
  custom: "Custom",
};

const DEFAULT_ALERT = { message: "", showAlert: true, style: "Stop", title: "" };
const DEFAULT_PROMPT = { message: "", showPrompt: false, title: "" };

function cellsOf(ref: RangeRef, what: string): number[] {
  if (cellCount(ref.rect) > 1_000_000) fail("NotImplemented", `fake-excel: ${what} on ${refAddress(ref)} (over a million cells) is not modelled`);
  const keys: number[] = [];
  for (let r = ref.rect.r0; r <= ref.rect.r1; r++) for (let c = ref.rect.c0; c <= ref.rect.c1; c++) keys.push(cellKey(r, c));
  return keys;
}

function normalizeRule(host: HostState, rule: unknown): { type: string; rule: Record<string, unknown> } {
  if (!rule || typeof rule !== "object") fail("InvalidArgument", "DataValidation.rule must be an object such as { list: { inCellDropDown, source } }");
  const keys = Object.keys(rule).filter((k) => (rule as Record<string, unknown>)[k] !== undefined);
  if (keys.length !== 1 || !RULE_TYPES[keys[0]]) {
    fail("InvalidArgument", `DataValidation.rule needs exactly one of ${Object.keys(RULE_TYPES).join(", ")}; got ${keys.join(", ") || "none"}`);
  }
  const key = keys[0];
  const body = { ...((rule as Record<string, unknown>)[key] as Record<string, unknown>) };
  if (key === "list") {
    if (typeof body.inCellDropDown !== "boolean") fail("InvalidArgument", "list.inCellDropDown must be true or false");
    const source = body.source;
    if (typeof source === "string") {
      if (source.trim() === "") fail("InvalidArgument", "list.source is empty");
    } else {
      const ref = rangeArg(host, source, "list.source");
      body.source = `=${qualifiedAbsolute(ref.sheet.name, ref.rect)}`;
    }
  } else if (key === "custom") {
    if (typeof body.formula !== "string" || body.formula === "") fail("InvalidArgument", "custom.formula must be a formula");
  } else {
    if (body.formula1 === undefined) fail("InvalidArgument", `${key}.formula1 is required`);
    if (typeof body.operator !== "string") fail("InvalidArgument", `${key}.operator is required`);
  }
  return { type: RULE_TYPES[key], rule: { [key]: body } };
}

function consistent(ref: RangeRef): ValidationModel | null | "mixed" {
  let first: ValidationModel | null | undefined;
  for (const key of cellsOf(ref, "dataValidation")) {
    const v = ref.sheet.validations.get(key) ?? null;
    if (first === undefined) first = v;
    else if (v !== first && JSON.stringify(v) !== JSON.stringify(first)) return "mixed";
  }
  return first ?? null;
}

function update(ref: RangeRef, change: (v: ValidationModel) => ValidationModel): void {
  assertEditable(ref.sheet, `dataValidation of ${refAddress(ref)}`);
  const made = new Map<ValidationModel | undefined, ValidationModel>();
  for (const key of cellsOf(ref, "dataValidation")) {
    const before = ref.sheet.validations.get(key);
    let next = made.get(before);
    if (!next) {
      next = change(before ?? { type: "None", rule: {}, errorAlert: { ...DEFAULT_ALERT }, prompt: { ...DEFAULT_PROMPT }, ignoreBlanks: true });
      made.set(before, next);
    }
    ref.sheet.validations.set(key, next);
  }
}

export class FakeDataValidation extends FakeEntity<RangeRef> {
  declare readonly __office?: Excel.DataValidation;
  declare rule: Excel.DataValidationRule;
  declare readonly type: Excel.DataValidation["type"];
  declare errorAlert: Excel.DataValidationErrorAlert;
  declare prompt: Excel.DataValidationPrompt;
  declare ignoreBlanks: boolean;

  clear(): void {
    this._call("clear", [], (ref) => {
      assertEditable(ref.sheet, `dataValidation.clear of ${refAddress(ref)}`);
      for (const key of cellsOf(ref, "dataValidation.clear")) ref.sheet.validations.delete(key);
    });
  }
}

register(FakeDataValidation, {
  className: "DataValidation",
  alive: (ref: RangeRef) => !ref.sheet.deleted,
  scalars: {
    rule: {
      get: (ref: RangeRef) => {
        const v = consistent(ref);
        if (v === "mixed") return null;
        return v ? JSON.parse(JSON.stringify(v.rule)) : {};
      },
      set: (ref: RangeRef, value, host) => {
        const { type, rule } = normalizeRule(host, value);
        update(ref, (v) => ({ ...v, type, rule }));
      },
    },
    type: {
      get: (ref: RangeRef) => {
        const v = consistent(ref);
        if (v === "mixed") return "Inconsistent";
        return v ? v.type : "None";
      },
    },
    errorAlert: {
      get: (ref: RangeRef) => {
        const v = consistent(ref);
        return v === "mixed" ? null : { ...(v ? v.errorAlert : DEFAULT_ALERT) };
      },
      set: (ref: RangeRef, value) => {
        if (!value || typeof value !== "object") fail("InvalidArgument", "DataValidation.errorAlert must be an object");
        const a = value as Record<string, unknown>;
        if (a.style !== undefined) oneOf(a.style, DataValidationAlertStyle, "errorAlert.style");
        if (a.showAlert !== undefined) isBool(a.showAlert, "errorAlert.showAlert");
        update(ref, (v) => ({ ...v, errorAlert: { ...v.errorAlert, ...(a as object) } as ValidationModel["errorAlert"] }));
      },
    },
    prompt: {
      get: (ref: RangeRef) => {
        const v = consistent(ref);
        return v === "mixed" ? null : { ...(v ? v.prompt : DEFAULT_PROMPT) };
      },
      set: (ref: RangeRef, value) => {
        if (!value || typeof value !== "object") fail("InvalidArgument", "DataValidation.prompt must be an object");
        update(ref, (v) => ({ ...v, prompt: { ...v.prompt, ...(value as object) } as ValidationModel["prompt"] }));
      },
    },
    ignoreBlanks: {
      get: (ref: RangeRef) => {
        const v = consistent(ref);
        return v === "mixed" ? null : v ? v.ignoreBlanks : true;
      },
      set: (ref: RangeRef, value) => {
        const b = isBool(value, "DataValidation.ignoreBlanks");
        update(ref, (v) => ({ ...v, ignoreBlanks: b }));
      },
    },
  },
  navs: {},
});
