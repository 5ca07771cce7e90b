/**
 * RM.* arguments declared once: each function lists its arguments (name and kind) in one table, and one routine reads
 * them all, in order, with the readers of ./args.ts — as HyperFormula's FunctionPlugin declares each function's
 * `parameters` and converts them centrally (handsontable/hyperformula src/interpreter/plugin/FunctionPlugin.ts).
 * The JSDoc above each exported function stays, for the metadata; tests/functions/declare.test.ts holds the declared
 * names to the metadata's parameter names, so a message can never name an argument the user does not see.
 */
import type { Localized } from "../domain/result";
import { parseCadenceArg } from "../domain/cadence";
import { parseMaskKind, type MaskKind } from "../domain/mask";
import { parsePolicyStatus } from "../domain/policyStatus";
import { parsePremiumFrequency } from "../domain/premiums";
import { normKey } from "../domain/spelling";
import type { NumberRule } from "../domain/returns";
import { parseClientRisk, parseProductRisk } from "../domain/suitability";
import type { ClientRisk, IsoDate, PolicyStatus, PremiumFrequency, ProductRisk } from "../domain/types";
import {
  isBlank, passErrors, readDate, readDateOrToday, readNumber, readOptionalDate, readOptionalNumber, readPvType, readText, refuse,
} from "./args";

/** One argument: its name (as in the JSDoc and the metadata) and how it is read. */
export interface ArgSpec<T> {
  readonly name: string;
  readonly read: (x: unknown, name: string) => T;
}

/** The domain's typed result, or #VALUE! with its message. */
export function unwrap<T>(r: { ok: true; value: T } | { ok: false; error: { message: Localized } }): T {
  if (!r.ok) refuse(r.error.message);
  return r.value;
}

const spec = <T>(name: string, read: (x: unknown, name: string) => T): ArgSpec<T> => ({ name, read });

// ---- the kinds of argument -------------------------------------------------------------------------------------

/** A required date (serial or date text). */
export const date = (name: string): ArgSpec<IsoDate> => spec(name, readDate);
/** A date; blank is today (the function is then volatile). */
export const dateOrToday = (name: string): ArgSpec<IsoDate> => spec(name, readDateOrToday);
/** A date; blank is undefined. */
export const optionalDate = (name: string): ArgSpec<IsoDate | undefined> => spec(name, readOptionalDate);
/** A required number, with the domain's range rule. */
export const number = (name: string, rule: NumberRule = {}): ArgSpec<number> => spec(name, (x, n) => readNumber(x, n, rule));
/** A number; blank (omitted, empty cell, "") is `fallback`. */
export const optionalNumber = (name: string, fallback: number, rule: NumberRule = {}): ArgSpec<number> =>
  spec(name, (x, n) => readOptionalNumber(x, n, fallback, rule));
/**
 * A number; blank (or one of `blankWords`, as a book column reads them: 终身 in TermYears) is undefined. The
 * function says what blank means.
 */
export const maybeNumber = (name: string, rule: NumberRule = {}, blankWords: readonly string[] = []): ArgSpec<number | undefined> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    if (isBlank(x) || (typeof x === "string" && blankWords.some((w) => normKey(w) === normKey(x)))) return undefined;
    return readNumber(x, n, rule);
  });
/** A premium frequency as the Policies table reads it (趸交/年缴/…, Single premium/Annual/…); blank is Annual, as there. */
export const premiumFrequency = (name: string): ArgSpec<PremiumFrequency> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return isBlank(x) ? "Annual" : unwrap(parsePremiumFrequency(x, n));
  });
/** A policy status as the Policies table reads it (有效/失效/满期, In force/Lapsed/Matured); blank is in force. */
export const policyStatus = (name: string): ArgSpec<PolicyStatus> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return isBlank(x) ? "InForce" : unwrap(parsePolicyStatus(x, n));
  });
/** Excel's PV `type`: 0 or blank = end of period, 1 = start. */
export const pvType = (name: string): ArgSpec<0 | 1> => spec(name, readPvType);
/** A review cadence (月度/季度 …, monthly …, or a number of months) as months. */
export const cadence = (name: string): ArgSpec<number> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return unwrap(parseCadenceArg(x, n));
  });
/** A client's risk level C1–C5 in any accepted spelling. */
export const clientRisk = (name: string): ArgSpec<ClientRisk> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return unwrap(parseClientRisk(x, n));
  });
/** A product's risk level R1–R5 in any accepted spelling. */
export const productRisk = (name: string): ArgSpec<ProductRisk> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return unwrap(parseProductRisk(x, n));
  });
/** Text (a number is written as text); blank is "". */
export const text = (name: string): ArgSpec<string> => spec(name, readText);
/** RM.MASK's kind; blank is undefined (detect it). */
export const maskKind = (name: string): ArgSpec<MaskKind | undefined> =>
  spec(name, (x, n) => {
    passErrors(x, n);
    return isBlank(x) ? undefined : unwrap(parseMaskKind(x, n));
  });

// ---- the table and the reader ------------------------------------------------------------------------------------

/** The values a list of specs reads to, position by position. */
export type ArgValues<A extends readonly ArgSpec<unknown>[]> = { -readonly [K in keyof A]: A[K] extends ArgSpec<infer T> ? T : never };

/** Every function that declares its arguments, by id, for the test that holds them to the metadata. */
export const DECLARED_ARGS = new Map<string, readonly ArgSpec<unknown>[]>();

/** Declares a function's arguments (once, at load). */
export function declareArgs<const A extends readonly ArgSpec<unknown>[]>(id: string, args: A): A {
  if (DECLARED_ARGS.has(id)) throw new Error(`RM.${id}: arguments declared twice`);
  DECLARED_ARGS.set(id, args);
  return args;
}

/** Reads every argument in declared order; the first bad one is refused with #VALUE! naming it. */
export function readArgs<const A extends readonly ArgSpec<unknown>[]>(args: A, raw: readonly unknown[]): ArgValues<A> {
  return args.map((a, i) => a.read(raw[i], a.name)) as ArgValues<A>;
}
