/**
 * Checks the production build in dist/ (`npm test` builds it first, in pretest): the initial task-pane load stays
 * under the 150 KB gzipped budget (issue 7's "Load budget" of 170 KB, lowered by issue 19), functions.json is what Excel expects, the page's
 * Content-Security-Policy admits only its own origin and the Office.js CDN, and no bundle carries a telemetry or
 * analytics endpoint ("Nothing leaves the workbook").
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { createRequire } from "module";
import path from "path";
import { gzipSync } from "zlib";
import { TABLE_KEYS, TABLES } from "../../src/book/schema";
import { LANGS } from "../../src/domain/types";
import { templatePath } from "../../src/taskpane/template";
import { readWorkbookTables } from "../../src/xlsx/readWorkbook";
import { METADATA_LANGS, metadataFile } from "../../src/functions/localizeMetadata";
import { FUNCTION_TEXT } from "../../src/functions/metadataText";
import { allUrls, DEV_ORIGIN, loadManifest } from "./manifestModel";

interface LocalizedMetadata {
  functions: { id: string; name: string; description: string; helpUrl: string; parameters: { name: string }[] }[];
}

const ROOT = path.resolve(__dirname, "..", "..");
const DIST = path.join(ROOT, "dist");
const webpackConfig = createRequire(__filename)(path.join(ROOT, "webpack.config.js")) as {
  OFFICE_JS: string;
  OFFICE_CDN: string[];
  INITIAL_LOAD_LIMIT: number;
};

interface SizedFile {
  file: string;
  bytes: number;
  gzip: number;
}
interface BundleSize {
  mode: string;
  limit: number;
  initialTaskpaneGzip: number;
  functionsGzip: number;
  asyncChunksGzip: number;
  files: { initial: SizedFile[]; functions: string[]; async: SizedFile[] };
}

function distFile(name: string): string {
  const file = path.join(DIST, name);
  if (!existsSync(file)) {
    throw new Error(`dist/${name} is missing: build first with \`npm run build\` (\`npm test\` does it in pretest).`);
  }
  return file;
}
const readDist = (name: string): string => readFileSync(distFile(name), "utf8");
const gzip9 = (file: string): number => gzipSync(readFileSync(path.join(DIST, file)), { level: 9 }).length;
const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;

/** Every file under dist/, relative paths. */
function distFiles(dir = DIST): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? distFiles(full) : [path.relative(DIST, full).split(path.sep).join("/")];
  });
}

const scriptSources = (html: string): string[] =>
  [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);

