/**
 * The RM.* functions in the manager's language (issue 18): functions.zh-CN.json and functions.zh-TW.json are made
 * from the JSDoc's metadata and one translation table (src/functions/metadataText.ts); every function and argument
 * must have its translation, ids and names never change, each function has a help page whose example is what the
 * function returns, and Chinese error messages name arguments as the Chinese metadata does.
 */
import { readFileSync } from "fs";
import path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { isoToSerial } from "../../src/domain/dates";
import { LANGS } from "../../src/domain/types";
import * as F from "../../src/functions/functions";
import { FUNCTION_HELP } from "../../src/functions/helpText";
import { setFunctionsLanguage } from "../../src/functions/language";
import {
  exampleFormula, functionsHelpHtml, HELP_PLACEHOLDER, localizeMetadata, METADATA_LANGS, missingHelp, missingTranslations, SUPPORT_PAGE,
  supportPage, type Metadata,
} from "../../src/functions/localizeMetadata";
import { FUNCTION_TEXT } from "../../src/functions/metadataText";
import { FUNCTIONS_SOURCE } from "./hfHarness";

const SUPPORT_URL = "https://localhost:3000/assets/support.html";
let meta: Metadata;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  expect(result.errors).toEqual([]);
  meta = JSON.parse(result.metadataJson) as Metadata;
});
afterEach(() => setFunctionsLanguage(undefined));

describe("translation table", () => {
  // When this fails after adding a function or an argument, the list says what to add to src/functions/metadataText.ts.
  test("every function and every argument has a zh-CN and a zh-TW description and name", () => {
    expect(missingTranslations(meta)).toEqual([]);
  });

  test("the check names the function and the argument that lack a translation, and entries that no longer exist", () => {
    const added: Metadata = {
      functions: [
        ...meta.functions.filter((f) => f.id !== "GAP"),
        { id: "NEWFN", name: "NEWFN", description: "A new function.", parameters: [{ name: "amount", description: "An amount." }] },
        { ...meta.functions.find((f) => f.id === "AGE")!, parameters: [...meta.functions.find((f) => f.id === "AGE")!.parameters, { name: "extra", description: "x" }] },
      ].filter((f, i, all) => all.findIndex((g) => g.id === f.id) === i),
    };
    const table = { ...FUNCTION_TEXT, AGE: { ...FUNCTION_TEXT.AGE, description: { "zh-CN": "年龄", "zh-TW": " " } } };
    expect(missingTranslations(added, table)).toEqual([
      "zh-TW: RM.AGE has no description in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.description)",
      "RM.NEWFN has no entry in src/functions/metadataText.ts: add FUNCTION_TEXT.NEWFN with zh-CN and zh-TW texts",
      "RM.GAP is not a function: remove FUNCTION_TEXT.GAP from src/functions/metadataText.ts",
    ]);
    const withExtra: Metadata = { functions: meta.functions.map((f) => (f.id === "AGE" ? { ...f, parameters: [...f.parameters, { name: "extra" }] } : f)) };
    expect(missingTranslations(withExtra)).toEqual([
      "zh-CN: RM.AGE(extra) has no name in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.parameters.extra)",
      "zh-CN: RM.AGE(extra) has no description in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.parameters.extra)",
      "zh-TW: RM.AGE(extra) has no name in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.parameters.extra)",
      "zh-TW: RM.AGE(extra) has no description in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.parameters.extra)",
    ]);
    expect(() => localizeMetadata(withExtra, "zh-CN", SUPPORT_URL)).toThrow(/RM\.AGE\(extra\) has no name/);
  });

  test("argument names are single words (no spaces or punctuation), as Excel's formula help shows them", () => {
    for (const [id, entry] of Object.entries(FUNCTION_TEXT)) {
      for (const [param, text] of Object.entries(entry.parameters)) {
        for (const lang of METADATA_LANGS) expect(`${id}(${param}) ${lang}: ${text.name[lang]}`).toMatch(/: [\p{L}\p{N}]+$/u);
      }
    }
  });
});

