/**
 * Browser stand-in for Office.js (https://appsforoffice.microsoft.com/lib/1/hosted/office.js): the end-to-end tests
 * route the page's Office.js request to a bundle of this file, so the production task pane and the RM.* functions
 * run unchanged against the in-memory Excel of tests/fake-excel.
 *
 * It installs the fake host (Excel, Office with onReady → { host: "Excel" }, OfficeExtension), a minimal
 * CustomFunctions (associate, Error, ErrorCode — the functions code registers at load), and exposes
 *   window.__fakeHost         the FakeHost backdoor (read the fake workbook, stats, settings) for page.evaluate;
 *   window.__customFunctions  the functions registered with CustomFunctions.associate, by id;
 *   window.__syncTiming       time the fake host spent running batches in the page ({ syncs, totalMs, maxMs, batches });
 *   window.__denySets(list)   from now on answer these "Name:version" queries false (as office-deny does at start).
 *
 * A real context.sync() is a round trip to Excel (a postMessage to the host process): the page's event loop
 * turns — it paints, runs timers, handles input — while the batch is away. The fake runs a batch in a microtask,
 * which would hold the page for the whole command; so the stand-in lets a macrotask pass before each batch runs,
 * as the round trip does. The batch itself still runs in the page (Excel would run it elsewhere): __syncTiming
 * says how much of any pause was the fake's work rather than the pane's.
 *
 * Options, from window.__fakeOfficeOptions (set by a Playwright init script) or else the page URL's query:
 *   displayLanguage  office-lang=zh-TW          default zh-CN (the add-in's first users)
 *   supported        office-sets=ExcelApi:1.12,SharedRuntime:1.1   default: every set the typings know
 *   deny             office-deny=ExcelApi:1.8  queries answered false although the set is reported — the only
 *                    way to exercise a fallback below the manifest's ExcelApi 1.12 floor (e.g. no createWorkbook)
 *   platform         office-platform=PC        default OfficeOnline (5 MB request limit)
 *   workbook         (init script only)        a WorkbookSeed to start from instead of one empty sheet
 *   xlsxFiles        (init script only)        .xlsx files insertWorksheetsFromBase64 may receive, base64 → sheets
 *                                              (decoded in Node: the fake cannot read .xlsx); any other file fails
 *   firstCalculation (init script only)        [id, args] Excel calculates as the page finishes loading
 *                                              (DOMContentLoaded), as when a saved workbook with RM.* formulas opens
 *                                              and the pane was never shown: results in window.__firstCalculation. A
 *                                              function not yet associated then gives #VALUE!, as in office-js#4769.
 */
import {
  compareVersions,
  DEFAULT_SETS,
  FakeRequestContext,
  installFakeOffice,
  knownFilesDecoder,
  type FakeHost,
  type SheetSeed,
  type SupportedSets,
  type WorkbookSeed,
} from "../fake-excel";

export interface StandInOptions {
  displayLanguage?: string;
  supported?: Record<string, string>;
  deny?: string[];
  platform?: "OfficeOnline" | "PC" | "Mac";
  workbook?: WorkbookSeed;
  xlsxFiles?: Record<string, SheetSeed[]>;
  firstCalculation?: [string, unknown[]][];
}

/** A result of the first calculation: the value, or the error Excel would show with its message. */
export interface FirstResult {
  id: string;
  value?: unknown;
  error?: string;
}

type CustomFunction = (...args: unknown[]) => unknown;

interface StandInWindow {
  __fakeOfficeOptions?: StandInOptions;
  __fakeHost?: FakeHost;
  __customFunctions?: Record<string, CustomFunction>;
  __syncTiming?: SyncTiming;
  __denySets?: (deny: string[]) => void;
  __firstCalculation?: FirstResult[];
  CustomFunctions?: unknown;
}

interface SyncTiming {
  syncs: number;
  totalMs: number;
  maxMs: number;
  /** [start, end] of each batch on the page's performance.now() clock. */
  batches: [number, number][];
}

/** Each sync waits one macrotask (the round trip's turn of the event loop), then runs the batch and times it. */
function roundTripSyncs(timing: SyncTiming): void {
  const proto = FakeRequestContext.prototype as unknown as { sync<T>(v?: T): Promise<T> };
  const runBatch = proto.sync;
  proto.sync = function <T>(this: FakeRequestContext, passThroughValue?: T): Promise<T> {
    return new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => {
      const started = performance.now();
      const done = () => {
        const ms = performance.now() - started;
        timing.syncs += 1;
        timing.totalMs += ms;
        timing.maxMs = Math.max(timing.maxMs, ms);
        timing.batches.push([started, started + ms]);
      };
      const result = runBatch.call(this, passThroughValue) as Promise<T>;
      result.then(done, done);
      return result;
    });
  };
}

