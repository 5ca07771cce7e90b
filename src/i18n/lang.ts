import type { Lang } from "../domain/types";

/**
 * Maps an Office display language (e.g. "zh-CN", "zh-Hant-HK", "en-GB") to one of our three languages:
 * Simplified Chinese for mainland and Singapore, Traditional for Taiwan, Hong Kong and Macau, English otherwise.
 */
export function langFromLocale(locale: string | undefined | null): Lang {
  const l = (locale ?? "").toLowerCase();
  if (!l.startsWith("zh")) return "en-US";
  if (/hant|-tw|-hk|-mo/.test(l)) return "zh-TW";
  return "zh-CN";
}
