/** Light or dark Fluent theme, following Office's theme when the host reports one. */
type OfficeThemeLike = { isDarkTheme?: boolean; bodyBackgroundColor?: string } | undefined | null;

/** Relative luminance (0 black … 1 white) of a #rgb / #rrggbb colour; undefined when it is not one. */
export function luminance(color: string | undefined): number | undefined {
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec((color ?? "").trim());
  if (!m) return undefined;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join("") : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** True for a dark Office theme: the host's own flag when it has one, else a dark body background. */
export function isDarkOfficeTheme(theme: OfficeThemeLike): boolean {
  if (!theme) return false;
  if (typeof theme.isDarkTheme === "boolean") return theme.isDarkTheme;
  const l = luminance(theme.bodyBackgroundColor);
  return l !== undefined && l < 0.2;
}
