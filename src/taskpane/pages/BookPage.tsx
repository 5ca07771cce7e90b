/**
 * 账簿 Book: set up the client book (tables with headers in the chosen language), load the 40-client sample,
 * the number of rows per table, and the rows that could not be read — each one selects its cell in the sheet — and
 * the rows read but left out of the figures for want of an exchange rate (model/valuation.ts), each selecting its row.
 */
import { Button, Field, Select, Text } from "@fluentui/react-components";
import { useState } from "react";
import { formatRowError } from "../../book/messages";
import { LANGS, type Lang } from "../../domain/types";
import { today } from "../clock";
import { rowErrorAddress } from "../format";
import { LANG_NAMES, t } from "../i18n";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";
import { fetchTemplate } from "../template";
import { limitRows } from "../model/clientSearch";

const MAX_ERRORS_SHOWN = 100;

export function BookPage() {
  const s = useShared();
  const { state, valuation } = useApp();
  const { lang, read } = state;
  const hasBook = read?.hasBook ?? false;
  const book = read?.book;
  const [headerLang, setHeaderLang] = useState<Lang>(hasBook && book ? book.settings.language : lang);
  const [notice, setNotice] = useState<Notice | null>(null);
  const setup = useCommand();
  const sample = useCommand();
  const select = useCommand();

  const onSetup = async () => {
    setNotice(null);
    const r = await setup.run((c) => c.setupBook(headerLang, { template: fetchTemplate }));
    if (!r) return;
    const text = r.fromTemplate
      ? t(lang, "book.setupFromTemplate", { tables: r.createdTables.length })
      : r.createdTables.length === 0 && r.addedColumns.length === 0
        ? t(lang, "book.setupNothing")
        : t(lang, "book.setupDone", { tables: r.createdTables.length, columns: r.addedColumns.length });
    setNotice({ intent: "success", text });
  };

  const onSample = async () => {
    setNotice(null);
    const r = await sample.run(async (c) => {
      // The sample goes into the book's tables; a workbook without them is set up first.
      if (!hasBook) await c.setupBook(headerLang, { template: fetchTemplate });
      return c.loadSample(headerLang, today());
    });
    if (r) setNotice({ intent: "success", text: t(lang, "book.sampleDone") });
  };

  const counts: [string, number][] = book
    ? [
        [t(lang, "book.count.clients"), book.clients.length],
        [t(lang, "book.count.family"), book.family.length],
        [t(lang, "book.count.holdings"), book.holdings.length],
        [t(lang, "book.count.policies"), book.policies.length],
        [t(lang, "book.count.contacts"), book.contacts.length],
        [t(lang, "book.count.reviews"), book.reviews.length],
      ]
    : [];
  const errors = read?.errors ?? [];
  const { shown, hidden } = limitRows(errors, MAX_ERRORS_SHOWN);
  const fxErrors = valuation?.errors ?? [];
  const fx = limitRows(fxErrors, MAX_ERRORS_SHOWN);
  const hasClients = (book?.clients.length ?? 0) > 0;

  return (
    <div className={s.page}>
      <section className={s.section} aria-labelledby="book-status">
        <h2 id="book-status" className={s.heading}>{t(lang, "book.title")}</h2>
        {!hasBook ? (
          <Text className={s.wrapText}>{t(lang, "book.noBook")}</Text>
        ) : (
          <dl className={s.figures}>
            {counts.map(([label, n]) => (
              <div key={label}>
                <dt className={s.figureLabel}>{label}</dt>
                <dd className={s.figureValue}>{n}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>

      <section className={s.section} aria-labelledby="book-setup">
        <h3 id="book-setup" className={s.subheading}>{t(lang, "book.setupHeading")}</h3>
        <Field label={t(lang, "book.headerLang")} hint={t(lang, "book.headerLangHint")}>
          <Select value={headerLang} onChange={(_, d) => setHeaderLang(d.value as Lang)}>
            {LANGS.map((l) => (
              <option key={l} value={l}>{LANG_NAMES[l]}</option>
            ))}
          </Select>
        </Field>
        <div className={s.row}>
          <CommandButton appearance="primary" busy={setup.busy} onClick={onSetup}>
            {t(lang, "book.setup")}
          </CommandButton>
          <CommandButton busy={sample.busy} disabled={hasClients} onClick={onSample}>
            {t(lang, "book.sample")}
          </CommandButton>
        </div>
        {hasClients && <Text className={s.muted}>{t(lang, "book.sampleHasClients")}</Text>}
        <ErrorBar error={setup.error} lang={lang} onDismiss={setup.clearError} />
        <ErrorBar error={sample.error} lang={lang} onDismiss={sample.clearError} />
        <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
      </section>

      {hasBook && (
        <section className={s.section} aria-labelledby="book-errors">
          <h3 id="book-errors" className={s.subheading}>
            {errors.length === 0 ? t(lang, "book.noErrors") : t(lang, "book.errors", { n: errors.length })}
          </h3>
          {errors.length > 0 && <Text className={s.muted}>{t(lang, "book.errorsHint")}</Text>}
          <ErrorBar error={select.error} lang={lang} onDismiss={select.clearError} />
          <ul className={s.list}>
            {shown.map((e, i) => (
              <li key={`${e.sheet}:${e.row}:${e.columnIndex ?? ""}:${i}`}>
                <Button
                  appearance="subtle"
                  className={s.itemButton}
                  onClick={() => void select.run((c) => c.selectCell(e.sheet, rowErrorAddress(e)), { reread: false })}
                >
                  <span className={s.wrapText}>{formatRowError(e, lang)}</span>
                </Button>
              </li>
            ))}
          </ul>
          {hidden > 0 && <Text className={s.muted}>{t(lang, "book.errorsHidden", { n: hidden })}</Text>}
        </section>
      )}

      {hasBook && fxErrors.length > 0 && (
        <section className={s.section} aria-labelledby="book-fx-missing">
          <h3 id="book-fx-missing" className={s.subheading}>{t(lang, "book.fxMissing", { n: fxErrors.length })}</h3>
          <Text className={s.muted}>{t(lang, "book.fxMissingHint")}</Text>
          <ul className={s.list}>
            {fx.shown.map((e, i) => (
              <li key={`${e.sheet}:${e.row}:${i}`}>
                <Button appearance="subtle" className={s.itemButton} onClick={() => void select.run((c) => c.selectCell(e.sheet, rowErrorAddress({ row: e.row, columnIndex: 0 })), { reread: false })}>
                  {/* the row's first cell (its id): the read does not say where the Currency column is */}
                  <span className={s.wrapText}>{formatRowError(e, lang)}</span>
                </Button>
              </li>
            ))}
          </ul>
          {fx.hidden > 0 && <Text className={s.muted}>{t(lang, "book.errorsHidden", { n: fx.hidden })}</Text>}
        </section>
      )}
    </div>
  );
}
