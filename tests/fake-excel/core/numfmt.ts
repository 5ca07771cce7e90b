/**
 * Range.text: the display string of a value under its number format, for the formats an add-in writes
 * (General, 0, 0.00, #,##0, #,##0.00, percentages, currency literals, dates, @, sections with ;).
 * Format-code rules: "Number format codes", https://support.microsoft.com/office/5026bbd6-04bc-48cd-bf33-80f18b4eae68
 * The text does not depend on column width (Range.text remark in @types/office-js), so there is no "####".
 * Not modelled: fractions (# ?/?), [conditions], [DBNum] and other locale codes — they print as General.
 */
import type { CellValue } from "./model";

const EPOCH_1899_12_30 = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;

/** Excel 1900 date system serial for a calendar date (serial 60 is the fictitious 1900-02-29). */
export function dateToSerial(y: number, m: number, d: number): number {
  const days = (Date.UTC(y, m - 1, d) - EPOCH_1899_12_30) / DAY_MS;
  return days < 61 ? days - 1 : days;
}

export function serialToParts(serial: number): { y: number; m: number; d: number; H: number; M: number; S: number; wd: number } {
  const whole = Math.floor(serial);
  let secs = Math.round((serial - whole) * 86400);
  let dayNumber = whole;
  if (secs >= 86400) {
    secs -= 86400;
    dayNumber += 1;
  }
  const H = Math.floor(secs / 3600);
  const M = Math.floor((secs % 3600) / 60);
  const S = secs % 60;
  if (dayNumber === 60) return { y: 1900, m: 2, d: 29, H, M, S, wd: 3 };
  const days = dayNumber < 60 ? dayNumber + 1 : dayNumber;
  const date = new Date(EPOCH_1899_12_30 + days * DAY_MS);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate(), H, M, S, wd: date.getUTCDay() };
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** Excel's General format: integers as written, others to about ten significant digits. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return "#NUM!";
  if (Number.isInteger(v) && Math.abs(v) < 1e11) return String(v);
  const abs = Math.abs(v);
  if (abs !== 0 && (abs >= 1e11 || abs < 1e-9)) {
    const [mant, exp] = v.toExponential(5).split("e");
    const m = mant.replace(/\.?0+$/, "");
    const e = Number(exp);
    return `${m}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const digitsBeforePoint = abs >= 1 ? Math.floor(Math.log10(abs)) + 1 : 1;
  const decimals = Math.max(0, 10 - digitsBeforePoint);
  return String(Number(v.toFixed(decimals)));
}

/** Splits a format code into sections on ";" outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch === "\\" && !quoted) {
      cur += ch + (code[i + 1] ?? "");
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (ch === "[" && !quoted) bracket = true;
    else if (ch === "]" && !quoted) bracket = false;
    if (ch === ";" && !quoted && !bracket) {
      out.push(cur);
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

type Token = { lit: string } | { code: string };

/** Turns a section into literal runs and code characters; [$¥-804] becomes the literal ¥, [Red] is dropped. */
function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const ch = section[i];
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ lit: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === "\\") {
      out.push({ lit: section[i + 1] ?? "" });
      i++;
    } else if (ch === "_") {
      out.push({ lit: " " });
      i++;
    } else if (ch === "*") {
      i++;
    } else if (ch === "[") {
      const end = section.indexOf("]", i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      if (inner.startsWith("$")) out.push({ lit: inner.slice(1).split("-")[0] });
      i = end < 0 ? section.length : end;
    } else if ("0#?.,%Ee+-".includes(ch) || /[ymdhsAP/:]/i.test(ch)) {
      out.push({ code: ch });
    } else {
      out.push({ lit: ch });
    }
  }
  return out;
}

function isDateSection(tokens: Token[]): boolean {
  return tokens.some((t) => "code" in t && /[ydhs]/i.test(t.code)) || tokens.some((t) => "code" in t && /m/i.test(t.code) && !tokens.some((u) => "code" in u && /[0#?]/.test(u.code)));
}

function formatDate(serial: number, tokens: Token[]): string {
  const p = serialToParts(serial);
  const codes = tokens.map((t) => ("code" in t ? t.code : null));
  const hasAmPm = tokens.some((t, i) => "code" in t && /a/i.test(t.code) && /m/i.test(codes[i + 1] ?? "") && codes[i + 2] === "/");
  let out = "";
  let i = 0;
  let lastWasHour = false;
  while (i < tokens.length) {
    const t = tokens[i];
    if ("lit" in t) {
      out += t.lit;
      i++;
      continue;
    }
    const ch = t.code.toLowerCase();
    let run = 1;
    while (i + run < tokens.length && "code" in tokens[i + run] && (tokens[i + run] as { code: string }).code.toLowerCase() === ch) run++;
    if (ch === "a" && codes.slice(i, i + 5).join("").toUpperCase() === "AM/PM") {
      out += p.H < 12 ? "AM" : "PM";
      i += 5;
      continue;
    }
    switch (ch) {
      case "y":
        out += run <= 2 ? String(p.y % 100).padStart(2, "0") : String(p.y);
        break;
      case "m": {
        const rest = codes.slice(i + run).find((c) => c && /[a-z]/i.test(c));
        const minutes = lastWasHour || (rest !== undefined && rest !== null && rest.toLowerCase() === "s");
        if (minutes) out += run >= 2 ? String(p.M).padStart(2, "0") : String(p.M);
        else if (run >= 4) out += MONTHS[p.m - 1];
        else if (run === 3) out += MONTHS[p.m - 1].slice(0, 3);
        else out += run === 2 ? String(p.m).padStart(2, "0") : String(p.m);
        break;
      }
      case "d":
        if (run >= 4) out += DAYS[p.wd];
        else if (run === 3) out += DAYS[p.wd].slice(0, 3);
        else out += run === 2 ? String(p.d).padStart(2, "0") : String(p.d);
        break;
      case "h": {
        const h = hasAmPm ? ((p.H + 11) % 12) + 1 : p.H;
        out += run >= 2 ? String(h).padStart(2, "0") : String(h);
        break;
      }
      case "s":
        out += run >= 2 ? String(p.S).padStart(2, "0") : String(p.S);
        break;
      default:
        out += t.code.repeat(run);
    }
    lastWasHour = ch === "h";
    if (ch !== "h" && ch !== "m" && /[a-z]/.test(ch)) lastWasHour = false;
    i += run;
  }
  return out;
}

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function formatNumberSection(value: number, tokens: Token[], withMinus: boolean): string {
  const sciAt = tokens.findIndex((t) => "code" in t && /e/i.test(t.code));
  const mantissa = sciAt >= 0 ? tokens.slice(0, sciAt) : tokens;
  const codeIdx = mantissa.map((t, i) => ("code" in t && /[0#?.,]/.test(t.code) ? i : -1)).filter((i) => i >= 0);
  const percent = tokens.filter((t) => "code" in t && t.code === "%").length;
  const literal = (t: Token) => ("lit" in t ? t.lit : /[0#?.,]/.test(t.code) ? "" : t.code);
  let v = Math.abs(value) * Math.pow(100, percent);
  if (codeIdx.length === 0) return (withMinus && value < 0 ? "-" : "") + tokens.map(literal).join("");
  const first = codeIdx[0];
  const last = codeIdx[codeIdx.length - 1];
  const core = mantissa.slice(first, last + 1).map((t) => ("code" in t ? t.code : "")).join("");
  const point = core.indexOf(".");
  const intPattern = point < 0 ? core : core.slice(0, point);
  const fracPattern = point < 0 ? "" : core.slice(point + 1).replace(/,/g, "");
  let trailingCommas = 0;
  for (let i = intPattern.length - 1; i >= 0 && intPattern[i] === ","; i--) trailingCommas++;
  v = v / Math.pow(1000, trailingCommas);
  const grouping = intPattern.slice(0, intPattern.length - trailingCommas).includes(",");
  const minInt = (intPattern.match(/0/g) ?? []).length;
  const minFrac = (fracPattern.match(/0/g) ?? []).length;
  const maxFrac = (fracPattern.match(/[0#?]/g) ?? []).length;
  let body: string;
  let suffixTokens = tokens.slice(last + 1);
  if (sciAt >= 0) {
    const [mant, exp] = v.toExponential(maxFrac).split("e");
    const e = Number(exp);
    const expDigits = tokens.slice(sciAt + 1).filter((t) => "code" in t && /[0#]/.test(t.code)).length || 2;
    body = `${mant}E${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(expDigits, "0")}`;
    suffixTokens = tokens.slice(sciAt + 1).filter((t) => !("code" in t && /[0#+-]/.test(t.code)));
  } else {
    let [intDigits, frac = ""] = v.toFixed(maxFrac).split(".");
    while (frac.length > minFrac && frac.endsWith("0")) frac = frac.slice(0, -1);
    if (intDigits === "0" && minInt === 0) intDigits = "";
    intDigits = intDigits.padStart(minInt, "0");
    if (grouping) intDigits = groupThousands(intDigits);
    body = frac.length > 0 ? `${intDigits}.${frac}` : intDigits;
  }
  const prefix = tokens.slice(0, first).map(literal).join("");
  const suffix = suffixTokens.map(literal).join("");
  const negative = withMinus && value < 0 && /[1-9]/.test(body);
  return (negative ? "-" : "") + prefix + body + suffix;
}

/** Display text of a value under a number format code. */
export function formatValue(v: CellValue | undefined, numberFormat: string | undefined): string {
  if (v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const code = numberFormat ?? "General";
  const parts = sections(code);
  if (typeof v === "string") {
    const textSection = parts.length >= 4 ? parts[3] : parts.find((p) => p.includes("@"));
    if (!textSection) return v;
    return tokenize(textSection)
      .map((t) => ("lit" in t ? t.lit : t.code))
      .join("")
      .replace("@", v);
  }
  let section = parts[0];
  let withMinus = true;
  if (v < 0 && parts.length >= 2 && parts[1] !== "") {
    section = parts[1];
    withMinus = false;
  } else if (v === 0 && parts.length >= 3 && parts[2] !== "") {
    section = parts[2];
  }
  if (/^\s*general\s*$/i.test(section) || section.trim() === "@" || section.trim() === "") {
    return withMinus ? formatGeneral(v) : formatGeneral(Math.abs(v));
  }
  const tokens = tokenize(section);
  if (isDateSection(tokens)) return v < 0 ? "#".repeat(11) : formatDate(v, tokens);
  return formatNumberSection(v, tokens, withMinus);
}
