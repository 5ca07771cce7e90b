/**
 * The output plan: which output sheets a book gets, in which order and with which parameters — the one list that
 * `clientbook demo` / `build` (src/cli/output.ts), Refresh all in the pane (src/excel/outputs.ts) and the tests
 * use. Profile list, coverage, the contact calendars of the last full month and of the as-of month, Today, the
 * maturity ladder (the next twelve months), then one asset review per client (all, some, or none) in the book's
 * client order.
 *
 * The plan is lazy: a planned sheet is a few fields, its SheetSpec is built only when taken. Names are known before
 * anything is built (`name`: what the builder will call the sheet), so the plan hands every sheet its final, unique
 * name first (`names`, by src/sheets/names SheetNamer: a name already in the workbook gets " (2)") and the profile
 * list links each client's name to the review sheet under the name it really gets — no link when the plan has no
 * review of that client. A 5,000-client build still never holds 5,000 specs.
 *
 * The calendars: the as-of month (not the month of the latest contact, as the CLI once chose) — its "days since" and
 * "next due" cells and the overdue rule are reckoned from the as-of date in B2, Today and the pane's calendar use
 * that month — and the last full month before it, so the first days of a month do not show a nearly empty calendar;
 * `month` (CLI --month, the pane's month picker) asks for one month instead. A build and a Refresh all of the same
 * book on the same day give the same sheets.
 */
import type { Book, IsoDate, Lang } from "../domain/types";
import { assetReview } from "./assetReview";
import { bookIndex, type BookIndex } from "./common";
import { contactCalendar } from "./contactCalendar";
import { coverage } from "./coverage";
import { SheetNamer } from "./names";
import { calendarSheetName, coverageSheetName, profileSheetName, reviewSheetName, todaySheetName } from "./sheetNames";
import { profileList } from "./profileList";
import type { SheetSpec } from "./spec";
import { ladderSheet, ladderSheetName } from "./ladder";
import { todaySheet } from "./today";

/** One output sheet of the plan: its kind and the parameters its builder needs beyond the book, asOf and lang. */
export type PlannedSheet =
  | { kind: "profile" }
  | { kind: "coverage" }
  | { kind: "calendar"; month: string }
  | { kind: "today" }
  | { kind: "ladder" }
  | { kind: "review"; clientId: string };

export interface OutputPlanOptions {
  asOf: IsoDate;
  lang: Lang;
  /** One contact calendar of this month, "YYYY-MM"; default two: the last full month and the as-of month (planMonths). */
  month?: string;
  /** Which clients get a review sheet: every client (default), the ids given (in that order), or none. */
  reviews?: "all" | "none" | readonly string[];
}

export interface OutputPlan {
  /** The planned sheets, in order (cheap descriptors; nothing is built yet). */
  readonly sheets: readonly PlannedSheet[];
  /** The name the builder gives a planned sheet (before it is made unique in a workbook). */
  name(sheet: PlannedSheet): string;
  /** Every planned sheet's final name, in plan order, each taken from `namer` (unique ignoring case). */
  names(namer?: SheetNamer): string[];
  /**
   * Builds one planned sheet's spec, under the name its builder gives it. `reviewSheets` (client id → the final name
   * of the client's review sheet) lets the profile list link names to reviews; without it no name is linked.
   */
  build(sheet: PlannedSheet, reviewSheets?: ReadonlyMap<string, string>): SheetSpec;
  /** The planned sheets with their specs, in order, each built when taken, under its final name from `namer`. */
  entries(namer?: SheetNamer): Generator<{ sheet: PlannedSheet; spec: SheetSpec }>;
  /** The specs of `entries`. */
  specs(namer?: SheetNamer): Generator<SheetSpec>;
}

/** The as-of month, "YYYY-MM". */
export function planMonth(asOf: IsoDate): string {
  return asOf.slice(0, 7);
}

/** The month before "YYYY-MM". */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** The plan's calendar months: the last full month before asOf and asOf's month, in that order. */
export function planMonths(asOf: IsoDate): string[] {
  const m = planMonth(asOf);
  return [previousMonth(m), m];
}

export function outputPlan(book: Book, opts: OutputPlanOptions, index: BookIndex = bookIndex(book)): OutputPlan {
  const base = { asOf: opts.asOf, lang: opts.lang, index };
  const months = opts.month !== undefined ? [opts.month] : planMonths(opts.asOf);
  const reviews = opts.reviews ?? "all";
  const ids = reviews === "none" ? [] : reviews === "all" ? index.clients.map((c) => c.clientId) : reviews;
  const sheets: PlannedSheet[] = [
    { kind: "profile" }, { kind: "coverage" }, ...months.map((month) => ({ kind: "calendar" as const, month })), { kind: "today" }, { kind: "ladder" },
  ];
  for (const clientId of ids) sheets.push({ kind: "review", clientId });

  const name = (p: PlannedSheet): string => {
    switch (p.kind) {
      case "profile":
        return profileSheetName(opts.lang);
      case "coverage":
        return coverageSheetName(opts.lang);
      case "calendar":
        return calendarSheetName(p.month, opts.lang);
      case "today":
        return todaySheetName(opts.lang);
      case "ladder":
        return ladderSheetName(opts.lang);
      case "review": {
        const client = index.clientById.get(p.clientId);
        return reviewSheetName(client?.name ?? p.clientId, client?.clientId ?? p.clientId, opts.lang);
      }
    }
  };

  const build = (p: PlannedSheet, reviewSheets?: ReadonlyMap<string, string>): SheetSpec => {
    switch (p.kind) {
      case "profile":
        return profileList(book, reviewSheets ? { ...base, reviewSheets } : base);
      case "coverage":
        return coverage(book, base);
      case "calendar":
        return contactCalendar(book, { ...base, month: p.month });
      case "today":
        return todaySheet(book, base);
      case "ladder":
        return ladderSheet(book, base);
      case "review":
        return assetReview(book, { ...base, clientId: p.clientId });
    }
  };

  const names = (namer: SheetNamer = new SheetNamer()): string[] => sheets.map((p) => namer.name(name(p)));

  function* entries(namer: SheetNamer = new SheetNamer()): Generator<{ sheet: PlannedSheet; spec: SheetSpec }> {
    const final = names(namer);
    const reviewSheets = new Map<string, string>();
    sheets.forEach((p, i) => {
      if (p.kind === "review") reviewSheets.set(p.clientId, final[i]);
    });
    for (const [i, p] of sheets.entries()) {
      const spec = build(p, reviewSheets);
      yield { sheet: p, spec: spec.name === final[i] ? spec : { ...spec, name: final[i] } };
    }
  }

  function* specs(namer?: SheetNamer): Generator<SheetSpec> {
    for (const e of entries(namer)) yield e.spec;
  }

  return { sheets, name, names, build, entries, specs };
}
