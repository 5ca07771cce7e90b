/**
 * 客户一览 — every client at a glance: one row per client, address, family in one readable cell, financial assets
 * here and at other institutions, non-financial assets (home, property, 自有) apart, liabilities, net worth and wallet
 * share (native formulas over the row's own cells, no criteria on user text), then the assets per class — one column
 * for every asset class of the domain's list (ASSET_CLASSES, liabilities apart), always all of them so the columns
 * stand where they stood in the last build, blank where the client holds none — the risk level with its name beside
 * it (C3 平衡型), tier (manual marked), last contact, next review, notes and the documents link. The figures are
 * src/domain/figures.clientFigures (its byClass for the class columns, which add up to all assets), the same the
 * client page and the review sheet show. Each name links to the client's review sheet under the name the output
 * plan gave it (no link when the plan has no review of the client), the documents cell to the client's folder.
 * A totals row of SUM formulas; filters on the header; header row and the id/name columns frozen.
 *
 * The as-of date sits in B2 (labelled, editable): the overdue highlight compares the next-review column to $B$2
 * rather than TODAY(), so the sheet shows what it said on the day it was built, and a manager who opens it later
 * can change B2 to re-check what is overdue now.
 */
import { age } from "../domain/birthdays";
import { cadenceMonths, clientCadence } from "../domain/cadence";
import { addMonths } from "../domain/dates";
import { clientFigures } from "../domain/figures";
import { ASSET_CLASSES, LIABILITY_CLASSES, type AssetClass, type Book, type Client, type FamilyMember, type IsoDate, type Lang } from "../domain/types";
import { clientRiskName, codeLabel } from "../book/codes";
import { checkLink } from "../book/link";
import { absCell, cellName, colName, rangeA1 } from "./a1";
import {
  amountFormat, COLORS, DATE_FORMAT, INT_FORMAT, PERCENT_FORMAT, TEXT_FORMAT, Grid, checkBase, dateCell, fx, indexFor, lastContactOf, lastReviewOf,
  sumInOrder, textCell, writeHeader, writeTitle, type BaseOptions, type BookIndex, valued } from "./common";
