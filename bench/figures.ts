/**
 * The benchmark's figures: fixed names (so runs can be compared over time), their units and what each measures,
 * and the shape of bench/results.json. bench/README.md documents the same names; tests/bench/results.test.ts
 * holds the file, the catalogue and the README to each other.
 */

export type Unit = "ms" | "ms/call" | "syncs" | "bytes" | "ratio" | "s" | "MB" | "KB";

/** What `size` counts for a figure: clients of the sample book, rows or formulas of the sheet, or nothing. */
export type SizeKind = "clients" | "rows" | "formulas" | "none";

export interface FigureDef {
  name: string;
  unit: Unit;
  size: SizeKind;
  /** One line: what is measured. */
  what: string;
  /** Counts and sizes, not timings: the same every run. */
  exact?: boolean;
  /** Measured for every book size of the run (else at one fixed size, or none). */
  perSize?: boolean;
}

/** One object of bench/results.json. */
export interface Figure {
  name: string;
  /** Clients, rows or formulas (see FigureDef.size); null for figures without a size (bundle). */
  size: number | null;
  unit: Unit;
  /** Median of `runs`; null when the figure could not be measured (then `note` says why). */
  median: number | null;
  runs: number[];
  /** Why a figure is missing ("not available: …", "not built", "failed: …"), or a remark on a measured one. */
  note?: string;
}

/** The excel.* commands measured on the fake host, in table order. */
export const EXCEL_COMMANDS = ["setup", "read", "review", "refreshAll", "logContact", "recordReview", "saveClient", "exportReview"] as const;
export type ExcelCommand = (typeof EXCEL_COMMANDS)[number];

/** The commands a pane click runs that also get excel.<command>.paneSyncs, paneResponseBytes and paneMs (every size). */
export const PANE_COMMANDS = ["review", "refreshAll", "logContact", "recordReview", "saveClient", "exportReview"] as const;
export type PaneCommand = (typeof PANE_COMMANDS)[number];

const EXCEL_WHAT: Record<ExcelCommand, string> = {
  setup: "setupBook on a workbook already holding the book's tables (keeps every row, adds what is missing)",
  read: "readBook: the whole book into records",
  review: "buildReview of the client with the most holdings",
  refreshAll: "refreshAll: profile list, coverage, calendar, Today and the one review sheet present",
  logContact: "logContact: one Contacts row plus the client's cell and note in this month's calendar",
  recordReview: "recordReview: one Reviews row per holding of a client",
  saveClient: "saveClient: the client form saved with the client's phone and the amount of one of their holdings changed",
  exportReview: "exportClientReview: the client-facing review of the client with the most holdings, as a new workbook",
};

/** The same review written by bench/naive.ts, in the same run as ours. */
const NAIVE: FigureDef[] = [
  { name: "excel.review.naive.syncs", unit: "syncs", size: "clients", perSize: true, exact: true, what: "the same review by bench/naive.ts: one range + sync per row (and per format, merge, chart…)" },
  { name: "excel.review.naive.ms", unit: "ms", size: "clients", perSize: true, what: "the naive review on the fake host" },
  { name: "excel.review.naive.ratio.syncs", unit: "ratio", size: "clients", perSize: true, exact: true, what: "naive syncs ÷ ours, same client, same run" },
  { name: "excel.review.naive.ratio.ms", unit: "ratio", size: "clients", perSize: true, what: "naive ms ÷ ours, pairs run alternately; median of the pair ratios" },
];

