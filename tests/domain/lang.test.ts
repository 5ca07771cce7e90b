import { langFromLocale } from "../../src/i18n/lang";

test.each([
  ["zh-CN", "zh-CN"],
  ["zh-SG", "zh-CN"],
  ["zh-Hans", "zh-CN"],
  ["zh-TW", "zh-TW"],
  ["zh-HK", "zh-TW"],
  ["zh-Hant-HK", "zh-TW"],
  ["zh-MO", "zh-TW"],
  ["en-US", "en-US"],
  ["fr-FR", "en-US"],
  ["", "en-US"],
])("display language %s → %s", (locale, lang) => expect(langFromLocale(locale)).toBe(lang));
