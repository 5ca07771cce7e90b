/** The slicer yields a macrotask (the page can paint) once a slice has run for its budget, and not before. */
import { timeSlicer } from "../../src/excel/yieldToUi";

test("within the budget it does not yield: a timer queued before does not run", async () => {
  const slice = timeSlicer(60_000);
  let fired = false;
  setTimeout(() => (fired = true), 0);
  for (let i = 0; i < 100; i++) await slice();
  expect(fired).toBe(false);
  await new Promise((r) => setTimeout(r, 0));
  expect(fired).toBe(true);
});

test("past the budget it yields one macrotask, then starts a new slice", async () => {
  const slice = timeSlicer(0);
  let fired = false;
  setTimeout(() => (fired = true), 0);
  const t = performance.now();
  while (performance.now() - t < 2); // use the slice up
  await slice();
  expect(fired).toBe(true);
});
