/**
 * Charts: ChartCollection, Chart, ChartTitle, ChartLegend, ChartSeriesCollection, ChartSeries.
 * "Work with charts using the Excel JavaScript API": https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-charts
 * The fake keeps, per chart, the source range and every series' value and category ranges, so tests can assert
 * what a chart plots without rendering it.
 * Splitting the source into series follows Excel's rule of thumb: "Auto" plots series in columns when the range has
 * at least as many rows as columns; a first row of text gives series names, a first column of text or of dates (or
 * an empty top-left cell) gives categories.
 * A new chart is 360 × 216 points (Excel's 5" × 3" default) at the sheet's top-left corner; with one series its
 * title shows the series name. Setting title.text makes the title visible.
 */
import { cellA1, cols, qualified, type Rect, rows } from "../core/addresses";
import { isBool, isInt, isNumber, oneOf } from "../core/checks";
import { ChartLegendPosition, ChartSeriesBy, ChartSeriesDimension, ChartType } from "../generated/enums";
import { fail } from "../core/errors";
import { checkSeriesCount } from "../core/limits";
import { cellOffset, type ChartModel, type SeriesModel, type SeriesRef, type SheetModel } from "../core/model";
import { type FakeClientResult, FakeCollection, FakeEntity, register, resolve } from "../core/proxy";
import { FakeRange, rangeArg, rectOnSheet } from "./range";
import { assertEditable, type RangeRef } from "../core/sheet-ops";
import type { HostState } from "../core/state";
import { cellNumberFormat, cellText, cellValue } from "../core/values";
import { FakeWorksheet } from "./worksheet";

export const DEFAULT_CHART_SIZE = { width: 360, height: 216 };

