/**
 * The shell of the clientbook command: argv → a command's options, input files read, the command run, its files
 * written, messages printed. All work is in ./commands (pure functions of options and bytes); all I/O is here,
 * behind CliIo so tests can run the whole command line in memory.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { todayIso } from "../domain/dates";
import { SAMPLE_CLIENTS } from "../sample";
import { optionalString, parseClients, parseCommandArgs, parseDate, parseLang, parseMonthOption, requireString } from "./args";
import { buildCommand } from "./commands/build";
import { parseClientList, parseTier } from "./reviewSelection";
import { demoCommand } from "./commands/demo";
import { CSV_TABLES, importCommand } from "./commands/import";
import { encodingOption } from "./csvEncoding";
import type { CsvTableKey } from "./commands/import";
import { reviewCommand } from "./commands/review";
import { calendarCommand } from "./commands/calendar";
import { templateCommand } from "./commands/template";
import type { CommandResult, InputFile, OutputSink } from "./commands/types";
import { fileSink } from "./fileSink";
import { progressLine } from "./progress";
import { heapGuard } from "./heapGuard";
import type { Progress } from "./output";
import { COMMANDS, HELP, MAIN_HELP, UsageError } from "./usage";
import type { CommandName } from "./usage";

interface OutStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface CliIo {
  stdout: OutStream;
  stderr: OutStream;
  readFile(file: string): Uint8Array;
  writeFile(file: string, bytes: Uint8Array): void;
  /** A file written as it is made (see OutputSink); optional, commands then return the bytes. */
  openOutput?(file: string): OutputSink;
  /** Today, for --as-of defaults. */
  today(): string;
  now(): number;
}

export const nodeIo: CliIo = {
  stdout: process.stdout,
  stderr: process.stderr,
  readFile: (file) => {
    let st;
    try {
      st = statSync(file);
    } catch {
      throw new UsageError(`no such file: ${file}`);
    }
    if (!st.isFile()) throw new UsageError(`not a file: ${file}`);
    return new Uint8Array(readFileSync(file));
  },
  writeFile: (file, bytes) => {
    mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeFileSync(file, bytes);
  },
  openOutput: (file) => fileSink(file),
  today: () => todayIso(),
  now: () => Date.now(),
};

const DEFAULT_OUT = { demo: "out/clientbook-demo.xlsx", template: "out/clientbook-template.xlsx" } as const;

function input(io: CliIo, file: string): InputFile {
  return { name: file, bytes: io.readFile(file) };
}

/** An output path that would overwrite one of the inputs is refused (a build must never replace the book it reads). */
function checkOut(out: string, inputs: readonly string[], template = false): void {
  const o = path.resolve(out);
  for (const i of inputs) if (path.resolve(i) === o) throw new UsageError(`--out ${out} is also an input file; write the result elsewhere`);
  if (template ? !/\.xl[st]x$/i.test(out) : !/\.xlsx$/i.test(out)) throw new UsageError(`--out must name an ${template ? ".xlsx or .xltx" : ".xlsx"} file, not "${out}"`);
}

