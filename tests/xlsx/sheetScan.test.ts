/**
 * The hand-written worksheet scan (src/xlsx/sheetData.ts) against the regular-expression scan it replaced (issue #19):
 * that version is kept below as the reference, and generated parts — namespace prefixes, rows and cells without r,
 * self-closing elements, every cell type, inline strings with several runs and phonetic guides, entities, _xHHHH_
 * escapes, whitespace around numbers, formulas — must give the same grid, the same formulas and the same errors.
 */
import fc from "fast-check";
import type { RawValue } from "../../src/book/raw";
import { colName, colNumber } from "../../src/xlsx/a1";
import { ownText } from "../../src/xlsx/ownText";
import { decodeXString, isoDateTimeToSerial, parseSharedStrings, parseSheetCells, runText } from "../../src/xlsx/sheetData";
import { xmlUnescape } from "../../src/xlsx/zip";

// ---- reference: src/xlsx/sheetData.ts as of da82d23, unchanged but for the names ----

function refRunText(inner: string): string {
  const body = inner.includes("rPh") ? inner.replace(/<(?:\w+:)?rPh\b[\s\S]*?<\/(?:\w+:)?rPh>/g, "") : inner;
  let out = "";
  for (const m of body.matchAll(/<(?:\w+:)?t\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?t>)/g)) out += m[1] ?? "";
  return decodeXString(xmlUnescape(out));
}

function refSharedStrings(xml: string): string[] {
  const out: string[] = [];
  for (const m of xml.matchAll(/<(?:\w+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?si>)/g)) out.push(m[1] === undefined ? "" : ownText(refRunText(m[1])));
  return out;
}

const ATTR_R = /\sr="([A-Za-z]{1,3})(\d+)"/;
const ATTR_ROW = /\sr="(\d+)"/;
const ATTR_T = /\st="(\w+)"/;
const V = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/;
const F = /<(?:\w+:)?f\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?f>)/;
const IS = /<(?:\w+:)?is\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?is>)/;

function refCellValue(type: string | undefined, inner: string | undefined, shared: readonly string[]): RawValue {
  if (inner === undefined) return null;
  if (type === "inlineStr") {
    const is = IS.exec(inner);
    return is ? refRunText(is[1] ?? "") : null;
  }
  const vm = V.exec(inner);
  if (!vm) return null;
  const v = vm[1] ?? "";
  switch (type) {
    case "s": {
      const i = Number(v);
      return Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : null;
    }
    case "str":
    case "e":
      return decodeXString(xmlUnescape(v));
    case "b":
      return v.trim() === "1" || v.trim().toLowerCase() === "true";
    case "d":
      return isoDateTimeToSerial(xmlUnescape(v).trim());
    default: {
      const s = v.trim();
      if (s === "") return null;
      const n = Number(s);
      return Number.isFinite(n) ? (Object.is(n, -0) ? 0 : n) : xmlUnescape(s);
    }
  }
}

export function referenceParse(xml: string, shared: readonly string[], formulas?: Map<string, string>): RawValue[][] {
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  if (start < 0) return [];
  const end = xml.search(/<\/(?:\w+:)?sheetData>/);
  const data = xml.slice(start, end < 0 ? undefined : end);
  const grid: RawValue[][] = [];
  let row = 0;
  let col = 0;
  const re = /<(?:\w+:)?row\b([^>]*?)\/?>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  for (const m of data.matchAll(re)) {
    if (m[1] !== undefined) {
      const r = ATTR_ROW.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      col = 0;
      continue;
    }
    const attrs = m[2];
    const ref = ATTR_R.exec(attrs);
    if (ref) {
      col = colNumber(ref[1]) ?? col + 1;
      row = Number(ref[2]);
    } else {
      col += 1;
    }
    if (row < 1 || col < 1) continue;
    if (formulas && m[3] !== undefined) {
      const fm = F.exec(m[3]);
      if (fm && fm[1]) formulas.set(`${colName(col)}${row}`, ownText(`=${decodeXString(xmlUnescape(fm[1]))}`));
    }
    const type = ATTR_T.exec(attrs)?.[1];
    const read = refCellValue(type, m[3], shared);
    if (read === null) continue;
    const value = typeof read === "string" && type !== "s" ? ownText(read) : read;
    while (grid.length < row) grid.push([]);
    const cells = grid[row - 1];
    while (cells.length < col - 1) cells.push(null);
    cells[col - 1] = value;
  }
  return grid;
}

