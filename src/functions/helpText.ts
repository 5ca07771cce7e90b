/**
 * The RM.* functions' help pages: per function, a worked example (arguments and the result Excel shows), what the
 * function computes and the published method or rule it follows, in the three languages. The build renders them
 * into the shipped support page (assets/support.html, one anchor per function and language, ./localizeMetadata.ts)
 * and points each function's helpUrl there. tests/functions/localizedMetadata.test.ts runs every example through the
 * function, so a help page cannot drift from what the function returns; the expected values are worked by hand in
 * the comments.
 *
 * This is the function help catalogue: each text a Localized.
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */
import type { Localized } from "../domain/result";

/** An example: the arguments as typed (a string array is a one-column range constant) and the result. */
export interface HelpExample {
  /** A one-dimensional array is a one-column range; an array of rows a block (a rates range: currency, rate, date). */
  args: (string | number | (string | number)[] | (string | number)[][] | undefined)[];
  /** What the function returns; for date results the ISO date of the serial (`date: true`). */
  value: number | string | boolean | unknown[][];
  date?: true;
  /** The result as the cell shows it once formatted. */
  shown: string;
}

export interface FunctionHelp {
  example: HelpExample;
  /** What is computed, with the formula. */
  method: Localized;
  /** Where the method or rule comes from. */
  source: Localized;
}

const EDATE_RULE: Localized = {
  "zh-CN": "Excel 的 EDATE 月末规则：目标月份没有该日时取当月最后一天。",
  "zh-TW": "Excel 的 EDATE 月底規則：目標月份沒有該日時取當月最後一天。",
  "en-US": "Excel's EDATE month-end rule: when the target month has no such day, its last day is used.",
};

