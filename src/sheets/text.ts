/**
 * Every text the output sheets show — titles, headers, labels, legends, measure names, flags, statuses, weekday
 * letters, sheet names — in zh-CN, zh-TW and en-US. One typed table per language, so a missing entry is a
 * compile error. Coded values (asset classes, policy types…) come from src/book/codes.ts, not from here.
 * Over 400 lines because it is a data table: three translations of one typed object (the output sheets' names
 * made from it are in sheetNames.ts).
 *
 * This is the output sheets' catalogue: one typed SheetText object per language.
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */
import type { ClientRisk, Lang, Relation } from "../domain/types";
import type { CoverState } from "../domain/protection";
import type { PremiumStatus } from "../domain/premiums";
import { codeLabel } from "../book/codes";
import { countOf } from "../domain/count";

export interface SheetText {
  asOf: string;
  total: string;
  none: string;
  /** Joins items of a list in a cell: 、 in Chinese. */
  listSep: string;
  /** Joins clauses in a cell: ； in Chinese. */
  clauseSep: string;
  /** Wraps an aside: （…） in Chinese. */
  paren: (s: string) => string;
  age: (years: number) => string;
  riskNames: Record<ClientRisk, string>;
  self: string;
  unlisted: string;

  profile: {
    title: string;
    headers: {
      clientId: string; name: string; age: string; birthday: string; phone: string; occupation: string; employer: string;
      hobbies: string; family: string; assetsThisBank: string; assetsOther: string; nonFinancial: string; liabilities: string;
      netWorth: string; walletShare: string; riskLevel: string; tier: string; tags: string; contactWindow: string; lastContact: string; nextReview: string; notes: string;
      address: string; riskName: string; documents: string;
    };
    manual: string;
    clients: (n: number) => string;
    legend: string;
  };

  coverage: {
    title: string;
    headers: {
      clientId: string; client: string; marital: string; children: string; income: string; loans: string; insured: string;
      relation: string; type: string; insurer: string; product: string; term: string; coverEnd: string; sumInsured: string;
      ciSum: string; premium: string; premiumStatus: string; ci: string; status: string; cover: string; lifeCover: string; ciCover: string; medicalCover: string; accidentCover: string;
      lifeNeed: string; lifeGap: string; ciNeed: string; ciGap: string; premiumRatio: string; uncovered: string; flags: string;
    };
    years: (n: number) => string;
    wholeLife: string;
    noPolicy: string;
    flags: {
      noCi: string; premiumsOver: (pct: string) => string; coverShort: (multiple: number) => string; noIncome: string;
      staleStatus: string; ciSumMissing: string;
    };
    /** A policy's state at the as-of date (src/domain/protection CoverState). */
    coverStates: Record<CoverState, string>;
    premiumRatioNote: string;
    ciSumNote: string;
    /** A policy's premium status at the as-of date (src/domain/premiums PremiumStatus; blank when not in force). */
    premiumStates: Record<Exclude<PremiumStatus, "none">, string>;
    premiumStatusNote: string;
    /**
     * The totals row's premium figure (src/sheets/coverage.ts): the yearly premiums still payable — 缴费中 rows only,
     * as the 双十 ratio counts them — its label beside it (in the 缴费状态 column) and its note; the note of the sum
     * insured total (保障中 rows).
     */
    totals: { payingLabel: string; payingNote: string; sumInsuredNote: string };
    /** The own-currency columns of a book with a policy in another currency (src/sheets/coverage.ts). */
    fx: { currency: string; localSumInsured: string; localCiSum: string; localPremium: string; rate: string; rateNote: (book: string) => string };
    noCiCount: string;
    legend: string;
  };

  review: {
    title: string;
    sheetPrefix: string;
    labels: {
      client: string; reviewDate: string; previousReview: string; riskLevel: string; assessedOn: string; tier: string; phone: string;
      idNumber: string; totalAssets: string; liabilities: string; netWorth: string; sinceLast: string; change: string;
      cumulative: string; annualised: string; walletShare: string;
    };
    firstReview: string;
    holdingsTitle: string;
    headers: {
      assetClass: string; product: string; institution: string; amount: string; months: string; riskLevel: string;
      previous: string; change: string; changePct: string; suitability: string;
    };
    statusNew: string;
    statusSold: string;
    /** A loan paid off since the last review. */
    statusRepaid: string;
    flags: { unsuitable: string; expired: string; notAssessed: string; unrated: string; clientUnrated: string };
    summaryTitle: string;
    summaryHeaders: { assetClass: string; amount: string; share: string };
    noAssets: string;
    trendTitle: string;
    trendHeaders: { date: string; totalAssets: string; netFlow: string; weightedFlow: string; periodReturn: string; measure: string; cumulative: string };
    current: string;
    measureDietz: string;
    measureSimple: string;
    /** "since <date>, <n> days" under the cumulative return. */
    span: (from: string, days: number) => string;
    /** Why no annualised figure: the span is under a year. */
    notAnnualised: string;
    pieTitle: string;
    pieSeries: string;
    columnTitle: string;
    columnSeries: string;
    legend: string;
    clientLegend: string;
    /** The holdings table's currency columns and what they mean (src/sheets/reviewHoldings.ts FX_REVIEW_COLUMNS). */
    fx: {
      currency: string; localAmount: string; rate: string; previousLocal: string; previousRate: string; holdingChange: string; fxEffect: string;
      /** Header of the amount in the book currency: code and name of that currency. */
      amountIn: (code: string, name: string) => string;
      previousIn: (code: string, name: string) => string;
      /** Header block: the FX effect on the client's assets since the last review. */
      fxTotal: string;
      legend: (code: string, name: string) => string;
    };
  };

