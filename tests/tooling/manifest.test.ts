/**
 * manifest.xml holds what Office needs to load ClientBook's shared runtime. The online validator is out of reach
 * here, so these checks follow Microsoft's manifest reference and "Configure your Office Add-in to use a shared
 * runtime": one runtime page used by the runtime, the task-pane action, the FunctionFile and the custom functions'
 * Page; <Runtimes> first in the host; lifetime long; resids defined and at most 32 characters.
 */
import { existsSync, readFileSync } from "fs";
import path from "path";
import { allUrls, DEV_ORIGIN, loadManifest, residUses, ROOT, urlOf, type ResourceKind } from "./manifestModel";
import { LANGS } from "../../src/domain/types";
import { METADATA_LANGS, metadataFile } from "../../src/functions/localizeMetadata";
import { readPng } from "./png";
import { child, childrenNamed, descendants, localName, parseXml } from "./xmlTree";

const m = loadManifest();
const runtimeResid = child(m.host, "Runtimes", "Runtime").attrs.resid;

/** Files the build writes to dist/ besides the copied assets (see webpack.config.js). */
const BUILT_FILES = ["taskpane.html", "functions.js", ...LANGS.map(metadataFile)];
/** GUIDs of Microsoft's generator templates and the docs: a copied Id collides with other add-ins. */
const TEMPLATE_IDS = [
  "05c2e1c9-3e1d-406e-9a91-e9ac64854143", // yo office task pane templates
  "ca968be6-628b-4f14-ba3c-3e614effa9bd", // Excel custom functions template
  "00000000-0000-0000-0000-000000000000",
];

const versionAtLeast = (actual: string, wanted: string): boolean => {
  const a = actual.split(".").map(Number);
  const w = wanted.split(".").map(Number);
  for (let i = 0; i < Math.max(a.length, w.length); i++) {
    if ((a[i] ?? 0) !== (w[i] ?? 0)) return (a[i] ?? 0) > (w[i] ?? 0);
  }
  return true;
};

describe("manifest.xml: document", () => {
  test("is well-formed XML; a malformed manifest is reported with its line", () => {
    expect(localName(m.root.name)).toBe("OfficeApp");
    expect(() => parseXml("<OfficeApp><Id></OfficeApp>", "broken.xml")).toThrow(/^broken\.xml:1:/);
  });

  test("is a task-pane add-in with the Office namespaces", () => {
    expect(m.root.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(m.root.attrs.xmlns).toBe("http://schemas.microsoft.com/office/appforoffice/1.1");
    expect(m.root.attrs["xmlns:bt"]).toBe("http://schemas.microsoft.com/office/officeappbasictypes/1.0");
    const vo = child(m.root, "VersionOverrides");
    expect(vo.attrs.xmlns).toBe("http://schemas.microsoft.com/office/taskpaneappversionoverrides");
    expect(vo.attrs["xsi:type"]).toBe("VersionOverridesV1_0");
  });

  test("has a GUID of its own", () => {
    const id = child(m.root, "Id").text;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i);
    expect(TEMPLATE_IDS).not.toContain(id.toLowerCase());
  });

  test("keeps the schema's order of top-level elements", () => {
    const order = ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
      "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"];
    const present = m.root.children.map((c) => localName(c.name));
    expect(present.filter((n) => !order.includes(n))).toEqual([]);
    expect(present).toEqual(order.filter((n) => present.includes(n)));
    expect(child(m.root, "Version").text).toMatch(/^\d+(\.\d+){0,3}$/);
    expect(child(m.root, "Permissions").text).toBe("ReadWriteDocument");
    expect(childrenNamed(child(m.root, "Hosts"), "Host").map((h) => h.attrs.Name)).toEqual(["Workbook"]);
  });

  test("names and describes itself in zh-CN and zh-TW too, within Office's lengths", () => {
    for (const [name, max] of [["DisplayName", 125], ["Description", 250]] as const) {
      const node = child(m.root, name);
      const values = [node.attrs.DefaultValue, ...childrenNamed(node, "Override").map((o) => o.attrs.Value)];
      for (const v of values) expect(v.length > 0 && v.length <= max).toBe(true);
      expect(childrenNamed(node, "Override").map((o) => o.attrs.Locale).sort()).toEqual(["zh-CN", "zh-TW"]);
    }
  });
});

