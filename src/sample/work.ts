/**
 * Occupations with their employers and incomes, and the schools and universities children attend.
 * Mainland lists are around Shanghai, Taiwan lists around Taipei; entries are paired so one draw serves both.
 */
import type { Gender } from "../domain/types";
import { say, type Ctx, type T } from "./context";
import type { Rand } from "./rand";

export type Occupation =
  | "owner" | "executive" | "engineer" | "doctor" | "teacher" | "civilServant" | "lawyer" | "accountant" | "finance"
  | "professor" | "sales" | "designer" | "freelance" | "homemaker" | "shopkeeper" | "retired";

interface OccupationInfo {
  t: T;
  /** Median annual income (CNY) and its log-sd. */
  income: number;
  sigma: number;
  /** Relative frequency among working-age clients of a wealth-management desk. */
  weight: number;
}

export const OCCUPATIONS: Readonly<Record<Occupation, OccupationInfo>> = {
  owner: { t: ["企业主", "企業主"], income: 800_000, sigma: 0.8, weight: 14 },
  executive: { t: ["企业高管", "企業高階主管"], income: 1_000_000, sigma: 0.5, weight: 9 },
  engineer: { t: ["工程师", "工程師"], income: 420_000, sigma: 0.35, weight: 12 },
  doctor: { t: ["医生", "醫師"], income: 450_000, sigma: 0.4, weight: 8 },
  teacher: { t: ["教师", "教師"], income: 200_000, sigma: 0.25, weight: 9 },
  civilServant: { t: ["公务员", "公務員"], income: 220_000, sigma: 0.25, weight: 8 },
  lawyer: { t: ["律师", "律師"], income: 650_000, sigma: 0.6, weight: 4 },
  accountant: { t: ["会计师", "會計師"], income: 420_000, sigma: 0.45, weight: 4 },
  finance: { t: ["金融从业者", "金融業從業人員"], income: 600_000, sigma: 0.55, weight: 6 },
  professor: { t: ["大学教授", "大學教授"], income: 380_000, sigma: 0.3, weight: 3 },
  sales: { t: ["销售经理", "業務經理"], income: 320_000, sigma: 0.5, weight: 6 },
  designer: { t: ["设计师", "設計師"], income: 260_000, sigma: 0.45, weight: 4 },
  freelance: { t: ["自由职业", "自由業"], income: 220_000, sigma: 0.7, weight: 4 },
  homemaker: { t: ["全职主妇", "家管"], income: 0, sigma: 0, weight: 3 },
  shopkeeper: { t: ["个体经营", "自營商"], income: 300_000, sigma: 0.6, weight: 5 },
  retired: { t: ["退休", "退休"], income: 110_000, sigma: 0.4, weight: 0 },
};

const WORKING: readonly Occupation[] = (Object.keys(OCCUPATIONS) as Occupation[]).filter((o) => OCCUPATIONS[o].weight > 0);
const WORKING_WEIGHTS = WORKING.map((o) => OCCUPATIONS[o].weight);

/** An occupation for someone of this age and gender (homemakers are drawn only for women here). */
export function drawOccupation(r: Rand, age: number, gender: Gender): Occupation {
  const retiredP = age >= 65 ? 0.92 : age >= 60 ? (gender === "F" ? 0.85 : 0.6) : age >= 55 && gender === "F" ? 0.4 : 0;
  const retired = r.chance(retiredP);
  let o = WORKING[r.weighted(WORKING_WEIGHTS)];
  if (o === "homemaker" && gender === "M") o = "freelance";
  return retired ? "retired" : o;
}