  calendar: {
    title: string;
    sheetPrefix: string;
    headers: { clientId: string; name: string; lastContact: string; daysSince: string; nextDue: string };
    weekdays: readonly [string, string, string, string, string, string, string];
    channels: { T: string; E: string; M: string };
    nextAction: string;
    legend: string;
    /** Ends a cell note that was cut: the full text stays in the Contacts table. */
    noteCut: string;
    /** The mark of a follow-up promised for a later day (a contact's NextDate after the as-of date). */
    followUpMark: string;
    /** The note of that day: what was promised, and on which contact. */
    followUp: (action: string, promisedOn: string) => string;
  };

  today: {
    title: string;
    headers: {
      reason: string; clientId: string; client: string; date: string; days: string; urgency: string; detail: string;
      phone: string; channel: string; contactWindow: string;
    };
    group: (label: string, n: number) => string;
    empty: string;
    legend: string;
  };

  callList: {
    title: string;
    headers: { clientId: string; name: string; phone: string; channel: string; contactWindow: string; lastContact: string; reason: string };
    criteria: string;
    clients: (n: number) => string;
    empty: string;
  };

  importErrors: {
    title: string;
    headers: { table: string; sheet: string; row: string; column: string; value: string; reason: string; raw: string };
    legend: string;
    tableLevel: string;
    empty: string;
    /** Under a rejected row, a line holding part k of n of its long text. */
    continued: (k: number, n: number) => string;
  };

  /** The maturity ladder (src/sheets/ladder.ts) and the review sheet's small table of the client's next maturities. */
  ladder: {
    sheetName: string;
    title: string;
    legend: string;
    summaryTitle: string;
    month: string;
    total: string;
    policySums: string;
    premiums: string;
    chartTitle: string;
    clientsTitle: string;
    detailTitle: string;
    policiesTitle: string;
    premiumsTitle: string;
    headers: {
      date: string; clientId: string; client: string; assetClass: string; product: string; institution: string; amount: string;
      expected: string; policyId: string; insurer: string; sumInsured: string; payer: string; premium: string;
      /** The premium list's mark of a schedule's last premium (its value: lastPremium). */
      last: string;
      currency: string; localAmount: string; id: string; reason: string;
    };
    /** A short "yes" under headers.last (the premiums' title says what it means). */
    lastPremium: string;
    /** Rows in another currency without a rate (src/domain/ladder.ts missing): on no total. */
    missingTitle: string;
    empty: string;
    /** The review sheet's table. */
    reviewTitle: string;
  };

  sheetNames: { profile: string; coverage: string; today: string; callList: string; importErrors: string };
}

