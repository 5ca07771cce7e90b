/**
 * A workbook written part by part, straight into a zip as each sheet is added (./zipStream.ts): what
 * `clientbook build` of 5,000 clients needs to stay fast and small. excelize-wasm keeps the whole workbook in its
 * memory until it saves, looks sheets up by name among all of them on every call, and has no stream writer in its
 * wasm build; here each sheet is checked (the same checks as ./renderSpec.ts and ./tables.ts), written as its
 * parts, deflated and handed to the sink, and forgotten — only names, style and string tables, defined names and
 * the zip's directory stay until the end, when the workbook, styles, shared strings, content types and document
 * properties parts are written.
 *
 * Every part follows ECMA-376 Part 1 (5th ed.): the worksheet's children in CT_Worksheet's order (§18.3.1.99,
 * ./drawingXml.ts WORKSHEET_CHILD_ORDER); cells as ./cellsXml.ts writes them — text as inline strings (§18.3.1.53 is,
 * always literal), numbers, booleans, formulas with cached results — except the header row of an Excel table,
 * whose text is in the shared string table (§18.4.9 sst) as Excel itself keeps it; cell formats by index into
 * cellXfs (§18.8.10, ./styleSheet.ts); the table part (§18.5.1.2 table) naming its columns as the header cells do;
 * notes as a comments part (§18.7.6) with the legacy VML shapes Excel needs to show them (§18.3.1.51
 * legacyDrawing); charts as ./chartXml.ts and ./drawingXml.ts write them; print titles and autofilter ranges as
 * the built-in defined names _xlnm.Print_Titles and _xlnm._FilterDatabase local to their sheet (§18.2.5, §18.2.6);
 * ClientBook's markers (./markers.ts); fullCalcOnLoad (§18.2.2 calcPr) when a sheet has formulas.
 *
 * A workbook that keeps sheets of an input file is still written with excelize (src/cli/output.ts): their styles,
 * drawings and notes would have to be renumbered into this one.
 */
import type { SheetSpec } from "../sheets/spec";
import type { PrintSetup } from "../sheets/print";
import { equalRuns, fitToContent } from "../sheets/widths";
import { cellName, colName, rangeName } from "./a1";
import type { RangeRef } from "./a1";
import { excelText, plainRowXml, SheetCells } from "./cellsXml";
import { chartPartXml, NS_RELATIONSHIPS } from "./chartXml";
import { CONTENT_TYPE_CHART, CONTENT_TYPE_DRAWING, drawingPartXml, REL_CHART, REL_DRAWING, relationshipsXml, WORKSHEET_CHILD_ORDER } from "./drawingXml";
import { XlsxError } from "./excelize";
import { writeMarkers } from "./markers";
import type { Relationship } from "./parts";
import { footerString, MAX_FOOTER, printTitlesRef } from "./printSetup";
import { checkColor, StylePlans } from "./styles";
import { StyleBook } from "./styleSheet";
import { THEME_XML } from "./theme";
import { checkedFreeze, checkedLinks, checkedMerges, checkedNotes, checkedPage, checkedRange, chartRecords, colsXml, collectCells, formulaBody } from "./renderSpec";
import type { CheckedFreeze } from "./renderSpec";
import { checkTableSheet } from "./tables";
import type { TableSheetOptions } from "./tables";
import { sheetNameProblem } from "./workbook";
import { xmlEscape } from "./zip";
import type { ByteSink, PieceDeflater } from "./zipStream";
import { ZipStreamWriter } from "./zipStream";

/** Element text: escaped as ./zip.ts xmlEscape does, quotes left as they are (only attributes need &quot;). */
const xmlText = (s: string) => xmlEscape(s).replace(/&quot;/g, '"');

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";
/**
 * Rows of a long sheet made at a time, and the text deflated at a time, at least (pieces of rows are joined up to
 * this many characters). Small, because a piece is live while it is made: with pieces of 2,000 rows and a megabyte
 * the 5,000-client build spent 5.8 s in V8's scavenges and 2.2 s in its full collections (the pieces of the
 * 150,000-row Reviews table outlived the young generation), with 250 rows and 128 K characters 3.3 s and 1.1 s
 * (--trace-gc, one run each, 2026-12-07), and peak memory fell 10–50 MB; each piece is its own deflate stream, so
 * the file is 0.5 % larger.
 */
