import { formatRowError } from "../../src/book/errors";
import type { RowError, RowErrorCode } from "../../src/book/errors";
import { LANGS } from "../../src/domain/types";

const birthday: RowError = { table: "clients", sheet: "客户", row: 12, column: "生日", columnIndex: 3, value: "2024/13/40", code: "badDate" };

test("a bad date in the three languages", () => {
  expect(formatRowError(birthday, "zh-CN")).toBe("「客户」第 12 行「生日」：“2024/13/40” 不是有效日期（可填 2024-03-05、2024/3/5 或 2024年3月5日）");
  expect(formatRowError({ ...birthday, sheet: "客戶" }, "zh-TW")).toBe("「客戶」第 12 列「生日」：“2024/13/40” 不是有效日期（可填 2024-03-05、2024/3/5 或 2024年3月5日）");
  expect(formatRowError({ ...birthday, sheet: "Clients", column: "Birthday" }, "en-US")).toBe(
    'Clients, row 12, Birthday: "2024/13/40" is not a valid date (use 2024-03-05, 2024/3/5 or 20240305)',
  );
});

test("a bad code lists the allowed values in the message language", () => {
  const e: RowError = { table: "holdings", sheet: "资产", row: 5, column: "资产类别", value: "黄金", code: "badCode", params: { list: "assetClass" } };
  expect(formatRowError(e, "zh-CN")).toBe("「资产」第 5 行「资产类别」：“黄金” 不是可选值，请填写：存款、理财、基金、债券、股票、保险、房产、贷款、其他");
  expect(formatRowError(e, "zh-TW")).toContain("請填寫：存款、理財、基金、債券、股票、保險、房產、貸款、其他");
  expect(formatRowError(e, "en-US")).toContain("is not one of: Deposit, Wealth product, Fund, Bond, Stock, Insurance, Property, Loan, Other");
});

test("a missing column names the columns in the message language, with no row column", () => {
  const e: RowError = { table: "holdings", sheet: "Holdings", row: 1, code: "missingColumns", params: { columns: "Institution,Amount" } };
  expect(formatRowError(e, "zh-CN")).toBe("「Holdings」第 1 行：缺少必填列：机构、金额，此表未读入");
  expect(formatRowError(e, "zh-TW")).toBe("「Holdings」第 1 列：缺少必填欄位：機構、金額，此表未讀入");
  expect(formatRowError(e, "en-US")).toBe("Holdings, row 1: required columns missing: Institution, Amount; the table was not loaded");
});

test("references to other rows and sheets", () => {
  const dup: RowError = { table: "clients", sheet: "客户", row: 9, column: "客户编号", value: "C0001", code: "duplicateId", params: { firstRow: 4 } };
  expect(formatRowError(dup, "zh-CN")).toBe("「客户」第 9 行「客户编号」：编号 “C0001” 与第 4 行重复（编号不分大小写和全角半角）");
  const rejected: RowError = { table: "family", sheet: "家庭成員", row: 3, column: "客戶編號", value: "C7", code: "clientRejected", params: { clientRow: 8, clientSheet: "客戶" } };
  expect(formatRowError(rejected, "zh-TW")).toBe("「家庭成員」第 3 列「客戶編號」：客戶 “C7” 所在的「客戶」第 8 列有錯誤，請先修正該列");
  const unknown: RowError = { table: "holdings", sheet: "Holdings", row: 3, column: "Client ID", value: "C404", code: "unknownClient", params: { clientSheet: "Clients" } };
  expect(formatRowError(unknown, "en-US")).toBe('Holdings, row 3, Client ID: client "C404" is not in the Clients table');
});

test("long values are shortened", () => {
  const e: RowError = { ...birthday, value: "x".repeat(100) };
  expect(formatRowError(e, "en-US")).toContain(`"${"x".repeat(40)}…"`);
});

test("every code has a sentence in every language, with every parameter filled", () => {
  const codes: [RowErrorCode, Record<string, string | number>][] = [
    ["required", {}], ["cellError", {}], ["badDate", {}], ["badAmount", {}], ["badInt", {}], ["badNumber", {}],
    ["badCode", { list: "cadence" }], ["badBool", {}], ["negative", {}], ["outOfRange", { min: 0, max: 1 }],
    ["futureBirthday", { asOf: "2025-03-01" }], ["maturityBeforeStart", { start: "2024-01-01" }], ["duplicateId", { firstRow: 2 }],
    ["duplicateReview", { firstRow: 2, date: "2024-12-31" }], ["unknownClient", { clientSheet: "客户" }],
    ["clientRejected", { clientRow: 3, clientSheet: "客户" }], ["missingColumns", { columns: "ClientId" }],
    ["duplicateColumn", { first: "姓名" }], ["unknownSetting", {}], ["duplicateSetting", { firstRow: 2 }],
  ];
  const seen = new Set<string>();
  for (const [code, params] of codes) {
    for (const lang of LANGS) {
      const s = formatRowError({ table: "clients", sheet: "S", row: 7, column: "C", value: "v", code, params }, lang);
      expect(s).not.toMatch(/undefined|NaN|\[object/);
      expect(s.length).toBeGreaterThan(12);
      if (lang !== "en-US") expect(s).toMatch(/[\u4e00-\u9fff]/);
      seen.add(`${lang}:${s}`);
    }
  }
  expect(seen.size).toBe(codes.length * 3); // no two messages alike
});
