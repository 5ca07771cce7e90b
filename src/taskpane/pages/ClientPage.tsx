/**
 * One client: key figures, the commands of the client's page (build the asset review, record this review, log a
 * contact, export the client-facing review, edit) and the contact history, newest first. Escape goes back.
 */
import { Button, Spinner, Text } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { codeLabel } from "../../book/codes";
import { CADENCE_LABELS } from "../../domain/cadence";
import { contactHistory } from "../../domain/contacts";
import { today } from "../clock";
import { dateText, money as moneyIn, percent } from "../format";
import { t, type MessageKey } from "../i18n";
import { clientProfile } from "../model/clientProfile";
import { keyFigures, type KeyFigures } from "../model/keyFigures";
import { relativeDays } from "../model/today";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";
import { ClientProfileSection, LinkedWarning } from "./ClientProfileSection";
import { channelName, ContactLogForm } from "./ContactLogForm";
import { separateAccountsWarning } from "../../domain/linkedClients";
import { CLIENT_RISK_NAMES } from "../../domain/suitability";
import type { Lang } from "../../domain/types";

const RecordReviewForm = lazy(() => import(/* webpackChunkName: "record-review" */ "./RecordReviewForm"));

type Panel = "none" | "contact" | "review";

const MAX_HISTORY = 50;

/** Escape closes what is open, unless a list box (a dropdown) is open under it and needs the key itself. */
export function isEscapeForUs(e: KeyboardEvent): boolean {
  if (e.key !== "Escape" || e.defaultPrevented) return false;
  const target = e.target as HTMLElement | null;
  return !(target?.getAttribute?.("aria-expanded") === "true");
}