const ROWS_PER_PIECE = 250;
export const PIECE_CHARS = 1 << 17;
/** A4 (§18.3.1.63 pageSetup paperSize 9), as ./printSetup.ts asks excelize for. */
const A4_PAPER = 9;

export interface PackageFinishOptions {
  title?: string;
  creator?: string;
}

interface SheetEntry {
  name: string;
  part: number;
  /** Defined names local to the sheet: [name, reference, hidden]. */
  names: [string, string, boolean][];
}

/** The worksheet's children in CT_Worksheet's order; any other order is a bug here, refused before it is written. */
function worksheetXml(children: readonly [string, string][]): string {
  let last = -1;
  let body = "";
  for (const [name, xml] of children) {
    if (xml === "") continue;
    const at = (WORKSHEET_CHILD_ORDER as readonly string[]).indexOf(name);
    if (at <= last) throw new XlsxError(`worksheet element ${name} out of CT_Worksheet's order`);
    last = at;
    body += xml;
  }
  return `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}">${body}</worksheet>`;
}

function sheetPrXml(tabColor: string | undefined, setup: PrintSetup | undefined): string {
  // CT_SheetPr (§18.3.1.82): tabColor, outlinePr, pageSetUpPr; fitToPage makes the fit-to-pages counts count
  const fit = setup !== undefined && !("scale" in setup.fit);
  if (!tabColor && !fit) return "";
  return `<sheetPr>${tabColor ? `<tabColor rgb="FF${tabColor.slice(1).toUpperCase()}"/>` : ""}${fit ? '<pageSetUpPr fitToPage="1"/>' : ""}</sheetPr>`;
}

function sheetViewsXml(selected: boolean, freeze: CheckedFreeze | undefined): string {
  // CT_SheetView (§18.3.1.87) with a frozen pane (§18.3.1.66) and its selection (§18.3.1.78)
  const pane = freeze
    ? `<pane${freeze.cols > 0 ? ` xSplit="${freeze.cols}"` : ""}${freeze.rows > 0 ? ` ySplit="${freeze.rows}"` : ""} topLeftCell="${freeze.topLeft}" activePane="${freeze.pane}" state="frozen"/>` +
      `<selection pane="${freeze.pane}" activeCell="${freeze.topLeft}" sqref="${freeze.topLeft}"/>`
    : "";
  return `<sheetViews><sheetView${selected ? ' tabSelected="1"' : ""} workbookViewId="0"${pane ? `>${pane}</sheetView>` : "/>"}</sheetViews>`;
}

/** pageMargins, pageSetup and headerFooter of a print set-up (./printSetup.ts writes the same through excelize). */
function printXml(setup: PrintSetup | undefined, sheet: string): { margins: string; page: string; footer: string } {
  if (!setup) return { margins: "", page: "", footer: "" };
  const m = setup.margins;
  const fit = "scale" in setup.fit ? ` scale="${setup.fit.scale}"` : ` fitToWidth="${setup.fit.wide}" fitToHeight="${setup.fit.tall}"`;
  const footer = footerString(setup);
  if (footer.length > MAX_FOOTER) throw new XlsxError(`footer of ${footer.length} characters is longer than Excel's ${MAX_FOOTER}`, { sheet });
  return {
    margins: `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`,
    page: `<pageSetup paperSize="${A4_PAPER}"${fit} orientation="${setup.orientation}"/>`,
    footer: `<headerFooter><oddFooter>${xmlText(footer)}</oddFooter></headerFooter>`,
  };
}

/** The legacy VML shape of one note (hidden until hovered), anchored as Excel and excelize anchor it. */
function noteShapeXml(col: number, row: number, id: number): string {
  const c0 = col - 1;
  const r0 = row - 1;
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="#FBF6D6" strokecolor="#EDEAA1">` +
    '<v:fill color2="#FBFE82" angle="-180" type="gradient"><o:fill v:ext="view" type="gradientUnscaled"/></v:fill>' +
    '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${c0}, 23, ${r0}, 0, ${c0 + 2}, 12, ${r0 + 3}, 0</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData>` +
    "</v:shape>"
  );
}

