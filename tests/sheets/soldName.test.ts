/**
 * A holding sold since the last review and deleted from the Holdings table is shown on the review sheet by the
 * product name its review rows recorded (Reviews' ProductName), in the manager's and the client's copy; a book
 * whose review rows have no name (written before the column existed) shows the HoldingId, as before.
 */
import { decodeBook } from "../../src/book/codec";
import type { RawTable } from "../../src/book/raw";
import { writeTable } from "../../src/book/write";
import { emptyBook, THIS_BANK, type Book, type Lang } from "../../src/domain/types";
import { assetReview, clientFacingReview, reviewLayout, REVIEW_COLUMNS as H } from "../../src/sheets";
import { generateBook, SAMPLE_CLIENTS } from "../../src/sample";
import { at, rowWhere, rowsWhere, shown } from "./helpers";
import { specProblems } from "./invariants";

const AS_OF = "2026-11-23";

/** C1 held a deposit and 招银理财日日金 (H00123) at the last review; H00123 was sold and its row deleted since. */
function book(lang: Lang, named: boolean): Book {
  const b = emptyBook({ language: lang });
  b.clients = [{ clientId: "C1", name: "张伟", phone: "13812345678" }];
  b.holdings = [{ holdingId: "H00001", clientId: "C1", assetClass: "Deposit", productName: "活期存款", institution: THIS_BANK, amount: 120_000 }];
  const name = (n: string) => (named ? { productName: n } : {});
  b.reviews = [
    { clientId: "C1", reviewDate: "2026-05-20", holdingId: "H00001", assetClass: "Deposit", amount: 90_000, ...name("活期存款") },
    { clientId: "C1", reviewDate: "2026-05-20", holdingId: "H00123", assetClass: "WealthProduct", amount: 45_000, ...name("招银理财日日金（旧名）") },
    { clientId: "C1", reviewDate: "2026-08-20", holdingId: "H00001", assetClass: "Deposit", amount: 100_000, ...name("活期存款") },
    { clientId: "C1", reviewDate: "2026-08-20", holdingId: "H00123", assetClass: "WealthProduct", amount: 50_000, ...name("招银理财日日金") },
  ];
  return b;
}

const SOLD: Record<Lang, string> = { "zh-CN": "已赎回", "zh-TW": "已贖回", "en-US": "Sold" };

/** The one sold row of C1's review: its product cell, previous amount and status. */
function soldRow(b: Book, lang: Lang, clientFacing: boolean) {
  const opts = { asOf: AS_OF, lang, clientId: "C1", clientFacing };
  const s = assetReview(b, opts);
  expect(specProblems(s)).toEqual([]);
  const L = reviewLayout(b, opts);
  const r = rowWhere(s, H.changePct, SOLD[lang]);
  expect(r).toBeGreaterThanOrEqual(L.holdingsFirst);
  expect(r).toBeLessThanOrEqual(L.holdingsLast);
  return { s, product: at(s, r, H.product), previous: at(s, r, H.previous), institution: at(s, r, H.institution) };
}

describe.each(["zh-CN", "en-US"] as const)("a sold holding removed from Holdings (%s)", (lang) => {
  test("manager's copy: the name its latest review recorded, not the id", () => {
    const x = soldRow(book(lang, true), lang, false);
    expect(x.product).toBe("招银理财日日金");
    expect(x.previous).toBe(50_000);
    expect(x.institution).toBeNull(); // not recorded in Reviews
    expect(x.s.cells.flat()).not.toContain("H00123");
  });

  test("client's copy: the same name", () => {
    const b = book(lang, true);
    expect(soldRow(b, lang, true).product).toBe("招银理财日日金");
    const { spec, confidential } = clientFacingReview(b, { asOf: AS_OF, lang, clientId: "C1" });
    expect(confidential).not.toContain("招银理财日日金");
    expect(spec.cells.flat()).toContain("招银理财日日金");
  });

  test("a book whose review rows have no name shows the id, as before", () => {
    expect(soldRow(book(lang, false), lang, false).product).toBe("H00123");
    expect(soldRow(book(lang, false), lang, true).product).toBe("H00123");
  });
});

test("an old book read from tables without 产品名称 has no errors and shows the id", () => {
  const named = book("zh-CN", true);
  const raw = (key: "clients" | "holdings" | "reviews"): RawTable => ({ ...writeTable(named, key, "zh-CN"), headerRow: 1 });
  const reviews = raw("reviews");
  const at6 = reviews.headers.indexOf("产品名称");
  expect(at6).toBe(6); // the columns appended after it (Currency, Rate) are cut with it: a book from before all three
  const old: RawTable = { ...reviews, headers: reviews.headers.slice(0, at6), rows: reviews.rows.map((r) => r.slice(0, at6)) };
  const r = decodeBook({ clients: raw("clients"), holdings: raw("holdings"), reviews: old }, { asOf: AS_OF });
  expect(r.errors).toEqual([]);
  expect(r.book.reviews).toHaveLength(4);
  expect(soldRow(r.book, "zh-CN", false).product).toBe("H00123");
  // and with the column, read back from the same tables, the name
  const withNames = decodeBook({ clients: raw("clients"), holdings: raw("holdings"), reviews }, { asOf: AS_OF });
  expect(withNames.errors).toEqual([]);
  expect(soldRow(withNames.book, "zh-CN", false).product).toBe("招银理财日日金");
});

describe.each(["zh-CN", "en-US"] as const)("the shipped sample (%s)", (lang) => {
  // In one currency: the columns read (H) are those of a review without the currency columns a USD row adds.
  const b = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, lang, foreign: false });

  test("holdings sold and removed since the last review show by the name Reviews recorded", () => {
    const held = new Set(b.holdings.map((h) => h.holdingId));
    const lastReview = new Map<string, string>();
    for (const r of b.reviews) if (r.reviewDate < AS_OF && r.reviewDate > (lastReview.get(r.clientId) ?? "")) lastReview.set(r.clientId, r.reviewDate);
    const soldRemoved = b.reviews.filter((r) => r.reviewDate === lastReview.get(r.clientId) && !held.has(r.holdingId) && r.amount > 0 && r.assetClass !== "Loan");
    expect(soldRemoved.length).toBeGreaterThan(0);
    for (const r of soldRemoved) {
      expect(r.productName).toBeTruthy();
      const s = assetReview(b, { asOf: AS_OF, lang, clientId: r.clientId });
      // the client may still hold another lot of the same product: the sold row is the one marked sold
      const rows = rowsWhere(s, H.product, r.productName!).filter((x) => at(s, x, H.changePct) === SOLD[lang]);
      expect(rows.map((x) => shown(at(s, x, H.previous)))).toContain(r.amount);
      expect(s.cells.flat()).not.toContain(r.holdingId);
    }
  });
});
