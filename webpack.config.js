// Builds ClientBook's one shared-runtime page: taskpane.html loads the task pane (React) and the RM.* custom
// functions, both after Office.js from Microsoft's CDN. Output goes to dist/ together with functions.json
// (generated from the functions' JSDoc), the icons and the manifest.
//   npm run build        production: content hashes, lazy chunks split, dist/bundle-size.json written
//   npm run build -- --env publicUrl=https://addins.bank.example/clientbook/ [--env version=1.0.1]
//                        the same, for the bank's own server: every URL of dist/manifest.xml and the functions' help
//                        links point there, <Version> from package.json (or `version`), the add-in Id kept
//                        (scripts/deploy-target.js; docs/DEPLOY.md)
//   npm run dev-server   https://localhost:3000 with the Office dev certificate (only `serve` needs it)
"use strict";

const path = require("path");
const zlib = require("zlib");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const { deployManifest, moveUrls, normalizePublicUrl } = require("./scripts/deploy-target");

const DEV_PORT = 3000;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Hosts of the Office.js CDN. Microsoft also serves Office.js from its newer cloud.microsoft CDN domain;
// allowing both keeps Office.js working if the old address forwards there. Nothing else is allowed.
const OFFICE_CDN = ["https://appsforoffice.microsoft.com", "https://officeapis.public.onecdn.static.microsoft"];
// Budget of the task pane's first load: issue 7's "Load budget" was 170 KB (what the generator's hello-world pane
// loads); issue 19 lowered it to 150 KB (every page a lazy chunk, src/taskpane/App.tsx).
const INITIAL_LOAD_LIMIT = 150 * 1024;
// Excel loads the custom functions' Script by this fixed name (manifest Functions.Script.Url).
const FUNCTIONS_FILE = "functions.js";

/**
 * The page's Content-Security-Policy: its own origin and the Office.js CDN only. Styles may be inline because
 * Fluent UI (griffel) injects <style> rules at run time; scripts may not. In development the dev server's
 * live-reload socket is allowed too.
 */
