/**
 * Masking for anything that leaves the manager's eyes (client-facing review, RM.MASK).
 *
 * Rules (docs/ARCHITECTURE.md § Figures), and the choices made where it is silent:
 * - Phone: one `*` per hidden digit, separators and a +86/+852/+853/+886, 00… or (852) prefix kept as typed, and
 *   the digits hidden in the way each region writes its numbers (issue #15: a Taiwan mobile read 098*-**3-497):
 *   · mainland mobile (1[3-9] + 9 digits, written 3-4-4): the middle 4 — 13812345678 → 138****5678,
 *     +86 138-1234-5678 → +86 138-****-5678 (the 138****1234 form of the mainland's own apps and statements);
 *   · Taiwan mobile (09xx-xxx-xxx, 4-3-3; +886 9xx-xxx-xxx without the 0): the middle group — 0912-345-678 →
 *     0912-***-678, +886 912 345 678 → +886 912 *** 678;
 *   · Hong Kong / Macau (8 digits, written 4 4): the first 4 — +852 9123 4567 → +852 **** 4567;
 *   · a landline with its area code set apart (010-, (02), 0755 …): the code kept, the number's last 4 —
 *     010-12345678 → 010-****5678, 0755-88881234 → 0755-****1234, 02-2345-6789 → 02-****-6789;
 *   · anything else: 10+ digits keep the first 3 and last 4; 8–9 keep the last 4; 5–7 the last 2; fewer none.
 *   An unknown country code counts as national digits.
 * - ID number: 15 characters or more (mainland 18- and 15-digit ids) keep the first 6 and last 4. Shorter ids
 *   (HK A123456(7), TW A123456789, passports E12345678) would show everything under that rule, so they keep the
 *   first 2 and last 2 letters or digits; brackets are kept.
 * - Name: a Chinese name keeps its surname — one character, or two for a compound surname (欧阳/司马/上官/诸葛…,
 *   繁體 too) when the name has at least three characters — one `*` per other character: 张伟 → 张*, 欧阳娜娜 →
 *   欧阳**. A name in Latin letters keeps each word's initial: John Smith → J*** S****. We keep initials rather
 *   than the surname because romanised names come in either order (Chan Tai Man, John Smith) and a Western
 *   surname identifies far more than a Chinese one. A one-character name (张, J) keeps nothing: its only character
 *   is the whole name.
 * - E-mail: first character + *** + @domain: zhangwei@example.com → z***@example.com; a one-character local part
 *   keeps nothing: a@b.cn → ***@b.cn.
 * Every masker fails closed: text that does not look like its kind is still hidden, never returned as is.
 */

export const MASK_KINDS = ["phone", "id", "name", "email"] as const;
export type MaskKind = (typeof MASK_KINDS)[number];

const STAR = "*";

/** Replaces the characters matching `isSecret` whose secret-index is in [keepHead, count − keepTail). */
function maskPositions(text: string, isSecret: (ch: string) => boolean, keepHead: number, keepTail: number): string {
  const chars = [...text];
  const count = chars.filter(isSecret).length;
  let k = 0;
  return chars
    .map((ch) => {
      if (!isSecret(ch)) return ch;
      const i = k++;
      return i < keepHead || i >= count - keepTail ? ch : STAR;
    })
    .join("");
}

const isDigit = (ch: string): boolean => ch >= "0" && ch <= "9";
const isAlnum = (ch: string): boolean => /^[0-9A-Za-z]$/.test(ch);

/** Country calling codes whose national numbers we know; longer codes first so +852 is not read as +85. */
const COUNTRY_CODES = ["852", "853", "886", "86"];

