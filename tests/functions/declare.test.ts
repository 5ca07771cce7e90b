/**
 * The declared arguments (src/functions/declare.ts) against the metadata generated from the JSDoc: same names, same
 * order, so a #VALUE! message names the argument the user sees in Excel's formula help.
 */
import * as F from "../../src/functions/functions";
import { DECLARED_ARGS, date, optionalNumber, readArgs } from "../../src/functions/declare";
import { setFunctionsLanguage } from "../../src/functions/language";
import { functionsMetadata } from "./hfHarness";

test("every declaring function's arguments match the metadata's parameters, in order", () => {
  expect(Object.keys(F).length).toBeGreaterThan(0); // loads functions.ts, which declares at load
  const metadata = new Map(functionsMetadata().functions.map((f) => [f.id, f.parameters.map((p) => p.name)]));
  expect(DECLARED_ARGS.size).toBeGreaterThanOrEqual(10);
  for (const [id, args] of DECLARED_ARGS) expect([id, args.map((a) => a.name)]).toEqual([id, metadata.get(id)]);
});

test("readArgs reads in declared order and refuses the first bad argument by its name", () => {
  setFunctionsLanguage("en-US");
  const spec = [date("startDate"), optionalNumber("rate", 0.03)] as const;
  expect(readArgs(spec, [45658, ""])).toEqual(["2025-01-01", 0.03]);
  expect(() => readArgs(spec, ["50万", "x"])).toThrow(/startDate must be a date/);
  setFunctionsLanguage(undefined);
});