/** Text, or a date (a number shown with a date format), labels a series or a category rather than plotting. */
function isLabel(sheet: SheetModel, r: number, c: number, v: unknown): boolean {
  if (typeof v === "string") return true;
  const nf = cellNumberFormat(sheet, r, c);
  return typeof v === "number" && /[yd]/i.test(nf.replace(/"[^"]*"/g, "")) && !/general/i.test(nf);
}

/**
 * The series orientation of charts.add / setData. Omitted or "Auto" is refused unless the host guesses
 * (HostState.autoSeriesBy): Excel on the web and on the desktop split the same range differently under "Auto"
 * (OfficeDev/office-js#1830, #2929), so the add-in must say "Columns" or "Rows".
 */
function explicitSeriesBy(host: HostState, seriesBy: unknown, where: string): string {
  const by = seriesBy === undefined ? "Auto" : oneOf(seriesBy, ChartSeriesBy, `${where} seriesBy`);
  if (by === "Auto" && host.autoSeriesBy === "refuse") {
    fail("InvalidArgument", `${where}: seriesBy "Auto" splits the range differently in Excel on the web and on the desktop (office-js#1830, #2929); pass "Columns" or "Rows"`);
  }
  return by;
}

/** Splits a source range into series the way Excel does for charts.add / setData. */
export function seriesFromSource(host: HostState, ref: RangeRef, seriesBy: string): { series: SeriesModel[]; orientation: string } {
  const { sheet, rect } = ref;
  const orientation = seriesBy === "Auto" ? (rows(rect) >= cols(rect) ? "Columns" : "Rows") : seriesBy;
  const byCols = orientation === "Columns";
  const pos = (i: number, j: number): [number, number] => (byCols ? [rect.r0 + i, rect.c0 + j] : [rect.r0 + j, rect.c0 + i]);
  const at = (i: number, j: number) => cellValue(sheet, ...pos(i, j), host.evaluator);
  const label = (i: number, j: number) => isLabel(sheet, ...pos(i, j), at(i, j));
  const len = byCols ? rows(rect) : cols(rect);
  const count = byCols ? cols(rect) : rows(rect);
  const topLeftEmpty = at(0, 0) === "";
  let namesRow = topLeftEmpty;
  let categoriesCol = topLeftEmpty;
  if (!topLeftEmpty) {
    namesRow = len > 1 && Array.from({ length: count }, (_, j) => j).every((j) => typeof at(0, j) === "string" && at(0, j) !== "");
    categoriesCol = count > 1 && Array.from({ length: len - (namesRow ? 1 : 0) }, (_, i) => i + (namesRow ? 1 : 0)).every((i) => label(i, 0));
  }
  const first = namesRow ? 1 : 0;
  const span = (j: number): Rect =>
    byCols ? { r0: rect.r0 + first, r1: rect.r1, c0: rect.c0 + j, c1: rect.c0 + j } : { r0: rect.r0 + j, r1: rect.r0 + j, c0: rect.c0 + first, c1: rect.c1 };
  const series: SeriesModel[] = [];
  for (let j = categoriesCol ? 1 : 0; j < count; j++) {
    const name = namesRow ? cellText(sheet, byCols ? rect.r0 : rect.r0 + j, byCols ? rect.c0 + j : rect.c0, host.evaluator) : `Series${series.length + 1}`;
    series.push({
      name,
      values: { sheet, rect: span(j) },
      xValues: categoriesCol ? { sheet, rect: span(0) } : undefined,
      hasDataLabels: false,
    });
  }
  if (series.length === 0) fail("InvalidArgument", `the chart source ${qualified(sheet.name, rect)} holds no data series`);
  checkSeriesCount(series.length, `the chart source ${qualified(sheet.name, rect)}`);
  return { series, orientation };
}

export function seriesAddress(ref: SeriesRef | undefined): string | null {
  return ref ? qualified(ref.sheet.name, ref.rect) : null;
}

function findChart(sheet: SheetModel, name: unknown): ChartModel | null {
  if (typeof name !== "string") fail("InvalidArgument", `chart name must be a string, not ${JSON.stringify(name)}`);
  return sheet.charts.find((c) => c.name === name) ?? sheet.charts.find((c) => c.name.toLowerCase() === name.toLowerCase()) ?? null;
}

export class FakeChartCollection extends FakeCollection<SheetModel, FakeChart> {
  declare readonly __office?: Excel.ChartCollection;
  declare readonly count: number;

  add(type: Excel.ChartType | "Invalid" | string, sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): FakeChart {
    return this._object(FakeChart, "add", [type, sourceData, seriesBy], (sheet, host) => {
      const kind = oneOf(type, ChartType, "ChartCollection.add type");
      if (kind === "Invalid") fail("InvalidArgument", "ChartCollection.add type: Invalid is not a chart type");
      const by = explicitSeriesBy(host, seriesBy, "ChartCollection.add");
      const source = rangeArg(host, sourceData, "ChartCollection.add sourceData");
      assertEditable(sheet, "charts.add");
      const { series } = seriesFromSource(host, source, by);
      host.book.counters.chart += 1;
      const n = host.book.counters.chart;
      const chart: ChartModel = {
        id: `{CH-${String(n).padStart(8, "0")}}`,
        name: `Chart ${n}`,
        sheet,
        type: kind,
        title: series.length === 1 ? { text: series[0].name, visible: true, overlay: false } : { text: "", visible: false, overlay: false },
        legend: { visible: true, position: "Bottom", overlay: false },
        series,
        top: 0,
        left: 0,
        ...DEFAULT_CHART_SIZE,
        source: { ref: source, seriesBy: by },
      };
      sheet.charts.push(chart);
      return chart;
    });
  }

  getItem(name: string): FakeChart {
    return this._object(FakeChart, "getItem", [name], (sheet) => findChart(sheet, name));
  }

  getItemOrNullObject(name: string): FakeChart {
    return this._object(FakeChart, "getItemOrNullObject", [name], (sheet) => findChart(sheet, name), true);
  }

  getItemAt(index: number): FakeChart {
    return this._object(FakeChart, "getItemAt", [index], (sheet) => sheet.charts[isInt(index, "ChartCollection.getItemAt index", 0)] ?? null);
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (sheet) => sheet.charts.length);
  }
}

