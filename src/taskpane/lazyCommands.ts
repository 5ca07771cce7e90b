/**
 * The commands behind a lazy import: src/excel/commands pulls in the sheet builders and the Office.js renderer,
 * which the first paint does not need. The pane renders at once; the module loads in parallel (started when the
 * pane starts) and every command waits for it. A failed load is retried on the next call.
 */
import type { ClientBookCommands } from "../excel/api";

/** Every command, so the forwarding object is complete (checked below against the interface). */
export const COMMAND_NAMES = [
  "setupBook", "upgradeBook", "loadSample", "readBook", "selectCell", "buildReview", "buildProfile", "buildCoverage", "buildCalendar",
  "buildToday", "refreshAll", "saveCallList", "recordReview", "logContact", "saveClient", "exportClientReview",
] as const satisfies readonly (keyof ClientBookCommands)[];

// Fails to compile when ClientBookCommands gains a command this list lacks.
type Missing = Exclude<keyof ClientBookCommands, (typeof COMMAND_NAMES)[number]>;
const complete: [Missing] extends [never] ? true : Missing = true;
void complete;

export function lazyCommands(load: () => Promise<ClientBookCommands>): ClientBookCommands & { preload(): Promise<void> } {
  let pending: Promise<ClientBookCommands> | undefined;
  const get = (): Promise<ClientBookCommands> =>
    (pending ??= load().catch((e: unknown) => {
      pending = undefined;
      throw e;
    }));
  const out = {} as Record<string, unknown>;
  for (const name of COMMAND_NAMES) {
    out[name] = async (...args: unknown[]) => {
      const commands = await get();
      return (commands[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    };
  }
  out.preload = () => get().then(() => undefined);
  return out as unknown as ClientBookCommands & { preload(): Promise<void> };
}
