/**
 * Every coded list of the book: the stable codes of src/domain/types.ts, their labels in each language (what
 * the writer puts in a cell and what a validation dropdown offers), and the other spellings managers and other
 * systems use. Reading ignores case, spaces, punctuation and full-width forms (see normKey).
 *
 * The labels here are the book's code-list catalogue: per list, one label table per language.
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */
import {
  AMOUNT_UNITS, ASSET_CLASSES, CADENCES, CHANNELS, CLIENT_RISKS, GENDERS, LANGS, MARITAL_STATUSES, POLICY_STATUSES, POLICY_TYPES,
  PREMIUM_FREQUENCIES, PRODUCT_RISKS, RELATIONS, THIS_BANK, TIERS,
} from "../domain/types";
import type { ClientRisk, Lang } from "../domain/types";
import { ASSET_CLASS_ALIASES, ASSET_CLASS_LABELS } from "../domain/allocation";
import { AMOUNT_UNIT_LABELS } from "../domain/amounts";
import { CURRENCIES, CURRENCY_CODES } from "../domain/currency";
import { POLICY_STATUS_ALIASES, POLICY_STATUS_LABELS } from "../domain/policyStatus";
import { PREMIUM_FREQUENCY_ALIASES, PREMIUM_FREQUENCY_LABELS } from "../domain/premiums";
import type { Localized } from "../domain/result";
import { CLIENT_RISK_SPELLINGS, PRODUCT_RISK_SPELLINGS } from "../domain/suitability";
import { normKey } from "../domain/spelling";

interface CodeListDef<C extends string> {
  codes: readonly C[];
  labels: Record<Lang, Record<C, string>>;
  /** Further accepted spellings (any language); the code itself and every label are always accepted. */
  aliases: Partial<Record<C, readonly string[]>>;
}

function def<C extends string>(
  codes: readonly C[],
  labels: Record<Lang, Record<C, string>>,
  aliases: Partial<Record<C, readonly string[]>> = {},
): CodeListDef<C> {
  return { codes, labels, aliases };
}

/** Labels that are the codes themselves in every language (C1, R3, T, A…). */
function same<C extends string>(codes: readonly C[]): Record<Lang, Record<C, string>> {
  const m = Object.fromEntries(codes.map((c) => [c, c])) as unknown as Record<C, string>;
  return { "zh-CN": m, "zh-TW": m, "en-US": m };
}

/** Labels the domain keeps as code → Localized, as this module's language → code → label. */
function byLang<C extends string>(codes: readonly C[], labels: Readonly<Record<C, Localized>>): Record<Lang, Record<C, string>> {
  const of = (l: Lang) => Object.fromEntries(codes.map((c) => [c, labels[c][l]])) as Record<C, string>;
  return { "zh-CN": of("zh-CN"), "zh-TW": of("zh-TW"), "en-US": of("en-US") };
}

/** A level's spellings plus its digit: "3" is C3 in the client column and R3 in the product column. */
function withDigits<C extends string>(codes: readonly C[], spellings: Readonly<Record<C, readonly string[]>>): Record<C, readonly string[]> {
  const out = {} as Record<C, readonly string[]>;
  codes.forEach((c, i) => (out[c] = [String(i + 1), ...spellings[c]]));
  return out;
}

const YES_NO = ["Yes", "No"] as const;
const INSTITUTIONS = [THIS_BANK] as const;
// The currencies are the domain's one list (src/domain/currency.ts: ISO 4217 codes, minor units, names, spellings).
const CURRENCY_LIST = CURRENCY_CODES as readonly string[];