function contentSecurityPolicy(isDev) {
  const directives = {
    "default-src": ["'self'"],
    // 'wasm-unsafe-eval' lets the page compile WebAssembly (excelize-wasm, for the client-facing export) and
    // nothing else: eval and new Function stay forbidden.
    "script-src": ["'self'", "'wasm-unsafe-eval'", ...OFFICE_CDN],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'", "data:"],
    "connect-src": ["'self'", ...(isDev ? [`wss://localhost:${DEV_PORT}`] : [])],
    "frame-src": ["'self'", ...OFFICE_CDN],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(" ")}`)
    .join("; ");
}

function swcLoader(isDev, tsx) {
  return {
    loader: "swc-loader",
    options: {
      swcrc: false, // .swcrc is Jest's (CommonJS); the bundle keeps ES modules so webpack can tree-shake.
      jsc: {
        parser: { syntax: "typescript", tsx },
        target: "es2020", // Microsoft 365 web views and current browsers: no IE11, no polyfills.
        transform: { react: { runtime: "automatic", development: isDev } },
      },
      module: { type: "es6" },
      sourceMaps: isDev,
    },
  };
}

const gzipSize = (buf) => zlib.gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1).padStart(7)} KB`;

/**
 * Measures what the task pane downloads: every script taskpane.html loads at start (read from the page
 * html-webpack-plugin wrote), the custom-functions code, and the lazy chunks. Writes bundle-size.json next
 * to the build and prints a table. Sizes are gzip level 9, as a CDN would serve them.
 */
class BundleSizePlugin {
  constructor({ page, functionsEntry, limit }) {
    this.page = page;
    this.functionsEntry = functionsEntry;
    this.limit = limit;
  }

  apply(compiler) {
    let report;
    compiler.hooks.thisCompilation.tap("BundleSizePlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        // REPORT runs after minification and real content hashing, so names and bytes are final.
        { name: "BundleSizePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => {
          report = this.measure(compilation);
          compilation.emitAsset("bundle-size.json", new webpack.sources.RawSource(JSON.stringify(report, null, 2) + "\n"));
          if (report.initialTaskpaneGzip > this.limit) {
            compilation.warnings.push(
              new webpack.WebpackError(
                `Initial task-pane load is ${kb(report.initialTaskpaneGzip).trim()} gzipped, over the ${kb(this.limit).trim()} budget.`,
              ),
            );
          }
        },
      );
    });
    compiler.hooks.done.tap("BundleSizePlugin", (stats) => {
      if (report && !stats.hasErrors() && !compiler.watchMode) console.log(this.table(report));
    });
  }

  measure(compilation) {
    const html = compilation.getAsset(this.page);
    if (!html) throw new Error(`BundleSizePlugin: ${this.page} was not emitted`);
    // The page is minified, so attribute quotes are optional.
    const pageScripts = [...html.source.source().toString().matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/g)]
      .map((m) => m[1] ?? m[2] ?? m[3])
      .filter((src) => !/^https?:/.test(src))
      .map((src) => src.replace(/^\.?\//, "").replace(/\?.*$/, ""));
    const gzipOf = (file) => {
      const asset = compilation.getAsset(file);
      if (!asset) throw new Error(`BundleSizePlugin: ${this.page} loads ${file}, which was not emitted`);
      return { file, bytes: asset.source.size(), gzip: gzipSize(asset.source.buffer()) };
    };
    const functionsFiles = compilation.entrypoints
      .get(this.functionsEntry)
      .getFiles()
      .filter((f) => f.endsWith(".js"));
    const asyncFiles = compilation
      .getAssets()
      .map((a) => a.name)
      .filter((f) => f.endsWith(".js") && !pageScripts.includes(f))
      .sort();
    const initial = pageScripts.map(gzipOf);
    const lazy = asyncFiles.map(gzipOf);
    const sum = (list) => list.reduce((total, f) => total + f.gzip, 0);
    return {
      mode: compilation.options.mode,
      limit: this.limit,
      initialTaskpaneGzip: sum(initial),
      functionsGzip: sum(functionsFiles.map((f) => initial.find((i) => i.file === f) ?? gzipOf(f))),
      asyncChunksGzip: sum(lazy),
      files: {
        initial,
        functions: functionsFiles,
        async: lazy,
      },
    };
  }

  table(report) {
    const lines = ["", "ClientBook bundle (gzip -9)"];
    lines.push(`  initial task-pane load ${kb(report.initialTaskpaneGzip)}   budget ${kb(report.limit).trim()}`);
    for (const f of report.files.initial) lines.push(`    ${f.file.padEnd(36)}${kb(f.gzip)}`);
    lines.push(`  custom functions       ${kb(report.functionsGzip)}   (${report.files.functions.join(", ")})`);
    lines.push(`  lazy chunks            ${kb(report.asyncChunksGzip)}   (${report.files.async.length} files)`);
    return lines.join("\n") + "\n";
  }
}

/** Where the task pane finds the shared book template of each language (src/taskpane/template.ts). */
const TEMPLATE_FILE = (lang) => `assets/clientbook-template.${lang}.xlsx`;
const TEMPLATE_LANGS = ["zh-CN", "zh-TW", "en-US"];
/** Languages of the RM.* functions' metadata files and help (src/functions/localizeMetadata.ts). */
const FUNCTION_LANGS = ["en-US", "zh-CN", "zh-TW"];

/**
 * The shared book template, one .xlsx per language, made by the same code as `clientbook template`
 * (src/cli/commands/template.ts, loaded through tsx's scoped require). The task pane's set-up inserts it with
 * insertWorksheetsFromBase64 where Excel supports it, so the add-in and the file branches hand out are one book.
 */