const HOSPITALS: readonly T[] = [
  ["复旦大学附属中山医院", "國立臺灣大學醫學院附設醫院"], ["上海交通大学医学院附属瑞金医院", "臺北榮民總醫院"],
  ["复旦大学附属华山医院", "長庚紀念醫院"], ["上海市第一人民医院", "馬偕紀念醫院"], ["上海市儿童医院", "國泰綜合醫院"],
  ["复旦大学附属肿瘤医院", "三軍總醫院"], ["上海市第六人民医院", "新光吳火獅紀念醫院"], ["浦东新区人民医院", "臺北市立聯合醫院"],
];
const SCHOOLS_WORK: readonly T[] = [
  ["上海市实验小学", "臺北市大安區大安國民小學"], ["上海外国语大学附属外国语学校", "臺北市立建國高級中學"],
  ["华东师范大学第二附属中学", "國立臺灣師範大學附屬高級中學"], ["上海中学", "臺北市立第一女子高級中學"],
  ["复旦大学附属中学", "臺北市立仁愛國民中學"], ["建平中学", "臺北市私立復興實驗高級中學"],
  ["世界外国语小学", "臺北市中山區中山國民小學"], ["上海市第二中学", "臺北市立中山女子高級中學"],
];
const GOVERNMENT: readonly T[] = [
  ["浦东新区税务局", "財政部"], ["上海市教育委员会", "臺北市政府教育局"], ["徐汇区人民政府", "臺北市政府"],
  ["上海海关", "經濟部"], ["花木街道办事处", "交通部"], ["上海市公安局", "內政部"], ["上海市卫生健康委员会", "衛生福利部"],
  ["上海市规划和自然资源局", "臺北市政府都市發展局"],
];
const LAW_FIRMS: readonly T[] = [
  ["金杜律师事务所", "理律法律事務所"], ["君合律师事务所", "眾達國際法律事務所"], ["锦天城律师事务所", "萬國法律事務所"],
  ["中伦律师事务所", "常在國際法律事務所"], ["大成律师事务所", "寰瀛法律事務所"], ["通力律师事务所", "協合國際法律事務所"],
];
const ACCOUNTING: readonly T[] = [
  ["普华永道中天会计师事务所", "資誠聯合會計師事務所"], ["德勤华永会计师事务所", "勤業眾信聯合會計師事務所"],
  ["安永华明会计师事务所", "安永聯合會計師事務所"], ["毕马威华振会计师事务所", "安侯建業聯合會計師事務所"],
  ["立信会计师事务所", "國富浩華聯合會計師事務所"],
];
const FINANCE: readonly T[] = [
  ["国泰君安证券", "元大證券"], ["中信证券", "凱基證券"], ["华安基金", "國泰投信"], ["交银施罗德基金", "富邦投信"],
  ["太平洋保险", "國泰金控"], ["东方证券", "中華郵政"], ["海通证券", "永豐金證券"],
];
const TECH: readonly T[] = [
  ["华为技术有限公司", "台灣積體電路製造股份有限公司"], ["上海汽车集团", "聯發科技股份有限公司"],
  ["中芯国际", "鴻海精密工業股份有限公司"], ["阿里巴巴", "華碩電腦股份有限公司"], ["腾讯科技", "廣達電腦股份有限公司"],
  ["上海电气集团", "中華電信股份有限公司"], ["中国商飞", "台達電子工業股份有限公司"], ["宝钢股份", "日月光半導體"],
  ["拼多多", "研華科技"], ["米哈游", "緯創資通"],
];
const LARGE_COMPANIES: readonly T[] = [
  ["上海汽车集团", "統一企業"], ["中国宝武钢铁集团", "台塑企業"], ["上海国际港务集团", "長榮海運"],
  ["光明食品集团", "中華航空"], ["复星国际", "遠東集團"], ["携程集团", "國泰金控"], ["联合利华中国", "台灣大哥大"],
  ["上海电气集团", "統一超商"],
];
const UNIVERSITIES_WORK: readonly T[] = [
  ["复旦大学", "國立臺灣大學"], ["上海交通大学", "國立政治大學"], ["同济大学", "國立臺灣師範大學"],
  ["华东师范大学", "國立臺北科技大學"], ["上海财经大学", "國立陽明交通大學"],
];
const COMPANY_PREFIX: readonly T[] = [
  ["鑫达", "鑫達"], ["宏远", "宏遠"], ["恒通", "恆通"], ["华盛", "華盛"], ["永信", "永信"], ["嘉和", "嘉和"],
  ["瑞丰", "瑞豐"], ["金鼎", "金鼎"], ["天成", "天成"], ["中泰", "中泰"], ["盛世", "盛世"], ["东方", "東方"],
];
const INDUSTRY: readonly T[] = [
  ["贸易", "貿易"], ["机械制造", "機械製造"], ["电子科技", "電子科技"], ["建材", "建材"], ["餐饮管理", "餐飲管理"],
  ["服装", "服飾"], ["物流", "物流"], ["装饰工程", "裝潢工程"], ["医疗器械", "醫療器材"], ["化工", "化工"],
];
const SHOP: readonly T[] = [
  ["餐饮店", "小吃店"], ["便利店", "便利商店"], ["茶行", "茶行"], ["眼镜店", "眼鏡行"], ["五金店", "五金行"], ["花店", "花店"],
];

