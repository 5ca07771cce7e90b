/**
 * Chinese personal names: common surnames (with a few compound ones such as 欧阳), and given names of one or two
 * characters chosen by gender. Each character carries its pinyin for e-mail addresses.
 */
import type { Gender } from "../domain/types";
import { say, type Ctx, type T } from "./context";
import type { Rand } from "./rand";

interface Surname {
  t: T;
  py: string;
  /** Relative frequency on the mainland and in Taiwan. */
  cn: number;
  tw: number;
}

// Frequencies roughly follow the published rankings (mainland 2020 census, Taiwan household registry).
const S = (s: string, t: string, py: string, cn: number, tw: number): Surname => ({ t: [s, t], py, cn, tw });
export const SURNAMES: readonly Surname[] = [
  S("王", "王", "wang", 72, 41), S("李", "李", "li", 70, 50), S("张", "張", "zhang", 67, 53),
  S("刘", "劉", "liu", 54, 32), S("陈", "陳", "chen", 47, 111), S("杨", "楊", "yang", 32, 27),
  S("黄", "黃", "huang", 25, 60), S("赵", "趙", "zhao", 23, 8), S("吴", "吳", "wu", 21, 41),
  S("周", "周", "zhou", 21, 12), S("徐", "徐", "xu", 15, 9), S("孙", "孫", "sun", 15, 5),
  S("马", "馬", "ma", 14, 5), S("朱", "朱", "zhu", 14, 6), S("胡", "胡", "hu", 13, 7),
  S("郭", "郭", "guo", 12, 17), S("何", "何", "he", 12, 9), S("林", "林", "lin", 10, 83),
  S("高", "高", "gao", 10, 7), S("罗", "羅", "luo", 10, 6), S("郑", "鄭", "zheng", 10, 19),
  S("梁", "梁", "liang", 9, 5), S("谢", "謝", "xie", 8, 18), S("宋", "宋", "song", 7, 4),
  S("唐", "唐", "tang", 7, 3), S("许", "許", "xu", 6, 23), S("韩", "韓", "han", 6, 2),
  S("冯", "馮", "feng", 6, 2), S("邓", "鄧", "deng", 6, 3), S("曹", "曹", "cao", 6, 3),
  S("彭", "彭", "peng", 6, 4), S("曾", "曾", "zeng", 6, 13), S("萧", "蕭", "xiao", 2, 8),
  S("田", "田", "tian", 5, 2), S("董", "董", "dong", 5, 2), S("袁", "袁", "yuan", 5, 2),
  S("潘", "潘", "pan", 4, 5), S("蒋", "蔣", "jiang", 4, 4), S("蔡", "蔡", "cai", 4, 30),
  S("余", "余", "yu", 4, 4), S("杜", "杜", "du", 4, 3), S("叶", "葉", "ye", 4, 9),
  S("程", "程", "cheng", 4, 2), S("苏", "蘇", "su", 4, 6), S("魏", "魏", "wei", 4, 3),
  S("吕", "呂", "lv", 4, 6), S("丁", "丁", "ding", 4, 2), S("任", "任", "ren", 4, 1),
  S("沈", "沈", "shen", 4, 4), S("姚", "姚", "yao", 3, 2), S("卢", "盧", "lu", 3, 4),
  S("姜", "姜", "jiang", 3, 1), S("崔", "崔", "cui", 3, 1), S("钟", "鍾", "zhong", 3, 6),
  S("谭", "譚", "tan", 3, 1), S("陆", "陸", "lu", 3, 1), S("汪", "汪", "wang", 3, 2),
  S("范", "范", "fan", 3, 3), S("金", "金", "jin", 3, 1), S("石", "石", "shi", 3, 2),
  S("廖", "廖", "liao", 3, 11), S("贾", "賈", "jia", 3, 1), S("夏", "夏", "xia", 2, 1),
  S("方", "方", "fang", 2, 3), S("白", "白", "bai", 2, 1), S("邹", "鄒", "zou", 2, 1),
  S("孟", "孟", "meng", 2, 1), S("熊", "熊", "xiong", 2, 1), S("秦", "秦", "qin", 2, 1),
  S("邱", "邱", "qiu", 2, 12), S("江", "江", "jiang", 2, 7), S("尹", "尹", "yin", 2, 1),
  S("薛", "薛", "xue", 2, 2), S("段", "段", "duan", 2, 1), S("雷", "雷", "lei", 2, 1),
  S("侯", "侯", "hou", 2, 2), S("龙", "龍", "long", 2, 1), S("史", "史", "shi", 2, 1),
  S("陶", "陶", "tao", 2, 1), S("黎", "黎", "li", 2, 1), S("贺", "賀", "he", 2, 1),
  S("顾", "顧", "gu", 2, 1), S("毛", "毛", "mao", 2, 1), S("郝", "郝", "hao", 2, 1),
  S("龚", "龔", "gong", 2, 1), S("邵", "邵", "shao", 2, 1), S("万", "萬", "wan", 2, 1),
  S("钱", "錢", "qian", 2, 1), S("严", "嚴", "yan", 2, 1), S("戴", "戴", "dai", 2, 2),
  S("洪", "洪", "hong", 1, 9), S("赖", "賴", "lai", 1, 13), S("温", "溫", "wen", 1, 3),
  S("柯", "柯", "ke", 1, 4), S("游", "游", "you", 1, 4), S("詹", "詹", "zhan", 1, 4),
  // Compound surnames: rare, but managers meet them and a name split must not assume one character.
  S("欧阳", "歐陽", "ouyang", 0.6, 0.4), S("司马", "司馬", "sima", 0.2, 0.2), S("上官", "上官", "shangguan", 0.2, 0.1),
  S("诸葛", "諸葛", "zhuge", 0.1, 0.1), S("东方", "東方", "dongfang", 0.1, 0.1), S("司徒", "司徒", "situ", 0.2, 0.2),
];