function excelFigures(): FigureDef[] {
  return EXCEL_COMMANDS.flatMap((c): FigureDef[] => [
    { name: `excel.${c}.syncs`, unit: "syncs", size: "clients", perSize: true, exact: true, what: `${EXCEL_WHAT[c]}: context.sync() round trips` },
    { name: `excel.${c}.syncBudget`, unit: "syncs", size: "clients", perSize: true, exact: true, what: `budget for ${c}: 2 + the extra chunks its delivered requests and responses need under 5 MB (+1 to learn sizes for a chunked read)` },
    { name: `excel.${c}.refusedSyncs`, unit: "syncs", size: "clients", perSize: true, exact: true, what: `round trips of ${c} refused for size (over 5 MB), included in its syncs` },
    { name: `excel.${c}.maxRequestBytes`, unit: "bytes", size: "clients", perSize: true, exact: true, what: `largest request of ${c} that went through (fake host's estimate of the payload)` },
    { name: `excel.${c}.maxResponseBytes`, unit: "bytes", size: "clients", perSize: true, exact: true, what: `largest response of ${c} that went through` },
    { name: `excel.${c}.ms`, unit: "ms", size: "clients", perSize: true, what: `${c} on the in-memory fake host (no network: real Excel adds a round trip per sync)` },
    ...((PANE_COMMANDS as readonly string[]).includes(c)
      ? ([
          { name: `excel.${c}.paneSyncs`, unit: "syncs", size: "clients", exact: true, what: `one pane click on ${c}: its syncs plus the store's re-read of the book when the pane needs one (src/taskpane/model/commandRead.ts; a client's rows merged instead: model/clientMerge.ts)` },
          { name: `excel.${c}.paneResponseBytes`, unit: "bytes", size: "clients", exact: true, what: `one pane click on ${c}: bytes of all responses, the command's and the re-read's when there is one` },
          { name: `excel.${c}.paneMs`, unit: "ms", size: "clients", what: `one pane click on ${c}: the pane's step after the command (merge the client's rows and decode them again, or read the book), on the fake host` },
        ] satisfies FigureDef[])
      : []),
    ...(c === "review" ? NAIVE : []),
  ]);
}

export const FIGURES: readonly FigureDef[] = [
  { name: "codec.write", unit: "ms", size: "clients", perSize: true, what: "writeBook: the book's records → table rows in zh-CN" },
  { name: "codec.read", unit: "ms", size: "clients", perSize: true, what: "decodeBook of writeBook's rows: rows → typed records with every check" },
  { name: "sheets.build", unit: "ms", size: "clients", perSize: true, what: "allSheets: profile list, coverage, calendar, Today and one asset review per client" },
  ...excelFigures(),
  { name: "excel.setupEmpty.syncs", unit: "syncs", size: "clients", exact: true, what: "setupBook on an empty workbook (size 0): syncs" },
  { name: "excel.setupEmpty.maxRequestBytes", unit: "bytes", size: "clients", exact: true, what: "setupBook on an empty workbook: largest request" },
  { name: "excel.loadSample.syncs", unit: "syncs", size: "clients", exact: true, what: "loadSample (the shipped 40-client sample) after setupBook: syncs" },
  { name: "excel.loadSample.maxRequestBytes", unit: "bytes", size: "clients", exact: true, what: "loadSample: largest request" },
  { name: "fn.allocation.10k", unit: "ms/call", size: "rows", what: "RM.ALLOCATION called directly on 10,000 holdings" },
  { name: "fn.tier.10k", unit: "ms/call", size: "rows", what: "RM.TIER called directly on 10,000 clients' amounts" },
  { name: "hf.nextreview.ms", unit: "ms", size: "formulas", what: 'HyperFormula: build + evaluate a sheet of 500 =RM.NEXTREVIEW(A1,"季度")' },
  { name: "hf.edate.ms", unit: "ms", size: "formulas", what: "HyperFormula: the same sheet with 500 =EDATE(A1,3)" },
  { name: "hf.nextreview_vs_edate.ratio", unit: "ratio", size: "formulas", what: "RM.NEXTREVIEW sheet ÷ EDATE sheet, pairs run alternately; median of the pair ratios" },
  { name: "file.demo.seconds", unit: "s", size: "clients", what: "demo workbook (six tables + every output sheet) written with src/xlsx in a child process" },
  { name: "file.demo.peakRssMB", unit: "MB", size: "clients", what: "peak resident memory of that child process" },
  { name: "file.demo.sizeKB", unit: "KB", size: "clients", exact: true, what: "size of the demo .xlsx" },
  { name: "cli.demo.seconds", unit: "s", size: "clients", what: "`clientbook demo --out FILE`: wall time of the command" },
  { name: "cli.demo.peakRssMB", unit: "MB", size: "clients", what: "peak resident memory of `clientbook demo`" },
  { name: "cli.build.seconds", unit: "s", size: "clients", perSize: true, what: "`clientbook build BOOK.xlsx --out FILE` on a book file of that many clients: wall time" },
  { name: "cli.build.peakRssMB", unit: "MB", size: "clients", perSize: true, what: "peak resident memory of `clientbook build`" },
  { name: "bundle.initial.gzipKB", unit: "KB", size: "none", exact: true, what: "gzipped JavaScript of the initial task-pane load (dist/bundle-size.json)" },
  { name: "bundle.functions.gzipKB", unit: "KB", size: "none", exact: true, what: "gzipped custom-functions code (dist/bundle-size.json)" },
  { name: "bundle.async.gzipKB", unit: "KB", size: "none", exact: true, what: "gzipped lazy chunks loaded after first paint (dist/bundle-size.json)" },
];

