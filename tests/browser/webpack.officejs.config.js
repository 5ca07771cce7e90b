// Bundles the Office.js stand-in (officejs-standin.ts + tests/fake-excel) into one classic script for the browser
// tests, which route the page's Office.js CDN request to it. Built by tests/browser/standin.ts through webpack's Node
// API (nothing to run by hand); `npx webpack -c tests/browser/webpack.officejs.config.js` builds it for a look.
"use strict";

const path = require("path");
const os = require("os");

/** env.outDir: where office.js goes (default: a fixed folder in the system temp dir). */
module.exports = (env = {}) => ({
  mode: "production",
  target: ["web", "es2020"],
  devtool: false,
  entry: path.join(__dirname, "officejs-standin.ts"),
  output: { path: env.outDir || path.join(os.tmpdir(), "clientbook-officejs-standin"), filename: "office.js", iife: true, clean: true },
  resolve: { extensions: [".ts", ".js"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "swc-loader",
          options: { swcrc: false, jsc: { parser: { syntax: "typescript" }, target: "es2020" }, module: { type: "es6" } },
        },
      },
    ],
  },
  // Readable stack traces when the fake throws inside the page; size does not matter for a test script.
  optimization: { minimize: false },
  performance: { hints: false },
  infrastructureLogging: { level: "error" },
});

