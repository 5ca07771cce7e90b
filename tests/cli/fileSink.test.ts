/**
 * The output file written as it is made (src/cli/fileSink.ts): whatever the sizes of the chunks handed over — small
 * ones gathered before a write, large ones written at once — the file is their concatenation, in order, once
 * committed; an aborted one leaves no file and no temporary file.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { fileSink } from "../../src/cli/fileSink";

let dir: string;
beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), "file-sink-"))));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("property: the file is the chunks joined in order, small and large mixed (around the 1 MB gathering buffer)", () => {
  const size = fc.oneof(fc.nat(300), fc.integer({ min: 200_000, max: 1_200_000 }));
  fc.assert(
    fc.property(fc.array(fc.tuple(size, fc.nat(255)), { maxLength: 12 }), (specs) => {
      const chunks = specs.map(([n, b]) => new Uint8Array(n).map((_, i) => (b + i) % 251));
      const file = path.join(dir, "out.xlsx");
      const sink = fileSink(file);
      for (const c of chunks) sink.write(c);
      sink.commit();
      expect(readFileSync(file).equals(Buffer.concat(chunks))).toBe(true);
      expect(readdirSync(dir).filter((f) => f.endsWith(".part"))).toEqual([]);
    }),
    { numRuns: 40 },
  );
});

test("an aborted file leaves nothing, even with bytes still gathered", () => {
  const file = path.join(dir, "aborted.xlsx");
  const sink = fileSink(file);
  sink.write(new Uint8Array(1000));
  sink.abort();
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(dir).filter((f) => f.startsWith("aborted"))).toEqual([]);
});
