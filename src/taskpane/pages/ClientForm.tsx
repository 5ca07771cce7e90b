/**
 * The client form (lazy): add or edit a client with their family members, holdings and policies, in four tabs
 * (profile, family, holdings, policies) so that none is more than a few screens at 320 px: each family member,
 * holding or policy is a one-line summary that opens to its fields (a new one, and any with a message, open by
 * themselves). Every field is checked by the book's codec (model/recordForm.ts) with its message under the field;
 * a tab says how many of its fields need fixing, and a refused save opens the first such tab at its first field.
 * Coded lists are dropdowns, dates follow the pane's language (ui/DateInput). Likely duplicates are pointed out
 * before saving. Saving sends only the changed records; when someone changed those rows meanwhile, nothing is
 * written, the book is re-read and the form reloaded with what is in the sheet now.
 */
import { Button, Text } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import { today } from "../clock";
import { t, type MessageKey } from "../i18n";
import { addChild, checkDraft, draftFor, type ChildTable, type ClientDraft, type DraftRecord } from "../model/clientEdit";
import { likelyDuplicates } from "../model/duplicates";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { PageTabs } from "../ui/PageTabs";
import { useShared } from "../ui/styles";
import { isEscapeForUs } from "./ClientPage";
import { ChildSection, RecordFields } from "./ClientFormFields";

const CHILD_TABLES: { table: ChildTable; title: MessageKey; add: MessageKey; item: MessageKey }[] = [
  { table: "family", title: "form.family", add: "form.addFamily", item: "form.familyItem" },
  { table: "holdings", title: "form.holdings", add: "form.addHolding", item: "form.holdingItem" },
  { table: "policies", title: "form.policies", add: "form.addPolicy", item: "form.policyItem" },
];

/** The form's tabs: the client's own fields, then one per child table. */
type Section = "profile" | ChildTable;
const SECTIONS: readonly Section[] = ["profile", "family", "holdings", "policies"];


