/**
 * The fake's requirement-set table against @types/office-js: every member the fake implements carries, in its
 * typings remark, the set that introduced it ("[Api set: ExcelApi 1.x]"). Members above ExcelApi 1.1 must be in
 * MEMBER_SETS with that same version, so a host configured for, say, ExcelApi 1.12 refuses exactly what real
 * Office.js refuses (ApiNotFound, "Office versions and requirement sets":
 * https://learn.microsoft.com/office/dev/add-ins/develop/office-versions-and-requirement-sets).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareVersions, MEMBER_SETS } from "../core/api-sets";
import "../index";
import { FakeObject, REGISTRY } from "../core/proxy";

const DTS = readFileSync(join(__dirname, "../../../node_modules/@types/office-js/index.d.ts"), "utf8").split("\n");

/** "[Api set: …]" remarks of every Excel class member in the typings, read once: "Class.member" → remark. */
const REMARKS = (() => {
  const map = new Map<string, string>();
  let inExcel = false;
  let cls: string | null = null;
  let remark: string | null = null;
  for (const line of DTS) {
    if (/^declare namespace Excel \{/.test(line)) inExcel = true;
    else if (/^declare namespace /.test(line)) inExcel = false;
    if (!inExcel) continue;
    const start = /^ {4}class (\w+) /.exec(line);
    if (start) {
      cls = start[1];
      continue;
    }
    if (/^ {4}\}/.test(line)) cls = null;
    if (!cls) continue;
    const api = /\[Api set: ([^\]]+)\]/.exec(line);
    if (api) remark = api[1];
    const decl = /^ {8}(?:readonly )?(\w+)[?(:<]/.exec(line);
    if (decl && remark && !map.has(`${cls}.${decl[1]}`)) map.set(`${cls}.${decl[1]}`, remark);
  }
  return map;
})();

function annotation(className: string, member: string): { set: string; version: string; raw: string } | null {
  const raw = REMARKS.get(`${className}.${member}`);
  const m = raw ? /(ExcelApi\w*) (\d+\.\d+)/.exec(raw) : null;
  return raw && m ? { set: m[1], version: m[2], raw } : null;
}

function implementedMembers(): { className: string; member: string }[] {
  const out: { className: string; member: string }[] = [];
  for (const Cls of REGISTRY) {
    const { className, scalars, navs } = Cls.meta;
    for (const name of [...Object.keys(scalars), ...Object.keys(navs)]) out.push({ className, member: name });
    let proto = Cls.prototype;
    while (proto && proto !== FakeObject.prototype && proto !== Object.prototype) {
      for (const name of Object.getOwnPropertyNames(proto)) {
        const desc = Object.getOwnPropertyDescriptor(proto, name);
        if (name === "constructor" || name.startsWith("_") || !desc || typeof desc.value !== "function") continue;
        if (["load", "toJSON", "set"].includes(name)) continue;
        out.push({ className, member: name });
      }
      proto = Object.getPrototypeOf(proto);
    }
  }
  return out;
}

describe("requirement sets of implemented members ([Api set] remarks in @types/office-js)", () => {
  const members = implementedMembers();

  test("every implemented member exists in the typings with an [Api set] remark", () => {
    const missing = members.filter((m) => !annotation(m.className, m.member)).map((m) => `${m.className}.${m.member}`);
    expect(missing).toEqual([]);
  });

  test("members newer than ExcelApi 1.1 are guarded with the version of their remark", () => {
    const wrong: string[] = [];
    for (const { className, member } of members) {
      const a = annotation(className, member);
      if (!a || a.set !== "ExcelApi") continue;
      const key = `${className}.${member}`;
      const entry = MEMBER_SETS[key];
      if (compareVersions(a.version, "1.1") > 0) {
        if (!entry || entry[0] !== a.set || entry[1] !== a.version) wrong.push(`${key}: typings say ${a.set} ${a.version}, table has ${entry ? entry.join(" ") : "nothing"}`);
      } else if (entry) {
        wrong.push(`${key}: ExcelApi 1.1 needs no guard, table has ${entry.join(" ")}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test("set-only guards match the remarks that give a separate version for setting", () => {
    expect(annotation("Application", "calculationMode")?.raw).toContain("1.8 for set");
    expect(MEMBER_SETS["Application.calculationMode.set"]).toEqual(["ExcelApi", "1.8"]);
    expect(annotation("Worksheet", "visibility")?.raw).toContain("1.2 for setting");
    expect(MEMBER_SETS["Worksheet.visibility.set"]).toEqual(["ExcelApi", "1.2"]);
    expect(annotation("TableColumn", "name")?.raw).toContain("1.4 for setting");
    expect(MEMBER_SETS["TableColumn.name.set"]).toEqual(["ExcelApi", "1.4"]);
  });

  test("compareVersions orders 1.9 before 1.12 (numeric, not lexical)", () => {
    expect(compareVersions("1.9", "1.12")).toBe(-1);
    expect(compareVersions("1.12", "1.12")).toBe(0);
    expect(compareVersions("1.13", "1.12")).toBe(1);
  });
});
