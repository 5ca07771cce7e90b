/**
 * Every message catalogue has every entry, non-empty, in zh-CN, zh-TW and en-US, and its zh-TW text is written in
 * Traditional characters. The catalogues and their audiences (the scheme is restated at the top of each module):
 *   - task pane:            src/taskpane/i18n.ts      MESSAGES, one flat keyed table per language ({name} parameters);
 *                           a lazy page's own texts in the same shape (pages/ladderText.ts LADDER_TEXTS)
 *   - output sheets:        src/sheets/text.ts        sheetText(lang), one typed SheetText object per language
 *   - book row errors:      src/book/messages.ts      ROW_ERROR_TEMPLATES, one typed template table per language
 *   - book tables and lists: src/book/schema.ts, src/book/codes.ts — sheet names, headers, code labels per language
 *   - function help:        src/functions/metadataText.ts (Chinese; English is the JSDoc) and helpText.ts (Localized)
 *   - messages made where a value is refused (domain, commands): a `Localized` ({ "zh-CN", "zh-TW", "en-US" }),
 *     src/domain/result.ts; checked here by scanning the source for zh-TW literals.
 * The type check already refuses a missing key in the typed tables; this test also catches empty strings, tables
 * built at run time (code lists, headers) and Simplified characters left in Traditional text.
 */
import fs from "fs";
import path from "path";
import { LANGS, type Lang } from "../../src/domain/types";
import { MESSAGES, LANG_NAMES } from "../../src/taskpane/i18n";
import { LADDER_TEXTS } from "../../src/taskpane/pages/ladderText";
import { sheetText } from "../../src/sheets/text";
import { ROW_ERROR_TEMPLATES, formatRowError } from "../../src/book/messages";
import type { RowErrorCode } from "../../src/book/errors";
import { CODE_LIST_KEYS, codeLabels } from "../../src/book/codes";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { FUNCTION_TEXT, MESSAGE_TERMS } from "../../src/functions/metadataText";
import { FUNCTION_HELP } from "../../src/functions/helpText";

/**
 * Characters that exist only in Simplified Chinese: each is the simplified form of a different Traditional
 * character (们→們, 这→這, 产→產, 资→資 …), so none may appear in zh-TW text. Characters shared by both scripts
 * (行, 后, 面, 里, 台, 表 …) are deliberately left out.
 */
const SIMPLIFIED_ONLY =
  "们这产资为说对时与发经过还进样关点开问实现动长机应该户单号险额费银数据读写页计记录联络检视简设选择无从岁龄当会个将请输错误确认导见话间币";
const TRADITIONAL_OF: Record<string, string> = Object.fromEntries(
  [..."們這產資為說對時與發經過還進樣關點開問實現動長機應該戶單號險額費銀數據讀寫頁計記錄聯絡檢視簡設選擇無從歲齡當會個將請輸錯誤確認導見話間幣"].map(
    (tw, i) => [[...SIMPLIFIED_ONLY][i], tw],
  ),
);

function simplifiedIn(s: string): string[] {
  return [...new Set([...s].filter((ch) => ch in TRADITIONAL_OF))];
}

/** Every string leaf of a catalogue entry, by path; a function leaf is called with 1 for each argument. */
function leaves(x: unknown, at: string, out: Map<string, string> = new Map()): Map<string, string> {
  if (typeof x === "string") out.set(at, x);
  else if (typeof x === "function") out.set(at + "()", String((x as (...a: unknown[]) => unknown)(...Array<number>(x.length).fill(1))));
  else if (Array.isArray(x)) x.forEach((v, i) => leaves(v, `${at}[${i}]`, out));
  else if (typeof x === "object" && x !== null) for (const [k, v] of Object.entries(x)) leaves(v, at ? `${at}.${k}` : k, out);
  else out.set(at, `<not text: ${String(x)}>`);
  return out;
}

/** A catalogue as its three languages' leaves. */
type Catalogue = Record<Lang, Map<string, string>>;

function catalogue(of: (lang: Lang) => unknown): Catalogue {
  return Object.fromEntries(LANGS.map((l) => [l, leaves(of(l), "")])) as Catalogue;
}

const ROW_ERROR_CODES = Object.keys(ROW_ERROR_TEMPLATES["zh-CN"]) as RowErrorCode[];

