/**
 * The fake host cannot read .xlsx, so insertWorksheetsFromBase64 asks a decoder (host.setXlsxDecoder). This one
 * serves the files it was given — decoded ahead of time, in Node — and refuses any other bytes, so a test proves
 * the exact file reached Excel. Used by the Node tests and by the browser stand-in.
 */
import type { SheetSeed, XlsxDecoder } from "../core/state";

/** A decoder that knows exactly these files (base64 → sheets). */
export function knownFilesDecoder(files: ReadonlyMap<string, SheetSeed[]> | Readonly<Record<string, SheetSeed[]>>): XlsxDecoder {
  const known = files instanceof Map ? files : new Map(Object.entries(files));
  return (base64) => {
    const seeds = known.get(base64);
    if (!seeds) throw new Error("the fake host was asked to insert an .xlsx it was not given (not the built template)");
    return seeds;
  };
}
