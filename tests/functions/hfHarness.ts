/**
 * HyperFormula with the RM.* custom functions registered, so tests (and bench/) can evaluate formulas as a user types
 * them: `=RM.AGE(B2, C2)`, `=SUM(INDEX(RM.ALLOCATION(A2:A20,B2:B20),0,2))`.
 *
 * The registration is driven by the metadata custom-functions-metadata generates from src/functions/functions.ts —
 * the same generator webpack's plugin runs to write functions.json — so what HyperFormula accepts is what Excel is
 * told: each function's id, its parameters (matrix → RANGE, else by type), which are optional, and volatility.
 * Values cross the boundary the way Excel hands them to a custom function: empty cells as null, error values as
 * { code: "#N/A", message } objects, ranges as 2-D arrays; our thrown errors come back as the cell's error with
 * our message (HyperFormula's CellError carries it).
 *
 * What the metadata cannot say lives here, in one place each:
 * - names: Excel shows the functions as RM.<id> (the manifest's namespace); HyperFormula accepts dotted ids (its own
 *   T.DIST, CHISQ.TEST…), so the HyperFormula id is the same `RM.<id>` — see `hfFunctionId`.
 * - spill sizes: HyperFormula sizes an array result before evaluating it, so each matrix-returning function has a
 *   shape rule in SPILL_SHAPES (an upper bound where the size depends on the data, as HyperFormula's FILTER/UNIQUE do).
 *
 * One native function is made to behave as in Excel: HyperFormula 3.x's INDEX always returns a single cell (its
 * documented known limitation; INDEX(range, 0, c) is refused with "Argument cannot be less than 1"), while Excel's
 * returns a whole column for row 0 and a whole row for column 0 — the idiom `=SUM(INDEX(RM.ALLOCATION(…),0,2))`
 * relies on. `ExcelIndex` below replaces it with Excel's rules; everything else is HyperFormula's own.
 */
import { readFileSync } from "fs";
import path from "path";
import {
  ArraySize, CellError, EmptyValue, ErrorType, FunctionArgumentType, FunctionPlugin, HyperFormula, SimpleRangeValue,
  type ConfigParams, type FunctionArgument, type ImplementedFunctions, type RawCellContent,
} from "hyperformula";
import { parseTree, type IFunction } from "custom-functions-metadata";
import * as functions from "../../src/functions/functions";
import { FunctionError, isErrorValue, type ErrorCodeText } from "../../src/functions/errors";

export const FUNCTIONS_SOURCE = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

/** The manifest's custom-functions namespace. */
export const NAMESPACE = "RM";

/** Excel's RM.<id> as a HyperFormula function id (the same text: dotted ids are allowed). */
export function hfFunctionId(id: string): string {
  return `${NAMESPACE}.${id}`;
}

export interface GeneratedMetadata {
  functions: IFunction[];
  /** Metadata id → name of the exported JavaScript function. */
  implementations: Map<string, string>;
}

let generated: GeneratedMetadata | undefined;

/**
 * The metadata of src/functions/functions.ts as custom-functions-metadata generates it (parseTree is the synchronous
 * core of generateCustomFunctionsMetadata). Throws with the generator's errors when it refuses the file.
 */
export function functionsMetadata(): GeneratedMetadata {
  if (generated) return generated;
  const result = parseTree(readFileSync(FUNCTIONS_SOURCE, "utf8"), FUNCTIONS_SOURCE);
  const errors = result.extras.flatMap((e) => e.errors);
  if (errors.length > 0) throw new Error(`custom-functions-metadata refused ${FUNCTIONS_SOURCE}:\n${errors.join("\n")}`);
  generated = {
    functions: result.functions,
    implementations: new Map(result.associate.map((a) => [a.id, a.functionName])),
  };
  return generated;
}

// ---- spill sizes -----------------------------------------------------------------------------------------------

/** Cells of a range argument, as the predictor sees it. */
const cellsOf = (s: ArraySize | undefined): number => (s ? s.width * s.height : 1);

/** Result size per matrix-returning function, from the sizes of its arguments. */
const SPILL_SHAPES: Readonly<Record<string, (args: ArraySize[]) => ArraySize>> = {
  // One row per distinct class, at most one per input cell; three columns: class, amount, share.
  ALLOCATION: (args) => new ArraySize(3, cellsOf(args[0])),
  // One tier per input cell, in the input's orientation.
  TIER: (args) => (args[0] ? new ArraySize(args[0].width, args[0].height) : ArraySize.scalar()),
};

// ---- values across the boundary --------------------------------------------------------------------------------

const CODE_OF_TYPE: Partial<Record<ErrorType, ErrorCodeText>> = {
  [ErrorType.DIV_BY_ZERO]: "#DIV/0!",
  [ErrorType.NAME]: "#NAME?",
  [ErrorType.VALUE]: "#VALUE!",
  [ErrorType.NUM]: "#NUM!",
  [ErrorType.NA]: "#N/A",
  [ErrorType.REF]: "#REF!",
};

