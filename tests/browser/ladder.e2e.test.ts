/**
 * The task pane's maturity ladder and calendar export (issue 17) in Chromium, as a manager uses them: the 到期 tab
 * shows twelve months with the totals of the domain's ladder (src/domain/ladder.ts, the sheet's one source, run
 * here in Node on the book read back from the fake workbook); a month opens to its clients; a client's name opens
 * their page; "export calendar (.ics)" downloads the file `clientbook calendar` writes (src/sheets/ics.ts), which
 * Mozilla's ical.js parses — with the clients' names, or with none when "leave names out" is ticked; on Excel for
 * Mac (no downloads from add-ins, office-js#2700) the same text is shown to copy. Every ladder state at 320×700 and
 * 450×800 in the three languages: screenshots (test-artifacts/browser/page-ladder*-<lang>-<w>x<h>.png), nothing
 * overflows, no serious or critical axe violation.
 *
 * Needs `npm run build` (dist/); skipped without Chromium unless CI=true (tests/browser/README.md).
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import ICAL from "ical.js";
import { emptyBook, type Book, type Lang } from "../../src/domain/types";
import { sampleBook } from "../../src/sample";
import { bookCalendarIcs } from "../../src/sheets/ics";
import { LANG_NAMES, t } from "../../src/taskpane/i18n";
import { calendarFileName } from "../../src/taskpane/model/calendarFile";
import { ladderView } from "../../src/taskpane/model/ladderView";
import { lt } from "../../src/taskpane/pages/ladderText";
import { bookSeeds } from "../excel/helpers";
import { artifact, AS_OF, chromiumStatus, SIZES, startSuite, type PaneOptions, type Suite } from "./harness";
import { axeViolations, isSerious, overflowProblems } from "./layout";
import { fakeBook, tab, waitReady } from "./pane";

const status = chromiumStatus(); // throws when CI=true and Chromium is missing
if (!status.run) console.warn(status.reason);
const describeBrowser = status.run ? describe : describe.skip;

const L: Lang = "zh-CN";
const SAMPLE = sampleBook(AS_OF, L);
const WITH_SAMPLE: PaneOptions = { office: { workbook: { sheets: bookSeeds(SAMPLE, L) } } };

/** Every VEVENT's summary and start date as ical.js (an independent parser) reads the file. */
function parseIcs(text: string): { summary: string; date: string }[] {
  const cal = new ICAL.Component(ICAL.parse(text));
  return cal.getAllSubcomponents("vevent").map((v) => ({ summary: String(v.getFirstPropertyValue("summary")), date: (v.getFirstPropertyValue("dtstart") as ICAL.Time).toString() }));
}

/** Every name the book holds (clients and family members): none may appear in a calendar exported without names. */
function names(book: Book): string[] {
  return [...new Set([...book.clients.map((c) => c.name), ...book.family.map((f) => f.name)])].filter((n) => n.trim() !== "");
}

