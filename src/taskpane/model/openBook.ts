/**
 * The pane's read of the book, with the in-place upgrade: a book of an older format (or lacking a table, column or
 * setting of this version) is upgraded at once (commands.upgradeBook) and read again, and the notice says what
 * changed (src/book/bookVersion.ts upgradeSummary). Should Excel refuse the write (a protected or read-only
 * workbook), the book is shown as first read and the notice says why. A newer book is only read (the pane shows
 * newerBookMessage; the writing commands refuse it).
 */
import type { ClientBookCommands, ReadResult } from "../../excel/api";
import type { Lang } from "../../domain/types";
import { describeError } from "../errors";
import { t } from "../i18n";

export interface OpenedBook {
  read: ReadResult;
  notice?: { intent: "info" | "warning"; text: string };
}

export async function readAndUpgrade(commands: Pick<ClientBookCommands, "readBook" | "upgradeBook">, lang: () => Lang): Promise<OpenedBook> {
  const read = await commands.readBook();
  if (!read.format?.upgrade) return { read };
  let up;
  try {
    up = await commands.upgradeBook();
  } catch (e) {
    return { read, notice: { intent: "warning", text: `${t(lang(), "book.upgradeFailed")} ${describeError(e, lang()).title}` } };
  }
  const again = await commands.readBook();
  return up.upgraded ? { read: again, notice: { intent: "info", text: up.upgraded.summary[lang()] } } : { read: again };
}
