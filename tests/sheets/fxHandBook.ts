/**
 * The hand-checked client of issue #16 (tests/domain/fx.test.ts works its figures by hand): a CNY book; 李建国 holds
 * CNY 101,000, USD 10,150 (rate 7.10) and HKD 55,000 (rate 0.91) today and a new CNY wealth product of 20,000; at the
 * review of 31 March 2025 he held CNY 100,000, USD 10,000 (7.20, the rate on that date) and HKD 50,000 (0.92, the
 * Rate recorded with the review). Shared by the review-sheet tests and the LibreOffice interop test.
 */
import { emptyBook, type Book } from "../../src/domain/types";

export const FX_AS_OF = "2025-06-30";
export const FX_PREV = "2025-03-31";

export function handCurrencyBook(): Book {
  const b = emptyBook({ currency: "CNY" });
  b.clients = [{ clientId: "C1", name: "李建国" }];
  b.rates = [
    { currency: "USD", rate: 7.2, date: "2025-03-31" },
    { currency: "USD", rate: 7.1, date: "2025-06-30" },
    { currency: "HKD", rate: 0.92, date: "2025-03-28" }, // a Friday fixing, used for the 31 March review
    { currency: "HKD", rate: 0.91, date: "2025-06-30" },
    { currency: "USD", rate: 9.99, date: "2025-07-01" }, // after the as-of date: never used
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C1", assetClass: "Deposit", productName: "人民币定期", institution: "ThisBank", amount: 101000 },
    { holdingId: "H2", clientId: "C1", assetClass: "Deposit", productName: "美元定期", institution: "ThisBank", amount: 10150, currency: "USD" },
    { holdingId: "H3", clientId: "C1", assetClass: "Fund", productName: "港币基金", institution: "汇丰", amount: 55000, currency: "HKD" },
    { holdingId: "H4", clientId: "C1", assetClass: "WealthProduct", productName: "稳健理财", institution: "ThisBank", amount: 20000, startDate: "2025-05-31" },
  ];
  b.reviews = [
    { clientId: "C1", reviewDate: FX_PREV, holdingId: "H1", assetClass: "Deposit", amount: 100000 },
    { clientId: "C1", reviewDate: FX_PREV, holdingId: "H2", assetClass: "Deposit", amount: 10000, currency: "USD" },
    { clientId: "C1", reviewDate: FX_PREV, holdingId: "H3", assetClass: "Fund", amount: 50000, currency: "HKD", rate: 0.92 },
  ];
  return b;
}
