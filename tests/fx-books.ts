/**
 * Books for the tests of issue #16's conversions (tests/domain/fxConverted.test.ts, tests/excel/clientRead.test.ts):
 * three clients of a CNY book, one holding in USD, whose tiers differ before and after the USD amount is converted.
 *
 * Worked by hand (Pareto tiers, docs/ARCHITECTURE.md: A while the clients ranked above hold < 80 % of assets at this
 * bank, B while < 95 %, else C; rate USD 7.10 from 2026-05-01, the latest on or before the as-of date 2026-05-15):
 * - unconverted (wrong): C1 5,000,000, C2 1,000,000, C3 400,000; total 6,400,000. C1 A (above 0 %), C2 A (above
 *   5.0/6.4 = 78.1 %), C3 B (above 6.0/6.4 = 93.75 %).
 * - in CNY: C2 1,000,000 × 7.10 = 7,100,000, C1 5,000,000, C3 400,000; total 12,500,000. C2 A (rank 1, share
 *   7.1/12.5 = 56.8 %), C1 A (above 56.8 %), C3 C (above 12.1/12.5 = 96.8 %).
 * So C3's default cadence is Semiannual (tier C), not Quarterly (tier B): reviewed and called on 2026-02-20, it is
 * due again on 2026-08-20, not 2026-05-20. C2's USD life policy (sum insured 100,000, premium 2,000 a year from
 * 2020-05-20) covers CNY 710,000 and its premium due on 2026-05-20 is CNY 14,200.
 */
import { emptyBook, type Book } from "../src/domain/types";

export const FX_AS_OF = "2026-05-15";
export const USD_RATE = 7.1;

export function threeClientBook(): Book {
  const b = emptyBook({ currency: "CNY" });
  b.clients = [
    { clientId: "C1", name: "李建国", riskLevel: "C3", riskAssessedOn: "2026-01-10" },
    { clientId: "C2", name: "陈美玲", riskLevel: "C2", riskAssessedOn: "2026-01-10" },
    { clientId: "C3", name: "王小明", riskLevel: "C3", riskAssessedOn: "2026-01-10" },
  ];
  b.rates = [
    { currency: "USD", rate: 7.3, date: "2026-01-02" },
    { currency: "USD", rate: USD_RATE, date: "2026-05-01" },
    { currency: "USD", rate: 9.99, date: "2026-06-01" }, // after the as-of date: never used
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "人民币定期", institution: "ThisBank", amount: 5_000_000 },
    // R3 fund for a C2 client: a suitability finding, its amount in CNY
    { holdingId: "H2", clientId: "C2", assetClass: "Fund", productName: "美元债基金", institution: "ThisBank", amount: 1_000_000, currency: "USD", riskLevel: "R3", maturityDate: "2026-05-25" },
    { holdingId: "H3", clientId: "C3", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 400_000 },
  ];
  b.policies = [
    { policyId: "P1", clientId: "C2", policyType: "Life", insurer: "友邦", insured: "陈美玲", sumInsured: 100_000, annualPremium: 2_000, startDate: "2020-05-20", termYears: 30, criticalIllness: false, status: "InForce", currency: "USD" },
  ];
  b.reviews = [
    { clientId: "C1", reviewDate: "2026-05-01", holdingId: "H1", assetClass: "Deposit", amount: 5_000_000 },
    { clientId: "C2", reviewDate: "2026-05-01", holdingId: "H2", assetClass: "Fund", amount: 1_000_000, currency: "USD" },
    { clientId: "C3", reviewDate: "2026-02-20", holdingId: "H3", assetClass: "Deposit", amount: 400_000 },
  ];
  b.contacts = [
    { clientId: "C1", date: "2026-05-01", channel: "T" },
    { clientId: "C2", date: "2026-05-01", channel: "T" },
    { clientId: "C3", date: "2026-02-20", channel: "T" },
  ];
  return b;
}