const CATALOGUES: Record<string, Catalogue> = {
  "task pane (src/taskpane/i18n.ts)": catalogue((l) => MESSAGES[l]),
  "task pane, maturity ladder page (src/taskpane/pages/ladderText.ts, its lazy chunk's own)": catalogue((l) => LADDER_TEXTS[l]),
  "output sheets (src/sheets/text.ts)": catalogue((l) => sheetText(l)),
  "book row errors (src/book/messages.ts)": catalogue((l) =>
    Object.fromEntries(
      ROW_ERROR_CODES.map((code) => [
        code,
        formatRowError(
          { table: "clients", sheet: "S", row: 2, column: "C", value: "v", code, params: { list: "tier", columns: "ClientId", min: 1, max: 2 } },
          l,
        ),
      ]),
    ),
  ),
  "code labels (src/book/codes.ts)": catalogue((l) => Object.fromEntries(CODE_LIST_KEYS.map((k) => [k, codeLabels(k, l)]))),
  "table sheet names and headers (src/book/schema.ts)": catalogue((l) =>
    Object.fromEntries(TABLE_KEYS.map((k) => [k, { sheet: TABLES[k].sheet[l], headers: TABLES[k].columns.map((c) => c.headers[l]) }])),
  ),
  "function help (src/functions/helpText.ts)": catalogue((l) =>
    Object.fromEntries(Object.entries(FUNCTION_HELP).map(([id, h]) => [id, { method: h.method[l], source: h.source[l] }])),
  ),
};

/** Text deliberately written in another script: each language's own name, as a language switch shows it. */
const OWN_NAMES = new Set(Object.values(LANG_NAMES));

describe.each(Object.keys(CATALOGUES))("%s", (name) => {
  const cat = CATALOGUES[name];

  it("has the same entries in zh-CN, zh-TW and en-US", () => {
    const keys = [...cat["zh-CN"].keys()];
    expect(keys.length).toBeGreaterThan(0);
    for (const l of LANGS) expect([...cat[l].keys()].sort()).toEqual([...keys].sort());
  });

  it("has no empty entry in any language", () => {
    const empty = LANGS.flatMap((l) => [...cat[l]].filter(([, s]) => s.trim() === "").map(([k]) => `${l} ${k}`));
    expect(empty).toEqual([]);
  });

  it("writes zh-TW in Traditional characters", () => {
    const found = [...cat["zh-TW"]].filter(([, s]) => !OWN_NAMES.has(s)).flatMap(([k, s]) => simplifiedIn(s).map((ch) => `${k}: ${ch}`));
    expect(found).toEqual([]);
  });
});

describe("function metadata in Chinese (src/functions/metadataText.ts; English is the JSDoc)", () => {
  const texts = [
    ...Object.entries(FUNCTION_TEXT).flatMap(([id, f]) => [
      [`${id}.description`, f.description] as const,
      ...Object.entries(f.parameters).flatMap(([p, v]) => [[`${id}.${p}.name`, v.name] as const, [`${id}.${p}.description`, v.description] as const]),
    ]),
    ...Object.entries(MESSAGE_TERMS).map(([k, v]) => [k, v] as const),
  ];

  it("has every entry, non-empty, in zh-CN and zh-TW", () => {
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter(([, v]) => !v["zh-CN"]?.trim() || !v["zh-TW"]?.trim()).map(([k]) => k)).toEqual([]);
  });

  it("writes zh-TW in Traditional characters", () => {
    expect(texts.flatMap(([k, v]) => simplifiedIn(v["zh-TW"]).map((ch) => `${k}: ${ch}`))).toEqual([]);
  });
});

describe("Localized messages written where a value is refused (every src/ file)", () => {
  /** `"zh-TW": "…"` or `"zh-TW": \`…\`` in the source: the Traditional text of an inline Localized. */
  const LITERAL = /"zh-TW":\s*(?:"((?:[^"\\]|\\.)*)"|`((?:[^`\\]|\\.)*)`)/g;

  function sourceFiles(dir: string): string[] {
    return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
      const p = path.join(dir, e.name);
      return e.isDirectory() ? sourceFiles(p) : /\.tsx?$/.test(e.name) ? [p] : [];
    });
  }

  const SRC = path.resolve(__dirname, "..", "..", "src");
  const literals = sourceFiles(SRC).flatMap((file) =>
    [...fs.readFileSync(file, "utf8").matchAll(LITERAL)].map((m) => ({ file: path.relative(SRC, file), text: m[1] ?? m[2] })),
  );

  it("finds the inline zh-TW texts (the scan works)", () => {
    expect(literals.length).toBeGreaterThan(20);
  });

  it("writes each in Traditional characters", () => {
    const found = literals.filter((x) => !OWN_NAMES.has(x.text)).flatMap((x) => simplifiedIn(x.text).map((ch) => `${x.file}: ${ch} in ${x.text}`));
    expect(found).toEqual([]);
  });

  it("the simplified-only list is caught on a known example", () => {
    expect(simplifiedIn("客户资产")).toEqual(["户", "资", "产"]);
    expect(simplifiedIn("客戶資產")).toEqual([]);
  });
});
