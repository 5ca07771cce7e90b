/**
 * Record this review (lazy): the client's current holdings, each with a net-flow input (money moved in + or
 * out − since the last review), and the review date, today by default. Appends one Reviews row per holding.
 */
import { Button, Field, Input, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { ASSET_CLASS_LABELS } from "../../domain/allocation";
import { today } from "../clock";
import { money } from "../format";
import { t } from "../i18n";
import { checkReview, reviewLines, type ReviewCheck } from "../model/reviewDraft";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";

export default function RecordReviewForm({ clientId, onDone, onCancel }: { clientId: string; onDone: (n: Notice) => void; onCancel: () => void }) {
  const s = useShared();
  const { state } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const initial = useMemo(() => (book ? reviewLines(book, clientId) : []), [book, clientId]);
  const [flows, setFlows] = useState<Record<string, string>>({});
  const [date, setDate] = useState(today());
  const [check, setCheck] = useState<ReviewCheck>({ flowErrors: {} });
  const cmd = useCommand();
  if (!book) return null;
  const lines = initial.map((l) => ({ ...l, flow: flows[l.holding.holdingId] ?? "" }));

  const submit = async () => {
    const c = checkReview(book, clientId, date, lines, lang);
    setCheck(c);
    if (!c.netFlows) return;
    const netFlows = c.netFlows;
    const r = await cmd.run((x) => x.recordReview(clientId, date, netFlows));
    if (r) onDone({ intent: "success", text: t(lang, "review.done", { n: r.rows, date }) });
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
        <Input type="date" value={date} onChange={(_, d) => setDate(d.value)} />
      </Field>
      {lines.length === 0 && <Text>{t(lang, "review.noHoldings")}</Text>}
      {lines.map((l, i) => (
        <Field
          key={l.holding.holdingId}
          label={`${l.holding.productName} · ${ASSET_CLASS_LABELS[l.holding.assetClass][lang]} · ${money(l.holding.amount)}`}
          validationMessage={check.flowErrors[l.holding.holdingId]}
        >
          <Input
            autoFocus={i === 0}
            inputMode="decimal"
            value={l.flow}
            placeholder={t(lang, "review.flowPlaceholder")}
            onChange={(_, d) => setFlows((f) => ({ ...f, [l.holding.holdingId]: d.value }))}
          />
        </Field>
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