const zhCN: SheetText = {
  asOf: "截至",
  total: "合计",
  none: "—",
  listSep: "、",
  clauseSep: "；",
  paren: (s) => `（${s}）`,
  age: (y) => `${y}岁`,
  riskNames: { C1: "保守型", C2: "稳健型", C3: "平衡型", C4: "成长型", C5: "进取型" },
  self: "本人",
  unlisted: "未列明",
  profile: {
    title: "客户一览",
    headers: {
      clientId: "客户编号", name: "姓名", age: "年龄", birthday: "生日", phone: "电话", occupation: "职业", employer: "工作单位",
      hobbies: "爱好", family: "家庭成员", assetsThisBank: "本行金融资产", assetsOther: "他行金融资产", nonFinancial: "房产等非金融资产", liabilities: "负债",
      netWorth: "净资产", walletShare: "本行占比",
      riskLevel: "风险等级", tier: "客户分层", tags: "标签", contactWindow: "联络时间偏好", lastContact: "最近联络", nextReview: "下次检视", notes: "备注",
      address: "地址", riskName: "风险类型", documents: "资料链接",
    },
    manual: "（手动）",
    clients: (n) => `${n} 位客户`,
    legend: "红色：检视已逾期；黄色：今日到期（改「截至」日期即重新判断）；（手动）= 手动设定的分层；净资产 = 本行金融资产 + 他行金融资产 + 非金融资产（房产、自有资产）− 负债；本行占比 = 本行金融资产 ÷ 全部金融资产；各类资产列合计 = 全部资产（负债除外）；点姓名打开该客户的资产检视表",
  },
  coverage: {
    title: "保障一览",
    headers: {
      clientId: "客户编号", client: "客户", marital: "婚姻状况", children: "子女", income: "年收入", loans: "贷款", insured: "被保险人",
      relation: "关系", type: "险种", insurer: "保险公司", product: "产品名称", term: "保障期限", coverEnd: "保障至", sumInsured: "保额", ciSum: "重疾保额",
      premium: "年缴保费", premiumStatus: "缴费状态", ci: "含重疾", status: "状态", cover: "保障状态", lifeCover: "本人寿险保额", ciCover: "本人重疾保额", medicalCover: "本人医疗保额", accidentCover: "本人意外保额",
      lifeNeed: "寿险需求", lifeGap: "寿险缺口", ciNeed: "重疾需求", ciGap: "重疾缺口", premiumRatio: "本人保障型保费占收入", uncovered: "未保障家人", flags: "提示",
    },
    years: (n) => `${n}年`,
    wholeLife: "终身",
    noPolicy: "（无保单）",
    flags: {
      noCi: "无重疾保障",
      premiumsOver: (pct) => `保费超过年收入的${pct}`,
      coverShort: (m) => `寿险保额低于年收入的${m}倍`,
      noIncome: "无年收入记录",
      staleStatus: "有保单保障期已满仍登记为有效（见保障状态列），请核实",
      ciSumMissing: "有保单含重疾但未填重疾保额，未计入重疾保障",
    },
    coverStates: { covering: "保障中", "term-ended": "保障期满", "not-started": "未生效", lapsed: "已失效", matured: "已满期" },
    premiumRatioNote: "本人保障型保费占收入 = 本人作为被保险人、截至日保障中、缴费中的寿险、重疾、医疗、意外保单年缴保费 ÷ 本人年收入（不含年金、教育金等储蓄型保单及家人保单；趸交和已缴清的保单每年无需再缴，按 0 计）。双十原则：每年的保障型保费约为年收入的 10%，保额约为年收入的 10 倍。",
    premiumStates: { paying: "缴费中", "paid-up": "已缴清", single: "趸交" },
    premiumStatusNote: "缴费状态（截至日）：缴费中 = 仍需每年缴费，年缴保费计入保费占收入；已缴清 = 缴费期已满；趸交 = 一次缴清的保费。已缴清和趸交的保单每年无需再缴，不计入保费占收入。年缴保费列仍为保单登记的保费（趸交为一次缴清的金额）。",
    totals: {
      payingLabel: "← 每年应缴保费（仅缴费中）",
      payingNote: "每年应缴保费合计 = 缴费状态为「缴费中」的各行年缴保费之和，与保费占收入同一口径。趸交（一次缴清）和已缴清的保单每年无需再缴，不计入；其登记的保费仍列在各行。",
      sumInsuredNote: "保额合计 = 截至日保障状态为「保障中」的各行保额之和（各险种保额相加，已失效、已满期、未生效、保障期满的不计）。",
    },
    fx: {
      currency: "币种", localSumInsured: "原币保额", localCiSum: "原币重疾保额", localPremium: "原币年缴保费", rate: "汇率",
      rateNote: (book) => `汇率：1 单位保单币种折合多少${book}（截至日或之前最近一天的汇率，见汇率表）。保额、重疾保额、年缴保费 = 原币金额 × 汇率，以${book}计入各项合计；${book}保单汇率为 1。`,
    },
    ciSumNote: "计入重疾保障的金额：保单的重疾保额；未填时重疾险按保额计，其他险种附加重疾未填重疾保额则不计（请在保单表「重疾保额」列补填）。",
    noCiCount: "无重疾保障的客户",
    legend: "保障状态按截至日判断：生效日起至生效日 + 保障年限止，且状态为有效，才计入保额；寿险需求 = 贷款 + 年收入 × 收入保障年数 + 子女数 × 每名子女教育金（DIME）；重疾需求 = 年收入 × 重疾保障年数；缺口 = 需求 − 本人保障中保额（不低于 0）；红色：有缺口或无重疾保障；黄色：保障型保费占收入超过上限",
  },
  review: {
    title: "资产检视",
    sheetPrefix: "资产检视",
    labels: {
      client: "客户", reviewDate: "检视日期", previousReview: "上次检视", riskLevel: "风险等级", assessedOn: "评估日期", tier: "客户分层",
      phone: "电话", idNumber: "证件号码", totalAssets: "总资产", liabilities: "负债", netWorth: "净资产", sinceLast: "自上次检视收益", change: "总资产变动",
      cumulative: "累计收益（时间加权）", annualised: "年化收益", walletShare: "本行占比（金融资产）",
    },
    firstReview: "首次检视",
    holdingsTitle: "持仓明细",
    headers: {
      assetClass: "资产类别", product: "产品名称", institution: "机构", amount: "金额", months: "持有月数", riskLevel: "风险等级",
      previous: "上次金额", change: "变动", changePct: "变动%", suitability: "适当性",
    },
    statusNew: "新增",
    statusSold: "已赎回",
    statusRepaid: "已还清",
    flags: { unsuitable: "不适合", expired: "已过期", notAssessed: "未评估", unrated: "无等级", clientUnrated: "客户无等级" },
    summaryTitle: "资产配置",
    summaryHeaders: { assetClass: "资产类别", amount: "金额", share: "占比" },
    noAssets: "暂无资产",
    trendTitle: "历次检视",
    trendHeaders: { date: "检视日期", totalAssets: "总资产", netFlow: "期间净流入", weightedFlow: "加权净流入", periodReturn: "期间收益", measure: "计算方法", cumulative: "累计收益" },
    current: "当前",
    measureDietz: "修正迪茨法",
    measureSimple: "简单变动",
    span: (from, days) => `自 ${from} 起 ${days} 天`,
    notAnnualised: "不足一年，不作年化",
    pieTitle: "资产配置",
    pieSeries: "金额",
    columnTitle: "历次检视总资产",
    columnSeries: "总资产",
    legend: "贷款按未还余额列示，不计入总资产；适当性：不适合 = 产品风险高于客户等级，已过期 = 风险评估已满一年；新增持仓计为流入、赎回计为流出，有资金进出时期间收益按修正迪茨法计算，否则为简单变动；累计收益为各期收益连乘（时间加权）",
    clientLegend: "贷款按未还余额列示，不计入总资产；新增持仓计为流入、赎回计为流出，有资金进出时期间收益按修正迪茨法计算，否则为简单变动；累计收益为各期收益连乘（时间加权）",
    fx: {
      currency: "币种", localAmount: "原币金额", rate: "汇率", previousLocal: "上次原币金额", previousRate: "上次汇率",
      holdingChange: "持仓变动", fxEffect: "汇率影响",
      amountIn: (_code, name) => `折${name}金额`,
      previousIn: (_code, name) => `上次折${name}金额`,
      fxTotal: "其中：汇率影响",
      legend: (_code, name) =>
        `外币持仓折${name}：金额 = 原币金额 × 汇率（检视日或之前最近一日的汇率），上次金额按上次检视所用汇率；变动 = 持仓变动（原币变动 × 上次汇率）+ 汇率影响（原币金额 × 汇率变化）`,
    },
  },
  calendar: {
    title: "联络日历",
    sheetPrefix: "联络日历",
    headers: { clientId: "客户编号", name: "姓名", lastContact: "最近联络", daysSince: "距今天数", nextDue: "下次联络" },
    weekdays: ["日", "一", "二", "三", "四", "五", "六"],
    channels: { T: "电话", E: "邮件", M: "面谈" },
    nextAction: "下一步",
    legend: "T=电话 E=邮件 M=面谈；内容见单元格批注；灰色 = 周末；红色 = 联络已逾期；蓝色「约」= 约定在该日跟进",
    noteCut: "…（全文见「联络记录」表）",
    followUpMark: "约",
    followUp: (action, on) => `约定跟进：${action}（${on} 联络时约定）`,
  },
  today: {
    title: "今日待办",
    headers: {
      reason: "事由", clientId: "客户编号", client: "客户", date: "日期", days: "天数", urgency: "状态", detail: "说明",
      phone: "电话", channel: "偏好联络方式", contactWindow: "联络时间偏好",
    },
    group: (label, n) => `${label}（${n} 位客户）`,
    empty: "今日没有待办事项",
    legend: "每位客户一行，列出全部事由；天数为负 = 已逾期，最紧急的排在最前",
  },
  callList: {
    title: "联系名单",
    headers: { clientId: "客户编号", name: "姓名", phone: "电话", channel: "偏好联络方式", contactWindow: "联络时间偏好", lastContact: "最近联络", reason: "原因" },
    criteria: "筛选条件",
    clients: (n) => `${n} 位客户`,
    empty: "没有符合条件的客户",
  },
  importErrors: {
    title: "导入错误",
    headers: { table: "表", sheet: "工作表/文件", row: "行", column: "列", value: "单元格内容", reason: "原因", raw: "原始数据（原样保留）" },
    legend: "以下各行未导入；原始数据原样保留，修正后可复制回原表再导入",
    tableLevel: "（整表）",
    empty: "没有错误",
    continued: (k, n) => `（接上行：长文本第 ${k}/${n} 段，与上行同列连起来即原文）`,
  },
  ladder: {
    sheetName: "到期阶梯",
    title: "到期阶梯：未来 12 个月",
    legend: "金额为到期资产的当前金额（不含贷款），外币持仓按截至日（或之前最近一天）的汇率折合本簿币种，原币金额列在明细中；预计本息：定期存款按逐笔计息法（整年整月按年/月利率，零头天数按年利率÷360），理财按实际天数÷365，仅供参考；保单保额和保费另列，不计入合计",
    summaryTitle: "按月份和资产类别",
    month: "月份",
    total: "合计",
    policySums: "保单期满保额",
    premiums: "应缴保费",
    chartTitle: "未来 12 个月到期金额（按资产类别）",
    clientsTitle: "各客户每月到期金额",
    detailTitle: "到期明细",
    policiesTitle: "保单期满（保额，不计入合计）",
    premiumsTitle: "应缴保费（投保人缴；最后一期缴后即缴清）",
    headers: {
      date: "日期", clientId: "客户编号", client: "客户", assetClass: "资产类别", product: "产品名称", institution: "机构", amount: "金额",
      expected: "预计本息", policyId: "保单编号", insurer: "保险公司", sumInsured: "保额", payer: "投保人", premium: "保费", last: "最后一期",
      currency: "币种", localAmount: "原币金额", id: "编号", reason: "说明",
    },
    lastPremium: "是",
    missingTitle: "缺少汇率，未折算，未计入合计",
    empty: "未来 12 个月没有到期的资产",
    reviewTitle: "近期到期（未来 12 个月）",
  },
  sheetNames: { profile: "客户一览", coverage: "保障一览", today: "今日待办", callList: "联系名单", importErrors: "导入错误" },
};