const LISTS = {
  gender: def(GENDERS, {
    "zh-CN": { M: "男", F: "女" },
    "zh-TW": { M: "男", F: "女" },
    "en-US": { M: "Male", F: "Female" },
  }, { M: ["男性", "male", "man"], F: ["女性", "female", "woman"] }),

  // The spellings of the risk levels are one list in the domain, shared with the RM.* functions.
  clientRisk: def(CLIENT_RISKS, same(CLIENT_RISKS), withDigits(CLIENT_RISKS, CLIENT_RISK_SPELLINGS)),

  productRisk: def(PRODUCT_RISKS, same(PRODUCT_RISKS), withDigits(PRODUCT_RISKS, PRODUCT_RISK_SPELLINGS)),

  // The labels are the domain's (ASSET_CLASS_LABELS), shared with the sheets, the pane and the RM.* functions.
  assetClass: def(ASSET_CLASSES, byLang(ASSET_CLASSES, ASSET_CLASS_LABELS), ASSET_CLASS_ALIASES),

  policyType: def(POLICY_TYPES, {
    "zh-CN": { Life: "寿险", CriticalIllness: "重疾", Medical: "医疗", Accident: "意外", Annuity: "年金", Education: "教育金", Other: "其他" },
    "zh-TW": { Life: "壽險", CriticalIllness: "重疾", Medical: "醫療", Accident: "意外", Annuity: "年金", Education: "教育金", Other: "其他" },
    "en-US": { Life: "Life", CriticalIllness: "Critical illness", Medical: "Medical", Accident: "Accident", Annuity: "Annuity", Education: "Education", Other: "Other" },
  }, {
    Life: ["人寿", "人壽", "人寿险", "人壽險", "定期寿险", "定期壽險", "终身寿险", "終身壽險", "life insurance"],
    CriticalIllness: ["重疾险", "重疾險", "重大疾病", "重大疾病险", "重大疾病險", "重大傷病", "CI"],
    Medical: ["医疗险", "醫療險", "health"],
    Accident: ["意外险", "意外險", "意外伤害", "意外傷害"],
    Annuity: ["年金险", "年金險"],
    Education: ["教育金险", "教育金險", "教育年金", "education fund"],
    Other: ["其它"],
  }),

  relation: def(RELATIONS, {
    "zh-CN": { Spouse: "配偶", Child: "子女", Parent: "父母", Other: "其他" },
    "zh-TW": { Spouse: "配偶", Child: "子女", Parent: "父母", Other: "其他" },
    "en-US": { Spouse: "Spouse", Child: "Child", Parent: "Parent", Other: "Other" },
  }, {
    Spouse: ["丈夫", "妻子", "老公", "老婆", "先生", "太太", "husband", "wife"],
    Child: ["儿子", "兒子", "女儿", "女兒", "孩子", "son", "daughter", "children"],
    Parent: ["父亲", "父親", "母亲", "母親", "爸爸", "妈妈", "媽媽", "father", "mother", "parents"],
    Other: ["其它"],
  }),

  cadence: def(CADENCES, {
    "zh-CN": { Monthly: "月度", Quarterly: "季度", Semiannual: "半年", Annual: "年度" },
    "zh-TW": { Monthly: "月度", Quarterly: "季度", Semiannual: "半年", Annual: "年度" },
    "en-US": { Monthly: "Monthly", Quarterly: "Quarterly", Semiannual: "Semi-annual", Annual: "Annual" },
  }, {
    Monthly: ["每月", "月", "month"],
    Quarterly: ["每季", "每季度", "季", "quarter"],
    Semiannual: ["半年度", "每半年", "semi-annual", "half-yearly", "half yearly", "biannual"],
    Annual: ["每年", "年", "yearly", "annually", "year"],
  }),

  maritalStatus: def(MARITAL_STATUSES, {
    "zh-CN": { Single: "未婚", Married: "已婚", Divorced: "离异", Widowed: "丧偶" },
    "zh-TW": { Single: "未婚", Married: "已婚", Divorced: "離婚", Widowed: "喪偶" },
    "en-US": { Single: "Single", Married: "Married", Divorced: "Divorced", Widowed: "Widowed" },
  }, {
    Single: ["单身", "單身", "unmarried"],
    Divorced: ["离婚", "離異"],
  }),

  // 状态: the domain's labels and spellings (src/domain/policyStatus.ts), shared with RM.NEXTPREMIUM's status.
  policyStatus: def(POLICY_STATUSES, byLang(POLICY_STATUSES, POLICY_STATUS_LABELS), POLICY_STATUS_ALIASES),

  // 缴费方式: the domain's labels and spellings (src/domain/premiums.ts), shared with RM.NEXTPREMIUM.
  premiumFrequency: def(PREMIUM_FREQUENCIES, byLang(PREMIUM_FREQUENCIES, PREMIUM_FREQUENCY_LABELS), PREMIUM_FREQUENCY_ALIASES),

  channel: def(CHANNELS, same(CHANNELS), {
    T: ["电话", "電話", "phone", "telephone", "call", "tel"],
    E: ["邮件", "郵件", "电邮", "電郵", "电子邮件", "電子郵件", "email", "e-mail", "mail"],
    M: ["面谈", "面談", "见面", "見面", "拜访", "拜訪", "meeting", "visit"],
  }),

  tier: def(TIERS, same(TIERS)),

  yesNo: def(YES_NO, {
    "zh-CN": { Yes: "是", No: "否" },
    "zh-TW": { Yes: "是", No: "否" },
    "en-US": { Yes: "Yes", No: "No" },
  }, {
    Yes: ["Y", "TRUE", "1", "有", "含", "√", "✓", "✔"],
    No: ["N", "FALSE", "0", "无", "無", "不含", "×", "✗", "✘"],
  }),

  institution: def(INSTITUTIONS, {
    "zh-CN": { ThisBank: "本行" },
    "zh-TW": { ThisBank: "本行" },
    "en-US": { ThisBank: "This bank" },
  }, { ThisBank: ["我行", "our bank"] }),

  language: def(LANGS as readonly Lang[], {
    "zh-CN": { "zh-CN": "简体中文", "zh-TW": "繁體中文", "en-US": "English" },
    "zh-TW": { "zh-CN": "简体中文", "zh-TW": "繁體中文", "en-US": "English" },
    "en-US": { "zh-CN": "简体中文", "zh-TW": "繁體中文", "en-US": "English" },
  }, {
    "zh-CN": ["简体", "簡體", "简体中文", "簡體中文", "zh", "zh-Hans", "中文"],
    "zh-TW": ["繁体", "繁體", "繁体中文", "zh-HK", "zh-Hant"],
    "en-US": ["en", "英文", "英语", "英語"],
  }),

  // Cells show the ISO code (what formulas and other systems read); names and symbols in any language are accepted.
  currency: def(CURRENCY_LIST, same(CURRENCY_LIST), Object.fromEntries(CURRENCIES.map((c) => [c.code, [...Object.values(c.names), ...c.aliases]]))),

  amountUnit: def(AMOUNT_UNITS, byLang(AMOUNT_UNITS, AMOUNT_UNIT_LABELS), {
    Yuan: ["1", "Yuan", "Units", "单位元", "單位元"],
    Wan: ["万", "萬", "10000", "10,000", "1万", "1萬", "Wan", "10k"],
  }),
} as const;

