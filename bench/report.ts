/** The benchmark's tables (Markdown, readable in a terminal too), the comparison with the last run, PERFORMANCE.md. */
import { FIGURE_BY_NAME, FIGURES, type Figure, type Unit } from "./figures";
import { machineLine, type Machine } from "./machine";

function grouped(n: number, decimals: number): string {
  return n.toLocaleString("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** A median as the table shows it. */
export function formatValue(v: number, unit: Unit): string {
  switch (unit) {
    case "ms":
      return grouped(v, v < 10 ? 2 : v < 100 ? 1 : 0);
    case "ms/call":
      return grouped(v, v < 10 ? 2 : 1);
    case "syncs":
    case "bytes":
      return grouped(v, 0);
    case "ratio":
      return `${grouped(v, v < 10 ? 2 : 1)}×`;
    case "s":
      return grouped(v, v < 10 ? 2 : 1);
    case "MB":
    case "KB":
      return grouped(v, 1);
  }
}

function markdownTable(header: string[], rows: string[][], right: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const pad = (s: string, i: number) => (right[i] ? s.padStart(widths[i]) : s.padEnd(widths[i]));
  const line = (cells: string[]) => `| ${cells.map(pad).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (right[i] ? `${"-".repeat(w + 1)}:` : `${"-".repeat(w + 2)}`)).join("|")}|`;
  return [line(header), rule, ...rows.map(line)].join("\n");
}

function sizeLabel(n: number): string {
  return n.toLocaleString("en-US");
}

/** The per-size figures: one row per figure, one column per book size; syncs shown against their budget. */
export function sizeTable(figures: readonly Figure[], sizes: readonly number[]): string {
  const rows: string[][] = [];
  for (const def of FIGURES) {
    // The budget is shown in the syncs cell, refused round trips in its note.
    if (!def.perSize || def.name.endsWith(".syncBudget") || def.name.endsWith(".refusedSyncs")) continue;
    const notes: string[] = [];
    const cells = sizes.map((size) => {
      const f = figures.find((x) => x.name === def.name && x.size === size);
      if (!f) return "";
      if (f.note) notes.push(sizes.length > 1 ? `${sizeLabel(size)}: ${f.note}` : f.note);
      if (f.median === null) return "n/a";
      let cell = formatValue(f.median, f.unit);
      if (def.name.endsWith(".syncs") && def.name.startsWith("excel.") && !def.name.includes(".naive.")) {
        const budget = figures.find((x) => x.name === def.name.replace(/\.syncs$/, ".syncBudget") && x.size === size);
        if (budget?.median != null) {
          const over = f.runs.some((s, i) => s > (budget.runs[i] ?? budget.median!));
          cell = `${cell} / ${formatValue(budget.median, "syncs")} ${over ? "OVER" : "OK"}`;
        }
      }
      return cell;
    });
    if (cells.every((c) => c === "")) continue;
    const unit = def.name.endsWith(".syncs") && !def.name.includes(".naive.") ? "syncs / budget" : def.unit;
    rows.push([def.name, unit, ...cells, [...new Set(notes)].join("; ")]);
  }
  return markdownTable(["Figure", "Unit", ...sizes.map(sizeLabel), "Note"], rows, [false, false, ...sizes.map(() => true), false]);
}

/** The figures measured at one fixed size (or none): median and the spread of the runs. */
export function otherTable(figures: readonly Figure[]): string {
  const rows: string[][] = [];
  for (const def of FIGURES) {
    if (def.perSize) continue;
    for (const f of figures.filter((x) => x.name === def.name)) {
      const value = f.median === null ? "n/a" : formatValue(f.median, f.unit);
      const spread = f.runs.length > 1 ? `${formatValue(Math.min(...f.runs), f.unit)} – ${formatValue(Math.max(...f.runs), f.unit)} (${f.runs.length})` : f.runs.length === 1 ? "1 run" : "";
      rows.push([f.name, f.size === null ? "" : sizeLabel(f.size), f.unit, value, spread, f.note ?? ""]);
    }
  }
  return markdownTable(["Figure", "Size", "Unit", "Median", "Runs: min – max (n)", "Note"], rows, [false, true, false, true, false, false]);
}

/** Figures whose median moved by at least `threshold` (0.1 = 10 %) since the previous results, largest first. */
export function changes(previous: readonly Figure[], current: readonly Figure[], threshold = 0.1): string[] {
  const out: { line: string; rel: number }[] = [];
  for (const f of current) {
    const p = previous.find((x) => x.name === f.name && x.size === f.size);
    if (!p || p.median === null || f.median === null || p.median === 0) continue;
    const rel = f.median / p.median - 1;
    if (Math.abs(rel) < threshold) continue;
    const unit = FIGURE_BY_NAME.get(f.name)?.unit ?? f.unit;
    const at = f.size === null ? "" : ` @${sizeLabel(f.size)}`;
    const shown = unit === "ratio" ? "" : ` ${unit}`;
    out.push({ line: `${f.name}${at}: ${formatValue(p.median, unit)} → ${formatValue(f.median, unit)}${shown} (${rel > 0 ? "+" : ""}${Math.round(rel * 100)} %)`, rel });
  }
  return out.sort((a, b) => Math.abs(b.rel) - Math.abs(a.rel)).map((x) => x.line);
}

export interface ReportInput {
  figures: readonly Figure[];
  sizes: readonly number[];
  machine: Machine;
  date: string;
  command: string;
  runsText: string;
  rssMethod: string;
  minutes: number;
}

export function tables(r: ReportInput): string {
  return `### By book size (sample books of ${r.sizes.map(sizeLabel).join(", ")} clients)\n\n${sizeTable(r.figures, r.sizes)}\n\n### Functions, files and bundle\n\n${otherTable(r.figures)}\n`;
}

/** The README's "## Performance" section, for the lead to paste. */
/**
 * The line of bench/PERFORMANCE.md after which the text is written by hand (before/after comparisons of issues,
 * measured apart from the full run): a full run rewrites what is above it and keeps the rest.
 */
export const HAND_WRITTEN_MARKER = "<!-- Written by hand below this line (before/after comparisons); npm run bench keeps it. -->";

/** The generated Performance text followed by the hand-written part of `existing` (from the marker on), if any. */
export function keepHandWritten(generated: string, existing: string | undefined): string {
  const at = existing?.indexOf(HAND_WRITTEN_MARKER) ?? -1;
  return at < 0 ? generated : `${generated.trimEnd()}\n\n${existing!.slice(at)}`;
}

export function performanceMarkdown(r: ReportInput): string {
  const load = Math.max(r.machine.loadStart, r.machine.loadEnd ?? 0);
  const exact = "sync counts, request sizes and file sizes are exact, and the ratios compare runs made side by side.";
  const trust =
    load > r.machine.cores * 0.75
      ? `Other jobs were running on it (see the load average), so the absolute times are pessimistic; ${exact}`
      : `${exact[0].toUpperCase()}${exact.slice(1)}`;
  return `## Performance

\`npm run bench\` measures how ClientBook scales from 40 to 5,000 clients and writes \`bench/results.json\`
(figure names and what each measures: [bench/README.md](bench/README.md)). Every timing is the median of several
runs; alternatives are compared in the same run as ratios. CI runs \`npm run bench -- --quick\` (40 clients).

Latest full run: \`${r.command}\` on ${r.date}, ${r.runsText}, ${r.minutes.toFixed(0)} minutes.
Machine: ${machineLine(r.machine)}.
${trust}

- **syncs / budget**: round trips to Excel per command on the fake host, against 2 plus the chunks the 5 MB request
  limit of Excel on the web forces. On Excel on the web each round trip costs tens to hundreds of milliseconds,
  which the in-memory fake host (the \`.ms\` figures) does not include.
- **naive**: the same review written with a sync per row (bench/naive.ts), checked to give the same sheet.
- Peak memory measured with ${r.rssMethod}.

${tables(r)}`;
}