describe("manifest.xml: requirement sets", () => {
  const sets = new Map(
    descendants(child(m.root, "Requirements"), "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion ?? child(m.root, "Requirements", "Sets").attrs.DefaultMinVersion]),
  );

  test.each([
    ["SharedRuntime", "1.1"],
    ["CustomFunctionsRuntime", "1.1"],
    ["ExcelApi", "1.12"],
  ])("requires %s %s or later", (name, min) => {
    expect(sets.get(name)).toBeDefined();
    expect(versionAtLeast(sets.get(name) as string, min)).toBe(true);
  });

  test("version comparison is numeric, not textual", () => {
    expect(versionAtLeast("1.12", "1.9")).toBe(true);
    expect(versionAtLeast("1.9", "1.12")).toBe(false);
  });
});

describe("manifest.xml: resources", () => {
  test("defines each resource id once", () => {
    expect(m.duplicateIds).toEqual([]);
  });

  test("every resid is defined, of the right kind, and at most 32 characters", () => {
    const kindFor = (element: string, parent: string): ResourceKind => {
      if (element === "Image") return "Images";
      if (["SourceLocation", "FunctionFile", "Runtime", "LearnMoreUrl"].includes(element)) return "Urls";
      if (element === "Description" && (parent === "Supertip" || parent === "GetStarted")) return "LongStrings";
      return "ShortStrings"; // Label, Title, Namespace
    };
    const uses = residUses(m);
    expect(uses.length).toBeGreaterThan(10);
    const problems = uses.flatMap(({ resid, element, parent }) => {
      const r = m.resources.get(resid);
      if (!r) return [`<${element} resid="${resid}"> is not defined in <Resources>`];
      const wanted = kindFor(element, parent);
      if (r.kind !== wanted) return [`<${element} resid="${resid}"> points at ${r.kind}, needs ${wanted}`];
      if (resid.length > 32) return [`resid "${resid}" is longer than 32 characters`];
      return [];
    });
    expect(problems).toEqual([]);
  });

  test("every resource is used (a typo in a resid shows up here or above)", () => {
    const used = new Set(residUses(m).map((u) => u.resid));
    expect([...m.resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("user-visible strings fit Office's lengths and have zh-CN and zh-TW text", () => {
    for (const r of m.resources.values()) {
      if (r.kind !== "ShortStrings" && r.kind !== "LongStrings") continue;
      const max = r.kind === "ShortStrings" ? 125 : 250;
      for (const v of [r.value, ...r.overrides.map((o) => o.value)]) {
        expect({ id: r.id, ok: v.length > 0 && v.length <= max }).toEqual({ id: r.id, ok: true });
      }
      if (r.id === "Functions.Namespace") continue;
      expect({ id: r.id, locales: r.overrides.map((o) => o.locale).sort() }).toEqual({ id: r.id, locales: ["zh-CN", "zh-TW"] });
    }
  });
});

describe("manifest.xml: one shared runtime for the task pane and the custom functions", () => {
  test("<Runtimes> comes first in the host, with one long-lived runtime", () => {
    expect(localName(m.host.children[0].name)).toBe("Runtimes");
    const runtimes = childrenNamed(child(m.host, "Runtimes"), "Runtime");
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].attrs.lifetime).toBe("long");
    expect(urlOf(m, runtimeResid)).toBe(`${DEV_ORIGIN}/taskpane.html`);
    expect(child(m.root, "DefaultSettings", "SourceLocation").attrs.DefaultValue).toBe(urlOf(m, runtimeResid));
  });

  test("the ribbon button opens the task pane on the runtime page, with no TaskpaneId", () => {
    const actions = descendants(m.host, "Action").filter((a) => a.attrs["xsi:type"] === "ShowTaskpane");
    expect(actions.length).toBeGreaterThan(0);
    for (const a of actions) expect(child(a, "SourceLocation").attrs.resid).toBe(runtimeResid);
    expect(descendants(m.root, "TaskpaneId")).toEqual([]);
    const group = descendants(m.host, "Group")[0];
    expect(descendants(group, "Control").map((c) => c.attrs["xsi:type"])).toContain("Button");
  });

  test("FunctionFile is the runtime page", () => {
    expect(child(m.host, "DesktopFormFactor", "FunctionFile").attrs.resid).toBe(runtimeResid);
  });

  test("custom functions run in the runtime page, with generated metadata and namespace RM", () => {
    const cf = childrenNamed(child(m.host, "AllFormFactors"), "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions");
    if (!cf) throw new Error("no <ExtensionPoint xsi:type=\"CustomFunctions\"> under <AllFormFactors>");
    expect(child(cf, "Page", "SourceLocation").attrs.resid).toBe(runtimeResid);
    expect(urlOf(m, child(cf, "Script", "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}/functions.js`);
    expect(urlOf(m, child(cf, "Metadata", "SourceLocation").attrs.resid)).toBe(`${DEV_ORIGIN}/functions.json`);
    const ns = m.resources.get(child(cf, "Namespace").attrs.resid);
    expect(ns?.kind).toBe("ShortStrings");
    expect(ns?.value).toBe("RM");
    expect(ns?.overrides).toEqual([]);
  });

  test("the functions' metadata has one file per language: a <bt:Override> for zh-CN and zh-TW (Microsoft's custom-functions localization)", () => {
    const cf = childrenNamed(child(m.host, "AllFormFactors"), "ExtensionPoint").find((e) => e.attrs["xsi:type"] === "CustomFunctions")!;
    const metadata = m.resources.get(child(cf, "Metadata", "SourceLocation").attrs.resid)!;
    expect(metadata.value).toBe(`${DEV_ORIGIN}/${metadataFile("en-US")}`);
    expect(metadata.overrides).toEqual(METADATA_LANGS.map((lang) => ({ locale: lang, value: `${DEV_ORIGIN}/${metadataFile(lang)}` })));
  });
});

describe("manifest.xml: URLs and icons", () => {
  const urls = allUrls(m);

  test("every URL is HTTPS on the dev server's origin", () => {
    expect(urls.length).toBeGreaterThan(5);
    expect(urls.filter(({ url }) => !url.startsWith(`${DEV_ORIGIN}/`))).toEqual([]);
  });

  test("every URL names a file the build serves", () => {
    const missing = urls.filter(({ url }) => {
      const file = url.slice(DEV_ORIGIN.length + 1);
      return file.startsWith("assets/") ? !existsSync(path.join(ROOT, file)) : !BUILT_FILES.includes(file);
    });
    expect(missing).toEqual([]);
  });

  const iconFile = (url: string): string => path.join(ROOT, url.slice(DEV_ORIGIN.length + 1));

  test("icons referenced by the manifest are PNGs of the declared size", () => {
    const expected: [string, number][] = [
      [child(m.root, "IconUrl").attrs.DefaultValue, 32],
      [child(m.root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    for (const image of descendants(m.host, "Image")) expected.push([urlOf(m, image.attrs.resid), Number(image.attrs.size)]);
    expect(expected.length).toBeGreaterThanOrEqual(8);
    for (const [url, size] of expected) {
      const info = readPng(readFileSync(iconFile(url)), url);
      expect({ url, width: info.width, height: info.height }).toEqual({ url, width: size, height: size });
    }
  });

  test.each([16, 32, 64, 80, 128])("assets/icon-%i.png is a whole square PNG with transparency", (size) => {
    const info = readPng(readFileSync(path.join(ROOT, "assets", `icon-${size}.png`)), `icon-${size}.png`);
    expect(info).toEqual({ width: size, height: size, bitDepth: 8, colorType: 6 });
  });

  test("the PNG reader rejects a damaged file", () => {
    const png = readFileSync(path.join(ROOT, "assets", "icon-16.png"));
    const damaged = Buffer.from(png);
    damaged[40] ^= 0xff;
    expect(() => readPng(damaged, "damaged.png")).toThrow(/damaged\.png/);
    expect(() => readPng(png.subarray(0, 30), "short.png")).toThrow(/short\.png/);
  });
});
