/**
 * Excel.RequestContext and Excel.run: the queue of pending steps, sync(), and request/response accounting.
 *
 * A sync sends the queued steps as one request. The fake:
 * - estimates the request size as the UTF-8 length of a JSON rendering of every queued step and its arguments
 *   (objects created, properties set, methods called with their arguments — values arrays included — and loads),
 *   which is what Microsoft says the payload is made of ("Payload size limit best practices",
 *   https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices);
 * - rejects a request over 5 MB with RequestPayloadSizeLimitExceeded before running anything, like Excel on the web
 *   (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * - runs the steps in order. When one fails, the sync rejects with an OfficeExtension.Error whose code is Office's
 *   and whose debugInfo carries errorLocation / statement / surroundingStatements like Office.js's. Steps before the
 *   failing one stay applied (Excel does not roll a batch back); the failing step and the rest are not run, and no
 *   loaded value of that batch is delivered (Office.js discards the response of a failed request);
 * - rejects a response over 5 MB with ResponsePayloadSizeLimitExceeded. The fake's choice: the request's writes
 *   have run (the host executed the request; only its answer is too large), but no loaded value is delivered.
 * A sync with nothing queued resolves without a round trip, as Office.js does, and is not counted in `syncs`.
 */
import { FakeOfficeError, HostFailure } from "./errors";
import type { FakeApplication, FakeWorkbook } from "../objects/workbook";
import {
  type Action,
  CONTEXT,
  type ContextInternals,
  describeArg,
  type FakeLoadable,
  type FakeObject,
  metaOf,
  originOf,
  pathOf,
  type Snapshot,
  snapshotJson,
  STATE,
} from "./proxy";
import type { HostState } from "./state";

export interface ContextState extends ContextInternals {
  pending: Action[];
  closed: boolean;
  nextAction: number;
  nextObject: number;
  config: { extendedErrorLogging: boolean };
}

/** UTF-8 byte length without TextEncoder (the fake also runs in a plain browser bundle). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function objectId(obj: FakeObject<unknown>): number {
  return obj[STATE].id;
}

function requestJson(actions: Action[]): string {
  return JSON.stringify(
    {
      Actions: actions.map((a) => ({
        Id: a.id,
        ActionType: a.type,
        Name: a.name,
        ObjectPathId: objectId(a.obj),
        ParentObjectPathId: a.type === "Instantiate" && a.obj[STATE].parent ? objectId(a.obj[STATE].parent as FakeObject<unknown>) : undefined,
        Arguments: a.args,
      })),
    },
    (_key, value) => {
      if (value && typeof value === "object" && STATE in value) return { ObjectPathId: objectId(value as FakeObject<unknown>) };
      return value;
    },
  );
}

/**
 * Whether a step may change the workbook (HostState.edits). Only loads and the steps that reach an object without
 * creating one — a navigation (range.format), a get…/find… method (getItem, getRange, findAll) — are known not to;
 * every property set, every other method call (values, insert, delete, clear, add, rename…) and every other
 * instantiation (tables.add, range.insert) counts, so a new write path is counted without being listed.
 */
export function mayChange(action: Pick<Action, "type" | "name">): boolean {
  if (action.type === "Query") return false;
  if (action.type !== "Instantiate") return true;
  const dot = action.name.lastIndexOf(".");
  if (dot < 0) return false;
  return !/^(get|find)[A-Z]/.test(action.name.slice(dot + 1));
}

function responseValue(action: Action, value: unknown): unknown {
  if (action.type === "Query") return snapshotJson(value as Snapshot);
  if (action.type === "Instantiate") return { IsNull: value === null };
  return value;
}

function statementOf(action: Action): string {
  const path = pathOf(action.obj);
  switch (action.type) {
    case "Instantiate":
      return `${path};`;
    case "SetProperty":
      return `${path}.${action.name} = ${describeArg(action.args[0])};`;
    case "Query":
      return `${path}.load(${describeArg(action.args[0] ?? "")});`;
    default:
      return `${path}.${action.name}(${action.args.map(describeArg).join(", ")});`;
  }
}

