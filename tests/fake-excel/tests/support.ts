/** Helpers shared by the fake host's own tests. */
import { FakeOfficeError } from "../core/errors";

/** Awaits a rejection and checks it is an OfficeExtension.Error with the given code. */
export async function rejectsWith(promise: Promise<unknown>, code: string): Promise<OfficeExtension.Error> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  if (caught === undefined) throw new Error(`expected an OfficeExtension.Error with code ${code}, but the promise resolved`);
  if (!(caught instanceof OfficeExtension.Error)) throw caught;
  expect(caught).toBeInstanceOf(FakeOfficeError);
  expect((caught as OfficeExtension.Error).code).toBe(code);
  return caught as OfficeExtension.Error;
}

/** Runs a synchronous call expected to throw an OfficeExtension.Error with the given code. */
export function throwsWith(call: () => unknown, code: string): OfficeExtension.Error {
  try {
    call();
  } catch (error) {
    if (!(error instanceof OfficeExtension.Error)) throw error;
    expect(error.code).toBe(code);
    return error;
  }
  throw new Error(`expected an OfficeExtension.Error with code ${code}, but nothing was thrown`);
}
