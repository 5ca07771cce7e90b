/**
 * The chart parts of our pie and clustered-column charts, written directly as DrawingML (ECMA-376 Part 1, §21.2).
 *
 * Why not excelize's AddChart: it counts the package's existing charts and drawings on every call, so a
 * 5,000-review book spent most of its time there (quadratic), and it writes a series name as a cell reference
 * even when it is literal text, and no data caches. Here each chart is one string built from what the spec
 * says and the points it shows. The caches matter: viewers that do not calculate (phone previews, mail
 * attachments — where a client-facing review is often opened) draw a chart from its cache alone.
 *
 * Elements are written in the order the schema's sequences require (Excel refuses a chart part otherwise); only
 * what changes the picture is written, everything else keeps the schema's default.
 */
import { xmlEscape } from "./zip";

/** One chart as our renderer adds it: everything its part, its anchor and its cache need. */
export interface ChartRecord {
  /** Shown as the chart's name in Excel (the drawing object's name). */
  name: string;
  type: "pie" | "column";
  title: string;
  /** Literal series name (legend of the column chart). */
  seriesName: string;
  /** Sheet-qualified absolute references: 'Sheet'!$A$2:$A$9. */
  categoriesRef: string;
  valuesRef: string;
  /** The points shown, for the caches (null = empty cell). */
  categories: (string | number | null)[];
  values: (number | null)[];
  /** Column charts: the further series (maturity ladder: one per asset class), with their caches. */
  moreSeries?: { name: string; valuesRef: string; values: (number | null)[] }[];
  /** Column charts: side by side (default) or stacked. */
  grouping?: "clustered" | "stacked";
  /** Number formats of the source cells: numeric categories (dates on the trend chart) and values. */
  categoriesFormat?: string;
  valuesFormat?: string;
  /** Top-left cell, 1-based. */
  anchor: { col: number; row: number };
  /** Size in points. */
  width: number;
  height: number;
}

