/** Looking inside written .xlsx files: parts as text, and an excelize reader for cell-level checks. */
import { entryText, readZip } from "../../src/xlsx/zip";
import { relationships, sheetPartPaths } from "../../src/xlsx/parts";

export async function partText(bytes: Uint8Array, name: string): Promise<string> {
  const e = readZip(bytes).find((x) => x.name === name);
  if (!e) throw new Error(`no part ${name} in the file`);
  return entryText(e);
}

export function partNames(bytes: Uint8Array): string[] {
  return readZip(bytes).map((e) => e.name);
}

export async function sheetXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const path = (await sheetPartPaths(readZip(bytes))).get(sheet);
  if (!path) throw new Error(`no sheet ${sheet}`);
  return partText(bytes, path);
}

/** The XML of one <c> element by reference. */
export function cellXml(xml: string, ref: string): string | undefined {
  return new RegExp(`<c r="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];
}

/** Chart parts' XML, in part-name order. */
export async function chartXmls(bytes: Uint8Array): Promise<string[]> {
  const num = (n: string) => Number(/(\d+)\.xml$/.exec(n)![1]);
  const names = partNames(bytes).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n)).sort((a, b) => num(a) - num(b));
  return Promise.all(names.map((n) => partText(bytes, n)));
}

/** The drawing part (charts' anchors) of a sheet. */
export async function sheetDrawingXml(bytes: Uint8Array, sheet: string): Promise<string> {
  const entries = readZip(bytes);
  const path = (await sheetPartPaths(entries)).get(sheet)!;
  const rel = [...(await relationships(entries, path)).values()].find((r) => r.type.endsWith("/drawing"));
  if (!rel) throw new Error(`sheet ${sheet} has no drawing`);
  return partText(bytes, rel.target);
}
