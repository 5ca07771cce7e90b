/**
 * The holdings table of a review sheet (assetReview.ts): its columns, the order of its class groups (largest class
 * first, loans last) and one row per holding — product, institution, amount, months held, R-level, previous amount,
 * change and change % as formulas ("新增"/"已赎回" instead of ±100 %), and the suitability flag on the manager's copy.
 *
 * Currencies (issue #16). When the client holds something in another currency than the book's now, or held one at
 * the review the sheet compares with, the table has FX_REVIEW_COLUMNS: each holding's own amount, its currency and
 * the rate as cells, the amount in the book currency as the formula own amount × rate, the previous review's own
 * amount and rate as cells (the Rate recorded with that review, src/domain/fx.ts) and its book amount as their
 * product, and the change since then split (Karnosky & Singer 1994, src/domain/currency.ts fxChange):
 *   change = A1·r1 − A0·r0 = (A1 − A0)·r0 [the holding's own change, at the old rate] + A1·(r1 − r0) [the FX effect],
 * each a formula over those cells, so Excel and LibreOffice recompute what the sheet shows. A holding in the book
 * currency is a row like the others at rate 1 (its FX effect 0). A holding whose currency changed between the two
 * reviews gets its change only: its own change and FX effect would mix two currencies' units.
 * Otherwise (every row of both snapshots in the book currency: most clients) the table is REVIEW_COLUMNS, as before
 * currencies: older reviews only feed the trend table's totals, already in the book currency at their own rates, so
 * a currency held long ago adds no column; nor does a rate table with rates in it.
 */
import { holdingPeriod } from "../domain/holdingPeriod";
import type { HoldingChange } from "../domain/reviewPeriods";
import { holdingName } from "../domain/reviews";
import { holdingSuitability, type SuitabilityReason } from "../domain/suitability";
import type { ValuedHolding, ValuedReview } from "../domain/fx";
import { ASSET_CLASSES, type AssetClass, type Client, type Holding, type Lang } from "../domain/types";
import { codeLabel } from "../book/codes";
import { cellName } from "./a1";
import { fx as fxf } from "./common";
import type { CellValue } from "./spec";
import type { SheetText } from "./text";

/** Holdings table columns (1-based) of a client in the book currency only. */
export const REVIEW_COLUMNS = {
  assetClass: 1, product: 2, institution: 3, amount: 4, months: 5, riskLevel: 6, previous: 7, change: 8, changePct: 9, suitability: 10,
} as const;

/**
 * Holdings table columns (1-based) of a client with a holding in another currency (see the file comment). `amount`
 * and `previous` are in the book currency. Columns A–G also hold the trend table (amounts in B–D, the return in E,
 * the measure in F, the cumulative return in G), so the narrow currency and rate columns sit where those fit.
 */
export const FX_REVIEW_COLUMNS = {
  assetClass: 1, product: 2, institution: 3, localAmount: 4, currency: 5, rate: 6, amount: 7, months: 8, riskLevel: 9,
  previousLocal: 10, previousRate: 11, previous: 12, change: 13, holdingChange: 14, fxEffect: 15, changePct: 16, suitability: 17,
} as const;

/** The columns of a review's holdings table: the book-currency one or the one with currencies. */
export type ReviewColumns = typeof REVIEW_COLUMNS | typeof FX_REVIEW_COLUMNS;

export function hasCurrencyColumns(cols: ReviewColumns): cols is typeof FX_REVIEW_COLUMNS {
  return "currency" in cols;
}

/** A holding as one snapshot holds it: its own amount, its currency and the rate (book currency per unit). */
export interface Snapshot {
  currency: string;
  local: number;
  rate: number;
}

/**
 * Per holding id, its rows of one snapshot (the Holdings table, or the rows of one review) as valueBook left them.
 * A row in the book currency is at rate 1. Several rows of one id (a review that recorded a holding twice) add up:
 * their own amounts when they share a currency, at their rate when they share it, else at the rate that values their
 * sum as the sum of their values (Σ book ÷ Σ own); rows of one id in different currencies as one row in the book
 * currency.
 */
export function snapshots(rows: readonly (ValuedHolding | ValuedReview)[], bookCurrency: string): Map<string, Snapshot> {
  const by = new Map<string, (ValuedHolding | ValuedReview)[]>();
  for (const r of rows) by.set(r.holdingId, [...(by.get(r.holdingId) ?? []), r]);
  const out = new Map<string, Snapshot>();
  for (const [id, list] of by) {
    const one = list.map((r) => ({ currency: r.currency ?? bookCurrency, local: r.localAmount ?? r.amount, rate: r.fxRate ?? 1, book: r.amount }));
    const first = one[0];
    if (one.length === 1) out.set(id, { currency: first.currency, local: first.local, rate: first.rate });
    else if (one.some((x) => x.currency !== first.currency)) {
      out.set(id, { currency: bookCurrency, local: one.reduce((s, x) => s + x.book, 0), rate: 1 });
    } else {
      const local = one.reduce((s, x) => s + x.local, 0);
      const book = one.reduce((s, x) => s + x.book, 0);
      const rate = one.every((x) => x.rate === first.rate) || local === 0 ? first.rate : book / local;
      out.set(id, { currency: first.currency, local, rate });
    }
  }
  return out;
}

