/**
 * Cached formula results: (1) they agree with the domain's numbers for every client of the sample, in each
 * language (different currencies and scripts); (2) a third-party engine (HyperFormula) recalculating each sheet
 * from its own cells gets the cached values, so the formulas really compute what we display.
 */
import { allocation } from "../../src/domain/allocation";
import { inBookCurrency } from "../../src/domain/fx";
import { clientProtection } from "../../src/domain/protection";
import { cumulativeReturn, reviewComparison, trend } from "../../src/domain/reviewPeriods";
import { simpleChange } from "../../src/domain/returns";
import { sheetText } from "../../src/sheets/text";
import { LANGS, type Lang } from "../../src/domain/types";
import { generateBook, sampleBook, SAMPLE_CLIENTS } from "../../src/sample";
import { assetReview, contactCalendar, coverage, profileList, reviewLayout, todaySheet, PROFILE_COLUMNS as P, coverageColumns } from "../../src/sheets";
import { isFormula, type SheetSpec } from "../../src/sheets/spec";
import { allFormulas, at, recalc, rowWhere, rowsWhere, shown } from "./helpers";

const AS_OF = "2026-11-23";

function close(a: unknown, b: number, digits = 6): void {
  expect(typeof a).toBe("number");
  expect(a as number).toBeCloseTo(b, digits);
}

