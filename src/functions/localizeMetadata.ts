/**
 * One metadata file per language for the RM.* functions, and their help pages — run by the build
 * (webpack.config.js, LocalizedFunctionsPlugin) on the functions.json custom-functions-metadata generates from the
 * JSDoc, and by the tests.
 *
 * Microsoft's way ("Custom functions naming and localization",
 * https://learn.microsoft.com/office/dev/add-ins/excel/custom-functions-naming): one JSON metadata file per language,
 * named by the manifest's Functions.Metadata.Url with a <bt:Override Locale="…"> per language. In each file the `id`
 * stays the same — "the id property is how Excel identifies your function as unique and shouldn't be changed" — while
 * the description, parameter names and parameter descriptions are translated.
 *
 * Display names are NOT localized: `name` stays the id (AGE, MDIETZ …) in every language. Chinese editions of Excel
 * keep Excel's own function names in English (SUM, VLOOKUP, DATEDIF), so managers already type English names; one name
 * in every language means a formula reads the same in a colleague's Excel in another language, in the help pages, in
 * mails and in the shared templates branches hand out, and needs no input-method switch while typing. The id keeps
 * the workbook working whatever the language; only the help around it changes.
 *
 * Each function's helpUrl is the shipped support page (the manifest's SupportUrl) with an anchor per language and
 * function, `support.html#zh-CN-AGE`.
 */
import type { Lang } from "../domain/types";
import { FUNCTION_HELP, type HelpExample } from "./helpText";
import { FUNCTION_TEXT, type FunctionText } from "./metadataText";

export interface MetadataParameter {
  name: string;
  description?: string;
  dimensionality?: string;
  optional?: boolean;
  [key: string]: unknown;
}

export interface MetadataFunction {
  id: string;
  name: string;
  description?: string;
  helpUrl?: string;
  parameters: MetadataParameter[];
  [key: string]: unknown;
}

export interface Metadata {
  functions: MetadataFunction[];
  [key: string]: unknown;
}

/** The languages with a metadata file of their own besides functions.json (English, the manifest's default). */
export const METADATA_LANGS = ["zh-CN", "zh-TW"] as const;
export type MetadataLang = (typeof METADATA_LANGS)[number];

/** The file Excel reads for a language (manifest Functions.Metadata.Url and its overrides). */
export function metadataFile(lang: Lang): string {
  return lang === "en-US" ? "functions.json" : `functions.${lang}.json`;
}

/** The help anchor of a function in a language on the support page. */
export function helpAnchor(lang: Lang, id: string): string {
  return `${lang}-${id}`;
}

const TABLE_FILE = "src/functions/metadataText.ts";
const HELP_FILE = "src/functions/helpText.ts";
const blank = (s: string | undefined): boolean => s === undefined || s.trim() === "";

/**
 * What the translation table lacks for the generated metadata, one line per gap, saying which function or argument
 * and where to add it: "zh-TW: RM.AGE(asOf) has no name in src/functions/metadataText.ts (FUNCTION_TEXT.AGE.parameters.asOf)".
 * Entries for functions or parameters that no longer exist are reported too, so the table cannot rot.
 */
export function missingTranslations(meta: Metadata, table: Record<string, FunctionText> = FUNCTION_TEXT): string[] {
  const out: string[] = [];
  for (const f of meta.functions) {
    const entry = table[f.id];
    if (!entry) {
      out.push(`RM.${f.id} has no entry in ${TABLE_FILE}: add FUNCTION_TEXT.${f.id} with zh-CN and zh-TW texts`);
      continue;
    }
    for (const lang of METADATA_LANGS) {
      if (blank(entry.description?.[lang])) out.push(`${lang}: RM.${f.id} has no description in ${TABLE_FILE} (FUNCTION_TEXT.${f.id}.description)`);
      for (const param of f.parameters) {
        const pt = entry.parameters[param.name];
        const where = `${TABLE_FILE} (FUNCTION_TEXT.${f.id}.parameters.${param.name})`;
        if (blank(pt?.name?.[lang])) out.push(`${lang}: RM.${f.id}(${param.name}) has no name in ${where}`);
        if (blank(pt?.description?.[lang])) out.push(`${lang}: RM.${f.id}(${param.name}) has no description in ${where}`);
      }
      const names = f.parameters.map((param) => entry.parameters[param.name]?.name?.[lang]).filter((n) => !blank(n));
      const twice = names.filter((n, i) => names.indexOf(n) !== i);
      for (const n of new Set(twice)) out.push(`${lang}: RM.${f.id} names two arguments "${n}" in ${TABLE_FILE}`);
    }
    for (const name of Object.keys(entry.parameters)) {
      if (!f.parameters.some((param) => param.name === name)) out.push(`RM.${f.id} has no argument ${name}: remove FUNCTION_TEXT.${f.id}.parameters.${name} from ${TABLE_FILE}`);
    }
  }
  for (const id of Object.keys(table)) {
    if (!meta.functions.some((f) => f.id === id)) out.push(`RM.${id} is not a function: remove FUNCTION_TEXT.${id} from ${TABLE_FILE}`);
  }
  return out;
}

