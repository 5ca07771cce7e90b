/**
 * The metadata Excel reads (functions.json), generated from src/functions/functions.ts with custom-functions-metadata's
 * own API — the generator webpack's CustomFunctionsMetadataPlugin runs for the build. It must list exactly the
 * functions of issues 4, 12, 16 and 17, each documented (description, every parameter described), with the issue's
 * parameters, the right optional flags, matrix ranges and spills, and volatility where asOf defaults to today.
 */
import { readFileSync } from "fs";
import { generateCustomFunctionsMetadata, parseTree, type IFunction } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { FUNCTIONS_SOURCE } from "./hfHarness";

interface Metadata {
  functions: IFunction[];
}

/** The table: parameters in order, `?` for optional ones, `[]` for ranges. */
const SIGNATURES: Record<string, string[]> = {
  AGE: ["birthDate", "asOf?"],
  NEXTBIRTHDAY: ["birthDate", "asOf?"],
  HOLDINGMONTHS: ["startDate", "asOf?"],
  // Issue 16: the currency column, rates, valuation date and book currency appended last, optional.
  ALLOCATION: ["classes[]", "amounts[]", "currencies[]?", "rates[]?", "date?", "book?"],
  NETWORTH: ["classes[]", "amounts[]", "currencies[]?", "rates[]?", "date?", "book?"],
  FX: ["amount", "from", "to", "rates[]", "date?", "book?"],
  NEXTPREMIUM: ["startDate", "frequency", "years", "asOf?", "termYears?", "status?"],
  MDIETZ: ["beginValue", "endValue", "flowAmounts[]", "flowDates[]", "startDate", "endDate"],
  LINKRETURNS: ["returns[]", "startDate?", "endDate?"],
  NEXTREVIEW: ["lastDate", "cadence"],
  DAYSDUE: ["lastDate", "cadence", "asOf?"],
  SUITABLE: ["clientRisk", "productRisk", "assessedOn?", "asOf?"],
  PROTECTIONNEED: ["annualIncome", "years", "debts?", "mortgage?", "educationPerChild?", "children?", "earmarkedAssets?"],
  HLV: ["netIncome", "years", "discountRate", "growthRate?", "timing?"],
  GAP: ["need", "existingCover"],
  TIER: ["amounts[]"],
  MASK: ["text", "kind?"],
};
const SPILLS = ["ALLOCATION", "TIER"];

function signature(f: IFunction): string[] {
  return f.parameters.map((p) => p.name + (p.dimensionality === "matrix" ? "[]" : "") + (p.optional ? "?" : ""));
}

/** What a user would miss in Excel's formula help: "AGE: no description", "AGE(asOf): no description". */
function documentationProblems(fns: IFunction[]): string[] {
  const blank = (s: string | undefined): boolean => !s || s.trim() === "";
  return fns.flatMap((f) => [
    ...(blank(f.description) ? [`${f.id}: no description`] : []),
    ...f.parameters.filter((p) => blank(p.description)).map((p) => `${f.id}(${p.name}): no description`),
  ]);
}

let metadata: Metadata;
let byId: Map<string, IFunction>;

beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_SOURCE);
  expect(result.errors).toEqual([]);
  metadata = JSON.parse(result.metadataJson) as Metadata;
  byId = new Map(metadata.functions.map((f) => [f.id, f]));
});

test("exactly the seventeen functions (issue 4's fourteen, issue 12's LINKRETURNS, issue 16's FX, issue 17's NEXTPREMIUM), each exported by name", () => {
  expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(SIGNATURES).sort());
  expect(Object.keys(functions).sort()).toEqual(Object.keys(SIGNATURES).sort());
});

test("ids and names are the same upper-case word", () => {
  for (const f of metadata.functions) {
    expect({ id: f.id, name: f.name }).toEqual({ id: f.id.toUpperCase(), name: f.id });
  }
});

test("every function and every parameter is described", () => {
  expect(documentationProblems(metadata.functions)).toEqual([]);
});

test("the check names the function whose JSDoc lost its description", () => {
  const source = readFileSync(FUNCTIONS_SOURCE, "utf8");
  const description = " * Age in whole years (周岁) on a date.\n";
  const param = " * @param asOf Date to measure the age on; blank means today.\n";
  expect(source).toContain(description);
  expect(source).toContain(param);
  const stripped = source.replace(description, "").replace(param, " * @param asOf\n");
  const parsed = parseTree(stripped, "functions.ts");
  expect(documentationProblems(parsed.functions)).toEqual(["AGE: no description", "AGE(asOf): no description"]);
});

test.each(Object.entries(SIGNATURES))("%s has the issue's parameters, optional flags and ranges", (id, expected) => {
  const f = byId.get(id)!;
  expect(signature(f)).toEqual(expected);
});

test("scalar parameters take any value, so bad input reaches the function and gets a message", () => {
  for (const f of metadata.functions) {
    for (const p of f.parameters) expect(`${f.id}(${p.name}): ${p.type}`).toBe(`${f.id}(${p.name}): any`);
  }
});

test("ALLOCATION and TIER spill (matrix results); the others return one value", () => {
  for (const f of metadata.functions) {
    const matrix = f.result?.dimensionality === "matrix";
    expect(`${f.id}: ${matrix ? "matrix" : "scalar"}`).toBe(`${f.id}: ${SPILLS.includes(f.id) ? "matrix" : "scalar"}`);
  }
  expect(byId.get("TIER")!.result).toEqual({ dimensionality: "matrix", type: "string" });
  expect(byId.get("SUITABLE")!.result).toEqual({ type: "boolean" });
  expect(byId.get("MASK")!.result).toEqual({ type: "string" });
  expect(byId.get("AGE")!.result).toEqual({ type: "number" });
});

test("functions whose asOf defaults to today are volatile, like TODAY(); the others are not", () => {
  for (const f of metadata.functions) {
    const hasAsOf = f.parameters.some((p) => p.name === "asOf");
    expect(`${f.id}: ${f.options?.volatile === true}`).toBe(`${f.id}: ${hasAsOf}`);
  }
});