/** The rule of the file comment: does the table need the currency columns? */
export function needsCurrencyColumns(now: ReadonlyMap<string, Snapshot>, before: ReadonlyMap<string, Snapshot>, bookCurrency: string): boolean {
  const foreign = (m: ReadonlyMap<string, Snapshot>) => [...m.values()].some((s) => s.currency !== bookCurrency);
  return foreign(now) || foreign(before);
}

function suitabilityFlag(reason: SuitabilityReason | undefined, t: SheetText): string | null {
  const f = t.review.flags;
  switch (reason) {
    case "above-risk": return f.unsuitable;
    case "assessment-expired": return f.expired;
    case "no-assessment": return f.notAssessed;
    case "no-product-risk": return f.unrated;
    case "no-client-risk": return f.clientUnrated;
    default: return null;
  }
}

/** Class order of the holdings table: the allocation's order (largest first), then other classes, loans last. */
export function classOrder(byClass: readonly AssetClass[]): AssetClass[] {
  const rest = ASSET_CLASSES.filter((c) => !byClass.includes(c) && c !== "Loan");
  return [...byClass, ...rest, "Loan"];
}

/**
 * One holding's cells on row `row` of the review sheet, in the columns `cols` (with currencies: `fx` holds the
 * holding's own amount, currency and rate now and at the previous review, where it had them).
 */
export function holdingCells(
  x: HoldingChange,
  h: Holding | undefined,
  row: number,
  client: Client,
  facing: boolean,
  asOf: string,
  lang: Lang,
  t: SheetText,
  cols: ReviewColumns = REVIEW_COLUMNS,
  fx: { now?: Snapshot; before?: Snapshot } = {},
): CellValue[] {
  const tr = t.review;
  const H = cols;
  const inst = x.institution === undefined ? null : codeLabelOrText(x.institution, lang);
  const cells: CellValue[] = Array.from({ length: facing ? H.suitability - 1 : H.suitability }, () => null);
  const put = (col: number, v: CellValue) => (cells[col - 1] = v);
  const [D, G, Hc] = [cellName(H.amount, row), cellName(H.previous, row), cellName(H.change, row)];
  put(H.assetClass, codeLabel("assetClass", x.assetClass, lang));
  // A holding sold and removed from Holdings keeps the name its reviews recorded (the id only when none did).
  put(H.product, holdingName(x));
  put(H.institution, inst);
  put(H.amount, x.amount);
  put(H.months, x.status !== "sold" && h ? holdingPeriod(h, asOf) ?? null : null);
  put(H.riskLevel, h?.riskLevel ?? null);
  // Book-currency amounts as the formulas of the currency columns (own amount × rate), where the row has them.
  let amount = x.amount;
  let previous = x.previous;
  if (hasCurrencyColumns(H)) {
    const { now, before } = fx;
    const [E, F, J, K] = [cellName(H.localAmount, row), cellName(H.rate, row), cellName(H.previousLocal, row), cellName(H.previousRate, row)];
    put(H.currency, now?.currency ?? before?.currency ?? null);
    if (now && x.status !== "sold") {
      amount = now.local * now.rate;
      put(H.localAmount, now.local);
      put(H.rate, now.rate);
      put(H.amount, fxf(`=${E}*${F}`, amount));
    } else put(H.localAmount, 0); // sold: nothing held now, in its currency as in the book's
    if (before && x.status !== "new") {
      previous = before.local * before.rate;
      put(H.previousLocal, before.local);
      put(H.previousRate, before.rate);
      put(H.previous, fxf(`=${J}*${K}`, previous));
      if (x.status === "held" && now && now.currency === before.currency) {
        // (A1 − A0)·r0 and A1·(r1 − r0): they add up to the change (currency.ts fxChange)
        put(H.holdingChange, fxf(`=(${E}-${J})*${K}`, (now.local - before.local) * before.rate));
        put(H.fxEffect, fxf(`=${E}*(${F}-${K})`, now.local * (now.rate - before.rate)));
      }
    }
  } else if (x.status !== "new") put(H.previous, x.previous ?? null);
  if (x.status === "new") put(H.changePct, tr.statusNew);
  else if (x.status === "sold") put(H.changePct, x.liability ? tr.statusRepaid : tr.statusSold);
  else {
    put(H.change, fxf(`=${D}-${G}`, amount - (previous ?? 0)));
    put(H.changePct, fxf(`=IF(${G}=0,"",${Hc}/${G})`, previous ? (amount - previous) / previous : ""));
  }
  if (!facing) {
    const s = x.status !== "sold" && h ? holdingSuitability(client, h, asOf) : undefined;
    put(H.suitability, s && !s.ok ? suitabilityFlag(s.reason, t) : null);
  }
  return cells;
}

/** 本行 / This bank for the manager's own bank, the institution's name otherwise. */
function codeLabelOrText(institution: string, lang: Lang): string {
  return institution === "ThisBank" ? codeLabel("institution", "ThisBank", lang) : institution;
}

