/**
 * The browser suite's harness: Debian's Chromium through playwright-core, the production build (dist/) served on
 * 127.0.0.1, the Office.js CDN request routed to the stand-in (fake Excel host), a frozen clock, and a log of every
 * request the page makes (nothing may leave the workbook).
 *
 * Profile: chromium.launch() starts the browser with a fresh temporary user-data dir of its own (Playwright creates
 * it per launch and deletes it on close), and every test opens a new incognito-like context on it, so no
 * localStorage, cache or cookie passes from one test to the next.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page, type Request } from "playwright-core";
import { LANGS } from "../../src/domain/types";
import { templatePath } from "../../src/taskpane/template";
import { sheetSeedsOf } from "../excel/xlsxSeeds";
import type { SheetSeed } from "../fake-excel";
import type { StandInOptions } from "./officejs-standin";
import { serveStatic, type StaticServer } from "./server";
import { buildOfficeStandIn } from "./standin";

export const ROOT = path.resolve(__dirname, "../..");
/** Debian's Chromium (Playwright's own browser download does not work here); CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const LAUNCH_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
];
/** dist/ by default; CLIENTBOOK_DIST points the suite at another build (e.g. while developing). */
export const DIST = path.resolve(process.env.CLIENTBOOK_DIST ?? path.join(ROOT, "dist"));
export const AXE_PATH = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
export const ARTIFACTS = path.join(ROOT, "test-artifacts", "browser");
export const OFFICE_JS = (createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as { OFFICE_JS: string }).OFFICE_JS;

/** Task-pane sizes: Excel's narrowest pane and a common wider one. */
export const SIZES = [
  { width: 320, height: 700 },
  { width: 450, height: 800 },
] as const;

/** The moment every test runs at (Asia/Shanghai, a Friday morning), so dates in the pane and the sheets are fixed. */
export const TIMEZONE = "Asia/Shanghai";
export const NOW = new Date("2026-05-15T10:30:00+08:00");
export const AS_OF = "2026-05-15";

/** How the suite decides to run: skip (with a reason) when Chromium is missing, unless CI requires it. */
export function chromiumStatus(): { run: true } | { run: false; reason: string } {
  if (existsSync(CHROMIUM)) return { run: true };
  if (process.env.CI === "true") {
    throw new Error(`${CHROMIUM} is missing, and CI requires the browser tests (tests/browser): install Debian's chromium (apt-get install chromium).`);
  }
  return { run: false, reason: `${CHROMIUM} is missing: the browser tests (tests/browser) are skipped. Install Debian's chromium (apt-get install chromium) to run them.` };
}

export interface PaneOptions {
  viewport?: { width: number; height: number };
  /** Options for the Office.js stand-in (window.__fakeOfficeOptions). */
  office?: StandInOptions;
  /** Query string for taskpane.html (the stand-in also reads office-* options from it). */
  query?: string;
  /** Freeze Date at this moment (default NOW); null leaves the real clock. */
  now?: Date | null;
  /**
   * Put axe-core into every page of the context. The page's CSP (script-src 'self' + the Office CDN) blocks
   * page.addScriptTag({ content }) — an inline script — so axe goes in as an init script, which the browser runs
   * through DevTools outside the page's CSP; the CSP itself stays on (no bypassCSP).
   */
  axe?: boolean;
}

export interface Pane {
  context: BrowserContext;
  page: Page;
  /** Every request of the context, in order. */
  requests: Request[];
  /** Uncaught page errors and console errors. */
  errors: string[];
  close(): Promise<void>;
}

export interface Suite {
  browser: Browser;
  server: StaticServer;
  officeJs: string;
  open(opts?: PaneOptions): Promise<Pane>;
  /**
   * Opens a pane, runs the flow, closes it; then no request may have left the machine and no script error occurred
   * (with allowConsoleErrors, console errors are let through but uncaught page errors are not).
   */
  withPane(opts: PaneOptions & { allowConsoleErrors?: boolean }, flow: (pane: Pane) => Promise<void>): Promise<void>;
  /** Every request of the panes run through withPane, in order. */
  requests: string[];
  close(): Promise<void>;
}

/** The book templates the build put among the pane's assets, base64 → the sheets the fake host inserts. */
async function builtTemplates(): Promise<Record<string, SheetSeed[]>> {
  const out: Record<string, SheetSeed[]> = {};
  for (const lang of LANGS) {
    const file = path.join(DIST, templatePath(lang));
    if (!existsSync(file)) throw new Error(`${file} is missing: the build makes one template per language (webpack.config.js BookTemplatePlugin).`);
    const bytes = new Uint8Array(readFileSync(file));
    out[Buffer.from(bytes).toString("base64")] = await sheetSeedsOf(bytes);
  }
  return out;
}

export async function startSuite(): Promise<Suite> {
  if (!existsSync(path.join(DIST, "taskpane.html"))) {
    throw new Error(`${path.relative(ROOT, DIST) || DIST}/taskpane.html is missing: run npm run build (npm test builds it in pretest) before the browser tests.`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  const [officeJs, server, xlsxFiles] = await Promise.all([buildOfficeStandIn(), serveStatic(DIST), builtTemplates()]);
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: true });
  } catch (e) {
    await server.close();
    throw e;
  }
  const open = async (opts: PaneOptions = {}): Promise<Pane> => {
    const context = await browser.newContext({
      viewport: opts.viewport ?? SIZES[0],
      deviceScaleFactor: 1,
      locale: "zh-CN",
      timezoneId: TIMEZONE,
      serviceWorkers: "block",
    });
    const requests: Request[] = [];
    const errors: string[] = [];
    context.on("request", (r) => requests.push(r));
    await context.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript; charset=utf-8", body: officeJs }));
    if (opts.now !== null) await context.clock.setFixedTime(opts.now ?? NOW);
    if (opts.axe) await context.addInitScript({ path: AXE_PATH });
    // Every pane's Excel can insert the built templates (set-up on ExcelApi 1.13), and only them.
    const office: StandInOptions = { xlsxFiles, ...opts.office };
    await context.addInitScript((o) => ((window as unknown as { __fakeOfficeOptions: unknown }).__fakeOfficeOptions = o), office);
    const page = await context.newPage();
    page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console.error: ${m.text()}`);
    });
    await page.goto(`${server.origin}/taskpane.html${opts.query ? `?${opts.query}` : ""}`);
    return { context, page, requests, errors, close: () => context.close() };
  };
  const requests: string[] = [];
  const withPane: Suite["withPane"] = async (opts, flow) => {
    const pane = await open(opts);
    try {
      await flow(pane);
    } finally {
      await pane.close();
    }
    const urls = pane.requests.map((r) => r.url());
    requests.push(...urls);
    expect(foreignRequests(urls, server.origin)).toEqual([]);
    const errors = opts.allowConsoleErrors ? pane.errors.filter((e) => e.startsWith("pageerror")) : pane.errors;
    expect(errors).toEqual([]);
  };
  return {
    browser,
    server,
    officeJs,
    open,
    withPane,
    requests,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Requests to anywhere but the server's own origin and the Office.js script (data: and blob: never leave the page). */
export function foreignRequests(urls: readonly string[], origin: string): string[] {
  return urls.filter((url) => !(url === OFFICE_JS || url.startsWith(`${origin}/`) || url.startsWith("data:") || url.startsWith("blob:")));
}

export function artifact(name: string): string {
  return path.join(ARTIFACTS, name);
}

export function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}
