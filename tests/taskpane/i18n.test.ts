import { LANGS } from "../../src/domain/types";
import { LANG_NAMES, MESSAGES, placeholders, t } from "../../src/taskpane/i18n";
import { initialLang } from "../../src/taskpane/uiLang";

const HAN = /[\u4e00-\u9fff]/;

describe("UI strings", () => {
  const keys = Object.keys(MESSAGES["zh-CN"]).sort();

  test("the three languages have exactly the same keys", () => {
    for (const lang of LANGS) expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
  });

  test("no string is empty, and each language uses the same {parameters}", () => {
    for (const k of keys) {
      const ps = placeholders(MESSAGES["zh-CN"][k as keyof (typeof MESSAGES)["zh-CN"]]);
      for (const lang of LANGS) {
        const s = MESSAGES[lang][k as keyof (typeof MESSAGES)["zh-CN"]];
        expect({ k, lang, empty: s.trim() === "" }).toEqual({ k, lang, empty: false });
        expect({ k, lang, ps: placeholders(s) }).toEqual({ k, lang, ps });
      }
    }
  });

  test("Chinese strings are Chinese, English strings are not, 繁體 is not 简体", () => {
    const simplifiedOnly = /[这还没试户资产检视导联络记录该请确认删读设页显单击报门为个张选择]/;
    for (const k of keys) {
      const key = k as keyof (typeof MESSAGES)["zh-CN"];
      // Strings that are only numbers, codes, names or punctuation.
      if (["app.title", "common.listSep", "common.itemSep", "form.dupItem"].includes(k)) continue;
      expect({ k, zh: HAN.test(MESSAGES["zh-CN"][key]) }).toEqual({ k, zh: true });
      expect({ k, tw: HAN.test(MESSAGES["zh-TW"][key]) }).toEqual({ k, tw: true });
      expect({ k, en: HAN.test(MESSAGES["en-US"][key]) }).toEqual({ k, en: false });
      expect({ k, twSimplified: simplifiedOnly.test(MESSAGES["zh-TW"][key]) }).toEqual({ k, twSimplified: false });
    }
  });

  test("parameters are filled in; unknown ones are left visible", () => {
    expect(t("zh-CN", "clients.count", { n: 3, total: 40 })).toBe("显示 3 / 40 位客户");
    expect(t("en-US", "clients.count", { n: 3, total: 40 })).toBe("Showing 3 of 40 clients");
    expect(t("en-US", "clients.count", { n: 3 })).toBe("Showing 3 of {total} clients");
  });

  test("language names are written in their own language", () => {
    expect(LANG_NAMES).toEqual({ "zh-CN": "简体中文", "zh-TW": "繁體中文", "en-US": "English" });
  });

  test("start language: the pane's remembered choice, else Office's display language", () => {
    expect(initialLang(null, "zh-CN")).toBe("zh-CN");
    expect(initialLang(null, "zh-HK")).toBe("zh-TW");
    expect(initialLang(null, "en-GB")).toBe("en-US");
    expect(initialLang(undefined, undefined)).toBe("en-US");
    expect(initialLang("zh-TW", "en-US")).toBe("zh-TW");
    expect(initialLang("fr-FR", "zh-CN")).toBe("zh-CN");
  });
});
