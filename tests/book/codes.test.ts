import { CODE_LIST_KEYS, codeLabel, codeLabels, codesOf, parseCode } from "../../src/book/codes";
import type { CodeListKey } from "../../src/book/codes";
import { LANGS, THIS_BANK } from "../../src/domain/types";
import { CLIENT_RISK_SPELLINGS, parseClientRisk, parseProductRisk, PRODUCT_RISK_SPELLINGS } from "../../src/domain/suitability";

describe("every label reads back as its code", () => {
  for (const list of CODE_LIST_KEYS) {
    test(list, () => {
      for (const code of codesOf(list)) {
        expect(parseCode(list, code)).toBe(code);
        for (const lang of LANGS) expect(parseCode(list, codeLabel(list, code, lang))).toBe(code);
      }
    });
  }
});

describe("spellings managers and other systems use", () => {
  const cases: [CodeListKey, string, string][] = [
    ["gender", "男", "M"], ["gender", "女", "F"], ["gender", "m", "M"], ["gender", "Female", "F"],
    ["clientRisk", "C1", "C1"], ["clientRisk", "保守", "C1"], ["clientRisk", "保守型", "C1"],
    ["clientRisk", "稳健", "C2"], ["clientRisk", "稳健型", "C2"], ["clientRisk", "穩健型", "C2"],
    ["clientRisk", "平衡型", "C3"], ["clientRisk", "成长", "C4"], ["clientRisk", "成長型", "C4"],
    ["clientRisk", "进取型", "C5"], ["clientRisk", "進取", "C5"], ["clientRisk", "積極型", "C5"], ["clientRisk", "aggressive", "C5"],
    ["clientRisk", "3", "C3"],
    ["productRisk", "R1", "R1"], ["productRisk", "r5", "R5"], ["productRisk", "中高风险", "R4"], ["productRisk", "2", "R2"],
    ["assetClass", "存款", "Deposit"], ["assetClass", "理财", "WealthProduct"], ["assetClass", "理財", "WealthProduct"],
    ["assetClass", "基金", "Fund"], ["assetClass", "债券", "Bond"], ["assetClass", "債券", "Bond"], ["assetClass", "股票", "Stock"],
    ["assetClass", "保险", "Insurance"], ["assetClass", "保險", "Insurance"], ["assetClass", "房产", "Property"], ["assetClass", "房產", "Property"],
    ["assetClass", "贷款", "Loan"], ["assetClass", "貸款", "Loan"], ["assetClass", "其他", "Other"],
    ["assetClass", "Wealth Product", "WealthProduct"], ["assetClass", "wealthproduct", "WealthProduct"], ["assetClass", "Loan", "Loan"],
    ["policyType", "寿险", "Life"], ["policyType", "壽險", "Life"], ["policyType", "重疾", "CriticalIllness"], ["policyType", "Critical Illness", "CriticalIllness"],
    ["policyType", "医疗", "Medical"], ["policyType", "醫療", "Medical"], ["policyType", "意外", "Accident"], ["policyType", "年金", "Annuity"],
    ["policyType", "教育金", "Education"], ["policyType", "其他", "Other"],
    ["relation", "配偶", "Spouse"], ["relation", "子女", "Child"], ["relation", "父母", "Parent"], ["relation", "其他", "Other"], ["relation", "wife", "Spouse"],
    ["cadence", "月度", "Monthly"], ["cadence", "季度", "Quarterly"], ["cadence", "半年", "Semiannual"], ["cadence", "半年度", "Semiannual"],
    ["cadence", "年度", "Annual"], ["cadence", "semiannual", "Semiannual"], ["cadence", "semi-annual", "Semiannual"],
    ["cadence", "Half-Yearly", "Semiannual"], ["cadence", "quarterly", "Quarterly"], ["cadence", "Annual", "Annual"],
    ["maritalStatus", "未婚", "Single"], ["maritalStatus", "已婚", "Married"], ["maritalStatus", "离异", "Divorced"], ["maritalStatus", "離婚", "Divorced"],
    ["maritalStatus", "丧偶", "Widowed"], ["maritalStatus", "喪偶", "Widowed"], ["maritalStatus", "widowed", "Widowed"],
    ["policyStatus", "有效", "InForce"], ["policyStatus", "失效", "Lapsed"], ["policyStatus", "满期", "Matured"], ["policyStatus", "滿期", "Matured"],
    ["policyStatus", "In Force", "InForce"],
    ["channel", "T", "T"], ["channel", "e", "E"], ["channel", "M", "M"], ["channel", "电话", "T"], ["channel", "電話", "T"],
    ["channel", "邮件", "E"], ["channel", "郵件", "E"], ["channel", "面谈", "M"], ["channel", "面談", "M"],
    ["channel", "phone", "T"], ["channel", "E-mail", "E"], ["channel", "meeting", "M"],
    ["tier", "a", "A"], ["tier", "B", "B"], ["tier", "C", "C"],
    ["yesNo", "是", "Yes"], ["yesNo", "否", "No"], ["yesNo", "Y", "Yes"], ["yesNo", "n", "No"], ["yesNo", "TRUE", "Yes"],
    ["yesNo", "false", "No"], ["yesNo", "1", "Yes"], ["yesNo", "0", "No"], ["yesNo", "√", "Yes"],
    ["institution", "本行", THIS_BANK], ["institution", "This bank", THIS_BANK], ["institution", "thisbank", THIS_BANK],
    ["language", "zh-CN", "zh-CN"], ["language", "繁體中文", "zh-TW"], ["language", "English", "en-US"],
    ["currency", "人民币", "CNY"], ["currency", "新臺幣", "TWD"], ["currency", "HK$", "HKD"], ["currency", "usd", "USD"],
  ];
  test.each(cases)("%s %s → %s", (list, raw, code) => expect(parseCode(list, raw)).toBe(code));
});

