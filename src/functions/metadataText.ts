/**
 * The RM.* functions' metadata in Chinese: one entry per function id, with the description and, per parameter (by
 * its JSDoc name), the name and description Excel shows in formula help. English comes from the JSDoc in
 * ./functions.ts (functions.json); the build (webpack.config.js, ./localizeMetadata.ts) writes functions.zh-CN.json
 * and functions.zh-TW.json from the generated JSON and this table. Ids and function names are never translated
 * (see ./localizeMetadata.ts for why). A new function or parameter needs an entry here: the build and
 * tests/functions/localizedMetadata.test.ts name what is missing.
 *
 * In the webpack bundle this module is reduced to the argument names (scripts/arg-names-loader.js): the descriptions
 * only go into the metadata files, and the functions are part of the task pane's initial load.
 *
 * Parameter names are also how the functions' Chinese error messages name an argument (./messageNames.ts), so they
 * are short nouns without spaces, as Excel's own Chinese help writes them (e.g. 开始日期 in DATEDIF).
 *
 * This is the function metadata catalogue (Chinese; English is the JSDoc).
 * Catalogues (one per audience; tests/i18n/catalogues.test.ts checks each has every entry, non-empty, in all three
 * languages): pane taskpane/i18n.ts (key → string, {name} parameters) · sheets sheets/text.ts (typed object per
 * language) · book book/messages.ts, codes.ts, schema.ts (typed table per language) · function help
 * functions/metadataText.ts, helpText.ts · a message made where a value is refused: a Localized
 * { "zh-CN", "zh-TW", "en-US" } (domain/result.ts) — never positional (zhCN, zhTW, en) arguments.
 */

/** A text in Simplified and Traditional Chinese. */
export interface ZhText {
  "zh-CN": string;
  "zh-TW": string;
}

export interface FunctionText {
  description: ZhText;
  parameters: Record<string, { name: ZhText; description: ZhText }>;
}

const p = (name: ZhText, description: ZhText): { name: ZhText; description: ZhText } => ({ name, description });

const DATE_HELP: ZhText = { "zh-CN": "日期单元格、日期序号或 YYYY-MM-DD 文本", "zh-TW": "日期儲存格、日期序號或 YYYY-MM-DD 文字" };
const AS_OF_NAME: ZhText = { "zh-CN": "基准日", "zh-TW": "基準日" };
const CADENCE = p(
  { "zh-CN": "检视频率", "zh-TW": "檢視頻率" },
  { "zh-CN": "月度/季度/半年/半年度/年度、monthly/quarterly/semiannual/annual，或月数。", "zh-TW": "月度/季度/半年/半年度/年度、monthly/quarterly/semiannual/annual，或月數。" },
);
const CLASSES = p(
  { "zh-CN": "资产类别", "zh-TW": "資產類別" },
  { "zh-CN": "每笔资产的类别：一列（或一行）单元格，中文或英文均可。", "zh-TW": "每筆資產的類別：一欄（或一列）儲存格，中文或英文皆可。" },
);
const AMOUNTS = p(
  { "zh-CN": "金额", "zh-TW": "金額" },
  { "zh-CN": "每笔资产的金额，顺序与资产类别相同；贷款填未还余额的正数。", "zh-TW": "每筆資產的金額，順序與資產類別相同；貸款填未還餘額的正數。" },
);
const RATES = p(
  { "zh-CN": "汇率表", "zh-TW": "匯率表" },
  {
    "zh-CN": "「汇率」表的数据区（币种、汇率 = 1 单位折合多少本币、日期），含不含标题行均可。",
    "zh-TW": "「匯率」表的資料區（幣別、匯率 = 1 單位折合多少本幣、日期），含不含標題列皆可。",
  },
);
const BOOK = p({ "zh-CN": "本币", "zh-TW": "本幣" }, { "zh-CN": "账簿的本币（汇率为 1）", "zh-TW": "帳簿的本幣（匯率為 1）" });
const CURRENCIES_P = p(
  { "zh-CN": "币种", "zh-TW": "幣別" },
  {
    "zh-CN": "每笔金额的币种（USD、美元、港币 …），顺序与金额相同；空单元格为本币，或金额中写明的币种（US$1,200）。全部是本币时可省略。",
    "zh-TW": "每筆金額的幣別（USD、美元、港幣 …），順序與金額相同；空儲存格為本幣，或金額中寫明的幣別（US$1,200）。全部是本幣時可省略。",
  },
);
const VALUED_ON = p(
  { "zh-CN": "估值日", "zh-TW": "估值日" },
  { "zh-CN": "按哪天的汇率折算：取当天或之前最近的汇率；留空为最新汇率。", "zh-TW": "按哪天的匯率折算：取當天或之前最近的匯率；留空為最新匯率。" },
);
const ROW_BOOK = p(BOOK.name, {
  "zh-CN": `${BOOK.description["zh-CN"]}：币种为它的行不需汇率；留空时只有空白币种的行算作本币。`,
  "zh-TW": `${BOOK.description["zh-TW"]}：幣別為它的列不需匯率；留空時只有空白幣別的列算作本幣。`,
});
const with_ = (what: ZhText): ZhText => ({ "zh-CN": `${what["zh-CN"]}：${DATE_HELP["zh-CN"]}。`, "zh-TW": `${what["zh-TW"]}：${DATE_HELP["zh-TW"]}。` });

