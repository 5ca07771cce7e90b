/**
 * Driving the task pane as a person would (by role and visible text, in the UI language) and reading the fake
 * workbook behind it through window.__fakeHost. Texts come from the pane's own message table (src/taskpane/i18n),
 * so a reworded label does not break a test, while a missing or wrong one does.
 */
import type { Locator, Page } from "playwright-core";
import { decodeBook, type DecodedBook } from "../../src/book/codec";
import type { RawTable, RawValue } from "../../src/book/raw";
import { tableKeyForName, type TableKey } from "../../src/book/schema";
import type { Lang } from "../../src/domain/types";
import { ERROR_KINDS } from "../../src/taskpane/errors";
import { MESSAGES, t, type MessageKey } from "../../src/taskpane/i18n";
import type { FakeHost } from "../fake-excel";
import { AS_OF } from "./harness";

/** The pane's text for a key, as a RegExp: parameters ({n}, {date}…) match any text. */
export function textRe(lang: Lang, key: MessageKey): RegExp {
  const parts = MESSAGES[lang][key].split(/\{\w+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(parts.join(".+?"));
}

/** The pane has read the workbook once and shows a page. */
export async function waitReady(page: Page): Promise<void> {
  await page.locator("#page-panel > *").first().waitFor({ state: "visible", timeout: 20_000 });
}

export function tab(page: Page, lang: Lang, key: MessageKey): Locator {
  return page.getByRole("tab", { name: t(lang, key), exact: true });
}

export function button(page: Page | Locator, lang: Lang, key: MessageKey, params?: Record<string, string | number>): Locator {
  return page.getByRole("button", { name: t(lang, key, params), exact: true });
}

/** A success/info notice (role=status) or a warning (role=alert) with the key's text. */
export function notice(page: Page, lang: Lang, key: MessageKey): Locator {
  return page.locator('[role="status"], [role="alert"]').filter({ hasText: textRe(lang, key) }).first();
}

/** The texts of the error bars shown (each says what went wrong and what to do, src/taskpane/errors.ts). */
export async function errorBars(page: Page, lang: Lang): Promise<string[]> {
  const actions = ERROR_KINDS.map((k) => t(lang, `err.${k}.action` as MessageKey));
  const alerts = await page.locator('[role="alert"]').allInnerTexts();
  return alerts.filter((text) => actions.some((a) => text.includes(a)));
}

/** Waits for a command's notice, or fails with the error bar's text when the command failed instead. */
export async function expectNotice(page: Page, lang: Lang, key: MessageKey, timeout = 20_000): Promise<string> {
  const ok = notice(page, lang, key);
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    if (await ok.isVisible()) return (await ok.innerText()).trim();
    const errors = await errorBars(page, lang);
    if (errors.length > 0) throw new Error(`expected the notice "${t(lang, key)}" but the pane shows an error: ${errors.join(" | ")}`);
    await page.waitForTimeout(50);
  }
  throw new Error(`no notice "${t(lang, key)}" within ${timeout} ms; the pane shows: ${(await page.locator("#page-panel").innerText()).slice(0, 600)}`);
}

/** Book page: set up the client book, then load the 40-client sample, by clicking as a manager would. */
export async function setUpAndLoadSample(page: Page, lang: Lang = "zh-CN"): Promise<void> {
  await waitReady(page);
  await tab(page, lang, "tab.book").click();
  await button(page, lang, "book.setup").click();
  // a blank workbook gets the shipped template (the stand-in reports ExcelApi 1.13 unless told otherwise)
  await expectNotice(page, lang, "book.setupFromTemplate");
  await button(page, lang, "book.sample").click();
  await expectNotice(page, lang, "book.sampleDone");
}

// ---- the fake workbook, read through window.__fakeHost -------------------------------------------------------------

type HostWindow = { __fakeHost: FakeHost };

export interface FakeTable {
  name: string;
  sheet: string;
  address: string;
  values: RawValue[][];
}

/** Every table of the fake workbook with its cells (header row first). */
export async function fakeTables(page: Page): Promise<FakeTable[]> {
  return page.evaluate(() => {
    const h = (window as unknown as HostWindow).__fakeHost;
    return h.tables().map((tb) => ({
      name: tb.name,
      sheet: tb.sheet,
      address: tb.address,
      values: h.getValues(tb.sheet, tb.address.slice(tb.address.lastIndexOf("!") + 1)) as RawValue[][],
    }));
  });
}

/** The book in the fake workbook, read by the codec (src/book) in Node — independent of the pane's own read. */
export async function fakeBook(page: Page, asOf = AS_OF): Promise<DecodedBook & { tables: Partial<Record<TableKey, FakeTable>> }> {
  const tables = await fakeTables(page);
  const raw: Partial<Record<TableKey, RawTable>> = {};
  const byKey: Partial<Record<TableKey, FakeTable>> = {};
  for (const tb of tables) {
    const key = tableKeyForName(tb.name);
    if (!key) continue;
    const headerRow = Number(/(\d+):/.exec(tb.address.slice(tb.address.lastIndexOf("!") + 1))?.[1] ?? NaN);
    raw[key] = { headers: tb.values[0], rows: tb.values.slice(1), headerRow, sheet: tb.sheet };
    byKey[key] = tb;
  }
  return { ...decodeBook(raw, { asOf }), tables: byKey };
}

export async function sheetNames(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as HostWindow).__fakeHost.sheetNames());
}

export async function sheetValues(page: Page, sheet: string, address?: string): Promise<RawValue[][]> {
  return page.evaluate(
    ([s, a]) => {
      const view = (window as unknown as HostWindow).__fakeHost.sheet(s);
      if (!view) throw new Error(`no sheet ${s}`);
      return view.values(a ?? undefined) as RawValue[][];
    },
    [sheet, address ?? null] as const,
  );
}

export async function charts(page: Page, sheet: string): Promise<ReturnType<FakeHost["charts"]>> {
  return page.evaluate((s) => (window as unknown as HostWindow).__fakeHost.charts(s), sheet);
}

export async function notes(page: Page, sheet: string): Promise<ReturnType<FakeHost["notes"]>> {
  return page.evaluate((s) => (window as unknown as HostWindow).__fakeHost.notes(s), sheet);
}

/** "'资产检视-张伟-C0001'!$A$20:$A$25" → "A20:A25". */
export function localAddress(address: string | null): string | null {
  return address === null ? null : address.slice(address.lastIndexOf("!") + 1).replace(/\$/g, "");
}

/** Presses Tab (Shift+Tab with back) until the focused element matches, or fails after `max` presses. */
export async function tabTo(page: Page, matches: (el: { role: string | null; name: string; tag: string; type: string | null }) => boolean, opts: { max?: number; back?: boolean } = {}): Promise<number> {
  const max = opts.max ?? 40;
  for (let i = 0; i <= max; i++) {
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a) return { role: null, name: "", tag: "", type: null };
      const labelled = a.getAttribute("aria-labelledby");
      const name = a.getAttribute("aria-label") ?? (labelled ? document.getElementById(labelled)?.innerText ?? "" : "") ?? "";
      return { role: a.getAttribute("role"), name: name || (a.innerText ?? "").trim(), tag: a.tagName.toLowerCase(), type: a.getAttribute("type") };
    });
    if (matches(el)) return i;
    await page.keyboard.press(opts.back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`keyboard: focus did not reach the element within ${max} Tab presses`);
}
