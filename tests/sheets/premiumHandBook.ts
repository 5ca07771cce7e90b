/**
 * The hand book of the 双十 premium ratio and the coverage totals row (tests/sheets/coveragePremiumRatio.test.ts works
 * its figures by hand): 陈成铭, income 400,000, as of 2026-11-23, with a 趸交 life policy (62,850), a whole-life policy
 * paid up after 3 years (12,901 a year), a monthly CI policy (12,000 a year, 缴费中) and a one-year medical policy
 * (2,173, 缴费中). Shared by the sheet test and the LibreOffice interop test.
 */
import { emptyBook, type Book, type Policy } from "../../src/domain/types";

export const PREMIUM_AS_OF = "2026-11-23";

export function premiumHandBook(): Book {
  const b = emptyBook();
  b.clients = [{ clientId: "C0031", name: "陈成铭", annualIncome: 400_000 }];
  const base = { clientId: "C0031", insured: "陈成铭", insurer: "中国人寿", status: "InForce", criticalIllness: false } as const;
  b.policies = [
    { ...base, policyId: "P1", policyType: "Life", productName: "趸交终身寿险", sumInsured: 1_000_000, annualPremium: 62_850, premiumFrequency: "Single", startDate: "2021-08-11" },
    { ...base, policyId: "P2", policyType: "Life", productName: "终身寿险（3年交）", sumInsured: 500_000, annualPremium: 12_901, premiumFrequency: "Annual", startDate: "2021-05-15", premiumYears: 3 },
    { ...base, policyId: "P3", policyType: "CriticalIllness", productName: "重疾险（月缴）", sumInsured: 300_000, annualPremium: 12_000, premiumFrequency: "Monthly", startDate: "2020-01-31", premiumYears: 20, criticalIllness: true },
    { ...base, policyId: "P4", policyType: "Medical", productName: "百万医疗", sumInsured: 2_000_000, annualPremium: 2_173, premiumFrequency: "Annual", startDate: "2026-02-11", termYears: 1 },
  ] as Policy[];
  return b;
}