describe.each(LANGS)("cached values agree with the domain (%s)", (lang: Lang) => {
  const book = sampleBook(AS_OF, lang);
  // The sheets value the book in its currency (a USD row at its rate: src/domain/fx.ts); the domain figures they are
  // held to are computed on the book valued the same way.
  const valued = inBookCurrency(book, AS_OF);

  test("profile: assets here/elsewhere, liabilities, net worth per client; totals", () => {
    const s = profileList(book, { asOf: AS_OF, lang });
    let net = 0;
    for (const c of book.clients) {
      const a = allocation(valued.holdings.filter((h) => h.clientId === c.clientId));
      const r = rowWhere(s, 1, c.clientId);
      close(at(s, r, P.assetsThisBank), a.thisBank);
      close(at(s, r, P.assetsOther), a.otherBanks);
      close(at(s, r, P.nonFinancial), a.nonFinancial);
      if (a.walletShare === undefined) expect(shown(at(s, r, P.walletShare))).toBe("");
      else close(shown(at(s, r, P.walletShare)), a.walletShare, 12);
      close(at(s, r, P.liabilities), a.liabilities);
      close(shown(at(s, r, P.netWorth)), a.netWorth);
      net += a.netWorth;
    }
    close(shown(at(s, 4 + book.clients.length, P.netWorth)), net, 2);
  });

  test("coverage: own cover by type, needs, gaps and premium ratio per client", () => {
    const s = coverage(book, { asOf: AS_OF, lang });
    // the sample has policies in US dollars: the sheet's columns with the currency columns (src/sheets/coverage.ts)
    const C = coverageColumns(book, AS_OF);
    for (const c of book.clients) {
      const res = clientProtection(book, c.clientId, AS_OF);
      if (!res.ok) throw new Error(res.error.message["en-US"]);
      const p = res.value;
      const r = rowsWhere(s, 1, c.clientId)[0];
      close(shown(at(s, r, C.lifeCover)), p.cover.life);
      close(shown(at(s, r, C.ciCover)), p.cover.criticalIllness);
      close(shown(at(s, r, C.medicalCover)), p.people[0].medical);
      close(shown(at(s, r, C.accidentCover)), p.people[0].accident);
      close(shown(at(s, r, C.lifeNeed)), p.need.life, 4);
      close(shown(at(s, r, C.lifeGap)), p.gap.life, 4);
      close(shown(at(s, r, C.ciNeed)), p.need.criticalIllness);
      close(shown(at(s, r, C.ciGap)), p.gap.criticalIllness);
      if (p.tenTen.premiumRatio === undefined) expect(shown(at(s, r, C.premiumRatio))).toBe("");
      else close(shown(at(s, r, C.premiumRatio)), p.tenTen.premiumRatio, 12);
      const uncovered = String(at(s, r, C.uncovered) ?? "");
      for (const m of p.uncoveredMembers) expect(uncovered).toContain(m.name);
      expect(uncovered === "").toBe(p.uncoveredMembers.length === 0);
      expect(String(at(s, r, C.flags) ?? "").length > 0).toBe(p.noCriticalIllness || p.tenTen.premiumsOver || p.tenTen.coverShort || p.noIncome);
    }
  });

  test("review: class amounts and shares, totals, changes, trend and the return since the last review, for every client", () => {
    // The columns read below (4 amount, 8 change) are those of a review without currency columns: the single-currency
    // sample. A review with USD or HKD rows is held to the domain in tests/sheets/fxReview.test.ts.
    const book = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, lang, foreign: false });
    const valued = book;
    for (const c of book.clients) {
      const opts = { asOf: AS_OF, lang, clientId: c.clientId };
      const s = assetReview(book, opts);
      const L = reviewLayout(book, opts);
      const a = allocation(valued.holdings.filter((h) => h.clientId === c.clientId));
      expect(L.summaryLast - L.summaryFirst + 1).toBe(a.byClass.length);
      a.byClass.forEach((x, i) => {
        close(shown(at(s, L.summaryFirst + i, 2)), x.amount);
        close(shown(at(s, L.summaryFirst + i, 3)), x.share, 12);
      });
      close(shown(at(s, 6, 2)), a.assets);
      close(shown(at(s, 7, 2)), a.liabilities);
      close(shown(at(s, 8, 2)), a.netWorth);

      const cmp = reviewComparison(valued, c.clientId, AS_OF);
      const held = cmp.holdings.filter((h) => h.status === "held");
      for (const h of held) {
        const rows = rowsWhere(s, 2, h.productName ?? h.holdingId).filter((r) => r >= L.holdingsFirst && r <= L.holdingsLast && at(s, r, 4) === h.amount);
        expect(rows.length).toBeGreaterThan(0);
        close(shown(at(s, rows[0], 8)), h.change!);
      }

      const points = trend(valued, c.clientId, AS_OF);
      expect(L.trendLast - L.trendFirst + 1).toBe(points.length);
      points.forEach((p, i) => close(shown(at(s, L.trendFirst + i, 2)), p.totalAssets, 4));
      // Each period's return against Modified Dietz recomputed here from the domain's flows (derived and entered):
      // R = (EV − BV − ΣCF) / (BV + Σ wᵢ·CFᵢ), wᵢ = (T − tᵢ)/T; the simple change when the period has no flow.
      let linked = 1;
      for (let i = 1; i < points.length; i++) {
        const bv = points[i - 1].totalAssets;
        const ev = points[i].totalAssets;
        const v = shown(at(s, L.trendFirst + i, 5));
        const pr = points[i].periodReturn;
        if (pr?.measure === "modified-dietz") {
          const net = pr.flows.reduce((x, f) => x + f.amount, 0);
          const weighted = pr.flows.reduce((x, f) => x + ((pr.days - f.day) / pr.days) * f.amount, 0);
          close(v, (ev - bv - net) / (bv + weighted), 12);
          close(shown(at(s, L.trendFirst + i, 3)), net, 4);
          close(shown(at(s, L.trendFirst + i, 4)), weighted, 4);
          expect(at(s, L.trendFirst + i, 6)).toBe(sheetText(lang).review.measureDietz);
        } else if (pr?.measure === "simple") {
          close(v, simpleChange(bv, ev).pct!, 12);
          expect(at(s, L.trendFirst + i, 6)).toBe(sheetText(lang).review.measureSimple);
        } else expect(v).toBe("");
        // cumulative: ∏(1 + rₖ) − 1 over the periods since the last one without a return
        linked = pr === undefined ? 1 : linked * (1 + pr.value);
        const g = shown(at(s, L.trendFirst + i, 7));
        if (pr === undefined) expect(g).toBe("");
        else close(g, linked - 1, 12);
      }
      const cum = cumulativeReturn(points);
      if (cum) close(shown(at(s, 8, 6)), cum.value, 12);
      if (cum?.annualised !== undefined) close(shown(at(s, 9, 6)), cum.annualised, 12);
      if (cmp.returnSinceLast) close(shown(at(s, 6, 6)), cmp.returnSinceLast.value, 12);
      if (cmp.assets.change !== undefined) close(shown(at(s, 7, 6)), cmp.assets.change, 4);
    }
  });
});

describe("a third party recalculating our sheets gets our cached values", () => {
  const book = sampleBook(AS_OF, "zh-CN");
  const specs: SheetSpec[] = [
    profileList(book, { asOf: AS_OF, lang: "zh-CN" }),
    coverage(book, { asOf: AS_OF, lang: "zh-TW" }),
    contactCalendar(book, { asOf: AS_OF, lang: "en-US" }),
    todaySheet(book, { asOf: AS_OF, lang: "zh-CN" }),
    // Reviews with sold and new holdings, loans, recorded flows (C0001, C0008) and none (C0002, C0003).
    ...["C0001", "C0002", "C0003", "C0004", "C0008", "C0019"].map((clientId) => assetReview(book, { asOf: AS_OF, lang: "zh-CN", clientId })),
  ];
  test.each(specs.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const values = recalc(s);
    for (const { a1, f } of allFormulas(s)) {
      const v = values.get(a1);
      if (typeof f.cached === "number") {
        expect({ a1, v: typeof v === "number" ? Number(v.toPrecision(12)) : v }).toEqual({ a1, v: Number(f.cached.toPrecision(12)) });
      } else expect({ a1, v }).toEqual({ a1, v: f.cached });
    }
    expect(s.cells.flat().some(isFormula) || s.kind === "today").toBe(true);
  });
});
