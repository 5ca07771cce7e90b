#!/usr/bin/env node
// Runs a TypeScript entry point with tsx's require hook (no build step needed after `npm ci`).
require("tsx/cjs");
const path = require("path");
require(path.resolve(process.argv[2]));
