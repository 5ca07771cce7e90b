/**
 * Contact and identity details that look real and pass the usual checks: mainland 18-digit resident id numbers
 * (GB 11643 check digit, birthday and gender encoded), Taiwan national ids (letter + check digit), mobile numbers
 * in each region's format, e-mail addresses and street addresses near the branch.
 */
import type { Gender, IsoDate } from "../domain/types";
import { say, type Ctx, type T } from "./context";
import type { Rand } from "./rand";

// ---- id numbers ---------------------------------------------------------------------------------------------

/** Birthplace region codes (GB/T 2260), weighted towards the branch's city (Shanghai). */
const CN_REGIONS: readonly [string, number][] = [
  ["310115", 12], ["310104", 6], ["310106", 5], ["310105", 4], ["310101", 3], ["310112", 5], ["310110", 4],
  ["110105", 3], ["110108", 3], ["320102", 2], ["320581", 2], ["330106", 2], ["330203", 2], ["340104", 2],
  ["350203", 1], ["370102", 1], ["410105", 1], ["420106", 2], ["430104", 1], ["440106", 1], ["440305", 1],
  ["510107", 1], ["500103", 1], ["610113", 1], ["120101", 1], ["210102", 1], ["230103", 1], ["360102", 1],
];
const CN_REGION_WEIGHTS = CN_REGIONS.map((r) => r[1]);

/** Taiwan id letters by household registration, weighted towards Taipei; the number is the letter's code. */
const TW_LETTERS: readonly [string, number, number][] = [
  ["A", 10, 30], ["F", 15, 18], ["H", 17, 8], ["B", 11, 8], ["E", 14, 7], ["D", 13, 5], ["J", 18, 3], ["O", 35, 3],
  ["K", 19, 2], ["N", 22, 4], ["T", 27, 3], ["G", 16, 2], ["C", 12, 2], ["P", 23, 2], ["Q", 24, 2], ["M", 21, 1],
  ["U", 28, 1], ["V", 29, 1], ["X", 30, 1], ["I", 34, 1], ["L", 20, 1], ["R", 25, 1], ["S", 26, 1], ["W", 32, 1],
  ["Y", 31, 1], ["Z", 33, 1],
];
const TW_LETTER_WEIGHTS = TW_LETTERS.map((l) => l[2]);

const CN_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CN_CHECK = "10X98765432";

/** GB 11643-1999 check character for the first 17 digits. */
export function cnIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * CN_WEIGHTS[i];
  return CN_CHECK[sum % 11];
}

/** True when an 18-character mainland id has a valid check character. */
export function isValidCnId(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id) && cnIdCheckChar(id.slice(0, 17)) === id[17];
}

function twLetterCode(letter: string): number | undefined {
  return TW_LETTERS.find((l) => l[0] === letter)?.[1];
}

function twWeightedSum(letterCode: number, digits: string): number {
  let sum = Math.floor(letterCode / 10) + (letterCode % 10) * 9;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (8 - i > 0 ? 8 - i : 1);
  return sum;
}

/** True when a Taiwan national id (A123456789) has a valid check digit. */
export function isValidTwId(id: string): boolean {
  if (!/^[A-Z][12]\d{8}$/.test(id)) return false;
  const code = twLetterCode(id[0]);
  return code !== undefined && twWeightedSum(code, id.slice(1)) % 10 === 0;
}

/** An id number for someone born on `birthday`: mainland 18 digits or Taiwan letter + 9 digits. */
export function drawIdNumber(r: Rand, ctx: Ctx, birthday: IsoDate, gender: Gender): string {
  const u = r.float();
  const n = r.int(0, 9_999_999);
  if (ctx.tw) {
    const [letter, code] = TW_LETTERS[pickWeighted(TW_LETTER_WEIGHTS, u)];
    const body = (gender === "M" ? "1" : "2") + String(n).padStart(7, "0");
    const check = (10 - (twWeightedSum(code, body) % 10)) % 10;
    return letter + body + String(check);
  }
  const region = CN_REGIONS[pickWeighted(CN_REGION_WEIGHTS, u)][0];
  // The 17th digit is odd for men and even for women.
  let seq = n % 1000;
  if ((seq % 2 === 1) !== (gender === "M")) seq = seq === 999 ? 998 : seq + 1;
  const first17 = region + birthday.replace(/-/g, "") + String(seq).padStart(3, "0");
  return first17 + cnIdCheckChar(first17);
}

function pickWeighted(weights: readonly number[], u: number): number {
  let total = 0;
  for (const w of weights) total += w;
  let x = u * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i];
    if (x < 0) return i;
  }
  return weights.length - 1;
}

// ---- phones -------------------------------------------------------------------------------------------------

const CN_MOBILE_PREFIXES = [
  "138", "139", "137", "136", "135", "134", "150", "151", "152", "157", "158", "159", "182", "183", "187", "188",
  "130", "131", "132", "155", "156", "185", "186", "176", "133", "153", "180", "181", "189", "177", "199", "191",
];
const TW_MOBILE_PREFIXES = [
  "0912", "0918", "0921", "0928", "0932", "0935", "0937", "0955", "0958", "0960", "0963", "0970", "0972", "0975",
  "0980", "0988", "0910", "0919", "0920", "0926", "0930", "0933", "0939", "0952", "0953", "0961", "0968", "0978",
  "0982", "0987", "0989", "0905",
];