describe("initial load budget", () => {
  const size = JSON.parse(readDist("bundle-size.json")) as BundleSize;

  test("comes from a production build", () => {
    expect(size.mode).toBe("production");
    expect(size.limit).toBe(150 * 1024);
    expect(webpackConfig.INITIAL_LOAD_LIMIT).toBe(150 * 1024);
  });

  test("lists exactly the scripts taskpane.html loads, with their current sizes", () => {
    const local = scriptSources(readDist("taskpane.html"))
      .filter((src) => !/^https?:/.test(src))
      .map((src) => src.replace(/^\.?\//, "").replace(/\?.*$/, ""));
    expect(size.files.initial.map((f) => f.file)).toEqual(local);
    for (const f of [...size.files.initial, ...size.files.async]) expect({ file: f.file, gzip: gzip9(f.file) }).toEqual({ file: f.file, gzip: f.gzip });
    const sum = (list: SizedFile[]): number => list.reduce((t, f) => t + f.gzip, 0);
    expect(size.initialTaskpaneGzip).toBe(sum(size.files.initial));
    expect(size.asyncChunksGzip).toBe(sum(size.files.async));
  });

  test("every other script is a lazy chunk, counted apart", () => {
    const js = distFiles().filter((f) => f.endsWith(".js"));
    const initial = size.files.initial.map((f) => f.file);
    expect(size.files.async.map((f) => f.file).sort()).toEqual(js.filter((f) => !initial.includes(f)).sort());
  });

  test("the initial task-pane load is at most 150 KB gzipped", () => {
    expect(size.initialTaskpaneGzip).toBeGreaterThan(0);
    const detail = size.files.initial.map((f) => `${f.file} ${kb(f.gzip)}`).join(", ");
    if (size.initialTaskpaneGzip > 150 * 1024) {
      throw new Error(`Initial task-pane load is ${kb(size.initialTaskpaneGzip)} gzipped, over 150 KB: ${detail}. Move what first paint does not need into React.lazy chunks.`);
    }
  });

  test("the custom-functions code is part of the page and measured", () => {
    expect(size.files.functions).toContain("functions.js");
    const initial = size.files.initial.map((f) => f.file);
    for (const f of size.files.functions) expect(initial).toContain(f);
    expect(size.functionsGzip).toBe(size.files.functions.reduce((t, f) => t + gzip9(f), 0));
  });
});

describe("functions.json", () => {
  const metadata = JSON.parse(readDist("functions.json")) as {
    functions: { id: string; name: string; description?: string; parameters?: { name: string; description?: string }[] }[];
  };

  test("lists functions, each with a description and described parameters", () => {
    expect(metadata.functions.length).toBeGreaterThan(0);
    const undocumented = metadata.functions.flatMap((f) => [
      ...(f.description?.trim() ? [] : [`${f.name}: no description`]),
      ...(f.parameters ?? []).filter((p) => !p.description?.trim()).map((p) => `${f.name}(${p.name}): no description`),
    ]);
    expect(undocumented).toEqual([]);
  });

  test("leaves the RM namespace to Office (it comes from the manifest)", () => {
    for (const f of metadata.functions) {
      expect(f.id).toMatch(/^[A-Z][A-Z0-9_.]*$/);
      expect(`${f.id} ${f.name}`).not.toMatch(/\bRM\./i);
    }
    expect(new Set(metadata.functions.map((f) => f.id)).size).toBe(metadata.functions.length);
  });
});

describe("functions.json in each language (issue 18)", () => {
  const manifest = loadManifest(distFile("manifest.xml"));
  const english = JSON.parse(readDist("functions.json")) as LocalizedMetadata;
  const support = readDist("assets/support.html");
  const size = JSON.parse(readDist("bundle-size.json")) as BundleSize;

  test("functions.js carries the translated argument names its messages use, not the descriptions (scripts/arg-names-loader.js)", () => {
    const functionsJs = readDist("functions.js") + size.files.functions.map((f) => readDist(f)).join("");
    expect(functionsJs).toContain(FUNCTION_TEXT.AGE.parameters.asOf.name["zh-TW"]);
    for (const entry of Object.values(FUNCTION_TEXT)) {
      for (const lang of METADATA_LANGS) expect(functionsJs).not.toContain(entry.description[lang]);
    }
  });

  test("the manifest's metadata overrides name files the build wrote", () => {
    const overrides = manifest.resources.get("Functions.Metadata.Url")!.overrides;
    expect(overrides.map((o) => o.locale)).toEqual([...METADATA_LANGS]);
    for (const o of overrides) expect(existsSync(path.join(DIST, o.value.slice(DEV_ORIGIN.length + 1)))).toBe(true);
  });

  test.each(LANGS)("%s: the same functions by id and name, Chinese text where it should be, each helpUrl an anchor on the shipped support page", (lang) => {
    const meta = JSON.parse(readDist(metadataFile(lang))) as LocalizedMetadata;
    expect(meta.functions.map((f) => [f.id, f.name])).toEqual(english.functions.map((f) => [f.id, f.name]));
    const supportUrl = manifest.resources.get("Support.Url")!.value;
    for (const f of meta.functions) {
      expect(f.helpUrl).toBe(`${supportUrl}#${lang}-${f.id}`);
      expect(support).toMatch(new RegExp(`<article id="?${lang}-${f.id}"?>`));
      if (lang !== "en-US") expect(`${f.id}: ${f.description} ${f.parameters.map((p) => p.name).join(" ")}`).toMatch(/^[^:]+: .*\p{Script=Han}.* \p{Script=Han}/u);
    }
  });
});

describe("taskpane.html", () => {
  const html = readDist("taskpane.html");
  const csp = html.match(/<meta\s+http-equiv=["']?Content-Security-Policy["']?\s+content=(?:"([^"]*)"|'([^']*)')/i);
  const policy = new Map(
    (csp?.[1] ?? csp?.[2] ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources] as const),
  );
  const office = webpackConfig.OFFICE_CDN;

  test("declares its language and loads Office.js from the CDN before our scripts", () => {
    expect(html).toMatch(/<html[^>]*\slang=["']?zh-CN/);
    const sources = scriptSources(html);
    expect(sources[0]).toBe(webpackConfig.OFFICE_JS);
    expect(sources.slice(1).filter((s) => /^https?:/.test(s))).toEqual([]);
    expect(html.indexOf("Content-Security-Policy")).toBeLessThan(html.indexOf("<script"));
  });

  test("has no inline script (the policy allows none)", () => {
    const tags = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(tags.length).toBeGreaterThan(1);
    expect(tags.filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== "")).toEqual([]);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test("ships excelize-wasm's wasm as its own asset", () => {
    expect(existsSync(path.join(DIST, "assets/excelize.wasm.gz"))).toBe(true);
  });

  test("allows only its own origin and the Office.js CDN", () => {
    expect(policy.get("default-src")).toEqual(["'self'"]);
    // 'wasm-unsafe-eval' compiles WebAssembly only (excelize-wasm for the client-facing export); eval stays off.
    expect(policy.get("script-src")).toEqual(["'self'", "'wasm-unsafe-eval'", ...office]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("img-src")).toEqual(["'self'", "data:"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]); // Fluent UI injects its styles
    expect(policy.get("object-src")).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      const others = sources.filter((s) => !["'self'", "'none'", "'unsafe-inline'", "'wasm-unsafe-eval'", "data:", ...office].includes(s));
      expect({ name, others }).toEqual({ name, others: [] });
    }
    expect(office.every((host) => host.startsWith("https://") && /microsoft/.test(host))).toBe(true);
  });
});

describe("nothing leaves the workbook", () => {
  // Hosts of analytics and telemetry services, Microsoft's included.
  const TELEMETRY = [
    /applicationinsights/i, /dc\.services\.visualstudio\.com/i, /browser\.pipe\.aria\.microsoft\.com/i, /google-analytics\.com/i,
    /googletagmanager\.com/i, /segment\.(io|com)/i, /sentry\.io/i, /mixpanel\.com/i, /amplitude\.com/i, /hotjar\.com/i,
    /clarity\.ms/i, /datadoghq/i, /nr-data\.net/i, /bugsnag\.com/i, /logrocket/i, /posthog/i, /fullstory\.com/i,
  ];
  const shipped = distFiles().filter((f) => /\.(js|html|json)$/.test(f) && f !== "bundle-size.json");

  test("no shipped file names a telemetry or analytics host, or calls sendBeacon", () => {
    expect(shipped).toContain("taskpane.html");
    const hits = shipped.flatMap((f) => {
      const text = readFileSync(path.join(DIST, f), "utf8");
      return [...TELEMETRY, /sendBeacon/].filter((re) => re.test(text)).map((re) => `${f}: ${re}`);
    });
    expect(hits).toEqual([]);
  });

  test("every manifest URL is served from the build", () => {
    const manifest = loadManifest(distFile("manifest.xml"));
    const missing = allUrls(manifest)
      .map(({ url }) => url.slice(DEV_ORIGIN.length + 1))
      .filter((file) => !existsSync(path.join(DIST, file)));
    expect(missing).toEqual([]);
  });
});

describe("the shipped book template among the pane's assets", () => {
  const config = webpackConfig as unknown as { TEMPLATE_FILE(lang: string): string; TEMPLATE_LANGS: string[] };

  test("one per language, where the pane fetches it (src/taskpane/template.ts)", () => {
    expect([...config.TEMPLATE_LANGS].sort()).toEqual([...LANGS].sort());
    for (const lang of LANGS) expect(config.TEMPLATE_FILE(lang)).toBe(templatePath(lang));
  });

  test.each(LANGS)("%s: the seven tables with that language's headers, on that language's sheets, and nothing else", async (lang) => {
    const bytes = new Uint8Array(readFileSync(distFile(templatePath(lang))));
    const wb = await readWorkbookTables(bytes);
    expect(wb.sheets).toEqual(TABLE_KEYS.map((k) => TABLES[k].sheet[lang]));
    for (const key of TABLE_KEYS) {
      const found = wb.tables.find((t) => t.tableName === TABLES[key].tableName);
      expect(found?.sheet).toBe(TABLES[key].sheet[lang]);
      expect(found?.table.headers).toEqual(TABLES[key].columns.map((c) => c.headers[lang]));
    }
    // small enough to fetch and insert at set-up (a base64 request far below the 5 MB limit)
    expect(bytes.length).toBeLessThan(64 * 1024);
  });
});