const zhTW: SheetText = {
  asOf: "截至",
  total: "合計",
  none: "—",
  listSep: "、",
  clauseSep: "；",
  paren: (s) => `（${s}）`,
  age: (y) => `${y}歲`,
  riskNames: { C1: "保守型", C2: "穩健型", C3: "平衡型", C4: "成長型", C5: "進取型" },
  self: "本人",
  unlisted: "未列明",
  profile: {
    title: "客戶一覽",
    headers: {
      clientId: "客戶編號", name: "姓名", age: "年齡", birthday: "生日", phone: "電話", occupation: "職業", employer: "工作單位",
      hobbies: "嗜好", family: "家庭成員", assetsThisBank: "本行金融資產", assetsOther: "他行金融資產", nonFinancial: "房產等非金融資產", liabilities: "負債",
      netWorth: "淨資產", walletShare: "本行占比",
      riskLevel: "風險等級", tier: "客戶分層", tags: "標籤", contactWindow: "聯絡時間偏好", lastContact: "最近聯絡", nextReview: "下次檢視", notes: "備註",
      address: "地址", riskName: "風險類型", documents: "資料連結",
    },
    manual: "（手動）",
    clients: (n) => `${n} 位客戶`,
    legend: "紅色：檢視已逾期；黃色：今日到期（改「截至」日期即重新判斷）；（手動）= 手動設定的分層；淨資產 = 本行金融資產 + 他行金融資產 + 非金融資產（房產、自有資產）− 負債；本行占比 = 本行金融資產 ÷ 全部金融資產；各類資產欄合計 = 全部資產（負債除外）；點姓名開啟該客戶的資產檢視表",
  },
  coverage: {
    title: "保障一覽",
    headers: {
      clientId: "客戶編號", client: "客戶", marital: "婚姻狀況", children: "子女", income: "年收入", loans: "貸款", insured: "被保險人",
      relation: "關係", type: "險種", insurer: "保險公司", product: "產品名稱", term: "保障期限", coverEnd: "保障至", sumInsured: "保額", ciSum: "重疾保額",
      premium: "年繳保費", premiumStatus: "繳費狀態", ci: "含重疾", status: "狀態", cover: "保障狀態", lifeCover: "本人壽險保額", ciCover: "本人重疾保額", medicalCover: "本人醫療保額", accidentCover: "本人意外保額",
      lifeNeed: "壽險需求", lifeGap: "壽險缺口", ciNeed: "重疾需求", ciGap: "重疾缺口", premiumRatio: "本人保障型保費占收入", uncovered: "未保障家人", flags: "提示",
    },
    years: (n) => `${n}年`,
    wholeLife: "終身",
    noPolicy: "（無保單）",
    flags: {
      noCi: "無重疾保障",
      premiumsOver: (pct) => `保費超過年收入的${pct}`,
      coverShort: (m) => `壽險保額低於年收入的${m}倍`,
      noIncome: "無年收入記錄",
      staleStatus: "有保單保障期已滿仍登記為有效（見保障狀態欄），請核實",
      ciSumMissing: "有保單含重疾但未填重疾保額，未計入重疾保障",
    },
    coverStates: { covering: "保障中", "term-ended": "保障期滿", "not-started": "未生效", lapsed: "已失效", matured: "已滿期" },
    premiumRatioNote: "本人保障型保費占收入 = 本人為被保險人、截至日保障中、繳費中的壽險、重疾、醫療、意外保單年繳保費 ÷ 本人年收入（不含年金、教育金等儲蓄型保單及家人保單；躉繳和已繳清的保單每年無須再繳，按 0 計）。雙十原則：每年的保障型保費約為年收入的 10%，保額約為年收入的 10 倍。",
    premiumStates: { paying: "繳費中", "paid-up": "已繳清", single: "躉繳" },
    premiumStatusNote: "繳費狀態（截至日）：繳費中 = 仍須每年繳費，年繳保費計入保費占收入；已繳清 = 繳費期已滿；躉繳 = 一次繳清的保費。已繳清和躉繳的保單每年無須再繳，不計入保費占收入。年繳保費欄仍為保單登記的保費（躉繳為一次繳清的金額）。",
    totals: {
      payingLabel: "← 每年應繳保費（僅繳費中）",
      payingNote: "每年應繳保費合計 = 繳費狀態為「繳費中」的各列年繳保費之和，與保費占收入同一口徑。躉繳（一次繳清）和已繳清的保單每年無須再繳，不計入；其登記的保費仍列在各列。",
      sumInsuredNote: "保額合計 = 截至日保障狀態為「保障中」的各列保額之和（各險種保額相加，已失效、已滿期、未生效、保障期滿的不計）。",
    },
    fx: {
      currency: "幣別", localSumInsured: "原幣保額", localCiSum: "原幣重疾保額", localPremium: "原幣年繳保費", rate: "匯率",
      rateNote: (book) => `匯率：1 單位保單幣別折合多少${book}（截至日或之前最近一天的匯率，見匯率表）。保額、重疾保額、年繳保費 = 原幣金額 × 匯率，以${book}計入各項合計；${book}保單匯率為 1。`,
    },
    ciSumNote: "計入重疾保障的金額：保單的重疾保額；未填時重疾險按保額計，其他險種附加重疾未填重疾保額則不計（請在保單表「重疾保額」欄補填）。",
    noCiCount: "無重疾保障的客戶",
    legend: "保障狀態按截至日判斷：生效日起至生效日 + 保障年期止，且狀態為有效，才計入保額；壽險需求 = 貸款 + 年收入 × 收入保障年數 + 子女數 × 每名子女教育金（DIME）；重疾需求 = 年收入 × 重疾保障年數；缺口 = 需求 − 本人保障中保額（不低於 0）；紅色：有缺口或無重疾保障；黃色：保障型保費占收入超過上限",
  },
  review: {
    title: "資產檢視",
    sheetPrefix: "資產檢視",
    labels: {
      client: "客戶", reviewDate: "檢視日期", previousReview: "上次檢視", riskLevel: "風險等級", assessedOn: "評估日期", tier: "客戶分層",
      phone: "電話", idNumber: "證件號碼", totalAssets: "總資產", liabilities: "負債", netWorth: "淨資產", sinceLast: "自上次檢視報酬", change: "總資產變動",
      cumulative: "累計報酬（時間加權）", annualised: "年化報酬", walletShare: "本行占比（金融資產）",
    },
    firstReview: "首次檢視",
    holdingsTitle: "持倉明細",
    headers: {
      assetClass: "資產類別", product: "產品名稱", institution: "機構", amount: "金額", months: "持有月數", riskLevel: "風險等級",
      previous: "上次金額", change: "變動", changePct: "變動%", suitability: "適合度",
    },
    statusNew: "新增",
    statusSold: "已贖回",
    statusRepaid: "已還清",
    flags: { unsuitable: "不適合", expired: "已過期", notAssessed: "未評估", unrated: "無等級", clientUnrated: "客戶無等級" },
    summaryTitle: "資產配置",
    summaryHeaders: { assetClass: "資產類別", amount: "金額", share: "占比" },
    noAssets: "暫無資產",
    trendTitle: "歷次檢視",
    trendHeaders: { date: "檢視日期", totalAssets: "總資產", netFlow: "期間淨流入", weightedFlow: "加權淨流入", periodReturn: "期間報酬", measure: "計算方法", cumulative: "累計報酬" },
    current: "當前",
    measureDietz: "修正迪茲法",
    measureSimple: "簡單變動",
    span: (from, days) => `自 ${from} 起 ${days} 天`,
    notAnnualised: "未滿一年，不作年化",
    pieTitle: "資產配置",
    pieSeries: "金額",
    columnTitle: "歷次檢視總資產",
    columnSeries: "總資產",
    legend: "貸款按未還餘額列示，不計入總資產；適合度：不適合 = 產品風險高於客戶等級，已過期 = 風險評估已滿一年；新增持倉計為流入、贖回計為流出，有資金進出時期間報酬按修正迪茲法計算，否則為簡單變動；累計報酬為各期報酬連乘（時間加權）",
    clientLegend: "貸款按未還餘額列示，不計入總資產；新增持倉計為流入、贖回計為流出，有資金進出時期間報酬按修正迪茲法計算，否則為簡單變動；累計報酬為各期報酬連乘（時間加權）",
    fx: {
      currency: "幣別", localAmount: "原幣金額", rate: "匯率", previousLocal: "上次原幣金額", previousRate: "上次匯率",
      holdingChange: "持倉變動", fxEffect: "匯率影響",
      amountIn: (_code, name) => `折${name}金額`,
      previousIn: (_code, name) => `上次折${name}金額`,
      fxTotal: "其中：匯率影響",
      legend: (_code, name) =>
        `外幣持倉折${name}：金額 = 原幣金額 × 匯率（檢視日或之前最近一日的匯率），上次金額按上次檢視所用匯率；變動 = 持倉變動（原幣變動 × 上次匯率）+ 匯率影響（原幣金額 × 匯率變化）`,
    },
  },
  calendar: {
    title: "聯絡日曆",
    sheetPrefix: "聯絡日曆",
    headers: { clientId: "客戶編號", name: "姓名", lastContact: "最近聯絡", daysSince: "距今天數", nextDue: "下次聯絡" },
    weekdays: ["日", "一", "二", "三", "四", "五", "六"],
    channels: { T: "電話", E: "郵件", M: "面談" },
    nextAction: "下一步",
    legend: "T=電話 E=郵件 M=面談；內容見儲存格附註；灰色 = 週末；紅色 = 聯絡已逾期；藍色「約」= 約定在該日跟進",
    noteCut: "…（全文見「聯絡記錄」表）",
    followUpMark: "約",
    followUp: (action, on) => `約定跟進：${action}（${on} 聯絡時約定）`,
  },
  today: {
    title: "今日待辦",
    headers: {
      reason: "事由", clientId: "客戶編號", client: "客戶", date: "日期", days: "天數", urgency: "狀態", detail: "說明",
      phone: "電話", channel: "偏好聯絡方式", contactWindow: "聯絡時間偏好",
    },
    group: (label, n) => `${label}（${n} 位客戶）`,
    empty: "今日沒有待辦事項",
    legend: "每位客戶一列，列出全部事由；天數為負 = 已逾期，最緊急的排在最前",
  },
  callList: {
    title: "聯繫名單",
    headers: { clientId: "客戶編號", name: "姓名", phone: "電話", channel: "偏好聯絡方式", contactWindow: "聯絡時間偏好", lastContact: "最近聯絡", reason: "原因" },
    criteria: "篩選條件",
    clients: (n) => `${n} 位客戶`,
    empty: "沒有符合條件的客戶",
  },
  importErrors: {
    title: "匯入錯誤",
    headers: { table: "表", sheet: "工作表/檔案", row: "列", column: "欄", value: "儲存格內容", reason: "原因", raw: "原始資料（原樣保留）" },
    legend: "以下各列未匯入；原始資料原樣保留，修正後可複製回原表再匯入",
    tableLevel: "（整表）",
    empty: "沒有錯誤",
    continued: (k, n) => `（接上列：長文字第 ${k}/${n} 段，與上列同欄接起來即原文）`,
  },
  ladder: {
    sheetName: "到期階梯",
    title: "到期階梯：未來 12 個月",
    legend: "金額為到期資產的目前金額（不含貸款），外幣持倉按截至日（或之前最近一天）的匯率折合本簿幣別，原幣金額列在明細中；預計本息：定期存款按逐筆計息法（整年整月按年/月利率，零頭天數按年利率÷360），理財按實際天數÷365，僅供參考；保單保額和保費另列，不計入合計",
    summaryTitle: "按月份和資產類別",
    month: "月份",
    total: "合計",
    policySums: "保單期滿保額",
    premiums: "應繳保費",
    chartTitle: "未來 12 個月到期金額（按資產類別）",
    clientsTitle: "各客戶每月到期金額",
    detailTitle: "到期明細",
    policiesTitle: "保單期滿（保額，不計入合計）",
    premiumsTitle: "應繳保費（要保人繳；最後一期繳後即繳清）",
    headers: {
      date: "日期", clientId: "客戶編號", client: "客戶", assetClass: "資產類別", product: "產品名稱", institution: "機構", amount: "金額",
      expected: "預計本息", policyId: "保單編號", insurer: "保險公司", sumInsured: "保額", payer: "要保人", premium: "保費", last: "最後一期",
      currency: "幣別", localAmount: "原幣金額", id: "編號", reason: "說明",
    },
    lastPremium: "是",
    missingTitle: "缺少匯率，未折算，未計入合計",
    empty: "未來 12 個月沒有到期的資產",
    reviewTitle: "近期到期（未來 12 個月）",
  },
  sheetNames: { profile: "客戶一覽", coverage: "保障一覽", today: "今日待辦", callList: "聯繫名單", importErrors: "匯入錯誤" },
};

