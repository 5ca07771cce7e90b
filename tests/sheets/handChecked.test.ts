/**
 * Hand-checked figures for two clients of the shipped 40-client sample (sampleBook("2026-11-23"), zh-CN), in its
 * single-currency form (generateBook foreign: false — every amount in CNY, as the sample was before currencies; in the
 * full sample C0008's 理财 is a USD product). Currency effects are hand-checked in tests/domain/fx.test.ts and
 * tests/sample/currencies.test.ts.
 * Every expected number below was worked out by hand from the sample's raw rows (quoted first, so a change in
 * the generator shows here before it shows as a wrong figure); the arithmetic is in the comments. None of it
 * calls the domain function that the sheet itself relies on.
 */
import { recordReview } from "../../src/domain/recordReview";
import type { Book } from "../../src/domain/types";
import { generateBook, SAMPLE_CLIENTS, SAMPLE_SEED } from "../../src/sample";
import { assetReview, coverage, profileList, reviewLayout, COVERAGE_COLUMNS as CV, PROFILE_COLUMNS as P } from "../../src/sheets";
import { at, formula, rowWhere, rowsWhere, shown } from "./helpers";

const AS_OF = "2026-11-23";
const book = generateBook({ clients: SAMPLE_CLIENTS, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN", foreign: false });
const lang = "zh-CN" as const;

const rawHoldings = (b: Book, id: string) => b.holdings.filter((h) => h.clientId === id).map((h) => [h.holdingId, h.assetClass, h.institution, h.amount]);
const rawReview = (b: Book, id: string, date: string) =>
  b.reviews.filter((r) => r.clientId === id && r.reviewDate === date).map((r) => [r.holdingId, r.assetClass, r.amount, r.netFlow]);

/** The row of a holding (by product name) in a review sheet. */
function holdingRow(s: ReturnType<typeof assetReview>, product: string): number {
  return rowWhere(s, 2, product);
}

describe("C0008 李安 — single, lawyer, C1; two bank products and a car loan at another bank", () => {
  test("the raw rows this page was worked from", () => {
    expect(book.clients.find((c) => c.clientId === "C0008")).toMatchObject({ name: "李安", annualIncome: 310000, maritalStatus: "Single", children: 0 });
    expect(rawHoldings(book, "C0008")).toEqual([
      ["H00062", "Deposit", "ThisBank", 87184.74],
      ["H00063", "WealthProduct", "ThisBank", 85672.07],
      ["H00064", "Loan", "中信银行", 201746.2],
    ]);
    expect(rawReview(book, "C0008", "2026-04-28")).toEqual([["H00062", "Deposit", 66150.51, 9700], ["H00063", "WealthProduct", 85544.93, 0]]);
    expect(rawReview(book, "C0008", "2026-07-28")).toEqual([["H00062", "Deposit", 115448.04, 49000], ["H00063", "WealthProduct", 85643.29, 0]]);
    expect(rawReview(book, "C0008", "2026-10-28")).toEqual([
      ["H00062", "Deposit", 87073.02, -28900], ["H00063", "WealthProduct", 85772.08, 0], ["H00064", "Loan", 204878.56, undefined],
    ]);
    expect(book.family.filter((f) => f.clientId === "C0008").map((f) => [f.name, f.relation])).toEqual([["李承", "Parent"], ["卢晴", "Parent"]]);
    expect(book.policies.filter((p) => p.clientId === "C0008").map((p) => [p.insured, p.policyType, p.sumInsured, p.annualPremium, p.criticalIllness, p.status]))
      .toEqual([["李安", "Medical", 2000000, 1426, false, "InForce"], ["李安", "Accident", 500000, 221, false, "InForce"]]);
  });

  test("profile: assets 87,184.74 + 85,672.07 = 172,856.81 here, 0 elsewhere; net worth 172,856.81 − 201,746.20 = −28,889.39", () => {
    const s = profileList(book, { asOf: AS_OF, lang });
    const r = rowWhere(s, 1, "C0008");
    expect(at(s, r, P.assetsThisBank)).toBeCloseTo(172856.81, 6);
    expect(at(s, r, P.assetsOther)).toBe(0);
    expect(at(s, r, P.liabilities)).toBeCloseTo(201746.2, 6);
    expect(shown(at(s, r, P.netWorth))).toBeCloseTo(-28889.39, 6);
    expect(at(s, r, P.family)).toBe("父母 李承 73岁（退休）；父母 卢晴 71岁（退休）");
  });

  const s = assetReview(book, { asOf: AS_OF, lang, clientId: "C0008" });
  const L = reviewLayout(book, { asOf: AS_OF, lang, clientId: "C0008" });

  test("allocation: 存款 87,184.74 / 172,856.81 = 50.44 %, 理财 85,672.07 / 172,856.81 = 49.56 %; loans apart", () => {
    expect(L.summaryLast - L.summaryFirst + 1).toBe(2);
    expect(at(s, L.summaryFirst, 1)).toBe("存款");
    expect(shown(at(s, L.summaryFirst, 2))).toBeCloseTo(87184.74, 6);
    expect(shown(at(s, L.summaryFirst, 3))).toBeCloseTo(0.5043755001610871, 12);
    expect(at(s, L.summaryFirst + 1, 1)).toBe("理财");
    expect(shown(at(s, L.summaryFirst + 1, 3))).toBeCloseTo(0.49562449983891294, 12);
    expect(shown(at(s, 6, 2))).toBeCloseTo(172856.81, 6); // 总资产
    expect(shown(at(s, 7, 2))).toBeCloseTo(201746.2, 6); // 负债 (the car loan)
    expect(shown(at(s, 8, 2))).toBeCloseTo(-28889.39, 6); // 净资产
  });

  test("changes since 2026-10-28: 87,184.74 − 87,073.02 = +111.72 (+0.128 %); 85,672.07 − 85,772.08 = −100.01 (−0.117 %); loan −3,132.36", () => {
    const dep = holdingRow(s, "活期存款");
    expect(at(s, dep, 7)).toBe(87073.02);
    expect(shown(at(s, dep, 8))).toBeCloseTo(111.72, 6);
    expect(shown(at(s, dep, 9))).toBeCloseTo(111.72 / 87073.02, 12); // 0.0012830610…
    const wmp = holdingRow(s, "天天利现金管理类理财");
    expect(shown(at(s, wmp, 8))).toBeCloseTo(-100.01, 6);
    expect(shown(at(s, wmp, 9))).toBeCloseTo(-0.0011659971403281, 12);
    const loan = holdingRow(s, "汽车贷款");
    expect(at(s, loan, 3)).toBe("中信银行");
    expect(shown(at(s, loan, 8))).toBeCloseTo(-3132.36, 6);
    // Total assets: 172,856.81 − (87,073.02 + 85,772.08 = 172,845.10) = +11.71, simple change 11.71 / 172,845.10.
    expect(shown(at(s, 7, 6))).toBeCloseTo(11.71, 6);
    expect(shown(at(s, 6, 6))).toBeCloseTo(6.774852165315564e-5, 14);
    expect(at(s, 6, 7)).toBe("简单变动");
  });

  test("Modified Dietz per review period from the recorded net flows (flow at mid-period, weight ½)", () => {
    const row = (date: string) => rowWhere(s, 1, date);
    // 2026-07-28 → 2026-10-28: BV = 115,448.04 + 85,643.29 = 201,091.33; EV = 87,073.02 + 85,772.08 = 172,845.10;
    // CF = −28,900 + 0 = −28,900. R = (172,845.10 − 201,091.33 + 28,900) / (201,091.33 − ½·28,900)
    //   = 653.77 / 186,641.33 = 0.0035028147…
    const oct = row("2026-10-28");
    expect(at(s, oct, 2)).toBeCloseTo(172845.1, 6);
    expect(at(s, oct, 3)).toBe(-28900);
    expect(at(s, oct, 4)).toBe(-14450); // Σ wᵢ·CFᵢ = ½ · −28,900
    expect(shown(at(s, oct, 5))).toBeCloseTo(653.77 / 186641.33, 10);
    expect(shown(at(s, oct, 5))).toBeCloseTo(0.003502814730263756, 12);
    expect(at(s, oct, 6)).toBe("修正迪茨法");
    // 2026-04-28 → 2026-07-28: BV = 66,150.51 + 85,544.93 = 151,695.44; EV = 201,091.33; CF = 49,000.
    // R = (201,091.33 − 151,695.44 − 49,000) / (151,695.44 + 24,500) = 395.89 / 176,195.44 = 0.0022468799…
    expect(shown(at(s, row("2026-07-28"), 5))).toBeCloseTo(0.002246879941955279, 12);
  });

  test("coverage: need = 201,746.20 (car loan) + 310,000 × 10 + 0 children = 3,301,746.20; no life or CI cover", () => {
    const c = coverage(book, { asOf: AS_OF, lang });
    const r = rowsWhere(c, 1, "C0008")[0];
    expect(at(c, r, CV.loans)).toBeCloseTo(201746.2, 6); // 贷款
    expect(shown(at(c, r, CV.lifeNeed))).toBeCloseTo(3301746.2, 6); // 寿险需求
    expect(shown(at(c, r, CV.lifeCover))).toBe(0); // 本人寿险保额
    expect(shown(at(c, r, CV.lifeGap))).toBeCloseTo(3301746.2, 6); // 寿险缺口
    expect(shown(at(c, r, CV.ciNeed))).toBe(1550000); // 重疾需求 = 5 × 310,000
    expect(shown(at(c, r, CV.ciGap))).toBe(1550000); // 重疾缺口
    expect(shown(at(c, r, CV.accidentCover))).toBe(500000); // 意外
    expect(shown(at(c, r, CV.premiumRatio))).toBeCloseTo((1426 + 221) / 310000, 14); // 1,647 / 310,000 = 0.53 %
    expect(at(c, r, CV.uncovered)).toBe("父母 李承、父母 卢晴");
    expect(at(c, r, CV.flags)).toBe("无重疾保障；寿险保额低于年收入的10倍");
  });
});

describe("C0002 郭婷 — married, no children; property, gold and bank products; a CI policy", () => {
  test("the raw rows this page was worked from", () => {
    expect(book.clients.find((c) => c.clientId === "C0002")).toMatchObject({ name: "郭婷", annualIncome: 320000, maritalStatus: "Married", children: 0 });
    expect(rawHoldings(book, "C0002")).toEqual([
      ["H00021", "Deposit", "ThisBank", 59720.65],
      ["H00022", "Other", "ThisBank", 82847.52],
      ["H00023", "WealthProduct", "招商银行", 32663.67],
      ["H00024", "Property", "自有", 6940000],
    ]);
    expect(rawReview(book, "C0002", "2026-09-11")).toEqual([
      ["H00021", "Deposit", 59506.04, undefined], ["H00022", "Other", 82008.64, undefined],
      ["H00023", "WealthProduct", 32596.87, undefined], ["H00024", "Property", 6915435.7, undefined],
    ]);
    expect(book.policies.filter((p) => p.clientId === "C0002").map((p) => [p.insured, p.policyType, p.sumInsured, p.annualPremium, p.status]))
      .toEqual([["郭婷", "CriticalIllness", 300000, 10080, "InForce"], ["郭婷", "Medical", 4000000, 2173, "InForce"]]);
  });

  test("profile: here 59,720.65 + 82,847.52 = 142,568.17; elsewhere 32,663.67; own home 6,940,000 apart; net worth 7,115,231.84", () => {
    // Financial vs non-financial per SNA 2008 ch. 13 (src/domain/allocation.ts): the 自有 home is not 他行.
    const s = profileList(book, { asOf: AS_OF, lang });
    const r = rowWhere(s, 1, "C0002");
    expect(at(s, r, P.assetsThisBank)).toBeCloseTo(142568.17, 6);
    expect(at(s, r, P.assetsOther)).toBeCloseTo(32663.67, 6);
    expect(at(s, r, P.nonFinancial)).toBe(6940000);
    expect(at(s, r, P.liabilities)).toBe(0);
    expect(shown(at(s, r, P.netWorth))).toBeCloseTo(7115231.84, 6);
    // Wallet share = 142,568.17 / (142,568.17 + 32,663.67) = 142,568.17 / 175,231.84 = 81.36 %.
    expect(shown(at(s, r, P.walletShare))).toBeCloseTo(142568.17 / 175231.84, 10);
  });

  const s = assetReview(book, { asOf: AS_OF, lang, clientId: "C0002" });
  const L = reviewLayout(book, { asOf: AS_OF, lang, clientId: "C0002" });

  test("allocation of 7,115,231.84: 房产 6,940,000 = 97.54 %, 其他 82,847.52 = 1.16 %, 存款 59,720.65 = 0.84 %, 理财 32,663.67 = 0.46 %", () => {
    const rows = Array.from({ length: L.summaryLast - L.summaryFirst + 1 }, (_, i) => L.summaryFirst + i);
    expect(rows.map((r) => at(s, r, 1))).toEqual(["房产", "其他", "存款", "理财"]);
    const shares = rows.map((r) => shown(at(s, r, 3)) as number);
    [0.9753722937016766, 0.01164368524638264, 0.00839335264724136, 0.004590668404699515].forEach((x, i) => expect(shares[i]).toBeCloseTo(x, 12));
    expect(shown(at(s, L.summaryTotalRow, 2))).toBeCloseTo(7115231.84, 6);
  });

  test("changes since 2026-09-11 (no holding came or went, no flow entered → simple change): +25,684.59 on 7,089,547.25 = +0.3623 %", () => {
    // Re-checked by hand after the sample's home was made to move less (issue 12): previous total
    // 59,506.04 + 82,008.64 + 32,596.87 + 6,915,435.70 = 7,089,547.25; 7,115,231.84 − 7,089,547.25 = 25,684.59;
    // 25,684.59 / 7,089,547.25 = 0.0036228816 (no flow: the simple change is the return, Modified Dietz without flows).
    expect(shown(at(s, 7, 6))).toBeCloseTo(25684.59, 6);
    expect(shown(at(s, 6, 6))).toBeCloseTo(25684.59 / 7089547.25, 12); // 0.0036228816…
    expect(at(s, 6, 7)).toBe("简单变动");
    // 自住房 6,940,000 − 6,915,435.70 = 24,564.30
    const expected: [string, number][] = [["活期存款", 214.61], ["积存金", 838.88], ["安鑫半年定开理财", 66.8], ["自住房（徐汇区）", 24564.3]];
    for (const [product, change] of expected) expect(shown(at(s, holdingRow(s, product), 8))).toBeCloseTo(change, 6);
  });

  test("after recording today's review with +30,000 into the 理财: Modified Dietz since the last review", () => {
    const rows = recordReview(book, "C0002", AS_OF, new Map([["H00023", 30000]]));
    if (!rows.ok) throw new Error(rows.error.message["en-US"]);
    const recorded: Book = { ...book, reviews: [...book.reviews, ...rows.value] };
    const r = assetReview(recorded, { asOf: AS_OF, lang, clientId: "C0002" });
    // BV = 7,089,547.25, EV = 7,115,231.84, CF = 30,000 mid-period (weight ½):
    // R = (7,115,231.84 − 7,089,547.25 − 30,000) / (7,089,547.25 + 15,000) = −4,315.41 / 7,104,547.25 = −0.060742 %
    expect(shown(at(r, 6, 6))).toBeCloseTo(-4315.41 / 7104547.25, 12);
    expect(shown(at(r, 6, 6))).toBeCloseTo(-0.0006074152015809522, 12);
    expect(at(r, 6, 7)).toBe("修正迪茨法");
    // The review recorded today is today's point, not an extra bar.
    expect(r.charts![1].values).toBe(s.charts![1].values);
  });

  test("coverage: need 320,000 × 10 = 3,200,000, no life cover → gap 3,200,000; CI 300,000 of 5 × 320,000 → gap 1,300,000", () => {
    const c = coverage(book, { asOf: AS_OF, lang });
    const r = rowsWhere(c, 1, "C0002")[0];
    expect(shown(at(c, r, CV.lifeNeed))).toBe(3200000);
    expect(shown(at(c, r, CV.lifeGap))).toBe(3200000);
    expect(shown(at(c, r, CV.ciCover))).toBe(300000);
    expect(shown(at(c, r, CV.ciNeed))).toBe(1600000);
    expect(shown(at(c, r, CV.ciGap))).toBe(1300000);
    expect(shown(at(c, r, CV.premiumRatio))).toBeCloseTo(12253 / 320000, 14); // (10,080 + 2,173) / 320,000 = 3.83 %
    expect(at(c, r, CV.uncovered)).toBe("配偶 游彦晨");
    expect(at(c, r, CV.flags)).toBe("寿险保额低于年收入的10倍");
    expect(formula(c, `AB${r}`).f).toBe(`=MAX(0,$AA${r}-$V${r})`); // CI gap = CI need − own CI cover
  });
});
