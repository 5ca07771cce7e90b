/**
 * Command-line parsing with node:util parseArgs (strict), and the checks of option values. Every problem is a
 * UsageError with one line that says what is wrong and where to look.
 */
import { parseArgs } from "node:util";
import { isIsoDate } from "../domain/dates";
import { LANGS } from "../domain/types";
import type { Lang } from "../domain/types";
import { MAX_CLIENTS } from "../sample";
import { UsageError } from "./usage";
import type { CommandName } from "./usage";

type OptionDef = { type: "string" | "boolean"; short?: string };
export type OptionDefs = Record<string, OptionDef>;

export const OPTIONS: Record<CommandName, OptionDefs> = {
  demo: { out: { type: "string" }, lang: { type: "string" }, clients: { type: "string" }, "as-of": { type: "string" }, month: { type: "string" } },
  template: { out: { type: "string" }, lang: { type: "string" } },
  import: {
    family: { type: "string" }, holdings: { type: "string" }, policies: { type: "string" }, contacts: { type: "string" }, rates: { type: "string" },
    out: { type: "string" }, lang: { type: "string" }, encoding: { type: "string" },
  },
  build: { out: { type: "string" }, "as-of": { type: "string" }, tier: { type: "string" }, clients: { type: "string" }, month: { type: "string" } },
  review: { client: { type: "string" }, out: { type: "string" }, "client-facing": { type: "boolean" } },
  calendar: { out: { type: "string" }, "as-of": { type: "string" }, months: { type: "string" }, "client-facing-style": { type: "boolean" } },
};

/** How many positional arguments each command takes. */
const POSITIONALS: Record<CommandName, { count: number; name?: string }> = {
  demo: { count: 0 },
  template: { count: 0 },
  import: { count: 1, name: "CLIENTS.csv" },
  build: { count: 1, name: "BOOK.xlsx" },
  review: { count: 1, name: "BOOK.xlsx" },
  calendar: { count: 1, name: "BOOK.xlsx" },
};

export interface ParsedArgs {
  help: boolean;
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

const seeHelp = (command: CommandName) => `(see clientbook ${command} --help)`;

/** The option name in one of parseArgs' error messages ("Unknown option '--x'", "Option '--out <value>' argument missing"). */
function optionIn(message: string): string | undefined {
  return /'(-{1,2}[^' ]+)/.exec(message)?.[1];
}

export function parseCommandArgs(command: CommandName, argv: readonly string[]): ParsedArgs {
  const options = { ...OPTIONS[command], help: { type: "boolean" as const, short: "h" } };
  let parsed: { values: Record<string, string | boolean | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true }) as typeof parsed;
  } catch (e) {
    const err = e as Error & { code?: string };
    const opt = optionIn(err.message);
    switch (err.code) {
      case "ERR_PARSE_ARGS_UNKNOWN_OPTION":
        throw new UsageError(`unknown option ${opt ?? ""} for "clientbook ${command}" ${seeHelp(command)}`.replace("  ", " "));
      case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE":
        throw new UsageError(
          opt && options[opt.replace(/^-+/, "") as keyof typeof options]?.type === "boolean"
            ? `option ${opt} takes no value ${seeHelp(command)}`
            : `option ${opt ?? ""} needs a value ${seeHelp(command)}`,
        );
      default:
        throw new UsageError(`${err.message.split("\n")[0]} ${seeHelp(command)}`);
    }
  }
  const help = parsed.values.help === true;
  const pos = POSITIONALS[command];
  if (!help) {
    if (parsed.positionals.length > pos.count) {
      throw new UsageError(`unexpected argument "${parsed.positionals[pos.count]}" for "clientbook ${command}" ${seeHelp(command)}`);
    }
    if (parsed.positionals.length < pos.count) throw new UsageError(`"clientbook ${command}" needs ${pos.name} ${seeHelp(command)}`);
  }
  return { help, values: parsed.values, positionals: parsed.positionals };
}

export function requireString(values: ParsedArgs["values"], name: string, command: CommandName): string {
  const v = values[name];
  if (typeof v !== "string" || v === "") throw new UsageError(`"clientbook ${command}" needs --${name} ${seeHelp(command)}`);
  return v;
}

export function optionalString(values: ParsedArgs["values"], name: string): string | undefined {
  const v = values[name];
  if (v === "") throw new UsageError(`option --${name} needs a value`);
  return typeof v === "string" ? v : undefined;
}

export function parseLang(value: string | undefined): Lang | undefined {
  if (value === undefined) return undefined;
  const lang = LANGS.find((l) => l.toLowerCase() === value.trim().toLowerCase());
  if (!lang) throw new UsageError(`--lang must be one of ${LANGS.join(", ")}, not "${value}"`);
  return lang;
}

export function parseDate(value: string | undefined, option = "--as-of"): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${option} must be a calendar date written YYYY-MM-DD, not "${value}"`);
  if (value < "2000-01-01" || value > "2199-12-31") throw new UsageError(`${option} must be between 2000-01-01 and 2199-12-31, not ${value}`);
  return value;
}

/** --month YYYY-MM: the one contact calendar to build (default two: the last full month and the as-of month). */
export function parseMonthOption(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})$/.exec(value.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) throw new UsageError(`--month must be a month written YYYY-MM, not "${value}"`);
  if (value.trim() < "2000-01" || value.trim() > "2199-12") throw new UsageError(`--month must be between 2000-01 and 2199-12, not ${value.trim()}`);
  return value.trim();
}

export function parseClients(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\+?\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`--clients must be a positive whole number, not "${value}"`);
  if (n > MAX_CLIENTS) throw new UsageError(`--clients must be at most ${MAX_CLIENTS}, not ${n}`);
  return n;
}