const TYPE_OF_CODE: Readonly<Record<string, ErrorType>> = Object.fromEntries(
  Object.entries(CODE_OF_TYPE).map(([type, code]) => [code, type as ErrorType]),
);

/** A HyperFormula cell value as Excel would pass it to a custom function. */
function toExcel(v: unknown): unknown {
  if (v === EmptyValue || v === undefined) return null;
  if (v instanceof CellError) {
    // Errors HyperFormula has and Excel hasn't (#CYCLE!, #SPILL!, #LIC!, #ERROR!) keep their own code.
    const code = CODE_OF_TYPE[v.type] ?? `#${v.type}!`;
    const e = new FunctionError(code as ErrorCodeText, v.message);
    return e;
  }
  // Dates, currencies and percentages are numbers with a format in HyperFormula (RichNumber { val }).
  if (typeof v === "object" && v !== null && typeof (v as { val?: unknown }).val === "number") return (v as { val: number }).val;
  return v;
}

function rangeToExcel(v: unknown): unknown {
  if (v instanceof SimpleRangeValue) return v.data.map((row) => row.map(toExcel));
  return [[toExcel(v)]];
}

/** A result of ours as a HyperFormula value. */
function fromExcel(v: unknown): unknown {
  if (v === null || v === undefined) return EmptyValue;
  if (typeof v === "number" && !Number.isFinite(v)) return new CellError(ErrorType.NUM, `not a finite number: ${v}`);
  return v;
}

const unexpected: Error[] = [];

/** Exceptions our functions threw that were not Excel errors (bugs: Excel would show a bare #VALUE!). */
export function unexpectedExceptions(): readonly Error[] {
  return unexpected;
}

export function clearUnexpectedExceptions(): void {
  unexpected.length = 0;
}

function call(impl: (...args: unknown[]) => unknown, meta: IFunction, hfArgs: unknown[]): unknown {
  const args = meta.parameters.map((p, i) => {
    const a = hfArgs[i];
    if (a === undefined) return undefined; // an optional argument left out
    return p.dimensionality === "matrix" ? rangeToExcel(a) : toExcel(a);
  });
  try {
    const out = impl(...args);
    if (Array.isArray(out)) return SimpleRangeValue.onlyValues(out.map((row: unknown[]) => row.map(fromExcel)) as never);
    return fromExcel(out);
  } catch (e) {
    if (isErrorValue(e)) return new CellError(TYPE_OF_CODE[e.code] ?? ErrorType.VALUE, e.message || undefined);
    const err = e instanceof Error ? e : new Error(String(e));
    unexpected.push(err);
    return new CellError(ErrorType.ERROR, `unexpected exception in ${hfFunctionId(meta.id)}: ${err.message}`);
  }
}

function argumentType(p: IFunction["parameters"][number]): FunctionArgumentType {
  if (p.dimensionality === "matrix") return FunctionArgumentType.RANGE;
  switch (p.type) {
    case "number":
      return FunctionArgumentType.NUMBER;
    case "string":
      return FunctionArgumentType.STRING;
    case "boolean":
      return FunctionArgumentType.BOOLEAN;
    default:
      // "any": the value as it is, errors included — our function decides.
      return FunctionArgumentType.SCALAR;
  }
}

// ---- the plugin --------------------------------------------------------------------------------------------------

type Method = (this: FunctionPlugin, ast: { args: unknown[] }, state: unknown) => unknown;

