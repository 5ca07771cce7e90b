/**
 * A date field that follows the pane's language, not the browser's locale: it shows and takes 2026/5/15 in Chinese
 * and 5/15/2026 in English (format.ts dateText / parsePaneDate), and hands the form an ISO date once what is typed
 * is one — otherwise the text as typed, so the book's codec reports it under the field as it reports a bad cell.
 * A calendar button opens the browser's own date picker (a hidden native input, showPicker) where there is one;
 * the picked day comes back in the pane's format. Light on purpose: no date-picker library in the pane's bundle.
 */
import { Button, Input, makeStyles, type InputProps } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { isIsoDate } from "../../domain/dates";
import type { Lang } from "../../domain/types";
import { datePattern, dateText, parsePaneDate } from "../format";
import { t } from "../i18n";

const useStyles = makeStyles({
  // Kept in the layout (showPicker needs a rendered input) but invisible and out of the way.
  native: { position: "absolute", width: "1px", height: "1px", opacity: 0, pointerEvents: "none", border: "none", padding: 0 },
  pick: { minWidth: "auto", paddingLeft: "2px", paddingRight: "2px" },
  field: { position: "relative", minWidth: 0 },
});

/** The value as the field shows it: an ISO date in the pane's format, anything else as it was typed. */
const shown = (value: string, lang: Lang): string => (isIsoDate(value) ? dateText(value, lang) : value);

const canPick = typeof HTMLInputElement !== "undefined" && "showPicker" in HTMLInputElement.prototype;

export interface DateInputProps extends Omit<InputProps, "value" | "onChange" | "type" | "defaultValue"> {
  /** An ISO date, "" (blank) or text that is not a date yet. */
  value: string;
  lang: Lang;
  onChange: (value: string) => void;
}

export function DateInput({ value, lang, onChange, className, ...rest }: DateInputProps) {
  const st = useStyles();
  const [text, setText] = useState(() => shown(value, lang));
  const sent = useRef(value);
  const native = useRef<HTMLInputElement>(null);
  // A value set from outside (a reload, another language) replaces what is shown; our own echo does not.
  useEffect(() => {
    if (value !== sent.current) {
      sent.current = value;
      setText(shown(value, lang));
    }
  }, [value, lang]);
  useEffect(() => setText((x) => (isIsoDate(sent.current) ? dateText(sent.current, lang) : x)), [lang]);

  const emit = (typed: string) => {
    setText(typed);
    const iso = typed.trim() === "" ? "" : parsePaneDate(typed, lang) ?? typed;
    sent.current = iso;
    onChange(iso);
  };
  const open = () => {
    try {
      native.current?.showPicker();
    } catch {
      native.current?.focus(); // no picker here (or not allowed now): typing still works
    }
  };

  return (
    <span className={`${st.field} ${className ?? ""}`}>
      <Input
        {...rest}
        value={text}
        placeholder={datePattern(lang)}
        inputMode="numeric"
        autoComplete="off"
        onChange={(_, d) => emit(d.value)}
        contentAfter={
          canPick ? (
            <Button type="button" appearance="transparent" size="small" className={st.pick} aria-label={t(lang, "date.pick")} onClick={open}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <path fill="currentColor" d="M5 1h1v2h4V1h1v2h2.5c.3 0 .5.2.5.5v10c0 .3-.2.5-.5.5h-11a.5.5 0 0 1-.5-.5v-10c0-.3.2-.5.5-.5H5V1Zm-2 5v7h10V6H3Zm0-1h10V4H3v1Zm1 2h2v2H4V7Zm3 0h2v2H7V7Zm3 0h2v2h-2V7Z" />
              </svg>
            </Button>
          ) : undefined
        }
      />
      {canPick && (
        <input
          ref={native}
          type="date"
          tabIndex={-1}
          aria-hidden="true"
          className={st.native}
          value={isIsoDate(sent.current) ? sent.current : ""}
          onChange={(e) => {
            const iso = e.target.value;
            if (isIsoDate(iso)) {
              sent.current = iso;
              setText(dateText(iso, lang));
              onChange(iso);
            }
          }}
        />
      )}
    </span>
  );
}
