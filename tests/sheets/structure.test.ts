/**
 * Structure of every builder's sheet in all three languages, on the shipped 40-client sample (no snapshots:
 * each assertion names what a manager relies on), plus the contract every spec keeps (invariants.ts).
 */
import { isoToSerial } from "../../src/domain/dates";
import { SETTINGS } from "../../src/book/schema";
import { LANGS, type Book, type Lang } from "../../src/domain/types";
import { filterClients } from "../../src/domain/segments";
import { todayAgenda } from "../../src/domain/agenda";
import { generateBook, SAMPLE_CLIENTS } from "../../src/sample";
import {
  allSheets, assetReview, callList, contactCalendar, coverage, importErrors, profileList, reviewLayout, todaySheet, CALENDAR_COLUMNS,
  COVERAGE_COLUMNS, PROFILE_COLUMNS, REVIEW_CHART_COLUMN,
} from "../../src/sheets";
import { cellName, colName, parseRange } from "../../src/sheets/a1";
import type { SheetSpec } from "../../src/sheets/spec";
import { at, cell, columnValues, formula, rowWhere, rowsWhere, shown } from "./helpers";
import { specProblems, workbookProblems } from "./invariants";

const AS_OF = "2026-11-23";
// The single-currency sample (foreign: false): these tests pin the layout of sheets without currency columns; a
// review sheet with USD or HKD rows adds its currency, rate and FX-effect columns (tests/sheets/fxReview.test.ts).
const books = new Map<Lang, Book>(LANGS.map((l) => [l, generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, lang: l, foreign: false })]));
const book = (lang: Lang) => books.get(lang)!;

/** Literal headers per language, so a wrong language or a missing translation shows. */
const WORDS: Record<Lang, { clientId: string; netWorth: string; total: string; asOf: string; lifeGap: string; trend: string; simple: string; dietz: string }> = {
  "zh-CN": { clientId: "客户编号", netWorth: "净资产", total: "合计", asOf: "截至", lifeGap: "寿险缺口", trend: "历次检视", simple: "简单变动", dietz: "修正迪茨法" },
  "zh-TW": { clientId: "客戶編號", netWorth: "淨資產", total: "合計", asOf: "截至", lifeGap: "壽險缺口", trend: "歷次檢視", simple: "簡單變動", dietz: "修正迪茲法" },
  "en-US": { clientId: "Client ID", netWorth: "Net worth", total: "Total", asOf: "As of", lifeGap: "Life gap", trend: "Reviews", simple: "Simple change", dietz: "Modified Dietz" },
};
const NAMES: Record<Lang, { profile: string; coverage: string; today: string; calendar: string; callList: string; review: string }> = {
  "zh-CN": { profile: "客户一览", coverage: "保障一览", today: "今日待办", calendar: "联络日历-2026-11", callList: "联系名单", review: "资产检视-" },
  "zh-TW": { profile: "客戶一覽", coverage: "保障一覽", today: "今日待辦", calendar: "聯絡日曆-2026-11", callList: "聯繫名單", review: "資產檢視-" },
  "en-US": { profile: "Client list", coverage: "Coverage", today: "Today", calendar: "Contacts-2026-11", callList: "Call list", review: "Review-" },
};

describe.each(LANGS)("every sheet of the sample in %s", (lang) => {
  const specs = allSheets(book(lang), { asOf: AS_OF, lang });

  test("a profile, coverage, calendars of the last full and the current month, Today, the ladder and one review per client, valid and uniquely named", () => {
    expect(specs).toHaveLength(6 + 40);
    const lastMonth = NAMES[lang].calendar.replace("2026-11", "2026-10");
    expect(specs.slice(0, 5).map((s) => s.name)).toEqual([NAMES[lang].profile, NAMES[lang].coverage, lastMonth, NAMES[lang].calendar, NAMES[lang].today]);
    expect(specs[5].kind).toBe("ladder");
    expect(specs.slice(6).every((s) => s.name.startsWith(NAMES[lang].review) && s.kind === "review")).toBe(true);
    expect(workbookProblems(specs)).toEqual([]);
  });

  test("no formula anywhere uses RM.* (also in conditional formats)", () => {
    const formulas = specs.flatMap((s) => [
      ...s.cells.flat().filter((v): v is { f: string } => typeof v === "object" && v !== null),
      ...(s.conditionalFormats ?? []).map((c) => ({ f: c.formula })),
    ]);
    expect(formulas.length).toBeGreaterThan(1000);
    expect(formulas.filter((x) => /RM\./i.test(x.f))).toEqual([]);
  });
});

