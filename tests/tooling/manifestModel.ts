/** manifest.xml read into the parts the tooling tests check: the element tree, its resources and its URLs. */
import { readFileSync } from "fs";
import path from "path";
import { allElements, child, childrenNamed, localName, parseXml, type XmlNode } from "./xmlTree";

export const ROOT = path.resolve(__dirname, "..", "..");
export const MANIFEST_FILE = path.join(ROOT, "manifest.xml");
export const DEV_ORIGIN = "https://localhost:3000";

export type ResourceKind = "Images" | "Urls" | "ShortStrings" | "LongStrings";

export interface Resource {
  id: string;
  kind: ResourceKind;
  value: string;
  overrides: { locale: string; value: string }[];
}

export interface Manifest {
  root: XmlNode;
  /** The VersionOverrides <Host xsi:type="Workbook">. */
  host: XmlNode;
  resources: Map<string, Resource>;
  /** Resource ids defined more than once. */
  duplicateIds: string[];
}

const overridesOf = (node: XmlNode): Resource["overrides"] =>
  childrenNamed(node, "Override").map((o) => ({ locale: o.attrs.Locale ?? "", value: o.attrs.Value ?? "" }));

export function loadManifest(file = MANIFEST_FILE): Manifest {
  const root = parseXml(readFileSync(file, "utf8"), path.relative(ROOT, file));
  const overrides = child(root, "VersionOverrides");
  const hosts = childrenNamed(child(overrides, "Hosts"), "Host");
  if (hosts.length !== 1) throw new Error(`expected one VersionOverrides host, found ${hosts.length}`);
  const resources = new Map<string, Resource>();
  const duplicateIds: string[] = [];
  const resourcesNode = child(overrides, "Resources");
  for (const group of resourcesNode.children) {
    const kind = localName(group.name) as ResourceKind;
    for (const item of group.children) {
      const id = item.attrs.id;
      if (resources.has(id)) duplicateIds.push(id);
      resources.set(id, { id, kind, value: item.attrs.DefaultValue ?? "", overrides: overridesOf(item) });
    }
  }
  return { root, host: hosts[0], resources, duplicateIds };
}

/** Every element carrying a resid, with the local names of its parent and itself. */
export function residUses(m: Manifest): { resid: string; element: string; parent: string }[] {
  return allElements(m.root)
    .filter(({ node }) => node.attrs.resid !== undefined)
    .map(({ node, ancestors }) => ({
      resid: node.attrs.resid,
      element: localName(node.name),
      parent: localName(ancestors[ancestors.length - 1]?.name ?? ""),
    }));
}

/** Every URL the manifest gives Office: top-level settings, URL and image resources, and their overrides. */
export function allUrls(m: Manifest): { where: string; url: string }[] {
  const out: { where: string; url: string }[] = [];
  const top = (name: string, node: XmlNode): void => {
    out.push({ where: name, url: node.attrs.DefaultValue ?? "" });
    for (const o of overridesOf(node)) out.push({ where: `${name} (${o.locale})`, url: o.value });
  };
  for (const name of ["IconUrl", "HighResolutionIconUrl", "SupportUrl"]) top(name, child(m.root, name));
  top("DefaultSettings/SourceLocation", child(m.root, "DefaultSettings", "SourceLocation"));
  for (const r of m.resources.values()) {
    if (r.kind !== "Urls" && r.kind !== "Images") continue;
    out.push({ where: r.id, url: r.value });
    for (const o of r.overrides) out.push({ where: `${r.id} (${o.locale})`, url: o.value });
  }
  return out;
}

/** The URL of a resource id, or a clear error. */
export function urlOf(m: Manifest, resid: string): string {
  const r = m.resources.get(resid);
  if (!r || (r.kind !== "Urls" && r.kind !== "Images")) throw new Error(`resid ${resid} is not a URL resource`);
  return r.value;
}