/** Builds the FunctionPlugin class for the generated metadata. */
export function buildPlugin(): { plugin: typeof FunctionPlugin; translations: Record<string, Record<string, string>> } {
  const { functions: metas, implementations } = functionsMetadata();
  const exported = functions as unknown as Record<string, (...args: unknown[]) => unknown>;

  class RmFunctions extends FunctionPlugin {}
  const implemented: ImplementedFunctions = {};
  const names: Record<string, string> = {};
  const proto = RmFunctions.prototype as unknown as Record<string, Method>;

  for (const meta of metas) {
    const hfId = hfFunctionId(meta.id);
    const jsName = implementations.get(meta.id);
    const impl = jsName ? exported[jsName] : undefined;
    if (typeof impl !== "function") throw new Error(`${hfId}: metadata names ${jsName}, which functions.ts does not export`);
    const method = `rm${meta.id}`;
    const parameters: FunctionArgument[] = meta.parameters.map((p) => ({
      argumentType: argumentType(p),
      ...(p.optional ? { optionalArg: true } : {}),
    }));
    const spills = meta.result?.dimensionality === "matrix";
    implemented[hfId] = {
      method,
      parameters,
      ...(meta.options?.volatile ? { isVolatile: true } : {}),
      ...(spills ? { sizeOfResultArrayMethod: `${method}Size`, vectorizationForbidden: true } : {}),
    };
    names[hfId] = hfId;
    proto[method] = function (ast, state) {
      const self = this as unknown as {
        runFunction: (args: unknown[], state: unknown, metadata: unknown, fn: (...a: unknown[]) => unknown) => unknown;
        metadata: (name: string) => unknown;
      };
      return self.runFunction(ast.args, state, self.metadata(hfId), (...hfArgs: unknown[]) => call(impl, meta, hfArgs));
    };
    if (spills) {
      const shape = SPILL_SHAPES[meta.id];
      if (!shape) throw new Error(`${hfId} returns a matrix but hfHarness has no spill shape for it (SPILL_SHAPES)`);
      proto[`${method}Size`] = function (ast, state) {
        const self = this as unknown as { arraySizeForAst: (a: unknown, s: unknown) => ArraySize };
        return shape(ast.args.map((a) => self.arraySizeForAst(a, state)));
      };
    }
  }
  (RmFunctions as unknown as { implementedFunctions: ImplementedFunctions }).implementedFunctions = implemented;
  return { plugin: RmFunctions, translations: { enGB: names } };
}

// ---- Excel's INDEX --------------------------------------------------------------------------------------------

/** A literal number argument (INDEX(x, 0, 2)), known before evaluation so the result can be sized. */
function literal(ast: unknown): number | undefined {
  const a = ast as { type?: string; value?: unknown };
  return a && a.type === "NUMBER" && typeof a.value === "number" ? a.value : undefined;
}

/**
 * INDEX(array, row, [column]) as Excel computes it: row 0 = every row, column 0 = every column; a one-row array
 * takes a lone index as the column; out of the array → #REF!. Sized for spilling only when a 0 is written literally.
 */
class ExcelIndex extends FunctionPlugin {
  static override implementedFunctions: ImplementedFunctions = {
    INDEX: {
      method: "index",
      sizeOfResultArrayMethod: "indexSize",
      parameters: [
        { argumentType: FunctionArgumentType.RANGE },
        { argumentType: FunctionArgumentType.NUMBER },
        { argumentType: FunctionArgumentType.NUMBER, optionalArg: true },
      ],
    },
  };

  index(ast: { args: never[] }, state: never): unknown {
    return this.runFunction(ast.args, state, this.metadata("INDEX"), (range: SimpleRangeValue, row: number, col?: number) => {
      let [r, c] = [Math.trunc(row), col === undefined ? undefined : Math.trunc(col)];
      if (c === undefined) [r, c] = range.height() === 1 && range.width() > 1 ? [1, r] : [r, 1];
      if (r < 0 || c < 0) return new CellError(ErrorType.VALUE, "INDEX: row and column must be ≥ 0");
      if (r > range.height() || c > range.width()) return new CellError(ErrorType.REF, "INDEX: outside the array");
      const rows = r === 0 ? range.data : [range.data[r - 1]];
      const out = rows.map((cells) => (c === 0 ? cells.slice() : [cells[c - 1]]));
      return (out.length === 1 && out[0].length === 1 ? out[0][0] : SimpleRangeValue.onlyValues(out as never)) as never;
    });
  }

  indexSize(ast: { args: unknown[] }, state: never): ArraySize {
    if (ast.args.length < 2 || ast.args.length > 3) return ArraySize.error();
    const arr = this.arraySizeForAst(ast.args[0] as never, state);
    const [row, col] = [literal(ast.args[1]), ast.args.length > 2 ? literal(ast.args[2]) : 1];
    const height = row === 0 ? arr.height : 1;
    const width = col === 0 ? arr.width : 1;
    return height === 1 && width === 1 ? ArraySize.scalar() : new ArraySize(width, height);
  }
}

let registered = false;

function register(): void {
  if (registered) return;
  const { plugin, translations } = buildPlugin();
  HyperFormula.registerFunctionPlugin(plugin as never, translations);
  HyperFormula.registerFunction("INDEX", ExcelIndex as never);
  registered = true;
}

/**
 * Excel's calendar in HyperFormula: serial 1 = 1900-01-01 and the phantom 1900-02-29 = 60, so native DATE/EDATE
 * give the serials our functions read and return.
 */
export const EXCEL_DATES: Partial<ConfigParams> = { leapYear1900: true, nullDate: { year: 1899, month: 12, day: 31 } };

/** A HyperFormula engine over `sheets` (name → rows of cells) with the RM.* functions registered. */
export function makeEngine(sheets: Record<string, RawCellContent[][]>, config: Partial<ConfigParams> = {}): HyperFormula {
  register();
  return HyperFormula.buildFromSheets(sheets, { licenseKey: "gpl-v3", ...EXCEL_DATES, ...config });
}