const enUS: SheetText = {
  asOf: "As of",
  total: "Total",
  none: "—",
  listSep: ", ",
  clauseSep: "; ",
  paren: (s) => ` (${s})`,
  age: (y) => `${y}`,
  riskNames: { C1: "Conservative", C2: "Prudent", C3: "Balanced", C4: "Growth", C5: "Aggressive" },
  self: "Self",
  unlisted: "Not listed",
  profile: {
    title: "Client list",
    headers: {
      clientId: "Client ID", name: "Name", age: "Age", birthday: "Birthday", phone: "Phone", occupation: "Occupation", employer: "Employer",
      hobbies: "Hobbies", family: "Family", assetsThisBank: "Financial assets (this bank)", assetsOther: "Financial assets (elsewhere)",
      nonFinancial: "Property & other non-financial", liabilities: "Liabilities", netWorth: "Net worth", walletShare: "Wallet share", riskLevel: "Risk level", tier: "Tier", tags: "Tags", contactWindow: "Contact window", lastContact: "Last contact",
      nextReview: "Next review", notes: "Notes",
      address: "Address", riskName: "Risk profile", documents: "Documents",
    },
    manual: " (manual)",
    clients: (n) => countOf(n, "client", "clients"),
    legend: "Red: review overdue; yellow: due today (change the As-of date to re-check); (manual) = tier set by hand; net worth = financial assets here + elsewhere + non-financial assets (property, self-held) − liabilities; wallet share = financial assets here ÷ all financial assets; the asset-class columns add up to all assets (liabilities apart); click a name to open the client's review",
  },
  coverage: {
    title: "Coverage",
    headers: {
      clientId: "Client ID", client: "Client", marital: "Marital status", children: "Children", income: "Annual income", loans: "Loans",
      insured: "Insured", relation: "Relation", type: "Type", insurer: "Insurer", product: "Product", term: "Term", coverEnd: "Covered until",
      sumInsured: "Sum insured", ciSum: "CI sum insured", premium: "Annual premium", premiumStatus: "Premium status", ci: "CI cover", status: "Status", cover: "Cover", lifeCover: "Own life cover", ciCover: "Own CI cover",
      medicalCover: "Own medical cover", accidentCover: "Own accident cover", lifeNeed: "Life need", lifeGap: "Life gap", ciNeed: "CI need",
      ciGap: "CI gap", premiumRatio: "Own protection premiums / income", uncovered: "Family without cover", flags: "Flags",
    },
    years: (n) => countOf(n, "yr", "yrs"),
    wholeLife: "Whole life",
    noPolicy: "(no policy)",
    flags: {
      noCi: "No critical-illness cover",
      premiumsOver: (pct) => `Premiums above ${pct} of income`,
      coverShort: (m) => `Life cover below ${m}× income`,
      noIncome: "No income on record",
      staleStatus: "A policy's term is over but it is still recorded in force (see the Cover column): check it",
      ciSumMissing: "A policy has a CI rider but no CI sum insured: not counted as CI cover",
    },
    coverStates: { covering: "Covering", "term-ended": "Term ended", "not-started": "Not started", lapsed: "Lapsed", matured: "Matured" },
    premiumRatioNote: "Own protection premiums / income = annual premiums of the life, CI, medical and accident policies insuring the client, covering and still paying at the as-of date ÷ the client's annual income (annuity, education and other savings policies and family members' policies left out; single-premium and paid-up policies cost nothing more each year and count as 0). 双十 rule of thumb: yearly protection premiums about 10 % of income, sum insured about 10 × income.",
    premiumStates: { paying: "Paying", "paid-up": "Paid up", single: "Single premium" },
    premiumStatusNote: "Premium status at the as-of date: Paying = premiums still due every year, the annual premium counts in premiums / income; Paid up = the premium term is over; Single premium = paid once. Paid-up and single-premium policies cost nothing more each year and are left out of premiums / income. The annual premium column still shows the premium as recorded (the one-off amount for a single premium).",
    totals: {
      payingLabel: "← Yearly premiums still payable (Paying only)",
      payingNote: "Yearly premiums still payable = the annual premiums of the rows whose premium status is Paying, counted as premiums / income counts them. Single-premium and paid-up policies cost nothing more each year and are left out; their recorded premiums stay on their rows.",
      sumInsuredNote: "Sum insured total = the sums insured of the rows covering at the as-of date (all policy types added; lapsed, matured, not yet started and term-ended rows left out).",
    },
    fx: {
      currency: "Currency", localSumInsured: "Own sum insured", localCiSum: "Own CI sum", localPremium: "Own premium", rate: "Rate",
      rateNote: (book) => `Rate: ${book} per unit of the policy's currency (the latest on or before the as-of date, from the Rates table). Sum insured, CI sum and premium = own amount × rate, in ${book} in every total; a ${book} policy is at rate 1.`,
    },
    ciSumNote: "What counts as critical-illness cover: the policy's CI sum insured; without it a CI policy counts its sum insured, and a CI rider on another type counts nothing (enter its amount in the Policies table's CI Sum Insured column).",
    noCiCount: "Clients without CI cover",
    legend: "A policy covers from its start date to start + term while in force, judged at the as-of date; life need = loans + income × years of income + children × education per child (DIME); CI need = income × years of income (CI); gap = need − own cover (never below 0); red: a gap or no CI cover; yellow: own protection premiums above the cap",
  },
  review: {
    title: "Asset review",
    sheetPrefix: "Review",
    labels: {
      client: "Client", reviewDate: "Review date", previousReview: "Previous review", riskLevel: "Risk level", assessedOn: "Assessed on",
      tier: "Tier", phone: "Phone", idNumber: "ID number", totalAssets: "Total assets", liabilities: "Liabilities", netWorth: "Net worth",
      sinceLast: "Return since last review", change: "Change in total assets",
      cumulative: "Cumulative (time-weighted)", annualised: "Annualised return", walletShare: "Wallet share (financial assets)",
    },
    firstReview: "First review",
    holdingsTitle: "Holdings",
    headers: {
      assetClass: "Asset class", product: "Product", institution: "Institution", amount: "Amount", months: "Months held", riskLevel: "Risk level",
      previous: "Previous", change: "Change", changePct: "Change %", suitability: "Suitability",
    },
    statusNew: "New",
    statusSold: "Sold",
    statusRepaid: "Repaid",
    flags: { unsuitable: "Unsuitable", expired: "Expired", notAssessed: "Not assessed", unrated: "Unrated", clientUnrated: "Client unrated" },
    summaryTitle: "Allocation",
    summaryHeaders: { assetClass: "Asset class", amount: "Amount", share: "Share" },
    noAssets: "No assets",
    trendTitle: "Reviews",
    trendHeaders: { date: "Review date", totalAssets: "Total assets", netFlow: "Net flow", weightedFlow: "Weighted flow", periodReturn: "Period return", measure: "Measure", cumulative: "Cumulative" },
    current: "current",
    measureDietz: "Modified Dietz",
    measureSimple: "Simple change",
    span: (from, days) => `since ${from}, ${countOf(days, "day", "days")}`,
    notAnnualised: "under a year: not annualised",
    pieTitle: "Asset allocation",
    pieSeries: "Amount",
    columnTitle: "Total assets by review",
    columnSeries: "Total assets",
    legend: "Loans are shown at their outstanding balance and not counted in total assets; suitability: Unsuitable = product risk above the client's level, Expired = risk assessment a year old; a new holding counts as money in and a sold one as money out; with money moved in or out the period return is Modified Dietz, otherwise a simple change; the cumulative return links the period returns (time-weighted)",
    clientLegend: "Loans are shown at their outstanding balance and not counted in total assets; a new holding counts as money in and a sold one as money out; with money moved in or out the period return is Modified Dietz, otherwise a simple change; the cumulative return links the period returns (time-weighted)",
    fx: {
      currency: "Currency", localAmount: "Original amount", rate: "Rate", previousLocal: "Previous (original)", previousRate: "Previous rate",
      holdingChange: "Own change", fxEffect: "FX effect",
      amountIn: (code) => `Amount (${code})`,
      previousIn: (code) => `Previous (${code})`,
      fxTotal: "of which FX effect",
      legend: (code) =>
        `Foreign holdings in ${code}: amount = original amount × rate (the latest on or before the review date), previous amount at the previous review's rate; change = holding's own change (at the previous rate) + exchange-rate effect (original amount × change in rate)`,
    },
  },
  calendar: {
    title: "Contact calendar",
    sheetPrefix: "Contacts",
    headers: { clientId: "Client ID", name: "Name", lastContact: "Last contact", daysSince: "Days since", nextDue: "Next due" },
    weekdays: ["S", "M", "T", "W", "T", "F", "S"],
    channels: { T: "Phone", E: "E-mail", M: "Meeting" },
    nextAction: "Next",
    legend: "T=phone E=e-mail M=meeting; summaries in the cell notes; grey = weekend; red = contact overdue; blue \"Due\" = follow-up promised for that day",
    noteCut: "… (full text in the Contacts table)",
    followUpMark: "Due",
    followUp: (action, on) => `Follow-up promised: ${action} (on the contact of ${on})`,
  },
  today: {
    title: "Today",
    headers: {
      reason: "Reasons", clientId: "Client ID", client: "Client", date: "Date", days: "Days", urgency: "Status", detail: "Detail",
      phone: "Phone", channel: "Preferred channel", contactWindow: "Contact window",
    },
    group: (label, n) => `${label} (${countOf(n, "client", "clients")})`,
    empty: "Nothing due today",
    legend: "One row per client with all its reasons; negative days = overdue; the most urgent first",
  },
  callList: {
    title: "Call list",
    headers: { clientId: "Client ID", name: "Name", phone: "Phone", channel: "Preferred channel", contactWindow: "Contact window", lastContact: "Last contact", reason: "Reason" },
    criteria: "Criteria",
    clients: (n) => countOf(n, "client", "clients"),
    empty: "No client matches",
  },
  importErrors: {
    title: "Import errors",
    headers: { table: "Table", sheet: "Sheet / file", row: "Row", column: "Column", value: "Cell", reason: "Reason", raw: "Original row (verbatim)" },
    legend: "These rows were not imported; the original rows are kept verbatim — fix them and copy them back to import again",
    tableLevel: "(whole table)",
    empty: "No errors",
    continued: (k, n) => `(continued: part ${k} of ${n} of the long text above; join the parts in each column for the original)`,
  },
  ladder: {
    sheetName: "Maturity ladder",
    title: "Maturity ladder: the next 12 months",
    legend: "Amounts are the maturing assets' current amounts (loans excluded), a holding in another currency at the rate of the as-of date (or the latest before it), its own amount in the list; expected proceeds: deposits by the PBOC day-by-day rule (whole years and months at the year or month rate, odd days at the annual rate ÷ 360), wealth products by actual days ÷ 365, for reference only; policies' sums insured and premiums are listed apart, not in the totals",
    summaryTitle: "By month and asset class",
    month: "Month",
    total: "Total",
    policySums: "Policies ending (sum insured)",
    premiums: "Premiums due",
    chartTitle: "Maturing in the next 12 months, by asset class",
    clientsTitle: "Maturing per client and month",
    detailTitle: "What matures",
    policiesTitle: "Policies ending (sums insured, not in the totals)",
    premiumsTitle: "Premiums due (paid by the policyholder; paid up after the last one)",
    headers: {
      date: "Date", clientId: "Client ID", client: "Client", assetClass: "Asset class", product: "Product", institution: "Institution", amount: "Amount",
      expected: "Expected proceeds", policyId: "Policy ID", insurer: "Insurer", sumInsured: "Sum insured", payer: "Policyholder", premium: "Premium", last: "Last",
      currency: "Currency", localAmount: "Own-currency amount", id: "ID", reason: "What to do",
    },
    lastPremium: "Yes",
    missingTitle: "No rate to convert with: not in the totals",
    empty: "Nothing matures in the next 12 months",
    reviewTitle: "Maturing soon (next 12 months)",
  },
  sheetNames: { profile: "Client list", coverage: "Coverage", today: "Today", callList: "Call list", importErrors: "Import errors" },
};

const TEXT: Readonly<Record<Lang, SheetText>> = { "zh-CN": zhCN, "zh-TW": zhTW, "en-US": enUS };

/** The sheet text of a language; throws a RangeError naming the bad value for anything but the three languages. */
export function sheetText(lang: Lang): SheetText {
  const t = TEXT[lang];
  if (!t) throw new RangeError(`lang must be zh-CN, zh-TW or en-US, got ${JSON.stringify(lang)}`);
  return t;
}

/** Relation of an insured person: the book's own labels (配偶/子女/父母/其他), plus 本人 and 未列明. */
export function relationText(rel: Relation | "Self" | "Unlisted", lang: Lang): string {
  const t = sheetText(lang);
  return rel === "Self" ? t.self : rel === "Unlisted" ? t.unlisted : codeLabel("relation", rel, lang);
}
