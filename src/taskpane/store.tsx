/**
 * The pane's state: the last read of the book (ReadResult), the UI language, the page and the open client.
 * One reducer behind a context; every command goes through useCommand, which shows its busy state, stores the
 * book an output command returns, puts the rows a command about one client returns in the book (model/clientMerge.ts),
 * or else re-reads the book after a command that changes tables (commands.readBook; model/commandRead.ts decides),
 * and keeps its error for a MessageBar. A read that finds a book of an older format
 * upgrades it first (commands.upgradeBook) and flashes what changed.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from "react";
import type { ClientBookCommands, ReadResult } from "../excel/api";
import type { ClientTier } from "../domain/tiers";
import type { Lang } from "../domain/types";
import { setFunctionsLanguage } from "../functions/language";
import { today } from "./clock";
import { saveLang } from "./uiLang";
import { ReadGate } from "./model/commandRead";
import type { ClientRows } from "../excel/api";
import { readAndUpgrade } from "./model/openBook";
import { paneValuation, type PaneValuation } from "./model/valuation";

export const PAGES = ["book", "clients", "today", "ladder", "sheets", "segments"] as const;
export type Page = (typeof PAGES)[number];

export interface AppState {
  lang: Lang;
  page: Page;
  read: ReadResult | null;
  /** Client whose page is open (on the Clients tab). */
  clientId: string | null;
  /** The client form: open for a client, or for a new one (clientId null). */
  editing: { clientId: string | null } | null;
  /** A message for the whole pane (e.g. "saved"), shown under the tabs until dismissed or the page changes. */
  flash: { intent: "success" | "warning" | "info"; text: string } | null;
}

export type Action =
  | { type: "lang"; lang: Lang }
  | { type: "page"; page: Page }
  | { type: "read"; read: ReadResult }
  | { type: "openClient"; clientId: string }
  | { type: "closeClient" }
  | { type: "edit"; clientId: string | null }
  | { type: "closeEdit" }
  | { type: "flash"; flash: AppState["flash"] };

export function initialState(lang: Lang): AppState {
  return { lang, page: "book", read: null, clientId: null, editing: null, flash: null };
}

export function reducer(s: AppState, a: Action): AppState {
  switch (a.type) {
    case "lang":
      return { ...s, lang: a.lang };
    case "page":
      // The Clients tab selected again from a client's page goes back to the list (not from the form: no edits lost).
      if (a.page === "clients" && s.page === "clients" && s.editing === null) return { ...s, clientId: null, flash: null };
      return { ...s, page: a.page, flash: null };
    case "read": {
      // The first read chooses the landing page: Today when the book has clients, else the Book page to set it up.
      const page = s.read === null ? (a.read.hasBook && a.read.book.clients.length > 0 ? "today" : "book") : s.page;
      // A client removed meanwhile (by a colleague or the sheet) closes its page rather than showing stale data.
      const gone = s.clientId !== null && !a.read.book.clients.some((c) => c.clientId === s.clientId);
      return { ...s, read: a.read, page, clientId: gone ? null : s.clientId };
    }
    case "openClient":
      return { ...s, page: "clients", clientId: a.clientId, editing: null };
    case "closeClient":
      return { ...s, clientId: null };
    case "edit":
      return { ...s, page: "clients", editing: { clientId: a.clientId } };
    case "closeEdit":
      return { ...s, editing: null };
    case "flash":
      return { ...s, flash: a.flash };
  }
}

interface AppContextValue {
  state: AppState;
  dispatch: (a: Action) => void;
  commands: ClientBookCommands;
  /** Re-reads the whole book (one readBook) and stores it; throws what readBook throws. */
  reload(): Promise<ReadResult>;
  /**
   * Puts a command's client rows in the book shown (model/clientMerge.ts) and stores it; false when they do not fit
   * the book shown (the caller then reloads).
   */
  merge(client: ClientRows): Promise<boolean>;
  /** Tiers of the last read, computed once per read (and day) on assets at this bank in the book currency today. */
  tiers: ReadonlyMap<string, ClientTier>;
  /** The last read valued in the book currency today, and the rows no rate converts (model/valuation.ts). */
  valuation: PaneValuation | null;
  /** Whether a command's own read is still the latest (one for the pane: commands of all buttons). */
  gate: ReadGate;
}

