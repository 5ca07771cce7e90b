/**
 * Proxy objects with Office.js's load/sync discipline
 * ("Application-specific API model": https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model):
 * - creating an object queues an "instantiate" step (Office.js's ClientObject constructor does the same), so
 *   getItem("missing") fails with ItemNotFound at the next sync, in order with the other queued steps;
 * - property sets and method calls are queued and applied at sync, in order;
 * - reading a property needs load() + sync() first, else PropertyNotLoaded (Office.js's exact message);
 *   a property the code set itself reads back as set, like Office.js's setters that keep the value locally;
 * - *OrNullObject objects know isNullObject after sync without an explicit load; steps on a null object are
 *   ignored and its properties read as undefined (the `getItemOrNullObject(x).delete()` idiom works).
 *
 * Internal state hangs off a symbol so that a fake class's public members are exactly the Office.js members it
 * implements (see conformance.ts).
 */
import type { FakeRequestContext } from "./context";
import { clientError, ErrorCode, fail, propertyNotLoaded, valueNotLoaded } from "./errors";
import { allPlan, emptyPlan, type LoadArgument, loadPaths, type LoadPlan } from "./load-options";
import type { HostState } from "./state";

export const STATE = Symbol("fake-excel.state");
export const RESULT = Symbol("fake-excel.result");

export interface ScalarSpec<T> {
  /** Reads the property from the model for load(); absent for write-only members. */
  get?(target: T, host: HostState): unknown;
  /** Applies a write at sync time; absent for read-only properties (assignment then throws a TypeError). */
  set?(target: T, value: unknown, host: HostState): void;
  /** Left out of a parameterless load(), like Range.numberFormatCategories in Office.js. */
  explicitOnly?: boolean;
  /** Requirement-set key for writes when it differs from reads (e.g. "Application.calculationMode.set"). */
  setMember?: string;
}

export interface NavSpec<T> {
  cls: () => ProxyClass;
  target(parent: T, host: HostState): unknown;
}

export interface CollectionSpec<T> {
  item: () => ProxyClass;
  items(target: T, host: HostState): unknown[];
  /** Expression used in debug statements for the n-th loaded item. */
  itemLabel?(item: unknown, index: number): string;
}

export interface ProxyMeta {
  className: string;
  scalars: Record<string, ScalarSpec<never>>;
  navs: Record<string, NavSpec<never>>;
  collection?: CollectionSpec<never>;
  /** False when the model object behind a resolved proxy was deleted. */
  alive?(target: never): boolean;
}

export interface ProxyInit {
  ctx: FakeRequestContext;
  parent: FakeObject<unknown> | null;
  /** Expression for debug statements, e.g. getItem("Data") or format. */
  label: string;
  /** Finds the target from the parent's target at sync; null means "does not exist". */
  resolve?: (parent: never, host: HostState) => unknown;
  nullable?: boolean;
  /** "Class.member" that created the object, for errorLocation and requirement checks. */
  origin?: string;
  /** Objects built from load results already know their target and queue nothing. */
  target?: unknown;
  /** Arguments of the creating call, counted in the request size. */
  args?: unknown[];
}

export type ProxyClass = (new (init: ProxyInit) => FakeObject<unknown>) & { meta: ProxyMeta };

export interface Snapshot {
  isNull: boolean;
  values: Record<string, unknown>;
  navs: Record<string, Snapshot>;
  items?: { target: unknown; snap: Snapshot }[];
}

interface ProxyState {
  ctx: FakeRequestContext;
  parent: FakeObject<unknown> | null;
  label: string;
  resolve?: (parent: never, host: HostState) => unknown;
  nullable: boolean;
  origin?: string;
  /** undefined: not resolved yet; null: resolved to nothing. */
  target: unknown;
  values: Map<string, unknown>;
  isNull?: boolean;
  items?: FakeObject<unknown>[];
  children: Map<string, FakeObject<unknown>>;
  id: number;
}