register(FakeChartCollection, {
  className: "ChartCollection",
  alive: (s: SheetModel) => !s.deleted,
  scalars: { count: { get: (s: SheetModel) => s.charts.length } },
  navs: {},
  collection: {
    item: () => FakeChart,
    items: (s: SheetModel) => s.charts,
    itemLabel: (c: ChartModel) => `getItem(${JSON.stringify(c.name)})`,
  },
});

function cellOnChartSheet(host: HostState, chart: ChartModel, arg: unknown, what: string): Rect {
  if (arg instanceof FakeRange) {
    const ref = resolve(arg, host);
    if (!ref) fail("InvalidArgument", `${what}: the range is a null object`);
    if (ref.sheet !== chart.sheet) fail("InvalidArgument", `${what}: the cell must be on the chart's sheet '${chart.sheet.name}'`);
    return ref.rect;
  }
  return rectOnSheet(chart.sheet, arg, what);
}

export class FakeChart extends FakeEntity<ChartModel> {
  declare readonly __office?: Excel.Chart;
  declare readonly id: string;
  declare name: string;
  declare chartType: Excel.Chart["chartType"];
  declare top: number;
  declare left: number;
  declare width: number;
  declare height: number;
  declare readonly title: FakeChartTitle;
  declare readonly legend: FakeChartLegend;
  declare readonly series: FakeChartSeriesCollection;
  declare readonly worksheet: FakeWorksheet;

  /** Places the chart's top-left corner on startCell and, with endCell, its bottom-right on endCell's far corner. */
  setPosition(startCell: Excel.Range | string, endCell?: Excel.Range | string): void {
    this._call("setPosition", [startCell, endCell], (chart, host) => {
      const start = cellOnChartSheet(host, chart, startCell, "Chart.setPosition startCell");
      const origin = cellOffset(chart.sheet, start.r0, start.c0);
      chart.top = origin.top;
      chart.left = origin.left;
      chart.anchor = { start: cellA1(start.r0, start.c0) };
      if (endCell !== undefined && endCell !== null) {
        const end = cellOnChartSheet(host, chart, endCell, "Chart.setPosition endCell");
        const far = cellOffset(chart.sheet, end.r1 + 1, end.c1 + 1);
        if (far.top <= origin.top || far.left <= origin.left) fail("InvalidArgument", "Chart.setPosition: endCell must lie below and right of startCell");
        chart.width = far.left - origin.left;
        chart.height = far.top - origin.top;
        chart.anchor.end = cellA1(end.r1, end.c1);
      }
    });
  }

  setData(sourceData: Excel.Range, seriesBy?: Excel.ChartSeriesBy | "Auto" | "Columns" | "Rows"): void {
    this._call("setData", [sourceData, seriesBy], (chart, host) => {
      const by = explicitSeriesBy(host, seriesBy, "Chart.setData");
      const source = rangeArg(host, sourceData, "Chart.setData sourceData");
      for (const s of chart.series) s.deleted = true;
      chart.series = seriesFromSource(host, source, by).series;
      chart.source = { ref: source, seriesBy: by };
    });
  }

  delete(): void {
    this._call("delete", [], (chart) => {
      chart.deleted = true;
      chart.sheet.charts = chart.sheet.charts.filter((c) => c !== chart);
    });
  }
}

