/**
 * The styles part (xl/styles.xml) of a workbook written part by part (./packageWriter.ts): one cell format (xf) per
 * distinct merged format (./styles.ts MergedFormat) and one differential format (dxf) per distinct conditional
 * style, numbered as they are first asked for — what excelize's NewStyle / NewConditionalStyle make, written here.
 *
 * ECMA-376 Part 1 §18.8 (Styles): CT_Stylesheet's children in schema order — numFmts, fonts, fills, borders,
 * cellStyleXfs, cellXfs, cellStyles, dxfs (§18.8.39). Fill 0 must be "none" and fill 1 "gray125" (Excel reserves
 * both, §18.8.21); custom number formats are numbered from 164 (ids below are built in, §18.8.30). xf 0 is the
 * default format every unstyled cell has. A dxf's solid fill gives its colour as bgColor (§18.8.17, as Excel writes).
 */
import type { CellStyle } from "../sheets/spec";
import { formatKey } from "./styles";
import type { MergedFormat } from "./styles";
import { xmlEscape } from "./zip";

/** The first id of a custom number format (§18.8.30: 0–163 are built in or reserved). */
const FIRST_CUSTOM_NUMFMT = 164;
/** The default font: Calibri 11 (Excel's "Normal" style). */
const BASE_FONT_SIZE = 11;
const BASE_FONT_NAME = "Calibri";

const argb = (hex: string) => `FF${hex.slice(1).toUpperCase()}`;

function isGeneral(code: string | undefined): boolean {
  return code === undefined || code.trim().toLowerCase() === "general";
}

function fontXml(m: Pick<CellStyle, "bold" | "italic" | "color" | "fontSize">): string {
  // CT_Font (§18.8.22) in the order Excel writes: b, i, sz, color, name, family
  return (
    "<font>" +
    (m.bold ? '<b val="1"/>' : "") +
    (m.italic ? '<i val="1"/>' : "") +
    `<sz val="${m.fontSize ?? BASE_FONT_SIZE}"/>` +
    (m.color ? `<color rgb="${argb(m.color)}"/>` : "") +
    `<name val="${BASE_FONT_NAME}"/><family val="2"/></font>`
  );
}

const THIN = (side: string) => `<${side} style="thin"><color rgb="FF000000"/></${side}>`;
const BORDER_NONE = "<border><left/><right/><top/><bottom/><diagonal/></border>";
const BORDER_THIN = `<border>${THIN("left")}${THIN("right")}${THIN("top")}${THIN("bottom")}<diagonal/></border>`;

/** Items numbered by their XML, each written once. */
class Table {
  readonly items: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(initial: readonly string[] = []) {
    for (const x of initial) this.id(x);
  }
  id(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
}

export class StyleBook {
  private readonly numFmts = new Map<string, number>();
  private readonly fonts = new Table([fontXml({})]);
  private readonly fills = new Table(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Table([BORDER_NONE]);
  private readonly xfs = new Table(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly xfByKey = new Map<string, number>();
  private readonly dxfs = new Table();

  /** The cell format id (s="…") of a merged format; the same format always gets the same id. */
  cellStyle(m: MergedFormat, key = formatKey(m)): number {
    let id = this.xfByKey.get(key);
    if (id !== undefined) return id;
    let numFmtId = 0;
    if (!isGeneral(m.numberFormat)) {
      const code = m.numberFormat!;
      numFmtId = this.numFmts.get(code) ?? FIRST_CUSTOM_NUMFMT + this.numFmts.size;
      this.numFmts.set(code, numFmtId);
    }
    const fontId = m.bold || m.italic || m.color || m.fontSize ? this.fonts.id(fontXml(m)) : 0;
    const fillId = m.fill ? this.fills.id(`<fill><patternFill patternType="solid"><fgColor rgb="${argb(m.fill)}"/><bgColor indexed="64"/></patternFill></fill>`) : 0;
    const borderId = m.border ? this.borders.id(BORDER_THIN) : 0;
    const align = m.horizontal || m.vertical || m.wrap;
    const alignment = align
      ? `<alignment${m.horizontal ? ` horizontal="${m.horizontal}"` : ""}${m.vertical ? ` vertical="${m.vertical}"` : ""}${m.wrap ? ' wrapText="1"' : ""}/>`
      : "";
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") + (fontId ? ' applyFont="1"' : "") + (fillId ? ' applyFill="1"' : "") + (borderId ? ' applyBorder="1"' : "") + (align ? ' applyAlignment="1"' : "");
    const xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}${alignment ? `>${alignment}</xf>` : "/>"}`;
    id = this.xfs.id(xf);
    this.xfByKey.set(key, id);
    return id;
  }

  /** The differential format id (dxfId) of a conditional format's style. */
  conditionalStyle(s: Pick<CellStyle, "fill" | "color" | "bold">): number {
    const font = s.bold || s.color ? `<font>${s.bold ? '<b val="1"/>' : ""}${s.color ? `<color rgb="${argb(s.color)}"/>` : ""}</font>` : "";
    const fill = s.fill ? `<fill><patternFill patternType="solid"><bgColor rgb="${argb(s.fill)}"/></patternFill></fill>` : "";
    return this.dxfs.id(`<dxf>${font}${fill}</dxf>`);
  }

  /** The styles part. */
  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join("")}</${tag}>`;
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlEscape(code)}"/>`);
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length > 0 ? list("numFmts", numFmts) : "") +
      list("fonts", this.fonts.items) +
      list("fills", this.fills.items) +
      list("borders", this.borders.items) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list("cellXfs", this.xfs.items) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list("dxfs", this.dxfs.items) +
      "</styleSheet>"
    );
  }
}