/** Functions without a help page (src/functions/helpText.ts), and help pages for functions that do not exist. */
export function missingHelp(meta: Metadata): string[] {
  const out = meta.functions.filter((f) => !FUNCTION_HELP[f.id]).map((f) => `RM.${f.id} has no help page in ${HELP_FILE}: add FUNCTION_HELP.${f.id}`);
  for (const id of Object.keys(FUNCTION_HELP)) {
    if (!meta.functions.some((f) => f.id === id)) out.push(`RM.${id} is not a function: remove FUNCTION_HELP.${id} from ${HELP_FILE}`);
  }
  return out;
}

/**
 * The metadata for a language: the same functions, ids, names, types and options; descriptions and argument names
 * and descriptions in that language (English as generated); helpUrl on the support page. Throws, listing every gap,
 * when the table lacks a translation.
 */
export function localizeMetadata(meta: Metadata, lang: Lang, supportUrl: string): Metadata {
  const gaps = [...missingTranslations(meta), ...missingHelp(meta)];
  if (gaps.length > 0) throw new Error(`RM.* metadata cannot be localized:\n  ${gaps.join("\n  ")}`);
  return {
    ...meta,
    functions: meta.functions.map((f) => {
      const helpUrl = `${supportUrl}#${helpAnchor(lang, f.id)}`;
      if (lang === "en-US") return { ...f, helpUrl };
      const entry = FUNCTION_TEXT[f.id];
      return {
        ...f,
        description: entry.description[lang],
        helpUrl,
        parameters: f.parameters.map((p) => ({ ...p, name: entry.parameters[p.name].name[lang], description: entry.parameters[p.name].description[lang] })),
      };
    }),
  };
}

// ---- help pages ------------------------------------------------------------------------------------------------

const escapeHtml = (s: string): string => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** An argument as typed in a formula: text quoted, a list as a one-column array constant {a;b}. */
function formulaArg(x: HelpExample["args"][number]): string {
  if (x === undefined) return "";
  if (Array.isArray(x) && x.every(Array.isArray)) return `{${(x as (string | number)[][]).map((row) => row.map((v) => formulaArg(v)).join(",")).join(";")}}`;
  if (Array.isArray(x)) return `{${(x as (string | number)[]).map((v) => formulaArg(v)).join(";")}}`;
  return typeof x === "string" ? `"${x}"` : String(x);
}

/** The example as a formula: =RM.AGE("1985-06-15", "2026-05-15"). */
export function exampleFormula(id: string, example: HelpExample): string {
  return `=RM.${id}(${example.args.map(formulaArg).join(", ")})`;
}

const WORDS: Record<Lang, { syntax: string; example: string; method: string; source: string; optional: string; title: string; colon: string }> = {
  "zh-CN": { syntax: "语法", example: "示例", method: "计算方法", source: "依据", optional: "可选", title: "RM 函数", colon: "：" },
  "zh-TW": { syntax: "語法", example: "範例", method: "計算方法", source: "依據", optional: "選用", title: "RM 函數", colon: "：" },
  "en-US": { syntax: "Syntax", example: "Example", method: "Method", source: "Source", optional: "optional", title: "RM functions", colon: ": " },
};

/** The functions' help in one language, one <article id="zh-CN-AGE"> per function, from that language's metadata. */
export function functionsHelpHtml(meta: Metadata, lang: Lang): string {
  const w = WORDS[lang];
  const articles = meta.functions.map((f) => {
    const help = FUNCTION_HELP[f.id];
    const syntax = `RM.${f.name}(${f.parameters.map((p) => (p.optional ? `[${p.name}]` : p.name)).join(", ")})`;
    const args = f.parameters
      .map((p) => `<dt><code>${escapeHtml(p.name)}</code>${p.optional ? ` (${w.optional})` : ""}</dt><dd>${escapeHtml(p.description ?? "")}</dd>`)
      .join("");
    return [
      `<article id="${helpAnchor(lang, f.id)}">`,
      `<h4>RM.${escapeHtml(f.name)}</h4>`,
      `<p>${escapeHtml(f.description ?? "")}</p>`,
      `<p>${w.syntax}${w.colon}<code>${escapeHtml(syntax)}</code></p>`,
      `<dl>${args}</dl>`,
      `<p>${w.example}${w.colon}<code>${escapeHtml(exampleFormula(f.id, help.example))}</code> → <code>${escapeHtml(help.example.shown)}</code></p>`,
      `<p>${w.method}${w.colon}${escapeHtml(help.method[lang])}</p>`,
      `<p>${w.source}${w.colon}${escapeHtml(help.source[lang])}</p>`,
      `</article>`,
    ].join("\n");
  });
  return `<h3 id="${lang}-functions">${w.title}</h3>\n${articles.join("\n")}`;
}

/** The shipped support page (manifest SupportUrl), source and build path alike. */
export const SUPPORT_PAGE = "assets/support.html";

/** Where each language's function help goes in assets/support.html. */
export const HELP_PLACEHOLDER = (lang: Lang): string => `<!-- RM functions ${lang} -->`;

/** The support page with each language's function help in place of its placeholder; throws when one is missing. */
export function supportPage(template: string, localized: Record<Lang, Metadata>): string {
  let page = template;
  for (const lang of Object.keys(localized) as Lang[]) {
    const mark = HELP_PLACEHOLDER(lang);
    if (!page.includes(mark)) throw new Error(`assets/support.html has no ${mark} for the ${lang} function help`);
    page = page.replace(mark, functionsHelpHtml(localized[lang], lang));
  }
  return page;
}
