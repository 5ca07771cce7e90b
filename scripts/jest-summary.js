#!/usr/bin/env node
// Prints the one line CI reads from a Jest run: "N passed, N failed" (", N skipped" when tests were skipped),
// from the JSON that `jest --json --outputFile=FILE` writes. Usage: node scripts/jest-summary.js FILE
//
// A test file that fails to load (a syntax or import error) counts as one failed test: Jest reports it as a failed
// suite with no failed test, and a run must not look green because its tests never ran. For the same reason a
// missing or unreadable result file prints "0 passed, 1 failed". Exit status: 0 when Jest succeeded, else 1.
"use strict";

const fs = require("fs");

/** @param {any} result Jest's aggregated JSON result. */
function summarize(result) {
  const count = (key) => Number(result[key]) || 0;
  const passed = count("numPassedTests");
  const skipped = count("numPendingTests") + count("numTodoTests");
  const brokenFiles = count("numRuntimeErrorTestSuites");
  const failedTests = count("numFailedTests") + brokenFiles;
  const ok = result.success === true && failedTests === 0;
  const notes = [];
  if (brokenFiles > 0) notes.push(`${brokenFiles} test file(s) failed to run; each counts as one failed test.`);
  // Jest can fail with no failed test (no tests found, a failing global setup): show that as one failure.
  if (!ok && failedTests === 0) notes.push("Jest reported failure although no test failed; see its output above.");
  const failed = !ok && failedTests === 0 ? 1 : failedTests;
  return { line: `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`, ok, notes };
}

function main(file) {
  let result;
  try {
    result = JSON.parse(fs.readFileSync(file, "utf8"));
  } catch (err) {
    console.error(`No Jest result in ${file} (${err.code ?? err.message}): the tests did not run; see the output above.`);
    console.log("0 passed, 1 failed");
    return 1;
  }
  const { line, ok, notes } = summarize(result);
  for (const n of notes) console.error(n);
  console.log(line);
  return ok ? 0 : 1;
}

if (require.main === module) {
  if (process.argv.length !== 3) {
    console.error("usage: node scripts/jest-summary.js JEST_JSON_FILE");
    process.exit(2);
  }
  process.exit(main(process.argv[2]));
}

module.exports = { summarize };