register(FakeChart, {
  className: "Chart",
  alive: (c: ChartModel) => !c.deleted && !c.sheet.deleted,
  scalars: {
    id: { get: (c: ChartModel) => c.id },
    name: {
      get: (c: ChartModel) => c.name,
      set: (c: ChartModel, v) => {
        if (typeof v !== "string" || v.trim() === "") fail("InvalidArgument", "Chart.name must be a non-blank string");
        c.name = v;
      },
    },
    chartType: {
      get: (c: ChartModel) => c.type,
      set: (c: ChartModel, v) => {
        const kind = oneOf(v, ChartType, "Chart.chartType");
        if (kind === "Invalid") fail("InvalidArgument", "Chart.chartType: Invalid is not a chart type");
        c.type = kind;
      },
    },
    top: { get: (c: ChartModel) => c.top, set: (c: ChartModel, v) => void (c.top = isNumber(v, "Chart.top", 0)) },
    left: { get: (c: ChartModel) => c.left, set: (c: ChartModel, v) => void (c.left = isNumber(v, "Chart.left", 0)) },
    width: { get: (c: ChartModel) => c.width, set: (c: ChartModel, v) => void (c.width = isNumber(v, "Chart.width", 0)) },
    height: { get: (c: ChartModel) => c.height, set: (c: ChartModel, v) => void (c.height = isNumber(v, "Chart.height", 0)) },
  },
  navs: {
    title: { cls: () => FakeChartTitle, target: (c: ChartModel) => c },
    legend: { cls: () => FakeChartLegend, target: (c: ChartModel) => c },
    series: { cls: () => FakeChartSeriesCollection, target: (c: ChartModel) => c },
    worksheet: { cls: () => FakeWorksheet, target: (c: ChartModel) => c.sheet },
  },
});

export class FakeChartTitle extends FakeEntity<ChartModel> {
  declare readonly __office?: Excel.ChartTitle;
  declare text: string;
  declare visible: boolean;
  declare overlay: boolean;
}

register(FakeChartTitle, {
  className: "ChartTitle",
  alive: (c: ChartModel) => !c.deleted,
  scalars: {
    text: {
      get: (c: ChartModel) => c.title.text,
      set: (c: ChartModel, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "ChartTitle.text must be a string");
        c.title.text = v;
        c.title.visible = v !== "";
      },
    },
    visible: { get: (c: ChartModel) => c.title.visible, set: (c: ChartModel, v) => void (c.title.visible = isBool(v, "ChartTitle.visible")) },
    overlay: { get: (c: ChartModel) => c.title.overlay, set: (c: ChartModel, v) => void (c.title.overlay = isBool(v, "ChartTitle.overlay")) },
  },
  navs: {},
});

export class FakeChartLegend extends FakeEntity<ChartModel> {
  declare readonly __office?: Excel.ChartLegend;
  declare visible: boolean;
  declare position: Excel.ChartLegend["position"];
  declare overlay: boolean;
}

register(FakeChartLegend, {
  className: "ChartLegend",
  alive: (c: ChartModel) => !c.deleted,
  scalars: {
    visible: { get: (c: ChartModel) => c.legend.visible, set: (c: ChartModel, v) => void (c.legend.visible = isBool(v, "ChartLegend.visible")) },
    position: {
      get: (c: ChartModel) => c.legend.position,
      set: (c: ChartModel, v) => void (c.legend.position = oneOf(v, ChartLegendPosition, "ChartLegend.position")),
    },
    overlay: { get: (c: ChartModel) => c.legend.overlay, set: (c: ChartModel, v) => void (c.legend.overlay = isBool(v, "ChartLegend.overlay")) },
  },
  navs: {},
});

