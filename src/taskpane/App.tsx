/**
 * The task pane: a compact header (title, language), the page tabs and the page. The book is read once at start;
 * every command re-reads it after writing. The first paint is the shell alone (header, tabs, "reading the book"):
 * no page can show anything before the book is read, which waits for the commands chunk anyway (index.tsx), so
 * every page is its own chunk, fetched at start in parallel with the commands (preloadPages) and kept out of
 * the first load (issue 19: at most 150 KB gzip).
 */
import { Button, Select, Spinner, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import type { ClientBookCommands } from "../excel/api";
import { LANGS, type Lang } from "../domain/types";
import { LANG_NAMES, t, type MessageKey } from "./i18n";
import { missingRatesNotice } from "./model/valuation";
import { AppProvider, PAGES, useApp, type Page } from "./store";
import { ErrorBar, NoticeBar } from "./ui/Bars";
import { PageTabs, tabId } from "./ui/PageTabs";

// Shown only for a book written by a newer ClientBook; its message brings the book's schema (ui/NewerBookNotice.tsx).
const NewerBookNotice = lazy(() => import(/* webpackChunkName: "newer-book" */ "./ui/NewerBookNotice"));

// Each page's chunk, loaded once (webpack keeps the module): preloadPages starts them all, React.lazy awaits one.
const PAGE_CHUNKS = {
  book: () => import(/* webpackChunkName: "page-book" */ "./pages/BookPage").then((m) => ({ default: m.BookPage })),
  clients: () => import(/* webpackChunkName: "page-clients" */ "./pages/ClientsPage").then((m) => ({ default: m.ClientsPage })),
  today: () => import(/* webpackChunkName: "page-today" */ "./pages/TodayPage").then((m) => ({ default: m.TodayPage })),
  ladder: () => import(/* webpackChunkName: "ladder" */ "./pages/LadderPage"),
  sheets: () => import(/* webpackChunkName: "page-sheets" */ "./pages/SheetsPage").then((m) => ({ default: m.SheetsPage })),
  segments: () => import(/* webpackChunkName: "segments" */ "./pages/SegmentsPage"),
} satisfies Record<Page, unknown>;
const BookPage = lazy(PAGE_CHUNKS.book);
const ClientsPage = lazy(PAGE_CHUNKS.clients);
const TodayPage = lazy(PAGE_CHUNKS.today);
const LadderPage = lazy(PAGE_CHUNKS.ladder);
const SheetsPage = lazy(PAGE_CHUNKS.sheets);
const SegmentsPage = lazy(PAGE_CHUNKS.segments);

/**
 * Starts fetching every page's chunk (index.tsx, with the commands chunk): by the time the book is read, the page
 * it lands on is there. A failed fetch is retried by React.lazy's own import when the page is shown.
 */
export function preloadPages(): void {
  for (const load of Object.values(PAGE_CHUNKS)) void load().catch(() => undefined);
}

const useStyles = makeStyles({
  shell: { display: "flex", flexDirection: "column", minHeight: "100vh", minWidth: 0, backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  header: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} 0`,
    minWidth: 0,
  },
  title: { margin: 0, flexGrow: 1, minWidth: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  lang: { width: "7.5em", flexShrink: 0 },
  tabs: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
  },
  status: { padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  main: { flexGrow: 1, minWidth: 0 },
});

const PANEL_ID = "page-panel";

const TAB_LABELS: Record<Page, MessageKey> = {
  book: "tab.book",
  clients: "tab.clients",
  today: "tab.today",
  ladder: "tab.ladder",
  sheets: "tab.sheets",
  segments: "tab.segments",
};

export function App({ commands, lang }: { commands: ClientBookCommands; lang: Lang }) {
  return (
    <AppProvider commands={commands} lang={lang}>
      <Shell />
    </AppProvider>
  );
}

function Shell() {
  const st = useStyles();
  const { state, dispatch, reload, valuation } = useApp();
  const { lang, page, read } = state;
  // Rows no rate converts are left out of every figure: said on every page but the Book page, which lists them.
  const missingRates = page === "book" ? undefined : missingRatesNotice(valuation?.missing ?? [], lang);
  const [reading, setReading] = useState(true);
  const [readError, setReadError] = useState<unknown>(null);

  const readNow = useCallback(() => {
    setReading(true);
    setReadError(null);
    reload()
      .catch((e: unknown) => setReadError(e ?? new Error("readBook failed")))
      .finally(() => setReading(false));
  }, [reload]);
  useEffect(readNow, [readNow]);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  return (
    <div className={st.shell}>
      <header className={st.header}>
        <h1 className={st.title}>{t(lang, "app.title")}</h1>
        <Select
          className={st.lang}
          size="small"
          aria-label={t(lang, "app.language")}
          value={lang}
          onChange={(_, d) => dispatch({ type: "lang", lang: d.value as Lang })}
        >
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>{LANG_NAMES[l]}</option>
          ))}
        </Select>
      </header>
      <nav className={st.tabs}>
        <PageTabs
          pages={PAGES}
          labels={Object.fromEntries(PAGES.map((p) => [p, t(lang, TAB_LABELS[p])])) as Record<Page, string>}
          selected={page}
          onSelect={(p) => dispatch({ type: "page", page: p })}
          label={t(lang, "app.pages")}
          panelId={PANEL_ID}
        />
      </nav>
      {(reading && !read) || readError || state.flash || read?.format?.newer || missingRates ? (
        <div className={st.status}>
          {read?.format?.newer && (
            // A book written by a newer ClientBook: shown, never written (every writing command refuses it too).
            <Suspense fallback={<Spinner size="small" />}>
              <NewerBookNotice version={read.format.version} lang={lang} />
            </Suspense>
          )}
          {reading && !read && <Spinner size="small" label={t(lang, "app.reading")} />}
          {readError !== null && (
            <>
              <ErrorBar error={readError} lang={lang} />
              <div>
                <Button onClick={readNow}>{t(lang, "common.retry")}</Button>
              </div>
            </>
          )}
          <NoticeBar notice={state.flash} lang={lang} onDismiss={() => dispatch({ type: "flash", flash: null })} />
          {missingRates && (
            <>
              <NoticeBar notice={{ intent: "warning", text: missingRates }} lang={lang} />
              <div>
                <Button size="small" onClick={() => dispatch({ type: "page", page: "book" })}>{t(lang, "fx.showRows")}</Button>
              </div>
            </>
          )}
        </div>
      ) : null}
      <main className={st.main}>
        <div id={PANEL_ID} role="tabpanel" aria-labelledby={tabId(page)}>
          {read && <PageView page={page} lang={lang} />}
        </div>
      </main>
    </div>
  );
}

function PageView({ page, lang }: { page: Page; lang: Lang }) {
  return (
    <Suspense fallback={<Spinner size="small" label={t(lang, "common.loading")} />}>
      <PageBody page={page} />
    </Suspense>
  );
}

function PageBody({ page }: { page: Page }) {
  switch (page) {
    case "book":
      return <BookPage />;
    case "clients":
      return <ClientsPage />;
    case "today":
      return <TodayPage />;
    case "ladder":
      return <LadderPage />;
    case "sheets":
      return <SheetsPage />;
    case "segments":
      return <SegmentsPage />;
  }
}