function locationOf(action: Action): string {
  if (action.type === "Instantiate") return originOf(action.obj);
  return `${metaOf(action.obj).className}.${action.name}`;
}

type RootInit = ConstructorParameters<typeof FakeWorkbook>[0];
/**
 * The classes of the context's two root objects. objects/workbook.ts hands them over as it loads (setRootClasses),
 * so core/ imports no Office object class at run time (only their types): the layers stay core ← objects ← host.
 */
const ROOTS: { workbook?: new (init: RootInit) => FakeWorkbook; application?: new (init: RootInit) => FakeApplication } = {};

export function setRootClasses(workbook: new (init: RootInit) => FakeWorkbook, application: new (init: RootInit) => FakeApplication): void {
  ROOTS.workbook = workbook;
  ROOTS.application = application;
}

function rootClass<T>(cls: (new (init: RootInit) => T) | undefined): new (init: RootInit) => T {
  if (!cls) throw new Error("fake Excel host: objects/workbook.ts is not loaded; import the host through tests/fake-excel (index.ts)");
  return cls;
}

export class FakeRequestContext {
  declare readonly __office?: Excel.RequestContext;
  readonly [CONTEXT]: ContextState;
  #workbook?: FakeWorkbook;
  #application?: FakeApplication;

  requestHeaders: { [name: string]: string } = {};

  readonly trackedObjects = {
    add(_objects: unknown): void {},
    remove(_objects: unknown): void {},
  };

  constructor(host: HostState, config: { extendedErrorLogging: boolean } = { extendedErrorLogging: false }) {
    const self = this;
    this[CONTEXT] = {
      host,
      pending: [],
      closed: false,
      nextAction: 1,
      nextObject: 1,
      config,
      enqueue(action) {
        self[CONTEXT].pending.push({ ...action, id: self[CONTEXT].nextAction++ });
      },
      nextObjectId() {
        return self[CONTEXT].nextObject++;
      },
    };
  }

  get workbook(): FakeWorkbook {
    this.#workbook ??= new (rootClass(ROOTS.workbook))({ ctx: this, parent: null, label: "workbook", target: this[CONTEXT].host.book });
    return this.#workbook;
  }

  get application(): FakeApplication {
    this.#application ??= new (rootClass(ROOTS.application))({ ctx: this, parent: null, label: "application", target: this[CONTEXT].host.book });
    return this.#application;
  }

  get debugInfo(): OfficeExtension.RequestContextDebugInfo {
    return { pendingStatements: this[CONTEXT].pending.map(statementOf) };
  }

  load(object: unknown, option?: string | string[] | OfficeExtension.LoadOption): void {
    (object as FakeLoadable<unknown>).load(option);
  }

  trace(_message: string): void {}

  sync<T>(passThroughValue?: T): Promise<T> {
    const state = this[CONTEXT];
    state.host.stats.syncCalls += 1;
    if (state.closed) {
      return Promise.reject(
        new FakeOfficeError(
          "InvalidObjectPath",
          "The object path isn't working for what you're trying to do. This request context belongs to an Excel.run batch that has finished.",
        ),
      );
    }
    const actions = state.pending;
    state.pending = [];
    return Promise.resolve().then(() => {
      if (actions.length > 0) this.#runBatch(actions);
      return passThroughValue as T;
    });
  }