export function ClientPage({ clientId }: { clientId: string }) {
  const s = useShared();
  const { state, dispatch, tiers } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const asOf = today();
  const figures = useMemo(() => (book ? keyFigures(book, clientId, tiers, asOf) : undefined), [book, clientId, tiers, asOf]);
  const history = useMemo(() => (book ? contactHistory(book.contacts, clientId) : []), [book, clientId]);
  const profile = useMemo(() => (book && figures ? clientProfile(book, figures.client, asOf, lang) : undefined), [book, figures, asOf, lang]);
  const [panel, setPanel] = useState<Panel>("none");
  const [notice, setNotice] = useState<Notice | null>(null);
  const review = useCommand();
  const exporter = useCommand();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [clientId]);

  if (!book || !figures || !profile) return null;
  const client = figures.client;
  const back = () => dispatch({ type: "closeClient" });

  const onBuildReview = async () => {
    setNotice(null);
    // It changes no table and reads only this client's rows (src/excel/clientRead.ts): the pane keeps its book.
    const r = await review.run((c) => c.buildReview(clientId, today()), { reread: false });
    if (r) setNotice({ intent: "success", text: t(lang, "sheets.built", { sheets: r.sheets.join(t(lang, "common.listSep")) }) });
  };
  const onExport = async () => {
    setNotice(null);
    const r = await exporter.run((c) => c.exportClientReview(clientId, today()), { reread: false });
    if (!r) return;
    const done = t(lang, r.mode === "new-workbook" ? "client.exportedWorkbook" : "client.exportedSheet");
    // The client's paper says nothing of anyone else; the manager is told here, before sending it.
    const separate = separateAccountsWarning(profile.linked);
    setNotice(separate ? { intent: "warning", text: `${done} ${t(lang, "client.exportSeparate", { warning: separate[lang] })}` } : { intent: "success", text: done });
  };
  // Focus returns to the page (not lost with the closed form), so Escape and Tab keep working.
  const closePanel = (n?: Notice) => {
    setPanel("none");
    if (n) setNotice(n);
    heading.current?.focus();
  };

  return (
    <div
      className={s.page}
      onKeyDown={(e) => {
        if (isEscapeForUs(e)) {
          e.preventDefault();
          if (panel !== "none") closePanel();
          else back();
        }
      }}
    >
      <div className={s.row}>
        <Button appearance="subtle" size="small" onClick={back} title={t(lang, "client.backLabel")}>
          <span aria-hidden>←&nbsp;</span>
          {t(lang, "client.back")}
        </Button>
      </div>
      <div className={s.section}>
        <h2 ref={heading} tabIndex={-1} className={s.heading}>
          {client.name} <span className={s.muted}>{client.clientId}</span>
        </h2>
        {client.tags && client.tags.length > 0 && <Text className={s.muted}>{client.tags.join(" · ")}</Text>}
      </div>
      <LinkedWarning profile={profile} lang={lang} />

      <div className={s.row} role="group" aria-label={t(lang, "client.actions")}>
        <CommandButton appearance="primary" busy={review.busy} onClick={onBuildReview}>
          {t(lang, "client.buildReview")}
        </CommandButton>
        <Button aria-expanded={panel === "review"} onClick={() => setPanel(panel === "review" ? "none" : "review")}>
          {t(lang, "client.recordReview")}
        </Button>
        <Button aria-expanded={panel === "contact"} onClick={() => setPanel(panel === "contact" ? "none" : "contact")}>
          {t(lang, "client.logContact")}
        </Button>
        <CommandButton busy={exporter.busy} onClick={onExport}>
          {t(lang, "client.export")}
        </CommandButton>
        <Button onClick={() => dispatch({ type: "edit", clientId })}>{t(lang, "client.edit")}</Button>
      </div>
      <ErrorBar error={review.error} lang={lang} onDismiss={review.clearError} />
      <ErrorBar error={exporter.error} lang={lang} onDismiss={exporter.clearError} />
      <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />

      {panel === "contact" && <ContactLogForm client={client} linked={profile.linked} lang={lang} onDone={closePanel} onCancel={() => closePanel()} />}
      {panel === "review" && (
        <Suspense fallback={<Spinner size="small" label={t(lang, "common.loading")} />}>
          <RecordReviewForm clientId={clientId} onDone={closePanel} onCancel={() => closePanel()} />
        </Suspense>
      )}

      <ClientProfileSection profile={profile} lang={lang} onOpenClient={(id) => dispatch({ type: "openClient", clientId: id })} />
      <Figures f={figures} lang={lang} />

      <section className={s.section} aria-labelledby="client-history">
        <h3 id="client-history" className={s.subheading}>{t(lang, "client.history", { n: history.length })}</h3>
        {history.length === 0 && <Text className={s.muted}>{t(lang, "client.noHistory")}</Text>}
        <ul className={s.list}>
          {history.slice(0, MAX_HISTORY).map((c, i) => (
            <li key={`${c.date}:${i}`} className={s.card}>
              <span className={s.itemTop}>
                <strong>{dateText(c.date, lang)}</strong>
                <span className={s.muted}>{channelName(c.channel, lang)}</span>
              </span>
              {c.summary && <span className={s.wrapText}>{c.summary}</span>}
              {(c.nextAction || c.nextDate) && (
                <span className={s.muted}>
                  {t(lang, "client.next")}: {[c.nextAction, c.nextDate && dateText(c.nextDate, lang)].filter(Boolean).join(" · ")}
                </span>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

const ASSESSMENT_KEYS: Record<KeyFigures["assessment"], MessageKey> = {
  valid: "client.assessment.valid",
  expiring: "client.assessment.expiring",
  expired: "client.assessment.expired",
  missing: "client.assessment.missing",
  future: "client.assessment.future",
};

function Figures({ f, lang }: { f: KeyFigures; lang: Lang }) {
  const s = useShared();
  const money = (n: number) => moneyIn(n, f.amountUnit, lang);
  const rows: { label: string; value: string; warn?: boolean }[] = [
    { label: t(lang, "client.thisBank"), value: money(f.thisBank) },
    { label: t(lang, "client.otherBanks"), value: money(f.otherBanks) },
    { label: t(lang, "client.nonFinancial"), value: money(f.nonFinancial) },
    { label: t(lang, "client.liabilities"), value: money(f.liabilities) },
    { label: t(lang, "client.netWorth"), value: money(f.netWorth) },
    { label: t(lang, "client.walletShare"), value: f.walletShare === undefined ? "—" : percent(f.walletShare) },
    {
      label: t(lang, "client.tier"),
      value: `${f.tier}${f.tierManual ? ` (${t(lang, "client.tierManual")})` : ""} · ${percent(f.tierShare)}`,
    },
    {
      label: t(lang, "client.risk"),
      value: `${f.riskLevel ? `${f.riskLevel} ${CLIENT_RISK_NAMES[lang][f.riskLevel]}` : "—"} · ${t(lang, ASSESSMENT_KEYS[f.assessment])}${f.assessmentExpires ? ` (${dateText(f.assessmentExpires, lang)})` : ""}`,
      warn: f.assessment !== "valid",
    },
    {
      label: t(lang, "client.nextReview", { cadence: CADENCE_LABELS[f.cadence][lang] }),
      value: f.lastReview ? `${dateText(f.nextReview, lang)} · ${relativeDays(f.reviewDaysUntil, lang)}` : t(lang, "client.neverReviewed"),
      warn: f.reviewDaysUntil < 0 || !f.lastReview,
    },
  ];
  if (f.returnSinceLast) {
    const r = f.returnSinceLast;
    rows.push({
      label: t(lang, r.measure === "modified-dietz" ? "client.returnDietz" : "client.returnSimple"),
      value: percent(r.value, true),
    });
  }
  if (f.protection) {
    const p = f.protection;
    const noIncome = p.noIncome ? ` · ${t(lang, "client.noIncome")}` : "";
    rows.push({ label: t(lang, "client.lifeGap"), value: money(p.lifeGap) + noIncome, warn: p.lifeGap > 0 });
    rows.push({
      label: t(lang, "client.ciGap"),
      value: money(p.criticalIllnessGap) + (p.noCriticalIllness ? ` · ${t(lang, "client.noCi")}` : noIncome),
      warn: p.noCriticalIllness || p.criticalIllnessGap > 0,
    });
    if (p.uncoveredMembers.length > 0) {
      rows.push({
        label: t(lang, "client.uncovered"),
        value: p.uncoveredMembers.map((m) => `${codeLabel("relation", m.relation, lang)} ${m.name}`).join(t(lang, "common.listSep")),
        warn: true,
      });
    }
  }
  rows.push({
    label: t(lang, "client.lastContact"),
    value: f.lastContact ? `${dateText(f.lastContact.date, lang)} · ${channelName(f.lastContact.channel, lang)}` : t(lang, "client.neverContacted"),
  });
  return (
    <dl className={s.figures}>
      {rows.map((r) => (
        <div key={r.label}>
          <dt className={s.figureLabel}>{r.label}</dt>
          <dd className={`${s.figureValue} ${r.warn ? s.warnText : ""}`}>{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}