export interface Action {
  id: number;
  type: "Instantiate" | "SetProperty" | "Method" | "Query";
  obj: FakeObject<unknown>;
  name: string;
  args: unknown[];
  /** Performs the step on the workbook; the return value goes into the response. */
  run(host: HostState): unknown;
  /** Delivers the response to the proxies, only when the whole batch succeeded. */
  deliver?(result: unknown): void;
  /** Whether `run`'s result is part of the response payload. */
  responds: boolean;
}

/** The context's internal entry points used by proxies (implemented in context.ts). */
export interface ContextInternals {
  host: HostState;
  enqueue(action: Omit<Action, "id">): void;
  nextObjectId(): number;
}

export const CONTEXT = Symbol("fake-excel.context");

export function metaOf(obj: FakeObject<unknown>): ProxyMeta {
  return (obj.constructor as ProxyClass).meta;
}

function internals(ctx: FakeRequestContext): ContextInternals {
  return (ctx as unknown as { [CONTEXT]: ContextInternals })[CONTEXT];
}

export function hostOf(obj: FakeObject<unknown>): HostState {
  return internals(obj[STATE].ctx).host;
}

/** The expression that reaches an object, for debugInfo statements. */
export function pathOf(obj: FakeObject<unknown>): string {
  const parts: string[] = [];
  let cur: FakeObject<unknown> | null = obj;
  while (cur) {
    parts.unshift(cur[STATE].label);
    cur = cur[STATE].parent;
  }
  return parts.filter((p) => p.length > 0).join(".");
}

export function originOf(obj: FakeObject<unknown>): string {
  return obj[STATE].origin ?? metaOf(obj).className;
}

/** Resolves a proxy to its model object at sync time (null for null objects). */
export function resolve<T>(obj: FakeObject<T>, host: HostState): T | null {
  const st = obj[STATE];
  if (st.target === undefined) {
    const parentTarget = st.parent ? resolve(st.parent, host) : null;
    if (st.parent && parentTarget === null) {
      st.target = null;
    } else {
      const found = st.resolve ? st.resolve(parentTarget as never, host) : null;
      if (found === null || found === undefined) {
        if (!st.nullable) fail(ErrorCode.itemNotFound, `${pathOf(obj)} does not exist`);
        st.target = null;
      } else {
        st.target = found;
      }
    }
  }
  const target = st.target as T | null;
  const meta = metaOf(obj);
  if (target !== null && meta.alive && !meta.alive(target as never)) {
    fail(ErrorCode.itemNotFound, `${pathOf(obj)} no longer exists`);
  }
  return target;
}

/** Reads what a load plan asks for, at the point of the batch where the load was queued. */
export function snapshot(meta: ProxyMeta, target: unknown, plan: LoadPlan, host: HostState, where: string): Snapshot {
  const snap: Snapshot = { isNull: target === null, values: {}, navs: {} };
  if (target === null) return snap;
  const readScalar = (name: string) => {
    const spec = meta.scalars[name] as ScalarSpec<unknown>;
    if (spec.get) snap.values[name] = spec.get(target, host);
  };
  if (plan.all) {
    for (const [name, spec] of Object.entries(meta.scalars)) {
      const s = spec as ScalarSpec<unknown>;
      if (!s.get || s.explicitOnly) continue;
      if (!host.requirements.isMemberSupported(`${meta.className}.${name}`)) continue;
      readScalar(name);
    }
  }
  for (const name of plan.scalars) {
    const spec = meta.scalars[name] as ScalarSpec<unknown> | undefined;
    if (!spec || !spec.get) fail(ErrorCode.invalidArgument, `${where}: ${meta.className} has no loadable property '${name}'`);
    readScalar(name);
  }
  for (const [name, sub] of plan.navs) {
    const nav = meta.navs[name] as NavSpec<unknown>;
    snap.navs[name] = snapshot(nav.cls().meta, nav.target(target, host) ?? null, sub, host, where);
  }
  if (meta.collection && plan.items) {
    const coll = meta.collection as CollectionSpec<unknown>;
    let items = coll.items(target, host);
    if (plan.skip) items = items.slice(plan.skip);
    if (plan.top !== undefined) items = items.slice(0, plan.top);
    const itemMeta = coll.item().meta;
    snap.items = items.map((t) => ({ target: t, snap: snapshot(itemMeta, t, plan.items as LoadPlan, host, where) }));
  }
  return snap;
}

