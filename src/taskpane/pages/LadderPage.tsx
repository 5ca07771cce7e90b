/**
 * 到期 Maturities (lazy chunk): the maturity ladder of the next twelve months (model/ladderView.ts over the domain's
 * maturityLadder, the sheet's one source). Each month a row with its total and a bar split by asset class, opening
 * (a native <details>) to the clients maturing that month — each holding's date, class, product and amount, a
 * client's name opening their page — then the cover ending and the premiums due, apart from the totals. The
 * "export calendar (.ics)" button opens the export panel (CalendarExport.tsx).
 *
 * The bar is decoration beside the figures: its parts are in its accessible name and in the opened month as text.
 */
import { Button, Text, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { AMOUNT_UNIT_LABELS } from "../../domain/amounts";
import type { AssetClass } from "../../domain/types";
import { today } from "../clock";
import { dateText } from "../format";
import { ladderView, type LadderMonthView } from "../model/ladderView";
import { useApp } from "../store";
import { useShared } from "../ui/styles";
import { CalendarExport } from "./CalendarExport";
import { lt } from "./ladderText";

/** A colour per asset class (Fluent palette, readable on light and dark themes); the same in the legend and bars. */
const CLASS_COLORS: Readonly<Record<AssetClass, string>> = {
  Deposit: tokens.colorPaletteBlueBorderActive,
  WealthProduct: tokens.colorPaletteDarkOrangeBorderActive,
  Fund: tokens.colorPaletteGrapeBorderActive,
  Bond: tokens.colorPaletteTealBorderActive,
  Stock: tokens.colorPaletteRedBorderActive,
  Insurance: tokens.colorPaletteMarigoldBorderActive,
  Property: tokens.colorPaletteBrownBorderActive,
  Loan: tokens.colorPaletteSteelBorderActive,
  Other: tokens.colorNeutralStrokeAccessible,
};

/** Clients shown per month before "show all" (a 5,000-client book can have hundreds maturing in one month). */
const MONTH_LIMIT = 30;

const useStyles = makeStyles({
  legend: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, listStyleType: "none", margin: 0, padding: 0 },
  legendItem: { display: "inline-flex", alignItems: "center", gap: tokens.spacingHorizontalXS, fontSize: tokens.fontSizeBase200 },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: tokens.borderRadiusSmall, flexShrink: 0 },
  months: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", minWidth: 0 },
  month: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, minWidth: 0 },
  summary: {
    cursor: "pointer",
    listStylePosition: "outside",
    marginLeft: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} 0`,
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "2px" },
  },
  plain: { marginLeft: tokens.spacingHorizontalL, padding: `${tokens.spacingVerticalS} 0` },
  head: { display: "flex", justifyContent: "space-between", alignItems: "baseline", gap: tokens.spacingHorizontalS, minWidth: 0 },
  monthName: { display: "inline", margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  amount: { fontVariantNumeric: "tabular-nums", fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
  track: { display: "block", height: "8px", marginTop: tokens.spacingVerticalXXS, marginBottom: tokens.spacingVerticalXXS, backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: "hidden" },
  bar: { display: "flex", height: "100%", minWidth: "2px" },
  body: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, padding: `0 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`, minWidth: 0 },
  client: { display: "flex", flexDirection: "column", minWidth: 0 },
  // Right padding as the subtle button's, so a holding's amount lines up under its client's total.
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalL, paddingRight: tokens.spacingHorizontalM, listStyleType: "none", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200, minWidth: 0 },
  line: { display: "flex", justifyContent: "space-between", gap: tokens.spacingHorizontalS, minWidth: 0 },
  lineAmount: { fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap", textAlign: "end" },
  h4: { margin: 0, fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
});

export default function LadderPage() {
  const s = useShared();
  const u = useStyles();
  const { state } = useApp();
  const { lang } = state;
  const book = state.read?.book;
  const asOf = today();
  const view = useMemo(() => (book ? ladderView(book, asOf, lang) : null), [book, asOf, lang]);
  const [exportOpen, setExportOpen] = useState(false);
  if (!book || !view) return null;
  const unit = book.settings.amountUnit;

  return (
    <div className={s.page}>
      <div className={s.row}>
        <h2 className={mergeClasses(s.heading, s.grow)}>{lt(lang, "title")}</h2>
        <Button aria-expanded={exportOpen} aria-controls="ladder-export" onClick={() => setExportOpen((o) => !o)}>
          {lt(lang, "export.open")}
        </Button>
      </div>
      {exportOpen && <CalendarExport id="ladder-export" book={book} asOf={asOf} lang={lang} />}
      <Text className={s.muted}>{lt(lang, "intro", { from: dateText(view.from, lang), to: dateText(view.to, lang) })}</Text>
      {view.missing.length > 0 && (
        <section className={s.section} aria-labelledby="ladder-missing" role="alert">
          <h3 id="ladder-missing" className={mergeClasses(s.subheading, s.warnText)}>{lt(lang, "missing", { n: view.missing.length })}</h3>
          <ul className={u.lines}>
            {view.missing.map((m, i) => (
              <li key={`${m.id}:${i}`} className={s.wrapText}>{`${m.clientName} · ${m.id} · ${m.amountText}${lang === "en-US" ? ": " : "："}${m.message}`}</li>
            ))}
          </ul>
        </section>
      )}
      {view.empty ? (
        <Text role="status" className={s.wrapText}>{lt(lang, "empty")}</Text>
      ) : (
        <>
          <Text role="status" className={s.wrapText}>
            {lt(lang, "total", { amount: view.totalText, n: view.holdingCount, clients: view.clientCount })}
          </Text>
          <Text className={s.muted}>{lt(lang, "unit", { unit: AMOUNT_UNIT_LABELS[unit][lang], currency: book.settings.currency })}</Text>
          {view.classes.length > 0 && (
            <ul className={u.legend} aria-label={lt(lang, "legend")}>
              {view.classes.map((c) => (
                <li key={c.assetClass} className={u.legendItem}>
                  <span className={u.swatch} style={{ backgroundColor: CLASS_COLORS[c.assetClass] }} aria-hidden />
                  {c.label}
                </li>
              ))}
            </ul>
          )}
          <ul className={u.months} aria-label={lt(lang, "title")}>
            {view.months.map((m) => (
              <li key={m.month} className={u.month}>
                <MonthRow m={m} />
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function MonthRow({ m }: { m: LadderMonthView }) {
  const s = useShared();
  const u = useStyles();
  const { state, dispatch } = useApp();
  const { lang } = state;
  const [all, setAll] = useState(false);
  const open = (clientId: string) => dispatch({ type: "openClient", clientId });
  const sep = lang === "en-US" ? ", " : "、";
  const head = (
    <span className={u.head}>
      <h3 className={u.monthName}>{m.label}</h3>
      <span className={u.amount}>{m.holdingCount > 0 ? m.totalText : "—"}</span>
    </span>
  );
  if (m.holdingCount === 0 && m.policies.length === 0 && m.premiumCount === 0) {
    return (
      <div className={u.plain}>
        {head}
        <span className={s.muted}>{lt(lang, "monthNone")}</span>
      </div>
    );
  }
  const clients = all ? m.clients : m.clients.slice(0, MONTH_LIMIT);
  return (
    <details>
      <summary className={u.summary}>
        {head}
        {m.holdingCount > 0 && (
          <span className={u.track}>
            <span
              role="img"
              className={u.bar}
              style={{ width: `${(m.scale * 100).toFixed(2)}%` }}
              aria-label={lt(lang, "bar", { month: m.label, parts: m.parts.map((p) => `${p.label} ${p.amountText}`).join(sep) })}
            >
              {m.parts.map((p) => (
                <span key={p.assetClass} style={{ width: `${(p.share * 100).toFixed(2)}%`, backgroundColor: CLASS_COLORS[p.assetClass] }} />
              ))}
            </span>
          </span>
        )}
        <span className={s.muted}>
          {[
            m.holdingCount > 0 ? lt(lang, "monthCount", { n: m.holdingCount, clients: m.clients.length }) : lt(lang, "monthNone"),
            ...(m.policies.length > 0 ? [lt(lang, "monthPolicies", { n: m.policies.length })] : []),
          ].join(" · ")}
        </span>
      </summary>
      <div className={u.body}>
        {m.parts.length > 0 && <Text className={s.muted}>{m.parts.map((p) => `${p.label} ${p.amountText}`).join(sep)}</Text>}
        {clients.length > 0 && (
          <ul className={s.list}>
            {clients.map((c) => (
              <li key={c.clientId} className={u.client}>
                <Button appearance="subtle" className={s.itemButton} onClick={() => open(c.clientId)}>
                  <span className={s.itemTop}>
                    <span className={s.ellipsis}>{c.clientName}</span>
                    <span className={u.amount}>{c.totalText}</span>
                  </span>
                </Button>
                <ul className={u.lines}>
                  {c.items.map((h, i) => (
                    <li key={`${h.holdingId}:${i}`} className={u.line}>
                      <span className={s.wrapText}>{[h.dateText, h.classLabel, h.productName, ...(h.foreignText ? [h.foreignText] : [])].join(" · ")}</span>
                      <span className={u.lineAmount}>
                        {/* one holding: its amount is the client's, shown beside the name */}
                        {c.items.length > 1 && h.amountText}
                        {h.expectedText && (
                          <>
                            {c.items.length > 1 && <br />}
                            {lt(lang, "expected", { amount: h.expectedText })}
                          </>
                        )}
                      </span>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {m.clients.length > clients.length && (
          <Button appearance="transparent" size="small" onClick={() => setAll(true)}>
            {lt(lang, "showAll", { n: m.clients.length - clients.length })}
          </Button>
        )}
        {m.policies.length > 0 && (
          <>
            <h4 className={u.h4}>{lt(lang, "policies")}</h4>
            <ul className={s.list}>
              {m.policies.map((p, i) => (
                <li key={`${p.policyId}:${i}`} className={u.client}>
                  <Button appearance="subtle" className={s.itemButton} onClick={() => open(p.clientId)}>
                    <span className={s.itemTop}>
                      <span className={s.ellipsis}>{p.clientName}</span>
                      <span className={u.amount}>{p.sumInsuredText}</span>
                    </span>
                  </Button>
                  <ul className={u.lines}>
                    <li className={s.wrapText}>{[p.dateText, p.product, ...(p.foreignText ? [p.foreignText] : [])].join(" · ")}</li>
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
        {m.premiumCount > 0 && <Text className={s.muted}>{lt(lang, "premiums", { n: m.premiumCount, amount: m.premiumTotalText })}</Text>}
      </div>
    </details>
  );
}