export interface SeriesTarget {
  chart: ChartModel;
  series: SeriesModel;
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, FakeChartSeries> {
  declare readonly __office?: Excel.ChartSeriesCollection;
  declare readonly count: number;

  /** A new, empty series; give it data with setValues / setXAxisValues. */
  add(name?: string, index?: number): FakeChartSeries {
    return this._object(FakeChartSeries, "add", [name, index], (chart): SeriesTarget => {
      checkSeriesCount(chart.series.length + 1, "ChartSeriesCollection.add");
      const series: SeriesModel = { name: name ?? `Series${chart.series.length + 1}`, hasDataLabels: false };
      const at = index === undefined ? chart.series.length : isInt(index, "ChartSeriesCollection.add index", 0, chart.series.length);
      chart.series.splice(at, 0, series);
      return { chart, series };
    });
  }

  getItemAt(index: number): FakeChartSeries {
    return this._object(FakeChartSeries, "getItemAt", [index], (chart) => {
      const s = chart.series[isInt(index, "ChartSeriesCollection.getItemAt index", 0)];
      return s ? { chart, series: s } : null;
    });
  }

  getCount(): FakeClientResult<number> {
    return this._callResult("getCount", [], (chart) => chart.series.length);
  }
}

register(FakeChartSeriesCollection, {
  className: "ChartSeriesCollection",
  alive: (c: ChartModel) => !c.deleted,
  scalars: { count: { get: (c: ChartModel) => c.series.length } },
  navs: {},
  collection: {
    item: () => FakeChartSeries,
    items: (c: ChartModel) => c.series.map((series) => ({ chart: c, series })),
    itemLabel: (t: SeriesTarget, i: number) => `getItemAt(${i})`,
  },
});

function dimensionRef(t: SeriesTarget, dimension: string): SeriesRef | undefined {
  if (dimension === "Values" || dimension === "YValues") return t.series.values;
  if (dimension === "Categories" || dimension === "XValues") return t.series.xValues;
  fail("NotImplemented", `fake-excel: series dimension ${dimension} is not modelled`);
}

export class FakeChartSeries extends FakeEntity<SeriesTarget> {
  declare readonly __office?: Excel.ChartSeries;
  declare name: string;
  declare chartType: Excel.ChartSeries["chartType"];
  declare hasDataLabels: boolean;

  setValues(sourceData: Excel.Range): void {
    this._call("setValues", [sourceData], (t, host) => {
      const ref = rangeArg(host, sourceData, "ChartSeries.setValues sourceData");
      t.series.values = { sheet: ref.sheet, rect: ref.rect };
    });
  }

  setXAxisValues(sourceData: Excel.Range): void {
    this._call("setXAxisValues", [sourceData], (t, host) => {
      const ref = rangeArg(host, sourceData, "ChartSeries.setXAxisValues sourceData");
      t.series.xValues = { sheet: ref.sheet, rect: ref.rect };
    });
  }

  /** The values a dimension plots, as text (ExcelApi 1.12). */
  getDimensionValues(dimension: Excel.ChartSeriesDimension | "Categories" | "Values" | "XValues" | "YValues" | "BubbleSizes"): FakeClientResult<string[]> {
    return this._callResult("getDimensionValues", [dimension], (t, host) => {
      const ref = dimensionRef(t, oneOf(dimension, ChartSeriesDimension, "getDimensionValues dimension"));
      if (!ref) return [];
      const out: string[] = [];
      for (let r = ref.rect.r0; r <= ref.rect.r1; r++) for (let c = ref.rect.c0; c <= ref.rect.c1; c++) out.push(cellText(ref.sheet, r, c, host.evaluator));
      return out;
    });
  }

  delete(): void {
    this._call("delete", [], (t) => {
      t.series.deleted = true;
      t.chart.series = t.chart.series.filter((s) => s !== t.series);
    });
  }
}

register(FakeChartSeries, {
  className: "ChartSeries",
  alive: (t: SeriesTarget) => !t.chart.deleted && !t.series.deleted,
  scalars: {
    name: {
      get: (t: SeriesTarget) => t.series.name,
      set: (t: SeriesTarget, v) => {
        if (typeof v !== "string") fail("InvalidArgument", "ChartSeries.name must be a string");
        t.series.name = v;
      },
    },
    chartType: {
      get: (t: SeriesTarget) => t.series.chartType ?? t.chart.type,
      set: (t: SeriesTarget, v) => void (t.series.chartType = oneOf(v, ChartType, "ChartSeries.chartType")),
    },
    hasDataLabels: {
      get: (t: SeriesTarget) => t.series.hasDataLabels,
      set: (t: SeriesTarget, v) => void (t.series.hasDataLabels = isBool(v, "ChartSeries.hasDataLabels")),
    },
  },
  navs: {},
});