export function maskPhone(text: string): string {
  const s = text.normalize("NFKC").trim();
  if (s === "") return "";
  let prefix = "";
  const paren = /^\(\s*(\+|00)?(852|853|886|86)\s*\)[\s\-.]*/.exec(s);
  const intl = /^(\+|00)\s*/.exec(s);
  if (paren) {
    prefix = paren[0];
  } else if (intl) {
    const cc = COUNTRY_CODES.find((c) => s.startsWith(c, intl[0].length));
    // An unknown country code stays part of the number, so at worst more digits are kept at the head.
    const head = intl[0] + (cc ?? "");
    prefix = head + /^[\s\-.]*/.exec(s.slice(head.length))![0];
  } else if (/^861\d{10}$/.test(s.replace(/[\s\-.]/g, ""))) {
    // 86 13812345678: a mainland mobile written with the country code but no +.
    prefix = /^86[\s\-.]*/.exec(s)![0];
  }
  const rest = s.slice(prefix.length);
  const digits = [...rest].filter(isDigit).length;
  if (digits === 0) return prefix + STAR.repeat(3);
  // Letters mean this is not a phone number; hide them as well as the digits.
  const secret = (ch: string): boolean => isDigit(ch) || /\p{L}/u.test(ch);
  const national = /\p{L}/u.test(rest) ? "" : [...rest].filter(isDigit).join("");
  const country = /886/.test(prefix) ? "886" : /86/.test(prefix) ? "86" : prefix === "" ? "" : "other";
  if (/^1[3-9]\d{9}$/.test(national) && (country === "86" || country === "")) return prefix + maskPositions(rest, secret, 3, 4);
  if (/^09\d{8}$/.test(national) && (country === "886" || country === "")) return prefix + maskPositions(rest, secret, 4, 3);
  if (/^9\d{8}$/.test(national) && country === "886") return prefix + maskPositions(rest, secret, 3, 3);
  // A landline whose area code (0 + 1–3 digits) is set apart by brackets or a separator: the code stays.
  const area = country === "" || country === "86" || country === "886" ? /^(\(\s*0\d{1,3}\s*\)|0\d{1,3}(?=[\s\-.]))[\s\-.]*/.exec(rest) : null;
  if (area) {
    const subscriber = rest.slice(area[0].length);
    const n = [...subscriber].filter(isDigit).length;
    if (n >= 7 && n <= 8 && !/\p{L}/u.test(subscriber)) return prefix + area[0] + maskPositions(subscriber, secret, 0, 4);
  }
  if (digits >= 10) return prefix + maskPositions(rest, secret, 3, 4);
  if (digits >= 8) return prefix + maskPositions(rest, secret, 0, 4);
  return prefix + maskPositions(rest, secret, 0, digits >= 5 ? 2 : 0);
}

export function maskIdNumber(text: string): string {
  const s = text.normalize("NFKC").trim();
  if (s === "") return "";
  const n = [...s].filter(isAlnum).length;
  if (n === 0) return STAR.repeat(3);
  if (n >= 15) return maskPositions(s, isAlnum, 6, 4);
  if (n >= 6) return maskPositions(s, isAlnum, 2, 2);
  return maskPositions(s, isAlnum, 0, n >= 2 ? 1 : 0); // a one-character "id" keeps nothing (fail closed)
}

/** Compound surnames (简体 and 繁體). */
const COMPOUND_SURNAMES = new Set(
  (
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 尉迟 尉遲 公孙 公孫 慕容 长孙 長孫 宇文 司徒 司空 夏侯 轩辕 軒轅 " +
    "令狐 钟离 鍾離 鐘離 闻人 聞人 澹台 澹臺 公冶 太史 申屠 端木 濮阳 濮陽 西门 西門 南宫 南宮 独孤 獨孤 呼延 赫连 赫連 " +
    "万俟 萬俟 百里 东郭 東郭 第五 公羊 拓跋 完颜 完顏 段干 左丘 微生 羊舌 漆雕 乐正 樂正 宗政 濮陽 仲孙 仲孫 单于 單于"
  ).split(" "),
);

const isHan = (ch: string): boolean => /\p{Script=Han}/u.test(ch);
const isLetter = (ch: string): boolean => /\p{L}/u.test(ch);

export function maskName(text: string): string {
  const s = text.normalize("NFC").trim();
  if (s === "") return "";
  const chars = [...s];
  const hanCount = chars.filter(isHan).length;
  if (hanCount > 0 && hanCount >= chars.filter(isLetter).length - hanCount) {
    // Chinese name: keep the surname, one star per other character; separators such as · stay.
    if (hanCount === 1) return chars.map((ch) => (isLetter(ch) ? STAR : ch)).join("");
    const keep = hanCount >= 3 && COMPOUND_SURNAMES.has(chars.filter(isHan).slice(0, 2).join("")) ? 2 : 1;
    return maskPositions(s, isLetter, keep, 0);
  }
  // A name of one letter ("J", "J.") would be shown whole by the initials rule: fail closed, hide it.
  if (chars.filter(isLetter).length <= 1) return chars.map((ch) => (isLetter(ch) || isDigit(ch) ? STAR : ch)).join("");
  // Latin (or other) script: each word keeps its initial; if every word is a single letter, only the first stays.
  const initials = s.replace(/\p{L}[\p{L}\p{M}'’]*/gu, (w) => {
    const [first, ...rest] = [...w];
    return first + rest.map((ch) => (isLetter(ch) ? STAR : ch)).join("");
  }).replace(/\d/g, STAR);
  return initials !== s ? initials : maskPositions(s, (ch) => isLetter(ch) || isDigit(ch), 1, 0);
}

