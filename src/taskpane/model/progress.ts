/**
 * A command's progress in words, in the pane's language: the Office layer reports data (how far, which sheet), never
 * text, so the pane's chosen language wins over Office's display language.
 */
import type { Progress } from "../../excel/api";
import type { Lang } from "../../domain/types";
import { t } from "../i18n";

/** "Writing 资产检视-张伟-C0001 (3/12)": the step the command reports, and how far it is. */
export function progressText(p: Progress, lang: Lang): string {
  if (p.kind === "writing" && p.sheet !== undefined) return t(lang, "sheets.progressWriting", { sheet: p.sheet, done: p.done, total: p.total });
  return t(lang, "sheets.progress", { done: p.done, total: p.total });
}
