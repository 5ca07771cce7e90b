// webpack loader for src/functions/metadataText.ts in the bundle: keeps only what the functions need at run time —
// the Chinese argument names (and MESSAGE_TERMS) that src/functions/messageNames.ts puts into error messages — and
// drops the descriptions, which only the metadata files need (written by LocalizedFunctionsPlugin from the full table
// in Node). The functions code is part of the task pane's initial load, whose budget is 170 KB gzipped.
"use strict";

const vm = require("vm");
const ts = require("typescript");

module.exports = function argNamesLoader(source) {
  const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 } }).outputText;
  const mod = { exports: {} };
  vm.runInNewContext(js, { module: mod, exports: mod.exports, require: () => ({}) }, { filename: this.resourcePath });
  const { FUNCTION_TEXT, MESSAGE_TERMS } = mod.exports;
  if (!FUNCTION_TEXT || !MESSAGE_TERMS) throw new Error(`${this.resourcePath}: FUNCTION_TEXT and MESSAGE_TERMS must be exported`);
  const names = {};
  for (const [id, entry] of Object.entries(FUNCTION_TEXT)) {
    names[id] = { parameters: {} };
    for (const [param, text] of Object.entries(entry.parameters)) names[id].parameters[param] = { name: text.name };
  }
  return `export const FUNCTION_TEXT = ${JSON.stringify(names)};\nexport const MESSAGE_TERMS = ${JSON.stringify(MESSAGE_TERMS)};\n`;
};
