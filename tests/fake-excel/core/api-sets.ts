/**
 * Requirement sets: what Office.context.requirements.isSetSupported answers, and the ApiNotFound error that
 * Office.js throws synchronously when code touches a member of a set the host lacks
 * (Office.js resource string L_ApiNotFoundDetails; "Office versions and requirement sets":
 * https://learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets).
 *
 * MEMBER_SETS lists, for each member the fake implements above ExcelApi 1.1, the set named in its
 * "[Api set: ...]" remark in @types/office-js; api-sets.test.ts re-reads the typings to keep this table honest.
 */
import { apiNotFoundMessage, clientError, ErrorCode } from "./errors";

export type SupportedSets = Record<string, string> | ((name: string, minVersion?: string) => boolean);

/** Newest ExcelApi the typings describe; the default host supports everything. */
export const LATEST_EXCEL_API = "1.21";

export const DEFAULT_SETS: Record<string, string> = {
  ExcelApi: LATEST_EXCEL_API,
  SharedRuntime: "1.1",
  CustomFunctionsRuntime: "1.5",
  DialogApi: "1.2",
  RibbonApi: "1.2",
  IdentityAPI: "1.3",
};

/** Compares dotted versions numerically: 1.9 < 1.12. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

export class Requirements {
  constructor(private sets: SupportedSets = DEFAULT_SETS) {}

  configure(sets: SupportedSets): void {
    this.sets = sets;
  }

  /** Office.context.requirements.isSetSupported(name, minVersion): names compare case-insensitively. */
  isSetSupported(name: string, minVersion?: string | number): boolean {
    const min = minVersion === undefined || minVersion === null ? undefined : String(minVersion);
    if (typeof this.sets === "function") return this.sets(name, min);
    const key = Object.keys(this.sets).find((k) => k.toLowerCase() === String(name).toLowerCase());
    if (key === undefined) return false;
    return min === undefined || compareVersions(this.sets[key], min) >= 0;
  }

  isMemberSupported(member: string): boolean {
    const need = MEMBER_SETS[member];
    return !need || this.isSetSupported(need[0], need[1]);
  }

  /** Throws ApiNotFound like Office.js's generated `_throwIfApiNotSupported(member, set, version, "Excel")`. */
  assertMember(member: string): void {
    const need = MEMBER_SETS[member];
    if (!need) return;
    const [set, version] = need;
    if (!this.isSetSupported(set, version)) {
      throw clientError(ErrorCode.apiNotFound, apiNotFoundMessage(member, `${set} ${version}`), member);
    }
  }
}