// Issue 12: the spellings managers use — 谨慎型/保守型, 稳健型, 平衡型, 成长型, 激进型/进取型 for C1–C5; PR1–PR5,
// RR1–RR5, "R5级", 低/中低/中/中高/高风险 for R1–R5 (简体 and 繁體). The book and RM.* read them from one list
// (src/domain/suitability.ts); the property below holds the two readers to each other.
describe("risk levels as managers and bank systems write them", () => {
  const cases: [CodeListKey, string, string][] = [
    ["clientRisk", "谨慎型", "C1"], ["clientRisk", "謹慎型", "C1"], ["clientRisk", "谨慎", "C1"], ["clientRisk", "保守型", "C1"],
    ["clientRisk", "稳健型", "C2"], ["clientRisk", "穩健型", "C2"], ["clientRisk", "平衡型", "C3"], ["clientRisk", "成长型", "C4"],
    ["clientRisk", "成長型", "C4"], ["clientRisk", "激进型", "C5"], ["clientRisk", "激進型", "C5"], ["clientRisk", "进取型", "C5"],
    ["clientRisk", "進取型", "C5"],
    ["productRisk", "PR1", "R1"], ["productRisk", "pr5", "R5"], ["productRisk", "RR3", "R3"], ["productRisk", "R5级", "R5"],
    ["productRisk", "R4級", "R4"], ["productRisk", "PR2级", "R2"], ["productRisk", "低风险", "R1"], ["productRisk", "中低风险", "R2"],
    ["productRisk", "中风险", "R3"], ["productRisk", "中高風險", "R4"], ["productRisk", "高風險", "R5"], ["productRisk", "中低", "R2"],
    ["productRisk", "高风险等级", "R5"], ["productRisk", "low risk", "R1"],
  ];
  test.each(cases)("%s %s → %s", (list, raw, code) => expect(parseCode(list, raw)).toBe(code));
  test("the book and RM.* read every spelling the same way", () => {
    for (const [c, list] of Object.entries(CLIENT_RISK_SPELLINGS)) {
      for (const x of list) expect([x, parseCode("clientRisk", x)]).toEqual([x, c]);
      for (const x of list) expect([x, parseClientRisk(x)]).toEqual([x, { ok: true, value: c }]);
    }
    for (const [r, list] of Object.entries(PRODUCT_RISK_SPELLINGS)) {
      for (const x of list) expect([x, parseCode("productRisk", x)]).toEqual([x, r]);
      for (const x of list) expect([x, parseProductRisk(x)]).toEqual([x, { ok: true, value: r }]);
    }
  });
});

