/**
 * Parsing load() arguments into a plan of what to read at sync.
 * Forms accepted, as Office.js documents them ("load()" and "Scalar and navigation properties" in
 * https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#load):
 *   load()                        every scalar property (collections: every scalar of every item)
 *   load("a, b/c") / load(["a"])  named properties; "nav/prop" paths; a navigation name alone loads its scalars
 *   load({ select, expand })      OfficeExtension.LoadOption
 *   load({ a: true, nav: {...}, $all, $top, $skip })  the typed Excel.Interfaces.*LoadOptions trees
 * On a collection, "name" means "items/name" (load("items/name") and load("name") are the same).
 */

export interface LoadPlan {
  all: boolean;
  scalars: Set<string>;
  navs: Map<string, LoadPlan>;
  /** Collections: what to load on each item. */
  items?: LoadPlan;
  top?: number;
  skip?: number;
}

export function emptyPlan(): LoadPlan {
  return { all: false, scalars: new Set(), navs: new Map() };
}

export function allPlan(): LoadPlan {
  return { all: true, scalars: new Set(), navs: new Map() };
}

export type LoadArgument =
  | string
  | string[]
  | { select?: string | string[]; expand?: string | string[]; top?: number; skip?: number }
  | Record<string, unknown>
  | undefined
  | null;

function splitList(list: string | string[] | undefined): string[] {
  if (list === undefined) return [];
  const parts = Array.isArray(list) ? list.flatMap((s) => String(s).split(",")) : String(list).split(",");
  return parts.map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Collects "a/b/c" paths; paths are resolved against class metadata by the proxy layer. */
export function loadPaths(option: LoadArgument): { all: boolean; paths: string[][]; top?: number; skip?: number } {
  if (option === undefined || option === null) return { all: true, paths: [] };
  if (typeof option === "string" || Array.isArray(option)) {
    const paths = splitList(option).map((p) => p.split("/").map((s) => s.trim()));
    return { all: paths.length === 0, paths };
  }
  const o = option as Record<string, unknown>;
  if ("select" in o || "expand" in o) {
    const select = splitList(o.select as string | string[] | undefined).map((p) => p.split("/"));
    const expand = splitList(o.expand as string | string[] | undefined).map((p) => p.split("/"));
    return {
      all: select.length === 0 && expand.length === 0,
      paths: [...select, ...expand],
      top: typeof o.top === "number" ? o.top : undefined,
      skip: typeof o.skip === "number" ? o.skip : undefined,
    };
  }
  const paths: string[][] = [];
  let all = false;
  const walk = (node: Record<string, unknown>, prefix: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$all") {
        if (value === true) {
          if (prefix.length === 0) all = true;
          else paths.push(prefix);
        }
        continue;
      }
      if (key === "$top" || key === "$skip") continue;
      if (value === true) paths.push([...prefix, key]);
      else if (value && typeof value === "object") walk(value as Record<string, unknown>, [...prefix, key]);
    }
  };
  walk(o, []);
  return {
    all,
    paths,
    top: typeof o.$top === "number" ? o.$top : undefined,
    skip: typeof o.$skip === "number" ? o.$skip : undefined,
  };
}
