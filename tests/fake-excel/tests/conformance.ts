/**
 * Compile-time proof that every fake class is a faithful subset of its @types/office-js class:
 * each public member exists on the real class, properties have the real types, methods accept the real
 * parameters, and members holding or returning Office objects hold or return the fake for the same class.
 * A member the real API lacks, or a signature that drifts, fails `tsc` here with the member's name.
 * (This file only declares types and constants; nothing imports it at run time.)
 */
import type { FakeChart, FakeChartCollection, FakeChartLegend, FakeChartSeries, FakeChartSeriesCollection, FakeChartTitle } from "../objects/chart";
import type {
  FakeConditionalFormat,
  FakeConditionalFormatCollection,
  FakeConditionalFormatRule,
  FakeConditionalRangeFill,
  FakeConditionalRangeFont,
  FakeConditionalRangeFormat,
  FakeCustomConditionalFormat,
} from "../objects/conditional";
import type { FakeRequestContext } from "../core/context";
import type { FakeNamedItem, FakeNamedItemCollection } from "../objects/names";
import type { FakeComment, FakeCommentCollection, FakeNote, FakeNoteCollection } from "../objects/notes";
import type { FakeRange, FakeRangeBorder, FakeRangeBorderCollection, FakeRangeFill, FakeRangeFont, FakeRangeFormat } from "../objects/range";
import type { FakeFilter, FakeTable, FakeTableCollection, FakeTableColumn, FakeTableColumnCollection, FakeTableRow, FakeTableRowCollection } from "../objects/table";
import type { FakeRangeAreas } from "../objects/rangeAreas";
import type { FakeDataValidation } from "../objects/validation";
import type { FakeApplication, FakeSetting, FakeSettingCollection, FakeWorkbook } from "../objects/workbook";
import type { FakeAutoFilter, FakePageLayout, FakeWorksheet, FakeWorksheetCollection, FakeWorksheetFreezePanes, FakeWorksheetProtection } from "../objects/worksheet";

type Fn = (...args: any[]) => any;
type Brand<F> = F extends { readonly __office?: infer R } ? Exclude<R, undefined> : never;
type HasBrand<F> = [Brand<F>] extends [never] ? false : unknown extends Brand<F> ? false : true;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

type IsAny<T> = 0 extends 1 & T ? true : false;
type ValueOk<F, R> =
  IsAny<F> extends true
    ? true
    : [F] extends [readonly (infer FE)[]]
    ? [R] extends [readonly (infer RE)[]]
      ? ValueOk<FE, RE>
      : "is a list, but the real API's is not"
    : HasBrand<F> extends true
    ? Same<Brand<F>, R> extends true
      ? true
      : "holds a different Office object than the real API"
    : [F] extends [R]
      ? true
      : "has a different type than the real API";

type MemberOk<F, R> = F extends Fn
  ? R extends Fn
    ? Parameters<R> extends Parameters<F>
      ? ValueOk<ReturnType<F>, ReturnType<R>>
      : "does not accept the real API's parameters"
    : "is a method, but not in the real API"
  : ValueOk<F, R>;

/** For each public, string-named member of the fake: true, or the reason it does not match the real class. */
export type Conformance<F, R> = {
  [K in Exclude<keyof F, symbol | "__office">]: K extends keyof R ? MemberOk<F[K], R[K]> : "is not a member of the real API";
};

/** A value that only type-checks when every member of the fake conforms (the error names the offending member). */
function allTrue<F>(): { [K in Exclude<keyof F, symbol | "__office">]: true } {
  return null as never;
}

