/**
 * The holdings table of a review sheet (assetReview.ts): its columns, the order of its class groups (largest class
 * first, loans last) and one row per holding — product, institution, amount, months held, R-level, previous amount,
 * change and change % as formulas ("新增"/"已赎回" instead of ±100 %), and the suitability flag on the manager's copy.
 */
import { holdingPeriod } from "../domain/holdingPeriod";
import type { HoldingChange } from "../domain/reviewPeriods";
import { holdingName } from "../domain/reviews";
import { holdingSuitability, type SuitabilityReason } from "../domain/suitability";
import { ASSET_CLASSES, type AssetClass, type Client, type Holding, type Lang } from "../domain/types";
import { codeLabel } from "../book/codes";
import { cellName } from "./a1";
import { fx } from "./common";
import type { CellValue } from "./spec";
import type { SheetText } from "./text";

/** Holdings table columns (1-based). */
export const REVIEW_COLUMNS = {
  assetClass: 1, product: 2, institution: 3, amount: 4, months: 5, riskLevel: 6, previous: 7, change: 8, changePct: 9, suitability: 10,
} as const;
const H = REVIEW_COLUMNS;

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

/** One holding's cells on row `row` of the review sheet. */
export function holdingCells(
  x: HoldingChange,
  h: Holding | undefined,
  row: number,
  client: Client,
  facing: boolean,
  asOf: string,
  lang: Lang,
  t: SheetText,
): CellValue[] {
  const tr = t.review;
  const inst = x.institution === undefined ? null : codeLabelOrText(x.institution, lang);
  const [D, G, Hc] = [cellName(H.amount, row), cellName(H.previous, row), cellName(H.change, row)];
  let previous: CellValue = null;
  let change: CellValue = null;
  let pct: CellValue = null;
  if (x.status === "new") pct = tr.statusNew;
  else if (x.status === "sold") {
    previous = x.previous ?? null;
    pct = x.liability ? tr.statusRepaid : tr.statusSold;
  } else {
    previous = x.previous ?? null;
    change = fx(`=${D}-${G}`, x.amount - (x.previous ?? 0));
    pct = fx(`=IF(${G}=0,"",${Hc}/${G})`, x.previous ? (x.amount - x.previous) / x.previous : "");
  }
  const cells: CellValue[] = [
    codeLabel("assetClass", x.assetClass, lang),
    // A holding sold and removed from Holdings keeps the name its reviews recorded (the id only when none did).
    holdingName(x),
    inst,
    x.amount,
    x.status !== "sold" && h ? holdingPeriod(h, asOf) ?? null : null,
    h?.riskLevel ?? null,
    previous,
    change,
    pct,
  ];
  if (!facing) {
    const s = x.status !== "sold" && h ? holdingSuitability(client, h, asOf) : undefined;
    cells.push(s && !s.ok ? suitabilityFlag(s.reason, t) : null);
  }
  return cells;
}

/** 本行 / This bank for the manager's own bank, the institution's name otherwise. */
function codeLabelOrText(institution: string, lang: Lang): string {
  return institution === "ThisBank" ? codeLabel("institution", "ThisBank", lang) : institution;
}

