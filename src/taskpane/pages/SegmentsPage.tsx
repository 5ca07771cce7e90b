/**
 * 分群 Segments (lazy): the tiers A/B/C and the 80/20 picture of assets at this bank; filters (tags, tier, risk
 * level, products held, maturity window) → the matching clients, each with the reason → Save as call list; and
 * the whole book's suitability check.
 */
import { Button, Checkbox, Dropdown, Field, Input, Option, Select, Text } from "@fluentui/react-components";
import { useDeferredValue, useMemo, useState } from "react";
import { codeLabel } from "../../book/codes";
import { filterClients, type SegmentCriteria } from "../../domain/segments";
import { bookSuitability } from "../../domain/suitability";
import { paretoSummary } from "../../domain/tiers";
import { ASSET_CLASSES, CLIENT_RISKS, TIERS, type AssetClass, type ClientRisk, type Tier } from "../../domain/types";
import { today } from "../clock";
import { t } from "../i18n";
import { bookTags, limitRows } from "../model/clientSearch";
import { callList, criteriaOf, EMPTY_FILTER, hasCriteria, suitabilityLine, tierPicture, type SegmentFilter } from "../model/segmentsView";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";

const MAX_SHOWN = 100;

function toggle<T>(list: readonly T[], x: T, on: boolean): T[] {
  return on ? (list.includes(x) ? [...list] : [...list, x]) : list.filter((y) => y !== x);
}