  #runBatch(actions: Action[]): void {
    const { host, config } = this[CONTEXT];
    const stats = host.stats;
    const request = utf8Length(requestJson(actions));
    stats.syncs += 1;
    // A co-author's change arrives between two round trips, never inside a batch (host.coAuthor).
    host.beforeBatch?.(stats.syncs);
    stats.requests.push(request);
    stats.maxRequest = Math.max(stats.maxRequest, request);
    if (host.payloadLimit !== null && request > host.payloadLimit) {
      stats.responses.push(0);
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information. — request of ${request} bytes > ${host.payloadLimit} bytes; nothing in this batch was applied`,
        { errorLocation: "", statement: "context.sync();", surroundingStatements: [] },
      );
    }
    const delivered: { action: Action; value: unknown }[] = [];
    for (let i = 0; i < actions.length; i++) {
      const action = actions[i];
      let value: unknown;
      if (mayChange(action)) host.edits += 1;
      try {
        value = action.run(host);
      } catch (error) {
        if (!(error instanceof HostFailure) && !(error instanceof FakeOfficeError)) throw error;
        const code = error instanceof HostFailure ? error.code : error.code;
        const message = error instanceof HostFailure ? error.message() : error.message;
        const statements = actions.map(statementOf);
        const around = statements.slice(Math.max(0, i - 2), i + 3).map((s, k) => (Math.max(0, i - 2) + k === i ? `>>>>> ${s}` : s));
        const failure = new FakeOfficeError(code, message, {
          errorLocation: locationOf(action),
          statement: statements[i],
          surroundingStatements: around,
          fullStatements: config.extendedErrorLogging ? statements : ["Please enable config.extendedErrorLogging to see full statements."],
        });
        stats.responses.push(utf8Length(JSON.stringify({ Error: { Code: code, Message: message } })));
        throw failure;
      }
      if (action.responds || action.deliver) delivered.push({ action, value });
    }
    const response = utf8Length(
      JSON.stringify({ Results: delivered.filter((d) => d.action.responds).map((d) => ({ ActionId: d.action.id, Value: responseValue(d.action, d.value) })) }),
    );
    stats.responses.push(response);
    stats.maxResponse = Math.max(stats.maxResponse, response);
    if (host.payloadLimit !== null && response > host.payloadLimit) {
      throw new FakeOfficeError(
        "ResponsePayloadSizeLimitExceeded",
        `The response payload size has exceeded the limit. See the Resource limits and performance optimization for Office Add-ins article for more information. — response of ${response} bytes > ${host.payloadLimit} bytes; read less per sync`,
        { errorLocation: "", statement: "context.sync();", surroundingStatements: [] },
      );
    }
    for (const d of delivered) d.action.deliver?.(d.value);
  }
}

/** Excel.run(batch) / run(context | object | objects | options, batch). */
export async function runBatch(host: HostState, config: { extendedErrorLogging: boolean }, args: unknown[]): Promise<unknown> {
  const batch = args[args.length - 1];
  if (typeof batch !== "function") {
    throw new FakeOfficeError("InvalidArgument", "The argument is invalid or missing or has an incorrect format. — Excel.run needs a batch function");
  }
  const first = args.length > 1 ? args[0] : undefined;
  const existing =
    first instanceof FakeRequestContext
      ? first
      : first && typeof first === "object" && STATE in first
        ? ((first as FakeObject<unknown>)[STATE].ctx as FakeRequestContext)
        : Array.isArray(first) && first.length > 0 && STATE in first[0]
          ? ((first[0] as FakeObject<unknown>)[STATE].ctx as FakeRequestContext)
          : undefined;
  const ctx = existing ?? new FakeRequestContext(host, config);
  try {
    const returned = (batch as (c: FakeRequestContext) => unknown)(ctx);
    if (!returned || typeof (returned as Promise<unknown>).then !== "function") {
      throw new FakeOfficeError(
        "RunMustReturnPromise",
        "The batch function passed to the \".run\" method didn't return a promise. The function must return a promise, so that any automatically-tracked objects can be released at the completion of the batch operation. Typically, you return a promise by returning the response from \"context.sync()\".",
      );
    }
    const value = await returned;
    // Excel.run syncs what is still queued when the batch ends (an implicit sync add-ins should not rely on).
    if (ctx[CONTEXT].pending.length > 0) {
      host.stats.implicitSyncs += 1;
      await ctx.sync();
    }
    return value;
  } finally {
    if (!existing) ctx[CONTEXT].closed = true;
  }
}