const AppContext = createContext<AppContextValue | null>(null);

export function AppProvider({ commands, lang, children }: { commands: ClientBookCommands; lang: Lang; children: ReactNode }) {
  const [state, rawDispatch] = useReducer(reducer, lang, initialState);
  // The book shown now (the latest dispatched read), for a merge between renders.
  const readNow = useRef(state.read);
  readNow.current = state.read;
  const dispatch = useCallback((a: Action) => {
    if (a.type === "lang") saveLang(a.lang);
    if (a.type === "read") readNow.current = a.read;
    rawDispatch(a);
  }, []);
  // The pane and the RM.* functions share one JavaScript context (shared runtime): the functions' error messages
  // follow the pane's language from the first render and on every switch (src/functions/language.ts).
  useEffect(() => setFunctionsLanguage(state.lang), [state.lang]);
  const langNow = useRef(state.lang);
  langNow.current = state.lang;
  const reload = useCallback(async () => {
    // An older book is upgraded in place first, and the notice says what changed (model/openBook.ts).
    const { read, notice } = await readAndUpgrade(commands, () => langNow.current);
    if (notice) rawDispatch({ type: "flash", flash: notice });
    readNow.current = read;
    rawDispatch({ type: "read", read });
    return read;
  }, [commands]);
  const merge = useCallback(async (client: ClientRows) => {
    // Its own chunk, loaded with the first command that returns rows (the codec it decodes with is not in the first load).
    const { mergeClientRows } = await import(/* webpackChunkName: "merge" */ "./model/clientMerge");
    const merged = readNow.current ? mergeClientRows(readNow.current, client) : undefined;
    if (!merged) return false;
    readNow.current = merged;
    rawDispatch({ type: "read", read: merged });
    return true;
  }, []);
  const asOf = today();
  // Valued in the book currency at today's rates (src/domain/fx.ts): USD 1,000,000 ranks as its value in CNY, not as 1,000,000.
  const valuation = useMemo(() => (state.read ? paneValuation(state.read, asOf) : null), [state.read, asOf]);
  const tiers = useMemo(() => valuation?.tiers ?? new Map<string, ClientTier>(), [valuation]);
  const gate = useMemo(() => new ReadGate(), []);
  const value = useMemo(() => ({ state, dispatch, commands, reload, merge, tiers, valuation, gate }), [state, dispatch, commands, reload, merge, tiers, valuation, gate]);
  return <AppContext.Provider value={value}>{children}</AppContext.Provider>;
}

export function useApp(): AppContextValue {
  const v = useContext(AppContext);
  if (!v) throw new Error("useApp outside <AppProvider>");
  return v;
}

export interface CommandState {
  busy: boolean;
  /** The last failure (described in the UI language where it is shown). */
  error: unknown;
  /**
   * Runs one command: busy while it and the re-read run; stores the book its result carries, or merges the client
   * rows it carries into the book shown, else re-reads it (unless `reread` is false); resolves to its result, or
   * undefined when it failed.
   */
  run<T>(fn: (c: ClientBookCommands) => Promise<T>, opts?: { reread?: boolean }): Promise<T | undefined>;
  clearError(): void;
}

/** One command button's state. Re-entrant calls while busy are ignored (a double click runs once). */
export function useCommand(): CommandState {
  const { commands, dispatch, reload, merge, gate } = useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const running = useRef(false);
  const run = useCallback(
    async <T,>(fn: (c: ClientBookCommands) => Promise<T>, opts: { reread?: boolean } = {}): Promise<T | undefined> => {
      if (running.current) return undefined;
      running.current = true;
      setBusy(true);
      setError(null);
      const ticket = gate.start();
      try {
        const result = await fn(commands).catch((e: unknown) => {
          gate.failed();
          throw e;
        });
        const next = gate.after(ticket, result, opts.reread !== false);
        if (next === "reread") await reload();
        else if (next === "none") return result;
        else if ("merge" in next) {
          if (!(await merge(next.merge))) await reload();
        } else dispatch({ type: "read", read: next.store });
        return result;
      } catch (e) {
        setError(e ?? new Error("unknown error"));
        return undefined;
      } finally {
        running.current = false;
        setBusy(false);
      }
    },
    [commands, dispatch, reload, merge, gate],
  );
  const clearError = useCallback(() => setError(null), []);
  return { busy, error, run, clearError };
}
