/**
 * The CLI's heap guard (src/cli/heapGuard.ts) caps how far V8 lets the heap grow between full collections
 * (--heap-growing-percent), which keeps `clientbook build` of 5,000 clients under 700 MB while it reads the book and
 * builds the summary sheets (issue #19; the peak itself is the benchmark's cli.build.peakRssMB, not measured here).
 * V8's flags are not set for real in this test process: setFlagsFromString is replaced by a recorder.
 */
import v8 from "node:v8";
import { HEAP_GROWING_PERCENT, heapGuard } from "../../src/cli/heapGuard";

afterEach(() => jest.restoreAllMocks());

test("asks V8 for its collector and for a heap growing factor of at most 1.5", () => {
  const flags: string[] = [];
  jest.spyOn(v8, "setFlagsFromString").mockImplementation((f: string) => void flags.push(f));
  const guard = heapGuard();
  expect(flags).toContain("--expose-gc");
  expect(flags).toContain(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
  expect(HEAP_GROWING_PERCENT).toBeLessThanOrEqual(50);
  // without --expose-gc really set there is no collector to call: the guard does nothing, and says nothing
  expect(() => guard()).not.toThrow();
});