describeBrowser("maturity ladder and calendar export in the task pane (issue 17)", () => {
  let suite: Suite;

  beforeAll(async () => {
    suite = await startSuite();
  }, 120_000);

  afterAll(async () => {
    await suite?.close();
  });

  async function openLadder(page: Page, lang: Lang = L): Promise<void> {
    await tab(page, lang, "tab.ladder").click();
    await page.getByRole("heading", { level: 2, name: lt(lang, "title") }).waitFor();
  }

  /** The month rows of the ladder (the list's own items). */
  const monthRows = (page: Page, lang: Lang) => page.locator(`ul[aria-label="${lt(lang, "title")}"] > li`);

  /** Opens a month by clicking its summary line, as a manager would. */
  async function openMonth(page: Page, label: string): Promise<void> {
    await page.locator("summary").filter({ hasText: label }).click();
  }

  test("twelve months with the domain's totals; a month opens to its clients and their holdings; a client's name opens their page", async () => {
    await suite.withPane(WITH_SAMPLE, async ({ page }) => {
      await waitReady(page);
      await openLadder(page);
      const { book } = await fakeBook(page);
      const v = ladderView(book, AS_OF, L);
      expect(v.holdingCount).toBeGreaterThan(0);
      // The status line: the 12 months' total, holdings and clients (the domain's figures, formatted as cells are).
      await page.getByRole("status").filter({ hasText: lt(L, "total", { amount: v.totalText, n: v.holdingCount, clients: v.clientCount }) }).waitFor();
      const rows = monthRows(page, L);
      await expect(rows.count()).resolves.toBe(12);
      for (let i = 0; i < 12; i++) {
        const m = v.months[i];
        const text = await rows.nth(i).innerText();
        expect({ i, label: text.includes(m.label), total: text.includes(m.holdingCount > 0 ? m.totalText : "—") }).toEqual({ i, label: true, total: true });
      }
      // The month with the most clients that shows them all (≤ 30): its clients in the view's order.
      const month = [...v.months].filter((m) => m.clients.length <= 30).sort((a, b) => b.clients.length - a.clients.length)[0];
      expect(month.clients.length).toBeGreaterThan(1);
      await openMonth(page, month.label);
      const details = page.locator("details[open]");
      await details.getByRole("button", { name: month.clients[0].clientName }).first().waitFor();
      const shown = await details.locator("li > button").allInnerTexts();
      const clientButtons = shown.slice(0, month.clients.length).map((s) => s.split("\n")[0].trim());
      expect(clientButtons).toEqual(month.clients.map((c) => c.clientName));
      // Each holding's line: date, class and product, as the view words it.
      const first = month.clients.find((c) => c.items.length > 1) ?? month.clients[0];
      for (const item of first.items) await details.getByText(`${item.dateText} · ${item.classLabel} · ${item.productName}`, { exact: true }).waitFor();
      await page.screenshot({ path: artifact("flow-ladder-month-open.png"), fullPage: true });

      // A client's name opens their page (the Clients tab, their id in the heading).
      const target = month.clients[0];
      await details.getByRole("button", { name: target.clientName }).first().click();
      await page.getByRole("heading", { level: 2, name: new RegExp(target.clientId) }).waitFor();
      await expect(tab(page, L, "tab.clients").getAttribute("aria-selected")).resolves.toBe("true");
    });
  });

  test("export calendar (.ics): the download is clientbook calendar's file, read by ical.js; names present, or all left out", async () => {
    await suite.withPane(WITH_SAMPLE, async ({ page }) => {
      await waitReady(page);
      await openLadder(page);
      const { book } = await fakeBook(page);
      await page.getByRole("button", { name: lt(L, "export.open") }).click();
      const panel = page.getByRole("region", { name: lt(L, "export.title") });
      await panel.waitFor();

      const download = async () => {
        const [dl] = await Promise.all([page.waitForEvent("download", { timeout: 20_000 }), panel.getByRole("button", { name: lt(L, "export.download") }).click()]);
        const file = await dl.path();
        return { name: dl.suggestedFilename(), text: readFileSync(file, "utf8") };
      };

      // Default: the next 3 months, with names.
      const named = await download();
      const want = bookCalendarIcs(book, { asOf: AS_OF, lang: L, months: 3 });
      expect(named.name).toBe(calendarFileName(AS_OF, false));
      expect(named.text).toBe(want.text);
      const events = parseIcs(named.text);
      expect(events).toHaveLength(want.events.length);
      expect(events.length).toBeGreaterThan(10);
      expect(events.every((e) => e.date >= AS_OF)).toBe(true);
      const everyName = names(book);
      expect(events.filter((e) => everyName.some((n) => e.summary.includes(n))).length).toBe(events.length);
      await page.getByRole("status").filter({ hasText: lt(L, "export.done", { file: named.name, n: events.length }) }).waitFor();

      // Six months, names left out: the reason alone in every event, no client's or family member's name.
      await panel.getByRole("combobox", { name: lt(L, "export.months") }).selectOption({ label: lt(L, "export.monthsOption", { n: 6 }) });
      await panel.getByRole("checkbox", { name: lt(L, "export.noNames") }).check();
      const bare = await download();
      const wantBare = bookCalendarIcs(book, { asOf: AS_OF, lang: L, months: 6, clientFacing: true });
      expect(bare.name).toBe(calendarFileName(AS_OF, true));
      expect(bare.text).toBe(wantBare.text);
      const bareEvents = parseIcs(bare.text);
      expect(bareEvents.length).toBeGreaterThan(events.length); // six months hold more than three
      expect(bareEvents.filter((e) => everyName.some((n) => e.summary.includes(n)))).toEqual([]);
      expect(bare.text.includes(book.clients[0].name)).toBe(false);
      await page.screenshot({ path: artifact("flow-ladder-export-done.png"), fullPage: true });
    });
  });

  test("Excel for Mac (no downloads from add-ins, office-js#2700): the same calendar is shown to copy, and parses", async () => {
    await suite.withPane({ ...WITH_SAMPLE, query: "office-platform=Mac" }, async ({ page }) => {
      await waitReady(page);
      await openLadder(page);
      const { book } = await fakeBook(page);
      let downloads = 0;
      page.on("download", () => downloads++);
      await page.getByRole("button", { name: lt(L, "export.open") }).click();
      const panel = page.getByRole("region", { name: lt(L, "export.title") });
      await panel.getByRole("button", { name: lt(L, "export.download") }).click();
      const want = bookCalendarIcs(book, { asOf: AS_OF, lang: L, months: 3 });
      const box = panel.getByRole("textbox", { name: lt(L, "export.text", { n: want.events.length }) });
      await box.waitFor();
      const text = await box.inputValue();
      // A textarea's value has LF line ends (HTML normalises CR LF); the file's CRLF is RFC 5545's, restored on save.
      expect(text).toBe(want.text.replace(/\r\n/g, "\n"));
      expect(parseIcs(text)).toHaveLength(want.events.length);
      await panel.getByText(lt(L, "export.mac", { file: calendarFileName(AS_OF, false) })).waitFor();
      await panel.getByRole("button", { name: lt(L, "export.copy") }).click();
      await panel.getByText(new RegExp(`${lt(L, "export.copied")}|${lt(L, "export.copyFailed")}`)).waitFor();
      expect(downloads).toBe(0);
      await page.screenshot({ path: artifact("flow-ladder-export-mac.png"), fullPage: true });
    });
  });

  test("every ladder state at 320×700 and 450×800 in zh-CN, zh-TW and en-US: screenshots, nothing overflows, no serious or critical axe violation", async () => {
    const problems: string[] = [];
    const a11y: string[] = [];
    const check = async (page: Page, name: string, lang: Lang) => {
      await page.waitForLoadState("networkidle");
      await page.waitForFunction(() => !document.querySelector(".fui-Spinner"), undefined, { timeout: 10_000 }).catch(() => undefined);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        const file = `page-${name}-${lang}-${size.width}x${size.height}`;
        await page.screenshot({ path: artifact(`${file}.png`) });
        await page.screenshot({ path: artifact(`${file}-full.png`), fullPage: true });
        for (const p of await overflowProblems(page)) problems.push(`${name} ${lang} ${size.width}px: ${p}`);
      }
      for (const v of await axeViolations(page)) if (isSerious(v)) a11y.push(`${name} ${lang}: ${v.impact} ${v.id} — ${v.help}\n    ${v.nodes.join("\n    ")}`);
      await page.setViewportSize(SIZES[0]);
    };
    await suite.withPane({ ...WITH_SAMPLE, axe: true }, async ({ page }) => {
      await waitReady(page);
      for (const lang of ["zh-CN", "zh-TW", "en-US"] as const) {
        if (lang !== L) {
          const current = (await page.evaluate(() => document.documentElement.lang)) as Lang;
          await page.getByRole("combobox", { name: t(current, "app.language") }).selectOption({ label: LANG_NAMES[lang] });
          await page.waitForFunction((l) => document.documentElement.lang === l, lang);
        }
        // The page anew in each language (a tab away and back closes opened months and the export panel).
        await tab(page, lang, "tab.today").click();
        await openLadder(page, lang);
        await check(page, "ladder", lang);
        const { book } = await fakeBook(page);
        const v = ladderView(book, AS_OF, lang);
        const busiest = [...v.months].sort((a, b) => b.clients.length - a.clients.length)[0];
        await openMonth(page, busiest.label);
        await page.locator("details[open]").getByRole("button", { name: busiest.clients[0].clientName }).first().waitFor();
        await page.locator("summary").filter({ hasText: busiest.label }).scrollIntoViewIfNeeded();
        await check(page, "ladder-month", lang);
        await page.getByRole("button", { name: lt(lang, "export.open") }).click();
        await page.getByRole("region", { name: lt(lang, "export.title") }).waitFor();
        await check(page, "ladder-export", lang);
      }
    });
    // The empty state: a book with no clients.
    await suite.withPane({ office: { workbook: { sheets: bookSeeds(emptyBook(), L) } }, axe: true }, async ({ page }) => {
      await waitReady(page);
      await openLadder(page);
      await page.getByText(lt(L, "empty")).waitFor();
      await check(page, "ladder-empty", L);
    });
    if (problems.length > 0 || a11y.length > 0) console.log(`Layout and accessibility findings:\n${[...problems, ...a11y].join("\n")}`);
    expect(problems).toEqual([]);
    expect(a11y).toEqual([]);
  }, 300_000);
});