export const FIGURE_BY_NAME: ReadonlyMap<string, FigureDef> = new Map(FIGURES.map((f) => [f.name, f]));

/** The median: middle value, or the mean of the two middle values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of no values");
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * What is wrong with a parsed bench/results.json, as readable lines (empty when it is right): an array of
 * figures with catalogue names and units, a size where the figure has one, runs of finite numbers whose median
 * is `median`, or a null median explained by a note.
 */
export function resultProblems(data: unknown): string[] {
  if (!Array.isArray(data)) return ["results.json must hold an array of figures"];
  const problems: string[] = [];
  const seen = new Set<string>();
  data.forEach((f: unknown, i) => {
    const at = `figure ${i}`;
    if (f === null || typeof f !== "object" || Array.isArray(f)) {
      problems.push(`${at}: must be an object { name, size, unit, median, runs }`);
      return;
    }
    const o = f as Record<string, unknown>;
    const extra = Object.keys(o).filter((k) => !["name", "size", "unit", "median", "runs", "note"].includes(k));
    if (extra.length > 0) problems.push(`${at}: unexpected field(s) ${extra.join(", ")}`);
    const def = typeof o.name === "string" ? FIGURE_BY_NAME.get(o.name) : undefined;
    if (!def) {
      problems.push(`${at}: name ${JSON.stringify(o.name)} is not one of the documented figure names`);
      return;
    }
    const label = `${at} (${def.name})`;
    if (o.unit !== def.unit) problems.push(`${label}: unit must be "${def.unit}", got ${JSON.stringify(o.unit)}`);
    if (def.size === "none") {
      if (o.size !== null) problems.push(`${label}: size must be null, got ${JSON.stringify(o.size)}`);
    } else if (!Number.isInteger(o.size) || (o.size as number) < 0) {
      problems.push(`${label}: size must be a whole number of ${def.size}, got ${JSON.stringify(o.size)}`);
    }
    const key = `${def.name}@${String(o.size)}`;
    if (seen.has(key)) problems.push(`${label}: appears twice for size ${String(o.size)}`);
    seen.add(key);
    if (!Array.isArray(o.runs) || !o.runs.every((r) => typeof r === "number" && Number.isFinite(r))) {
      problems.push(`${label}: runs must be an array of finite numbers`);
      return;
    }
    if (o.note !== undefined && (typeof o.note !== "string" || o.note === "")) problems.push(`${label}: note must be non-empty text when present`);
    if (o.median === null) {
      if (typeof o.note !== "string" || o.note === "") problems.push(`${label}: a null median needs a note saying why`);
      if (o.runs.length > 0) problems.push(`${label}: a null median must have no runs`);
    } else if (typeof o.median !== "number" || !Number.isFinite(o.median)) {
      problems.push(`${label}: median must be a finite number or null, got ${JSON.stringify(o.median)}`);
    } else if (o.runs.length === 0) {
      problems.push(`${label}: a measured figure needs its runs`);
    } else {
      const m = median(o.runs as number[]);
      if (Math.abs(m - o.median) > 1e-9 * Math.max(1, Math.abs(m))) problems.push(`${label}: median ${o.median} is not the median of its runs (${m})`);
    }
  });
  return problems;
}
