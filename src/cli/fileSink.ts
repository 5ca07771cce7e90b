/**
 * An output file written as it is made (src/cli/commands/types.ts OutputSink): chunks go to a temporary file in the
 * same folder ("NAME.xlsx.<pid>.part"), renamed over NAME.xlsx when all is written — a rename within one folder
 * replaces the file in one step (POSIX rename(2); Windows MoveFileEx with MOVEFILE_REPLACE_EXISTING, as Node's
 * fs.renameSync uses) — and deleted when the command fails, so neither half a workbook nor a lost older one is left.
 */
import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import path from "node:path";
import type { OutputSink } from "./commands/types";

export function fileSink(file: string): OutputSink {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const temp = `${file}.${process.pid}.part`;
  let fd: number | undefined = openSync(temp, "w");
  const close = () => {
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
  };
  return {
    write(chunk) {
      if (fd === undefined) throw new Error(`${file}: already closed`);
      let done = 0;
      while (done < chunk.length) done += writeSync(fd, chunk, done, chunk.length - done);
    },
    commit() {
      close();
      renameSync(temp, file);
    },
    abort() {
      close();
      rmSync(temp, { force: true });
    },
  };
}
