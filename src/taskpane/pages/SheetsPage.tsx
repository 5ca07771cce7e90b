/**
 * 报表 Sheets: build the profile list, the insurance coverage and the contact calendar of a chosen month, or
 * refresh every output sheet with progress. Commands run asynchronously, so the pane stays responsive.
 */
import { Field, ProgressBar, Select, Text } from "@fluentui/react-components";
import { useMemo, useState, type ReactNode } from "react";
import type { Progress, SheetResult } from "../../excel/api";
import { today } from "../clock";
import { t } from "../i18n";
import { monthOf, monthOptions } from "../model/months";
import { progressText } from "../model/progress";
import { useApp, useCommand, type CommandState } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";
import type { MessageKey } from "../i18n";

export function SheetsPage() {
  const s = useShared();
  const { state } = useApp();
  const { lang } = state;
  const asOf = today();
  const months = useMemo(() => monthOptions(asOf, lang), [asOf, lang]);
  const [month, setMonth] = useState(monthOf(asOf));
  const [notice, setNotice] = useState<Notice | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const profile = useCommand();
  const coverage = useCommand();
  const calendar = useCommand();
  const refresh = useCommand();
  const disabled = !state.read?.hasBook;

  const build = async (cmd: CommandState, fn: Parameters<CommandState["run"]>[0]) => {
    setNotice(null);
    const r = (await cmd.run(fn)) as SheetResult | undefined;
    if (r) setNotice({ intent: "success", text: t(lang, "sheets.built", { sheets: r.sheets.join(t(lang, "common.listSep")) || "—" }) });
  };
  const onRefresh = async () => {
    setNotice(null);
    setProgress({ done: 0, total: 1 });
    const r = await refresh.run((c) => c.refreshAll(today(), (p) => setProgress(p)));
    setProgress(null);
    if (r) setNotice({ intent: "success", text: t(lang, "sheets.refreshed", { n: r.sheets.length }) });
  };

  const item = (cmd: CommandState, label: MessageKey, hint: MessageKey, run: () => void, extra?: ReactNode) => (
    <div className={s.card}>
      {extra}
      <div className={s.row}>
        <CommandButton appearance="primary" busy={cmd.busy} disabled={disabled} onClick={run}>
          {t(lang, label)}
        </CommandButton>
      </div>
      <Text className={s.muted}>{t(lang, hint)}</Text>
      <ErrorBar error={cmd.error} lang={lang} onDismiss={cmd.clearError} />
    </div>
  );

  return (
    <div className={s.page}>
      <h2 className={s.heading}>{t(lang, "sheets.title")}</h2>
      {disabled && <Text className={s.muted}>{t(lang, "sheets.noBook")}</Text>}
      <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
      {item(profile, "sheets.profile", "sheets.profileHint", () => void build(profile, (c) => c.buildProfile(today())))}
      {item(coverage, "sheets.coverage", "sheets.coverageHint", () => void build(coverage, (c) => c.buildCoverage(today())))}
      {item(
        calendar,
        "sheets.calendar",
        "sheets.calendarHint",
        () => void build(calendar, (c) => c.buildCalendar(month, today())),
        <Field label={t(lang, "sheets.month")}>
          <Select value={month} onChange={(_, d) => setMonth(d.value)}>
            {months.map((m) => (
              <option key={m.value} value={m.value}>{m.label}</option>
            ))}
          </Select>
        </Field>,
      )}
      <div className={s.card}>
        <div className={s.row}>
          <CommandButton busy={refresh.busy} disabled={disabled} onClick={() => void onRefresh()}>
            {t(lang, "sheets.refreshAll")}
          </CommandButton>
        </div>
        <Text className={s.muted}>{t(lang, "sheets.refreshHint")}</Text>
        {progress && (
          <Field label={<span role="status">{progressText(progress, lang)}</span>}>
            <ProgressBar value={progress.total > 0 ? progress.done / progress.total : undefined} thickness="large" />
          </Field>
        )}
        <ErrorBar error={refresh.error} lang={lang} onDismiss={refresh.clearError} />
      </div>
    </div>
  );
}