export const FUNCTION_TEXT: Record<string, FunctionText> = {
  AGE: {
    description: { "zh-CN": "某日的周岁年龄。", "zh-TW": "某日的足歲年齡。" },
    parameters: {
      birthDate: p({ "zh-CN": "出生日期", "zh-TW": "出生日期" }, with_({ "zh-CN": "出生日期", "zh-TW": "出生日期" })),
      asOf: p(AS_OF_NAME, { "zh-CN": "计算年龄的日期；留空为今天。", "zh-TW": "計算年齡的日期；留空為今天。" }),
    },
  },
  NEXTBIRTHDAY: {
    description: { "zh-CN": "某日当天或之后的下个生日；2 月 29 日生日在平年为 2 月 28 日。", "zh-TW": "某日當天或之後的下個生日；2 月 29 日生日在平年為 2 月 28 日。" },
    parameters: {
      birthDate: p({ "zh-CN": "出生日期", "zh-TW": "出生日期" }, with_({ "zh-CN": "出生日期", "zh-TW": "出生日期" })),
      asOf: p(AS_OF_NAME, { "zh-CN": "从哪天起找（当天是生日也算）；留空为今天。", "zh-TW": "從哪天起找（當天是生日也算）；留空為今天。" }),
    },
  },
  HOLDINGMONTHS: {
    description: { "zh-CN": "持有整月数，月末对齐：1 月 31 日到 2 月 28 日为 1 个月。", "zh-TW": "持有整月數，月底對齊：1 月 31 日到 2 月 28 日為 1 個月。" },
    parameters: {
      startDate: p({ "zh-CN": "起始日", "zh-TW": "起始日" }, with_({ "zh-CN": "买入或起始日期", "zh-TW": "買入或起始日期" })),
      asOf: p(AS_OF_NAME, { "zh-CN": "计算到哪天，例如检视日；留空为今天。", "zh-TW": "計算到哪天，例如檢視日；留空為今天。" }),
    },
  },
  ALLOCATION: {
    description: {
      "zh-CN": "资产配置：各类别的金额和占资产的比例，从大到小；贷款不计入。外币金额先按汇率折成本币。",
      "zh-TW": "資產配置：各類別的金額和占資產的比例，由大到小；貸款不計入。外幣金額先按匯率折成本幣。",
    },
    parameters: { classes: CLASSES, amounts: AMOUNTS, currencies: CURRENCIES_P, rates: RATES, date: VALUED_ON, book: ROW_BOOK },
  },
  NETWORTH: {
    description: { "zh-CN": "净资产：资产合计减负债，贷款为负债；以本币计。", "zh-TW": "淨資產：資產合計減負債，貸款為負債；以本幣計。" },
    parameters: { classes: CLASSES, amounts: AMOUNTS, currencies: CURRENCIES_P, rates: RATES, date: VALUED_ON, book: ROW_BOOK },
  },
  FX: {
    description: {
      "zh-CN": "货币换算：按「汇率」表，原币种 → 本币 → 目标币种，取日期当天或之前最近的汇率。",
      "zh-TW": "貨幣換算：按「匯率」表，原幣別 → 本幣 → 目標幣別，取日期當天或之前最近的匯率。",
    },
    parameters: {
      amount: p({ "zh-CN": "金额", "zh-TW": "金額" }, { "zh-CN": "以原币种计的金额；空单元格为 0。", "zh-TW": "以原幣別計的金額；空儲存格為 0。" }),
      from: p(
        { "zh-CN": "原币种", "zh-TW": "原幣別" },
        {
          "zh-CN": "金额的币种：ISO 代码（USD、HKD、CNY …）或名称（美元、港币、新台币 …）；空单元格为本币，与币种列相同。",
          "zh-TW": "金額的幣別：ISO 代碼（USD、HKD、TWD …）或名稱（美元、港幣、新臺幣 …）；空儲存格為本幣，與幣別欄相同。",
        },
      ),
      to: p({ "zh-CN": "目标币种", "zh-TW": "目標幣別" }, { "zh-CN": "要换算成的币种，写法同原币种；空单元格为本币。", "zh-TW": "要換算成的幣別，寫法同原幣別；空儲存格為本幣。" }),
      rates: RATES,
      date: p(
        { "zh-CN": "汇率日期", "zh-TW": "匯率日期" },
        { "zh-CN": "用哪天的汇率：取当天或之前最近的汇率；留空为汇率表中最新的汇率。", "zh-TW": "用哪天的匯率：取當天或之前最近的匯率；留空為匯率表中最新的匯率。" },
      ),
      book: p(BOOK.name, {
        "zh-CN": `${BOOK.description["zh-CN"]}；留空时，原币种与目标币种中在汇率表里没有汇率的那个即为本币。`,
        "zh-TW": `${BOOK.description["zh-TW"]}；留空時，原幣別與目標幣別中在匯率表裡沒有匯率的那個即為本幣。`,
      }),
    },
  },
  NEXTPREMIUM: {
    description: {
      "zh-CN": "下期保费日：基准日当天或之后的下一个缴费日，EDATE(生效日, k × 12/n) 月末对齐；缴清后或保单不是有效状态时为 #N/A。",
      "zh-TW": "下期保費日：基準日當天或之後的下一個繳費日，EDATE(生效日, k × 12/n) 月底對齊；繳清後或保單不是有效狀態時為 #N/A。",
    },
    parameters: {
      startDate: p({ "zh-CN": "生效日", "zh-TW": "生效日" }, with_({ "zh-CN": "保单生效日（首期保费的缴费日）", "zh-TW": "保單生效日（首期保費的繳費日）" })),
      frequency: p(
        { "zh-CN": "缴费方式", "zh-TW": "繳費方式" },
        {
          "zh-CN": "与保单表相同：趸交/年缴/半年缴/季缴/月缴（繁体亦可）或 Single premium/Annual/Semi-annual/Quarterly/Monthly；留空为年缴。",
          "zh-TW": "與保單表相同：躉繳/年繳/半年繳/季繳/月繳（簡體亦可）或 Single premium/Annual/Semi-annual/Quarterly/Monthly；留空為年繳。",
        },
      ),
      years: p({ "zh-CN": "缴费年限", "zh-TW": "繳費年期" }, { "zh-CN": "缴费年数，1 到 100 的整数；留空为保障年限。", "zh-TW": "繳費年數，1 到 100 的整數；留空為保障年期。" }),
      asOf: p(AS_OF_NAME, { "zh-CN": "从哪天起找（当天到期也算）；留空为今天。", "zh-TW": "從哪天起找（當天到期也算）；留空為今天。" }),
      termYears: p(
        { "zh-CN": "保障年限", "zh-TW": "保障年期" },
        { "zh-CN": "保障年数，缴费年限留空时使用；留空或“终身”表示保单有效期间一直缴费。", "zh-TW": "保障年數，繳費年期留空時使用；留空或「終身」表示保單有效期間一直繳費。" },
      ),
      status: p(
        { "zh-CN": "状态", "zh-TW": "狀態" },
        {
          "zh-CN": "保单状态，与保单表「状态」列相同：有效/失效/满期（繁体亦可）或 In force/Lapsed/Matured；失效、满期为 #N/A；留空为有效。",
          "zh-TW": "保單狀態，與保單表「狀態」欄相同：有效/失效/滿期（簡體亦可）或 In force/Lapsed/Matured；失效、滿期為 #N/A；留空為有效。",
        },
      ),
    },
  },
  MDIETZ: {
    description: { "zh-CN": "修正迪茨收益率：期间有资金转入或转出时的收益率。", "zh-TW": "修正迪茨報酬率：期間有資金轉入或轉出時的報酬率。" },
    parameters: {
      beginValue: p({ "zh-CN": "期初市值", "zh-TW": "期初市值" }, { "zh-CN": "期间开始时的市值。", "zh-TW": "期間開始時的市值。" }),
      endValue: p({ "zh-CN": "期末市值", "zh-TW": "期末市值" }, { "zh-CN": "期间结束时的市值。", "zh-TW": "期間結束時的市值。" }),
      flowAmounts: p(
        { "zh-CN": "资金流金额", "zh-TW": "資金流金額" },
        { "zh-CN": "期间转入（+）或转出（−）的金额：一列金额；空行跳过。", "zh-TW": "期間轉入（+）或轉出（−）的金額：一欄金額；空列略過。" },
      ),
      flowDates: p({ "zh-CN": "资金流日期", "zh-TW": "資金流日期" }, { "zh-CN": "每笔资金流的日期，顺序与金额相同，须在期间之内。", "zh-TW": "每筆資金流的日期，順序與金額相同，須在期間之內。" }),
      startDate: p(
        { "zh-CN": "开始日期", "zh-TW": "開始日期" },
        {
          "zh-CN": "期初市值的日期（当日收盘时的市值），如上次检视日：日期单元格、日期序号或 YYYY-MM-DD 文本。期间长度 = 结束日期 − 开始日期（天）。",
          "zh-TW": "期初市值的日期（當日收盤時的市值），如上次檢視日：日期儲存格、日期序號或 YYYY-MM-DD 文字。期間長度 = 結束日期 − 開始日期（天）。",
        },
      ),
      endDate: p({ "zh-CN": "结束日期", "zh-TW": "結束日期" }, { "zh-CN": "期末市值的日期，晚于开始日期。", "zh-TW": "期末市值的日期，晚於開始日期。" }),
    },
  },
  LINKRETURNS: {
    description: {
      "zh-CN": "链接收益率：把各期收益率连乘成一个时间加权收益率 (1+r₁)(1+r₂)…(1+rₙ) − 1；给出开始和结束日期时按 (1+R)^(365/天数) − 1 年化。",
      "zh-TW": "鏈結報酬率：把各期報酬率連乘成一個時間加權報酬率 (1+r₁)(1+r₂)…(1+rₙ) − 1；給出開始和結束日期時按 (1+R)^(365/天數) − 1 年化。",
    },
    parameters: {
      returns: p(
        { "zh-CN": "各期收益率", "zh-TW": "各期報酬率" },
        { "zh-CN": "每期的收益率，小数或百分比（0.05 或 5%）：一列或一行；空单元格跳过。", "zh-TW": "每期的報酬率，小數或百分比（0.05 或 5%）：一欄或一列；空儲存格略過。" },
      ),
      startDate: p(
        { "zh-CN": "开始日期", "zh-TW": "開始日期" },
        { "zh-CN": "第一期开始的日期（如首次检视日）；与结束日期一起给出时结果为年化收益率。", "zh-TW": "第一期開始的日期（如首次檢視日）；與結束日期一起給出時結果為年化報酬率。" },
      ),
      endDate: p(
        { "zh-CN": "结束日期", "zh-TW": "結束日期" },
        { "zh-CN": "最后一期结束的日期；须比开始日期晚至少 365 天（不足一年不年化）。", "zh-TW": "最後一期結束的日期；須比開始日期晚至少 365 天（未滿一年不年化）。" },
      ),
    },
  },
  NEXTREVIEW: {
    description: { "zh-CN": "下次检视日：上次检视加检视频率，月末对齐（1 月 31 日加 1 个月为 2 月 28 日）。", "zh-TW": "下次檢視日：上次檢視加檢視頻率，月底對齊（1 月 31 日加 1 個月為 2 月 28 日）。" },
    parameters: {
      lastDate: p({ "zh-CN": "上次检视日", "zh-TW": "上次檢視日" }, with_({ "zh-CN": "上次检视日期", "zh-TW": "上次檢視日期" })),
      cadence: CADENCE,
    },
  },
  DAYSDUE: {
    description: { "zh-CN": "距下次检视的天数：逾期为负数，到期当天为 0。", "zh-TW": "距下次檢視的天數：逾期為負數，到期當天為 0。" },
    parameters: {
      lastDate: p({ "zh-CN": "上次检视日", "zh-TW": "上次檢視日" }, with_({ "zh-CN": "上次检视日期（不晚于基准日）", "zh-TW": "上次檢視日期（不晚於基準日）" })),
      cadence: CADENCE,
      asOf: p(AS_OF_NAME, { "zh-CN": "从哪天算起；留空为今天。", "zh-TW": "從哪天算起；留空為今天。" }),
    },
  },
  SUITABLE: {
    description: { "zh-CN": "适当性：产品风险等级不高于客户等级且风险评估未超过一年时为 TRUE。", "zh-TW": "適合度：產品風險等級不高於客戶等級且風險評估未超過一年時為 TRUE。" },
    parameters: {
      clientRisk: p({ "zh-CN": "客户风险等级", "zh-TW": "客戶風險等級" }, { "zh-CN": "C1–C5、1–5，或保守(谨慎)/稳健/平衡/成长/进取(激进)（可带“型”，繁体亦可）。", "zh-TW": "C1–C5、1–5，或保守(謹慎)/穩健/平衡/成長/進取(激進)（可帶「型」，簡體亦可）。" }),
      productRisk: p({ "zh-CN": "产品风险等级", "zh-TW": "產品風險等級" }, { "zh-CN": "R1–R5、PR1–PR5、RR1–RR5、R5级、1–5，或低/中低/中/中高/高风险。", "zh-TW": "R1–R5、PR1–PR5、RR1–RR5、R5級、1–5，或低/中低/中/中高/高風險。" }),
      assessedOn: p({ "zh-CN": "评估日期", "zh-TW": "評估日期" }, { "zh-CN": "客户风险评估的日期（满一年当天仍有效）；留空只比较等级。", "zh-TW": "客戶風險評估的日期（滿一年當天仍有效）；留空只比較等級。" }),
      asOf: p(AS_OF_NAME, { "zh-CN": "判断评估是否过期的日期；留空为今天。", "zh-TW": "判斷評估是否過期的日期；留空為今天。" }),
    },
  },
  PROTECTIONNEED: {
    description: { "zh-CN": "保障需求（DIME 法）：负债 + 收入 × 年数 + 房贷 + 每名子女教育金 × 子女数 − 已备资产。", "zh-TW": "保障需求（DIME 法）：負債 + 收入 × 年數 + 房貸 + 每名子女教育金 × 子女數 − 已備資產。" },
    parameters: {
      annualIncome: p({ "zh-CN": "年收入", "zh-TW": "年收入" }, { "zh-CN": "需要替代的年收入。", "zh-TW": "需要替代的年收入。" }),
      years: p({ "zh-CN": "年数", "zh-TW": "年數" }, { "zh-CN": "家庭需要多少年的收入。", "zh-TW": "家庭需要多少年的收入。" }),
      debts: p({ "zh-CN": "其他负债", "zh-TW": "其他負債" }, { "zh-CN": "房贷以外的负债；留空为 0。", "zh-TW": "房貸以外的負債；留空為 0。" }),
      mortgage: p({ "zh-CN": "房贷余额", "zh-TW": "房貸餘額" }, { "zh-CN": "未还房贷；留空为 0。", "zh-TW": "未還房貸；留空為 0。" }),
      educationPerChild: p({ "zh-CN": "每名子女教育金", "zh-TW": "每名子女教育金" }, { "zh-CN": "每名子女的教育金；留空为 500,000（客户簿的默认设置）。", "zh-TW": "每名子女的教育金；留空為 500,000（客戶簿的預設設定）。" }),
      children: p({ "zh-CN": "子女数", "zh-TW": "子女數" }, { "zh-CN": "子女人数；留空为 0。", "zh-TW": "子女人數；留空為 0。" }),
      earmarkedAssets: p({ "zh-CN": "已备资产", "zh-TW": "已備資產" }, { "zh-CN": "已为家庭预留的流动资产；留空为 0。", "zh-TW": "已為家庭預留的流動資產；留空為 0。" }),
    },
  },
  HLV: {
    description: { "zh-CN": "生命价值：将损失的收入的现值；默认收入计在每年年末，与 Excel 的 PV(折现率, 年数, -净收入) 相同。", "zh-TW": "生命價值：將損失的收入的現值；預設收入計在每年年末，與 Excel 的 PV(折現率, 年數, -淨收入) 相同。" },
    parameters: {
      netIncome: p({ "zh-CN": "净收入", "zh-TW": "淨收入" }, { "zh-CN": "扣除本人开支和税后的年收入（N）。", "zh-TW": "扣除本人開支和稅後的年收入（N）。" }),
      years: p({ "zh-CN": "剩余工作年数", "zh-TW": "剩餘工作年數" }, { "zh-CN": "剩余工作年数：0 到 100 的整数。", "zh-TW": "剩餘工作年數：0 到 100 的整數。" }),
      discountRate: p({ "zh-CN": "折现率", "zh-TW": "折現率" }, { "zh-CN": "年折现率：0.03 或 3%；大于 1 的数（如 3）会被拒绝。", "zh-TW": "年折現率：0.03 或 3%；大於 1 的數（如 3）會被拒絕。" }),
      growthRate: p({ "zh-CN": "收入增长率", "zh-TW": "收入成長率" }, { "zh-CN": "每年收入增长率：0.02 或 2%；留空为 0。", "zh-TW": "每年收入成長率：0.02 或 2%；留空為 0。" }),
      timing: p({ "zh-CN": "时点", "zh-TW": "時點" }, { "zh-CN": "收入计在何时：0 或留空为年末（同 PV 的 type 0），1 为年初（同 PV 的 type 1）。", "zh-TW": "收入計在何時：0 或留空為年末（同 PV 的 type 0），1 為年初（同 PV 的 type 1）。" }),
    },
  },
  GAP: {
    description: { "zh-CN": "保障缺口：尚缺的保额，max(0, 需求 − 已有保额)。", "zh-TW": "保障缺口：尚缺的保額，max(0, 需求 − 已有保額)。" },
    parameters: {
      need: p({ "zh-CN": "保障需求", "zh-TW": "保障需求" }, { "zh-CN": "保障需求，例如 RM.PROTECTIONNEED 的结果；空单元格为 0。", "zh-TW": "保障需求，例如 RM.PROTECTIONNEED 的結果；空儲存格為 0。" }),
      existingCover: p({ "zh-CN": "已有保额", "zh-TW": "已有保額" }, { "zh-CN": "已生效、可抵该需求的保额；空单元格为 0。", "zh-TW": "已生效、可抵該需求的保額；空儲存格為 0。" }),
    },
  },
  TIER: {
    description: { "zh-CN": "客户分层 A/B/C（帕累托法则）：排在前面的客户合计不足 80 % 为 A，不足 95 % 为 B，其余为 C。", "zh-TW": "客戶分層 A/B/C（柏拉圖法則）：排在前面的客戶合計不足 80 % 為 A，不足 95 % 為 B，其餘為 C。" },
    parameters: {
      amounts: p({ "zh-CN": "本行资产", "zh-TW": "本行資產" }, { "zh-CN": "每位客户在本行的资产：一列（或一行）；空单元格得到空白分层。", "zh-TW": "每位客戶在本行的資產：一欄（或一列）；空儲存格得到空白分層。" }),
    },
  },
  MASK: {
    description: { "zh-CN": "个人信息脱敏：电话 138****5678、证件号保留前 6 后 4 位、姓名 张**、邮箱 z***@域名。", "zh-TW": "個人資料遮蔽：電話 138****5678、證件號保留前 6 後 4 碼、姓名 張**、電子郵件 z***@網域。" },
    parameters: {
      text: p({ "zh-CN": "文本", "zh-TW": "文字" }, { "zh-CN": "要脱敏的电话、证件号、姓名或邮箱；空白得空白。", "zh-TW": "要遮蔽的電話、證件號、姓名或電子郵件；空白得空白。" }),
      kind: p({ "zh-CN": "类型", "zh-TW": "類型" }, { "zh-CN": "phone、id、name 或 email（电话/证件/姓名/邮箱）；留空按内容判断。", "zh-TW": "phone、id、name 或 email（電話/證件/姓名/郵箱）；留空依內容判斷。" }),
    },
  },
};

/**
 * Names that error messages use like parameter names but that are not parameters (a result that would fall
 * outside Excel's calendar), so a Chinese message never shows an English identifier.
 */
export const MESSAGE_TERMS: Record<string, ZhText> = {
  nextBirthday: { "zh-CN": "下个生日", "zh-TW": "下個生日" },
  nextReview: { "zh-CN": "下次检视日", "zh-TW": "下次檢視日" },
  nextPremium: { "zh-CN": "下期保费日", "zh-TW": "下期保費日" },
};
