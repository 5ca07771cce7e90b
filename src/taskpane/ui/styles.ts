/**
 * Layout shared by the pages, made for Excel's narrow task pane (320 px and up): everything wraps, flex children
 * may shrink (min-width: 0) and long names end in an ellipsis instead of pushing the pane sideways.
 */
import { makeStyles, tokens } from "@fluentui/react-components";

export const useShared = makeStyles({
  page: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    minWidth: 0,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  row: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center", minWidth: 0 },
  rowEnd: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end", minWidth: 0 },
  grow: { flexGrow: 1, minWidth: "8em" },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase400, overflowWrap: "anywhere" },
  subheading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold, lineHeight: tokens.lineHeightBase300 },
  muted: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, overflowWrap: "anywhere" },
  wrapText: { overflowWrap: "anywhere", minWidth: 0 },
  ellipsis: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap", minWidth: 0 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  /** A list entry that is one big button: name on top, details below, left aligned. */
  itemButton: {
    display: "flex",
    flexDirection: "column",
    alignItems: "stretch",
    width: "100%",
    minWidth: 0,
    maxWidth: "100%",
    textAlign: "start",
    justifyContent: "flex-start",
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
    height: "auto",
  },
  itemTop: { display: "flex", gap: tokens.spacingHorizontalS, justifyContent: "space-between", minWidth: 0, width: "100%" },
  figures: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXS,
    margin: 0,
  },
  figureLabel: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200, margin: 0, overflowWrap: "anywhere" },
  figureValue: { margin: 0, fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere", fontVariantNumeric: "tabular-nums" },
  warnText: { color: tokens.colorPaletteRedForeground1 },
  okText: { color: tokens.colorPaletteGreenForeground1 },
  card: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalS,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
});
