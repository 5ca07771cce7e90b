/**
 * node_modules is never tracked. Each worktree links /work/main/node_modules into itself; a commit that tracks that
 * link makes a checkout of main replace main's real node_modules with a link to itself (it happened twice, 99dc9f9
 * and cee5b8b), and every worktree loses its dependencies.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";

test("node_modules is not tracked by git (neither the folder nor a link to it)", () => {
  const root = path.resolve(__dirname, "../..");
  let tracked: string;
  try {
    tracked = execFileSync("git", ["ls-files", "--", "node_modules"], { cwd: root, encoding: "utf8" });
  } catch {
    return; // not a git checkout (e.g. an unpacked release): nothing to check
  }
  expect(tracked.trim()).toBe("");
});