/** The JSON the host would send back for a snapshot (used for response sizes). */
export function snapshotJson(snap: Snapshot): unknown {
  if (snap.isNull) return null;
  const out: Record<string, unknown> = { ...snap.values };
  for (const [k, v] of Object.entries(snap.navs)) out[k] = snapshotJson(v);
  if (snap.items) out.items = snap.items.map((i) => snapshotJson(i.snap));
  return out;
}

export function applySnapshot(obj: FakeObject<unknown>, snap: Snapshot): void {
  const st = obj[STATE];
  st.isNull = snap.isNull;
  for (const [k, v] of Object.entries(snap.values)) st.values.set(k, v);
  for (const [k, sub] of Object.entries(snap.navs)) applySnapshot(navChild(obj, k, true), sub);
  const coll = metaOf(obj).collection;
  if (snap.items && coll) {
    const Item = coll.item();
    st.items = snap.items.map((it, i) => {
      const label = coll.itemLabel ? coll.itemLabel(it.target as never, i) : `getItemAt(${i})`;
      const child = new Item({ ctx: st.ctx, parent: obj, label, target: it.target });
      applySnapshot(child, it.snap);
      return child;
    });
  }
}

/** Parses load() arguments against the class metadata; unknown names fail at sync, like a host rejecting them. */
export function planFor(meta: ProxyMeta, option: LoadArgument): { plan: LoadPlan; unknown: string[] } {
  const { all, paths, top, skip } = loadPaths(option);
  const unknown: string[] = [];
  const plan = emptyPlan();
  if (meta.collection) {
    plan.items = all ? allPlan() : emptyPlan();
    plan.top = top;
    plan.skip = skip;
  } else {
    plan.all = all;
  }
  const add = (m: ProxyMeta, p: LoadPlan, path: string[]) => {
    const [head, ...rest] = path;
    if (m.collection) {
      if (head === "items") {
        p.items ??= emptyPlan();
        if (rest.length === 0) p.items.all = true;
        else add(m.collection.item().meta, p.items, rest);
        return;
      }
      if (m.scalars[head] && rest.length === 0) {
        p.scalars.add(head);
        return;
      }
      p.items ??= emptyPlan();
      add(m.collection.item().meta, p.items, path);
      return;
    }
    if (head === "isNullObject" && rest.length === 0) return;
    if (m.scalars[head]) {
      if (rest.length > 0) unknown.push(path.join("/"));
      else p.scalars.add(head);
      return;
    }
    const nav = m.navs[head];
    if (!nav) {
      unknown.push(path.join("/"));
      return;
    }
    let sub = p.navs.get(head);
    if (!sub) {
      sub = nav.cls().meta.collection ? { ...emptyPlan(), items: emptyPlan() } : emptyPlan();
      p.navs.set(head, sub);
    }
    if (rest.length === 0) {
      if (sub.items) sub.items.all = true;
      else sub.all = true;
    } else {
      add(nav.cls().meta, sub, rest);
    }
  };
  for (const path of paths) add(meta, plan, path);
  return { plan, unknown };
}

