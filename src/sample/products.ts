/**
 * What clients hold, by asset class: product catalogues with their risk level (R1 deposits … R5 stocks) and term,
 * and the institutions that hold them. Entries pair a mainland product with a Taiwanese one of the same kind.
 */
import type { AssetClass, ProductRisk } from "../domain/types";
import type { T } from "./context";

export interface Product {
  t: T;
  risk?: ProductRisk;
  /** Fixed term; absent for open-ended products. */
  termMonths?: number;
  /** Smallest subscription (CNY): 大额存单 20万, trusts 30万, private funds 100万. */
  minAmount?: number;
}

const P = (s: string, t: string, risk: ProductRisk | undefined, termMonths?: number, minAmount?: number): Product => ({
  t: [s, t],
  ...(risk ? { risk } : {}),
  ...(termMonths !== undefined ? { termMonths } : {}),
  ...(minAmount !== undefined ? { minAmount } : {}),
});

export const DEPOSITS: readonly Product[] = [
  P("活期存款", "活期儲蓄存款", "R1"),
  P("定期存款（6个月）", "定期存款（6個月）", "R1", 6),
  P("定期存款（1年）", "定期存款（1年）", "R1", 12),
  P("定期存款（3年）", "定期儲蓄存款（3年）", "R1", 36),
  P("大额存单（2年）", "外幣定存（美元2年）", "R1", 24, 200_000),
  P("大额存单（3年）", "定期存款（3年期大額）", "R1", 36, 200_000),
  P("结构性存款（3个月）", "外幣定存（美元3個月）", "R1", 3),
];
/** The current account every client has at this bank. */
export const CURRENT_ACCOUNT = DEPOSITS[0];

export const WEALTH: readonly Product[] = [
  P("天天利现金管理类理财", "短期票券附買回", "R1"),
  P("稳享固收季开型理财", "台幣組合式商品（3個月）", "R2", 3),
  P("安鑫半年定开理财", "保本型結構商品（6個月）", "R2", 6),
  P("悦享一年期封闭式理财", "外幣組合式商品（1年）", "R2", 12),
  P("睿远固收+一年持有期理财", "境外結構型商品（1年）", "R3", 12),
  P("多元配置混合类两年封闭理财", "境外結構型商品（2年）", "R3", 24),
];

export const FUNDS: readonly Product[] = [
  P("易方达蓝筹精选混合", "富蘭克林坦伯頓全球債券基金", "R3"),
  P("兴全合润混合", "聯博全球高收益債券基金", "R3"),
  P("富国天惠成长混合", "安聯收益成長基金", "R3"),
  P("交银新成长混合", "鋒裕匯理策略收益基金", "R3"),
  P("华夏沪深300ETF联接", "元大台灣50 ETF", "R4"),
  P("中欧医疗健康混合", "國泰永續高股息ETF", "R4"),
  P("广发纳斯达克100指数(QDII)", "貝萊德世界科技基金", "R4"),
  P("招商中证白酒指数", "安聯台灣科技基金", "R4"),
  P("易方达中概互联50ETF联接", "摩根士丹利美國優勢基金", "R4"),
];
/** The fund this bank is launching now: 新发基金, the reason for the 喜欢新基金 tag. */
export const NEW_FUND: Product = P("汇添富数字经济新发混合", "野村全球AI新募基金", "R4");

export const BONDS: readonly Product[] = [
  P("储蓄国债（电子式）三年期", "美國公債（3年期）", "R1", 36),
  P("储蓄国债（电子式）五年期", "美國公債（5年期）", "R1", 60),
  P("地方政府债（5年）", "台電公司債（5年）", "R1", 60),
  P("金融债（3年）", "投資等級公司債（3年）", "R2", 36),
  P("中期票据（2年）", "海外金融債（2年）", "R2", 24),
];