class BookTemplatePlugin {
  apply(compiler) {
    // Made once per webpack process: the module is loaded once (require cache), so a watch rebuild would only
    // make the same bytes again.
    let made;
    const make = async () => {
      const { require: tsxRequire } = require("tsx/cjs/api");
      const { templateWorkbook } = tsxRequire("./src/cli/commands/template.ts", __filename);
      const out = [];
      for (const lang of TEMPLATE_LANGS) out.push([TEMPLATE_FILE(lang), Buffer.from((await templateWorkbook(lang)).bytes)]);
      return out;
    };
    compiler.hooks.thisCompilation.tap("BookTemplatePlugin", (compilation) => {
      compilation.hooks.processAssets.tapPromise({ name: "BookTemplatePlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, async () => {
        made ??= make().catch((e) => {
          made = undefined;
          throw e;
        });
        for (const [file, bytes] of await made) compilation.emitAsset(file, new webpack.sources.RawSource(bytes));
      });
    });
  }
}

/**
 * The support page's URL in the manifest: the RM.* functions' help pages are anchors on it (helpUrl). For a build
 * for the bank's server (`deploy`), the address there.
 */
function manifestSupportUrl(deploy) {
  const manifest = require("fs").readFileSync(path.join(__dirname, "manifest.xml"), "utf8");
  const m = /<bt:Url\s+id="Support\.Url"\s+DefaultValue="([^"]+)"/.exec(manifest);
  if (!m) throw new Error("manifest.xml has no <bt:Url id=\"Support.Url\">: the RM.* functions' help pages need it");
  return deploy ? moveUrls(m[1], deploy.publicUrl) : m[1];
}

/**
 * One metadata file per language (Microsoft's "Custom functions naming and localization": a JSON file per language,
 * chosen by <bt:Override Locale> on the manifest's Functions.Metadata.Url): functions.json as generated from the
 * JSDoc (English) plus functions.zh-CN.json and functions.zh-TW.json from the translation table
 * src/functions/metadataText.ts, each function's helpUrl pointing at its anchor on the support page, and the support
 * page itself with every function's help in the three languages (src/functions/localizeMetadata.ts). A function or
 * argument without a translation fails the build, naming it.
 */
class LocalizedFunctionsPlugin {
  constructor(deploy) {
    this.deploy = deploy;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizedFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedFunctionsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const generated = compilation.getAsset("functions.json");
        if (!generated) return; // the metadata plugin reported its own error
        try {
          const { require: tsxRequire } = require("tsx/cjs/api");
          const { localizeMetadata, metadataFile, supportPage, SUPPORT_PAGE } = tsxRequire("./src/functions/localizeMetadata.ts", __filename);
          const meta = JSON.parse(generated.source.source().toString());
          const supportUrl = manifestSupportUrl(this.deploy);
          const localized = {};
          for (const lang of FUNCTION_LANGS) localized[lang] = localizeMetadata(meta, lang, supportUrl);
          for (const lang of FUNCTION_LANGS) {
            const json = new webpack.sources.RawSource(JSON.stringify(localized[lang], null, 4));
            if (compilation.getAsset(metadataFile(lang))) compilation.updateAsset(metadataFile(lang), json);
            else compilation.emitAsset(metadataFile(lang), json);
          }
          const template = require("fs").readFileSync(path.join(__dirname, SUPPORT_PAGE), "utf8");
          compilation.emitAsset(SUPPORT_PAGE, new webpack.sources.RawSource(supportPage(template, localized)));
        } catch (e) {
          compilation.errors.push(new webpack.WebpackError(e instanceof Error ? e.message : String(e)));
        }
      });
    });
  }
}

/**
 * Excel fetches the custom functions' script by a fixed name, so functions.js carries no hash in its name;
 * the page asks for it with ?v=<content hash> so that a browser never runs a stale copy with a new runtime.
 */
class VersionFunctionsScriptPlugin {
  apply(compiler) {
    compiler.hooks.compilation.tap("VersionFunctionsScriptPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTags.tap("VersionFunctionsScriptPlugin", (data) => {
        const chunk = [...compilation.chunks].find((c) => c.files.has(FUNCTIONS_FILE));
        for (const tag of data.assetTags.scripts) {
          const src = tag.attributes.src;
          if (chunk && typeof src === "string" && src.replace(/^\.?\//, "") === FUNCTIONS_FILE) {
            tag.attributes.src = `${src}?v=${chunk.contentHash.javascript.slice(0, 8)}`;
          }
        }
        return data;
      });
    });
  }
}