describe("reading ignores case, spaces and full-width forms", () => {
  test.each([
    ["clientRisk", " c 3 ", "C3"],
    ["clientRisk", "Ｃ３", "C3"],
    ["productRisk", "ｒ２", "R2"],
    ["cadence", "ＳＥＭＩ－ＡＮＮＵＡＬ", "Semiannual"],
    ["channel", "ｔ", "T"],
    ["assetClass", " 理 财 ", "WealthProduct"],
    ["yesNo", "ＹＥＳ", "Yes"],
    ["institution", "ＴＨＩＳ　ＢＡＮＫ", THIS_BANK],
  ] as [CodeListKey, string, string][])("%s %j → %s", (list, raw, code) => expect(parseCode(list, raw)).toBe(code));
});

describe("unknown values are not guessed", () => {
  test.each([
    ["clientRisk", "C6"], ["clientRisk", ""], ["clientRisk", "保守进取"], ["clientRisk", "谨慎型型"], ["productRisk", "C1"], ["productRisk", "PR6"], ["productRisk", "R5级级"], ["assetClass", "黄金期货"],
    ["cadence", "weekly"], ["channel", "微信"], ["yesNo", "maybe"], ["institution", "招商银行"], ["gender", "X"], ["tier", "D"],
  ] as [CodeListKey, string][])("%s %j", (list, raw) => expect(parseCode(list, raw)).toBeUndefined());
});

describe("labels for cells and validation dropdowns", () => {
  test("asset classes in the three languages", () => {
    expect(codeLabels("assetClass", "zh-CN")).toEqual(["存款", "理财", "基金", "债券", "股票", "保险", "房产", "贷款", "其他"]);
    expect(codeLabels("assetClass", "zh-TW")).toEqual(["存款", "理財", "基金", "債券", "股票", "保險", "房產", "貸款", "其他"]);
    expect(codeLabels("assetClass", "en-US")).toEqual(["Deposit", "Wealth product", "Fund", "Bond", "Stock", "Insurance", "Property", "Loan", "Other"]);
  });
  test("policy types, statuses, marital status, relations, cadences", () => {
    expect(codeLabels("policyType", "zh-CN")).toEqual(["寿险", "重疾", "医疗", "意外", "年金", "教育金", "其他"]);
    expect(codeLabels("policyType", "zh-TW")).toEqual(["壽險", "重疾", "醫療", "意外", "年金", "教育金", "其他"]);
    expect(codeLabels("policyStatus", "zh-TW")).toEqual(["有效", "失效", "滿期"]);
    expect(codeLabels("policyStatus", "en-US")).toEqual(["In force", "Lapsed", "Matured"]);
    expect(codeLabels("maritalStatus", "zh-CN")).toEqual(["未婚", "已婚", "离异", "丧偶"]);
    expect(codeLabels("maritalStatus", "zh-TW")).toEqual(["未婚", "已婚", "離婚", "喪偶"]);
    expect(codeLabels("relation", "en-US")).toEqual(["Spouse", "Child", "Parent", "Other"]);
    expect(codeLabels("cadence", "zh-CN")).toEqual(["月度", "季度", "半年", "年度"]);
    expect(codeLabels("cadence", "en-US")).toEqual(["Monthly", "Quarterly", "Semi-annual", "Annual"]);
  });
  test("codes that read the same everywhere", () => {
    for (const lang of LANGS) {
      expect(codeLabels("clientRisk", lang)).toEqual(["C1", "C2", "C3", "C4", "C5"]);
      expect(codeLabels("productRisk", lang)).toEqual(["R1", "R2", "R3", "R4", "R5"]);
      expect(codeLabels("channel", lang)).toEqual(["T", "E", "M"]);
      expect(codeLabels("tier", lang)).toEqual(["A", "B", "C"]);
    }
  });
  test("yes/no, gender and this bank", () => {
    expect(codeLabels("yesNo", "zh-CN")).toEqual(["是", "否"]);
    expect(codeLabels("yesNo", "zh-TW")).toEqual(["是", "否"]);
    expect(codeLabels("yesNo", "en-US")).toEqual(["Yes", "No"]);
    expect(codeLabels("gender", "zh-TW")).toEqual(["男", "女"]);
    expect(codeLabels("gender", "en-US")).toEqual(["Male", "Female"]);
    expect(codeLabel("institution", THIS_BANK, "zh-CN")).toBe("本行");
    expect(codeLabel("institution", THIS_BANK, "en-US")).toBe("This bank");
  });
  test("a code that is not in the list is a programming error", () => {
    expect(() => codeLabel("tier", "D" as "A", "zh-CN")).toThrow(/not a code of tier/);
  });
});
