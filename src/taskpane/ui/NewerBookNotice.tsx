/**
 * The notice for a book written by a newer ClientBook (shown, never written: every writing command refuses it).
 * Its own lazy chunk: the message comes from src/book/bookVersion.ts, which brings the book's schema with it — code
 * the shell's first paint does not otherwise need (App.tsx, issue 19's 150 KB first load).
 */
import { newerBookMessage } from "../../book/bookVersion";
import type { Lang } from "../../domain/types";
import { NoticeBar } from "./Bars";

export default function NewerBookNotice({ version, lang }: { version: number; lang: Lang }) {
  return <NoticeBar notice={{ intent: "warning", text: newerBookMessage(version)[lang] }} lang={lang} />;
}
