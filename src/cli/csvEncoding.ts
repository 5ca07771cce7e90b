/**
 * The text encoding of a CSV file, decided by validity and never guessed silently wrong: a BOM decides; else strict
 * UTF-8, GB18030 (mainland Excel's "CSV") and Big5 (Excel in Taiwan, code page 950) are each tried on every line,
 * and the one that reads the most lines wins — UTF-8 first on a tie, then the one whose text holds recognised header
 * words, then the one whose characters lie most in its standard's common-use area (see commonShare). Lines whose
 * bytes the chosen encoding cannot read are reported (line, bytes), never decoded into wrong text; `--encoding`
 * names the encoding of the rare file this cannot decide.
 *
 * Decoding uses the WHATWG TextDecoder with fatal: true (Node 20's full ICU and every current browser know
 * gb18030 and big5), so a byte sequence outside the encoding is an error, not a replacement character.
 */
import { normKey } from "../book/text";
import { TABLE_KEYS, TABLES } from "../book/schema";
import { UsageError } from "./usage";

/** An encoding a file was read in: the WHATWG name TextDecoder reports (utf-8, gb18030, big5, utf-16le…). */
export type CsvEncoding = string;

/** A line whose bytes are not valid in the file's encoding. */
export interface BadLine {
  /** 1-based line, counted at every \r\n, \n or \r as parseCsvRecords counts them. */
  line: number;
  encoding: CsvEncoding;
  /** The first bytes that are not valid, in hex ("E9", "FF FE"). */
  bytes: string;
  /** The line as Windows-1252 (Latin-1) would read it, as a hint of what it says. */
  latin1: string;
}

export interface DecodedCsv {
  text: string;
  encoding: CsvEncoding;
  /** Lines the encoding cannot read: in `text` their bad bytes are U+FFFD; each must be reported, not imported. */
  badLines: BadLine[];
  /** The file had no BOM and no --encoding: the encoding was decided from its bytes. */
  detected: boolean;
}

const AUTO_CANDIDATES = ["utf-8", "gb18030", "big5"] as const;

/**
 * The smallest share of a legacy encoding's two-byte characters that must lie in its standard's common-use area
 * for the file to be read in it without --encoding. Real text scores near 1 (GB2312 alone covers about 99.75 % of
 * the characters of mainland text); Chinese text decoded in the other Chinese encoding scores 0.3–0.65 (measured
 * on the samples in tests/cli/csvEncoding.test.ts) and Latin-1 text read as either scores near 0.
 */
export const MIN_COMMON_SHARE = 0.5;

interface Line {
  start: number;
  /** End of the line's content (before its line ending). */
  end: number;
  /** End including the line ending. */
  next: number;
}

/** The byte lines of a file, split at \r\n, \n and lone \r (bytes that never occur inside a UTF-8, GB18030 or Big5 character). */
function splitLines(bytes: Uint8Array): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a || b === 0x0d) {
      const next = b === 0x0d && bytes[i + 1] === 0x0a ? i + 2 : i + 1;
      lines.push({ start, end: i, next });
      start = next;
      i = next - 1;
    }
  }
  if (start < bytes.length || lines.length === 0) lines.push({ start, end: bytes.length, next: bytes.length });
  return lines;
}

function hasHighBytes(bytes: Uint8Array): boolean {
  for (const b of bytes) if (b >= 0x80) return true;
  return false;
}

function decoder(encoding: string, fatal: boolean): TextDecoder {
  return new TextDecoder(encoding, { fatal, ignoreBOM: true });
}

/** The first byte offset in `bytes` from which a strict decode fails (found by halving; only called on bad lines). */
function firstBadOffset(bytes: Uint8Array, encoding: string): number {
  let lo = 0;
  let hi = bytes.length;
  // the longest prefix that decodes (stream: true tolerates a character cut at the end of the prefix)
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder(encoding, true).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  // the bad sequence starts at the last character boundary at or before that prefix's end
  for (let k = lo; k >= Math.max(0, lo - 4); k--) {
    try {
      decoder(encoding, true).decode(bytes.subarray(0, k));
      return k;
    } catch {
      /* inside a character: step back */
    }
  }
  return lo;
}

