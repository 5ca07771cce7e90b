/**
 * The client form (lazy): add or edit a client with their family members, holdings and policies. Every field is
 * checked by the book's codec (model/recordForm.ts) with its message under the field; coded lists are dropdowns,
 * dates native date inputs. Likely duplicates are pointed out before saving. Saving sends only the changed
 * records; when someone changed those rows meanwhile, nothing is written, the book is re-read and the form
 * reloaded with what is in the sheet now.
 */
import { Button, Dropdown, Field, Input, Option, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useMemo, useRef, useState } from "react";
import type { Lang } from "../../domain/types";
import { today } from "../clock";
import { t, type MessageKey } from "../i18n";
import { addChild, checkDraft, draftFor, type ChildTable, type ClientDraft, type DraftRecord } from "../model/clientEdit";
import { likelyDuplicates } from "../model/duplicates";
import { choiceOptions, formFields, type FormField, type FormTable, type FormValues } from "../model/recordForm";
import { useApp, useCommand } from "../store";
import { ErrorBar, NoticeBar, type Notice } from "../ui/Bars";
import { CommandButton } from "../ui/CommandButton";
import { useShared } from "../ui/styles";
import { isEscapeForUs } from "./ClientPage";

const useStyles = makeStyles({
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 11rem), 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  wide: { gridColumn: "1 / -1" },
  removed: { opacity: 0.6 },
  dropdown: { minWidth: 0, width: "100%" },
});

const CHILD_TABLES: { table: ChildTable; title: MessageKey; add: MessageKey; item: MessageKey }[] = [
  { table: "family", title: "form.family", add: "form.addFamily", item: "form.familyItem" },
  { table: "holdings", title: "form.holdings", add: "form.addHolding", item: "form.holdingItem" },
  { table: "policies", title: "form.policies", add: "form.addPolicy", item: "form.policyItem" },
];

function FieldInput({ f, value, lang, onChange }: { f: FormField; value: string; lang: Lang; onChange: (v: string) => void }) {
  const st = useStyles();
  if (f.readOnly) return <Input readOnly value={value} />;
  switch (f.kind) {
    case "choice": {
      const options = choiceOptions(f.list!, lang);
      const blank = t(lang, "form.blankChoice");
      const label = options.find((o) => o.value === value)?.label ?? "";
      return (
        <Dropdown
          className={st.dropdown}
          value={label}
          selectedOptions={value ? [value] : []}
          placeholder={f.required ? t(lang, "form.choose") : blank}
          onOptionSelect={(_, d) => onChange(d.optionValue ?? "")}
        >
          {!f.required && <Option value="" text={blank}>{blank}</Option>}
          {options.map((o) => (
            <Option key={o.value} value={o.value} text={o.label}>{o.label}</Option>
          ))}
        </Dropdown>
      );
    }
    case "date":
      return <Input type="date" value={value} onChange={(_, d) => onChange(d.value)} />;
    case "amount":
      return <Input inputMode="decimal" value={value} onChange={(_, d) => onChange(d.value)} />;
    case "int":
      return <Input inputMode="numeric" value={value} onChange={(_, d) => onChange(d.value)} />;
    case "longText":
      return <Textarea resize="vertical" value={value} onChange={(_, d) => onChange(d.value)} />;
    default:
      return <Input value={value} onChange={(_, d) => onChange(d.value)} />;
  }
}

const HINTS: Partial<Record<FormField["kind"], MessageKey>> = {
  tags: "form.tagsHint",
  institution: "form.institutionHint",
  amount: "form.amountHint",
};

function RecordFields({ table, values, errors, lang, onChange }: {
  table: FormTable;
  values: FormValues;
  errors: Record<string, string> | undefined;
  lang: Lang;
  onChange: (field: string, v: string) => void;
}) {
  const st = useStyles();
  const fields = useMemo(() => formFields(table), [table]);
  return (
    <div className={st.fields}>
      {fields.map((f) => (
        <Field
          key={f.field}
          className={f.kind === "longText" || f.kind === "tags" ? st.wide : undefined}
          label={f.col.headers[lang]}
          required={f.required && !f.readOnly}
          validationMessage={errors?.[f.field]}
          hint={HINTS[f.kind] ? t(lang, HINTS[f.kind]!) : undefined}
        >
          <FieldInput f={f} value={values[f.field] ?? ""} lang={lang} onChange={(v) => onChange(f.field, v)} />
        </Field>
      ))}
    </div>
  );
}

export default function ClientForm({ clientId }: { clientId: string | null }) {
  const s = useShared();
  const st = useStyles();
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
      <RecordFields table="clients" values={draft.client.values} errors={errors[draft.client.key]} lang={lang} onChange={setClientField} />
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

      {CHILD_TABLES.map(({ table, title: sectionTitle, add, item }) => {
        const rows = draft[table] as DraftRecord<unknown>[];
        return (
          <section key={table} className={s.section} aria-labelledby={`form-${table}`}>
            <h3 id={`form-${table}`} className={s.subheading}>
              {t(lang, sectionTitle)} <span className={s.muted}>({rows.filter((r) => !r.removed).length})</span>
            </h3>
            {rows.map((r, i) => (
              <div key={r.key} className={`${s.card} ${r.removed ? st.removed : ""}`} role="group" aria-label={t(lang, item, { n: i + 1 })}>
                <div className={s.row}>
                  <strong className={s.grow}>{t(lang, item, { n: i + 1 })}</strong>
                  <Button size="small" type="button" onClick={() => removeChild(table, r)}>
                    {r.removed ? t(lang, "form.undoRemove") : t(lang, "form.remove")}
                  </Button>
                </div>
                {r.removed ? (
                  <Text className={s.muted}>{t(lang, "form.willRemove")}</Text>
                ) : (
                  <RecordFields
                    table={table}
                    values={r.values}
                    errors={errors[r.key]}
                    lang={lang}
                    onChange={(field, v) => setChild(table, r.key, (x) => ({ ...x, values: { ...x.values, [field]: v } }))}
                  />
                )}
              </div>
            ))}
            <div className={s.row}>
              <Button type="button" onClick={() => setDraft((d) => d && addChild(d, table, book, lang))}>
                {t(lang, add)}
              </Button>
            </div>
          </section>
        );
      })}

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
