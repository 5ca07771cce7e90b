/**
 * The Settings table: one row per BookSettings field, a key (recognised in any language, like headers) and a
 * value. Missing rows (or a missing table) take DEFAULT_SETTINGS — except the format version, which a table without
 * its row reads as UNVERSIONED_BOOK (the book predates versions: src/book/bookVersion.ts); unknown and repeated keys
 * are reported (in a newer book too: every row is either read or reported).
 */
import { DEFAULT_SETTINGS, LANGS, UNVERSIONED_BOOK } from "../domain/types";
import type { BookSettings, Lang } from "../domain/types";
import { codeLabel } from "./codes";
import type { CodeListKey, CodeOf } from "./codes";
import type { RowError } from "./errors";
import { matchHeaders } from "./headers";
import type { RawTable, RawValue } from "./raw";
import { SETTINGS, sheetName } from "./schema";
import type { SettingSpec } from "./schema";
import { cellText, normKey } from "./text";
import { parseCell } from "./values";

const BY_KEY = new Map<string, SettingSpec>();
for (const s of SETTINGS) {
  for (const name of [s.key, s.field, ...LANGS.map((l) => s.headers[l])]) {
    const prev = BY_KEY.get(normKey(name));
    if (prev && prev !== s) throw new Error(`setting "${name}" names both ${prev.key} and ${s.key}`);
    BY_KEY.set(normKey(name), s);
  }
}

export function settingForKey(raw: RawValue): SettingSpec | undefined {
  const text = cellText(raw);
  return text === undefined ? undefined : BY_KEY.get(normKey(text));
}

export interface SettingsRead {
  settings: BookSettings;
  /** Excel row of each setting read from the table. */
  rows: Partial<Record<keyof BookSettings, number>>;
  errors: RowError[];
}

export function readSettings(raw: RawTable | undefined, lang: Lang = "zh-CN"): SettingsRead {
  const settings: BookSettings = { ...DEFAULT_SETTINGS };
  const out: SettingsRead = { settings, rows: {}, errors: [] };
  if (!raw) return out;
  const sheet = raw.sheet ?? sheetName("settings", lang);
  const match = matchHeaders("settings", raw.headers);
  const header = (i: number) => cellText(raw.headers[i]) ?? "";
  for (const d of match.duplicates) {
    out.errors.push({ table: "settings", sheet, row: raw.headerRow, column: header(d.index), columnIndex: d.index, code: "duplicateColumn", params: { first: header(d.firstIndex) } });
  }
  if (match.missing.length > 0) {
    out.errors.push({ table: "settings", sheet, row: raw.headerRow, code: "missingColumns", params: { columns: match.missing.map((c) => c.key).join(",") } });
    return out;
  }
  const keyIdx = match.indexOf.get("key")!;
  const valueIdx = match.indexOf.get("value")!;
  const values: Partial<Record<keyof BookSettings, unknown>> = {};

  raw.rows.forEach((cells, i) => {
    const row = raw.headerRow + 1 + i;
    const keyRaw = cells[keyIdx] ?? null;
    const valueRaw = cells[valueIdx] ?? null;
    const keyText = cellText(keyRaw);
    const valueText = cellText(valueRaw);
    if (keyText === undefined && valueText === undefined) return;
    const err = (idx: number, code: RowError["code"], value: string | undefined, params?: RowError["params"]) => {
      const e: RowError = { table: "settings", sheet, row, column: header(idx), columnIndex: idx, code };
      if (value !== undefined) e.value = value;
      if (params) e.params = params;
      out.errors.push(e);
    };
    if (keyText === undefined) return err(keyIdx, "required", undefined);
    const spec = settingForKey(keyRaw);
    if (!spec) return err(keyIdx, "unknownSetting", keyText);
    const firstRow = out.rows[spec.field];
    if (firstRow !== undefined) return err(keyIdx, "duplicateSetting", keyText, { firstRow });
    if (valueText === undefined) return err(valueIdx, "required", undefined, { setting: spec.key });
    const r = parseCell({ type: spec.type }, valueRaw);
    if (!r.ok) return err(valueIdx, r.reason, valueText, { ...r.params, setting: spec.key });
    const n = r.value;
    if (typeof n === "number" && ((spec.min !== undefined && n < spec.min) || (spec.max !== undefined && n > spec.max))) {
      return err(valueIdx, "outOfRange", valueText, { min: spec.min ?? "", max: spec.max ?? "", setting: spec.key });
    }
    values[spec.field] = n;
    out.rows[spec.field] = row;
  });
  Object.assign(settings, values);
  if (out.rows.schemaVersion === undefined) settings.schemaVersion = UNVERSIONED_BOOK;
  return out;
}

/** Settings as Key/Value rows in `lang`: keys as localised labels, codes as labels, numbers as numbers. */
export function settingsRows(settings: BookSettings, lang: Lang): RawValue[][] {
  return SETTINGS.map((s) => {
    const v = settings[s.field];
    const value = s.type.startsWith("code:")
      ? codeLabel(s.type.slice(5) as CodeListKey, v as CodeOf<CodeListKey>, lang)
      : (v as RawValue);
    return [s.headers[lang], value];
  });
}
