/**
 * 今日 Today: what to act on today, grouped by reason (reviews, contacts, follow-ups, birthdays, maturities, risk
 * assessments, suitability, details to verify), most urgent first; each item opens its client. The same agenda
 * can be written as a sheet.
 */
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Urgency } from "../../domain/agenda";
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
});

/** Items shown per group before "show all": a 5,000-client book can list hundreds of details to verify. */
const GROUP_LIMIT = 30;

export function TodayPage() {
  const s = useShared();
  const u = useStyles();
  const { state, dispatch } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const asOf = today();
  const groups = useMemo(() => (book ? todayView(book, asOf, lang) : []), [book, asOf, lang]);
  const counts = todayCounts(groups);
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
      {groups.map((g) => (
        <section key={g.reason} className={s.section} aria-labelledby={`today-${g.reason}`}>
          <h3 id={`today-${g.reason}`} className={s.subheading}>
            {g.label} <span className={s.muted}>({g.items.length})</span>
          </h3>
          <ul className={s.list}>
            {(expanded.has(g.reason) ? g.items : g.items.slice(0, GROUP_LIMIT)).map((item) => (
              <li key={item.key}>
                <Button appearance="subtle" className={s.itemButton} onClick={() => dispatch({ type: "openClient", clientId: item.clientId })}>
                  <span className={s.itemTop}>
                    <span className={s.ellipsis}>{item.clientName}</span>
                    <span className={urgencyClass[item.urgency]}>{item.when}</span>
                  </span>
                  <span className={`${s.muted} ${s.wrapText}`}>
                    {item.date} · {item.description}
                  </span>
                </Button>
              </li>
            ))}
          </ul>
          {g.items.length > GROUP_LIMIT && !expanded.has(g.reason) && (
            <Button appearance="transparent" size="small" onClick={() => setExpanded(new Set([...expanded, g.reason]))}>
              {t(lang, "today.showAll", { n: g.items.length - GROUP_LIMIT })}
            </Button>
          )}
        </section>
      ))}
    </div>
  );
}
