/**
 * Entry point of the `clientbook` command (bin/clientbook.js loads it through tsx). Anything not foreseen — a bug,
 * a disk full — ends with a one-line message and exit status 3, not a stack trace (set CLIENTBOOK_DEBUG=1 for it).
 */
import { runCli } from "./run";

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    const err = e instanceof Error ? e : new Error(String(e));
    process.stderr.write(`clientbook: ${err.message.split("\n")[0]}\n`);
    if (process.env.CLIENTBOOK_DEBUG) process.stderr.write(`${err.stack ?? ""}\n`);
    process.exitCode = 3;
  },
);
