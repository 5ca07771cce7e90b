/**
 * 保障一览 — every family's protection, laid out like the manager's hand-made sheet: one block of rows per client
 * (one row per policy, the family's first), the client's columns repeated on every row so filters keep blocks
 * whole, and the client's figures on the block's first row: own cover by type, DIME need, gaps, the 双十 premium
 * ratio, family members without cover and flags.
 *
 * The 双十 premium ratio counts the yearly premiums still payable (src/domain/premiums.ts yearlyPremiumPayable): each
 * policy row shows its 缴费状态 at the as-of date (缴费中 / 已缴清 / 趸交) beside the premium as recorded, and the
 * ratio's SUMIFS adds only 缴费中 rows — a 趸交 premium is paid once and a paid-up policy costs nothing more a year.
 * The totals row's premium is the same count over every policy on the sheet, the yearly premiums still payable
 * (SUMIFS over 缴费中 rows = Σ yearlyPremiumPayable), labelled so in the 缴费状态 cell beside it; the recorded
 * premiums are not added up, since a one-off 趸交 amount plus yearly amounts is neither a yearly nor a one-off figure.
 *
 * Cover is dated (src/domain/protection.ts): each policy row shows the day its cover ends (保障至) and its state at
 * the as-of date (保障中 / 保障期满 / 未生效 / 已失效 / 已满期); only 保障中 rows count. The CI amount column (重疾保额)
 * is what counts toward critical-illness cover — not the life sum of a policy with a CI rider.
 *
 * Formulas recalculate to the cached values for any id or name a user can type: a client's figures are SUMIFS over
 * the explicit rows of the client's own block, whose criteria are only the sheet's own labels (relation, policy
 * type, cover state — none holds * ? ~ < > =) — never a client id, name or other user text (Excel's criteria are
 * case-insensitive and read * ? ~ < > = as wildcards and operators, so ids such as c001, C*, <>C001, =X gave
 * wrong totals). Native functions only.
 *
 * The assumptions (years of income, education per child, CI years, premium cap) sit in labelled cells in row 2,
 * labelled as the Settings table names them, and the need/gap/ratio formulas refer to them absolutely, so the
 * manager can change one and see every gap move. Cached values are what Excel computes from these cells; tests hold
 * them to src/domain/protection.
 *
 * Currencies (issue #16): when the book has a policy in another currency, the policy rows carry five more columns
 * after 保障至 (COVERAGE_FX_COLUMNS): the currency, the own sum insured, own CI sum and own premium and the rate (book
 * currency per unit, the latest on or before the as-of date: src/domain/fx.ts ValuedPolicy), and the book-currency
 * sum insured, CI sum and premium are the native formulas own × rate, so the SUMIFS over them recompute when a rate
 * cell is changed. A policy in the book currency is a row like the others at rate 1. A book with no foreign policy
 * gets the sheet as before (COVERAGE_COLUMNS).
 */
import { bookView, inBookCurrency, type ValuedPolicy } from "../domain/fx";
import { clientProtection, coverEnd, coverState, criticalIllnessAmount, PROTECTION_TYPES, type ClientProtection, type CoverState } from "../domain/protection";
import type { Book, Client, FamilyMember, IsoDate, Lang, Policy, Relation } from "../domain/types";
import { premiumStatus } from "../domain/premiums";
import { codeLabel } from "../book/codes";
import { settingHeader } from "../book/schema";
import { absCell, cellName, colName, rangeA1 } from "./a1";
import {
  amountFormat, COLORS, DATE_FORMAT, INT_FORMAT, PERCENT_FORMAT, Grid, checkBase, dateCell, formulaText, fx, indexFor, sumInOrder, textCell,
  writeHeader, writeTitle, type BaseOptions, valued } from "./common";