/** Mainland 1[3-9]x + 8 digits (11 digits, no separators); Taiwan 09xx-xxx-xxx. */
export function drawMobile(r: Rand, ctx: Ctx): string {
  const p = r.int(0, CN_MOBILE_PREFIXES.length - 1);
  const n = r.int(0, 99_999_999);
  if (ctx.tw) {
    const d = String(n % 1_000_000).padStart(6, "0");
    return `${TW_MOBILE_PREFIXES[p]}-${d.slice(0, 3)}-${d.slice(3)}`;
  }
  return CN_MOBILE_PREFIXES[p] + String(n).padStart(8, "0");
}

export const CN_MOBILE_RE = /^1[3-9]\d{9}$/;
export const TW_MOBILE_RE = /^09\d{2}-\d{3}-\d{3}$/;

// ---- e-mail -------------------------------------------------------------------------------------------------

const CN_MAIL = ["qq.com", "163.com", "126.com", "sina.com", "foxmail.com", "gmail.com", "hotmail.com", "163.com"];
const TW_MAIL = ["gmail.com", "yahoo.com.tw", "hotmail.com", "msa.hinet.net", "outlook.com", "gmail.com", "icloud.com", "gmail.com"];

export function drawEmail(r: Rand, ctx: Ctx, py: { surname: string; given: string }, birthYear: number): string {
  const d = r.int(0, CN_MAIL.length - 1);
  const style = r.int(0, 3);
  const qq = r.int(10_000_000, 2_999_999_999);
  const domain = ctx.tw ? TW_MAIL[d] : CN_MAIL[d];
  if (!ctx.tw && d === 0) return `${qq}@qq.com`;
  const yy = String(birthYear % 100).padStart(2, "0");
  const local =
    style === 0 ? `${py.given}.${py.surname}` : style === 1 ? `${py.surname}${py.given}${yy}` : style === 2 ? `${py.surname}_${py.given}` : `${py.given[0]}${py.surname}${birthYear}`;
  return `${local}@${domain}`;
}

// ---- addresses ----------------------------------------------------------------------------------------------

/** Districts of the branch's city, each with a few streets. Shanghai for the mainland, Taipei for Taiwan. */
const DISTRICTS: readonly { d: T; roads: readonly T[] }[] = [
  { d: ["浦东新区", "大安區"], roads: [["世纪大道", "仁愛路四段"], ["锦绣路", "敦化南路二段"], ["张杨路", "信義路三段"]] },
  { d: ["徐汇区", "信義區"], roads: [["衡山路", "松仁路"], ["漕溪北路", "基隆路一段"], ["肇嘉浜路", "忠孝東路五段"]] },
  { d: ["静安区", "中山區"], roads: [["南京西路", "南京東路二段"], ["延安中路", "民生東路二段"], ["常德路", "林森北路"]] },
  { d: ["长宁区", "松山區"], roads: [["虹桥路", "八德路四段"], ["古北路", "民生東路四段"], ["仙霞路", "敦化北路"]] },
  { d: ["黄浦区", "中正區"], roads: [["淮海中路", "羅斯福路二段"], ["瑞金二路", "重慶南路一段"], ["复兴中路", "杭州南路一段"]] },
  { d: ["闵行区", "內湖區"], roads: [["莲花南路", "成功路四段"], ["虹梅路", "內湖路一段"], ["七莘路", "瑞光路"]] },
  { d: ["杨浦区", "士林區"], roads: [["国权路", "天母東路"], ["政通路", "中山北路六段"], ["控江路", "忠誠路二段"]] },
  { d: ["普陀区", "文山區"], roads: [["长寿路", "木柵路一段"], ["真北路", "興隆路二段"], ["曹杨路", "景美街"]] },
];

export const BRANCH_CITY: T = ["上海市", "台北市"];

/** A home address; `district` is shared with the property the client owns. */
export function drawAddress(r: Rand, ctx: Ctx): { address: string; district: number } {
  const di = r.int(0, DISTRICTS.length - 1);
  const road = say(ctx, r.pick(DISTRICTS[di].roads));
  const no = r.int(1, 1999);
  const lane = r.chance(0.55);
  const sub = r.int(1, 40);
  const floor = r.int(2, 28);
  const room = r.int(1, 4);
  const city = say(ctx, BRANCH_CITY) + say(ctx, DISTRICTS[di].d);
  if (ctx.tw) {
    return { address: `${city}${road}${lane ? `${no % 300}巷${sub}號` : `${no % 400}號`}${floor % 15 + 2}樓`, district: di };
  }
  return { address: `${city}${road}${no}${lane ? `弄${sub}号` : "号"}${floor}0${room}室`, district: di };
}

export function districtName(ctx: Ctx, district: number): string {
  return say(ctx, DISTRICTS[district].d);
}
