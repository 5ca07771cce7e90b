/**
 * The output plan: which output sheets a book gets, in which order and with which parameters — the one list that
 * `clientbook demo` / `build` (src/cli/output.ts), Refresh all in the pane (src/excel/outputs.ts) and the tests
 * use. Profile list, coverage, the contact calendar of the as-of month, Today, the maturity ladder (the next twelve
 * months), then one asset review per client
 * (all, some, or none) in the book's client order.
 *
 * The plan is lazy: a planned sheet is a few fields, its SheetSpec is built only when taken, and names are made
 * unique as specs are taken (src/sheets/names SheetNamer), so a 5,000-client build never holds 5,000 specs.
 *
 * The calendar shows the as-of month (not the month of the latest contact, as the CLI once chose): its "days
 * since" and "next due" cells and the overdue rule are reckoned from the as-of date in B2, Today and the pane's
 * calendar use that month, and a build and a Refresh all of the same book on the same day must give the same sheets.
 */
import type { Book, IsoDate, Lang } from "../domain/types";
import { assetReview } from "./assetReview";
import { bookIndex, type BookIndex } from "./common";
import { contactCalendar } from "./contactCalendar";
import { coverage } from "./coverage";
import { SheetNamer } from "./names";
import { profileList } from "./profileList";
import type { SheetSpec } from "./spec";
import { ladderSheet } from "./ladder";
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
  /** Month of the contact calendar, "YYYY-MM"; default the as-of month (planMonth). */
  month?: string;
  /** Which clients get a review sheet: every client (default), the ids given (in that order), or none. */
  reviews?: "all" | "none" | readonly string[];
}

export interface OutputPlan {
  /** The planned sheets, in order (cheap descriptors; nothing is built yet). */
  readonly sheets: readonly PlannedSheet[];
  /** Builds one planned sheet's spec, under the name its builder gives it. */
  build(sheet: PlannedSheet): SheetSpec;
  /**
   * The specs in plan order, each built when taken and renamed by `namer` when its name is taken (ignoring case)
   * — by a sheet of the workbook the namer was given, or by an earlier sheet of the plan.
   */
  specs(namer?: SheetNamer): Generator<SheetSpec>;
}

/** The calendar month of a plan: the month of asOf, "YYYY-MM". */
export function planMonth(asOf: IsoDate): string {
  return asOf.slice(0, 7);
}

export function outputPlan(book: Book, opts: OutputPlanOptions, index: BookIndex = bookIndex(book)): OutputPlan {
  const base = { asOf: opts.asOf, lang: opts.lang, index };
  const month = opts.month ?? planMonth(opts.asOf);
  const reviews = opts.reviews ?? "all";
  const ids = reviews === "none" ? [] : reviews === "all" ? index.clients.map((c) => c.clientId) : reviews;
  const sheets: PlannedSheet[] = [{ kind: "profile" }, { kind: "coverage" }, { kind: "calendar", month }, { kind: "today" }, { kind: "ladder" }];
  for (const clientId of ids) sheets.push({ kind: "review", clientId });

  const build = (p: PlannedSheet): SheetSpec => {
    switch (p.kind) {
      case "profile":
        return profileList(book, base);
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

  function* specs(namer: SheetNamer = new SheetNamer()): Generator<SheetSpec> {
    for (const p of sheets) {
      const spec = build(p);
      const name = namer.name(spec.name);
      yield name === spec.name ? spec : { ...spec, name };
    }
  }

  return { sheets, build, specs };
}
