/**
 * LibreOffice as a third party: open our files headless, recalculate, convert (xlsx, pdf, csv, png).
 *
 * Every call runs soffice with a fresh user profile of its own (so runs never share state or lock each other)
 * whose settings make Calc recalculate every formula when it loads an Excel file
 * (org.openoffice.Office.Calc/Formula/Load/OOXMLRecalcMode = 0, "always"; the default is "never", which would
 * just trust the cached results we wrote). A call that hangs is killed after its timeout.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type TargetFormat = "pdf" | "xlsx" | "csv" | "png";

/** soffice's export filter per target. csv: comma, double quote, UTF-8 (76), first line normal. */
const FILTERS: Record<TargetFormat, string> = {
  pdf: "pdf:calc_pdf_Export",
  xlsx: "xlsx:Calc MS Excel 2007 XML",
  csv: "csv:Text - txt - csv (StarCalc):44,34,76,1",
  png: "png:calc_png_Export",
};

const CANDIDATES = [
  "/usr/bin/soffice",
  "/usr/bin/libreoffice",
  "/usr/lib/libreoffice/program/soffice",
  "/opt/libreoffice/program/soffice",
  "/Applications/LibreOffice.app/Contents/MacOS/soffice",
];

function onPath(name: string): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const p = path.join(dir, name);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** The LibreOffice binary (soffice or libreoffice on PATH, then the usual install places), or undefined. */
export function findSoffice(): string | undefined {
  return onPath("soffice") ?? onPath("libreoffice") ?? CANDIDATES.find((p) => existsSync(p));
}

/** pdftoppm (poppler-utils), or undefined. */
export function findPdftoppm(): string | undefined {
  return onPath("pdftoppm") ?? ["/usr/bin/pdftoppm", "/opt/homebrew/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((p) => existsSync(p));
}

/**
 * The gate of an interop test that renders with LibreOffice and pdftoppm: where either is missing it is skipped with
 * a warning, except in CI (CI=true), where a test of its own fails so the run cannot pass without them.
 */
export function renderGate(what: string): { describeLO: jest.Describe; pdftoppm: string | undefined } {
  const soffice = findSoffice();
  const pdftoppm = findPdftoppm();
  const required = process.env.CI === "true";
  if ((!soffice || !pdftoppm) && !required) {
    console.warn(`SKIPPED the ${what} interop test: soffice or pdftoppm was not found (Debian: apt-get install libreoffice-calc-nogui fonts-noto-cjk poppler-utils).`);
  }
  test(`LibreOffice is there when the ${what} interop test is required (CI)`, () => {
    if (required) expect(soffice && pdftoppm).toBeTruthy();
  });
  return { describeLO: soffice && pdftoppm ? describe : describe.skip, pdftoppm };
}

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh profile directory with "recalculate always on load"; the caller removes it. */
function freshProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "clientbook-lo-"));
  mkdirSync(path.join(dir, "user"), { recursive: true });
  writeFileSync(path.join(dir, "user", "registrymodifications.xcu"), RECALC_ALWAYS);
  return dir;
}

export interface ConvertOptions {
  /** Kill soffice after this long; default 120 s. */
  timeoutMs?: number;
}

export class LibreOfficeError extends Error {
  constructor(message: string, readonly output: string) {
    super(`${message}\n${output}`.trim());
    this.name = "LibreOfficeError";
  }
}

/**
 * Converts `file` with LibreOffice headless into `outDir` and returns the written file's path
 * (same base name, new extension). xlsx output is recalculated (see the module comment).
 */
export async function convert(file: string, to: TargetFormat, outDir: string, opts: ConvertOptions = {}): Promise<string> {
  const soffice = findSoffice();
  if (!soffice) throw new LibreOfficeError("LibreOffice (soffice) is not installed", "");
  if (!existsSync(file)) throw new LibreOfficeError(`no such file: ${file}`, "");
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile();
  const expected = path.join(outDir, `${path.parse(file).name}.${to}`);
  rmSync(expected, { force: true });
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--invisible",
    "--nologo",
    "--nodefault",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    FILTERS[to],
    "--outdir",
    outDir,
    file,
  ];
  const timeoutMs = opts.timeoutMs ?? 120_000;
  try {
    const { code, output, timedOut } = await new Promise<{ code: number | null; output: string; timedOut: boolean }>((resolve, reject) => {
      // own process group, so a hung soffice and the soffice.bin it starts can be killed together
      const child = spawn(soffice, args, { detached: true, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, HOME: profile } });
      let output = "";
      child.stdout.on("data", (d: Buffer) => (output += d.toString()));
      child.stderr.on("data", (d: Buffer) => (output += d.toString()));
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid) process.kill(-child.pid, "SIGKILL");
        } catch {
          // already gone
        }
      }, timeoutMs);
      child.on("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, output, timedOut });
      });
    });
    if (timedOut) throw new LibreOfficeError(`LibreOffice did not finish converting ${file} to ${to} within ${timeoutMs} ms`, output);
    if (code !== 0 || !existsSync(expected)) throw new LibreOfficeError(`LibreOffice failed to convert ${file} to ${to} (exit ${code})`, output);
    return expected;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * Opens `file` in LibreOffice, recalculates every formula and saves it as .xlsx in `outDir` (default: a new
 * temporary folder); returns that path.
 */
export async function recalcToXlsx(file: string, outDir?: string, opts: ConvertOptions = {}): Promise<string> {
  const src = path.resolve(file);
  const dir = outDir ?? mkdtempSync(path.join(tmpdir(), "clientbook-recalc-"));
  // the output has the input's name: writing it into the input's own folder would overwrite the input
  if (path.resolve(dir) === path.dirname(src)) throw new LibreOfficeError("recalcToXlsx needs an outDir other than the file's own folder", "");
  return convert(src, "xlsx", dir, opts);
}

/**
 * One page of a PDF as PNG with pdftoppm (poppler-utils); returns the PNG's path. `outFile` is the PNG path
 * wanted (".png" included).
 */
export function pdfPageToPng(pdf: string, outFile: string, page = 1, dpi = 110): string {
  const pdftoppm = findPdftoppm();
  if (!pdftoppm) throw new LibreOfficeError("pdftoppm (poppler-utils) is not installed", "");
  mkdirSync(path.dirname(outFile), { recursive: true });
  const prefix = outFile.replace(/\.png$/i, "");
  const r = spawnSync(pdftoppm, ["-png", "-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf, prefix], { encoding: "utf8", timeout: 60_000 });
  if (r.status !== 0 || !existsSync(`${prefix}.png`)) throw new LibreOfficeError(`pdftoppm failed on ${pdf}`, `${r.stdout ?? ""}${r.stderr ?? ""}`);
  return `${prefix}.png`;
}

/** Number of pages of a PDF (counted from its page objects; good enough for files LibreOffice writes). */
export function pdfPageCount(pdfBytes: Uint8Array): number {
  const text = Buffer.from(pdfBytes).toString("latin1");
  return (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Files in a folder, for error messages. */
export function listDir(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

/** The text of each page of a PDF (pdftotext -layout, pages split at form feeds). */
export function pdfPagesText(pdf: string): string[] {
  const r = spawnSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout.split("\f").slice(0, -1);
}
