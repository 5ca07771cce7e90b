/**
 * Record this review (lazy): the client's current holdings grouped by asset class, each with its market value at the
 * meeting (prefilled with the last value) and a net-flow input (money moved in + or out − since the last review), and
 * the review date, today by default. Appends one Reviews row per holding at the value typed; holdings whose value
 * changed are then brought up to date in the Holdings table (Amount and UpdatedOn) through the client form's save,
 * which writes only the changed cells after checking they still hold what was read.
 */
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ASSET_CLASS_LABELS } from "../../domain/allocation";
import type { IsoDate } from "../../domain/types";
import { today } from "../clock";
import { dateText, money } from "../format";
import { t } from "../i18n";
import { changedHoldings, checkReview, reviewGroups, type ReviewCheck } from "../model/reviewDraft";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { DateInput } from "../ui/DateInput";
import { useShared } from "../ui/styles";

export default function RecordReviewForm({ clientId, onDone, onCancel }: { clientId: string; onDone: (n: Notice) => void; onCancel: () => void }) {
  const s = useShared();
  const { state } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const groups = useMemo(() => (book ? reviewGroups(book, clientId) : []), [book, clientId]);
  const [flows, setFlows] = useState<Record<string, string>>({});
  const [values, setValues] = useState<Record<string, string>>({});
  const [date, setDate] = useState(today());
  const [check, setCheck] = useState<ReviewCheck>({ flowErrors: {}, valueErrors: {} });
  const cmd = useCommand();
  if (!book) return null;
  const shown = groups.map((g) => ({
    ...g,
    lines: g.lines.map((l) => ({ ...l, value: values[l.holding.holdingId] ?? l.value, flow: flows[l.holding.holdingId] ?? "" })),
  }));
  const lines = shown.flatMap((g) => g.lines);
  const firstId = lines[0]?.holding.holdingId;

  const submit = async () => {
    const c = checkReview(book, clientId, date, lines, lang);
    setCheck(c);
    if (!c.netFlows || !c.values) return;
    const [netFlows, typed] = [c.netFlows, c.values];
    const r = await cmd.run((x) => x.recordReview(clientId, date, netFlows, typed));
    if (!r) return;
    // The Holdings table is "today": the values typed at the meeting become its amounts.
    const changed = changedHoldings(lines, typed, date as IsoDate);
    const client = book.clients.find((x) => x.clientId === clientId);
    if (changed.length > 0 && client) {
      const saved = await cmd.run((x) => x.saveClient({ client: { before: client, after: client }, family: [], holdings: changed, policies: [] }));
      if (!saved) return;
    }
    onDone({ intent: "success", text: t(lang, "review.done", { n: r.rows, date: dateText(date, lang) }) });
  };

  return (
    <form
      className={s.card}
      aria-label={t(lang, "review.title")}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 className={s.subheading}>{t(lang, "review.title")}</h3>
      <Text className={s.muted}>{t(lang, "review.hint")}</Text>
      <Field label={t(lang, "review.date")} required>
        <DateInput lang={lang} value={date} onChange={setDate} />
      </Field>
      {lines.length === 0 && <Text>{t(lang, "review.noHoldings")}</Text>}
      {shown.map((g) => (
        <fieldset key={g.assetClass} className={s.card}>
          <legend className={s.subheading}>{ASSET_CLASS_LABELS[g.assetClass][lang]}</legend>
          {g.lines.map((l) => {
            const id = l.holding.holdingId;
            return (
              <div key={id}>
                <Text className={s.muted}>{`${l.holding.productName} · ${t(lang, "review.last", { amount: money(l.holding.amount, book?.settings.amountUnit, lang) })}`}</Text>
                <Field label={t(lang, "review.valueOf", { name: l.holding.productName })} validationMessage={check.valueErrors[id]}>
                  <Input autoFocus={id === firstId} inputMode="decimal" value={l.value} onChange={(_, d) => setValues((v) => ({ ...v, [id]: d.value }))} />
                </Field>
                <Field label={t(lang, "review.flowOf", { name: l.holding.productName })} validationMessage={check.flowErrors[id]}>
                  <Input
                    inputMode="decimal"
                    value={l.flow}
                    placeholder={t(lang, "review.flowPlaceholder")}
                    onChange={(_, d) => setFlows((f) => ({ ...f, [id]: d.value }))}
                  />
                </Field>
              </div>
            );
          })}
        </fieldset>
      ))}
      <NoticeBar notice={check.error ? { intent: "warning", text: check.error } : null} lang={lang} />
      <ErrorBar error={cmd.error} lang={lang} onDismiss={cmd.clearError} />
      <div className={s.row}>
        <CommandButton type="submit" appearance="primary" busy={cmd.busy} disabled={lines.length === 0}>
          {t(lang, "review.save")}
        </CommandButton>
        <Button type="button" onClick={onCancel}>
          {t(lang, "common.cancel")}
        </Button>
      </div>
    </form>
  );
}