export function describeArg(value: unknown): string {
  if (value instanceof FakeObject) return pathOf(value);
  const text = JSON.stringify(value, (_k, v) => (v instanceof FakeObject ? `<${pathOf(v)}>` : v));
  if (text === undefined) return String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** Navigation property: created once per parent object; instantiated on first access (or preset from results). */
export function navChild(obj: FakeObject<unknown>, name: string, fromResult = false): FakeObject<unknown> {
  const st = obj[STATE];
  let child = st.children.get(name);
  if (!child) {
    const meta = metaOf(obj);
    const nav = meta.navs[name] as NavSpec<unknown> | undefined;
    if (!nav) throw new TypeError(`${meta.className} has no navigation property ${name}`);
    const host = hostOf(obj);
    if (!fromResult) host.requirements.assertMember(`${meta.className}.${name}`);
    const Cls = nav.cls();
    let target: unknown = undefined;
    if (fromResult) target = st.target === null || st.target === undefined ? null : (nav.target(st.target as never, host) ?? null);
    child = new Cls({
      ctx: st.ctx,
      parent: obj,
      label: name,
      resolve: (parent: never, h: HostState) => nav.target(parent, h),
      origin: `${meta.className}.${name}`,
      target,
    });
    st.children.set(name, child);
  }
  return child;
}

/** Base of every fake Office object: OfficeExtension.ClientObject (context, isNullObject) and the queueing helpers. */
export class FakeObject<T> {
  declare static meta: ProxyMeta;
  declare readonly __office?: unknown;
  readonly [STATE]: ProxyState;

  constructor(init: ProxyInit) {
    const ctxInternals = internals(init.ctx);
    this[STATE] = {
      ctx: init.ctx,
      parent: init.parent,
      label: init.label,
      resolve: init.resolve,
      nullable: init.nullable ?? false,
      origin: init.origin,
      target: init.target,
      values: new Map(),
      children: new Map(),
      id: ctxInternals.nextObjectId(),
    };
    if (init.target !== undefined) {
      this[STATE].isNull = init.target === null;
      return;
    }
    const nullable = init.nullable ?? false;
    ctxInternals.enqueue({
      type: "Instantiate",
      obj: this as FakeObject<unknown>,
      name: init.origin ?? init.label,
      args: init.args ?? [],
      run: (host) => resolve(this, host),
      responds: nullable,
      deliver: nullable
        ? (result) => {
            this[STATE].isNull = result === null;
          }
        : undefined,
    });
  }

  /** The request context the object belongs to (typed as Excel.RequestContext by the installer). */
  get context(): FakeRequestContext {
    return this[STATE].ctx;
  }

  /** Known after sync for *OrNullObject results and loaded objects; PropertyNotLoaded before. */
  get isNullObject(): boolean {
    const isNull = this[STATE].isNull;
    if (isNull === undefined) throw propertyNotLoaded("isNullObject");
    return isNull;
  }

  protected _get(name: string): unknown {
    const st = this[STATE];
    hostOf(this).requirements.assertMember(`${metaOf(this).className}.${name}`);
    if (st.values.has(name)) return st.values.get(name);
    if (st.isNull === true) return undefined;
    throw propertyNotLoaded(name);
  }

  protected _set(name: string, value: unknown): void {
    const meta = metaOf(this);
    const spec = meta.scalars[name] as ScalarSpec<T>;
    hostOf(this).requirements.assertMember(spec.setMember ?? `${meta.className}.${name}`);
    this[STATE].values.set(name, value);
    const self = this;
    internals(this[STATE].ctx).enqueue({
      type: "SetProperty",
      obj: this as FakeObject<unknown>,
      name,
      args: [value],
      responds: false,
      run(host) {
        const target = resolve(self, host);
        if (target === null) return undefined;
        (spec.set as NonNullable<ScalarSpec<T>["set"]>)(target, value, host);
        return undefined;
      },
    });
  }

  /** Queues a method call; `run` gets the resolved target (null objects skip the call). */
  protected _call<R>(name: string, args: unknown[], run: (target: T, host: HostState) => R): void {
    this._guardArgs(name, args);
    const self = this;
    internals(this[STATE].ctx).enqueue({
      type: "Method",
      obj: this as FakeObject<unknown>,
      name,
      args,
      responds: false,
      run(host) {
        const target = resolve(self, host);
        if (target === null) return undefined;
        run(target, host);
        return undefined;
      },
    });
  }

  /** Queues a method call whose value comes back in an OfficeExtension.ClientResult. */
  protected _callResult<R>(name: string, args: unknown[], run: (target: T, host: HostState) => R): FakeClientResult<R> {
    this._guardArgs(name, args);
    const result = new FakeClientResult<R>();
    const self = this;
    internals(this[STATE].ctx).enqueue({
      type: "Method",
      obj: this as FakeObject<unknown>,
      name,
      args,
      responds: true,
      run(host) {
        const target = resolve(self, host);
        return target === null ? null : run(target, host);
      },
      deliver: (value) => result[RESULT](value as R),
    });
    return result;
  }

  /** Creates an object returned by a method (getItem, getRange, add…), instantiated at its place in the batch. */
  protected _object<C extends FakeObject<unknown>>(
    Cls: new (init: ProxyInit) => C,
    name: string,
    args: unknown[],
    resolveFn: (target: T, host: HostState) => unknown,
    nullable = false,
  ): C {
    this._guardArgs(name, args);
    const label = `${name}(${args.map(describeArg).join(", ")})`;
    return new Cls({
      ctx: this[STATE].ctx,
      parent: this as FakeObject<unknown>,
      label,
      resolve: resolveFn as (parent: never, host: HostState) => unknown,
      nullable,
      origin: `${metaOf(this).className}.${name}`,
      args,
    });
  }

  /** Requirement set of the member, and objects passed as arguments must come from the same context. */
  private _guardArgs(name: string, args: unknown[]): void {
    hostOf(this).requirements.assertMember(`${metaOf(this).className}.${name}`);
    const check = (a: unknown) => {
      if (a instanceof FakeObject && a[STATE].ctx !== this[STATE].ctx) {
        throw clientError(ErrorCode.invalidRequestContext, `${describeArg(a)} passed to ${metaOf(this).className}.${name}`);
      }
    };
    for (const a of args) {
      check(a);
      if (a && typeof a === "object" && !(a instanceof FakeObject)) for (const v of Object.values(a)) check(v);
    }
  }
}

/** Objects with properties: load() and toJSON() (WorksheetFreezePanes, for one, has neither in Office.js). */
export class FakeLoadable<T> extends FakeObject<T> {
  load(option?: LoadArgument): this {
    const meta = metaOf(this);
    const host = hostOf(this);
    const { plan, unknown } = planFor(meta, option);
    for (const name of plan.scalars) host.requirements.assertMember(`${meta.className}.${name}`);
    for (const name of plan.navs.keys()) host.requirements.assertMember(`${meta.className}.${name}`);
    const where = `${pathOf(this)}.load(${describeArg(option ?? "")})`;
    internals(this[STATE].ctx).enqueue({
      type: "Query",
      obj: this as FakeObject<unknown>,
      name: "load",
      args: [option ?? null],
      responds: true,
      run: (h) => {
        if (unknown.length > 0) {
          fail(ErrorCode.invalidArgument, `${where}: ${meta.className} has no property ${unknown.map((u) => `'${u}'`).join(", ")}`);
        }
        return snapshot(meta, resolve(this, h), plan, h, where);
      },
      deliver: (snap) => applySnapshot(this as FakeObject<unknown>, snap as Snapshot),
    });
    return this;
  }

  /** The loaded properties as plain data, like Office.js's toJSON. */
  toJSON(): any {
    const st = this[STATE];
    const out: Record<string, unknown> = Object.fromEntries(st.values);
    for (const [name, child] of st.children) {
      if (!(child instanceof FakeLoadable)) continue;
      const json = child.toJSON() as Record<string, unknown>;
      if (json && Object.keys(json).length > 0) out[name] = json;
    }
    if (st.items) out.items = st.items.map((i) => (i instanceof FakeLoadable ? i.toJSON() : {}));
    return out;
  }
}

/** Objects (not collections) also have set(), which assigns scalars and recurses into navigation properties. */
export class FakeEntity<T> extends FakeLoadable<T> {
  set(properties: any, _options?: OfficeExtension.UpdateOptions): void {
    const meta = metaOf(this);
    for (const [key, value] of Object.entries(properties ?? {})) {
      if (value === undefined) continue;
      if (meta.scalars[key]) {
        if (!(meta.scalars[key] as ScalarSpec<unknown>).set) {
          throw clientError(ErrorCode.invalidArgument, `${meta.className}.${key} is read-only`);
        }
        (this as unknown as Record<string, unknown>)[key] = value;
      } else if (meta.navs[key]) {
        const child = navChild(this as FakeObject<unknown>, key);
        if (!(child instanceof FakeEntity)) throw clientError(ErrorCode.invalidArgument, `${meta.className}.${key} cannot be set`);
        child.set(value);
      } else {
        throw clientError(ErrorCode.invalidArgument, `${meta.className} has no property '${key}'`);
      }
    }
  }
}

/** Collections expose the loaded items; reading them before load + sync throws PropertyNotLoaded. */
export class FakeCollection<T, Item extends FakeObject<unknown>> extends FakeLoadable<T> {
  get items(): Item[] {
    const st = this[STATE];
    if (st.items === undefined) {
      if (st.isNull === true) return [];
      throw propertyNotLoaded("items");
    }
    return st.items as Item[];
  }
}

/** OfficeExtension.ClientResult: `value` is readable only after the sync that computed it. */
export class FakeClientResult<T> implements OfficeExtension.ClientResult<T> {
  #value: T | undefined;
  #loaded = false;

  get value(): T {
    if (!this.#loaded) throw valueNotLoaded();
    return this.#value as T;
  }

  [RESULT](value: T): void {
    this.#value = value;
    this.#loaded = true;
  }
}

/** Every registered fake class, for the requirement-set audit in api-sets.test.ts. */
export const REGISTRY: ProxyClass[] = [];

/**
 * The registered class of an Office class name. A navigation names its class this way when that class's module
 * imports the navigating one (Range → DataValidation, Worksheet → TableCollection…), so that the two modules do not
 * import each other; the lookup runs when the navigation is first used, after every module has loaded.
 */
export function registeredClass(className: string): ProxyClass {
  const cls = REGISTRY.find((c) => c.meta.className === className);
  if (!cls) throw new Error(`fake Excel host: no class registered as Excel.${className} (host/host.ts imports every object module)`);
  return cls;
}

/** Installs the accessors described by a class's metadata on its prototype. */
export function register(Cls: abstract new (...args: never[]) => unknown, meta: ProxyMeta): void {
  (Cls as unknown as { meta: ProxyMeta }).meta = meta;
  REGISTRY.push(Cls as unknown as ProxyClass);
  for (const [name, spec] of Object.entries(meta.scalars)) {
    const s = spec as ScalarSpec<unknown>;
    Object.defineProperty(Cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeObject<unknown>) {
        return (this as unknown as { _get(n: string): unknown })._get(name);
      },
      set: s.set
        ? function (this: FakeObject<unknown>, value: unknown) {
            (this as unknown as { _set(n: string, v: unknown): void })._set(name, value);
          }
        : undefined,
    });
  }
  for (const name of Object.keys(meta.navs)) {
    Object.defineProperty(Cls.prototype, name, {
      configurable: true,
      enumerable: true,
      get(this: FakeObject<unknown>) {
        return navChild(this, name);
      },
    });
  }
}

/** Unwraps a Range argument (a fake proxy from the same context) or reports a clear error. */
export function asProxy<C>(value: unknown, Cls: abstract new (...a: never[]) => C, what: string): C {
  if (value instanceof Cls) return value;
  throw clientError(ErrorCode.invalidArgument, `${what} must be a ${Cls.name.replace(/^Fake/, "")} from this request context`);
}