export class PackageWriter {
  private readonly zip: ZipStreamWriter;
  private readonly styles = new StyleBook();
  private readonly stylePlans = new StylePlans();
  private readonly sheetList: SheetEntry[] = [];
  private readonly lower = new Set<string>();
  private readonly tableNames = new Set<string>();
  private readonly shared: string[] = [];
  private readonly sharedIds = new Map<string, number>();
  private readonly overrides: [string, string][] = [];
  private readonly marked: string[] = [];
  private hasFormulas = false;
  private hasVml = false;
  private tables = 0;
  private drawings = 0;
  private charts = 0;
  private comments = 0;
  private selected: number | undefined;
  private finished = false;

  /** `deflater`: where the parts are deflated (default: here, as they are written; src/cli/deflateThread.ts). */
  constructor(sink: ByteSink, deflater?: PieceDeflater) {
    this.zip = new ZipStreamWriter(sink, deflater);
  }

  /** The sheets added, in order. */
  get sheets(): string[] {
    return this.sheetList.map((s) => s.name);
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.zip.size;
  }

  private claim(name: string, selected: boolean): SheetEntry {
    const problem = sheetNameProblem(name);
    if (problem) throw new XlsxError(problem, { sheet: name });
    const lower = name.toLowerCase();
    if (this.lower.has(lower)) throw new XlsxError("two sheets have the same name (Excel ignores case)", { sheet: name });
    this.lower.add(lower);
    const entry: SheetEntry = { name, part: this.sheetList.length + 1, names: [] };
    if (selected) this.selected = this.sheetList.length;
    this.sheetList.push(entry);
    return entry;
  }

  private sharedString(s: string): number {
    let id = this.sharedIds.get(s);
    if (id === undefined) {
      id = this.shared.length;
      this.shared.push(s);
      this.sharedIds.set(s, id);
    }
    return id;
  }

  private put(name: string, xml: string, contentType?: string): void {
    this.zip.add(name, xml);
    if (contentType) this.overrides.push([`/${name}`, contentType]);
  }

  /** A sheet's page set-up: its parts of the sheet XML and its print titles (a defined name local to it). */
  private page(entry: SheetEntry, setup: PrintSetup | undefined) {
    const xml = printXml(setup, entry.name);
    const titles = setup ? printTitlesRef(entry.name, setup) : undefined;
    if (titles) entry.names.push(["_xlnm.Print_Titles", titles, false]);
    return xml;
  }

  /** A worksheet part; its sheetData may come in pieces (`rows`), written as they are made. */
  private writeSheet(entry: SheetEntry, children: [string, string][], rels: Relationship[], rows?: Iterable<string>): void {
    const part = `xl/worksheets/sheet${entry.part}.xml`;
    const xml = worksheetXml(children);
    if (rows) {
      const at = xml.indexOf("<sheetData></sheetData>");
      if (at < 0) throw new XlsxError("the sheet part has no sheetData to fill", { sheet: entry.name });
      const cut = at + "<sheetData>".length;
      // taken one at a time (never all of a sheet's pieces at once), small ones joined: a sheet of a few rows is
      // deflated in one call as before
      function* pieces(): Generator<string> {
        let text = xml.slice(0, cut);
        for (const piece of rows!) {
          text += piece;
          if (text.length >= PIECE_CHARS) {
            yield text;
            text = "";
          }
        }
        yield text + xml.slice(cut);
      }
      this.zip.addPieces(part, pieces());
      this.overrides.push([`/${part}`, `${CT}.spreadsheetml.worksheet+xml`]);
    } else this.put(part, xml, `${CT}.spreadsheetml.worksheet+xml`);
    if (rels.length > 0) this.zip.add(`xl/worksheets/_rels/sheet${entry.part}.xml.rels`, relationshipsXml(rels));
  }

