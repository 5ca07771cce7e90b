/**
 * Long pure work between two syncs (building 150 review sheets for refresh-all takes about a second) would hold
 * the task pane's thread, so it cannot paint progress or take a click. A slicer lets the work pause for one
 * macrotask whenever it has run for `budgetMs`: the page paints, then the work goes on. No sync is added.
 */
export type Slicer = () => Promise<void>;

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());

/** A slicer: call it between units of work; it yields when the current slice has run for `budgetMs`. */
export function timeSlicer(budgetMs = 40): Slicer {
  let start = now();
  return async () => {
    if (now() - start < budgetMs) return;
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    start = now();
  };
}
