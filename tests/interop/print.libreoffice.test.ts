/**
 * Printing as a new manager would (issue 15, Print): the demo workbook and a workbook of the other output sheets
 * (the client's copy of a review, a call list, the import errors) printed to PDF by LibreOffice headless. Checked
 * on every page: no ### anywhere, the footer with page N of M and the confidentiality line (the client's copy: its
 * own line, nothing internal), the header rows repeated on a list's later pages, each review on one page. The first
 * page of every sheet type is kept as a PNG in test-artifacts/print/ to look at (CI keeps it as an artifact), and the
 * pages per sheet are logged (the closing note's page counts).
 *
 * Skipped with a message when soffice is missing, except in CI (CI=true), where it is required.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { TABLE_KEYS, sheetName } from "../../src/book/schema";
import { demoCommand } from "../../src/cli/commands/demo";
import { sampleBook } from "../../src/sample";
import { assetReview, callList, callListEntries, importErrors } from "../../src/sheets";
import { FOOTER_TEXT } from "../../src/sheets/printText";
import { renderSpecs } from "../../src/xlsx/renderSpec";
import { convert, findPdftoppm, findSoffice, pdfPageToPng, pdfPagesText } from "./libreoffice";

const SOFFICE = findSoffice();
const REQUIRED = process.env.CI === "true";
const ARTIFACTS = path.resolve(__dirname, "../../test-artifacts/print");
const AS_OF = "2026-11-23";
const T = FOOTER_TEXT["zh-CN"];

if (!SOFFICE && !REQUIRED) console.warn("SKIPPED the print interop test: soffice was not found (Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk poppler-utils).");

test("LibreOffice is there when the print interop test is required (CI)", () => {
  if (REQUIRED) expect(SOFFICE).toBeDefined();
});

/** The sheet a page belongs to: the footer's right part (&A, the sheet's name) on the line with "第 N 页". */
function footerSheet(page: string): string | undefined {
  const line = page.split("\n").find((l) => /第 \d+ 页，共 \d+ 页/.test(l));
  return line?.trim().split(/\s+/).pop();
}

const describeLO = SOFFICE && findPdftoppm() ? describe : describe.skip;

describeLO("printing every sheet type with LibreOffice", () => {
  let work: string;
  const pages = new Map<string, string[]>();
  const firstPage = new Map<string, { pdf: string; page: number }>();

  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "clientbook-print-"));
    const demo = await demoCommand({ out: "demo.xlsx", lang: "zh-CN", clients: 40, asOf: AS_OF });
    writeFileSync(path.join(work, "demo.xlsx"), demo.files[0].bytes);
    const book = sampleBook(AS_OF, "zh-CN");
    const ids = book.clients.slice(0, 12).map((c) => c.clientId);
    const others = await renderSpecs([
      assetReview(book, { clientId: "C0002", asOf: AS_OF, lang: "zh-CN", clientFacing: true }),
      callList(book, { asOf: AS_OF, lang: "zh-CN", entries: callListEntries(book, ids, {}, AS_OF) }),
      importErrors({ errors: [{ table: "clients", sheet: "客户", row: 3, column: "生日", columnIndex: 3, value: "1985-13-01", code: "badDate" }] }, { lang: "zh-CN" }),
    ]);
    writeFileSync(path.join(work, "others.xlsx"), others);
    for (const name of ["demo", "others"]) {
      const pdf = await convert(path.join(work, `${name}.xlsx`), "pdf", work, { timeoutMs: 240_000 });
      pdfPagesText(pdf).forEach((text, i) => {
        const sheet = footerSheet(text) ?? "?";
        pages.set(sheet, [...(pages.get(sheet) ?? []), text]);
        if (!firstPage.has(sheet)) firstPage.set(sheet, { pdf, page: i + 1 });
      });
    }
  }, 400_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  test("every page has the footer; no page shows ###", () => {
    expect(pages.has("?")).toBe(false);
    for (const [sheet, texts] of pages) {
      for (const text of texts) {
        expect({ sheet, hashes: /###/.test(text) }).toEqual({ sheet, hashes: false });
      }
    }
    console.log(`pages per sheet: ${[...pages].map(([s, t]) => `${s} ${t.length}`).join(", ")}; total ${[...pages.values()].reduce((n, t) => n + t.length, 0)}`);
  });

  test("internal sheets carry the confidentiality line; the client's copy its own, nothing internal", () => {
    for (const [sheet, texts] of pages) {
      const facing = sheet.startsWith("资产检视") && !/-C\d{4}$/.test(sheet);
      for (const text of texts) {
        if (facing) {
          expect(text).toContain(T.confidential.client);
          expect(text).not.toMatch(/内部|客户机密/);
        } else expect({ sheet, line: text.includes(T.confidential.internal) }).toEqual({ sheet, line: true });
      }
    }
  });

  test("a list's later pages repeat its header rows; each review is one page", () => {
    const clients = pages.get(sheetName("clients", "zh-CN"))!;
    expect(clients.length).toBeGreaterThan(1);
    for (const text of clients) expect(text).toContain("客户编号");
    const profile = pages.get("客户一览")!;
    expect(profile.length).toBeGreaterThan(1);
    for (const text of profile) expect(text).toContain("截至");
    const reviews = [...pages].filter(([s]) => s.startsWith("资产检视"));
    expect(reviews.length).toBe(41);
    for (const [sheet, texts] of reviews) expect({ sheet, pages: texts.length }).toEqual({ sheet, pages: 1 });
  });

  test("the first page of each sheet type as PNG in test-artifacts/print/", () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const kinds: [string, (s: string) => boolean][] = [
      ...TABLE_KEYS.map((k) => [`table-${k}`, (s: string) => s === sheetName(k, "zh-CN")] as [string, (s: string) => boolean]),
      ["profile", (s) => s === "客户一览"],
      ["coverage", (s) => s === "保障一览"],
      ["calendar", (s) => s.startsWith("联络日历")],
      ["today", (s) => s === "今日待办"],
      ["review", (s) => /^资产检视.*-C\d{4}$/.test(s)],
      ["client-review", (s) => s.startsWith("资产检视") && !/-C\d{4}$/.test(s)],
      ["call-list", (s) => s === "联系名单"],
      ["import-errors", (s) => s === "导入错误"],
    ];
    for (const [kind, match] of kinds) {
      const sheet = [...firstPage.keys()].find(match);
      expect({ kind, found: sheet !== undefined }).toEqual({ kind, found: true });
      const at = firstPage.get(sheet!)!;
      pdfPageToPng(at.pdf, path.join(ARTIFACTS, `${kind}.png`), at.page, 80);
    }
  });
});
