/**
 * The client form's fields (ClientForm.tsx): one record's inputs — dropdowns for coded lists, dates in the pane's
 * language, hints — and a child table's records as one-line summaries that open to their fields.
 */
import { Button, Dropdown, Field, Input, Option, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import { codeLabel, type CodeListKey, type CodeOf } from "../../book/codes";
import type { Lang } from "../../domain/types";
import { t, type MessageKey } from "../i18n";
import type { ChildTable, DraftRecord } from "../model/clientEdit";
import { choiceOptions, formFields, type FormField, type FormTable, type FormValues } from "../model/recordForm";
import { DateInput } from "../ui/DateInput";
import { useShared } from "../ui/styles";

const useStyles = makeStyles({
  fields: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(min(100%, 11rem), 1fr))",
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  wide: { gridColumn: "1 / -1" },
  removed: { opacity: 0.6 },
  summary: { flexGrow: 1, minWidth: "8em", overflowWrap: "anywhere" },
  dropdown: { minWidth: 0, width: "100%" },
});


/** A coded value's label, or the text as typed when it is not a code of the list. */
function label(list: CodeListKey, v: string | undefined, lang: Lang): string {
  if (!v) return "";
  try {
    return codeLabel(list, v as CodeOf<CodeListKey>, lang);
  } catch {
    return v;
  }
}

/** A child record in one line, for its collapsed card: who or what it is, and its main figure. */
function summaryOf(table: ChildTable, v: FormValues, lang: Lang): string {
  const parts =
    table === "family" ? [label("relation", v.relation, lang), v.name]
    : table === "holdings" ? [v.productName, label("assetClass", v.assetClass, lang), v.amount]
    : [v.productName || label("policyType", v.policyType, lang), v.insured, v.sumInsured];
  return parts.filter((x) => x && x.trim() !== "").join(" · ");
}

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
      return <DateInput lang={lang} value={value} onChange={onChange} />;
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
/** Hints for one field rather than a kind of field. */
const FIELD_HINTS: Partial<Record<string, MessageKey>> = { linkedClientId: "form.linkedHint" };

export function RecordFields({ table, values, errors, lang, onChange }: {
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
          hint={FIELD_HINTS[f.field] ? t(lang, FIELD_HINTS[f.field]!) : HINTS[f.kind] ? t(lang, HINTS[f.kind]!) : undefined}
        >
          <FieldInput f={f} value={values[f.field] ?? ""} lang={lang} onChange={(v) => onChange(f.field, v)} />
        </Field>
      ))}
    </div>
  );
}

/** A child table's records: each a one-line summary with Edit and Remove, its fields shown when open. */
export function ChildSection({ rows, table, item, lang, errors, open, onToggle, onRemove, onChange }: {
  rows: DraftRecord<unknown>[];
  table: ChildTable;
  item: MessageKey;
  lang: Lang;
  errors: Record<string, Record<string, string>>;
  open: ReadonlySet<string>;
  onToggle: (key: string) => void;
  onRemove: (r: DraftRecord<unknown>) => void;
  onChange: (key: string, field: string, v: string) => void;
}) {
  const s = useShared();
  const st = useStyles();
  return (
    <>
      {rows.map((r, i) => {
        const name = t(lang, item, { n: i + 1 });
        const shown = open.has(r.key) && !r.removed;
        const bad = Object.keys(errors[r.key] ?? {}).length;
        return (
          <div key={r.key} className={`${s.card} ${r.removed ? st.removed : ""}`} role="group" aria-label={name}>
            <div className={s.row}>
              <span className={st.summary}>
                <strong>{name}</strong> <span className={s.muted}>{summaryOf(table, r.values, lang)}</span>
                {bad > 0 && <span className={s.warnText}> · {t(lang, "form.tabErrors", { n: bad })}</span>}
              </span>
              {!r.removed && (
                <Button size="small" type="button" aria-expanded={shown} onClick={() => onToggle(r.key)}>
                  {shown ? t(lang, "form.collapse") : t(lang, "form.expand")}
                </Button>
              )}
              <Button size="small" type="button" onClick={() => onRemove(r)}>
                {r.removed ? t(lang, "form.undoRemove") : t(lang, "form.remove")}
              </Button>
            </div>
            {r.removed && <Text className={s.muted}>{t(lang, "form.willRemove")}</Text>}
            {shown && <RecordFields table={table} values={r.values} errors={errors[r.key]} lang={lang} onChange={(field, v) => onChange(r.key, field, v)} />}
          </div>
        );
      })}
    </>
  );
}

