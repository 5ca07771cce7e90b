/**
 * The office-addin-* tools (dev certs, debugging, manifest, custom-functions metadata) report usage through
 * office-addin-usage-data. Client books are confidential and the machines that build ClientBook are a bank's,
 * so every installed copy must report nothing — even when a tool asks for usage data "on" — and the build
 * must not bring any telemetry of its own. Since office-addin-usage-data 2.1/3.0 every method is a no-op;
 * this test holds each copy actually installed to that, with the network stubbed so a send would be seen.
 */
import { existsSync, readdirSync, readFileSync } from "fs";
import http from "http";
import https from "https";
import net from "net";
import tls from "tls";
import { createRequire } from "module";
import path from "path";

const ROOT = path.resolve(__dirname, "..", "..");
const requireFromHere = createRequire(__filename);

/** Every directory named office-addin-usage-data in node_modules, nested copies included. */
function usageDataCopies(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const dirs = entry.name.startsWith("@")
      ? readdirSync(path.join(nodeModules, entry.name)).map((n) => path.join(nodeModules, entry.name, n))
      : [path.join(nodeModules, entry.name)];
    for (const dir of dirs) {
      if (path.basename(dir) === "office-addin-usage-data") found.push(dir);
      found.push(...usageDataCopies(path.join(dir, "node_modules")));
    }
  }
  return found;
}

interface UsageData {
  isUsageDataOn(): boolean;
  reportEvent?(name: string, data: object): Promise<void>;
  reportError?(name: string, err: Error): Promise<void>;
  reportException?(method: string, err: Error, data?: object): void;
  reportSuccess?(method: string, data?: object): void;
  sendUsageDataEvent?(data: object): void;
  sendUsageDataException?(method: string, err: Error, data?: object): void;
  getEventsSent?(): number;
  getExceptionsSent?(): number;
}
interface UsageDataModule {
  OfficeAddinUsageData: new (options: Record<string, unknown>) => UsageData;
}

const copies = usageDataCopies(path.join(ROOT, "node_modules"));

describe("office-addin-usage-data", () => {
  test("is installed where the office-addin tools expect it", () => {
    // office-addin-debugging and office-addin-dev-certs depend on it; if it vanished, this test must be revisited.
    expect(copies.length).toBeGreaterThan(0);
  });

  describe.each(copies.map((dir) => [path.relative(ROOT, dir), dir]))("%s", (_name, dir) => {
    const pkg = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string; dependencies?: Record<string, string> };

    test("depends on no telemetry client", () => {
      expect(Object.keys(pkg.dependencies ?? {}).filter((d) => /applicationinsights|telemetry|analytics/i.test(d))).toEqual([]);
      expect(() => requireFromHere.resolve("applicationinsights", { paths: [dir] })).toThrow();
    });

    test("reports nothing even when constructed with usageDataLevel 'on'", async () => {
      const calls: string[] = [];
      const record = (what: string) => () => {
        calls.push(what);
        throw new Error(`telemetry tried to use the network (${what})`);
      };
      const spies = [
        jest.spyOn(http, "request").mockImplementation(record("http.request")),
        jest.spyOn(https, "request").mockImplementation(record("https.request")),
        jest.spyOn(net, "connect").mockImplementation(record("net.connect")),
        jest.spyOn(tls, "connect").mockImplementation(record("tls.connect")),
        jest.spyOn(globalThis, "fetch").mockImplementation(record("fetch")),
      ];
      try {
        const { OfficeAddinUsageData } = requireFromHere(dir) as UsageDataModule;
        const usage = new OfficeAddinUsageData({
          projectName: "clientbook-telemetry-test",
          instrumentationKey: "00000000-0000-0000-0000-000000000000",
          usageDataLevel: "on",
          raisePrompt: false,
          promptQuestion: "",
          isForTesting: true,
        });
        expect(usage.isUsageDataOn()).toBe(false);
        const err = new Error("test error at C:\\Users\\rm\\book.xlsx");
        await usage.reportEvent?.("clientbook-test", { client: "张伟 13812345678" });
        await usage.reportError?.("clientbook-test", err);
        usage.reportException?.("clientbook-test", err, {});
        usage.reportSuccess?.("clientbook-test", {});
        usage.sendUsageDataEvent?.({ client: "张伟" });
        usage.sendUsageDataException?.("clientbook-test", err, {});
        await new Promise((resolve) => setImmediate(resolve));
        expect(calls).toEqual([]);
        expect(usage.getEventsSent?.() ?? 0).toBe(0);
        expect(usage.getExceptionsSent?.() ?? 0).toBe(0);
      } finally {
        for (const spy of spies) spy.mockRestore();
      }
    });
  });
});

describe("the build", () => {
  type Config = { plugins: object[]; devServer?: unknown };
  const loadConfig = requireFromHere(path.join(ROOT, "webpack.config.js")) as (env: object, argv: object) => Promise<Config>;
  const source = readFileSync(path.join(ROOT, "webpack.config.js"), "utf8");

  test.each(["production", "development"])("uses only known plugins in %s mode", async (mode) => {
    const config = await loadConfig({}, { mode });
    const known = ["CustomFunctionsMetadataPlugin", "LocalizedFunctionsPlugin", "HtmlWebpackPlugin", "VersionFunctionsScriptPlugin", "BookTemplatePlugin", "CopyPlugin", "BundleSizePlugin"];
    expect(config.plugins.map((p) => p.constructor.name).filter((n) => !known.includes(n))).toEqual([]);
    expect(config.devServer).toBeUndefined(); // the dev server (and its certificate) only when serving
  });

  test("webpack.config.js loads no telemetry or analytics module", () => {
    const modules = [...source.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
    expect(modules).toContain("html-webpack-plugin");
    expect(modules.filter((m) => /usage-data|applicationinsights|analytics|telemetry|sentry|segment/i.test(m))).toEqual([]);
  });

  test("package.json lists no analytics or telemetry package", () => {
    const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as Record<string, Record<string, string> | undefined>;
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    expect(names.filter((n) => /applicationinsights|analytics|telemetry|sentry|segment|mixpanel|amplitude|datadog|posthog|bugsnag|logrocket/i.test(n))).toEqual([]);
  });
});