/** "ExcelApi:1.12,SharedRuntime:1.1" → { ExcelApi: "1.12", SharedRuntime: "1.1" }; a bad entry fails loudly. */
function parseSets(text: string, what: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",").map((s) => s.trim()).filter(Boolean)) {
    const m = /^([A-Za-z][\w.]*):(\d+(?:\.\d+)*)$/.exec(part);
    if (!m) throw new Error(`Office.js stand-in: ${what} entry '${part}' is not Name:1.2`);
    out[m[1]] = m[2];
  }
  return out;
}

function optionsFromQuery(search: string): StandInOptions {
  const q = new URLSearchParams(search);
  const out: StandInOptions = {};
  const lang = q.get("office-lang");
  if (lang) out.displayLanguage = lang;
  const sets = q.get("office-sets");
  if (sets) out.supported = parseSets(sets, "office-sets");
  const deny = q.get("office-deny");
  if (deny) out.deny = Object.entries(parseSets(deny, "office-deny")).map(([n, v]) => `${n}:${v}`);
  const platform = q.get("office-platform");
  if (platform === "OfficeOnline" || platform === "PC" || platform === "Mac") out.platform = platform;
  else if (platform) throw new Error(`Office.js stand-in: office-platform '${platform}' is not OfficeOnline, PC or Mac`);
  return out;
}

/** A requirement-set answer: the reported sets, minus the denied (name, version) queries. */
function supportedSets(sets: Record<string, string>, deny: readonly string[]): SupportedSets {
  if (deny.length === 0) return sets;
  const denied = new Set(deny.map((d) => d.toLowerCase()));
  return (name: string, minVersion?: string) => {
    const min = minVersion === undefined || minVersion === "" ? "1.1" : String(minVersion);
    if (denied.has(`${name}:${min}`.toLowerCase())) return false;
    const have = Object.entries(sets).find(([n]) => n.toLowerCase() === name.toLowerCase())?.[1];
    return have !== undefined && compareVersions(have, min) >= 0;
  };
}

const ERROR_CODE = {
  invalidValue: "#VALUE!",
  notAvailable: "#N/A",
  divisionByZero: "#DIV/0!",
  invalidNumber: "#NUM!",
  nullReference: "#NULL!",
  invalidName: "#NAME?",
  invalidReference: "#REF!",
} as const;

/** CustomFunctions.Error as Excel's runtime has it: a code from ErrorCode and an optional message. */
class CustomFunctionError extends Error {
  readonly code: string;
  constructor(code: string, message?: string) {
    super(message ?? "");
    this.name = "CustomFunctions.Error";
    this.code = code;
  }
}

function install(w: StandInWindow): void {
  const opts: StandInOptions = { ...optionsFromQuery(globalThis.location?.search ?? ""), ...(w.__fakeOfficeOptions ?? {}) };
  const sets = opts.supported ?? DEFAULT_SETS;
  const host = installFakeOffice({
    displayLanguage: opts.displayLanguage ?? "zh-CN",
    supported: supportedSets(sets, opts.deny ?? []),
    ...(opts.platform ? { platform: opts.platform } : {}),
    ...(opts.workbook ? { workbook: opts.workbook } : {}),
  });
  if (opts.xlsxFiles) host.setXlsxDecoder(knownFilesDecoder(opts.xlsxFiles));
  const registry: Record<string, CustomFunction> = {};
  w.CustomFunctions = {
    associate(idOrMappings: string | Record<string, CustomFunction>, fn?: CustomFunction): void {
      const pairs = typeof idOrMappings === "string" ? [[idOrMappings, fn] as const] : Object.entries(idOrMappings);
      for (const [id, f] of pairs) {
        if (typeof f !== "function") throw new Error(`CustomFunctions.associate: '${id}' is not given a function`);
        const key = id.toUpperCase();
        if (registry[key]) throw new Error(`CustomFunctions.associate: '${id}' is registered twice`);
        registry[key] = f;
      }
    },
    Error: CustomFunctionError,
    ErrorCode: ERROR_CODE,
  };
  w.__customFunctions = registry;
  const first = opts.firstCalculation;
  if (first) {
    document.addEventListener("DOMContentLoaded", () => {
      w.__firstCalculation = first.map(([id, args]): FirstResult => {
        const f = registry[id.toUpperCase()];
        if (!f) return { id, error: "#VALUE! (not associated when Excel calculated)" };
        try {
          return { id, value: f(...args) };
        } catch (e) {
          return { id, error: `${(e as { code?: string }).code ?? "?"} ${(e as Error).message}` };
        }
      });
    });
  }
  w.__fakeHost = host;
  w.__denySets = (deny) => host.setSupported(supportedSets(sets, deny));
  w.__syncTiming = { syncs: 0, totalMs: 0, maxMs: 0, batches: [] };
  roundTripSyncs(w.__syncTiming);
}

install(globalThis as unknown as StandInWindow);
