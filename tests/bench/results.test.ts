/**
 * The benchmark's output format, not its timings (speed is measured by `npm run bench`, never in tests):
 * bench/results.json, when present, holds the documented figures under their fixed names; the shape check itself
 * catches malformed files; bench/README.md documents every name; the flags are parsed with clear errors.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { parseArgs, runsFor, UsageError } from "../../bench/args";
import { FIGURES, median, resultProblems, type Figure } from "../../bench/figures";
import { changes, formatValue, HAND_WRITTEN_MARKER, keepHandWritten, sizeTable } from "../../bench/report";

const ROOT = path.resolve(__dirname, "..", "..");
const RESULTS = path.join(ROOT, "bench", "results.json");

const good: Figure[] = [
  { name: "codec.read", size: 40, unit: "ms", median: 2, runs: [3, 1, 2] },
  { name: "excel.review.syncs", size: 40, unit: "syncs", median: 2, runs: [2, 2, 2, 2] },
  { name: "excel.review.syncBudget", size: 40, unit: "syncs", median: 2, runs: [2, 2, 2, 2] },
  { name: "bundle.initial.gzipKB", size: null, unit: "KB", median: 59.7, runs: [59.7] },
  { name: "cli.build.seconds", size: 5000, unit: "s", median: null, runs: [], note: "not available: src/cli/main.ts is missing" },
];

describe("resultProblems", () => {
  test("accepts well-formed figures", () => {
    expect(resultProblems(good)).toEqual([]);
  });

  test.each<[string, unknown, RegExp]>([
    ["not an array", { figures: good }, /must hold an array/],
    ["unknown name", [{ ...good[0], name: "codec.reed" }], /"codec\.reed" is not one of the documented figure names/],
    ["wrong unit", [{ ...good[0], unit: "s" }], /unit must be "ms", got "s"/],
    ["size on a sizeless figure", [{ ...good[3], size: 40 }], /size must be null/],
    ["missing size", [{ ...good[0], size: null }], /size must be a whole number of clients/],
    ["median not of the runs", [{ ...good[0], median: 3 }], /median 3 is not the median of its runs \(2\)/],
    ["runs with text", [{ ...good[0], runs: [1, "2"] }], /runs must be an array of finite numbers/],
    ["null median without a note", [{ ...good[4], note: undefined }], /a null median needs a note/],
    ["measured figure without runs", [{ ...good[0], runs: [] }], /needs its runs/],
    ["duplicate", [good[0], good[0]], /appears twice for size 40/],
    ["extra field", [{ ...good[0], mean: 2 }], /unexpected field\(s\) mean/],
  ])("reports %s", (_what, data, message) => {
    expect(resultProblems(data).join("\n")).toMatch(message);
  });

  test("median is the middle run, or the mean of the two middle runs", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow(RangeError);
  });
});

describe("bench/results.json", () => {
  // Skipped until `npm run bench` has written the file.
  const present = existsSync(RESULTS);
  (present ? test : test.skip)("has the documented shape, fixed names and every figure of the catalogue", () => {
    const data = JSON.parse(readFileSync(RESULTS, "utf8")) as Figure[];
    expect(resultProblems(data)).toEqual([]);
    const names = new Set(data.map((f) => f.name));
    expect(FIGURES.map((f) => f.name).filter((n) => !names.has(n))).toEqual([]);
    // Every per-size figure is there for each book size of the run.
    const sizes = [...new Set(data.filter((f) => f.name === "codec.read").map((f) => f.size))];
    expect(sizes.length).toBeGreaterThan(0);
    for (const def of FIGURES.filter((f) => f.perSize && !f.name.startsWith("cli."))) {
      expect([def.name, data.filter((f) => f.name === def.name).map((f) => f.size).sort()]).toEqual([def.name, [...sizes].sort()]);
    }
  });
});

test("bench/README.md documents every figure name", () => {
  const readme = readFileSync(path.join(ROOT, "bench", "README.md"), "utf8");
  const undocumented = FIGURES.map((f) => f.name).filter((n) => !readme.includes(`\`${n}\``));
  expect(undocumented).toEqual([]);
});

describe("flags", () => {
  test("defaults, --quick, --sizes and --runs", () => {
    expect(parseArgs([])).toEqual({ quick: false, help: false, sizes: [40, 500, 5000] });
    expect(parseArgs(["--quick"])).toEqual({ quick: true, help: false, sizes: [40] });
    expect(parseArgs(["--sizes", "500,40,500", "--runs=7"])).toEqual({ quick: false, help: false, sizes: [40, 500], runs: 7 });
    expect(runsFor(parseArgs([]), 40)).toBe(5);
    expect(runsFor(parseArgs([]), 5000)).toBe(3);
    expect(runsFor(parseArgs(["--quick"]), 40)).toBe(3);
    expect(runsFor(parseArgs(["--runs", "2"]), 5000)).toBe(2);
  });

  test.each<[string[], RegExp]>([
    [["--size", "40"], /unknown argument "--size"/],
    [["--sizes"], /--sizes needs a list/],
    [["--sizes", "40,abc"], /--sizes: "abc" is not a whole number from 1 to 50000/],
    [["--sizes", "0"], /--sizes: "0" is not a whole number/],
    [["--runs", "--quick"], /--runs needs a value/],
    [["--runs", "1.5"], /--runs: "1.5" is not a whole number from 1 to 100/],
  ])("%j is refused", (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(UsageError);
    expect(() => parseArgs(argv)).toThrow(message);
  });
});

describe("report", () => {
  test("units are shown at a readable precision", () => {
    expect(formatValue(1234.5, "ms")).toBe("1,235");
    expect(formatValue(3.14159, "ms")).toBe("3.14");
    expect(formatValue(66, "ratio")).toBe("66.0×");
    expect(formatValue(5242880, "bytes")).toBe("5,242,880");
  });

  test("syncs are shown against their budget, OVER when a run exceeds it", () => {
    const figs: Figure[] = [
      { name: "excel.refreshAll.syncs", size: 500, unit: "syncs", median: 4, runs: [4, 4, 4] },
      { name: "excel.refreshAll.syncBudget", size: 500, unit: "syncs", median: 3, runs: [3, 3, 3] },
      { name: "excel.review.syncs", size: 500, unit: "syncs", median: 2, runs: [2, 2, 2] },
      { name: "excel.review.syncBudget", size: 500, unit: "syncs", median: 2, runs: [2, 2, 2] },
    ];
    const table = sizeTable(figs, [500]);
    expect(table).toMatch(/excel\.refreshAll\.syncs\s*\|\s*syncs \/ budget\s*\|\s*4 \/ 3 OVER/);
    expect(table).toMatch(/excel\.review\.syncs\s*\|\s*syncs \/ budget\s*\|\s*2 \/ 2 OK/);
  });

  test("changes since the previous results list only moves of 10 % or more", () => {
    const before: Figure[] = [good[0], { ...good[3], median: 50, runs: [50] }];
    const after: Figure[] = [{ ...good[0], median: 2.1, runs: [2.1] }, good[3]];
    expect(changes(before, after)).toEqual(["bundle.initial.gzipKB: 50.0 → 59.7 KB (+19 %)"]);
  });

  test("a full run rewrites the generated part of PERFORMANCE.md and keeps the hand-written comparisons below the marker", () => {
    const existing = `## Performance\n\nold table\n\n${HAND_WRITTEN_MARKER}\n\n### Issue #19: before and after\n`;
    expect(keepHandWritten("## Performance\n\nnew table\n", existing)).toBe(`## Performance\n\nnew table\n\n${HAND_WRITTEN_MARKER}\n\n### Issue #19: before and after\n`);
    expect(keepHandWritten("## Performance\n\nnew table\n", "## Performance\n\nold table\n")).toBe("## Performance\n\nnew table\n");
    expect(keepHandWritten("new\n", undefined)).toBe("new\n");
  });

  test("bench/PERFORMANCE.md carries the marker, so a full run keeps its hand-written sections", () => {
    expect(readFileSync(path.join(ROOT, "bench", "PERFORMANCE.md"), "utf8")).toContain(HAND_WRITTEN_MARKER);
  });
});
