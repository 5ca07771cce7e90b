/**
 * Everything a running batch can see: the workbook, the host's requirement sets, hooks and accounting.
 * One HostState per installed fake host; every request context of that host shares it.
 */
import { Requirements, type SupportedSets } from "./api-sets";
import { type CellValue, newWorkbook, type WorkbookModel } from "./model";
import type { FormulaEvaluator } from "./values";

/**
 * Excel on the web limits requests and responses to 5 MB
 * ("Resource limits and performance optimization for Office Add-ins", section "Excel add-ins":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SyncStats {
  /** Round trips: sync() calls (explicit, or Excel.run's implicit final one) that carried a request. */
  syncs: number;
  /** Every sync() call, including those with nothing queued (Office.js answers those without a round trip). */
  syncCalls: number;
  /** Round trips made by Excel.run's implicit sync after the batch function returned with work still queued. */
  implicitSyncs: number;
  /** Estimated request size in bytes for each round trip (UTF-8 length of the JSON of the queued operations). */
  requests: number[];
  /** Estimated response size in bytes for each round trip (UTF-8 length of the JSON of the returned data). */
  responses: number[];
  maxRequest: number;
  maxResponse: number;
  reset(): void;
}

export function newStats(): SyncStats {
  const stats: SyncStats = {
    syncs: 0,
    syncCalls: 0,
    implicitSyncs: 0,
    requests: [],
    responses: [],
    maxRequest: 0,
    maxResponse: 0,
    reset() {
      stats.syncs = 0;
      stats.syncCalls = 0;
      stats.implicitSyncs = 0;
      stats.requests = [];
      stats.responses = [];
      stats.maxRequest = 0;
      stats.maxResponse = 0;
    },
  };
  return stats;
}

/** A sheet to create: the format of host.load() and of the xlsx decoder hook. */
export interface SheetSeed {
  name: string;
  /** Rows of stored values written from `at` (default A1); strings are stored as text, never parsed. */
  rows?: (CellValue | null)[][];
  at?: string;
  /** Individual cells by A1 address: a stored value, a formula (with an optional cached value) and a number format. */
  cells?: Record<string, { value?: CellValue; formula?: string; numberFormat?: string }>;
  tables?: { name: string; address: string; style?: string }[];
  notes?: { address: string; content: string }[];
  visibility?: "Visible" | "Hidden" | "VeryHidden";
  tabColor?: string;
}

export interface WorkbookSeed {
  sheets: SheetSeed[];
  settings?: Record<string, unknown>;
  activeSheet?: string;
  name?: string;
}

/** Decodes an .xlsx (base64) into sheets, since the fake cannot read xlsx files itself. */
export type XlsxDecoder = (base64: string) => SheetSeed[];

export class HostState {
  book: WorkbookModel = newWorkbook();
  readonly requirements: Requirements;
  readonly stats: SyncStats = newStats();
  evaluator?: FormulaEvaluator;
  /** base64 files passed to Excel.createWorkbook (undefined: a new empty workbook). */
  readonly createdWorkbooks: (string | undefined)[] = [];
  decoder?: XlsxDecoder;
  payloadLimit: number | null = PAYLOAD_LIMIT;
  userName = "Fake User";
  userEmail = "fake.user@example.com";
  now: () => Date = () => new Date();
  /**
   * Counts the steps that may have changed the workbook: every step of a batch except loads and the navigations and
   * get…/find… methods that only reach an object (context.ts mayChange), and every backdoor write (host.ts). Worksheet
   * search indexes (objects/rangeAreas.ts) are valid while it stands still, so a write path nobody listed still
   * invalidates them.
   */
  edits = 0;
  /** Called before each batch reaches the workbook (sync number from 1): a co-author's edits land here. */
  beforeBatch?: (sync: number) => void;
  /**
   * Whether charts.add / setData may leave the series orientation to Excel (seriesBy omitted or "Auto"). Refused by
   * default: "Auto" splits the same range differently in Excel on the web and on the desktop (office-js#1830: a
   * two-column range becomes one series per row on the web; office-js#2929: an XYScatter from "auto" drawn wrongly
   * on the web, right with "columns"), so code that relies on it draws a different chart per platform. Tests of the
   * fake's own Auto guess turn it on (FakeOfficeOptions.autoSeriesBy).
   */
  autoSeriesBy: "refuse" | "guess" = "refuse";

  constructor(sets?: SupportedSets) {
    this.requirements = new Requirements(sets);
  }
}
