/**
 * The add-in built for a bank's own server (scripts/deploy-target.js; `npm run build -- --env publicUrl=…`;
 * docs/DEPLOY.md), for a sample address. Checked on the built dist/manifest.xml — the one `npm test`'s build wrote
 * (moved to the sample address by the same function webpack applies), or one built with
 * `--env publicUrl=https://addins.bank.example/clientbook/` — and on the repository's manifest when there is no
 * build. Rules, from Microsoft's add-in only manifest reference:
 *   - well-formed, every resid defined;
 *   - every URL HTTPS and on the bank's server, no localhost (learn.microsoft.com/javascript/api/manifest/image:
 *     "You must use SSL for all URLs");
 *   - icons: IconUrl 32×32 and HighResolutionIconUrl 64×64 for a task-pane add-in
 *     (learn.microsoft.com/javascript/api/manifest/iconurl, …/highresolutioniconurl); every ribbon icon with the
 *     three mandatory sizes 16, 32 and 80 (…/manifest/image), each a PNG of that size in dist/assets;
 *   - <Version> n.n.n.n, at most 5 digits a part (…/manifest/version), from package.json, above the previous
 *     release's 0.1.0.0; the <Id> the same as the repository's, so a deployment updates rather than duplicates.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "fs";
import os from "os";
import path from "path";
import { allUrls, loadManifest, MANIFEST_FILE, residUses, ROOT, urlOf } from "./manifestModel";
import { readPng } from "./png";
import { child, descendants } from "./xmlTree";
import { METADATA_LANGS, metadataFile } from "../../src/functions/localizeMetadata";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const target = require("../../scripts/deploy-target.js") as {
  DEV_ORIGIN: string;
  normalizePublicUrl(u: string): string;
  manifestVersion(v: string): string;
  moveUrls(text: string, url: string): string;
  deployManifest(xml: string, o: { publicUrl: string; version: string }): string;
};

const SAMPLE = "https://addins.bank.example/clientbook/";
const DIST = path.join(ROOT, "dist");
const pkgVersion = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const builtManifest = path.join(DIST, "manifest.xml");
const source = existsSync(builtManifest) ? builtManifest : MANIFEST_FILE;
const sourceXml = readFileSync(source, "utf8");
// A build for the dev origin is moved here exactly as webpack moves it; a build for the sample address is as built.
const deployedXml = sourceXml.includes(target.DEV_ORIGIN) ? target.deployManifest(sourceXml, { publicUrl: SAMPLE, version: pkgVersion }) : sourceXml;
const dir = mkdtempSync(path.join(os.tmpdir(), "clientbook-deploy-"));
writeFileSync(path.join(dir, "manifest.xml"), deployedXml);
const m = loadManifest(path.join(dir, "manifest.xml"));
const repo = loadManifest(MANIFEST_FILE);

describe(`the manifest for ${SAMPLE} (from ${path.relative(ROOT, source)})`, () => {
  test("well-formed, the same add-in Id, version from package.json in n.n.n.n above 0.1.0.0", () => {
    expect(child(m.root, "Id").text).toBe(child(repo.root, "Id").text);
    const version = child(m.root, "Version").text;
    expect(version).toMatch(/^([0-9]{1,5})(\.[0-9]{1,5}){3}$/);
    expect(version).toBe(target.manifestVersion(pkgVersion));
    const n = version.split(".").map(Number);
    expect(n[0] * 1e15 + n[1] * 1e10 + n[2] * 1e5 + n[3]).toBeGreaterThan(0 * 1e15 + 1 * 1e10);
  });

  test("every URL is HTTPS on the bank's server: task pane, functions script, metadata per language, icons, support page", () => {
    const urls = allUrls(m);
    expect(urls.length).toBeGreaterThan(10);
    expect(urls.filter(({ url }) => !url.startsWith(SAMPLE))).toEqual([]);
    expect(deployedXml).not.toMatch(/localhost/); // (http:// remains only in xmlns namespace names, never fetched)
    const wanted = ["taskpane.html", "functions.js", ...["en-US", ...METADATA_LANGS].map((l) => metadataFile(l as "en-US")), "assets/support.html"];
    const have = new Set(urls.map(({ url }) => url.slice(SAMPLE.length)));
    for (const f of wanted) expect({ f, listed: have.has(f) }).toEqual({ f, listed: true });
  });

  test("every resid is defined, every resource used", () => {
    const uses = residUses(m);
    expect(uses.filter((u) => !m.resources.has(u.resid))).toEqual([]);
    const used = new Set(uses.map((u) => u.resid));
    expect([...m.resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("icons: store icons 32 and 64, every ribbon icon 16/32/80 — PNGs of those sizes among the files to host", () => {
    const file = (url: string) => {
      const rel = url.slice(SAMPLE.length);
      return existsSync(path.join(DIST, rel)) ? path.join(DIST, rel) : path.join(ROOT, rel);
    };
    const expected: [string, number][] = [
      [child(m.root, "IconUrl").attrs.DefaultValue, 32],
      [child(m.root, "HighResolutionIconUrl").attrs.DefaultValue, 64],
    ];
    const icons = descendants(m.host, "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const images = descendants(icon, "Image");
      expect(images.map((i) => Number(i.attrs.size)).sort((a, b) => a - b)).toEqual([16, 32, 80]);
      for (const image of images) expected.push([urlOf(m, image.attrs.resid), Number(image.attrs.size)]);
    }
    for (const [url, size] of expected) {
      const info = readPng(readFileSync(file(url)), url);
      expect({ url, width: info.width, height: info.height }).toEqual({ url, width: size, height: size });
    }
  });
});

describe("the functions' help links follow the manifest", () => {
  const built = path.join(DIST, metadataFile("zh-CN"));
  (existsSync(built) ? test : test.skip)("dist/functions.zh-CN.json: every helpUrl on the support page of the same server as the manifest", () => {
    const json = readFileSync(built, "utf8");
    const moved = json.includes(target.DEV_ORIGIN) ? target.moveUrls(json, SAMPLE) : json;
    const meta = JSON.parse(moved) as { functions: { helpUrl?: string }[] };
    const support = urlOf(m, "Support.Url");
    expect(meta.functions.length).toBeGreaterThan(10);
    expect(meta.functions.filter((f) => !f.helpUrl?.startsWith(`${support}#`))).toEqual([]);
  });
});

describe("scripts/deploy-target.js", () => {
  test("the address: HTTPS only, not localhost, no query; a trailing slash added", () => {
    expect(target.normalizePublicUrl("https://addins.bank.example/clientbook")).toBe(SAMPLE);
    expect(target.normalizePublicUrl("https://addins.bank.example")).toBe("https://addins.bank.example/");
    expect(() => target.normalizePublicUrl("http://addins.bank.example/")).toThrow(/HTTPS/);
    expect(() => target.normalizePublicUrl("https://localhost:8443/")).toThrow(/not localhost/);
    expect(() => target.normalizePublicUrl("https://127.0.0.1/")).toThrow(/not 127\.0\.0\.1/);
    expect(() => target.normalizePublicUrl("https://a.example/x?y=1")).toThrow(/query/);
    expect(() => target.normalizePublicUrl("addins.bank.example")).toThrow(/absolute URL/);
  });

  test("the version: four parts of at most 5 digits", () => {
    expect(target.manifestVersion("1.0.0")).toBe("1.0.0.0");
    expect(target.manifestVersion("2.3")).toBe("2.3.0.0");
    expect(target.manifestVersion("1.2.3.4")).toBe("1.2.3.4");
    expect(target.manifestVersion("1.2.3-beta.1")).toBe("1.2.3.0"); // a pre-release tag is not a number: dropped
    expect(() => target.manifestVersion("123456.0.0")).toThrow(/n\.n\.n\.n/);
  });

  test("a URL not on the development origin is refused rather than left pointing at localhost", () => {
    const xml = readFileSync(MANIFEST_FILE, "utf8").replace("https://localhost:3000/functions.js", "https://localhost:4000/functions.js");
    expect(() => target.deployManifest(xml, { publicUrl: SAMPLE, version: "1.0.0" })).toThrow(/localhost/);
  });
});