/** Where someone with this occupation works; undefined for the retired, homemakers and freelancers. */
export function drawEmployer(r: Rand, ctx: Ctx, occ: Occupation, surname: string): string | undefined {
  const u = r.float();
  const v = r.float();
  const at = (list: readonly T[], x: number): string => say(ctx, list[Math.floor(x * list.length)]);
  switch (occ) {
    case "owner":
      return ctx.tw
        ? `${at(COMPANY_PREFIX, u)}${at(INDUSTRY, v)}股份有限公司`
        : `上海${at(COMPANY_PREFIX, u)}${at(INDUSTRY, v)}有限公司`;
    case "shopkeeper":
      return `${v < 0.5 ? surname + (ctx.tw ? "記" : "记") : at(COMPANY_PREFIX, u)}${at(SHOP, v)}`;
    case "designer":
      return v < 0.6 ? `${at(COMPANY_PREFIX, u)}${ctx.tw ? "設計工作室" : "设计工作室"}` : at(TECH, u);
    case "executive":
      return at(LARGE_COMPANIES, u);
    case "engineer":
      return at(TECH, u);
    case "sales":
      return v < 0.5 ? at(LARGE_COMPANIES, u) : at(TECH, u);
    case "doctor":
      return at(HOSPITALS, u);
    case "teacher":
      return at(SCHOOLS_WORK, u);
    case "civilServant":
      return at(GOVERNMENT, u);
    case "lawyer":
      return at(LAW_FIRMS, u);
    case "accountant":
      return at(ACCOUNTING, u);
    case "finance":
      return at(FINANCE, u);
    case "professor":
      return at(UNIVERSITIES_WORK, u);
    case "retired":
      // Some managers note the former employer.
      return v < 0.3 ? `原${at(LARGE_COMPANIES, u)}` : undefined;
    case "freelance":
    case "homemaker":
      return undefined;
  }
}

/** Annual income in CNY, rounded to 10,000; undefined for homemakers. */
export function drawIncome(r: Rand, occ: Occupation): number | undefined {
  const info = OCCUPATIONS[occ];
  const x = r.logNormal(info.income, info.sigma);
  if (info.income === 0) return undefined;
  return Math.max(30_000, Math.round(x / 10_000) * 10_000);
}

// ---- children's schools -------------------------------------------------------------------------------------

const KINDERGARTENS: readonly T[] = [["实验幼儿园", "大安幼兒園"], ["机关幼儿园", "再興幼兒園"], ["蓝天幼儿园", "小太陽幼兒園"]];
const PRIMARY: readonly T[] = [
  ["实验小学", "大安國小"], ["第一中心小学", "新生國小"], ["世界外国语小学", "仁愛國小"], ["平和双语学校", "再興小學"],
  ["复旦小学", "復興實驗小學"],
];
const MIDDLE: readonly T[] = [["外国语中学", "仁愛國中"], ["实验中学", "金華國中"], ["第二中学", "大安國中"], ["建平实验中学", "師大附中國中部"]];
const HIGH: readonly T[] = [
  ["华东师大二附中", "師大附中"], ["上海中学", "成淵高中"], ["复旦附中", "大同高中"], ["交大附中", "松山高中"],
  ["建平中学", "中正高中"], ["上海美国学校", "臺北美國學校"],
];
const UNIVERSITIES: readonly T[] = [
  ["复旦大学", "國立臺灣大學"], ["上海交通大学", "國立清華大學"], ["同济大学", "國立陽明交通大學"], ["浙江大学", "國立政治大學"],
  ["北京大学", "國立成功大學"], ["清华大学", "輔仁大學"], ["南京大学", "東吳大學"], ["上海财经大学", "國立中央大學"],
];
/** Universities abroad: these children are studying overseas (学费, 外币). */
const UNIVERSITIES_ABROAD: readonly T[] = [
  ["香港大学", "東京大學"], ["新加坡国立大学", "新加坡國立大學"], ["伦敦大学学院", "倫敦大學學院"], ["多伦多大学", "多倫多大學"],
  ["墨尔本大学", "墨爾本大學"], ["哥伦比亚大学", "加州大學洛杉磯分校"], ["帝国理工学院", "帝國理工學院"],
];

export interface Schooling {
  schoolOrWork?: string;
  abroad: boolean;
}

/** School or work of a child of this age. */
export function drawSchooling(r: Rand, ctx: Ctx, age: number, surname: string): Schooling {
  const u = r.float();
  const abroadRoll = r.float();
  const at = (list: readonly T[]): string => say(ctx, list[Math.floor(u * list.length)]);
  if (age < 3) return { abroad: false };
  if (age < 6) return { schoolOrWork: at(KINDERGARTENS), abroad: false };
  if (age < 12) return { schoolOrWork: at(PRIMARY), abroad: false };
  if (age < 15) return { schoolOrWork: at(MIDDLE), abroad: false };
  if (age < 18) return { schoolOrWork: at(HIGH), abroad: false };
  if (age < 23) {
    const abroad = abroadRoll < 0.3;
    return { schoolOrWork: abroad ? at(UNIVERSITIES_ABROAD) : at(UNIVERSITIES), abroad };
  }
  const occ: Occupation = abroadRoll < 0.3 ? "engineer" : abroadRoll < 0.5 ? "finance" : abroadRoll < 0.65 ? "doctor" : abroadRoll < 0.8 ? "teacher" : "sales";
  return { schoolOrWork: drawEmployer(r, ctx, occ, surname), abroad: false };
}