export const FUNCTION_HELP: Record<string, FunctionHelp> = {
  // 2026-05-15 is before the 41st birthday on 2026-06-15: 2026 − 1985 − 1 = 40.
  AGE: {
    example: { args: ["1985-06-15", "2026-05-15"], value: 40, shown: "40" },
    method: { "zh-CN": "整年数，与 DATEDIF(出生日期, 基准日, \"Y\") 相同（周岁）。", "zh-TW": "整年數，與 DATEDIF(出生日期, 基準日, \"Y\") 相同（足歲）。", "en-US": "Whole years, as DATEDIF(birthDate, asOf, \"Y\") counts them." },
    source: { "zh-CN": "Excel 的 DATEDIF 函数（\"Y\"）。", "zh-TW": "Excel 的 DATEDIF 函數（\"Y\"）。", "en-US": "Excel's DATEDIF function (\"Y\")." },
  },
  // 2027 is a common year, so the 29 Feb birthday falls on 2027-02-28.
  NEXTBIRTHDAY: {
    example: { args: ["1988-02-29", "2026-05-15"], value: "2027-02-28", date: true, shown: "2027-02-28" },
    method: { "zh-CN": "基准日当天或之后最近的生日；2 月 29 日出生者在平年取 2 月 28 日。", "zh-TW": "基準日當天或之後最近的生日；2 月 29 日出生者在平年取 2 月 28 日。", "en-US": "The first birthday on or after asOf; a 29 February birthday falls on 28 February in common years." },
    source: { "zh-CN": "Excel 的 DATE/EDATE 日期规则；平年 2 月 28 日为通行做法。", "zh-TW": "Excel 的 DATE/EDATE 日期規則；平年 2 月 28 日為通行做法。", "en-US": "Excel's DATE/EDATE date rules; 28 February in common years is the usual convention." },
  },
  // EDATE(2025-01-31, 1) = 2025-02-28 ≤ 2025-02-28, EDATE(…, 2) = 2025-03-31 is later: 1 month.
  HOLDINGMONTHS: {
    example: { args: ["2025-01-31", "2025-02-28"], value: 1, shown: "1" },
    method: { "zh-CN": "最大的 n，使 EDATE(起始日, n) ≤ 基准日。", "zh-TW": "最大的 n，使 EDATE(起始日, n) ≤ 基準日。", "en-US": "The largest n with EDATE(startDate, n) ≤ asOf." },
    source: EDATE_RULE,
  },
  // Assets 600,000 + 400,000 = 1,000,000 (the loan is a liability): 60 % and 40 %.
  ALLOCATION: {
    example: {
      args: [["存款", "基金", "贷款"], [600000, 400000, 300000]],
      value: [["存款", 600000, 0.6], ["基金", 400000, 0.4]],
      shown: "存款 600,000 60% · 基金 400,000 40%",
    },
    method: {
      "zh-CN": "按类别汇总金额，占比 = 类别金额 ÷ 资产合计；贷款是负债，不计入。给出币种与汇率表时，每笔外币金额先乘以其汇率（当天或之前最近的汇率）折成本币；空白币种为本币；没有汇率的币种为 #N/A，绝不按 1:1 计。",
      "zh-TW": "依類別彙總金額，占比 = 類別金額 ÷ 資產合計；貸款是負債，不計入。給出幣別與匯率表時，每筆外幣金額先乘以其匯率（當天或之前最近的匯率）折成本幣；空白幣別為本幣；沒有匯率的幣別為 #N/A，絕不按 1:1 計。",
      "en-US": "Amounts summed by class; share = class amount ÷ total assets; loans are liabilities and left out. With currencies and rates, each amount in another currency is first multiplied by its rate (the latest on or before the date) into the book currency; a blank currency is the book's; a currency with no rate is #N/A, never counted 1:1.",
    },
    source: { "zh-CN": "个人资产负债表的资产配置（客户簿的资产分类）。", "zh-TW": "個人資產負債表的資產配置（客戶簿的資產分類）。", "en-US": "Asset allocation of a personal balance sheet (the book's asset classes)." },
  },
  // 600,000 + 400,000 − 300,000 = 700,000.
  NETWORTH: {
    example: { args: [["存款", "基金", "贷款"], [600000, 400000, 300000]], value: 700000, shown: "700,000" },
    method: {
      "zh-CN": "净资产 = 资产合计 − 负债合计（贷款）；外币金额按汇率折成本币，与 RM.ALLOCATION 相同。",
      "zh-TW": "淨資產 = 資產合計 − 負債合計（貸款）；外幣金額按匯率折成本幣，與 RM.ALLOCATION 相同。",
      "en-US": "Net worth = total assets − total liabilities (loans); amounts in other currencies converted to the book currency as in RM.ALLOCATION.",
    },
    source: { "zh-CN": "个人资产负债表：资产减负债。", "zh-TW": "個人資產負債表：資產減負債。", "en-US": "The personal balance sheet: assets minus liabilities." },
  },
  // CNY has no row, so it is the book currency (rate 1): 1,000 USD × 7.1 CNY per USD = 7,100 CNY.
  FX: {
    example: { args: [1000, "USD", "CNY", [["USD", 7.1, "2025-01-02"], ["HKD", 0.91, "2025-01-02"]]], value: 7100, shown: "7,100.00" },
    method: {
      "zh-CN": "结果 = 金额 × 汇率(原币种) ÷ 汇率(目标币种)：原币种 → 本币 → 目标币种，汇率是 1 单位折合多少本币，本币为 1；取日期当天或之前最近的汇率（留空取最新）。本币为参数“本币”所给的币种，未给时为原、目标币种中在汇率表里没有汇率的那个；都没有汇率为 #N/A。不作四舍五入：由单元格格式取舍。",
      "zh-TW": "結果 = 金額 × 匯率(原幣別) ÷ 匯率(目標幣別)：原幣別 → 本幣 → 目標幣別，匯率是 1 單位折合多少本幣，本幣為 1；取日期當天或之前最近的匯率（留空取最新）。本幣為參數「本幣」所給的幣別，未給時為原、目標幣別中在匯率表裡沒有匯率的那個；都沒有匯率為 #N/A。不作四捨五入：由儲存格格式取捨。",
      "en-US": "Result = amount × rate(from) ÷ rate(to): from → book currency → to, each rate being book currency per unit and the book's own 1; the latest rate on or before the date (blank: the latest). The book currency is book, else whichever of from and to has no row in rates; neither with a row is #N/A. No rounding: the cell's format rounds.",
    },
    source: {
      "zh-CN": "直接标价（1 单位外币折合多少本币，如银行外汇牌价），交叉汇率经本币换算；取当天或之前最近的汇率同 Excel 的近似匹配 LOOKUP / MATCH(…, 1)。",
      "zh-TW": "直接報價（1 單位外幣折合多少本幣，如銀行外匯牌告），交叉匯率經本幣換算；取當天或之前最近的匯率同 Excel 的近似比對 LOOKUP / MATCH(…, 1)。",
      "en-US": "Direct quotes (book currency per unit of foreign currency, as a bank's FX board), cross rates through the book currency; the latest rate on or before the date as Excel's approximate-match LOOKUP / MATCH(…, 1).",
    },
  },
  // EDATE(2024-01-31, 1) = 2024-02-29 (2024 is a leap year), the first due date on or after 2024-02-15.
  NEXTPREMIUM: {
    example: { args: ["2024-01-31", "月缴", 20, "2024-02-15"], value: "2024-02-29", date: true, shown: "2024-02-29" },
    method: {
      "zh-CN": "第 k 期保费在 EDATE(生效日, k × 12/n) 到期（n = 每年缴费次数：年缴 1、半年缴 2、季缴 4、月缴 12），每期都从生效日起算，k < 缴费年限 × n；趸交只在生效日缴一次。结果是基准日当天或之后的第一期；全部到期后为 #N/A（已缴清），可用 IFNA(…, \"已缴清\") 显示文字。状态为失效或满期的保单不再缴费，也为 #N/A。",
      "zh-TW": "第 k 期保費在 EDATE(生效日, k × 12/n) 到期（n = 每年繳費次數：年繳 1、半年繳 2、季繳 4、月繳 12），每期都從生效日起算，k < 繳費年期 × n；躉繳只在生效日繳一次。結果是基準日當天或之後的第一期；全部到期後為 #N/A（已繳清），可用 IFNA(…, \"已繳清\") 顯示文字。狀態為失效或滿期的保單不再繳費，也為 #N/A。",
      "en-US": "Premium k falls due on EDATE(startDate, k × 12/n) (n premiums a year: annual 1, semi-annual 2, quarterly 4, monthly 12), each counted from the start, for k < years × n; a single premium (趸交) is paid once, on startDate. The result is the first on or after asOf; once all have fallen due it is #N/A (paid up): IFNA(…, \"Paid up\") shows words instead. A lapsed or matured policy (status) has no premiums due: #N/A too.",
    },
    source: {
      "zh-CN": `${EDATE_RULE["zh-CN"]}保险费按合同约定的对应日缴付（《保险法》第十四条）；期间按月、年计算时以对应日为准，无对应日的以该月最后一日为准（《民法典》第二百零二条）。`,
      "zh-TW": `${EDATE_RULE["zh-TW"]}保險費按合約約定的對應日繳付（《保險法》第十四條）；期間按月、年計算時以對應日為準，無對應日的以該月最後一日為準（《民法典》第二百零二條）。`,
      "en-US": `${EDATE_RULE["en-US"]} Premiums are due on the policy's anniversary days (PRC Insurance Law, Art. 14); a period in months or years ends on the corresponding day, or the month's last day when there is none (Civil Code, Art. 202).`,
    },
  },
  // Values at the close of 2024-12-31 and of 2025-12-31: T = 365 days; the flow at the close of 2025-04-01,
  // t = 91, w = (365 − 91)/365 = 274/365 = 0.750685;
  // R = (112,000 − 100,000 − 10,000) / (100,000 + 0.750685 × 10,000) = 2,000 / 107,506.85 = 0.018603.
  MDIETZ: {
    example: { args: [100000, 112000, [10000], ["2025-04-01"], "2024-12-31", "2025-12-31"], value: 2000 / (100000 + (274 / 365) * 10000), shown: "1.86%" },
    method: {
      "zh-CN": "R = (期末 − 期初 − ΣCF) / (期初 + Σ wᵢ·CFᵢ)，wᵢ = (T − tᵢ)/T；T = 结束日期 − 开始日期（天），tᵢ = 资金流日期 − 开始日期；期初、期末与资金流都按当日收盘计（开始日期当天的资金流 w = 1，结束日期当天的 w = 0）。",
      "zh-TW": "R = (期末 − 期初 − ΣCF) / (期初 + Σ wᵢ·CFᵢ)，wᵢ = (T − tᵢ)/T；T = 結束日期 − 開始日期（天），tᵢ = 資金流日期 − 開始日期；期初、期末與資金流都按當日收盤計（開始日期當天的資金流 w = 1，結束日期當天的 w = 0）。",
      "en-US": "R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ), wᵢ = (T − tᵢ)/T; T = endDate − startDate in days, tᵢ = flow date − startDate; values and flows are taken at the close of their day (a flow on startDate weighs 1, one on endDate 0).",
    },
    source: {
      "zh-CN": "修正迪茨法（Peter O. Dietz，《Pension Funds: Measuring Investment Performance》，1966）；CFA 协会 GIPS 认可的近似时间加权收益率；与维基百科“Modified Dietz method”的算例（100 → 300，两年，第一年末流入 50：120%）一致。",
      "zh-TW": "修正迪茲法（Peter O. Dietz，《Pension Funds: Measuring Investment Performance》，1966）；CFA 協會 GIPS 認可的近似時間加權報酬率；與維基百科「Modified Dietz method」的算例（100 → 300，兩年，第一年末流入 50：120%）一致。",
      "en-US": "Modified Dietz method (Peter O. Dietz, Pension Funds: Measuring Investment Performance, 1966), an approximation of the time-weighted return accepted by the CFA Institute's GIPS; agrees with Wikipedia's worked example (\"Modified Dietz method\": 100 → 300 over two years, +50 after the first: 120 %).",
    },
  },
  // 1.10 × 0.95 × 1.02 = 1.0659 → 6.59 %.
  LINKRETURNS: {
    example: { args: [[0.1, -0.05, 0.02]], value: 1.1 * 0.95 * 1.02 - 1, shown: "6.59%" },
    method: {
      "zh-CN": "累计收益率 = (1 + r₁)(1 + r₂)…(1 + rₙ) − 1；给出开始和结束日期（相隔至少 365 天）时，年化收益率 = (1 + 累计)^(365/天数) − 1。",
      "zh-TW": "累計報酬率 = (1 + r₁)(1 + r₂)…(1 + rₙ) − 1；給出開始和結束日期（相隔至少 365 天）時，年化報酬率 = (1 + 累計)^(365/天數) − 1。",
      "en-US": "Cumulative return = (1 + r₁)(1 + r₂)…(1 + rₙ) − 1; with startDate and endDate (at least 365 days apart), annualised = (1 + cumulative)^(365/days) − 1.",
    },
    source: {
      "zh-CN": "时间加权收益率的几何链接（CFA 协会 GIPS 标准）；GIPS 规定不满一年的收益率不得年化。",
      "zh-TW": "時間加權報酬率的幾何鏈結（CFA 協會 GIPS 標準）；GIPS 規定未滿一年的報酬率不得年化。",
      "en-US": "Geometric linking of the time-weighted return (CFA Institute, GIPS standards); GIPS: returns for periods of less than one year must not be annualized.",
    },
  },
  // EDATE(2025-01-31, 1) = 2025-02-28.
  NEXTREVIEW: {
    example: { args: ["2025-01-31", "月度"], value: "2025-02-28", date: true, shown: "2025-02-28" },
    method: { "zh-CN": "下次检视日 = EDATE(上次检视日, 频率月数)。", "zh-TW": "下次檢視日 = EDATE(上次檢視日, 頻率月數)。", "en-US": "Next review = EDATE(lastDate, months of the cadence)." },
    source: EDATE_RULE,
  },
  // EDATE(2025-01-31, 3) = 2025-04-30; 2025-04-30 − 2025-04-15 = 15 days.
  DAYSDUE: {
    example: { args: ["2025-01-31", "季度", "2025-04-15"], value: 15, shown: "15" },
    method: { "zh-CN": "天数 = EDATE(上次检视日, 频率月数) − 基准日。", "zh-TW": "天數 = EDATE(上次檢視日, 頻率月數) − 基準日。", "en-US": "Days = EDATE(lastDate, months of the cadence) − asOf." },
    source: EDATE_RULE,
  },
  // 稳健 = C2 ≥ R2, and 2025-06-01 is less than a year before 2026-05-15: TRUE. (Valid through 2026-06-01, its
  // anniversary: src/domain/suitability.ts assessmentExpiry.)
  SUITABLE: {
    example: { args: ["稳健", "R2", "2025-06-01", "2026-05-15"], value: true, shown: "TRUE" },
    method: {
      "zh-CN": "产品等级 R1–R5 ≤ 客户等级 C1–C5（保守/稳健/平衡/成长/进取），且风险评估在基准日未超过一年：评估满一年的当天仍有效，次日起过期；评估日期晚于基准日则拒绝。",
      "zh-TW": "產品等級 R1–R5 ≤ 客戶等級 C1–C5（保守/穩健/平衡/成長/進取），且風險評估在基準日未超過一年：評估滿一年的當天仍有效，次日起過期；評估日期晚於基準日則拒絕。",
      "en-US": "Product level R1–R5 ≤ client level C1–C5 (conservative to aggressive), and the risk assessment is not over one year old on asOf: still valid on its anniversary, expired from the next day; an assessment dated after asOf is refused.",
    },
    source: {
      "zh-CN": "中国银行业理财产品适当性规则：《商业银行理财业务监督管理办法》（原银保监会 2018 年第 6 号令）的风险匹配要求，“超过一年未进行风险承受能力评估”须重新评估；期间按《民法典》第二百零一、二百零二条计算，第一千二百五十九条：“超过”不包括本数。",
      "zh-TW": "中國銀行業理財產品適合度規則：《商業銀行理財業務監督管理辦法》（原銀保監會 2018 年第 6 號令）的風險匹配要求，「超過一年未進行風險承受能力評估」須重新評估；期間依《民法典》第二百零一、二百零二條計算，第一千二百五十九條：「超過」不包括本數。",
      "en-US": "China's suitability rules for bank wealth products: the risk-matching requirements of the Measures for the Supervision and Administration of the Wealth Management Business of Commercial Banks (CBIRC Order No. 6 of 2018), which require a new assessment after more than one year (超过一年) without one; the period is counted by the Civil Code, Articles 201–202, and Article 1259: \"more than\" (超过) excludes the number itself.",
    },
  },
  // 0 + 300,000 × 10 + 1,000,000 + 500,000 × 1 − 200,000 = 4,300,000.
  PROTECTIONNEED: {
    example: { args: [300000, 10, 0, 1000000, 500000, 1, 200000], value: 4300000, shown: "4,300,000" },
    method: {
      "zh-CN": "DIME：负债 + 年收入 × 年数 + 房贷 + 每名子女教育金 × 子女数 − 已备资产（不低于 0）。",
      "zh-TW": "DIME：負債 + 年收入 × 年數 + 房貸 + 每名子女教育金 × 子女數 − 已備資產（不低於 0）。",
      "en-US": "DIME: debts + income × years + mortgage + education per child × children − earmarked assets (never below 0).",
    },
    source: { "zh-CN": "寿险需求分析的 DIME 法（Debt、Income、Mortgage、Education）。", "zh-TW": "壽險需求分析的 DIME 法（Debt、Income、Mortgage、Education）。", "en-US": "The DIME method of life-insurance needs analysis (Debt, Income, Mortgage, Education)." },
  },
  // Σₜ₌₁²⁰ 200,000 / 1.03ᵗ = 200,000 × (1 − 1.03⁻²⁰)/0.03 = 200,000 × 14.877475 = 2,975,494.97, the same as Excel's
  // PV(3%, 20, -200000) (income at the end of each year).
  HLV: {
    example: { args: [200000, 20, 0.03], value: 2975494.97, shown: "2,975,495" },
    method: {
      "zh-CN": "HLV = Σ N·(1+g)ᵗ⁻¹/(1+i)ᵗ，t = 1 … 年数（收入计在每年年末，与 PV 相同）；时点为 1 时计在年初：Σ N·(1+g)ᵗ/(1+i)ᵗ，t = 0 … 年数 − 1。利率大于 1（如 3）视为百分数的误写而拒绝：请写 3% 或 0.03。",
      "zh-TW": "HLV = Σ N·(1+g)ᵗ⁻¹/(1+i)ᵗ，t = 1 … 年數（收入計在每年年末，與 PV 相同）；時點為 1 時計在年初：Σ N·(1+g)ᵗ/(1+i)ᵗ，t = 0 … 年數 − 1。利率大於 1（如 3）視為百分數的誤寫而拒絕：請寫 3% 或 0.03。",
      "en-US": "HLV = Σ N·(1+g)ᵗ⁻¹/(1+i)ᵗ for t = 1 … years (income at the end of each year, as PV); with timing 1, at the start: Σ N·(1+g)ᵗ/(1+i)ᵗ for t = 0 … years − 1. A rate above 1 (such as 3) is refused as a mistyped percentage: write 3% or 0.03.",
    },
    source: {
      "zh-CN": "生命价值法（Solomon S. Huebner，《The Economics of Life Insurance》，1927）；g = 0 时等于 Excel 的 PV(i, 年数, −N)（时点 1：PV(i, 年数, −N, 0, 1)）。",
      "zh-TW": "生命價值法（Solomon S. Huebner，《The Economics of Life Insurance》，1927）；g = 0 時等於 Excel 的 PV(i, 年數, −N)（時點 1：PV(i, 年數, −N, 0, 1)）。",
      "en-US": "Human life value (Solomon S. Huebner, The Economics of Life Insurance, 1927); with g = 0 it equals Excel's PV(i, years, −N) (timing 1: PV(i, years, −N, 0, 1)).",
    },
  },
  // max(0, 4,300,000 − 3,000,000) = 1,300,000.
  GAP: {
    example: { args: [4300000, 3000000], value: 1300000, shown: "1,300,000" },
    method: { "zh-CN": "缺口 = max(0, 保障需求 − 已有保额)；空单元格按 0 计。", "zh-TW": "缺口 = max(0, 保障需求 − 已有保額)；空儲存格按 0 計。", "en-US": "Gap = max(0, need − existing cover); a blank cell counts as 0." },
    source: { "zh-CN": "保障缺口分析（需求减已生效保额）。", "zh-TW": "保障缺口分析（需求減已生效保額）。", "en-US": "Protection gap analysis (need minus in-force cover)." },
  },
  // Total 10,000,000; the clients above hold 0 %, 50 %, 80 % and 95 %: A, A, B (80 % is not < 80 %), C.
  TIER: {
    example: { args: [[5000000, 3000000, 1500000, 500000]], value: [["A"], ["A"], ["B"], ["C"]], shown: "A · A · B · C" },
    method: {
      "zh-CN": "按本行资产从大到小排序；排在前面的客户合计 < 80 % 时为 A，< 95 % 为 B，否则为 C。",
      "zh-TW": "依本行資產由大到小排序；排在前面的客戶合計 < 80 % 時為 A，< 95 % 為 B，否則為 C。",
      "en-US": "Rank by assets at this bank; A while the clients above hold < 80 % of the total, B while < 95 %, else C.",
    },
    source: { "zh-CN": "帕累托法则（80/20），客户分层的通行做法。", "zh-TW": "柏拉圖法則（80/20），客戶分層的通行做法。", "en-US": "The Pareto principle (80/20), as client tiering commonly applies it." },
  },
  // 11 digits: first 3 and last 4 kept.
  MASK: {
    example: { args: ["13812345678"], value: "138****5678", shown: "138****5678" },
    method: {
      "zh-CN": "电话保留前 3 后 4 位，证件号前 6 后 4 位，姓名保留姓，邮箱保留首字符和域名。",
      "zh-TW": "電話保留前 3 後 4 碼，證件號前 6 後 4 碼，姓名保留姓，電子郵件保留首字元和網域。",
      "en-US": "Phone keeps the first 3 and last 4 digits, ID number the first 6 and last 4, a name the surname, an e-mail its first character and domain.",
    },
    source: {
      "zh-CN": "《信息安全技术 个人信息安全规范》（GB/T 35273-2020）的去标识化要求，按银行常用的展示方式。",
      "zh-TW": "《資訊安全技術 個人資訊安全規範》（GB/T 35273-2020）的去識別化要求，依銀行常用的顯示方式。",
      "en-US": "De-identification as GB/T 35273-2020 (Personal information security specification) asks, in the form banks usually display.",
    },
  },
};