export default function SegmentsPage() {
  const s = useShared();
  const { state, dispatch } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const asOf = today();
  const [filter, setFilter] = useState<SegmentFilter>(EMPTY_FILTER);
  const deferred = useDeferredValue(filter);
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = useCommand();
  const set = (patch: Partial<SegmentFilter>) => setFilter((f) => ({ ...f, ...patch }));

  const picture = useMemo(() => (book ? tierPicture(paretoSummary(book, asOf), lang, book.settings.amountUnit) : null), [book, asOf, lang]);
  const tags = useMemo(() => (book ? bookTags(book.clients) : []), [book]);
  const { criteria, maturityError } = criteriaOf(deferred, lang);
  // criteria is rebuilt on each render; its content is what the list depends on.
  const criteriaKey = JSON.stringify(criteria ?? null);
  const matches = useMemo(() => {
    const c = JSON.parse(criteriaKey) as SegmentCriteria | null;
    return book && c && hasCriteria(c) ? filterClients(book, c, asOf, lang) : [];
  }, [book, criteriaKey, asOf, lang]);
  const problems = useMemo(() => (book ? bookSuitability(book, asOf) : []), [book, asOf]);
  if (!book || !picture) return null;
  const shownMatches = limitRows(matches, MAX_SHOWN);
  const shownProblems = limitRows(problems, MAX_SHOWN);

  const onSave = async () => {
    setNotice(null);
    const { ids, reasons } = callList(matches);
    const r = await save.run((c) => c.saveCallList(ids, reasons, today()));
    if (r) setNotice({ intent: "success", text: t(lang, "sheets.built", { sheets: r.sheets.join(t(lang, "common.listSep")) }) });
  };

  return (
    <div className={s.page}>
      <section className={s.section} aria-labelledby="seg-tiers">
        <h2 id="seg-tiers" className={s.heading}>{t(lang, "seg.tiersTitle")}</h2>
        <Text className={s.wrapText}>{picture.headline}</Text>
        <Text className={s.muted}>{t(lang, "seg.tiersExplain")}</Text>
        <dl className={s.figures}>
          {picture.lines.map((l) => (
            <div key={l.tier}>
              <dt className={s.figureLabel}>{t(lang, "seg.tierLine", { tier: l.tier, n: l.clients })}</dt>
              <dd className={s.figureValue}>{l.assets} · {l.share}</dd>
            </div>
          ))}
        </dl>
        {picture.overridden && <Text className={s.muted}>{picture.overridden}</Text>}
      </section>

      <section className={s.section} aria-labelledby="seg-filter">
        <h2 id="seg-filter" className={s.heading}>{t(lang, "seg.filterTitle")}</h2>
        <Field label={t(lang, "seg.tags")}>
          <Dropdown
            multiselect
            placeholder={t(lang, "seg.tagsPlaceholder")}
            selectedOptions={filter.tags}
            value={filter.tags.join(t(lang, "common.listSep"))}
            onOptionSelect={(_, d) => set({ tags: d.selectedOptions })}
          >
            {tags.map((tag) => (
              <Option key={tag} value={tag}>{tag}</Option>
            ))}
          </Dropdown>
        </Field>
        {filter.tags.length > 1 && (
          <Field label={t(lang, "seg.tagMode")}>
            <Select value={filter.tagMode} onChange={(_, d) => set({ tagMode: d.value === "all" ? "all" : "any" })}>
              <option value="any">{t(lang, "seg.tagAny")}</option>
              <option value="all">{t(lang, "seg.tagAll")}</option>
            </Select>
          </Field>
        )}
        <fieldset className={s.card}>
          <legend>{t(lang, "seg.tier")}</legend>
          <div className={s.row}>
            {TIERS.map((x: Tier) => (
              <Checkbox key={x} label={x} checked={filter.tiers.includes(x)} onChange={(_, d) => set({ tiers: toggle(filter.tiers, x, Boolean(d.checked)) })} />
            ))}
          </div>
        </fieldset>
        <fieldset className={s.card}>
          <legend>{t(lang, "seg.risk")}</legend>
          <div className={s.row}>
            {CLIENT_RISKS.map((x: ClientRisk) => (
              <Checkbox key={x} label={x} checked={filter.riskLevels.includes(x)} onChange={(_, d) => set({ riskLevels: toggle(filter.riskLevels, x, Boolean(d.checked)) })} />
            ))}
          </div>
        </fieldset>
        <Field label={t(lang, "seg.classes")}>
          <Dropdown
            multiselect
            placeholder={t(lang, "seg.classesPlaceholder")}
            selectedOptions={filter.assetClasses}
            value={filter.assetClasses.map((c) => codeLabel("assetClass", c, lang)).join(t(lang, "common.listSep"))}
            onOptionSelect={(_, d) => set({ assetClasses: d.selectedOptions as AssetClass[] })}
          >
            {ASSET_CLASSES.map((c) => (
              <Option key={c} value={c}>{codeLabel("assetClass", c, lang)}</Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={t(lang, "seg.products")} hint={t(lang, "seg.productsHint")}>
          <Input value={filter.products} onChange={(_, d) => set({ products: d.value })} />
        </Field>
        <Field label={t(lang, "seg.maturity")} validationMessage={maturityError}>
          <Input inputMode="numeric" value={filter.maturityDays} onChange={(_, d) => set({ maturityDays: d.value })} contentAfter={<span>{t(lang, "seg.days")}</span>} />
        </Field>
        <div className={s.row}>
          <Button onClick={() => setFilter(EMPTY_FILTER)}>{t(lang, "seg.clear")}</Button>
        </div>
      </section>

      <section className={s.section} aria-labelledby="seg-result">
        <h2 id="seg-result" className={s.heading}>{t(lang, "seg.resultTitle")}</h2>
        <Text role="status" className={s.muted}>
          {criteria && hasCriteria(criteria) ? t(lang, "seg.resultCount", { n: matches.length }) : t(lang, "seg.noCriteria")}
        </Text>
        <div className={s.row}>
          <CommandButton appearance="primary" busy={save.busy} disabled={matches.length === 0} onClick={() => void onSave()}>
            {t(lang, "seg.save")}
          </CommandButton>
        </div>
        <ErrorBar error={save.error} lang={lang} onDismiss={save.clearError} />
        <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
        <ul className={s.list}>
          {shownMatches.shown.map((m) => (
            <li key={m.client.clientId}>
              <Button appearance="subtle" className={s.itemButton} onClick={() => dispatch({ type: "openClient", clientId: m.client.clientId })}>
                <span className={s.itemTop}>
                  <span className={s.ellipsis}>{m.client.name}</span>
                  <span className={s.muted}>{m.tier}</span>
                </span>
                <span className={`${s.muted} ${s.wrapText}`}>{m.reason}</span>
              </Button>
            </li>
          ))}
        </ul>
        {shownMatches.hidden > 0 && <Text className={s.muted}>{t(lang, "seg.hidden", { n: shownMatches.hidden })}</Text>}
      </section>

      <section className={s.section} aria-labelledby="seg-suit">
        <h2 id="seg-suit" className={s.heading}>{t(lang, "seg.suitTitle")}</h2>
        <Text role="status" className={s.muted}>
          {problems.length === 0 ? t(lang, "seg.suitNone") : t(lang, "seg.suitCount", { n: problems.length })}
        </Text>
        <ul className={s.list}>
          {shownProblems.shown.map((p, i) => (
            <li key={`${p.clientId}:${p.holdingId ?? p.reason}:${i}`}>
              <Button appearance="subtle" className={s.itemButton} onClick={() => dispatch({ type: "openClient", clientId: p.clientId })}>
                <span className={s.ellipsis}>{p.clientName} <span className={s.muted}>{p.clientId}</span></span>
                <span className={`${s.muted} ${s.wrapText}`}>{suitabilityLine(p, lang, book?.settings.amountUnit)}</span>
              </Button>
            </li>
          ))}
        </ul>
        {shownProblems.hidden > 0 && <Text className={s.muted}>{t(lang, "seg.hidden", { n: shownProblems.hidden })}</Text>}
      </section>
    </div>
  );
}
