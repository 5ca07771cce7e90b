/**
 * One computation of a client's balance-sheet figures (src/domain/figures.ts), checked by hand on the shipped demo
 * and held equal in the three places that show it: the profile list, the client page and the review sheet.
 *
 * Definitions: financial vs non-financial assets per the household balance sheet of SNA 2008 ch. 13 (dwellings are
 * non-financial); wallet share = financial assets at this bank ÷ all financial assets; net worth = all assets −
 * liabilities.
 */
import { clientFigures } from "../../src/domain/figures";
import { inBookCurrency } from "../../src/domain/fx";
import { bookTiers } from "../../src/domain/tiers";
import { sampleBook } from "../../src/sample";
import { assetReview, profileList, PROFILE_COLUMNS as P } from "../../src/sheets";
import { keyFigures } from "../../src/taskpane/model/keyFigures";
import { at, rowWhere, shown } from "../sheets/helpers";

const AS_OF = "2026-11-23";
const book = sampleBook(AS_OF, "zh-CN");

describe("C0001 李海浩 in the demo: the self-owned home is not an asset at another bank", () => {
  test("the raw rows the figures were worked from", () => {
    const rows = book.holdings.filter((h) => h.clientId === "C0001").map((h) => [h.assetClass, h.institution, h.amount]);
    expect(rows).toEqual([
      ["Deposit", "ThisBank", 1126121.16], ["Deposit", "ThisBank", 585000], ["Deposit", "ThisBank", 933000],
      ["WealthProduct", "ThisBank", 1153424.86], ["Fund", "ThisBank", 688473.8], ["Fund", "ThisBank", 541022.03],
      ["Bond", "ThisBank", 196200], ["Other", "ThisBank", 198238.5], ["WealthProduct", "ThisBank", 436943.27],
      ["Stock", "国泰君安证券", 595026.05], ["Deposit", "农业银行", 1908000], ["WealthProduct", "建设银行", 1631156.62],
      ["Fund", "建设银行", 1576104.19], ["Property", "自有", 19790000], ["Loan", "ThisBank", 1746374.91],
      ["Property", "自有", 580000], ["Loan", "ThisBank", 1100000],
      // the two annuities' cash values since the sample keeps a family's premiums within 20 % of income (issue 12)
      ["Insurance", "ThisBank", 143660.58], ["Insurance", "ThisBank", 95107.76],
    ]);
  });

  test("本行 6,097,191.96; 他行 5,710,286.86 (was 26,080,286.86 with the 20.37 M home); wallet share 51.64 %", () => {
    const f = clientFigures(book, "C0001", AS_OF);
    // 本行: 1,126,121.16 + 585,000 + 933,000 + 1,153,424.86 + 688,473.80 + 541,022.03 + 196,200 + 198,238.50
    //       + 436,943.27 + 143,660.58 + 95,107.76 = 6,097,191.96 (re-checked by hand after the premium cap)
    expect(f.thisBank).toBeCloseTo(6097191.96, 6);
    // 他行: 595,026.05 + 1,908,000 + 1,631,156.62 + 1,576,104.19 = 5,710,286.86
    expect(f.otherBanks).toBeCloseTo(5710286.86, 6);
    // Non-financial (自有): 19,790,000 + 580,000 = 20,370,000
    expect(f.nonFinancial).toBe(20370000);
    // Liabilities: 1,746,374.91 + 1,100,000 = 2,846,374.91
    expect(f.liabilities).toBeCloseTo(2846374.91, 6);
    // Net worth = 6,097,191.96 + 5,710,286.86 + 20,370,000 − 2,846,374.91 = 29,331,103.91
    expect(f.netWorth).toBeCloseTo(29331103.91, 6);
    // Wallet share = 6,097,191.96 / 11,807,478.82 = 0.516384
    expect(f.walletShare).toBeCloseTo(0.516384, 6);
  });
});

describe("the profile list, the client page and the review sheet show the same figures (every demo client)", () => {
  const profile = profileList(book, { asOf: AS_OF, lang: "zh-CN" });
  // The demo has USD and HKD rows: the pane computes on the book valued at the as-of rates (src/domain/fx.ts), as the
  // sheets do; clientFigures is given that valued book too.
  const valued = inBookCurrency(book, AS_OF);
  const tiers = bookTiers(valued);
  test.each(book.clients.map((c) => c.clientId))("%s", (clientId) => {
    const f = clientFigures(valued, clientId, AS_OF);
    const r = rowWhere(profile, 1, clientId);
    const page = keyFigures(valued, clientId, tiers, AS_OF)!;
    const review = assetReview(book, { asOf: AS_OF, lang: "zh-CN", clientId });
    const netWorthRow = review.cells.findIndex((row) => row[0] === "净资产") + 1;
    const shownNet = [shown(at(profile, r, P.netWorth)), page.netWorth, shown(at(review, netWorthRow, 2))] as number[];
    for (const v of shownNet) expect(v).toBeCloseTo(f.netWorth, 6);
    expect([at(profile, r, P.assetsThisBank), page.thisBank]).toEqual([f.thisBank, f.thisBank]);
    expect([at(profile, r, P.assetsOther), page.otherBanks]).toEqual([f.otherBanks, f.otherBanks]);
    expect([at(profile, r, P.nonFinancial), page.nonFinancial]).toEqual([f.nonFinancial, f.nonFinancial]);
    const walletRow = review.cells.findIndex((row) => row[0] === "本行占比（金融资产）") + 1;
    expect(walletRow).toBeGreaterThan(0);
    const onReview = shown(at(review, walletRow, 2));
    const walletShares = [shown(at(profile, r, P.walletShare)), page.walletShare ?? ""];
    for (const v of walletShares) {
      if (f.walletShare === undefined) expect(v).toBe("");
      else expect(v as number).toBeCloseTo(f.walletShare, 12);
    }
    if (f.walletShare === undefined) expect(onReview).toBe("—");
    else expect(onReview as number).toBeCloseTo(f.walletShare, 12);
  });
});