import type { CellValue, SheetSpec } from "./spec";
import { coverageSheetName } from "./sheetNames";
import { relationText, sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";
import { RATE_FORMAT } from "./assetReview";
import { isFormula } from "./spec";

export type CoverageOptions = BaseOptions;

export const COVERAGE_COLUMNS = {
  clientId: 1, client: 2, marital: 3, children: 4, income: 5, loans: 6, insured: 7, relation: 8, type: 9, insurer: 10,
  product: 11, term: 12, coverEnd: 13, sumInsured: 14, ciSum: 15, premium: 16, premiumStatus: 17, ci: 18, status: 19, cover: 20,
  lifeCover: 21, ciCover: 22, medicalCover: 23, accidentCover: 24, lifeNeed: 25, lifeGap: 26, ciNeed: 27, ciGap: 28,
  premiumRatio: 29, uncovered: 30, flags: 31,
} as const;
type ColumnKey = keyof typeof COVERAGE_COLUMNS;
const FX_KEYS = ["currency", "localSumInsured", "localCiSum", "localPremium", "rate"] as const;
type FxKey = (typeof FX_KEYS)[number];
export type CoverageColumns = Readonly<Record<ColumnKey, number> & Partial<Record<FxKey, number>>>;

/** The columns of a book with a policy in another currency: FX_KEYS inserted after 保障至, the rest moved right. */
export const COVERAGE_FX_COLUMNS: Readonly<Record<ColumnKey | FxKey, number>> = (() => {
  const out = {} as Record<ColumnKey | FxKey, number>;
  const at = COVERAGE_COLUMNS.coverEnd;
  for (const [k, c] of Object.entries(COVERAGE_COLUMNS) as [ColumnKey, number][]) out[k] = c > at ? c + FX_KEYS.length : c;
  FX_KEYS.forEach((k, i) => (out[k] = at + 1 + i));
  return out;
})();
/** The columns of the coverage sheet of `book` at `asOf`: with the currency columns when a policy is in another currency. */
export function coverageColumns(book: Book, asOf: IsoDate): CoverageColumns {
  const foreign = inBookCurrency(book, asOf).policies.some((p) => (p as ValuedPolicy).fxRate !== undefined);
  return foreign ? COVERAGE_FX_COLUMNS : COVERAGE_COLUMNS;
}
const WIDTHS = [10, 10, 8, 6, 12, 12, 10, 8, 8, 14, 22, 8, 11, 12, 12, 11, 9, 7, 7, 9, 12, 12, 12, 12, 12, 12, 12, 12, 9, 22, 34];
/** Currency, own sum insured, own CI sum, own premium (#,##0.00) and rate (0.0000##). */
const FX_WIDTHS = [6, 14, 13, 13, 9];
/** Own-currency amounts, in the currency's own units (the book's amount unit is for book-currency amounts), as the ladder shows them. */
const LOCAL_FORMAT = "#,##0.00";
export const COVERAGE_HEADER_ROW = 4;

/** Parameter cells in row 2: each label has an empty cell on its right to overflow into before its value. */
export const COVERAGE_PARAMS = {
  incomeYears: { label: 4, value: 6 },
  educationPerChild: { label: 7, value: 9 },
  ciYears: { label: 10, value: 12 },
  premiumRatio: { label: 13, value: 15 },
} as const;
const P = COVERAGE_PARAMS;

type InsuredRelation = Relation | "Self" | "Unlisted";
const RELATION_ORDER: Readonly<Record<InsuredRelation, number>> = { Self: 0, Spouse: 1, Child: 2, Parent: 3, Other: 4, Unlisted: 5 };
const SELF_WORDS = new Set(["本人", "自己", "self"]);

function nameKey(name: string): string {
  return name.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
}

/** Who a policy insures, matched as src/domain/protection matches it (client first, 本人/self = the client). */
function relationResolver(client: Client, family: readonly FamilyMember[]): (insured: string) => InsuredRelation {
  const byName = new Map<string, InsuredRelation>([[nameKey(client.name), "Self"]]);
  for (const w of SELF_WORDS) if (!byName.has(w)) byName.set(w, "Self");
  for (const m of family) {
    const k = nameKey(m.name);
    if (!byName.has(k)) byName.set(k, m.relation);
  }
  return (insured) => byName.get(nameKey(insured)) ?? "Unlisted";
}

/** "10%" for 0.1, without float noise. */
function pctText(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

/** The flags of one client's protection, in the sheet's language (policy checks last, by policy id). */
export function protectionFlags(p: ClientProtection, coverMultiple: number, premiumCap: number, lang: Lang): string[] {
  const f = sheetText(lang).coverage.flags;
  const out: string[] = [];
  if (p.noCriticalIllness) out.push(f.noCi);
  if (p.tenTen.premiumsOver) out.push(f.premiumsOver(pctText(premiumCap)));
  if (p.tenTen.coverShort) out.push(f.coverShort(coverMultiple));
  if (p.noIncome) out.push(f.noIncome);
  // Policies to check are named by their row (保障状态 / 重疾保额 columns), not by id: the flags hold no user text.
  if (p.checks.some((c) => c.check === "stale-status")) out.push(f.staleStatus);
  if (p.checks.some((c) => c.check === "ci-sum-missing")) out.push(f.ciSumMissing);
  return out;
}

/** A number cell's value, or a formula's cached number (the book-currency amounts of the currency columns). */
function numberIn(cell: CellValue): number | undefined {
  if (typeof cell === "number") return cell;
  return isFormula(cell) && typeof cell.cached === "number" ? cell.cached : undefined;
}

/** Excel's "=" between two texts: equal ignoring case (our labels only; no wildcards involved). */
function sameText(cell: CellValue, label: string): boolean {
  return typeof cell === "string" && cell.toLowerCase() === label.toLowerCase();
}

export function coverage(book: Book, opts: CoverageOptions): SheetSpec {
  checkBase(opts, "coverage");
  ({ book, opts } = valued(book, opts)); // every amount in the book currency (issue #16)
  const { asOf, lang } = opts;
  const AMOUNT_FORMAT = amountFormat(book, lang);
  const t = sheetText(lang);
  const tc = t.coverage;
  const h = tc.headers;
  const index = indexFor(book, opts);
  const settings = book.settings;
  const g = new Grid();
  const C = coverageColumns(book, asOf);
  const foreign = C.rate !== undefined;
  const LAST_COL = C.flags;

  writeTitle(g, tc.title, t.asOf, asOf);
  const param = (p: { label: number; value: number }, label: string, value: number, numberFormat: string): string => {
    g.set(2, p.label, label);
    g.set(2, p.value, value);
    g.format(cellName(p.label, 2), undefined, { bold: true });
    g.format(cellName(p.value, 2), numberFormat, { fill: COLORS.inputFill, border: true, bold: true });
    return absCell(p.value, 2);
  };
  // Labelled as the Settings table names them (src/book/schema.ts SETTINGS): one name per parameter.
  const yearsRef = param(P.incomeYears, settingHeader("incomeYears", lang), settings.incomeYears, INT_FORMAT);
  const eduRef = param(P.educationPerChild, settingHeader("educationPerChild", lang), settings.educationPerChild, AMOUNT_FORMAT);
  const ciRef = param(P.ciYears, settingHeader("ciIncomeYears", lang), settings.ciIncomeYears, INT_FORMAT);
  const capRef = param(P.premiumRatio, settingHeader("premiumRatio", lang), settings.premiumRatio, PERCENT_FORMAT);
  g.set(3, 1, tc.legend);
  g.format("A3", undefined, { italic: true, color: COLORS.muted });

  const hr = COVERAGE_HEADER_ROW;
  writeHeader(g, hr, 1, [
    h.clientId, h.client, h.marital, h.children, h.income, h.loans, h.insured, h.relation, h.type, h.insurer, h.product, h.term,
    h.coverEnd, ...(foreign ? [tc.fx.currency, tc.fx.localSumInsured, tc.fx.localCiSum, tc.fx.localPremium, tc.fx.rate] : []), h.sumInsured, h.ciSum, h.premium, h.premiumStatus, h.ci, h.status, h.cover, h.lifeCover, h.ciCover, h.medicalCover, h.accidentCover,
    h.lifeNeed, h.lifeGap, h.ciNeed, h.ciGap, h.premiumRatio, h.uncovered, h.flags,
  ]);
  // The 双十 base, stated where the figure is (docs/ARCHITECTURE.md: state the base of every ratio).
  g.note(hr, C.premiumRatio, tc.premiumRatioNote);
  g.note(hr, C.ciSum, tc.ciSumNote);
  g.note(hr, C.premiumStatus, tc.premiumStatusNote);
  if (C.rate !== undefined) g.note(hr, C.rate, tc.fx.rateNote(settings.currency));
  const first = hr + 1;

  // Rows are laid out first (values only), so the cached values can be computed from the sheet's own cells.
  interface Block {
    row: number;
    client: Client;
    protection: ClientProtection;
    rows: number;
  }
  const blocks: Block[] = [];
  const selfLabel = t.self;
  const covering = tc.coverStates.covering;
  const paying = tc.premiumStates.paying;
  const relLabel = (r: Relation) => codeLabel("relation", r, lang);
  const ended: number[] = [];
  let r = first;
  for (const client of index.clients) {
    // A one-client view of the book: the domain looks the client up by id, and a 5,000-client list would make
    // that a quadratic scan; the child tables are the same arrays, so its per-client index is shared.
    const res = clientProtection(bookView(book, { clients: [client] }), client.clientId, asOf, settings);
    if (!res.ok) throw new RangeError(`coverage: client ${client.clientId}: ${res.error.message["en-US"]}`);
    const p = res.value;
    const family = index.family.get(client.clientId) ?? [];
    const relationOf = relationResolver(client, family);
    const policies = (index.policies.get(client.clientId) ?? [])
      .map((pol, i) => ({ pol, rel: relationOf(pol.insured), i }))
      .sort((a, b) => RELATION_ORDER[a.rel] - RELATION_ORDER[b.rel] || a.i - b.i);
    const clientCells: CellValue[] = [
      client.clientId,
      client.name,
      client.maritalStatus ? codeLabel("maritalStatus", client.maritalStatus, lang) : null,
      p.need.children,
      client.annualIncome ?? null,
      p.need.debts + p.need.mortgage,
    ];
    const rows = Math.max(1, policies.length);
    for (let k = 0; k < rows; k++) {
      g.row(r + k, 1, clientCells);
      const x = policies[k];
      if (x) {
        const state = coverState(x.pol, asOf);
        g.row(r + k, C.insured, policyCells(x.pol, relationText(x.rel, lang), state, lang, asOf, foreign ? { row: r + k, book: settings.currency } : undefined));
        if (state !== "covering") ended.push(r + k);
      } else g.set(r + k, C.insured, tc.noPolicy);
    }
    blocks.push({ row: r, client, protection: p, rows });
    r += rows;
  }
  const last = r - 1;
  const n = blocks.length;

  // SUMIFS over the block's own rows with criteria on the sheet's own labels only (relation, type, cover state: no
  // wildcard or operator characters in any of them), never on ids or names; the cache adds the same cells in order.
  const sumBlock = (b: Block, sumCol: number, conds: [number, readonly string[]][]): { f: string; value: number } => {
    const top = b.row, bottom = b.row + b.rows - 1;
    const rng = (c: number) => rangeA1(c, top, c, bottom);
    // One SUMIFS per combination of alternative labels (only the policy type has alternatives).
    let combos: [number, string][][] = [[]];
    for (const [c, labels] of conds) combos = combos.flatMap((k) => labels.map((l) => [...k, [c, l] as [number, string]]));
    const terms = combos.map((k) => `SUMIFS(${[rng(sumCol), ...k.map(([c, l]) => `${rng(c)},${formulaText(l)}`)].join(",")})`);
    let value = 0;
    for (const k of combos) {
      let part = 0;
      for (let x = top; x <= bottom; x++) {
        if (!k.every(([c, l]) => sameText(g.get(x, c), l))) continue;
        const v = numberIn(g.get(x, sumCol));
        if (v !== undefined) part += v;
      }
      value += part;
    }
    return { f: terms.join("+"), value };
  };
  const typeLabel = (ty: Policy["policyType"]) => codeLabel("policyType", ty, lang);

  const noCiBlocks: number[] = [];
  blocks.forEach((b, i) => {
    const row = b.row;
    const ref = (c: number) => `$${colName(c)}${row}`;
    const own: [number, readonly string[]][] = [[C.relation, [selfLabel]], [C.cover, [covering]]];
    const cover = (ty: Policy["policyType"]) => sumBlock(b, C.sumInsured, [...own, [C.type, [typeLabel(ty)]]]);
    const life = cover("Life");
    const ci = sumBlock(b, C.ciSum, own);
    const medical = cover("Medical");
    const accident = cover("Accident");
    // The 双十 numerator: yearly premiums still payable (src/domain/premiums yearlyPremiumPayable) — only 缴费中 rows;
    // 趸交 and 已缴清 rows show their recorded premium but add 0, as the domain does.
    const premiums = sumBlock(b, C.premium, [...own, [C.premiumStatus, [paying]], [C.type, PROTECTION_TYPES.map(typeLabel)]]);

    const income = b.client.annualIncome ?? 0;
    const loans = b.protection.need.debts + b.protection.need.mortgage;
    const children = b.protection.need.children;
    const need = Math.max(0, loans + income * settings.incomeYears + children * settings.educationPerChild);
    const ciNeed = income * settings.ciIncomeYears;
    g.set(row, C.lifeCover, fx(`=${life.f}`, life.value));
    g.set(row, C.ciCover, fx(`=${ci.f}`, ci.value));
    g.set(row, C.medicalCover, fx(`=${medical.f}`, medical.value));
    g.set(row, C.accidentCover, fx(`=${accident.f}`, accident.value));
    g.set(row, C.lifeNeed, fx(`=MAX(0,${ref(C.loans)}+${ref(C.income)}*${yearsRef}+${ref(C.children)}*${eduRef})`, need));
    g.set(row, C.lifeGap, fx(`=MAX(0,${ref(C.lifeNeed)}-${ref(C.lifeCover)})`, Math.max(0, need - life.value)));
    g.set(row, C.ciNeed, fx(`=${ref(C.income)}*${ciRef}`, ciNeed));
    g.set(row, C.ciGap, fx(`=MAX(0,${ref(C.ciNeed)}-${ref(C.ciCover)})`, Math.max(0, ciNeed - ci.value)));
    g.set(row, C.premiumRatio, fx(`=IF(${ref(C.income)}>0,(${premiums.f})/${ref(C.income)},"")`, income > 0 ? premiums.value / income : ""));
    const uncovered = b.protection.uncoveredMembers.map((m) => `${relLabel(m.relation)} ${m.name}`).join(t.listSep);
    g.set(row, C.uncovered, textCell(uncovered));
    const flags = protectionFlags(b.protection, settings.coverMultiple, settings.premiumRatio, lang);
    g.set(row, C.flags, textCell(flags.join(t.clauseSep)));
    if (b.protection.noCriticalIllness) noCiBlocks.push(row);
    // Alternate blocks shaded so each family reads as one group.
    if (i % 2 === 1) g.formatBox(1, row, LAST_COL, row + b.rows - 1, undefined, { fill: COLORS.blockFill });
    g.formatBox(1, row, C.client, row, undefined, { bold: true });
  });

  // Totals: the sums insured of the policies covering at the as-of date; the yearly premiums still payable (缴费中
  // rows: src/domain/premiums.ts yearlyPremiumPayable, the 双十 ratio's count, over every policy on the sheet — a 趸交
  // premium is paid once and a paid-up policy costs nothing more, so adding their recorded premiums under 年缴保费 read
  // as a yearly cost the clients no longer pay), labelled in the 缴费状态 cell beside it; the gaps; clients with no CI cover.
  const totalRow = last + 1;
  g.set(totalRow, 1, t.total);
  g.set(totalRow, 2, t.profile.clients(n));
  if (n > 0) {
    // SUMIFS(sum column, label column, label): the cache adds the same cells in Excel's order (labels only, no user text).
    const sumWhere = (c: number, labelCol: number, label: string) => {
      const values: number[] = [];
      for (let row = first; row <= last; row++) {
        const x = numberIn(g.get(row, c));
        if (x !== undefined && sameText(g.get(row, labelCol), label)) values.push(x);
      }
      return fx(`=SUMIFS(${rangeA1(c, first, c, last)},${rangeA1(labelCol, first, labelCol, last)},${formulaText(label)})`, sumInOrder(values));
    };
    g.set(totalRow, C.sumInsured, sumWhere(C.sumInsured, C.cover, covering));
    g.note(totalRow, C.sumInsured, tc.totals.sumInsuredNote);
    g.set(totalRow, C.premium, sumWhere(C.premium, C.premiumStatus, paying));
    g.set(totalRow, C.premiumStatus, tc.totals.payingLabel);
    g.note(totalRow, C.premium, tc.totals.payingNote);
    for (const c of [C.lifeGap, C.ciGap]) {
      const values = blocks.map((b) => {
        const v = g.get(b.row, c);
        return typeof v === "object" && v !== null ? (v.cached as number) : 0;
      });
      g.set(totalRow, c, fx(`=SUM(${rangeA1(c, first, c, last)})`, sumInOrder(values)));
    }
    g.set(totalRow, C.uncovered, tc.noCiCount);
    // The flags column holds only the sheet's own texts (no ids or names), so this criterion sees no user text.
    g.set(totalRow, C.flags, fx(`=COUNTIF(${rangeA1(C.flags, first, C.flags, last)},${formulaText(`*${tc.flags.noCi}*`)})`, noCiBlocks.length));
  }
  g.formatBox(1, totalRow, LAST_COL, totalRow, undefined, { bold: true, fill: COLORS.totalFill, border: true });

  if (n > 0) {
    g.formatBox(1, first, LAST_COL, last, undefined, { border: true });
    g.formatBox(C.children, first, C.children, last, INT_FORMAT);
    g.formatBox(C.income, first, C.loans, last, AMOUNT_FORMAT);
    g.formatBox(C.coverEnd, first, C.coverEnd, last, DATE_FORMAT);
    g.formatBox(C.sumInsured, first, C.premium, totalRow, AMOUNT_FORMAT);
    if (C.localSumInsured !== undefined && C.localPremium !== undefined && C.rate !== undefined) {
      g.formatBox(C.localSumInsured, first, C.localPremium, last, LOCAL_FORMAT);
      g.formatBox(C.rate, first, C.rate, last, RATE_FORMAT);
    }
    g.formatBox(C.lifeCover, first, C.ciGap, totalRow, AMOUNT_FORMAT);
    g.formatBox(C.premiumRatio, first, C.premiumRatio, last, PERCENT_FORMAT);
    g.formatBox(C.flags, totalRow, C.flags, totalRow, INT_FORMAT);
    // Policies that do not cover at the as-of date are greyed: shown, but visibly ended.
    for (const row of ended) g.formatBox(C.insured, row, C.cover, row, undefined, { italic: true, color: COLORS.muted });
    const rel = (c: number) => `$${colName(c)}${first}`;
    const red = { fill: COLORS.alertFill, color: COLORS.alertColor, bold: true };
    g.conditionalFormats.push(
      { range: rangeA1(C.lifeGap, first, C.lifeGap, last), formula: `=${rel(C.lifeGap)}>0`, style: red },
      { range: rangeA1(C.ciGap, first, C.ciGap, last), formula: `=${rel(C.ciGap)}>0`, style: red },
      { range: rangeA1(C.ciCover, first, C.ciCover, last), formula: `=AND(ISNUMBER(${rel(C.ciCover)}),${rel(C.ciCover)}=0)`, style: red },
      { range: rangeA1(C.flags, first, C.flags, last), formula: `=ISNUMBER(FIND(${formulaText(tc.flags.noCi)},${rel(C.flags)}))`, style: red },
      {
        range: rangeA1(C.premiumRatio, first, C.premiumRatio, last),
        formula: `=AND(ISNUMBER(${rel(C.premiumRatio)}),${rel(C.premiumRatio)}>${capRef})`,
        style: { fill: COLORS.warnFill, bold: true },
      },
    );
  }

  return {
    name: coverageSheetName(lang),
    kind: "coverage",
    cells: g.cells(),
    columnWidths: foreign ? [...WIDTHS.slice(0, COVERAGE_COLUMNS.coverEnd), ...FX_WIDTHS, ...WIDTHS.slice(COVERAGE_COLUMNS.coverEnd)] : WIDTHS,
    formats: g.formats,
    notes: g.notes,
    freeze: { rows: hr, columns: 2 },
    autoFilter: rangeA1(1, hr, LAST_COL, Math.max(hr, last)),
    conditionalFormats: g.conditionalFormats,
    page: sheetPage("coverage", lang),
    tabColor: TAB_COLORS.coverage,
  };
}

/**
 * A policy row's cells from 被保险人 to 保障状态. With `fx` (a book with a foreign policy): the currency, own amounts and
 * rate as cells, and the sum insured, CI sum and premium as own × rate (rate 1 for a policy in the book currency);
 * the cached products are the valued policy's amounts (src/domain/fx.ts multiplies the same two numbers).
 */
function policyCells(pol: ValuedPolicy, relation: string, state: CoverState, lang: Lang, asOf: IsoDate, fxAt?: { row: number; book: string }): CellValue[] {
  const tc = sheetText(lang).coverage;
  const premium = premiumStatus(pol, asOf);
  const ci = criticalIllnessAmount(pol);
  const end = coverEnd(pol);
  let amounts: CellValue[] = [pol.sumInsured, ci > 0 ? ci : null, pol.annualPremium];
  let own: CellValue[] = [];
  if (fxAt) {
    const F = COVERAGE_FX_COLUMNS;
    const rate = pol.fxRate ?? 1;
    const localSum = pol.localSumInsured ?? pol.sumInsured;
    const localCi = criticalIllnessAmount({ policyType: pol.policyType, sumInsured: localSum, criticalIllnessSum: pol.localCriticalIllnessSum ?? (pol.fxRate === undefined ? pol.criticalIllnessSum : undefined) });
    const localPremium = pol.localAnnualPremium ?? pol.annualPremium;
    const times = (c: number, cached: number) => fx(`=${cellName(c, fxAt.row)}*${cellName(F.rate, fxAt.row)}`, cached);
    own = [pol.fxRate === undefined ? fxAt.book : pol.currency ?? fxAt.book, localSum, localCi > 0 ? localCi : null, localPremium, rate];
    amounts = [times(F.localSumInsured, pol.sumInsured), ci > 0 ? times(F.localCiSum, ci) : null, times(F.localPremium, pol.annualPremium)];
  }
  return [
    pol.insured,
    relation,
    codeLabel("policyType", pol.policyType, lang),
    pol.insurer,
    textCell(pol.productName),
    pol.termYears === undefined ? tc.wholeLife : tc.years(pol.termYears),
    end === undefined ? (pol.termYears === undefined ? tc.wholeLife : null) : dateCell(end),
    ...own,
    ...amounts,
    premium === "none" ? null : tc.premiumStates[premium],
    codeLabel("yesNo", pol.criticalIllness ? "Yes" : "No", lang),
    codeLabel("policyStatus", pol.status, lang),
    tc.coverStates[state],
  ];
}