export const contextConforms: Conformance<FakeRequestContext, Excel.RequestContext> = allTrue<FakeRequestContext>();
export const workbookConforms: Conformance<FakeWorkbook, Excel.Workbook> = allTrue<FakeWorkbook>();
export const applicationConforms: Conformance<FakeApplication, Excel.Application> = allTrue<FakeApplication>();
export const settingsConforms: Conformance<FakeSettingCollection, Excel.SettingCollection> = allTrue<FakeSettingCollection>();
export const settingConforms: Conformance<FakeSetting, Excel.Setting> = allTrue<FakeSetting>();
export const namedItemsConforms: Conformance<FakeNamedItemCollection, Excel.NamedItemCollection> = allTrue<FakeNamedItemCollection>();
export const namedItemConforms: Conformance<FakeNamedItem, Excel.NamedItem> = allTrue<FakeNamedItem>();
export const worksheetsConforms: Conformance<FakeWorksheetCollection, Excel.WorksheetCollection> = allTrue<FakeWorksheetCollection>();
export const worksheetConforms: Conformance<FakeWorksheet, Excel.Worksheet> = allTrue<FakeWorksheet>();
export const freezePanesConforms: Conformance<FakeWorksheetFreezePanes, Excel.WorksheetFreezePanes> = allTrue<FakeWorksheetFreezePanes>();
export const protectionConforms: Conformance<FakeWorksheetProtection, Excel.WorksheetProtection> = allTrue<FakeWorksheetProtection>();
export const autoFilterConforms: Conformance<FakeAutoFilter, Excel.AutoFilter> = allTrue<FakeAutoFilter>();
export const pageLayoutConforms: Conformance<FakePageLayout, Excel.PageLayout> = allTrue<FakePageLayout>();
export const rangeConforms: Conformance<FakeRange, Excel.Range> = allTrue<FakeRange>();
export const rangeAreasConforms: Conformance<FakeRangeAreas, Excel.RangeAreas> = allTrue<FakeRangeAreas>();
export const rangeFormatConforms: Conformance<FakeRangeFormat, Excel.RangeFormat> = allTrue<FakeRangeFormat>();
export const rangeFontConforms: Conformance<FakeRangeFont, Excel.RangeFont> = allTrue<FakeRangeFont>();
export const rangeFillConforms: Conformance<FakeRangeFill, Excel.RangeFill> = allTrue<FakeRangeFill>();
export const bordersConforms: Conformance<FakeRangeBorderCollection, Excel.RangeBorderCollection> = allTrue<FakeRangeBorderCollection>();
export const borderConforms: Conformance<FakeRangeBorder, Excel.RangeBorder> = allTrue<FakeRangeBorder>();
export const conditionalFormatsConforms: Conformance<FakeConditionalFormatCollection, Excel.ConditionalFormatCollection> = allTrue<FakeConditionalFormatCollection>();
export const conditionalFormatConforms: Conformance<FakeConditionalFormat, Excel.ConditionalFormat> = allTrue<FakeConditionalFormat>();
export const customConditionalFormatConforms: Conformance<FakeCustomConditionalFormat, Excel.CustomConditionalFormat> = allTrue<FakeCustomConditionalFormat>();
export const conditionalRuleConforms: Conformance<FakeConditionalFormatRule, Excel.ConditionalFormatRule> = allTrue<FakeConditionalFormatRule>();
export const conditionalRangeFormatConforms: Conformance<FakeConditionalRangeFormat, Excel.ConditionalRangeFormat> = allTrue<FakeConditionalRangeFormat>();
export const conditionalFontConforms: Conformance<FakeConditionalRangeFont, Excel.ConditionalRangeFont> = allTrue<FakeConditionalRangeFont>();
export const conditionalFillConforms: Conformance<FakeConditionalRangeFill, Excel.ConditionalRangeFill> = allTrue<FakeConditionalRangeFill>();
export const dataValidationConforms: Conformance<FakeDataValidation, Excel.DataValidation> = allTrue<FakeDataValidation>();
export const tablesConforms: Conformance<FakeTableCollection, Excel.TableCollection> = allTrue<FakeTableCollection>();
export const tableConforms: Conformance<FakeTable, Excel.Table> = allTrue<FakeTable>();
export const tableRowsConforms: Conformance<FakeTableRowCollection, Excel.TableRowCollection> = allTrue<FakeTableRowCollection>();
export const tableRowConforms: Conformance<FakeTableRow, Excel.TableRow> = allTrue<FakeTableRow>();
export const tableColumnsConforms: Conformance<FakeTableColumnCollection, Excel.TableColumnCollection> = allTrue<FakeTableColumnCollection>();
export const tableColumnConforms: Conformance<FakeTableColumn, Excel.TableColumn> = allTrue<FakeTableColumn>();
export const filterConforms: Conformance<FakeFilter, Excel.Filter> = allTrue<FakeFilter>();
export const chartsConforms: Conformance<FakeChartCollection, Excel.ChartCollection> = allTrue<FakeChartCollection>();
export const chartConforms: Conformance<FakeChart, Excel.Chart> = allTrue<FakeChart>();
export const chartTitleConforms: Conformance<FakeChartTitle, Excel.ChartTitle> = allTrue<FakeChartTitle>();
export const chartLegendConforms: Conformance<FakeChartLegend, Excel.ChartLegend> = allTrue<FakeChartLegend>();
export const chartSeriesCollectionConforms: Conformance<FakeChartSeriesCollection, Excel.ChartSeriesCollection> = allTrue<FakeChartSeriesCollection>();
export const chartSeriesConforms: Conformance<FakeChartSeries, Excel.ChartSeries> = allTrue<FakeChartSeries>();
export const notesConforms: Conformance<FakeNoteCollection, Excel.NoteCollection> = allTrue<FakeNoteCollection>();
export const noteConforms: Conformance<FakeNote, Excel.Note> = allTrue<FakeNote>();
export const commentsConforms: Conformance<FakeCommentCollection, Excel.CommentCollection> = allTrue<FakeCommentCollection>();
export const commentConforms: Conformance<FakeComment, Excel.Comment> = allTrue<FakeComment>();