export function maskEmail(text: string): string {
  const s = text.normalize("NFKC").trim();
  if (s === "") return "";
  const at = s.lastIndexOf("@");
  if (at === 0) return "***" + s;
  // A one-character local part (a@b.cn) is the whole of it: fail closed and keep nothing of it.
  const local = [...(at < 0 ? s : s.slice(0, at))];
  const head = local.length > 1 ? local[0] : "";
  return at < 0 ? head + "***" : head + "***" + s.slice(at);
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAINLAND_ID_RE = /^(\d{17}[\dX]|\d{15})$/;
const HK_ID_RE = /^[A-Z]{1,2}\d{6}\(?[\dA]\)?$/;
const TW_ID_RE = /^[A-Z][12890]\d{8}$/;
const PASSPORT_RE = /^[A-Z]{1,2}\d{7,8}$/;
/** Separators inside a Chinese name: the middle dots of transliterated names, and a stray space. */
const NAME_SEPARATORS = ["·", "•", "・", "．", " "];
const PHONE_RE = /^(\+|00)?[\d\s\-().]{7,}$/;

/** Guesses what a value is; undefined when it looks like none of the four kinds. */
export function detectKind(text: string): MaskKind | undefined {
  const s = text.normalize("NFKC").trim();
  if (s === "") return undefined;
  if (EMAIL_RE.test(s)) return "email";
  const compact = s.replace(/[\s-]/g, "").toUpperCase();
  if (!/^(\+|00)/.test(s) && (MAINLAND_ID_RE.test(compact) || HK_ID_RE.test(compact) || TW_ID_RE.test(compact) || PASSPORT_RE.test(compact))) {
    return "id";
  }
  if (PHONE_RE.test(s)) {
    const digits = s.replace(/\D/g, "").length;
    if (digits >= 7 && digits <= 15) return "phone";
  }
  const chars = [...s];
  const han = chars.filter(isHan).length;
  const separated = chars.some((ch) => NAME_SEPARATORS.includes(ch));
  if (han >= 2 && han <= (separated ? 15 : 5) && chars.every((ch) => isHan(ch) || NAME_SEPARATORS.includes(ch))) return "name";
  if (/^\p{L}[\p{L}\p{M}'’.-]*(\s+\p{L}[\p{L}\p{M}'’.-]*){0,3}$/u.test(s) && !/\p{Script=Han}/u.test(s)) return "name";
  return undefined;
}

/**
 * Masks `text` as `kind`, or as the detected kind. Text of no recognisable kind keeps its first and last
 * characters when it has five or more, and is hidden entirely otherwise.
 */
export function mask(text: string, kind?: MaskKind): string {
  switch (kind ?? detectKind(text)) {
    case "phone":
      return maskPhone(text);
    case "id":
      return maskIdNumber(text);
    case "name":
      return maskName(text);
    case "email":
      return maskEmail(text);
    default: {
      const chars = [...text.trim()];
      if (chars.length === 0) return "";
      if (chars.length < 5) return STAR.repeat(chars.length);
      return chars[0] + STAR.repeat(chars.length - 2) + chars[chars.length - 1];
    }
  }
}

const KIND_WORDS: Readonly<Record<string, MaskKind>> = {
  phone: "phone", mobile: "phone", tel: "phone", 电话: "phone", 電話: "phone", 手机: "phone", 手機: "phone",
  id: "id", idnumber: "id", passport: "id", 证件: "id", 證件: "id", 证件号码: "id", 證件號碼: "id", 身份证: "id", 身分證: "id", 身份證: "id", 护照: "id", 護照: "id",
  name: "name", 姓名: "name", 名字: "name",
  email: "email", mail: "email", 邮箱: "email", 郵箱: "email", 电子邮件: "email", 電子郵件: "email", 电邮: "email", 電郵: "email",
};

/** Reads RM.MASK's optional kind argument (phone/id/name/email, 电话/证件/姓名/邮箱 …). */
export function parseMaskKind(x: unknown, arg = "kind"): Result<MaskKind, "bad-mask-kind"> {
  const kind = typeof x === "string" ? KIND_WORDS[x.normalize("NFKC").toLowerCase().replace(/[\s\-_]+/g, "")] : undefined;
  if (kind) return ok(kind);
  return refused("bad-mask-kind", arg, {
    "zh-CN": "应为 电话/证件/姓名/邮箱 或 phone/id/name/email",
    "zh-TW": "應為 電話/證件/姓名/郵箱 或 phone/id/name/email",
    "en-US": "must be phone, id, name or email (电话/证件/姓名/邮箱)",
  }, x);
}import { ok, refused } from "./result";
import type { Result } from "./result";