/** How an encoding is named in messages. */
function displayName(encoding: string): string {
  return ({ "utf-8": "UTF-8", gb18030: "GB18030", big5: "Big5", gbk: "GBK" } as Record<string, string>)[encoding] ?? encoding;
}

/** A line's Latin-1 reading as a short hint for the message. */
function hint(s: string): string {
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}

function hex(bytes: Uint8Array): string {
  return [...bytes].map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ");
}

/**
 * Share of a legacy encoding's multi-byte characters in its standard's common-use area, read from the bytes:
 * GB18030 — GB 2312 (lead A1–A9 symbols, B0–F7 hanzi; trail A1–FE), the 6,763 hanzi of everyday simplified text;
 * Big5 — symbols (lead A1–A3) and the 5,401 frequently used characters 常用字 (A440–C67E). Characters of the
 * extension areas (GBK's rare and traditional forms, GB18030's four-byte range, Big5's less-frequent area and
 * HKSCS) do not count. 1 when there is no multi-byte character.
 */
export function commonShare(bytes: Uint8Array, encoding: "gb18030" | "big5"): number {
  let multi = 0;
  let common = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const t = bytes[i + 1] ?? 0;
    multi++;
    if (encoding === "gb18030") {
      if (t >= 0x30 && t <= 0x39) {
        i += 3; // four-byte sequence
        continue;
      }
      if (((b >= 0xa1 && b <= 0xa9) || (b >= 0xb0 && b <= 0xf7)) && t >= 0xa1 && t <= 0xfe) common++;
    } else {
      const code = b * 256 + t;
      if ((b >= 0xa1 && b <= 0xa3) || (code >= 0xa440 && code <= 0xc67e)) common++;
    }
    i++;
  }
  return multi === 0 ? 1 : common / multi;
}

/** Header words of every table in all three languages, in their matching form. */
let headerWords: Set<string> | undefined;
function knownHeaders(): Set<string> {
  if (!headerWords) {
    headerWords = new Set();
    for (const key of TABLE_KEYS) for (const c of TABLES[key].columns) for (const h of Object.values(c.headers)) headerWords.add(normKey(h));
  }
  return headerWords;
}

/** How many non-ASCII cells of the first lines are header words of the book (strong evidence of the right encoding). */
function headerHits(text: string): number {
  let hits = 0;
  for (const line of text.split(/\r\n|\n|\r/).slice(0, 20)) {
    for (const cell of line.split(/[,\t;]/)) {
      const t = cell.replace(/^"|"$/g, "");
      if (/[^\u0020-\u007e]/.test(t) && knownHeaders().has(normKey(t))) hits++;
    }
  }
  return hits;
}

interface Reading {
  encoding: CsvEncoding;
  text: string;
  badLines: BadLine[];
}

/** The file read line by line in `encoding`: valid lines decoded, bad lines with U+FFFD and reported. */
function readIn(bytes: Uint8Array, lines: readonly Line[], encoding: string): Reading {
  const strict = decoder(encoding, true);
  const loose = decoder(encoding, false);
  const latin1 = decoder("windows-1252", false);
  const parts: string[] = [];
  const badLines: BadLine[] = [];
  lines.forEach((l, i) => {
    const content = bytes.subarray(l.start, l.end);
    const ending = bytes.subarray(l.end, l.next);
    let text: string;
    try {
      text = strict.decode(content);
    } catch {
      text = loose.decode(content);
      const at = firstBadOffset(content, encoding);
      badLines.push({ line: i + 1, encoding: displayName(encoding), bytes: hex(content.subarray(at, Math.min(content.length, at + 2))), latin1: hint(latin1.decode(content)) });
    }
    parts.push(text, ending.length === 2 ? "\r\n" : ending.length === 1 ? String.fromCharCode(ending[0]) : "");
  });
  return { encoding, text: parts.join(""), badLines };
}