export const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
export const NS_DRAWINGML = "http://schemas.openxmlformats.org/drawingml/2006/main";
export const NS_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Numbers as the cache stores them (xsd:double; JS's shortest round-trip form is one). */
function num(n: number): string {
  return String(Object.is(n, -0) ? 0 : n);
}

const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;

function strCache(points: readonly (string | number | null)[]): string {
  let pts = "";
  points.forEach((p, i) => {
    if (p !== null) pts += `<c:pt idx="${i}"><c:v>${xmlEscape(typeof p === "number" ? num(p) : p)}</c:v></c:pt>`;
  });
  return `<c:strCache>${val("ptCount", points.length)}${pts}</c:strCache>`;
}

function numCache(points: readonly (string | number | null)[], format: string | undefined): string {
  let pts = "";
  points.forEach((p, i) => {
    if (typeof p === "number") pts += `<c:pt idx="${i}"><c:v>${num(p)}</c:v></c:pt>`;
  });
  return `<c:numCache><c:formatCode>${xmlEscape(format ?? "General")}</c:formatCode>${val("ptCount", points.length)}${pts}</c:numCache>`;
}

/** True when every category is a number or empty: a numeric reference (dates keep their number format). */
export function numericCategories(categories: readonly (string | number | null)[]): boolean {
  return categories.every((c) => c === null || typeof c === "number");
}

/** The series: literal name, category and value references with their caches; `s` picks one of moreSeries (1-based). */
function seriesXml(c: ChartRecord, dataLabels: string, s = 0): string {
  const one = s === 0 ? { name: c.seriesName, valuesRef: c.valuesRef, values: c.values } : c.moreSeries![s - 1];
  const ref = (r: string) => `<c:f>${xmlEscape(r)}</c:f>`;
  const cat = numericCategories(c.categories)
    ? `<c:cat><c:numRef>${ref(c.categoriesRef)}${numCache(c.categories, c.categoriesFormat)}</c:numRef></c:cat>`
    : `<c:cat><c:strRef>${ref(c.categoriesRef)}${strCache(c.categories)}</c:strRef></c:cat>`;
  const values = `<c:val><c:numRef>${ref(one.valuesRef)}${numCache(one.values, c.valuesFormat)}</c:numRef></c:val>`;
  // CT_PieSer / CT_BarSer: idx, order, tx, spPr, (invertIfNegative,) …, dLbls, …, cat, val
  const invert = c.type === "column" ? val("invertIfNegative", 0) : "";
  return `<c:ser>${val("idx", s)}${val("order", s)}<c:tx><c:v>${xmlEscape(one.name)}</c:v></c:tx>${invert}${dataLabels}${cat}${values}</c:ser>`;
}

/** Data labels showing only `shown` (CT_DLbls: every show* flag is required, in this order). */
function dataLabels(shown: "percent" | "none", position?: string): string {
  const flag = (name: string, on: boolean) => val(name, on ? 1 : 0);
  return (
    "<c:dLbls>" +
    (position ? val("dLblPos", position) : "") +
    flag("showLegendKey", false) +
    flag("showVal", false) +
    flag("showCatName", false) +
    flag("showSerName", false) +
    flag("showPercent", shown === "percent") +
    flag("showBubbleSize", false) +
    "</c:dLbls>"
  );
}

function titleXml(text: string): string {
  // a rich-text title: 14 pt, not bold (Excel's default chart title look)
  const rPr = '<a:rPr sz="1400" b="0"/>';
  return (
    "<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/>" +
    `<a:p><a:pPr><a:defRPr sz="1400" b="0"/></a:pPr><a:r>${rPr}<a:t>${xmlEscape(text)}</a:t></a:r></a:p>` +
    `</c:rich></c:tx>${val("overlay", 0)}</c:title>`
  );
}

function numFmt(format: string | undefined): string {
  return format ? `<c:numFmt formatCode="${xmlEscape(format)}" sourceLinked="0"/>` : '<c:numFmt formatCode="General" sourceLinked="1"/>';
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

/** Category axis: text labels evenly spaced (review dates are labels, not a time scale with gaps). */
function categoryAxis(c: ChartRecord): string {
  const format = numericCategories(c.categories) ? c.categoriesFormat : undefined;
  return (
    `<c:catAx>${val("axId", CAT_AX)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}${val("axPos", "b")}` +
    `${numFmt(format)}${val("majorTickMark", "none")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", VAL_AX)}${val("crosses", "autoZero")}${val("auto", 0)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}</c:catAx>`
  );
}

/** Value axis: amounts formatted as their cells, from zero when no value is negative, with gridlines. */
function valueAxis(c: ChartRecord): string {
  const all = [c.values, ...(c.moreSeries ?? []).map((m) => m.values)].flat();
  const fromZero = all.every((v) => v === null || v >= 0);
  return (
    `<c:valAx>${val("axId", VAL_AX)}<c:scaling>${val("orientation", "minMax")}${fromZero ? val("min", 0) : ""}</c:scaling>` +
    `${val("delete", 0)}${val("axPos", "l")}<c:majorGridlines/>${numFmt(c.valuesFormat)}${val("majorTickMark", "none")}${val("minorTickMark", "none")}` +
    `${val("tickLblPos", "nextTo")}${val("crossAx", CAT_AX)}${val("crosses", "autoZero")}${val("crossBetween", "between")}</c:valAx>`
  );
}

/** The chart part (xl/charts/chartN.xml) of one chart. */
export function chartPartXml(c: ChartRecord): string {
  let plot: string;
  let legendPos: string;
  if (c.type === "pie") {
    // each slice its own colour, labelled with its share
    plot = `<c:pieChart>${val("varyColors", 1)}${seriesXml(c, dataLabels("percent", "bestFit"))}${val("firstSliceAng", 0)}</c:pieChart>`;
    legendPos = "r";
  } else {
    // CT_BarChart: barDir, grouping, varyColors, ser*, dLbls?, gapWidth, overlap?, …, axId×2. Stacked bars overlap
    // fully (overlap 100), as Excel writes its own stacked column charts.
    const stacked = c.grouping === "stacked";
    let series = seriesXml(c, "");
    for (let s = 1; s <= (c.moreSeries?.length ?? 0); s++) series += seriesXml(c, "", s);
    plot =
      `<c:barChart>${val("barDir", "col")}${val("grouping", stacked ? "stacked" : "clustered")}${val("varyColors", 0)}${series}` +
      `${val("gapWidth", 150)}${stacked ? val("overlap", 100) : ""}${val("axId", CAT_AX)}${val("axId", VAL_AX)}</c:barChart>${categoryAxis(c)}${valueAxis(c)}`;
    legendPos = "b";
  }
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS_CHART}" xmlns:a="${NS_DRAWINGML}" xmlns:r="${NS_RELATIONSHIPS}">` +
    `${val("date1904", 0)}${val("roundedCorners", 0)}` +
    `<c:chart>${titleXml(c.title)}${val("autoTitleDeleted", 0)}<c:plotArea><c:layout/>${plot}</c:plotArea>` +
    `<c:legend>${val("legendPos", legendPos)}${val("overlay", 0)}</c:legend>${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}</c:chart>` +
    "</c:chartSpace>"
  );
}