export const STOCKS: readonly Product[] = [
  P("贵州茅台（600519）", "台積電（2330）", "R5"),
  P("招商银行（600036）", "鴻海（2317）", "R5"),
  P("宁德时代（300750）", "聯發科（2454）", "R5"),
  P("中国平安（601318）", "中華電（2412）", "R5"),
  P("腾讯控股（00700）", "富邦金（2881）", "R5"),
  P("比亚迪（002594）", "國泰金（2882）", "R5"),
  P("长江电力（600900）", "台達電（2308）", "R5"),
  P("美的集团（000333）", "廣達（2382）", "R5"),
];
/** Taiwan banks hold foreign stocks for clients by sub-brokerage (複委託); mainland banks hold no stocks. */
export const SUB_BROKERAGE: readonly string[] = [
  "複委託 蘋果（AAPL）", "複委託 輝達（NVDA）", "複委託 微軟（MSFT）", "複委託 台積電ADR（TSM）",
  "複委託 Alphabet（GOOGL）", "複委託 亞馬遜（AMZN）", "複委託 波克夏（BRK.B）", "複委託 好市多（COST）",
];

export const OTHERS: readonly Product[] = [
  P("积存金", "黃金存摺", "R3"),
  P("集合资金信托计划（2年）", "不動產投資信託（2年）", "R3", 24, 300_000),
  P("私募证券投资基金", "境外私募基金", "R5", undefined, 1_000_000),
  P("私募股权基金（5年）", "私募股權基金（5年）", "R5", 60, 1_000_000),
];

export const PROPERTIES: readonly T[] = [
  ["自住房", "自住房"],
  ["投资性住宅", "投資型套房"],
  ["商铺", "店面"],
];
/** Institution recorded for property: not held at any bank. */
export const OWN_PROPERTY: T = ["自有", "自有"];

export type LoanKind = "mortgage" | "business" | "consumer" | "car";
export const LOANS: Readonly<Record<LoanKind, T>> = {
  mortgage: ["个人住房贷款", "房屋貸款"],
  business: ["经营贷", "經營週轉金貸款"],
  consumer: ["个人消费贷", "信用貸款"],
  car: ["汽车贷款", "汽車貸款"],
};

export const OTHER_BANKS: readonly T[] = [
  ["招商银行", "國泰世華"], ["工商银行", "中國信託"], ["建设银行", "台北富邦"], ["中国银行", "玉山銀行"],
  ["农业银行", "台灣銀行"], ["交通银行", "兆豐銀行"], ["浦发银行", "第一銀行"], ["中信银行", "合作金庫"],
  ["兴业银行", "永豐銀行"], ["平安银行", "華南銀行"],
];
/** Other banks weighted as their market share suggests. */
export const OTHER_BANK_WEIGHTS = [16, 15, 13, 11, 9, 9, 7, 7, 7, 6];

export const SECURITIES: readonly T[] = [
  ["中信证券", "元大證券"], ["华泰证券", "凱基證券"], ["国泰君安证券", "富邦證券"], ["招商证券", "永豐金證券"],
  ["东方财富证券", "國泰證券"], ["银河证券", "群益金鼎證券"],
];

/** Trust companies for trust plans held outside this bank. */
export const TRUSTS: readonly T[] = [["中信信托", "國泰投信"], ["平安信托", "富邦投信"], ["外贸信托", "元大投信"]];

/** Which classes may appear in a holding's allocation draw (Insurance comes from policies, Property and Loan from the home). */
export type InvestClass = Extract<AssetClass, "Deposit" | "WealthProduct" | "Fund" | "Bond" | "Stock" | "Other">;
export const INVEST_CLASSES: readonly InvestClass[] = ["Deposit", "WealthProduct", "Fund", "Bond", "Stock", "Other"];

export const CATALOGUE: Readonly<Record<InvestClass, readonly Product[]>> = {
  Deposit: DEPOSITS,
  WealthProduct: WEALTH,
  Fund: FUNDS,
  Bond: BONDS,
  Stock: STOCKS,
  Other: OTHERS,
};

/** Annual drift and volatility used to move values between reviews. */
export const MARKET: Readonly<Record<AssetClass, { mu: number; sigma: number }>> = {
  Deposit: { mu: 0.018, sigma: 0 },
  WealthProduct: { mu: 0.028, sigma: 0.01 },
  Fund: { mu: 0.04, sigma: 0.16 },
  Bond: { mu: 0.027, sigma: 0.02 },
  Stock: { mu: 0.05, sigma: 0.28 },
  Insurance: { mu: 0.03, sigma: 0 },
  // A home is revalued seldom and by little: a manager's book does not swing with it quarter by quarter.
  Property: { mu: 0.0, sigma: 0.015 },
  Loan: { mu: 0, sigma: 0 },
  Other: { mu: 0.04, sigma: 0.1 },
};