describe("localized metadata files", () => {
  test.each(LANGS)("%s: same ids, names, types, options and arguments; the help page as helpUrl", (lang) => {
    const out = localizeMetadata(meta, lang, SUPPORT_URL);
    const shape = (m: Metadata) =>
      m.functions.map((f) => ({ ...f, description: undefined, helpUrl: undefined, parameters: f.parameters.map((p) => ({ ...p, name: undefined, description: undefined })) }));
    expect(shape(out)).toEqual(shape(meta));
    for (const f of out.functions) {
      expect(f.name).toBe(f.id); // display names are not localized (src/functions/localizeMetadata.ts says why)
      expect(f.helpUrl).toBe(`${SUPPORT_URL}#${lang}-${f.id}`);
    }
  });

  test("zh-CN and zh-TW descriptions and argument names are Chinese, English stays as the JSDoc wrote it", () => {
    const age = (lang: (typeof LANGS)[number]) => localizeMetadata(meta, lang, SUPPORT_URL).functions.find((f) => f.id === "AGE")!;
    expect(age("zh-CN").parameters.map((p) => p.name)).toEqual(["出生日期", "基准日"]);
    expect(age("zh-TW").parameters.map((p) => p.name)).toEqual(["出生日期", "基準日"]);
    expect(age("zh-TW").description).toBe("某日的足歲年齡。");
    expect(age("en-US").parameters.map((p) => p.name)).toEqual(["birthDate", "asOf"]);
    expect(age("en-US").description).toBe(meta.functions.find((f) => f.id === "AGE")!.description);
    for (const lang of METADATA_LANGS) {
      for (const f of localizeMetadata(meta, lang, SUPPORT_URL).functions) {
        expect(`${f.id}: ${f.description}`).toMatch(/\p{Script=Han}/u);
        for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.description}`).toMatch(/\p{Script=Han}/u);
      }
    }
  });
});

describe("help pages", () => {
  test("every function has one, and no help page is left for a function that is gone", () => {
    expect(missingHelp(meta)).toEqual([]);
  });

  // The expected values are worked by hand in src/functions/helpText.ts (e.g. MDIETZ 2,000 / 107,506.85 = 1.86 %).
  test.each(Object.keys(FUNCTION_HELP))("%s: the example returns what its help page shows", (id) => {
    const { example } = FUNCTION_HELP[id];
    // A list is a one-column range, a list of rows a block, as Excel hands them over.
    const args = example.args.map((a) => (Array.isArray(a) ? a.map((v) => (Array.isArray(v) ? v : [v])) : a));
    const got = (F as unknown as Record<string, (...a: unknown[]) => unknown>)[id](...args);
    if (example.date) expect(got).toBe(isoToSerial(example.value as string));
    else if (typeof example.value === "number") expect(got as number).toBeCloseTo(example.value, 2);
    else expect(got).toEqual(example.value);
  });

  test("MDIETZ's example is the hand-worked Modified Dietz value, and HLV's is Excel's PV(3%, 20, -200000)", () => {
    expect(FUNCTION_HELP.MDIETZ.example.value as number).toBeCloseTo(0.0186, 4);
    expect(FUNCTION_HELP.MDIETZ.example.shown).toBe("1.86%");
    const pv = 200000 * ((1 - 1.03 ** -20) / 0.03); // ordinary-annuity present value, as PV(…) with type 0 reckons it
    expect(FUNCTION_HELP.HLV.example.value as number).toBeCloseTo(pv, 1);
  });

  test("the example is written as a formula a manager can type, ranges as array constants", () => {
    expect(exampleFormula("ALLOCATION", FUNCTION_HELP.ALLOCATION.example)).toBe('=RM.ALLOCATION({"存款";"基金";"贷款"}, {600000;400000;300000})');
    expect(exampleFormula("AGE", FUNCTION_HELP.AGE.example)).toBe('=RM.AGE("1985-06-15", "2026-05-15")');
  });

  test.each(LANGS)("%s: one anchor per function with the syntax in that language, the example, the method and its source", (lang) => {
    const html = functionsHelpHtml(localizeMetadata(meta, lang, SUPPORT_URL), lang);
    for (const f of meta.functions) expect(html).toContain(`<article id="${lang}-${f.id}">`);
    expect(html).toContain("Dietz");
    expect(html).toContain("DIME");
    expect(html).toContain("Huebner");
    if (lang === "zh-CN") expect(html).toContain("RM.AGE(出生日期, [基准日])");
    if (lang === "en-US") expect(html).toContain("RM.AGE(birthDate, [asOf])");
  });

  test("the shipped support page has a place for each language's function help", () => {
    const template = readFileSync(path.resolve(__dirname, "../..", SUPPORT_PAGE), "utf8");
    const localized = Object.fromEntries(LANGS.map((l) => [l, localizeMetadata(meta, l, SUPPORT_URL)])) as Record<(typeof LANGS)[number], Metadata>;
    const page = supportPage(template, localized);
    for (const lang of LANGS) {
      expect(template).toContain(HELP_PLACEHOLDER(lang));
      // Each language's help sits in that language's <section lang="…">.
      const section = page.slice(page.indexOf(`<section lang="${lang}">`), page.indexOf("</section>", page.indexOf(`<section lang="${lang}">`)));
      expect(section).toContain(`<article id="${lang}-MDIETZ">`);
    }
    expect(() => supportPage("<html></html>", localized)).toThrow(/has no <!-- RM functions zh-CN -->/);
  });
});

describe("Chinese messages name arguments as the Chinese metadata does", () => {
  const message = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("no error");
  };

  test("zh-CN and zh-TW use the translated argument name; English keeps the identifier", () => {
    setFunctionsLanguage("zh-CN");
    expect(message(() => F.MDIETZ(100, 110, [[5]], [[""]], "2025-01-01", "2025-12-31"))).toBe("资金流日期 第 1 行 为空，但 资金流金额 同一行有值：每笔资金流都要有金额和日期");
    setFunctionsLanguage("zh-TW");
    expect(message(() => F.HLV(1000, 101, 0.03))).toMatch(/^剩餘工作年數 /);
    setFunctionsLanguage("en-US");
    expect(message(() => F.HLV(1000, 101, 0.03))).toMatch(/^years /);
  });

  test("quoted input is left as typed, even when it spells an argument's identifier", () => {
    setFunctionsLanguage("zh-CN");
    expect(message(() => F.AGE("birthDate"))).toBe('出生日期 应为日期：日期单元格、日期序号或 YYYY-MM-DD 文本（收到 "birthDate"）');
  });

  test("a result's name is translated too (a date past 9999-12-31)", () => {
    setFunctionsLanguage("zh-TW");
    expect(message(() => F.NEXTREVIEW("9999-12-15", 1))).toMatch(/^下次檢視日 晚於 9999-12-31/);
  });
});
