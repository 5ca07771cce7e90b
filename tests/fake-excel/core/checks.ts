/** Argument checks shared by the fake classes; each fails at sync with InvalidArgument and says what was wrong. */
import { fail } from "./errors";

export function oneOf<E extends Record<string, string>>(value: unknown, allowed: E, what: string): E[keyof E] {
  const values = Object.values(allowed);
  if (typeof value === "string" && values.includes(value)) return value as E[keyof E];
  fail("InvalidArgument", `${what}: ${JSON.stringify(value)} is not one of ${values.join(", ")}`);
}

export function isBool(value: unknown, what: string): boolean {
  if (typeof value !== "boolean") fail("InvalidArgument", `${what} must be true or false, not ${JSON.stringify(value)}`);
  return value;
}

export function isNumber(value: unknown, what: string, min = -Infinity, max = Infinity): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max) {
    fail("InvalidArgument", `${what} must be a number${min > -Infinity ? ` ≥ ${min}` : ""}${max < Infinity ? ` ≤ ${max}` : ""}, not ${JSON.stringify(value)}`);
  }
  return value;
}

export function isInt(value: unknown, what: string, min = -Infinity, max = Infinity): number {
  const n = isNumber(value, what, min, max);
  if (!Number.isInteger(n)) fail("InvalidArgument", `${what} must be a whole number, not ${n}`);
  return n;
}

export function isString(value: unknown, what: string): string {
  if (typeof value !== "string") fail("InvalidArgument", `${what} must be a string, not ${JSON.stringify(value)}`);
  return value;
}
