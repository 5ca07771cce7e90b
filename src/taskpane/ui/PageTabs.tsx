/**
 * The page tabs. A small WAI-ARIA tablist of our own rather than Fluent's TabList, which brings ~22 KB gzipped of
 * focus-management code into the first paint (measured); this one is a few hundred bytes. Keyboard: Left/Right
 * (and Home/End) move between tabs and open them; Tab leaves the tablist; the selected tab is the one in the tab order.
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent } from "react";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", minWidth: 0 },
  tab: {
    position: "relative",
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    // Six tabs fit one line in a 320 px pane in Chinese; in English they wrap to a second line there (flex-wrap:
    // nothing cut off or scrolled sideways) and fit one line at 450 px.
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "nowrap",
    ":hover": { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalSNudge,
      right: tokens.spacingHorizontalSNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

export interface PageTabsProps<P extends string> {
  pages: readonly P[];
  labels: Record<P, string>;
  selected: P;
  onSelect: (page: P) => void;
  /** Accessible name of the tablist. */
  label: string;
  /** id of the tab panel the tabs control. */
  panelId: string;
}

export const tabId = (page: string): string => `tab-${page}`;

export function PageTabs<P extends string>({ pages, labels, selected, onSelect, label, panelId }: PageTabsProps<P>) {
  const st = useStyles();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (e: KeyboardEvent, i: number) => {
    const last = pages.length - 1;
    const to = e.key === "ArrowRight" ? (i === last ? 0 : i + 1) : e.key === "ArrowLeft" ? (i === 0 ? last : i - 1) : e.key === "Home" ? 0 : e.key === "End" ? last : -1;
    if (to < 0) return;
    e.preventDefault();
    refs.current[to]?.focus();
    onSelect(pages[to]);
  };
  return (
    <div role="tablist" aria-label={label} className={st.list}>
      {pages.map((p, i) => (
        <button
          key={p}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(p)}
          aria-selected={p === selected}
          aria-controls={panelId}
          tabIndex={p === selected ? 0 : -1}
          className={mergeClasses(st.tab, p === selected && st.selected)}
          onClick={() => onSelect(p)}
          onKeyDown={(e) => move(e, i)}
        >
          {labels[p]}
        </button>
      ))}
    </div>
  );
}