// ---- comparing the two ----

type Outcome = { grid: RawValue[][]; formulas: [string, string][] } | { error: string };

function outcome(parse: typeof parseSheetCells, xml: string, shared: readonly string[]): Outcome {
  try {
    const formulas = new Map<string, string>();
    const grid = parse(xml, shared, formulas);
    const without = parse(xml, shared);
    expect(without).toStrictEqual(grid);
    return { grid, formulas: [...formulas] };
  } catch (e) {
    return { error: `${(e as Error).name}: ${(e as Error).message}` };
  }
}

function same(xml: string, shared: readonly string[]): void {
  // a row number of 5+ digits would make both build a grid of that many rows: not what is compared here
  fc.pre(!/r="[A-Za-z]{0,3}\d{5,}/.test(xml));
  expect(outcome(parseSheetCells, xml, shared)).toStrictEqual(outcome(referenceParse, xml, shared));
}

// ---- generated parts ----

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
const prefix = pick("", "", "", "x:", "main:", "c:", "row:", "t:", "_1:");
const space = pick(" ", " ", " ", "\n", "\t", "\r\n", "\r", "\v", "\f", "\u00a0", "\u3000", "\u2009", "\u180e", "  ");
const entity = pick("&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#20013;", "&#x41;", "&#x1F600;", "&bogus;", "&", "&amp");
const escape = pick("_x000D_", "_x005F_x0041_", "_x0041_", "_xZZZZ_", "_x", "_x00");
const word = pick("a", "文本", " ", "13800138000", "00123", "C0001", "rPh", "t", "<", ">", "/", "x", "Σ", "\n");
const textPiece = fc.oneof(word, entity, escape);
const text = fc.array(textPiece, { maxLength: 5 }).map((a) => a.join(""));

// decimals around the limits of the scan's own number reading (15 significant digits, 22 after the point)
const decimal = fc
  .tuple(pick("", "-", "+"), fc.array(pick("1", "2", "3", "5", "7", "9", "0"), { minLength: 1, maxLength: 18, size: "max" }), fc.noBias(fc.integer({ min: 0, max: 26 })), fc.integer({ min: 0, max: 3 }))
  .map(([sign, m, frac, lead]) => {
    const digits = "0".repeat(lead) + m.join("");
    const at = Math.max(0, digits.length - frac);
    return `${sign}${digits.slice(0, at)}.${"0".repeat(Math.max(0, frac - digits.length))}${digits.slice(at)}`;
  });
const numberText = fc.oneof(
  fc.double({ noNaN: false }).map(String),
  fc.integer().map(String),
  fc.tuple(pick("", "-", "+", "--"), fc.array(pick("0", "1", "9", "5", "."), { maxLength: 24 }), pick("", "e5", "E-3", "e", "x")).map(([a, b, c]) => a + b.join("") + c),
  decimal,
  pick("-0", "0", "-0.0", "1.", ".5", "-.5", ".", "0x1A", "0b11", "0o7", "Infinity", "-Infinity", "NaN", "1e400", "1_000", "0.1", "0.30000000000000004",
    "123456789012345", "1234567890123456", "12345678901234567890", "0.0000000000000000000001", "9007199254740993", "true", "TRUE", "True", "1", "0",
    "2026-05-15", "2026-05-15T12:30:00", "2026-02-30", "2026-05-15T25:00", "", "#N/A", "&lt;x&gt;"),
);
const valueText = fc.tuple(pick("", "", " ", "\n", "\r", "\v", "\f", "\u00a0", "\ufeff", "\u180e", "\u200b"), fc.oneof(numberText, text), pick("", "", " ", "\t", "\u2028", "\r\n", "\u3000")).map((a) => a.join(""));

const colLetters = pick("A", "B", "Z", "AA", "ab", "XFD", "XFE", "ZZZ", "AAAA", "", "1");
const rowDigits = pick("1", "2", "3", "10", "0", "007", "", "a");
const refAttr = fc.oneof(
  pick(""),
  fc.tuple(space, colLetters, rowDigits).map(([s, c, r]) => `${s}r="${c}${r}"`),
  pick(' x:r="B2"', ' r="B2', " r='B2'", ' r = "B2"', 'r="B2"'),
);
const typeAttr = fc.oneof(
  pick("", ""),
  fc.tuple(space, pick("s", "str", "e", "b", "d", "inlineStr", "n", "S", "foo", "", "inlinestr", "s x")).map(([s, t]) => `${s}t="${t}"`),
);
const otherAttr = pick("", "", ' s="1"', ' cm="1"', ' xml:space="preserve"', ' t2="s"', ' rr="C3"', ' s="2" ');

const run = fc.tuple(prefix, pick("", ' xml:space="preserve"'), text, pick("full", "full", "self", "open")).map(([p, a, t, k]) =>
  k === "self" ? `<${p}t${a}/>` : k === "open" ? `<${p}t${a}>${t}` : `<${p}t${a}>${t}</${p}t>`,
);
const phonetic = fc.tuple(prefix, run).map(([p, r]) => `<${p}rPh sb="0" eb="1">${r}</${p}rPh>`);
const richRun = fc.tuple(prefix, run).map(([p, r]) => `<${p}r><${p}rPr><${p}b/></${p}rPr>${r}</${p}r>`);
// stray tags, and tags that look like the usual contents but are not
const strayTag = pick("</t>", "<t>", "<t/>", '<t xml:space="preserve"/>', '<t a="<x">', '<t a="/">', "<t\n>", "<tx>", "</is>", "<is>", "</c>", "</v>", "<v>");
const stringItemBody = fc.array(fc.oneof(run, run, phonetic, richRun, text, strayTag), { maxLength: 4 }).map((a) => a.join(""));

const formula = fc.oneof(
  pick(""),
  fc.tuple(prefix, pick("", ' t="shared" ref="B2:B5" si="0"', ' ca="1"'), fc.oneof(text, pick("SUM(A1:A3)", 'A1&amp;"x"', "_x0041_+1", ""))).map(
    ([p, a, t]) => `<${p}f${a}>${t}</${p}f>`,
  ),
  fc.tuple(prefix).map(([p]) => `<${p}f t="shared" si="0"/>`),
);
const valueEl = fc.oneof(
  fc.tuple(prefix, valueText).map(([p, v]) => `<${p}v>${v}</${p}v>`),
  fc.tuple(prefix).map(([p]) => `<${p}v/>`),
  pick(""),
);
const inlineEl = fc.oneof(
  fc.tuple(prefix, stringItemBody).map(([p, b]) => `<${p}is>${b}</${p}is>`),
  fc.tuple(prefix).map(([p]) => `<${p}is/>`),
);
const cell = fc
  .tuple(
    prefix,
    refAttr,
    typeAttr,
    otherAttr,
    pick("content", "content", "content", "self", "empty"),
    formula,
    fc.oneof(valueEl, inlineEl, fc.tuple(fc.oneof(valueEl, inlineEl), strayTag, text).map((a) => a.join(""))),
    fc.boolean(),
  )
  .map(([p, r, t, o, kind, f, v, flip]) => {
    const attrs = flip ? `${t}${o}${r}` : `${r}${o}${t}`;
    if (kind === "self") return `<${p}c${attrs}${flip ? " " : ""}/>`;
    if (kind === "empty") return `<${p}c${attrs}></${p}c>`;
    return `<${p}c${attrs}>${f}${v}</${p}c>`;
  });
const row = fc
  .tuple(prefix, fc.oneof(pick(""), fc.tuple(space, rowDigits).map(([s, d]) => `${s}r="${d}"`)), pick("", ' spans="1:3"', ' ht="15"'), fc.array(cell, { maxLength: 5 }), pick("full", "full", "self"))
  .map(([p, r, o, cells, kind]) => (kind === "self" ? `<${p}row${r}${o}/>` : `<${p}row${r}${o}>${cells.join("")}</${p}row>`));
const sheet = fc.tuple(prefix, fc.array(fc.oneof(row, row, row, cell), { maxLength: 6 }), pick("", "", "<mergeCells/>", "</worksheet>")).map(
  ([p, rows, tail]) => `<?xml version="1.0"?><${p}worksheet xmlns:x="m"><${p}dimension ref="A1"/><${p}sheetData>${rows.join("")}</${p}sheetData>${tail}</${p}worksheet>`,
);
const sharedXml = fc
  .array(fc.oneof(stringItemBody.map((b) => `<si>${b}</si>`), pick("<si/>", '<x:si count="1">a</x:si>', "<sib>b</sib>", "<si>")), { maxLength: 6 })
  .map((a) => `<sst count="${a.length}">${a.join("")}</sst>`);

// pieces of markup put together at random: the scan must also agree on parts no writer makes
const fragment = fc.oneof(
  pick("<row", "<x:row", "<row:x", "<rows", "<c", "<x:c", "<c:x", "<c:c", "<cc", "</c>", "</x:c>", "</c:c>", "</row>", ">", "/>", "/", "<", "</"),
  pick("<v>", "</v>", "<v/>", "<f>", "</f>", "<is>", "</is>", "<t>", "</t>", "<t/>", "<rPh>", "</rPh>", "<sheetData>", "</sheetData>", "<x:sheetData>", "</x:sheetData>", "</a/b:sheetData>", "</:sheetData>", "sheetData>", "</x:x:sheetData>", "</sheetData "),
  pick(' r="A1"', ' r="B"', ' r="7"', ' t="s"', ' t="inlineStr"', ' t="b"', ' t="str"', ' r="XFD1"', " ", "\n", '"', "="),
  valueText,
  cell,
);
const fuzz = fc.array(fragment, { maxLength: 30 }).map((a) => a.join(""));

describe("the hand-written worksheet scan reads exactly what the regular-expression scan read", () => {
  test("generated worksheet parts: same grid, formulas and errors", () => {
    fc.assert(
      fc.property(sharedXml, sheet, (sst, xml) => {
        const shared = parseSharedStrings(sst);
        expect(shared).toStrictEqual(refSharedStrings(sst));
        same(xml, shared);
      }),
      { numRuns: Number(process.env.SCAN_RUNS ?? 3000) },
    );
  });

  test("random markup fragments: same grid, formulas and errors", () => {
    fc.assert(
      fc.property(fuzz, fc.array(fc.string(), { maxLength: 3 }), (xml, shared) => same(xml, shared)),
      { numRuns: Number(process.env.SCAN_RUNS ?? 3000) },
    );
  });

  test("shared string tables and string items, including random markup", () => {
    const any = fc.oneof(sharedXml, fuzz, stringItemBody, fc.string());
    fc.assert(
      fc.property(any, (xml) => {
        expect(parseSharedStrings(xml)).toStrictEqual(refSharedStrings(xml));
        expect(runText(xml)).toBe(refRunText(xml));
      }),
      { numRuns: Number(process.env.SCAN_RUNS ?? 3000) },
    );
  });

  test("numbers, booleans, shared-string indexes and dates of every spelling", () => {
    const types = ["", ' t="n"', ' t="s"', ' t="b"', ' t="d"', ' t="str"', ' t="e"'];
    fc.assert(
      fc.property(valueText, (v) => {
        for (const t of types) same(`<sheetData><row r="1"><c r="A1"${t}><v>${v}</v></c></row></sheetData>`, ["zero", "one", "two"]);
      }),
      { numRuns: Number(process.env.SCAN_RUNS ?? 1000) },
    );
  });

  test("decimals near the limits of the scan's own number reading: the value Number gives", () => {
    fc.assert(
      fc.property(decimal, (v) => {
        for (const t of ["", ' t="s"']) same(`<sheetData><row r="1"><c r="A1"${t}><v>${v}</v></c></row></sheetData>`, ["zero", "one"]);
      }),
      { numRuns: Number(process.env.SCAN_RUNS ?? 3000) },
    );
  });

  test("cells in the shapes writers use (read in one pass) and near misses of them", () => {
    const nearUsual = fc
      .tuple(
        pick("", ' t="inlineStr"', ' t="s"', ' t="str"', ' t="n"', ' t="b"'),
        pick("<v>", "<is><t>", '<is><t xml:space="preserve">', "<is><t/>", '<is><t a="<x">', '<is><t a="</c>">', "<is><t a/>", '<is><t a="/"/>', "<is><tx>", "<is><t\n>", "<is><t:x>", "<x:v>", "<v/>", "<v >", "<is ><t>", "<is><x:t>"),
        fc.oneof(text, valueText),
        pick("</v></c>", "</t></is></c>", "</v>", "</t></is>", "</t>", "</v></x:c>", "</t></is></x:c>", "</t></x:is></c>", "</t></is></cx>", "</x:t></is></c>", "</v ></c>", "</c>"),
        pick("", "</c>", '<c r="B1"><v>2</v></c>', '<c r="C1" t="inlineStr"><is><t>x</t></is></c>', "<row/>", "</t></is></c>", "</v></c>", "<c><f>1+1</f><v>2</v></c>"),
      )
      .map(([t, open, x, close, after]) => `<c r="A1"${t}>${open}${x}${close}${after}`);
    fc.assert(
      fc.property(fc.array(nearUsual, { minLength: 1, maxLength: 3 }), (cells) => same(`<sheetData><row r="1">${cells.join("")}</row></sheetData>`, ["zero", "one", "two"])),
      { numRuns: Number(process.env.SCAN_RUNS ?? 3000) },
    );
  });

  test("where the sheetData ends: the first closing tag, with or without a prefix, even one before the start", () => {
    const end = pick("</sheetData>", "</x:sheetData>", "</ab_1:sheetData>", "</:sheetData>", "</a/b:sheetData>", "</x:x:sheetData>", "sheetData>", "</sheetData >", "</SheetData>", "<//sheetData>", "");
    fc.assert(
      fc.property(fc.array(fc.oneof(end, cell, pick("<sheetData>", "<x:sheetData>", "<row>")), { maxLength: 8 }), (pieces) => same(`<worksheet>${pieces.join("")}</worksheet>`, ["zero"])),
      { numRuns: Number(process.env.SCAN_RUNS ?? 2000) },
    );
  });

  test("worked examples (values checked by hand against ECMA-376 §18.3.1.4 and the earlier scan)", () => {
    const xml =
      '<x:worksheet><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:r><x:t>东</x:t></x:r><x:rPh><x:t>ト</x:t></x:rPh><x:t xml:space="preserve"> &amp;_x000D_</x:t></x:is></x:c>' +
      '<x:c t="b"><x:v> TRUE </x:v></x:c><x:c><x:f>SUM(A1:A3)&gt;0</x:f><x:v> -0 </x:v></x:c><x:c/><x:c t="s"><x:v>1</x:v></x:c></x:row><x:row/><x:row><x:c><x:v>1.5e3</x:v></x:c></x:row></x:sheetData></x:worksheet>';
    const formulas = new Map<string, string>();
    expect(parseSheetCells(xml, ["a", "b"], formulas)).toStrictEqual([[], [null, "东 &\r", true, 0, null, "b"], [], [1500]]);
    expect([...formulas]).toStrictEqual([["D2", "=SUM(A1:A3)>0"]]);
    same(xml, ["a", "b"]);
  });
});