/** The WHATWG name of an encoding label given with --encoding ("GBK" → gbk, "cp950" → big5…), or a UsageError. */
export function encodingOption(label: string): CsvEncoding {
  const l = label.trim().toLowerCase();
  const alias: Record<string, string> = { cp950: "big5", "big5-hkscs": "big5", cp936: "gbk", gb2312: "gbk", latin1: "windows-1252", "latin-1": "windows-1252", utf8: "utf-8" };
  try {
    return new TextDecoder(alias[l] ?? l).encoding;
  } catch {
    throw new UsageError(`--encoding: unknown encoding "${label}" (e.g. utf-8, gb18030, big5, utf-16le, windows-1252)`);
  }
}

/**
 * The file's text. A BOM decides (UTF-8, UTF-16 LE/BE); `encoding` (from --encoding) is used as given; otherwise
 * the encoding is decided from the bytes as the module comment says. Lines the chosen encoding cannot read are in
 * `badLines`; when no Chinese encoding is convincing (MIN_COMMON_SHARE, no header word), every line with a byte
 * above 0x7F is a bad line rather than a guess.
 */
export function decodeCsv(bytes: Uint8Array, encoding?: CsvEncoding): DecodedCsv {
  let body = bytes;
  let bom: string | undefined;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [bom, body] = ["utf-8", bytes.subarray(3)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [bom, body] = ["utf-16le", bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [bom, body] = ["utf-16be", bytes.subarray(2)];
  const chosen = encoding ?? bom;
  if (chosen === "utf-16le" || chosen === "utf-16be") {
    // two bytes a unit: lines cannot be split on bytes; a lone surrogate is the only invalid sequence
    try {
      return { text: decoder(chosen, true).decode(body), encoding: chosen, badLines: [], detected: false };
    } catch {
      throw new UsageError(`the file is not valid ${chosen.toUpperCase()} text (it holds a broken surrogate pair); save it again as UTF-8`);
    }
  }
  const lines = splitLines(body);
  if (chosen) return { ...readIn(body, lines, chosen), detected: false };

  const readings = AUTO_CANDIDATES.map((enc) => readIn(body, lines, enc));
  const utf8 = readings[0];
  if (utf8.badLines.length === 0) return { ...utf8, detected: true };
  const scored = readings.map((r, order) => ({
    r,
    order,
    hits: headerHits(r.text),
    share: r.encoding === "utf-8" ? 1 : commonShare(body, r.encoding as "gb18030" | "big5"),
  }));
  scored.sort((a, b) => a.r.badLines.length - b.r.badLines.length || (a.order === 0 ? -1 : b.order === 0 ? 1 : 0) || b.hits - a.hits || b.share - a.share);
  const best = scored[0];
  if (best.r.encoding === "utf-8" || best.hits > 0 || best.share >= MIN_COMMON_SHARE) return { ...best.r, detected: true };
  // No encoding is convincing: ASCII lines are read (the same in all three); every other line is reported.
  const badLines: BadLine[] = [];
  const latin1 = decoder("windows-1252", false);
  const parts: string[] = [];
  lines.forEach((l, i) => {
    const content = body.subarray(l.start, l.end);
    if (hasHighBytes(content)) {
      const at = content.findIndex((b) => b >= 0x80);
      badLines.push({ line: i + 1, encoding: "UTF-8, GB18030 or Big5", bytes: hex(content.subarray(at, Math.min(content.length, at + 2))), latin1: hint(latin1.decode(content)) });
    }
    parts.push(decoder("utf-8", false).decode(content), latin1.decode(body.subarray(l.end, l.next)));
  });
  return { text: parts.join(""), encoding: "utf-8", badLines, detected: true };
}