export const OUYANG = SURNAMES.findIndex((s) => s.py === "ouyang");

interface GivenChar {
  t: T;
  py: string;
}
const G = (s: string, t: string, py: string): GivenChar => ({ t: [s, t], py });

const MALE: readonly GivenChar[] = [
  G("伟", "偉", "wei"), G("强", "強", "qiang"), G("磊", "磊", "lei"), G("军", "軍", "jun"), G("勇", "勇", "yong"),
  G("杰", "傑", "jie"), G("涛", "濤", "tao"), G("明", "明", "ming"), G("超", "超", "chao"), G("华", "華", "hua"),
  G("浩", "浩", "hao"), G("宇", "宇", "yu"), G("俊", "俊", "jun"), G("博", "博", "bo"), G("文", "文", "wen"),
  G("斌", "斌", "bin"), G("鹏", "鵬", "peng"), G("辉", "輝", "hui"), G("海", "海", "hai"), G("峰", "峰", "feng"),
  G("刚", "剛", "gang"), G("健", "健", "jian"), G("毅", "毅", "yi"), G("晨", "晨", "chen"), G("昊", "昊", "hao"),
  G("哲", "哲", "zhe"), G("翔", "翔", "xiang"), G("凯", "凱", "kai"), G("东", "東", "dong"), G("国", "國", "guo"),
  G("庆", "慶", "qing"), G("嘉", "嘉", "jia"), G("睿", "睿", "rui"), G("轩", "軒", "xuan"), G("宏", "宏", "hong"),
  G("振", "振", "zhen"), G("志", "志", "zhi"), G("永", "永", "yong"), G("泽", "澤", "ze"), G("铭", "銘", "ming"),
  G("建", "建", "jian"), G("德", "德", "de"), G("成", "成", "cheng"), G("立", "立", "li"), G("新", "新", "xin"),
  G("子", "子", "zi"), G("天", "天", "tian"), G("家", "家", "jia"), G("承", "承", "cheng"), G("彦", "彥", "yan"),
];

const FEMALE: readonly GivenChar[] = [
  G("芳", "芳", "fang"), G("娜", "娜", "na"), G("敏", "敏", "min"), G("静", "靜", "jing"), G("丽", "麗", "li"),
  G("艳", "豔", "yan"), G("娟", "娟", "juan"), G("霞", "霞", "xia"), G("秀", "秀", "xiu"), G("玲", "玲", "ling"),
  G("婷", "婷", "ting"), G("雪", "雪", "xue"), G("慧", "慧", "hui"), G("颖", "穎", "ying"), G("琳", "琳", "lin"),
  G("洁", "潔", "jie"), G("欣", "欣", "xin"), G("怡", "怡", "yi"), G("佳", "佳", "jia"), G("萱", "萱", "xuan"),
  G("涵", "涵", "han"), G("梓", "梓", "zi"), G("雨", "雨", "yu"), G("诗", "詩", "shi"), G("晴", "晴", "qing"),
  G("璐", "璐", "lu"), G("琪", "琪", "qi"), G("悦", "悅", "yue"), G("蕾", "蕾", "lei"), G("薇", "薇", "wei"),
  G("梅", "梅", "mei"), G("兰", "蘭", "lan"), G("燕", "燕", "yan"), G("红", "紅", "hong"), G("倩", "倩", "qian"),
  G("雅", "雅", "ya"), G("萍", "萍", "ping"), G("莉", "莉", "li"), G("月", "月", "yue"), G("彤", "彤", "tong"),
  G("美", "美", "mei"), G("淑", "淑", "shu"), G("惠", "惠", "hui"), G("宜", "宜", "yi"), G("思", "思", "si"),
  G("婉", "婉", "wan"), G("若", "若", "ruo"), G("晓", "曉", "xiao"), G("安", "安", "an"), G("心", "心", "xin"),
];

/** A generated name: the same person in both scripts, plus its parts. */
export interface PersonName {
  surname: number;
  given: readonly GivenChar[];
}

const cumulative = (w: readonly number[]): number[] => {
  let t = 0;
  return w.map((x) => (t += x));
};
const CN_CUMULATIVE = cumulative(SURNAMES.map((s) => s.cn));
const TW_CUMULATIVE = cumulative(SURNAMES.map((s) => s.tw));

export function drawSurname(r: Rand, ctx: Ctx): number {
  return r.weightedCumulative(ctx.tw ? TW_CUMULATIVE : CN_CUMULATIVE);
}

/** Given name of 1–2 characters; two characters are more common among the young. */
export function drawGiven(r: Rand, gender: Gender, age: number): GivenChar[] {
  const pool = gender === "M" ? MALE : FEMALE;
  const two = r.chance(age < 40 ? 0.8 : 0.6);
  const a = r.pick(pool);
  let b = r.pick(pool);
  if (b === a) b = pool[(pool.indexOf(a) + 7) % pool.length];
  return two ? [a, b] : [a];
}

export function nameText(ctx: Ctx, n: PersonName): string {
  return say(ctx, SURNAMES[n.surname].t) + n.given.map((g) => say(ctx, g.t)).join("");
}

export function namePinyin(n: PersonName): { surname: string; given: string } {
  return { surname: SURNAMES[n.surname].py, given: n.given.map((g) => g.py).join("") };
}
