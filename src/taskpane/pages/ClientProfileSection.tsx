/**
 * The client's profile on their page (model/clientProfile.ts): phone, birthday and age, contact preferences,
 * address, the documents link, and the family with ages — a member who is also a client is a button to that
 * client's page. When the client is linked to another client, a warning above says their accounts are separate.
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";
import { codeLabel } from "../../book/codes";
import { separateAccountsWarning } from "../../domain/linkedClients";
import type { Lang } from "../../domain/types";
import { dateText } from "../format";
import { t } from "../i18n";
import type { ClientProfile } from "../model/clientProfile";
import { NoticeBar } from "../ui/Bars";
import { useShared } from "../ui/styles";
import { channelName } from "./ContactLogForm";

const useStyles = makeStyles({
  wide: { gridColumn: "1 / -1" },
  value: { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  link: { color: tokens.colorBrandForegroundLink, overflowWrap: "anywhere", ":hover": { color: tokens.colorBrandForegroundLinkHover } },
  member: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline", minWidth: 0 },
  linked: { minWidth: "auto", height: "auto", paddingTop: 0, paddingBottom: 0, fontWeight: tokens.fontWeightRegular },
});

/** "1984/3/5 · 42 岁", or the date alone when it has no age (a date after today). */
function born(birthday: string | undefined, age: number | undefined, lang: Lang): string | undefined {
  if (!birthday) return undefined;
  return age === undefined ? dateText(birthday, lang) : `${dateText(birthday, lang)} · ${t(lang, "client.age", { n: age })}`;
}

export function LinkedWarning({ profile, lang }: { profile: Pick<ClientProfile, "linked">; lang: Lang }) {
  const w = separateAccountsWarning(profile.linked);
  return w ? <NoticeBar lang={lang} notice={{ intent: "warning", text: w[lang] }} /> : null;
}

export function ClientProfileSection({ profile: p, lang, onOpenClient }: { profile: ClientProfile; lang: Lang; onOpenClient: (id: string) => void }) {
  const s = useShared();
  const st = useStyles();
  const prefs = [p.preferredChannel ? channelName(p.preferredChannel, lang) : undefined, p.contactWindow].filter(Boolean).join(" · ");
  const rows: { label: string; value: ReactNode; wide?: boolean }[] = [];
  const add = (label: string, value: ReactNode | undefined, wide = false) => {
    if (value !== undefined && value !== "") rows.push({ label, value, wide });
  };
  add(t(lang, "client.phone"), p.phone);
  add(t(lang, "client.birthday"), born(p.birthday, p.age, lang));
  add(t(lang, "client.contactPrefs"), prefs, true);
  add(t(lang, "client.address"), p.address, true);
  add(
    t(lang, "client.documents"),
    p.documents && (
      <a className={st.link} href={p.documents.href} target="_blank" rel="noopener noreferrer">
        {p.documents.text}
      </a>
    ),
    true,
  );

  return (
    <section className={s.section} aria-labelledby="client-profile">
      <h3 id="client-profile" className={s.subheading}>{t(lang, "client.profile")}</h3>
      <dl className={s.figures}>
        {rows.map((r) => (
          <div key={r.label} className={r.wide ? st.wide : undefined}>
            <dt className={s.figureLabel}>{r.label}</dt>
            <dd className={st.value}>{r.value}</dd>
          </div>
        ))}
      </dl>
      <h3 id="client-family" className={s.subheading}>{t(lang, "client.family", { n: p.family.length })}</h3>
      {p.family.length === 0 ? (
        <span className={s.muted}>{t(lang, "client.noFamily")}</span>
      ) : (
        <ul className={s.list} aria-labelledby="client-family">
          {p.family.map((m, i) => (
            <li key={`${m.name}:${i}`} className={st.member}>
              <span className={s.muted}>{codeLabel("relation", m.relation, lang)}</span>
              <span>{m.name}</span>
              {m.age !== undefined ? (
                <span className={s.muted}>{t(lang, "client.age", { n: m.age })}</span>
              ) : (
                m.birthday && <span className={s.muted}>{dateText(m.birthday, lang)}</span>
              )}
              {m.schoolOrWork && <span className={`${s.muted} ${s.wrapText}`}>{m.schoolOrWork}</span>}
              {m.linkedClientId && (
                <Button
                  appearance="transparent"
                  size="small"
                  className={st.linked}
                  // The accessible name starts with the visible text (WCAG 2.5.3 Label in Name), then says what it does.
                  aria-label={`${t(lang, "client.alsoClient")} ${m.linkedClientId} · ${t(lang, "client.openLinked", { name: m.name, id: m.linkedClientId })}`}
                  onClick={() => onOpenClient(m.linkedClientId!)}
                >
                  {t(lang, "client.alsoClient")} {m.linkedClientId}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
