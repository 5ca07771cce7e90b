/**
 * Log contact, from the client's page in at most three interactions: the form opens with the client's preferred
 * channel chosen, today's date and the cursor in the summary; Enter saves. Before a phone call (or a visit) at a
 * time the client's contact window forbids, a warning says so; so does a link to another client (a mother and son who
 * both bank here: their accounts are separate, domain/linkedClients.ts). Dates follow the pane's language (DateInput).
 */
import { Button, Field, Input, Radio, RadioGroup } from "@fluentui/react-components";
import { useState, type KeyboardEvent } from "react";
import { codeLabel } from "../../book/codes";
import { separateAccountsWarning, type LinkedClient } from "../../domain/linkedClients";
import { CHANNELS, type Client, type Lang } from "../../domain/types";
import { now, today } from "../clock";
import { t } from "../i18n";
import { checkContact, contactDefaults, contactWarning, isChannel, type ContactCheck, type ContactDraft } from "../model/contactDraft";
import { useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { DateInput } from "../ui/DateInput";
import { useShared } from "../ui/styles";

const CHANNEL_KEYS = { T: "channel.T", E: "channel.E", M: "channel.M" } as const;

export function channelName(channel: keyof typeof CHANNEL_KEYS, lang: Lang): string {
  return t(lang, CHANNEL_KEYS[channel]);
}

export function ContactLogForm({ client, linked = [], lang, onDone, onCancel }: {
  client: Client;
  /** Clients whose accounts are separate from this one's: the form reminds the manager before the talk is logged. */
  linked?: readonly LinkedClient[];
  lang: Lang;
  onDone: (n: Notice) => void;
  onCancel: () => void;
}) {
  const s = useShared();
  const [draft, setDraft] = useState<ContactDraft>(() => contactDefaults(client, today()));
  const [errors, setErrors] = useState<ContactCheck["errors"]>({});
  const cmd = useCommand();
  const warning = contactWarning(client, draft.channel, now(), lang);
  const separate = separateAccountsWarning(linked);
  const set = (patch: Partial<ContactDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const check = checkContact(client.clientId, draft, lang);
    setErrors(check.errors);
    if (!check.contact) return;
    const r = await cmd.run((c) => c.logContact(check.contact!));
    if (r) onDone({ intent: "success", text: r.calendarUpdated ? t(lang, "contact.doneCalendar") : t(lang, "contact.done") });
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onCancel();
    }
  };

  return (
    <form
      className={s.card}
      aria-label={t(lang, "contact.title", { name: client.name })}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={onKeyDown}
    >
      <h3 className={s.subheading}>{t(lang, "contact.title", { name: client.name })}</h3>
      <Field label={t(lang, "contact.channel")}>
        <RadioGroup layout="horizontal" value={draft.channel} onChange={(_, d) => isChannel(d.value) && set({ channel: d.value })}>
          {CHANNELS.map((c) => (
            <Radio key={c} value={c} label={`${codeLabel("channel", c, lang)} ${channelName(c, lang)}`} />
          ))}
        </RadioGroup>
      </Field>
      <NoticeBar notice={warning ? { intent: "warning", text: warning } : null} lang={lang} />
      <NoticeBar notice={separate ? { intent: "warning", text: separate[lang] } : null} lang={lang} />
      <Field label={t(lang, "contact.summary")} validationMessage={errors.summary}>
        <Input autoFocus value={draft.summary} onChange={(_, d) => set({ summary: d.value })} />
      </Field>
      <div className={s.rowEnd}>
        <Field label={t(lang, "contact.date")} required validationMessage={errors.date} className={s.grow}>
          <DateInput lang={lang} value={draft.date} onChange={(date) => set({ date })} />
        </Field>
      </div>
      <Field label={t(lang, "contact.nextAction")} validationMessage={errors.nextAction}>
        <Input value={draft.nextAction} onChange={(_, d) => set({ nextAction: d.value })} />
      </Field>
      <Field label={t(lang, "contact.nextDate")} validationMessage={errors.nextDate}>
        <DateInput lang={lang} value={draft.nextDate} onChange={(nextDate) => set({ nextDate })} />
      </Field>
      <ErrorBar error={cmd.error} lang={lang} onDismiss={cmd.clearError} />
      <div className={s.row}>
        <CommandButton type="submit" appearance="primary" busy={cmd.busy}>
          {t(lang, "contact.save")}
        </CommandButton>
        <Button type="button" onClick={onCancel}>
          {t(lang, "common.cancel")}
        </Button>
      </div>
    </form>
  );
}
