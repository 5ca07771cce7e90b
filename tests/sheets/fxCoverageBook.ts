/**
 * The hand book of the coverage sheet with currencies (tests/sheets/fxCoverage.test.ts works its figures by hand):
 * the CNY hand book of issue #16 (tests/sheets/fxHandBook.ts, USD 7.10 on 30 June 2025) where 李建国 (income 500,000)
 * holds a USD life policy (100,000, premium 1,200, CI rider 50,000) and a CNY critical-illness policy (300,000,
 * premium 6,000). Shared by the sheet test and the LibreOffice interop test.
 */
import type { Book, Policy } from "../../src/domain/types";
import { handCurrencyBook } from "./fxHandBook";

export function usdPolicyBook(): Book {
  const b = handCurrencyBook();
  b.clients[0].annualIncome = 500000;
  const base = { clientId: "C1", insured: "李建国", insurer: "友邦", startDate: "2020-01-01", status: "InForce" } as const;
  b.policies = [
    { ...base, policyId: "P1", policyType: "Life", productName: "美元终身寿险", sumInsured: 100000, annualPremium: 1200, criticalIllness: true, criticalIllnessSum: 50000, currency: "USD" },
    { ...base, policyId: "P2", policyType: "CriticalIllness", insurer: "平安人寿", productName: "重疾险", sumInsured: 300000, annualPremium: 6000, criticalIllness: true },
  ] as Policy[];
  return b;
}
