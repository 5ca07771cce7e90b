// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, Office.js batching rules where
// Office.js is called, a guard that the browser-side code opens no network channel, and the one-way layers of
// src/ (which folder may import which; Excel.* only in src/excel), and the fake Excel host's front door.
// `npm run lint` runs it with --max-warnings 0, so a warning fails as an error would.
"use strict";

const { defineConfig, globalIgnores } = require("eslint/config");
const js = require("@eslint/js");
const tseslint = require("typescript-eslint");
const officeAddins = require("eslint-plugin-office-addins");

// Office.js usage rules from eslint-plugin-office-addins (its own "recommended" config also turns on
// prettier and leaves several of these as warnings; we take the rules alone, all as errors).
const officeRules = Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "error"]));

// "Nothing leaves the workbook": code that runs in the task pane or in Excel may not open a network channel.
const noNetwork = {
  "no-restricted-globals": [
    "error",
    ...["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "RTCPeerConnection"].map((name) => ({
      name,
      message: "ClientBook sends nothing out of the workbook: no network calls in add-in code.",
    })),
  ],
  "no-restricted-properties": [
    "error",
    ...[
      ["navigator", "sendBeacon"],
      ["window", "fetch"],
      ["globalThis", "fetch"],
      ["window", "XMLHttpRequest"],
      ["window", "WebSocket"],
    ].map(([object, property]) => ({
      object,
      property,
      message: "ClientBook sends nothing out of the workbook: no network calls in add-in code.",
    })),
  ],
};

const nodeGlobals = {
  require: "readonly",
  module: "writable",
  exports: "writable",
  __dirname: "readonly",
  __filename: "readonly",
  process: "readonly",
  console: "readonly",
  Buffer: "readonly",
};

// The layers of src/, lowest first: domain → book/sample → sheets/functions → xlsx → excel/cli → taskpane, with
// src/i18n shared low-level code over domain. Each folder lists the folders it may import; any other folder of src/
// is an error, whether imported statically, re-exported or loaded with import(). The task pane is the composition
// root of the add-in: it may import everything but the CLI and src/xlsx's internals (its front door, src/xlsx/index.ts,
// is allowed). Tests, bench and scripts may import anything.
const LAYERS = {
  domain: [],
  i18n: ["domain"],
  book: ["domain", "i18n"],
  sample: ["domain", "book", "i18n"],
  sheets: ["domain", "book", "i18n"],
  functions: ["domain", "i18n"],
  xlsx: ["domain", "book", "sheets", "i18n"],
  excel: ["domain", "book", "sheets", "i18n"],
  cli: ["domain", "book", "sheets", "xlsx", "sample", "i18n"],
  taskpane: ["domain", "book", "sample", "sheets", "functions", "excel", "i18n", "xlsx"],
};
// Folders a layer may import only through their front door (the folder's index.ts), not their modules.
const FRONT_DOOR_ONLY = { taskpane: ["xlsx"] };
const LAYER_NAMES = Object.keys(LAYERS);
// Deepest folder nesting under a layer folder that the rules cover (src/taskpane/pages/x.tsx is depth 2).
const MAX_DEPTH = 4;

// `Excel.*` (the Office.js Excel API) is called only in src/excel; elsewhere code goes through its commands.
const excelOnlyInExcel = {
  selector: "MemberExpression[object.type='Identifier'][object.name='Excel']",
  message: "Excel.* is called only in src/excel: call a command of src/excel/api.ts instead.",
};

function layerRules(layer, depth) {
  const up = "\\.\\./".repeat(depth);
  const allowed = LAYERS[layer];
  const banned = LAYER_NAMES.filter((l) => l !== layer && !allowed.includes(l));
  const frontDoors = FRONT_DOOR_ONLY[layer] ?? [];
  const named = allowed.map((l) => (frontDoors.includes(l) ? `src/${l} (its index.ts only)` : `src/${l}`));
  const message = `src/${layer} may import only ${named.length ? named.join(", ") : "nothing else in src/"} (layers, eslint.config.js).`;
  const regexes = [];
  if (banned.length) regexes.push(`^${up}(${banned.join("|")})(/|$)`);
  if (frontDoors.length) regexes.push(`^${up}(${frontDoors.join("|")})/`);
  const syntax = regexes.map((regex) => ({ selector: `ImportExpression > Literal[value=/${regex.replace(/\//g, "\\/")}/]`, message }));
  if (layer !== "excel") syntax.push(excelOnlyInExcel);
  return {
    "no-restricted-imports": ["error", { patterns: regexes.map((regex) => ({ regex, message })) }],
    "no-restricted-syntax": ["error", ...syntax],
  };
}

const layerConfigs = LAYER_NAMES.flatMap((layer) =>
  Array.from({ length: MAX_DEPTH }, (_, i) => ({
    files: [`src/${layer}/${"*/".repeat(i)}*.{ts,tsx}`],
    rules: layerRules(layer, i + 1),
  })),
);

// The fake Excel host (tests/fake-excel) is a library with one front door, its index.ts: code outside the folder
// imports `…/fake-excel` and nothing under it (core/, objects/, generated/, host/ and its tests are its own).
const FAKE_HOST_INSIDE = "(^|/)fake-excel/";
const fakeHostMessage = "Import the fake Excel host through its front door (tests/fake-excel/index.ts), not its modules.";
const fakeHostFrontDoor = {
  files: ["{tests,bench,scripts}/**/*.{ts,tsx,js,cjs}"],
  ignores: ["tests/fake-excel/**"],
  rules: {
    "no-restricted-imports": ["error", { patterns: [{ regex: FAKE_HOST_INSIDE, message: fakeHostMessage }] }],
    "no-restricted-syntax": [
      "error",
      { selector: `ImportExpression > Literal[value=/${FAKE_HOST_INSIDE.replace(/\//g, "\\/")}/]`, message: fakeHostMessage },
      { selector: `CallExpression[callee.name='require'] > Literal[value=/${FAKE_HOST_INSIDE.replace(/\//g, "\\/")}/]`, message: fakeHostMessage },
    ],
  },
};

module.exports = defineConfig([
  globalIgnores(["dist/", "node_modules/", "coverage/", "out/", "test-artifacts/"]),
  {
    files: ["**/*.{js,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: nodeGlobals },
  },
  {
    files: ["**/*.{ts,tsx}"],
    // ESLint's core recommendations, minus those TypeScript already checks, then typescript-eslint's.
    extends: [js.configs.recommended, tseslint.configs.recommended],
    languageOptions: {
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `const self = this` for closures such as Proxy handlers; any other alias still reads as a mistake.
      "@typescript-eslint/no-this-alias": ["error", { allowedNames: ["self"] }],
    },
  },
  {
    // Tests feed functions deliberately wrong input, and the fake Excel host mirrors Office.js members typed `any`.
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  {
    files: ["src/excel/**/*.{ts,tsx}", "src/taskpane/**/*.{ts,tsx}", "src/functions/**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    rules: officeRules,
  },
  {
    files: ["src/{domain,book,sheets,excel,functions,taskpane}/**/*.{ts,tsx}"],
    rules: noNetwork,
  },
  ...layerConfigs,
  fakeHostFrontDoor,
]);