  /** One of the book's tables on its own sheet, as ./tables.ts addTableSheet writes it. */
  addTable(opts: TableSheetOptions, selected = false): void {
    this.open();
    const c = checkTableSheet(opts);
    const key = opts.tableName.toLowerCase();
    if (this.tableNames.has(key)) throw new XlsxError(`two tables are named ${opts.tableName}`, { sheet: opts.sheet });
    const entry = this.claim(opts.sheet, selected);
    this.tableNames.add(key);
    const styles: (number | undefined)[] = [];
    for (const { column, code } of c.formats) styles[column] = this.styles.cellStyle({ numberFormat: code });
    let header = "";
    opts.headers.forEach((h, i) => {
      header += `<c r="${cellName(i + 1, 1)}" t="s"><v>${this.sharedString(h)}</v></c>`;
    });
    // the rows in pieces of ROWS_PER_PIECE, made as the zip takes them
    function* rows(): Generator<string> {
      let piece = `<row r="1">${header}</row>`;
      for (let row = 2; row <= c.lastRow; row++) {
        piece += plainRowXml(row, opts.rows[row - 2] ?? [], styles, c.width);
        if ((row - 1) % ROWS_PER_PIECE === 0) {
          yield piece;
          piece = "";
        }
      }
      yield piece;
    }
    const widths: (readonly [number, number])[] = [];
    c.widths.forEach((w, i) => {
      if (w !== undefined && w !== null) widths.push([i, w]);
    });
    const cols = equalRuns(widths).map((r) => `<col min="${r.first + 1}" max="${r.last + 1}" width="${r.value}" customWidth="1"/>`).join("");
    const validations = c.lists.map(
      (l) => `<dataValidation type="list" errorStyle="stop" allowBlank="1" showErrorMessage="1" sqref="${l.sqref}"><formula1>${xmlText(l.formula)}</formula1></dataValidation>`,
    );
    const print = this.page(entry, opts.print);
    const tableNo = ++this.tables;
    const columns = opts.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${xmlEscape(h)}"/>`).join("");
    this.put(
      `xl/tables/table${tableNo}.xml`,
      `${XML_HEAD}<table xmlns="${NS_MAIN}" id="${tableNo}" name="${xmlEscape(opts.tableName)}" displayName="${xmlEscape(opts.tableName)}" ref="${c.ref}">` +
        `<autoFilter ref="${c.ref}"/><tableColumns count="${opts.headers.length}">${columns}</tableColumns>` +
        `<tableStyleInfo name="${xmlEscape(opts.style ?? "TableStyleMedium2")}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
      `${CT}.spreadsheetml.table+xml`,
    );
    const freeze: CheckedFreeze = { rows: 1, cols: 0, topLeft: "A2", pane: "bottomLeft" };
    this.writeSheet(
      entry,
      [
        ["sheetPr", sheetPrXml(undefined, opts.print)],
        ["dimension", `<dimension ref="${c.ref}"/>`],
        ["sheetViews", sheetViewsXml(selected, freeze)],
        ["sheetFormatPr", '<sheetFormatPr defaultRowHeight="15"/>'],
        ["cols", cols ? `<cols>${cols}</cols>` : ""],
        ["sheetData", "<sheetData></sheetData>"],
        ["dataValidations", validations.length > 0 ? `<dataValidations count="${validations.length}">${validations.join("")}</dataValidations>` : ""],
        ["pageMargins", print.margins],
        ["pageSetup", print.page],
        ["headerFooter", print.footer],
        ["tableParts", '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'],
      ],
      [{ id: "rId1", type: `${REL}/table`, target: `../tables/table${tableNo}.xml` }],
      rows(),
    );
  }

  /** One output sheet, as ./renderSpec.ts addSpecToFile writes it (ClientBook's marker included). */
  addSpec(given: SheetSpec, selected = false): void {
    this.open();
    if (!given || typeof given !== "object") throw new XlsxError("sheet spec is missing");
    const spec = Array.isArray(given.cells) ? fitToContent(given) : given;
    const problem = sheetNameProblem(spec.name);
    if (problem) throw new XlsxError(problem, { sheet: spec.name });
    const sheet = spec.name;
    // everything is checked before the sheet is claimed, so a bad spec leaves no half sheet
    const cells = new SheetCells();
    const { formulas, used } = collectCells(spec, cells);
    const rects = this.stylePlans.plan(spec.formats, sheet);
    const charts = chartRecords(spec);
    const links = checkedLinks(spec);
    const cols = colsXml(spec);
    const merges = checkedMerges(spec);
    const freeze = checkedFreeze(spec);
    const filter = spec.autoFilter ? checkedRange(spec.autoFilter, "autoFilter", sheet) : undefined;
    const conditional = (spec.conditionalFormats ?? []).map((cf) => {
      const r = checkedRange(cf.range, "conditional format", sheet);
      const body = formulaBody(cf.formula, sheet, cf.range);
      const s = cf.style ?? {};
      checkColor(s.fill, "conditional format fill", { sheet, cell: cf.range });
      checkColor(s.color, "conditional format font colour", { sheet, cell: cf.range });
      return { r, body, s };
    });
    const notes = checkedNotes(spec);
    const { setup, tabColor } = checkedPage(spec);
    const entry = this.claim(sheet, selected);
    this.marked.push(sheet);
    for (const rect of rects) {
      const id = this.styles.cellStyle(rect.format, rect.key);
      const { top, left, bottom, right } = rect.range;
      cells.styleRange(top, left, bottom, right, id);
    }
    if (formulas) this.hasFormulas = true;
    const rels: Relationship[] = [];
    const rel = (type: string, target: string, external = false) => {
      const id = `rId${rels.length + 1}`;
      rels.push(external ? { id, type, target, external: true } : { id, type, target });
      return id;
    };
    const cfXml = conditional
      .map(({ r, body, s }, i) => `<conditionalFormatting sqref="${rangeName(r)}"><cfRule type="expression" dxfId="${this.styles.conditionalStyle(s)}" priority="${i + 1}"><formula>${xmlText(body)}</formula></cfRule></conditionalFormatting>`)
      .join("");
    const linkXml = links
      .map((l) => (l.type === "Location" ? `<hyperlink ref="${l.cell}" location="${xmlEscape(l.target)}"/>` : `<hyperlink ref="${l.cell}" r:id="${rel(`${REL}/hyperlink`, l.target, true)}"/>`))
      .join("");
    if (filter) entry.names.push(["_xlnm._FilterDatabase", absoluteRange(sheet, filter), true]);
    const print = this.page(entry, setup);
    let drawing = "";
    if (charts.length > 0) {
      const drawingNo = ++this.drawings;
      const drawingPart = `xl/drawings/drawing${drawingNo}.xml`;
      const chartRels: Relationship[] = charts.map((chart, i) => {
        const chartNo = ++this.charts;
        this.put(`xl/charts/chart${chartNo}.xml`, chartPartXml(chart), CONTENT_TYPE_CHART);
        return { id: `rId${i + 1}`, type: REL_CHART, target: `../charts/chart${chartNo}.xml` };
      });
      this.put(drawingPart, drawingPartXml(charts, chartRels.map((r) => r.id)), CONTENT_TYPE_DRAWING);
      this.zip.add(`xl/drawings/_rels/drawing${drawingNo}.xml.rels`, relationshipsXml(chartRels));
      drawing = `<drawing r:id="${rel(REL_DRAWING, `../drawings/drawing${drawingNo}.xml`)}"/>`;
    }
    let legacy = "";
    if (notes.length > 0) {
      const n = ++this.comments;
      this.hasVml = true;
      const list = notes.map((x) => `<comment ref="${x.cell}" authorId="0"><text><t xml:space="preserve">${excelText(x.text)}</t></text></comment>`).join("");
      this.put(`xl/comments${n}.xml`, `${XML_HEAD}<comments xmlns="${NS_MAIN}"><authors><author>ClientBook</author></authors><commentList>${list}</commentList></comments>`, `${CT}.spreadsheetml.comments+xml`);
      const shapes = notes.map((x, i) => noteShapeXml(x.col, x.row, 1025 + i)).join("");
      this.zip.add(
        `xl/drawings/vmlDrawing${n}.vml`,
        '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
          `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${n}"/></o:shapelayout>` +
          '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
          `${shapes}</xml>`,
      );
      legacy = `<legacyDrawing r:id="${rel(`${REL}/vmlDrawing`, `../drawings/vmlDrawing${n}.vml`)}"/>`;
      rel(`${REL}/comments`, `../comments${n}.xml`);
    }
    this.writeSheet(
      entry,
      [
        ["sheetPr", sheetPrXml(tabColor, setup)],
        ["dimension", used ? `<dimension ref="${rangeName(used)}"/>` : ""],
        ["sheetViews", sheetViewsXml(selected, freeze)],
        ["sheetFormatPr", '<sheetFormatPr defaultRowHeight="15"/>'],
        ["cols", cols],
        ["sheetData", "<sheetData></sheetData>"],
        ["autoFilter", filter ? `<autoFilter ref="${rangeName(filter)}"/>` : ""],
        ["mergeCells", merges.length > 0 ? `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${rangeName(m)}"/>`).join("")}</mergeCells>` : ""],
        ["conditionalFormatting", cfXml],
        ["hyperlinks", linkXml ? `<hyperlinks>${linkXml}</hyperlinks>` : ""],
        ["pageMargins", print.margins],
        ["pageSetup", print.page],
        ["headerFooter", print.footer],
        ["drawing", drawing],
        ["legacyDrawing", legacy],
      ],
      rels,
      // the rows in pieces, made as the zip takes them (a 5,000-client coverage sheet is ~25,000 rows)
      cells.xmlPieces(0, spec.rowHeights, ROWS_PER_PIECE),
    );
  }

  private open(): void {
    if (this.finished) throw new XlsxError("the workbook is already finished");
  }

  /** Writes the workbook-wide parts and the zip's directory. */
  finish(opts: PackageFinishOptions = {}): void {
    this.open();
    if (this.sheetList.length === 0) throw new XlsxError("a workbook needs at least one sheet");
    this.finished = true;
    const sheets = this.sheetList;
    const active = this.selected ?? 0;
    const defined = sheets
      .flatMap((s, i) => s.names.map(([name, ref, hidden]) => `<definedName name="${name}" localSheetId="${i}"${hidden ? ' hidden="1"' : ""}>${xmlText(ref)}</definedName>`))
      .join("");
    // CT_Workbook (§18.2.27): fileVersion, workbookPr, bookViews, sheets, …, definedNames, calcPr
    let wb =
      `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_RELATIONSHIPS}"><workbookPr/>` +
      `<bookViews><workbookView activeTab="${active}"/></bookViews>` +
      `<sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets>` +
      (defined ? `<definedNames>${defined}</definedNames>` : "") +
      (this.hasFormulas ? '<calcPr fullCalcOnLoad="1"/>' : "") +
      "</workbook>";
    wb = writeMarkers(wb, this.sheets, this.marked);
    this.put("xl/workbook.xml", wb, `${CT}.spreadsheetml.sheet.main+xml`);
    const wbRels: Relationship[] = sheets.map((s, i) => ({ id: `rId${i + 1}`, type: `${REL}/worksheet`, target: `worksheets/sheet${s.part}.xml` }));
    wbRels.push({ id: `rId${sheets.length + 1}`, type: `${REL}/styles`, target: "styles.xml" });
    this.put("xl/styles.xml", this.styles.xml(), `${CT}.spreadsheetml.styles+xml`);
    wbRels.push({ id: `rId${sheets.length + 2}`, type: `${REL}/theme`, target: "theme/theme1.xml" });
    this.put("xl/theme/theme1.xml", THEME_XML, `${CT}.theme+xml`);
    if (this.shared.length > 0) {
      wbRels.push({ id: `rId${sheets.length + 3}`, type: `${REL}/sharedStrings`, target: "sharedStrings.xml" });
      const items = this.shared.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ""}>${excelText(s)}</t></si>`).join("");
      this.put("xl/sharedStrings.xml", `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.shared.length}" uniqueCount="${this.shared.length}">${items}</sst>`, `${CT}.spreadsheetml.sharedStrings+xml`);
    }
    this.zip.add("xl/_rels/workbook.xml.rels", relationshipsXml(wbRels));
    const title = opts.title ? `<dc:title>${xmlEscape(opts.title)}</dc:title>` : "";
    this.put(
      "docProps/core.xml",
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">${title}<dc:creator>${xmlEscape(opts.creator ?? "ClientBook")}</dc:creator></cp:coreProperties>`,
      "application/vnd.openxmlformats-package.core-properties+xml",
    );
    this.put(
      "docProps/app.xml",
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>ClientBook</Application></Properties>`,
      `${CT}.extended-properties+xml`,
    );
    this.zip.add(
      "_rels/.rels",
      relationshipsXml([
        { id: "rId1", type: `${REL}/officeDocument`, target: "xl/workbook.xml" },
        { id: "rId2", type: "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", target: "docProps/core.xml" },
        { id: "rId3", type: `${REL}/extended-properties`, target: "docProps/app.xml" },
      ]),
    );
    const defaults =
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
      (this.hasVml ? `<Default Extension="vml" ContentType="${CT}.vmlDrawing"/>` : "");
    this.zip.add(
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${this.overrides.map(([p, t]) => `<Override PartName="${xmlEscape(p)}" ContentType="${t}"/>`).join("")}</Types>`,
    );
    this.zip.close();
  }
}

/** 'Sheet'!$A$3:$AG$503, as the autofilter's defined name refers to its range. */
function absoluteRange(sheet: string, r: RangeRef): string {
  return `'${sheet.replace(/'/g, "''")}'!$${colName(r.left)}$${r.top}:$${colName(r.right)}$${r.bottom}`;
}