export default function ClientForm({ clientId }: { clientId: string | null }) {
  const s = useShared();
  const { state, dispatch } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const [draft, setDraft] = useState<ClientDraft | null>(() => {
    if (!book) return null;
    try {
      return draftFor(book, clientId, lang);
    } catch {
      return null; // removed from the sheet meanwhile: handled below
    }
  });
  const [errors, setErrors] = useState<Record<string, Record<string, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [dupConfirmed, setDupConfirmed] = useState(false);
  const [redraft, setRedraft] = useState(false);
  const [section, setSection] = useState<Section>("profile");
  /** Child records shown open (their fields), by draft key. */
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const form = useRef<HTMLFormElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const cmd = useCommand();

  // Focus moves into the form when it opens, so the keyboard (Tab, Enter, Escape) works from there.
  useEffect(() => heading.current?.focus(), []);

  // After a conflict the book was re-read: reload the form from what the sheet holds now.
  useEffect(() => {
    if (!redraft || !book) return;
    setRedraft(false);
    try {
      setDraft(draftFor(book, clientId, lang));
    } catch {
      setDraft(null);
    }
  }, [redraft, book, clientId, lang]);

  // A notice (conflict, duplicates, nothing changed) is shown by the Save button: make sure it is in view.
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice) noticeRef.current?.scrollIntoView?.({ block: "nearest" });
  }, [notice]);

  // Move to the first field with a message after a refused save.
  useEffect(() => {
    if (Object.keys(errors).length > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const values = draft?.client.values;
  const duplicates = useMemo(
    () =>
      book && values
        ? likelyDuplicates(book.clients, { clientId: values.clientId, name: values.name, phone: values.phone, idNumber: values.idNumber })
        : [],
    [book, values],
  );

  const close = () => dispatch({ type: "closeEdit" });
  if (!book || !draft) {
    return (
      <div className={s.page}>
        <NoticeBar notice={{ intent: "warning", text: t(lang, "form.clientGone") }} lang={lang} />
        <div className={s.row}>
          <Button onClick={close}>{t(lang, "common.back")}</Button>
        </div>
      </div>
    );
  }

  const setClientField = (field: string, v: string) => {
    setDupConfirmed(false);
    setDraft((d) => d && { ...d, client: { ...d.client, values: { ...d.client.values, [field]: v } } });
  };
  const setChild = (table: ChildTable, key: string, patch: (r: DraftRecord<unknown>) => DraftRecord<unknown>) =>
    setDraft((d) => d && { ...d, [table]: (d[table] as DraftRecord<unknown>[]).map((r) => (r.key === key ? patch(r) : r)) });
  const removeChild = (table: ChildTable, r: DraftRecord<unknown>) => {
    // A record not yet saved just goes; a saved one is marked, so the user can undo before saving.
    if (!r.original) setDraft((d) => d && { ...d, [table]: (d[table] as DraftRecord<unknown>[]).filter((x) => x.key !== r.key) });
    else setChild(table, r.key, (x) => ({ ...x, removed: !x.removed }));
  };

  const submit = async () => {
    setNotice(null);
    const check = checkDraft(draft, today(), lang, new Set(book.clients.map((c) => c.clientId)));
    setErrors(check.errors);
    if (!check.ok || !check.edit) {
      // Open the first tab with a message, and every record that has one, so the focus can go to its first field.
      const bad = SECTIONS.find((sec) => sectionErrors(sec, check.errors) > 0);
      if (bad) setSection(bad);
      setOpen((o) => new Set([...o, ...Object.keys(check.errors)]));
      setNotice({ intent: "warning", text: t(lang, "form.fixFields", { n: Object.values(check.errors).reduce((n, e) => n + Object.keys(e).length, 0) }) });
      return;
    }
    if (duplicates.length > 0 && !dupConfirmed) {
      setDupConfirmed(true);
      setNotice({ intent: "warning", text: t(lang, "form.dupConfirm") });
      return;
    }
    if (check.changes === 0) {
      setNotice({ intent: "info", text: t(lang, "form.nothingChanged") });
      return;
    }
    const edit = check.edit;
    const r = await cmd.run((c) => c.saveClient(edit));
    if (!r) return;
    if (!r.ok) {
      setRedraft(true);
      setErrors({});
      setNotice({ intent: "warning", text: t(lang, "form.conflict", { rows: r.conflicts.map((c) => `${c.table} ${c.id}`).join(t(lang, "common.listSep")) }) });
      return;
    }
    const id = edit.client.after!.clientId;
    dispatch({ type: "openClient", clientId: id });
    dispatch({ type: "flash", flash: { intent: "success", text: t(lang, "form.saved", { n: r.written, name: edit.client.after!.name }) } });
  };

  const title = draft.isNew ? t(lang, "form.newTitle") : t(lang, "form.editTitle", { name: draft.client.original?.name ?? "" });

  /** Fields with a message in a section's records. */
  function sectionErrors(sec: Section, errs: typeof errors): number {
    const keys = sec === "profile" ? [draft!.client.key] : (draft![sec] as DraftRecord<unknown>[]).filter((r) => !r.removed).map((r) => r.key);
    return keys.reduce((n, k) => n + Object.keys(errs[k] ?? {}).length, 0);
  }
  const sectionLabel = (sec: Section): string => {
    const name = sec === "profile" ? t(lang, "form.tabProfile") : `${t(lang, CHILD_TABLES.find((c) => c.table === sec)!.title)} (${(draft[sec] as DraftRecord<unknown>[]).filter((r) => !r.removed).length})`;
    const n = sectionErrors(sec, errors);
    return n > 0 ? `${name} · ${t(lang, "form.tabErrors", { n })}` : name;
  };
  const toggle = (key: string) =>
    setOpen((o) => {
      const next = new Set(o);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const child = CHILD_TABLES.find((c) => c.table === section);

  return (
    <form
      ref={form}
      className={s.page}
      aria-label={title}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      onKeyDown={(e) => {
        if (isEscapeForUs(e)) {
          e.preventDefault();
          close();
        }
      }}
    >
      <h2 ref={heading} tabIndex={-1} className={s.heading}>{title}</h2>
      <Text className={s.muted}>{t(lang, "form.hint")}</Text>
      <PageTabs
        pages={SECTIONS}
        labels={Object.fromEntries(SECTIONS.map((sec) => [sec, sectionLabel(sec)])) as Record<Section, string>}
        selected={section}
        onSelect={setSection}
        label={t(lang, "form.sections")}
        panelId="client-form-section"
      />
      <div id="client-form-section" role="tabpanel" aria-labelledby={`tab-${section}`} className={s.section}>
        {section === "profile" && (
          <RecordFields table="clients" values={draft.client.values} errors={errors[draft.client.key]} lang={lang} onChange={setClientField} />
        )}
        {child && (
          <ChildSection
            rows={draft[child.table] as DraftRecord<unknown>[]}
            table={child.table}
            item={child.item}
            lang={lang}
            errors={errors}
            open={open}
            onToggle={toggle}
            onRemove={(r) => removeChild(child.table, r)}
            onChange={(key, field, v) => setChild(child.table, key, (x) => ({ ...x, values: { ...x.values, [field]: v } }))}
          />
        )}
        {child && (
          <div className={s.row}>
            <Button
              type="button"
              onClick={() => {
                const next = addChild(draft, child.table, book, lang);
                const added = (next[child.table] as DraftRecord<unknown>[]).at(-1)!;
                setDraft(next);
                setOpen((o) => new Set([...o, added.key]));
              }}
            >
              {t(lang, child.add)}
            </Button>
          </div>
        )}
      </div>
      {duplicates.length > 0 && (
        <NoticeBar
          lang={lang}
          notice={{
            intent: "warning",
            text: t(lang, "form.duplicates", {
              list: duplicates
                .map((d) =>
                  t(lang, "form.dupItem", {
                    name: d.client.name,
                    id: d.client.clientId,
                    reasons: d.reasons.map((r) => t(lang, r === "name-phone" ? "form.dupNamePhone" : "form.dupIdNumber")).join(t(lang, "common.listSep")),
                  }),
                )
                .join(t(lang, "common.itemSep")),
            }),
          }}
        />
      )}

      <div ref={noticeRef} className={s.section}>
        <NoticeBar notice={notice} lang={lang} onDismiss={() => setNotice(null)} />
        <ErrorBar error={cmd.error} lang={lang} onDismiss={cmd.clearError} />
      </div>
      <div className={s.row}>
        <CommandButton type="submit" appearance="primary" busy={cmd.busy}>
          {dupConfirmed && duplicates.length > 0 ? t(lang, "form.saveAnyway") : t(lang, "form.save")}
        </CommandButton>
        <Button type="button" onClick={close}>
          {t(lang, "common.cancel")}
        </Button>
      </div>
    </form>
  );
}
