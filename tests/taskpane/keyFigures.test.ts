import { bookTiers } from "../../src/domain/tiers";
import { emptyBook, type Book } from "../../src/domain/types";
import { keyFigures } from "../../src/taskpane/model/keyFigures";

const asOf = "2025-03-31";

function book(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C0001", name: "张伟", annualIncome: 200000, children: 1, riskLevel: "C3", riskAssessedOn: "2024-04-15", reviewCadence: "Monthly" },
    { clientId: "C0002", name: "李娜", riskLevel: "C2" },
  ];
  b.family = [
    { clientId: "C0001", name: "王芳", relation: "Spouse" },
    { clientId: "C0001", name: "张明", relation: "Child" },
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C0001", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 300000 },
    { holdingId: "H2", clientId: "C0001", assetClass: "Fund", productName: "基金", institution: "招商银行", amount: 100000 },
    { holdingId: "H3", clientId: "C0001", assetClass: "Loan", productName: "房贷", institution: "ThisBank", amount: 500000 },
    { holdingId: "H4", clientId: "C0002", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 100000 },
  ];
  b.policies = [
    { policyId: "P1", clientId: "C0001", insured: "张伟", policyType: "Life", insurer: "平安", sumInsured: 1000000, annualPremium: 5000, criticalIllness: false, status: "InForce" },
    { policyId: "P2", clientId: "C0001", insured: "王芳", policyType: "Medical", insurer: "平安", sumInsured: 10000, annualPremium: 500, criticalIllness: false, status: "InForce" },
  ];
  b.reviews = [
    { clientId: "C0001", reviewDate: "2025-01-31", holdingId: "H1", assetClass: "Deposit", amount: 250000 },
    { clientId: "C0001", reviewDate: "2025-01-31", holdingId: "H2", assetClass: "Fund", amount: 100000 },
  ];
  b.contacts = [
    { clientId: "C0001", date: "2025-03-01", channel: "T", summary: "问候" },
    { clientId: "C0001", date: "2025-03-20", channel: "M", summary: "面谈" },
  ];
  return b;
}

describe("key figures of a client", () => {
  const b = book();
  const f = keyFigures(b, "C0001", bookTiers(b), asOf)!;

  test("assets here and elsewhere, liabilities, net worth", () => {
    expect([f.thisBank, f.otherBanks, f.assets, f.liabilities, f.netWorth]).toEqual([300000, 100000, 400000, 500000, -100000]);
  });

  test("tier and its share of assets at this bank", () => {
    expect(f.tier).toBe("A");
    expect(f.tierManual).toBe(false);
    expect(f.tierShare).toBeCloseTo(0.75);
  });

  test("risk level and assessment status with its expiry", () => {
    expect(f.riskLevel).toBe("C3");
    expect(f.assessment).toBe("expiring"); // expires 2025-04-15, 15 days after asOf
    expect(f.assessmentExpires).toBe("2025-04-15");
  });

  test("next review: last review + the client's cadence, month-end clamped; overdue is negative", () => {
    expect(f.cadence).toBe("Monthly");
    expect(f.lastReview).toBe("2025-01-31");
    expect(f.nextReview).toBe("2025-02-28");
    expect(f.reviewDaysUntil).toBe(-31);
  });

  test("change since the last review is the simple change without flows", () => {
    expect(f.returnSinceLast?.measure).toBe("simple");
    expect(f.returnSinceLast?.value).toBeCloseTo(400000 / 350000 - 1, 12);
  });

  test("protection gaps from the domain's DIME need", () => {
    // need = debts 0 + 200,000 × 10 + mortgage 500,000 + 500,000 × 1 child = 3,000,000; life cover 1,000,000
    expect(f.protection).toMatchObject({ lifeNeed: 3000000, lifeGap: 2000000, criticalIllnessNeed: 1000000, criticalIllnessGap: 1000000, noCriticalIllness: true, noIncome: false });
    expect(f.protection!.uncoveredMembers).toEqual([{ name: "张明", relation: "Child" }]);
  });

  test("last contact is the latest, even one after asOf's month start", () => {
    expect(f.lastContact?.date).toBe("2025-03-20");
  });

  test("a client never reviewed is due now, with the tier's cadence", () => {
    const g = keyFigures(b, "C0002", bookTiers(b), asOf)!;
    expect(g.lastReview).toBeUndefined();
    expect(g.nextReview).toBe(asOf);
    expect(g.reviewDaysUntil).toBe(0);
    // Tier A (the client above holds 75 % < 80 %), so the tier's default cadence: monthly.
    expect(g.tier).toBe("A");
    expect(g.cadence).toBe("Monthly");
    expect(g.assessment).toBe("missing");
    expect(g.lastContact).toBeUndefined();
    expect(g.returnSinceLast).toBeUndefined();
  });

  test("an unknown client has no figures", () => {
    expect(keyFigures(b, "C0404", bookTiers(b), asOf)).toBeUndefined();
  });
});
