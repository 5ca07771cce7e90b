/**
 * The host's layout (README "Layout"): generated/ ← core/ ← objects/ ← host/ ← index.ts. At run time a module imports
 * only its own folder and the folders before it, and no modules import each other in a loop (`import type` is erased
 * and does not count). A failure names the import that breaks the order or the modules of the loop.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const DIR = join(__dirname, "..");
const ORDER = ["generated", "core", "objects", "host", "."];
const modules = ORDER.flatMap((folder) =>
  readdirSync(join(DIR, folder))
    .filter((f) => f.endsWith(".ts") && (folder !== "." || f === "index.ts"))
    .map((f) => (folder === "." ? f : `${folder}/${f}`).replace(/\.ts$/, "")),
);

/** The host modules `mod` imports at run time (static imports and re-exports that are not `type`-only). */
function runtimeImports(mod: string): string[] {
  const source = readFileSync(join(DIR, `${mod}.ts`), "utf8");
  const found: string[] = [];
  for (const m of source.matchAll(/^(?:import|export)\s+(type\s+)?(?:[^;]*?\sfrom\s+)?"(\.{1,2}\/[^"]+)"/gms)) {
    if (m[1]) continue;
    found.push(relative(DIR, join(DIR, dirname(mod), m[2])).split("\\").join("/"));
  }
  return found;
}

const folderOf = (mod: string): string => (mod.includes("/") ? mod.split("/")[0] : ".");
const graph = new Map(modules.map((mod) => [mod, runtimeImports(mod)]));

test("every folder holds modules and every import resolves to one", () => {
  for (const folder of ORDER) expect(modules.some((mod) => folderOf(mod) === folder)).toBe(true);
  for (const [mod, targets] of graph) for (const target of targets) expect({ mod, target, known: modules.includes(target) }).toEqual({ mod, target, known: true });
});

test("at run time a module imports only its own folder and the folders before it", () => {
  const backwards = [...graph].flatMap(([mod, targets]) =>
    targets.filter((t) => ORDER.indexOf(folderOf(t)) > ORDER.indexOf(folderOf(mod))).map((t) => `${mod} → ${t}`),
  );
  expect(backwards).toEqual([]);
});

test("no modules import each other in a loop at run time", () => {
  const loops: string[] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (mod: string): void => {
    state.set(mod, "open");
    path.push(mod);
    for (const next of graph.get(mod) ?? []) {
      if (state.get(next) === "open") loops.push([...path.slice(path.indexOf(next)), next].join(" → "));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(mod, "done");
  };
  for (const mod of modules) if (!state.has(mod)) visit(mod);
  expect(loops).toEqual([]);
});