/** Member → [set, version] for members above ExcelApi 1.1 ("Class.member" as Office.js names them). */
export const MEMBER_SETS: Record<string, [string, string]> = {
  "Excel.createWorkbook": ["ExcelApi", "1.8"],
  "Application.calculationMode.set": ["ExcelApi", "1.8"],
  "Application.suspendApiCalculationUntilNextSync": ["ExcelApi", "1.6"],
  "Application.suspendScreenUpdatingUntilNextSync": ["ExcelApi", "1.9"],
  "Workbook.comments": ["ExcelApi", "1.10"],
  "Workbook.notes": ["ExcelApi", "1.18"],
  "Workbook.settings": ["ExcelApi", "1.4"],
  "Workbook.name": ["ExcelApi", "1.7"],
  "Workbook.getActiveCell": ["ExcelApi", "1.7"],
  "Workbook.insertWorksheetsFromBase64": ["ExcelApi", "1.13"],
  "WorksheetCollection.getCount": ["ExcelApi", "1.4"],
  "WorksheetCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "WorksheetCollection.getFirst": ["ExcelApi", "1.5"],
  "WorksheetCollection.getLast": ["ExcelApi", "1.5"],
  "Worksheet.autoFilter": ["ExcelApi", "1.9"],
  "Worksheet.comments": ["ExcelApi", "1.10"],
  "Worksheet.freezePanes": ["ExcelApi", "1.7"],
  "Worksheet.notes": ["ExcelApi", "1.18"],
  "Worksheet.pageLayout": ["ExcelApi", "1.9"],
  "Worksheet.protection": ["ExcelApi", "1.2"],
  "Worksheet.showGridlines": ["ExcelApi", "1.8"],
  "Worksheet.tabColor": ["ExcelApi", "1.7"],
  "Worksheet.visibility.set": ["ExcelApi", "1.2"],
  "Worksheet.getRangeByIndexes": ["ExcelApi", "1.7"],
  "Worksheet.getUsedRange": ["ExcelApi", "1.2"],
  "Worksheet.getUsedRangeOrNullObject": ["ExcelApi", "1.4"],
  "Worksheet.findAll": ["ExcelApi", "1.9"],
  "Worksheet.findAllOrNullObject": ["ExcelApi", "1.9"],
  "Worksheet.getRanges": ["ExcelApi", "1.9"],
  "RangeAreas.address": ["ExcelApi", "1.9"],
  "RangeAreas.areaCount": ["ExcelApi", "1.9"],
  "RangeAreas.format": ["ExcelApi", "1.9"],
  "WorksheetFreezePanes.freezeAt": ["ExcelApi", "1.7"],
  "WorksheetFreezePanes.freezeColumns": ["ExcelApi", "1.7"],
  "WorksheetFreezePanes.freezeRows": ["ExcelApi", "1.7"],
  "WorksheetFreezePanes.getLocation": ["ExcelApi", "1.7"],
  "WorksheetFreezePanes.getLocationOrNullObject": ["ExcelApi", "1.7"],
  "WorksheetFreezePanes.unfreeze": ["ExcelApi", "1.7"],
  "WorksheetProtection.protected": ["ExcelApi", "1.2"],
  "WorksheetProtection.options": ["ExcelApi", "1.2"],
  "AutoFilter.apply": ["ExcelApi", "1.9"],
  "AutoFilter.enabled": ["ExcelApi", "1.9"],
  "AutoFilter.remove": ["ExcelApi", "1.9"],
  "AutoFilter.clearCriteria": ["ExcelApi", "1.9"],
  "AutoFilter.getRangeOrNullObject": ["ExcelApi", "1.9"],
  "PageLayout.orientation": ["ExcelApi", "1.9"],
  "PageLayout.paperSize": ["ExcelApi", "1.9"],
  "PageLayout.zoom": ["ExcelApi", "1.9"],
  "PageLayout.topMargin": ["ExcelApi", "1.9"],
  "PageLayout.bottomMargin": ["ExcelApi", "1.9"],
  "PageLayout.leftMargin": ["ExcelApi", "1.9"],
  "PageLayout.rightMargin": ["ExcelApi", "1.9"],
  "PageLayout.headerMargin": ["ExcelApi", "1.9"],
  "PageLayout.footerMargin": ["ExcelApi", "1.9"],
  "PageLayout.headersFooters": ["ExcelApi", "1.9"],
  "PageLayout.setPrintTitleRows": ["ExcelApi", "1.9"],
  "PageLayout.setPrintTitleColumns": ["ExcelApi", "1.9"],
  "HeaderFooterGroup.defaultForAllPages": ["ExcelApi", "1.9"],
  "HeaderFooter.leftFooter": ["ExcelApi", "1.9"],
  "HeaderFooter.centerFooter": ["ExcelApi", "1.9"],
  "HeaderFooter.rightFooter": ["ExcelApi", "1.9"],
  "HeaderFooter.leftHeader": ["ExcelApi", "1.9"],
  "HeaderFooter.centerHeader": ["ExcelApi", "1.9"],
  "HeaderFooter.rightHeader": ["ExcelApi", "1.9"],
  "Range.conditionalFormats": ["ExcelApi", "1.6"],
  "Range.hyperlink": ["ExcelApi", "1.7"],
  "Range.dataValidation": ["ExcelApi", "1.8"],
  "Range.columnHidden": ["ExcelApi", "1.2"],
  "Range.rowHidden": ["ExcelApi", "1.2"],
  "Range.isEntireColumn": ["ExcelApi", "1.7"],
  "Range.isEntireRow": ["ExcelApi", "1.7"],
  "Range.top": ["ExcelApi", "1.10"],
  "Range.left": ["ExcelApi", "1.10"],
  "Range.width": ["ExcelApi", "1.10"],
  "Range.height": ["ExcelApi", "1.10"],
  "Range.getResizedRange": ["ExcelApi", "1.2"],
  "Range.getIntersectionOrNullObject": ["ExcelApi", "1.4"],
  "Range.getRowsAbove": ["ExcelApi", "1.2"],
  "Range.getRowsBelow": ["ExcelApi", "1.2"],
  "Range.getColumnsAfter": ["ExcelApi", "1.2"],
  "Range.getColumnsBefore": ["ExcelApi", "1.2"],
  "Range.getUsedRange": ["ExcelApi", "1.2"],
  "Range.getUsedRangeOrNullObject": ["ExcelApi", "1.4"],
  "Range.merge": ["ExcelApi", "1.2"],
  "Range.unmerge": ["ExcelApi", "1.2"],
  "RangeFormat.columnWidth": ["ExcelApi", "1.2"],
  "RangeFormat.rowHeight": ["ExcelApi", "1.2"],
  "RangeFormat.autofitColumns": ["ExcelApi", "1.2"],
  "RangeFormat.autofitRows": ["ExcelApi", "1.2"],
  "RangeFormat.indentLevel": ["ExcelApi", "1.9"],
  "RangeFont.strikethrough": ["ExcelApi", "1.9"],
  "ConditionalFormatCollection.add": ["ExcelApi", "1.6"],
  "ConditionalFormatCollection.clearAll": ["ExcelApi", "1.6"],
  "ConditionalFormatCollection.getCount": ["ExcelApi", "1.6"],
  "ConditionalFormatCollection.getItemAt": ["ExcelApi", "1.6"],
  "DataValidation.rule": ["ExcelApi", "1.8"],
  "DataValidation.clear": ["ExcelApi", "1.8"],
  "TableCollection.getCount": ["ExcelApi", "1.4"],
  "TableCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "Table.worksheet": ["ExcelApi", "1.2"],
  "Table.showBandedRows": ["ExcelApi", "1.3"],
  "Table.showFilterButton": ["ExcelApi", "1.3"],
  "Table.convertToRange": ["ExcelApi", "1.2"],
  "Table.resize": ["ExcelApi", "1.13"],
  "TableRowCollection.getCount": ["ExcelApi", "1.4"],
  "TableColumnCollection.getCount": ["ExcelApi", "1.4"],
  "TableColumn.name.set": ["ExcelApi", "1.4"],
  "TableColumnCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "Chart.worksheet": ["ExcelApi", "1.2"],
  "Chart.chartType": ["ExcelApi", "1.7"],
  "Chart.id": ["ExcelApi", "1.7"],
  "ChartCollection.getCount": ["ExcelApi", "1.4"],
  "ChartCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "ChartSeriesCollection.add": ["ExcelApi", "1.7"],
  "ChartSeriesCollection.getCount": ["ExcelApi", "1.4"],
  "ChartSeries.chartType": ["ExcelApi", "1.7"],
  "ChartSeries.delete": ["ExcelApi", "1.7"],
  "ChartSeries.hasDataLabels": ["ExcelApi", "1.7"],
  "ChartSeries.setValues": ["ExcelApi", "1.7"],
  "ChartSeries.setXAxisValues": ["ExcelApi", "1.7"],
  "SettingCollection.add": ["ExcelApi", "1.4"],
  "SettingCollection.getCount": ["ExcelApi", "1.4"],
  "SettingCollection.getItem": ["ExcelApi", "1.4"],
  "SettingCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "Setting.delete": ["ExcelApi", "1.4"],
  "Setting.value": ["ExcelApi", "1.4"],
  "Setting.key": ["ExcelApi", "1.4"],
  "NamedItemCollection.add": ["ExcelApi", "1.4"],
  "NamedItemCollection.getCount": ["ExcelApi", "1.4"],
  "NamedItemCollection.getItemOrNullObject": ["ExcelApi", "1.4"],
  "NamedItem.delete": ["ExcelApi", "1.4"],
  "NamedItem.comment": ["ExcelApi", "1.4"],
  "NamedItem.scope": ["ExcelApi", "1.4"],
  "NamedItem.formula": ["ExcelApi", "1.7"],
  "CommentCollection.add": ["ExcelApi", "1.10"],
  "CommentCollection.getCount": ["ExcelApi", "1.10"],
  "CommentCollection.getItem": ["ExcelApi", "1.10"],
  "CommentCollection.getItemAt": ["ExcelApi", "1.10"],
  "CommentCollection.getItemByCell": ["ExcelApi", "1.10"],
  "Comment.content": ["ExcelApi", "1.10"],
  "Comment.authorName": ["ExcelApi", "1.10"],
  "Comment.delete": ["ExcelApi", "1.10"],
  "Comment.getLocation": ["ExcelApi", "1.10"],
  "Comment.resolved": ["ExcelApi", "1.11"],
  "NoteCollection.add": ["ExcelApi", "1.18"],
  "NoteCollection.getCount": ["ExcelApi", "1.18"],
  "NoteCollection.getItem": ["ExcelApi", "1.18"],
  "NoteCollection.getItemAt": ["ExcelApi", "1.18"],
  "NoteCollection.getItemOrNullObject": ["ExcelApi", "1.18"],
  "Note.content": ["ExcelApi", "1.18"],
  "Note.authorName": ["ExcelApi", "1.18"],
  "Note.visible": ["ExcelApi", "1.18"],
  "Note.delete": ["ExcelApi", "1.18"],
  "Note.getLocation": ["ExcelApi", "1.18"],
  "DataValidation.type": ["ExcelApi", "1.8"],
  "DataValidation.errorAlert": ["ExcelApi", "1.8"],
  "DataValidation.prompt": ["ExcelApi", "1.8"],
  "DataValidation.ignoreBlanks": ["ExcelApi", "1.8"],
  "Note.width": ["ExcelApi", "1.18"],
  "Note.height": ["ExcelApi", "1.18"],
  "CommentCollection.getItemOrNullObject": ["ExcelApi", "1.14"],
  "Comment.id": ["ExcelApi", "1.10"],
  "Comment.authorEmail": ["ExcelApi", "1.10"],
  "Comment.creationDate": ["ExcelApi", "1.10"],
  "Comment.contentType": ["ExcelApi", "1.12"],
  "ChartSeries.getDimensionValues": ["ExcelApi", "1.12"],
  "Table.clearFilters": ["ExcelApi", "1.2"],
  "TableColumn.filter": ["ExcelApi", "1.2"],
  "Filter.apply": ["ExcelApi", "1.2"],
  "Filter.applyValuesFilter": ["ExcelApi", "1.2"],
  "Filter.clear": ["ExcelApi", "1.2"],
  "Filter.criteria": ["ExcelApi", "1.2"],
  "WorksheetProtection.protect": ["ExcelApi", "1.2"],
  "WorksheetProtection.unprotect": ["ExcelApi", "1.7"],
  "AutoFilter.isDataFiltered": ["ExcelApi", "1.9"],
  "AutoFilter.getRange": ["ExcelApi", "1.9"],
  "Range.numberFormatLocal": ["ExcelApi", "1.7"],
  "Range.hidden": ["ExcelApi", "1.2"],
  "Range.calculate": ["ExcelApi", "1.6"],
  "ConditionalFormatCollection.getItem": ["ExcelApi", "1.6"],
  "ConditionalFormat.id": ["ExcelApi", "1.6"],
  "ConditionalFormat.type": ["ExcelApi", "1.6"],
  "ConditionalFormat.priority": ["ExcelApi", "1.6"],
  "ConditionalFormat.stopIfTrue": ["ExcelApi", "1.6"],
  "ConditionalFormat.custom": ["ExcelApi", "1.6"],
  "ConditionalFormat.customOrNullObject": ["ExcelApi", "1.6"],
  "ConditionalFormat.delete": ["ExcelApi", "1.6"],
  "ConditionalFormat.getRange": ["ExcelApi", "1.6"],
  "ConditionalFormat.getRangeOrNullObject": ["ExcelApi", "1.6"],
  "CustomConditionalFormat.rule": ["ExcelApi", "1.6"],
  "CustomConditionalFormat.format": ["ExcelApi", "1.6"],
  "ConditionalFormatRule.formula": ["ExcelApi", "1.6"],
  "ConditionalFormatRule.formulaLocal": ["ExcelApi", "1.6"],
  "ConditionalRangeFormat.numberFormat": ["ExcelApi", "1.6"],
  "ConditionalRangeFormat.font": ["ExcelApi", "1.6"],
  "ConditionalRangeFormat.fill": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.bold": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.italic": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.strikethrough": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.color": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.underline": ["ExcelApi", "1.6"],
  "ConditionalRangeFont.clear": ["ExcelApi", "1.6"],
  "ConditionalRangeFill.color": ["ExcelApi", "1.6"],
  "ConditionalRangeFill.clear": ["ExcelApi", "1.6"],
};