module.exports = async (env = {}, argv = {}) => {
  const isDev = argv.mode !== "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  // A build for the bank's own server (docs/DEPLOY.md): the address dist/ is served at, and the add-in's version.
  const deploy = env.publicUrl
    ? { publicUrl: normalizePublicUrl(env.publicUrl), version: env.version ?? require("./package.json").version }
    : undefined;

  const config = {
    mode: isDev ? "development" : "production",
    target: ["web", "es2020"],
    devtool: isDev ? "source-map" : false, // never eval-based: the page's CSP forbids eval
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: (pathData) =>
        pathData.chunk.name === "functions" ? FUNCTIONS_FILE : isDev ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: isDev ? "[name].js" : "[name].[contenthash:8].js",
      assetModuleFilename: "assets/[name].[contenthash:8][ext]",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      extensionAlias: { ".js": [".ts", ".tsx", ".js"] },
    },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: swcLoader(isDev, false) },
        { test: /\.tsx$/, exclude: /node_modules/, use: swcLoader(isDev, true) },
        // The functions need only the argument names of the translation table at run time (scripts/arg-names-loader.js).
        { test: /src[\\/]functions[\\/]metadataText\.ts$/, enforce: "pre", use: path.resolve(__dirname, "scripts/arg-names-loader.js") },
      ],
    },
    optimization: {
      // Both entries run in the one page: one webpack runtime, so shared modules are instantiated once.
      runtimeChunk: "single",
      // Lazy pages (React.lazy) become their own chunks; code both entries use is split out once.
      splitChunks: { chunks: "all" },
    },
    // The budget is enforced by tests/tooling/bundle.test.ts on dist/bundle-size.json, not by webpack's hints.
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // Custom functions first: they register while the task pane's larger code is still loading.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
        inject: "head",
        csp: contentSecurityPolicy(isDev),
        officeJs: OFFICE_JS,
      }),
      new LocalizedFunctionsPlugin(deploy),
      new VersionFunctionsScriptPlugin(),
      new BookTemplatePlugin(),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // support.html is written with the RM.* functions' help by LocalizedFunctionsPlugin.
          { from: "assets/*.html", to: "assets/[name][ext]", globOptions: { ignore: ["**/support.html"] }, noErrorOnMissing: true },
          // For the bank's server: every URL moved there and the version set (scripts/deploy-target.js).
          { from: "manifest.xml", to: "manifest.xml", ...(deploy ? { transform: (content) => deployManifest(content.toString("utf8"), deploy) } : {}) },
          // The client-facing export renders .xlsx in the pane with excelize-wasm (src/taskpane/paneCommands.ts).
          { from: "node_modules/excelize-wasm/excelize.wasm.gz", to: "assets/excelize.wasm.gz" },
        ],
      }),
      ...(isDev ? [] : [new BundleSizePlugin({ page: "taskpane.html", functionsEntry: "functions", limit: INITIAL_LOAD_LIMIT })]),
    ],
  };

  if (serving) {
    // Only the dev server needs the certificate; `npm run build` must work on machines without one.
    const devCerts = require("office-addin-dev-certs");
    config.devServer = {
      port: DEV_PORT,
      host: "localhost",
      server: { type: "https", options: await devCerts.getHttpsServerOptions() },
      // Excel on the web fetches functions.json from its own origin.
      headers: { "Access-Control-Allow-Origin": "*" },
      client: { overlay: { warnings: false, errors: true } },
      hot: false,
    };
  }
  return config;
};

module.exports.OFFICE_JS = OFFICE_JS;
module.exports.TEMPLATE_FILE = TEMPLATE_FILE;
module.exports.TEMPLATE_LANGS = TEMPLATE_LANGS;
module.exports.OFFICE_CDN = OFFICE_CDN;
module.exports.FUNCTION_LANGS = FUNCTION_LANGS;
module.exports.INITIAL_LOAD_LIMIT = INITIAL_LOAD_LIMIT;
module.exports.contentSecurityPolicy = contentSecurityPolicy;