import type { LinkSpec, SheetSpec } from "./spec";
import { profileSheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";

export interface ProfileListOptions extends BaseOptions {
  /** Client id → the final name of the client's review sheet (src/sheets/plan.ts): the names link there. */
  reviewSheets?: ReadonlyMap<string, string>;
}

/** The asset classes of the per-class columns, in the domain's order: every class but the liabilities. */
export const PROFILE_CLASSES: readonly AssetClass[] = ASSET_CLASSES.filter((c) => !LIABILITY_CLASSES.includes(c));

/** Column numbers (1-based) of the profile list, exported for the renderers' tests and the task pane. */
export const PROFILE_COLUMNS = {
  clientId: 1, name: 2, age: 3, birthday: 4, phone: 5, address: 6, occupation: 7, employer: 8, hobbies: 9, family: 10,
  assetsThisBank: 11, assetsOther: 12, nonFinancial: 13, liabilities: 14, netWorth: 15, walletShare: 16,
  /** The first per-class column; PROFILE_CLASSES[i] is in column firstClass + i. */
  firstClass: 17,
  riskLevel: 17 + PROFILE_CLASSES.length, riskName: 18 + PROFILE_CLASSES.length, tier: 19 + PROFILE_CLASSES.length,
  tags: 20 + PROFILE_CLASSES.length, contactWindow: 21 + PROFILE_CLASSES.length, lastContact: 22 + PROFILE_CLASSES.length,
  nextReview: 23 + PROFILE_CLASSES.length, notes: 24 + PROFILE_CLASSES.length, documents: 25 + PROFILE_CLASSES.length,
} as const;
const C = PROFILE_COLUMNS;
const LAST_COL = C.documents;
const LAST_CLASS = C.firstClass + PROFILE_CLASSES.length - 1;
/** Excel's own colour for a hyperlink (the Hyperlink cell style, theme colour 10). */
const LINK_COLOR = "#0563C1";
export const PROFILE_HEADER_ROW = 3;

/** `配偶 王芳 38岁；子女 李明 10岁（实验小学）` / `Spouse Wang Fang 38; Child Li Ming 10 (…)`. */
export function familyText(members: readonly FamilyMember[], asOf: IsoDate, lang: Lang): string {
  const t = sheetText(lang);
  return members
    .map((m) => {
      let s = `${codeLabel("relation", m.relation, lang)} ${m.name}`;
      if (m.birthday && m.birthday <= asOf) s += ` ${t.age(age(m.birthday, asOf))}`;
      if (m.schoolOrWork) s += t.paren(m.schoolOrWork);
      return s;
    })
    .join(t.clauseSep);
}

/** Next review: the last review on or before asOf + the client's cadence (else the tier's); never reviewed → asOf. */
export function nextReviewDue(index: BookIndex, client: Client, asOf: IsoDate): IsoDate {
  const last = lastReviewOf(index, client.clientId, asOf);
  if (last === undefined) return asOf;
  const tier = index.tiers.get(client.clientId)?.tier ?? "C";
  return addMonths(last, cadenceMonths(clientCadence(client, tier)));
}

export function profileList(book: Book, opts: ProfileListOptions): SheetSpec {
  checkBase(opts, "profileList");
  ({ book, opts } = valued(book, opts)); // every amount in the book currency (issue #16)
  const { asOf, lang } = opts;
  const AMOUNT_FORMAT = amountFormat(book, lang);
  const t = sheetText(lang);
  const h = t.profile.headers;
  const index = indexFor(book, opts);
  const g = new Grid();

  const { asOfRef } = writeTitle(g, t.profile.title, t.asOf, asOf);
  g.set(2, 4, t.profile.legend);
  g.format("D2", undefined, { italic: true, color: COLORS.muted });

  const headers = [
    h.clientId, h.name, h.age, h.birthday, h.phone, h.address, h.occupation, h.employer, h.hobbies, h.family, h.assetsThisBank, h.assetsOther,
    h.nonFinancial, h.liabilities, h.netWorth, h.walletShare, ...PROFILE_CLASSES.map((k) => codeLabel("assetClass", k, lang)),
    h.riskLevel, h.riskName, h.tier, h.tags, h.contactWindow, h.lastContact, h.nextReview, h.notes, h.documents,
  ];
  const hr = PROFILE_HEADER_ROW;
  writeHeader(g, hr, 1, headers);

  const first = hr + 1;
  const sums = { thisBank: [] as number[], other: [] as number[], nonFinancial: [] as number[], liabilities: [] as number[], net: [] as number[] };
  const classSums = PROFILE_CLASSES.map(() => [] as number[]);
  const links: LinkSpec[] = [];
  const cell = (col: number, r: number) => cellName(col, r);
  index.clients.forEach((c, i) => {
    const r = first + i;
    const a = clientFigures(book, c.clientId, asOf);
    const tier = index.tiers.get(c.clientId);
    const last = lastContactOf(index, c.clientId, asOf);
    // Net worth as Excel adds the three cells, so the cache is what the formula gives.
    const net = a.thisBank + a.otherBanks + a.nonFinancial - a.liabilities;
    sums.thisBank.push(a.thisBank);
    sums.other.push(a.otherBanks);
    sums.nonFinancial.push(a.nonFinancial);
    sums.liabilities.push(a.liabilities);
    sums.net.push(net);
    const [J, K, L, M] = [cell(C.assetsThisBank, r), cell(C.assetsOther, r), cell(C.nonFinancial, r), cell(C.liabilities, r)];
    // Per class: the same figures' byClass (here + elsewhere + non-financial), blank where the client holds none.
    const byClass = new Map(a.byClass.map((x) => [x.assetClass, x.amount]));
    const classCells = PROFILE_CLASSES.map((k, j) => {
      const amount = byClass.get(k);
      if (amount !== undefined) classSums[j].push(amount);
      return amount ?? null;
    });
    const review = opts.reviewSheets?.get(c.clientId);
    if (review !== undefined) links.push({ cell: cell(C.name, r), sheet: review });
    const docs = c.documents !== undefined && checkLink(c.documents).ok ? c.documents : undefined;
    if (docs !== undefined) links.push({ cell: cell(C.documents, r), address: docs });
    g.row(r, 1, [
      c.clientId,
      c.name,
      c.birthday && c.birthday <= asOf ? age(c.birthday, asOf) : null,
      dateCell(c.birthday),
      textCell(c.phone),
      textCell(c.address),
      textCell(c.occupation),
      textCell(c.employer),
      textCell(c.hobbies),
      textCell(familyText(index.family.get(c.clientId) ?? [], asOf, lang)),
      a.thisBank,
      a.otherBanks,
      a.nonFinancial,
      a.liabilities,
      fx(`=${J}+${K}+${L}-${M}`, net),
      // Wallet share = financial assets here ÷ all financial assets (src/domain/allocation.ts); blank without any.
      fx(`=IF(${J}+${K}>0,${J}/(${J}+${K}),"")`, a.thisBank + a.otherBanks > 0 ? a.thisBank / (a.thisBank + a.otherBanks) : ""),
      ...classCells,
      c.riskLevel ?? null,
      c.riskLevel ? clientRiskName(c.riskLevel, lang) : null,
      tier ? (tier.manual ? `${tier.tier}${t.profile.manual}` : tier.tier) : null,
      textCell((c.tags ?? []).join(t.listSep)),
      textCell(c.contactWindow),
      dateCell(last?.date),
      dateCell(nextReviewDue(index, c, asOf)),
      textCell(c.notes),
      textCell(c.documents),
    ]);
  });

  const n = index.clients.length;
  const lastRow = first + n - 1;
  const totalRow = first + n;
  g.set(totalRow, 1, t.total);
  g.set(totalRow, 2, t.profile.clients(n));
  const sumCol = (col: number, values: number[]) =>
    g.set(totalRow, col, n === 0 ? 0 : fx(`=SUM(${rangeA1(col, first, col, lastRow)})`, sumInOrder(values)));
  sumCol(C.assetsThisBank, sums.thisBank);
  sumCol(C.assetsOther, sums.other);
  sumCol(C.nonFinancial, sums.nonFinancial);
  sumCol(C.liabilities, sums.liabilities);
  sumCol(C.netWorth, sums.net);
  PROFILE_CLASSES.forEach((_, j) => sumCol(C.firstClass + j, classSums[j]));
  // The book's wallet share: all clients' financial assets here ÷ all their financial assets.
  const [tj, tk] = [sumInOrder(sums.thisBank), sumInOrder(sums.other)];
  const [TJ, TK] = [cell(C.assetsThisBank, totalRow), cell(C.assetsOther, totalRow)];
  g.set(totalRow, C.walletShare, n === 0 ? "" : fx(`=IF(${TJ}+${TK}>0,${TJ}/(${TJ}+${TK}),"")`, tj + tk > 0 ? tj / (tj + tk) : ""));
  g.formatBox(1, totalRow, LAST_COL, totalRow, undefined, { bold: true, fill: COLORS.totalFill, border: true });

  g.formatBox(C.assetsThisBank, first, C.netWorth, totalRow, AMOUNT_FORMAT);
  g.formatBox(C.firstClass, first, LAST_CLASS, totalRow, AMOUNT_FORMAT);
  g.formatBox(C.walletShare, first, C.walletShare, totalRow, PERCENT_FORMAT);
  if (n > 0) {
    g.formatBox(C.age, first, C.age, lastRow, INT_FORMAT);
    g.formatBox(C.birthday, first, C.birthday, lastRow, DATE_FORMAT);
    g.formatBox(C.phone, first, C.phone, lastRow, TEXT_FORMAT);
    g.formatBox(C.lastContact, first, C.nextReview, lastRow, DATE_FORMAT);
    g.formatBox(C.netWorth, first, C.netWorth, lastRow, undefined, { bold: true });
    g.formatBox(C.documents, first, C.documents, lastRow, TEXT_FORMAT);
    for (const l of links) g.format(l.cell, undefined, { color: LINK_COLOR });
    // Whole rows light up; the next-review column is compared to the as-of cell, fixed by $.
    const due = `$${colName(C.nextReview)}${first}`;
    const rows = rangeA1(1, first, LAST_COL, lastRow);
    g.conditionalFormats.push(
      { range: rows, formula: `=AND(ISNUMBER(${due}),${due}<${asOfRef})`, style: { fill: COLORS.alertFill, color: COLORS.alertColor } },
      { range: rows, formula: `=AND(ISNUMBER(${due}),${due}=${asOfRef})`, style: { fill: COLORS.warnFill } },
    );
  }

  return {
    name: profileSheetName(lang),
    kind: "profile",
    cells: g.cells(),
    columnWidths: [10, 10, 6, 11, 13, 24, 12, 20, 14, 44, 14, 14, 14, 13, 14, 10, ...PROFILE_CLASSES.map(() => 12), 8, 10, 10, 24, 16, 11, 11, 30, 28],
    formats: g.formats,
    ...(links.length > 0 ? { links } : {}),
    freeze: { rows: hr, columns: 2 },
    autoFilter: rangeA1(1, hr, LAST_COL, Math.max(hr, lastRow)),
    conditionalFormats: g.conditionalFormats,
    page: sheetPage("profile", lang),
    tabColor: TAB_COLORS.profile,
  };
}

/** Where the as-of date lives on the profile list (B2), for the renderers and tests. */
export const PROFILE_AS_OF_CELL = absCell(2, 2);