async function runCommand(command: CommandName, argv: readonly string[], io: CliIo): Promise<CommandResult | "help"> {
  const args = parseCommandArgs(command, argv);
  if (args.help) return "help";
  const v = args.values;
  const progress = progressLine(io.stderr, io.now);
  // the progress callback also keeps memory in check between sheets (./heapGuard.ts), for the real CLI only
  const guard = io.openOutput ? heapGuard() : undefined;
  const onProgress: Progress | undefined = guard || progress ? (done, total, what) => (guard?.(), progress?.update(done, total, what)) : undefined;
  // … and between the pieces of a long sheet (a 5,000-client coverage sheet is ~25,000 rows), through the sink
  const open = (file: string): OutputSink => {
    const sink = io.openOutput!(file);
    return guard ? { write: (chunk) => sink.write(chunk), between: guard, commit: () => sink.commit(), abort: () => sink.abort() } : sink;
  };
  const ctx = { onProgress, now: io.now, ...(io.openOutput ? { openOutput: open } : {}) };
  try {
    switch (command) {
      case "demo": {
        const out = optionalString(v, "out") ?? DEFAULT_OUT.demo;
        checkOut(out, []);
        const lang = parseLang(optionalString(v, "lang")) ?? "zh-CN";
        const clients = parseClients(optionalString(v, "clients")) ?? SAMPLE_CLIENTS;
        const asOf = parseDate(optionalString(v, "as-of")) ?? io.today();
        const month = parseMonthOption(optionalString(v, "month"));
        return await demoCommand({ out, lang, clients, asOf, ...(month ? { month } : {}) }, ctx);
      }
      case "template": {
        const out = optionalString(v, "out") ?? DEFAULT_OUT.template;
        checkOut(out, [], true);
        const lang = parseLang(optionalString(v, "lang")) ?? "zh-CN";
        return await templateCommand({ out, lang });
      }
      case "import": {
        const out = requireString(v, "out", command);
        const lang = parseLang(optionalString(v, "lang"));
        const names: Partial<Record<CsvTableKey, string>> = { clients: args.positionals[0] };
        for (const key of CSV_TABLES) if (key !== "clients") names[key] = optionalString(v, key);
        checkOut(out, Object.values(names).filter((n): n is string => n !== undefined));
        const files = { clients: input(io, names.clients!) } as { clients: InputFile } & Partial<Record<CsvTableKey, InputFile>>;
        for (const key of CSV_TABLES) if (key !== "clients" && names[key] !== undefined) files[key] = input(io, names[key]!);
        const enc = optionalString(v, "encoding");
        return await importCommand({ files, out, lang, asOf: io.today(), ...(enc !== undefined ? { encoding: encodingOption(enc) } : {}) }, ctx);
      }
      case "build": {
        const out = requireString(v, "out", command);
        const asOf = parseDate(optionalString(v, "as-of")) ?? io.today();
        const tier = parseTier(optionalString(v, "tier"));
        const clients = parseClientList(optionalString(v, "clients"));
        const month = parseMonthOption(optionalString(v, "month"));
        checkOut(out, [args.positionals[0]]);
        return await buildCommand({ book: input(io, args.positionals[0]), out, asOf, ...(tier ? { tier } : {}), ...(clients ? { clients } : {}), ...(month ? { month } : {}) }, ctx);
      }
      case "review": {
        const clientId = requireString(v, "client", command);
        const out = requireString(v, "out", command);
        checkOut(out, [args.positionals[0]]);
        return await reviewCommand({ book: input(io, args.positionals[0]), clientId, out, clientFacing: v["client-facing"] === true, asOf: io.today() }, ctx);
      }
      case "calendar": {
        const out = requireString(v, "out", command);
        const asOf = parseDate(optionalString(v, "as-of")) ?? io.today();
        const monthsText = optionalString(v, "months") ?? "3";
        const months = /^\d+$/.test(monthsText) ? Number(monthsText) : NaN;
        if (!(months >= 1 && months <= 24)) throw new UsageError(`--months must be a whole number of months 1–24, not "${monthsText}"`);
        if (!/\.ics$/i.test(out)) throw new UsageError(`--out must name an .ics file, not "${out}"`);
        if (path.resolve(out) === path.resolve(args.positionals[0])) throw new UsageError(`--out ${out} is also an input file; write the result elsewhere`);
        return await calendarCommand({ book: input(io, args.positionals[0]), out, asOf, months, clientFacingStyle: v["client-facing-style"] === true }, ctx);
      }
      default:
        throw new UsageError(`unknown command "${String(command)}"`);
    }
  } finally {
    progress?.done();
  }
}

/** Runs the command line `argv` (without node and the script) and returns the exit status. */
export async function runCli(argv: readonly string[], io: CliIo = nodeIo): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.stderr.write(MAIN_HELP);
    return 2;
  }
  if (first === "--help" || first === "-h" || first === "help") {
    const topic = first === "help" ? rest[0] : undefined;
    if (topic !== undefined && !(COMMANDS as readonly string[]).includes(topic)) {
      io.stderr.write(`clientbook: unknown command "${topic}"; commands: ${COMMANDS.join(", ")}\n`);
      return 2;
    }
    io.stdout.write(topic ? HELP[topic as CommandName] : MAIN_HELP);
    return 0;
  }
  if (!(COMMANDS as readonly string[]).includes(first)) {
    io.stderr.write(`clientbook: unknown command "${first}"; commands: ${COMMANDS.join(", ")} (see clientbook --help)\n`);
    return 2;
  }
  const command = first as CommandName;
  let result: CommandResult | "help";
  try {
    result = await runCommand(command, rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr.write(`clientbook ${command}: ${e.message.replace(/\s*\n\s*/g, " ")}\n`);
      return 2;
    }
    throw e;
  }
  if (result === "help") {
    io.stdout.write(HELP[command]);
    return 0;
  }
  for (const line of result.errors) io.stderr.write(`${line.replace(/\r?\n/g, " ")}\n`);
  for (const line of result.warnings ?? []) io.stderr.write(`warning: ${line.replace(/\r?\n/g, " ")}\n`);
  for (const f of result.files) {
    if (!f.written) io.writeFile(f.path, f.bytes);
    io.stdout.write(`wrote ${f.path}\n`);
  }
  io.stdout.write(`${result.summary}\n`);
  return result.exitCode;
}
