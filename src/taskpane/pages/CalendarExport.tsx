/**
 * Export to a calendar (issue 17): the book's reviews due, follow-ups, birthdays, maturities and premiums of the next
 * months as an iCalendar file, made in the pane by the same writer as `clientbook calendar` (src/sheets/ics.ts
 * bookCalendarIcs: each event the client's name and the reason only; "leave names out" keeps the reason alone) and
 * downloaded (../download.ts says how each host behaves). Excel for Mac cannot download from an add-in: there the
 * text is shown to copy instead.
 *
 * The writer and ical-generator are their own chunk ("ics"), fetched when this panel opens, so neither the first
 * load nor the ladder's chunk carries them.
 */
import { Button, Checkbox, Field, Select, Text, Textarea } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { DEFAULT_CALENDAR_MONTHS } from "../../domain/calendarEvents";
import type { Book, IsoDate, Lang } from "../../domain/types";
import { canDownload, downloadText } from "../download";
import { calendarFileName, EXPORT_MONTHS, ICS_MIME } from "../model/calendarFile";
import { useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";
import { lt } from "./ladderText";

type IcsModule = typeof import("../../sheets/ics");

const loadIcs = (): Promise<IcsModule> => import(/* webpackChunkName: "ics" */ "../../sheets/ics");

export function CalendarExport({ book, asOf, lang, id }: { book: Book; asOf: IsoDate; lang: Lang; id: string }) {
  const s = useShared();
  const [months, setMonths] = useState<number>(DEFAULT_CALENDAR_MONTHS);
  const [noNames, setNoNames] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [shown, setShown] = useState<{ text: string; file: string; n: number } | null>(null);
  const [copied, setCopied] = useState<Notice | null>(null);
  const text = useRef<HTMLTextAreaElement>(null);
  const ics = useRef<IcsModule | null>(null);
  const make = useCommand();

  // Fetch the writer as the panel opens, so the click makes the file at once (a download started in the click's
  // own task is one the browser attributes to the user).
  useEffect(() => {
    let live = true;
    loadIcs()
      .then((m) => {
        if (live) ics.current = m;
      })
      .catch(() => undefined); // the click retries and reports a failure
    return () => {
      live = false;
    };
  }, []);

  const onExport = async () => {
    setNotice(null);
    setCopied(null);
    setShown(null);
    const r = await make.run(
      async () => {
        const m = ics.current ?? (ics.current = await loadIcs());
        return m.bookCalendarIcs(book, { asOf, lang, months, clientFacing: noNames });
      },
      { reread: false },
    );
    if (!r) return;
    if (r.events.length === 0) {
      setNotice({ intent: "info", text: lt(lang, "export.none", { months }) });
      return;
    }
    const file = calendarFileName(asOf, noNames);
    if (canDownload()) {
      downloadText(r.text, file, ICS_MIME);
      setNotice({ intent: "success", text: lt(lang, "export.done", { file, n: r.events.length }) });
    } else {
      setShown({ text: r.text, file, n: r.events.length });
    }
  };

  const onCopy = async () => {
    if (!shown) return;
    try {
      await navigator.clipboard.writeText(shown.text);
      setCopied({ intent: "success", text: lt(lang, "export.copied") });
    } catch {
      text.current?.focus();
      text.current?.select();
      setCopied({ intent: "warning", text: lt(lang, "export.copyFailed") });
    }
  };

  return (
    <section id={id} className={s.card} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={s.subheading}>{lt(lang, "export.title")}</h3>
      <Text className={s.muted}>{lt(lang, "export.hint")}</Text>
      <Field label={lt(lang, "export.months")}>
        <Select value={String(months)} onChange={(_, d) => setMonths(Number(d.value))}>
          {EXPORT_MONTHS.map((n) => (
            <option key={n} value={n}>{n === 1 ? lt(lang, "export.monthsOne") : lt(lang, "export.monthsOption", { n })}</option>
          ))}
        </Select>
      </Field>
      <Field hint={lt(lang, "export.noNamesHint")}>
        <Checkbox label={lt(lang, "export.noNames")} checked={noNames} onChange={(_, d) => setNoNames(Boolean(d.checked))} />
      </Field>
      <div className={s.row}>
        <CommandButton appearance="primary" busy={make.busy} onClick={() => void onExport()}>
          {lt(lang, "export.download")}
        </CommandButton>
      </div>
      <ErrorBar error={make.error} lang={lang} onDismiss={make.clearError} />
      <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
      {shown && (
        <>
          <NoticeBar notice={{ intent: "warning", text: lt(lang, "export.mac", { file: shown.file }) }} lang={lang} />
          <Field label={lt(lang, "export.text", { n: shown.n })}>
            <Textarea ref={text} readOnly resize="vertical" rows={6} value={shown.text} />
          </Field>
          <div className={s.row}>
            <Button onClick={() => void onCopy()}>{lt(lang, "export.copy")}</Button>
          </div>
          <NoticeBar notice={copied} lang={lang} onDismiss={() => setCopied(null)} />
        </>
      )}
    </section>
  );
}
