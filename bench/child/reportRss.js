// Loaded with `node --require` into a benchmark child when /usr/bin/time is missing: on exit, writes the process's
// peak resident set size (KB, process.resourceUsage().maxRSS) to the file named by CLIENTBOOK_BENCH_RSS_FILE.
"use strict";
const fs = require("fs");

const file = process.env.CLIENTBOOK_BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => {
    try {
      fs.writeFileSync(file, String(process.resourceUsage().maxRSS));
    } catch {
      // the parent then reports the memory as not measured
    }
  });
}
