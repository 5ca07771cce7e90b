/**
 * 客户 Clients: search by name, phone or id, filter by tier and tag, pick a client. The open client's page and
 * the client form (both lazy) take the list's place.
 */
import { Button, Field, Input, Select, Spinner, Text } from "@fluentui/react-components";
import { lazy, Suspense, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { TIERS, type Tier } from "../../domain/types";
import { money } from "../format";
import { t } from "../i18n";
import { bookTags, limitRows, searchClients } from "../model/clientSearch";
import { useApp } from "../store";
import { useShared } from "../ui/styles";
const ClientForm = lazy(() => import(/* webpackChunkName: "client-form" */ "./ClientForm"));
// Lazy too: no first page shows a client, and its profile, figures and contact form stay out of the first load.
const ClientPage = lazy(() => import(/* webpackChunkName: "client-page" */ "./ClientPage").then((m) => ({ default: m.ClientPage })));

const MAX_ROWS = 200;

export function ClientsPage() {
  const { state } = useApp();
  // The client whose page was open last: back on the list, keyboard focus returns to that client's entry.
  const lastOpened = useRef<string | null>(null);
  if (state.clientId) lastOpened.current = state.clientId;
  if (state.editing) {
    return (
      <Suspense fallback={<Spinner size="small" label={t(state.lang, "common.loading")} />}>
        <ClientForm clientId={state.editing.clientId} />
      </Suspense>
    );
  }
  if (state.clientId) {
    return (
      <Suspense fallback={<Spinner size="small" label={t(state.lang, "common.loading")} />}>
        <ClientPage clientId={state.clientId} />
      </Suspense>
    );
  }
  return <ClientList focusClientId={lastOpened.current} />;
}

function ClientList({ focusClientId }: { focusClientId: string | null }) {
  const s = useShared();
  const { state, dispatch, tiers } = useApp();
  const { lang } = state;
  const clients = state.read?.book.clients ?? [];
  const [text, setText] = useState("");
  const [tier, setTier] = useState<Tier | "">("");
  const [tag, setTag] = useState("");
  // Typing stays fluid on a 5,000-client book: the list follows a moment later.
  const query = useDeferredValue(text);
  const tags = useMemo(() => bookTags(clients), [clients]);
  const rows = useMemo(
    () => searchClients(clients, tiers, { text: query, ...(tier ? { tier } : {}), ...(tag ? { tag } : {}) }),
    [clients, tiers, query, tier, tag],
  );
  const { shown, hidden } = limitRows(rows, MAX_ROWS);
  const pageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!focusClientId) return;
    const page = pageRef.current;
    const entry = page?.querySelector<HTMLElement>(`[data-client-id="${CSS.escape(focusClientId)}"]`);
    (entry ?? page?.querySelector<HTMLElement>("input[type=search]"))?.focus();
    // Only when the list appears (empty deps), not on every keystroke.
  }, []);

  return (
    <div className={s.page} ref={pageRef}>
      <div className={s.row}>
        <h2 className={`${s.heading} ${s.grow}`}>{t(lang, "clients.title")}</h2>
        <Button appearance="primary" disabled={!state.read?.hasBook} onClick={() => dispatch({ type: "edit", clientId: null })}>
          {t(lang, "clients.add")}
        </Button>
      </div>
      <div role="search" className={s.section}>
        <Field label={t(lang, "clients.search")}>
          <Input type="search" value={text} onChange={(_, d) => setText(d.value)} placeholder={t(lang, "clients.searchPlaceholder")} />
        </Field>
        <div className={s.rowEnd}>
          <Field label={t(lang, "clients.tier")} className={s.grow}>
            <Select value={tier} onChange={(_, d) => setTier(d.value as Tier | "")}>
              <option value="">{t(lang, "common.all")}</option>
              {TIERS.map((x) => (
                <option key={x} value={x}>{t(lang, "clients.tierOption", { tier: x })}</option>
              ))}
            </Select>
          </Field>
          <Field label={t(lang, "clients.tag")} className={s.grow}>
            <Select value={tag} onChange={(_, d) => setTag(d.value)}>
              <option value="">{t(lang, "common.all")}</option>
              {tags.map((x) => (
                <option key={x} value={x}>{x}</option>
              ))}
            </Select>
          </Field>
        </div>
      </div>
      <Text role="status" className={s.muted}>
        {clients.length === 0 ? t(lang, "clients.none") : t(lang, "clients.count", { n: rows.length, total: clients.length })}
      </Text>
      <ul className={s.list} aria-label={t(lang, "clients.title")}>
        {shown.map((r) => (
          <li key={r.client.clientId}>
            <Button
              appearance="subtle"
              className={s.itemButton}
              data-client-id={r.client.clientId}
              onClick={() => dispatch({ type: "openClient", clientId: r.client.clientId })}
            >
              <span className={s.itemTop}>
                <span className={s.ellipsis}>{r.client.name}</span>
                <span className={s.muted}>{r.tier}</span>
              </span>
              <span className={`${s.muted} ${s.ellipsis}`}>
                {[r.client.clientId, money(r.assetsAtThisBank, state.read?.book.settings.amountUnit, lang), ...(r.client.tags ?? [])].join(" · ")}
              </span>
            </Button>
          </li>
        ))}
      </ul>
      {hidden > 0 && <Text className={s.muted}>{t(lang, "clients.hidden", { n: hidden })}</Text>}
    </div>
  );
}
