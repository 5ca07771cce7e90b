#!/usr/bin/env node
// The `clientbook` command: TypeScript sources run through tsx, so it works right after `npm ci`.
require("tsx/cjs");
require("../src/cli/main.ts");
