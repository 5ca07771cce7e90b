// ESLint 9 flat config: typescript-eslint's recommended rules everywhere, Office.js batching rules where
// Office.js is called, and a guard that the browser-side code opens no network channel.
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
]);
