/**
 * Message bars: a failure says what went wrong and what to do (errors.ts, in the UI language); a notice
 * confirms what a command did. Both can be dismissed with their close button.
 */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import type { Lang } from "../../domain/types";
import { describeError } from "../errors";
import { t } from "../i18n";

const useStyles = makeStyles({
  body: { overflowWrap: "anywhere", whiteSpace: "normal" },
  detail: { display: "block", marginTop: tokens.spacingVerticalXXS, color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase100 },
  // A text button keeps Fluent's 64 px minimum width; for the one-glyph "×" that steals a quarter of a 320 px pane
  // from the message, which then wraps in a narrow column.
  dismiss: { minWidth: "auto" },
});

function Dismiss({ lang, onDismiss }: { lang: Lang; onDismiss: () => void }) {
  const s = useStyles();
  return (
    <Button appearance="transparent" size="small" className={s.dismiss} aria-label={t(lang, "common.dismiss")} onClick={onDismiss}>
      ×
    </Button>
  );
}

export function ErrorBar({ error, lang, onDismiss }: { error: unknown; lang: Lang; onDismiss?: () => void }) {
  const s = useStyles();
  if (error === null || error === undefined) return null;
  const e = describeError(error, lang);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody className={s.body}>
        <MessageBarTitle>{e.title}</MessageBarTitle> {e.action}
        {e.detail && <span className={s.detail}>{e.code ? `${e.code}: ` : ""}{e.detail}</span>}
      </MessageBarBody>
      {onDismiss && <MessageBarActions containerAction={<Dismiss lang={lang} onDismiss={onDismiss} />} />}
    </MessageBar>
  );
}

export interface Notice {
  intent: "success" | "warning" | "info";
  text: string;
}

export function NoticeBar({ notice, lang, onDismiss }: { notice: Notice | null; lang: Lang; onDismiss?: () => void }) {
  const s = useStyles();
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} layout="multiline" role={notice.intent === "warning" ? "alert" : "status"}>
      <MessageBarBody className={s.body}>{notice.text}</MessageBarBody>
      {onDismiss && <MessageBarActions containerAction={<Dismiss lang={lang} onDismiss={onDismiss} />} />}
    </MessageBar>
  );
}
