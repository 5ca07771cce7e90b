/**
 * 今日 Today: the clients to contact today, one entry per client with all its reasons (reviews, calls, follow-ups,
 * birthdays, festival greetings, maturities, risk assessments…), most urgent first, in collapsible groups (overdue,
 * today, soon). Each entry shows the phone (a tel: link), the preferred channel and the contact window, so the
 * manager can call from it; the name opens the client. The same list can be written as a sheet.
 *
 * The lunar calendar (festival dates) is its own chunk, loaded after the first paint: the pane's first-load bundle
 * does not carry it (tests/tooling bundle budget). Until it arrives the list shows everything but the greetings.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useState } from "react";
import { DEFAULT_AGENDA_WINDOWS, type Urgency } from "../../domain/agenda";
import type { FestivalDate } from "../../domain/festivals";
import { today } from "../clock";
import { t } from "../i18n";
import { todayCounts, todayView } from "../model/today";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";

const useStyles = makeStyles({
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  today: { color: tokens.colorPaletteDarkOrangeForeground1, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  soon: { color: tokens.colorNeutralForeground2, whiteSpace: "nowrap" },
  summary: { cursor: "pointer", listStylePosition: "inside" },
  summaryHeading: { display: "inline", fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  entry: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, paddingBottom: tokens.spacingVerticalXS, borderBottom: `1px solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  contact: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, paddingLeft: tokens.spacingHorizontalS, minWidth: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2, minWidth: 0 },
});

/** Clients shown per group before "show all": a 5,000-client book can list hundreds of details to verify. */
const GROUP_LIMIT = 30;

export function TodayPage() {
  const s = useShared();
  const u = useStyles();
  const { state, dispatch } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const asOf = today();
  const [festivals, setFestivals] = useState<readonly FestivalDate[]>([]);
  useEffect(() => {
    let live = true;
    // If the chunk cannot load (offline add-in update), Today still lists everything else.
    import(/* webpackChunkName: "lunar" */ "../../domain/lunarCalendar")
      .then((m) => live && setFestivals(m.comingFestivals(asOf, DEFAULT_AGENDA_WINDOWS.festivalWithinDays)))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [asOf]);
  const bands = useMemo(() => (book ? todayView(book, asOf, lang, festivals) : []), [book, asOf, lang, festivals]);
  const counts = todayCounts(bands);
  const write = useCommand();
  const [notice, setNotice] = useState<Notice | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const urgencyClass: Record<Urgency, string> = { overdue: u.overdue, today: u.today, soon: u.soon };

  const onWrite = async () => {
    setNotice(null);
    const r = await write.run((c) => c.buildToday(today()));
    if (r) setNotice({ intent: "success", text: t(lang, "sheets.built", { sheets: r.sheets.join(t(lang, "common.listSep")) }) });
  };

  return (
    <div className={s.page}>
      <div className={s.row}>
        <h2 className={`${s.heading} ${s.grow}`}>{t(lang, "today.title", { date: asOf })}</h2>
        <CommandButton busy={write.busy} disabled={!state.read?.hasBook} onClick={onWrite}>
          {t(lang, "today.write")}
        </CommandButton>
      </div>
      <ErrorBar error={write.error} lang={lang} onDismiss={write.clearError} />
      <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
      <Text role="status" className={s.muted}>
        {counts.total === 0 ? t(lang, "today.empty") : t(lang, "today.count", { n: counts.total, overdue: counts.overdue })}
      </Text>
      {bands.map((b) => (
        <details key={b.urgency} open className={s.section}>
          <summary className={u.summary}>
            <h3 id={`today-${b.urgency}`} className={u.summaryHeading}>
              {t(lang, "today.band", { label: b.label, n: b.entries.length })}
            </h3>
          </summary>
          <ul className={s.list} aria-labelledby={`today-${b.urgency}`}>
            {(expanded.has(b.urgency) ? b.entries : b.entries.slice(0, GROUP_LIMIT)).map((e) => (
              <li key={e.key} className={u.entry}>
                <Button appearance="subtle" className={s.itemButton} onClick={() => dispatch({ type: "openClient", clientId: e.clientId })}>
                  <span className={s.itemTop}>
                    <span className={s.ellipsis}>{e.clientName}</span>
                    <span className={urgencyClass[e.urgency]}>{e.when}</span>
                  </span>
                  <span className={`${s.muted} ${s.wrapText}`}>{e.reasons}</span>
                </Button>
                {(e.phone || e.channel || e.contactWindow) && (
                  <span className={`${u.contact} ${s.wrapText}`}>
                    {e.phone && (
                      <span>
                        {t(lang, "today.phone")} <a href={`tel:${e.phone.replace(/[^\d+]/g, "")}`}>{e.phone}</a>
                      </span>
                    )}
                    {e.channel && <span>{`${t(lang, "today.channel")} ${e.channel}`}</span>}
                    {e.contactWindow && <span>{`${t(lang, "today.window")} ${e.contactWindow}`}</span>}
                  </span>
                )}
                <ul className={u.lines}>
                  {e.lines.map((l, i) => (
                    <li key={i} className={s.wrapText}>{`${l.date} · ${l.reasonLabel}${lang === "en-US" ? ": " : "："}${l.description}`}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {b.entries.length > GROUP_LIMIT && !expanded.has(b.urgency) && (
            <Button appearance="transparent" size="small" onClick={() => setExpanded(new Set([...expanded, b.urgency]))}>
              {t(lang, "today.showAll", { n: b.entries.length - GROUP_LIMIT })}
            </Button>
          )}
        </details>
      ))}
    </div>
  );
}