describe.each(LANGS)("profile list (%s)", (lang) => {
  const b = book(lang);
  const s = profileList(b, { asOf: AS_OF, lang });
  const C = PROFILE_COLUMNS;
  const first = 4;
  const last = first + b.clients.length - 1;

  const L = (col: number) => colName(col);
  const [J, K, Lc, M, N, O] = [L(C.assetsThisBank), L(C.assetsOther), L(C.nonFinancial), L(C.liabilities), L(C.netWorth), L(C.walletShare)];

  test("title, a labelled as-of date cell, 33 headers in the sheet's language", () => {
    expect(cell(s, "A1")).toBe(NAMES[lang].profile);
    expect(cell(s, "A2")).toBe(WORDS[lang].asOf);
    expect(cell(s, "B2")).toBe(isoToSerial(AS_OF));
    expect(s.formats).toContainEqual(expect.objectContaining({ range: "B2", numberFormat: "yyyy-mm-dd" }));
    expect(s.cells[2]).toHaveLength(33);
    expect(at(s, 3, C.clientId)).toBe(WORDS[lang].clientId);
    expect(at(s, 3, C.netWorth)).toBe(WORDS[lang].netWorth);
  });

  test("one row per client in book order, net worth a row formula, totals as SUM over the rows", () => {
    expect(columnValues(s, `A${first}:A${last}`)).toEqual(b.clients.map((c) => c.clientId));
    // Net worth = financial here + elsewhere + non-financial − liabilities; wallet share = here ÷ (here + elsewhere).
    for (let r = first; r <= last; r++) {
      expect(formula(s, `${N}${r}`).f).toBe(`=${J}${r}+${K}${r}+${Lc}${r}-${M}${r}`);
      expect(formula(s, `${O}${r}`).f).toBe(`=IF(${J}${r}+${K}${r}>0,${J}${r}/(${J}${r}+${K}${r}),"")`);
    }
    const total = last + 1;
    expect(at(s, total, 1)).toBe(WORDS[lang].total);
    for (const col of [J, K, Lc, M, N]) expect(formula(s, `${col}${total}`).f).toBe(`=SUM(${col}${first}:${col}${last})`);
    expect(formula(s, `${O}${total}`).f).toBe(`=IF(${J}${total}+${K}${total}>0,${J}${total}/(${J}${total}+${K}${total}),"")`);
    expect(s.cells).toHaveLength(total);
  });

  test("filters on the header over the data (not the totals), header and id/name frozen", () => {
    expect(s.autoFilter).toBe(`A3:${L(C.documents)}${last}`);
    expect(s.freeze).toEqual({ rows: 3, columns: 2 });
    expect(s.page).toMatchObject({ orientation: "landscape", fitToWidth: true });
  });

  test("overdue reviews highlighted by comparing the next-review column with the fixed as-of cell", () => {
    const cf = s.conditionalFormats ?? [];
    const U = L(C.nextReview);
    expect(cf[0]).toMatchObject({ range: `A${first}:${L(C.documents)}${last}`, formula: `=AND(ISNUMBER($${U}4),$${U}4<$B$2)` });
    expect(cf[0].style.fill).toBeDefined();
    // The sample has overdue clients; their rows are the ones the rule lights up.
    const overdue = columnValues(s, `${U}${first}:${U}${last}`).filter((v) => typeof v === "number" && v < isoToSerial(AS_OF));
    expect(overdue.length).toBeGreaterThan(0);
  });

  test("amounts #,##0 and dates yyyy-mm-dd; phone kept as text", () => {
    const fmt = (range: string) => s.formats?.find((f) => f.range === range)?.numberFormat;
    expect(fmt(`${J}${first}:${N}${last + 1}`)).toBe("#,##0");
    expect(fmt(`${L(C.firstClass)}${first}:${L(C.riskLevel - 1)}${last + 1}`)).toBe("#,##0");
    expect(fmt(`${O}${first}:${O}${last + 1}`)).toBe("0.0%");
    expect(fmt(`D${first}:D${last}`)).toBe("yyyy-mm-dd");
    expect(fmt(`${L(C.lastContact)}${first}:${L(C.nextReview)}${last}`)).toBe("yyyy-mm-dd");
    expect(fmt(`E${first}:E${last}`)).toBe("@");
    expect(typeof at(s, first, C.phone)).toBe("string");
  });

  test("family in one readable cell, manual tiers marked", () => {
    const r = rowWhere(s, 1, "C0001");
    const fam = at(s, r, C.family) as string;
    const spouse = b.family.find((f) => f.clientId === "C0001" && f.relation === "Spouse")!;
    expect(fam).toContain(spouse.name);
    expect(fam).toMatch(lang === "en-US" ? /^Spouse \S+ \d+ \(/ : /^配偶 \S+ \d+(岁|歲)（/);
    const manual = b.clients.filter((c) => c.tier);
    for (const c of manual) expect(at(s, rowWhere(s, 1, c.clientId), C.tier)).toMatch(lang === "en-US" ? /^[ABC] \(manual\)$/ : /^[ABC]（手(动|動)）$/);
  });
});

describe.each(LANGS)("coverage (%s)", (lang) => {
  const b = book(lang);
  const s = coverage(b, { asOf: AS_OF, lang });
  const C = COVERAGE_COLUMNS;

  test("assumption cells in row 2 that the formulas refer to absolutely", () => {
    expect(cell(s, "F2")).toBe(b.settings.incomeYears);
    expect(cell(s, "I2")).toBe(b.settings.educationPerChild);
    expect(cell(s, "L2")).toBe(5);
    expect(cell(s, "O2")).toBe(b.settings.premiumRatio);
    // One name per parameter: the coverage sheet labels them as the Settings table does (was 收入替代年数 vs 收入保障年数).
    expect([cell(s, "D2"), cell(s, "G2"), cell(s, "J2"), cell(s, "M2")]).toEqual(
      (["incomeYears", "educationPerChild", "ciIncomeYears", "premiumRatio"] as const).map((f) => SETTINGS.find((x) => x.field === f)!.headers[lang]),
    );
    const r = rowsWhere(s, 1, "C0001")[0];
    expect(formula(s, `Y${r}`).f).toBe(`=MAX(0,$F${r}+$E${r}*$F$2+$D${r}*$I$2)`);
    expect(formula(s, `AA${r}`).f).toBe(`=$E${r}*$L$2`);
    expect(at(s, 4, C.lifeGap)).toBe(WORDS[lang].lifeGap);
  });

  test("a block per client: one row per policy, client columns repeated, figures on the first row only", () => {
    for (const c of b.clients) {
      const rows = rowsWhere(s, 1, c.clientId);
      const policies = b.policies.filter((p) => p.clientId === c.clientId);
      expect(rows).toHaveLength(Math.max(1, policies.length));
      expect(rows[rows.length - 1] - rows[0]).toBe(rows.length - 1); // contiguous
      expect(rows.every((r) => at(s, r, C.client) === c.name)).toBe(true);
      expect(typeof formula(s, `U${rows[0]}`).cached).toBe("number");
      for (const r of rows.slice(1)) expect(at(s, r, C.lifeCover)).toBeNull();
      // The client's own policies come first.
      if (policies.some((p) => p.insured === c.name)) expect(at(s, rows[0], C.insured)).toBe(c.name);
    }
  });

  test("gaps, missing CI cover and high premiums highlighted; filters on; totals", () => {
    const cf = s.conditionalFormats ?? [];
    const ranges = cf.map((c) => c.range.replace(/\d+/g, ""));
    expect(ranges).toEqual(expect.arrayContaining(["Z:Z", "AB:AB", "V:V", "AE:AE", "AC:AC"]));
    expect(cf.find((c) => c.range.startsWith("AE"))!.formula).toContain(lang === "en-US" ? "No critical-illness cover" : lang === "zh-TW" ? "無重疾保障" : "无重疾保障");
    const last = s.cells.length - 1;
    expect(s.autoFilter).toBe(`A4:AE${last}`);
    expect(at(s, last + 1, 1)).toBe(WORDS[lang].total);
    expect(formula(s, `Z${last + 1}`).f).toBe(`=SUM(Z5:Z${last})`);
    expect(formula(s, `AE${last + 1}`).f).toMatch(/^=COUNTIF\(AE5:AE\d+,"\*.+\*"\)$/);
    expect(formula(s, `AE${last + 1}`).cached).toBeGreaterThan(0);
  });
});

describe.each(LANGS)("asset review (%s)", (lang) => {
  const b = book(lang);
  const opts = { asOf: AS_OF, lang, clientId: "C0001" };
  const s = assetReview(b, opts);
  const L = reviewLayout(b, opts);

  test("header block, holdings grouped by class with loans last, statuses instead of ±100 %", () => {
    expect(cell(s, "A1")).toContain(b.clients[0].name);
    expect(cell(s, "B2")).toBe(b.clients[0].name);
    expect(cell(s, "F2")).toBe(isoToSerial(AS_OF));
    const classes = columnValues(s, `A${L.holdingsFirst}:A${L.holdingsLast}`) as string[];
    // Grouped: a class never reappears after another class started.
    const runs = classes.filter((c, i) => i === 0 || c !== classes[i - 1]);
    expect(new Set(runs).size).toBe(runs.length);
    expect(runs[runs.length - 1]).toBe(lang === "zh-CN" ? "贷款" : lang === "zh-TW" ? "貸款" : "Loan");
    const pcts = columnValues(s, `I${L.holdingsFirst}:I${L.holdingsLast}`).map(shown);
    expect(pcts).toContain(lang === "en-US" ? "New" : "新增");
    expect(pcts).toContain(lang === "en-US" ? "Sold" : lang === "zh-TW" ? "已贖回" : "已赎回");
    expect(pcts.filter((p) => typeof p === "number" && Math.abs(Math.abs(p) - 1) < 1e-9)).toEqual([]);
  });

  test("class summary as SUM over each class's own (contiguous) holding rows and shares of its total, feeding the pie", () => {
    const pie = s.charts!.find((c) => c.type === "pie")!;
    expect(pie.categories).toBe(`A${L.summaryFirst}:A${L.summaryLast}`);
    expect(pie.values).toBe(`B${L.summaryFirst}:B${L.summaryLast}`);
    const classes = columnValues(s, `A${L.holdingsFirst}:A${L.holdingsLast}`) as string[];
    for (let r = L.summaryFirst; r <= L.summaryLast; r++) {
      // No criteria lookup on the class label (issue 12: criteria treat * ? < > = as operators).
      const rows = classes.map((c, i) => (c === at(s, r, 1) ? L.holdingsFirst + i : 0)).filter((x) => x > 0);
      expect(rows[rows.length - 1] - rows[0] + 1).toBe(rows.length);
      const [top, bottom] = [rows[0], rows[rows.length - 1]];
      expect(formula(s, `B${r}`).f).toBe(top === bottom ? `=SUM(D${top})` : `=SUM(D${top}:D${bottom})`);
      expect(formula(s, `C${r}`).f).toBe(`=IF($B$${L.summaryTotalRow}=0,0,B${r}/$B$${L.summaryTotalRow})`);
    }
    expect(formula(s, `B${L.summaryTotalRow}`).f).toBe(`=SUM(B${L.summaryFirst}:B${L.summaryLast})`);
    expect(formula(s, `C${L.summaryTotalRow}`).cached).toBeCloseTo(1, 12);
    expect(pie.title).toBeTruthy();
    // The pie reads class names and positive amounts, nothing else (no header, no total).
    expect(columnValues(s, pie.categories).every((v) => typeof v === "string" && v !== WORDS[lang].total)).toBe(true);
    expect(columnValues(s, pie.values).map(shown).every((v) => typeof v === "number" && v > 0)).toBe(true);
  });

  test("trend of every recorded review plus today feeding the column chart, measure named", () => {
    const col = s.charts!.find((c) => c.type === "column")!;
    expect(col.categories).toBe(`A${L.trendFirst}:A${L.trendLast}`);
    expect(col.values).toBe(`B${L.trendFirst}:B${L.trendLast}`);
    const dates = new Set(b.reviews.filter((r) => r.clientId === "C0001").map((r) => r.reviewDate));
    expect(L.trendLast - L.trendFirst + 1).toBe(dates.size + 1);
    expect(at(s, L.trendFirst - 2, 1)).toBe(WORDS[lang].trend);
    expect(String(at(s, L.trendLast, 1))).toContain(AS_OF);
    expect(formula(s, `B${L.trendLast}`).f).toBe(`=$B$${L.summaryTotalRow}`);
    expect(columnValues(s, col.categories).every((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}/.test(v))).toBe(true);
    expect(columnValues(s, col.values).map(shown).every((v) => typeof v === "number")).toBe(true);
    // No flow entered on asOf, but holdings came and went: the flows are derived and the header names Modified Dietz.
    expect(cell(s, "G6")).toBe(WORDS[lang].dietz);
    expect(formula(s, "F6").f).toBe(`=E${L.trendLast}`);
    expect(formula(s, "F8").f).toBe(`=G${L.trendLast}`);
  });

  test("both charts beside their tables (column H), titled, A4-sized, not overlapping each other or any cell", () => {
    expect(s.charts).toHaveLength(2);
    for (const c of s.charts!) {
      expect(parseRange(c.anchor)!.left).toBe(REVIEW_CHART_COLUMN);
      expect(c.width).toBe(360);
      expect(c.height).toBe(220);
    }
    expect(s.charts![0].anchor).toBe(`H${L.summaryFirst - 2}`);
    expect(s.charts![1].anchor).toBe(`H${L.trendFirst - 2}`);
    expect(specProblems(s)).toEqual([]);
    expect(s.page).toMatchObject({ orientation: "landscape", fitToWidth: true, fitToPage: true });
  });

  test("the overlap check catches a chart placed over the tables", () => {
    const bad: SheetSpec = { ...s, charts: [{ ...s.charts![0], anchor: "A20" }, s.charts![1]] };
    expect(specProblems(bad).some((p) => p.includes("covers"))).toBe(true);
  });
});

describe.each(LANGS)("contact calendar (%s)", (lang) => {
  const b = book(lang);
  const s = contactCalendar(b, { asOf: AS_OF, lang, month: "2026-11" });
  const C = CALENDAR_COLUMNS;

  test("clients down, the 30 days of November across with weekday letters, weekends shaded", () => {
    expect(s.name).toBe(NAMES[lang].calendar);
    expect(s.cells[2].slice(C.firstDay - 1)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // 2026-11-01 is a Sunday.
    expect(at(s, 4, C.firstDay)).toBe(lang === "en-US" ? "S" : "日");
    expect(at(s, 4, C.firstDay + 1)).toBe(lang === "en-US" ? "M" : "一");
    const shaded = (s.formats ?? []).filter((f) => f.style?.fill === "#E7E6E6").map((f) => parseRange(f.range)!.left - C.firstDay + 1);
    expect(shaded.sort((a, x) => a - x)).toEqual([1, 7, 8, 14, 15, 21, 22, 28, 29]);
    expect(columnValues(s, `A5:A${4 + b.clients.length}`)).toEqual(b.clients.map((c) => c.clientId));
    expect(s.freeze).toEqual({ rows: 4, columns: 2 });
  });

  test("days since is a formula on the as-of cell; overdue rows highlighted; legend names T/E/M", () => {
    expect(formula(s, "D5").f).toBe('=IF(C5="","",$B$2-C5)');
    expect(s.conditionalFormats![0].formula).toBe('=OR($C5="",AND(ISNUMBER($E5),$E5<$B$2))');
    expect(cell(s, "D2")).toMatch(lang === "en-US" ? /T=phone E=e-mail M=meeting/ : lang === "zh-TW" ? /T=電話 E=郵件 M=面談/ : /T=电话 E=邮件 M=面谈/);
  });

  test("every contact of the month is in its day cell with a note", () => {
    const month = b.contacts.filter((c) => c.date.startsWith("2026-11-"));
    expect(month.length).toBeGreaterThan(10);
    for (const c of month) {
      const r = rowWhere(s, 1, c.clientId);
      const col = C.firstDay + Number(c.date.slice(8)) - 1;
      expect(String(at(s, r, col)).split("/")).toContain(c.channel);
      const note = s.notes!.find((n) => n.cell === cellName(col, r));
      expect(note?.text).toBeTruthy();
      if (c.summary) expect(note!.text).toContain(c.summary);
    }
  });
});

describe.each(LANGS)("Today (%s)", (lang) => {
  const b = book(lang);
  const s = todaySheet(b, { asOf: AS_OF, lang, festivals: [] });
  const items = todayAgenda(b, AS_OF);

  test("one row per client (issue #15), in urgency bands headed with their count of clients, most urgent first", () => {
    expect(s.name).toBe(NAMES[lang].today);
    const rows = s.cells.slice(3).filter((r) => r.length > 1);
    const clients = new Set(items.map((i) => i.clientId));
    expect(rows).toHaveLength(clients.size);
    expect(new Set(rows.map((r) => r[1])).size).toBe(clients.size);
    const headers = s.cells.slice(3).filter((r) => r.length === 1 || r.slice(1).every((v) => v === null));
    expect(headers.length).toBeGreaterThan(1);
    for (const h of headers) expect(String(h[0])).toMatch(/\d+/);
    // Phone, preferred channel and contact window of the client on its row.
    for (const r of rows) {
      const c = b.clients.find((x) => x.clientId === r[1])!;
      expect(r[3]).toBe(c.phone ?? null);
      expect(r[5]).toBe(c.contactWindow ?? null);
      expect(typeof r[4] === "string" ? r[4].slice(0, 1) : null).toBe(c.preferredChannel ?? null);
    }
    // The days column (H) never decreases down the sheet: most urgent first.
    let prev = -Infinity;
    for (const r of rows) {
      expect(r[7] as number).toBeGreaterThanOrEqual(prev);
      prev = r[7] as number;
    }
    expect(s.conditionalFormats![0].formula).toBe("=AND(ISNUMBER($H4),$H4<0)");
  });
});

describe.each(LANGS)("call list (%s)", (lang) => {
  const b = book(lang);
  const tag = b.clients.find((c) => c.tags?.length)!.tags![0];
  const matches = filterClients(b, { tags: [tag] }, AS_OF, lang);
  const s = callList(b, { asOf: AS_OF, lang, entries: matches, criteria: tag });

  test("name, phone, preferred channel, contact window, last contact and reason per match", () => {
    expect(s.name).toBe(NAMES[lang].callList);
    expect(matches.length).toBeGreaterThan(0);
    expect(s.cells.length).toBe(3 + matches.length);
    matches.forEach((m, i) => {
      const r = 4 + i;
      expect(at(s, r, 1)).toBe(m.client.clientId);
      expect(at(s, r, 2)).toBe(m.client.name);
      expect(at(s, r, 3)).toBe(m.client.phone ?? null);
      if (m.client.preferredChannel) expect(String(at(s, r, 4)).startsWith(m.client.preferredChannel)).toBe(true);
      expect(at(s, r, 6)).toBe(m.lastContact ? isoToSerial(m.lastContact) : null);
      expect(at(s, r, 7)).toBe(m.reason);
    });
    expect(String(cell(s, "D2"))).toContain(tag);
    expect(s.autoFilter).toBe(`A3:G${3 + matches.length}`);
    expect(specProblems(s)).toEqual([]);
  });
});

describe.each(LANGS)("import errors (%s)", (lang) => {
  test("each rejected row once, with table, row, column, reason and the original row verbatim", () => {
    const headers = ["ClientId", "Name", "Birthday"];
    const rows = [["C1", "张伟", "2024/13/40"], ["=HYPERLINK(1)", "", "1990-01-01"]];
    const s = importErrors({
      errors: [
        { table: "clients", sheet: "clients.csv", row: 2, column: "Birthday", columnIndex: 2, value: "2024/13/40", code: "badDate" },
        { table: "clients", sheet: "clients.csv", row: 3, column: "Name", columnIndex: 1, code: "required" },
        { table: "holdings", sheet: "holdings.csv", row: 1, code: "missingColumns", params: { columns: "Amount" } },
      ],
      tables: { clients: { headers, rows, headerRow: 1, sheet: "clients.csv" } },
    }, { lang });
    const section = rowWhere(s, 7, "ClientId");
    expect(s.cells[section - 1].slice(6)).toEqual(headers);
    const r2 = rowWhere(s, 5, "2024/13/40");
    expect(s.cells[r2 - 1].slice(0, 4)).toEqual([lang === "en-US" ? "Clients" : lang === "zh-TW" ? "客戶" : "客户", "clients.csv", 2, "Birthday"]);
    expect(String(at(s, r2, 6))).toContain("2024/13/40");
    expect(s.cells[r2 - 1].slice(6)).toEqual(rows[0]);
    // A formula-looking value is kept verbatim as text.
    expect(s.cells[r2].slice(6)).toEqual(["=HYPERLINK(1)", "", "1990-01-01"]);
    expect(String(at(s, r2 + 1, 4))).toBe("Name");
    const table = rowWhere(s, 2, "holdings.csv");
    expect(at(s, table, 3)).toBe(1);
    expect(specProblems(s)).toEqual([]);
  });
});