export type CodeListKey = keyof typeof LISTS;
export type CodeOf<K extends CodeListKey> = (typeof LISTS)[K]["codes"][number];
export const CODE_LIST_KEYS = Object.keys(LISTS) as CodeListKey[];

/** normalised spelling → code, per list; built once. Throws at load if two codes of a list share a spelling. */
const LOOKUP = new Map<CodeListKey, Map<string, string>>();
for (const key of CODE_LIST_KEYS) {
  const list = LISTS[key] as unknown as CodeListDef<string>;
  const m = new Map<string, string>();
  const add = (spelling: string, code: string) => {
    const k = normKey(spelling);
    const prev = m.get(k);
    if (prev !== undefined && prev !== code) throw new Error(`code list ${key}: "${spelling}" means both ${prev} and ${code}`);
    m.set(k, code);
  };
  for (const code of list.codes) {
    add(code, code);
    for (const lang of LANGS) add(list.labels[lang][code], code);
    for (const a of list.aliases[code] ?? []) add(a, code);
  }
  LOOKUP.set(key, m);
}

/**
 * parseCode's answers by the text as given, per list: a code column holds a few spellings over and over (有效, 年缴,
 * USD…), and normKey (NFKC, lower case, a Unicode-property regex) is the cost of reading them. parseCode is pure
 * (LOOKUP is fixed at load), so a remembered answer is the one it would compute; null is "none of the list's values".
 * Bounded: only short texts (every spelling of every list is) are remembered, and a column of many different texts
 * (a wrong column, junk) empties it rather than growing without end.
 */
const SEEN = new Map<CodeListKey, Map<string, string | null>>(CODE_LIST_KEYS.map((k) => [k, new Map()]));
const SEEN_MAX = 4096;
const SEEN_LENGTH = 64;

/** The code for a cell's text in any language or spelling, or undefined when it is none of the list's values. */
export function parseCode<K extends CodeListKey>(list: K, raw: string): CodeOf<K> | undefined {
  const seen = SEEN.get(list)!;
  const known = seen.get(raw);
  if (known !== undefined) return (known ?? undefined) as CodeOf<K> | undefined;
  const code = LOOKUP.get(list)!.get(normKey(raw));
  if (raw.length <= SEEN_LENGTH) {
    if (seen.size >= SEEN_MAX) seen.clear();
    seen.set(raw, code ?? null);
  }
  return code as CodeOf<K> | undefined;
}

/**
 * The name of each client risk level beside its code (C3 平衡型): the first of the level's spellings that the codec
 * reads (src/domain/suitability.ts CLIENT_RISK_SPELLINGS), in the language's script — so a name shown on a sheet
 * reads back as its level (tests/book/codes.test.ts checks it).
 */
const CLIENT_RISK_NAMES: Readonly<Record<ClientRisk, Localized>> = {
  C1: { "zh-CN": "保守型", "zh-TW": "保守型", "en-US": "Conservative" },
  C2: { "zh-CN": "稳健型", "zh-TW": "穩健型", "en-US": "Prudent" },
  C3: { "zh-CN": "平衡型", "zh-TW": "平衡型", "en-US": "Balanced" },
  C4: { "zh-CN": "成长型", "zh-TW": "成長型", "en-US": "Growth" },
  C5: { "zh-CN": "进取型", "zh-TW": "進取型", "en-US": "Aggressive" },
};

/** 平衡型 / 平衡型 / Balanced for C3: the name of a client risk level, shown next to its code. */
export function clientRiskName(code: ClientRisk, lang: Lang): string {
  return CLIENT_RISK_NAMES[code][lang];
}

/** The label of a code in a language (what the writer puts in the cell). */
export function codeLabel<K extends CodeListKey>(list: K, code: CodeOf<K>, lang: Lang): string {
  const labels = (LISTS[list] as unknown as CodeListDef<string>).labels[lang];
  const label = labels[code];
  if (label === undefined) throw new RangeError(`${String(code)} is not a code of ${list}`);
  return label;
}

/** All labels of a list in code order, e.g. for a data-validation dropdown. */
export function codeLabels(list: CodeListKey, lang: Lang): string[] {
  const l = LISTS[list] as unknown as CodeListDef<string>;
  return l.codes.map((c) => l.labels[lang][c]);
}

export function codesOf<K extends CodeListKey>(list: K): readonly CodeOf<K>[] {
  return LISTS[list].codes as readonly CodeOf<K>[];
}
