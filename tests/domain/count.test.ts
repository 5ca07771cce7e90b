/**
 * English count phrases ("1 client", "2 clients") — src/domain/count.ts, the one helper behind every en-US text that
 * puts a number before a noun. Source of the rule: Unicode CLDR "Language Plural Rules", English: one → i = 1 and
 * v = 0 (the integer 1), other → everything else (0 included), as ECMA-402 Intl.PluralRules("en-US") applies it.
 * Expected values below are written out by hand from that rule; zh-CN/zh-TW have no plural and are checked unchanged.
 */
import fc from "fast-check";
import { countOf, fillParams, pluralWord } from "../../src/domain/count";
import { emptyBook } from "../../src/domain/types";
import { coverage, profileList } from "../../src/sheets";
import { sheetText } from "../../src/sheets/text";
import { MESSAGES, t } from "../../src/taskpane/i18n";
import { LADDER_TEXTS, lt } from "../../src/taskpane/pages/ladderText";
import { allText } from "../sheets/helpers";

/** Each phrase kind the sheets, pane, CLI and function messages build, as [one, other]. */
const KINDS: readonly (readonly [string, string])[] = [
  ["client", "clients"], ["policy", "policies"], ["holding", "holdings"], ["row", "rows"], ["sheet", "sheets"],
  ["table", "tables"], ["contact", "contacts"], ["review row", "review rows"], ["family member", "family members"],
  ["rate", "rates"], ["month", "months"], ["day", "days"], ["event", "events"], ["cell", "cells"],
  ["output sheet", "output sheets"], ["review sheet", "review sheets"], ["yr", "yrs"],
];

describe("countOf: 0, 1, 2 and 1,000 of each kind (CLDR en: only 1 is \"one\")", () => {
  test.each(KINDS)("%s / %s", (one, other) => {
    expect(countOf(0, one, other)).toBe(`0 ${other}`);
    expect(countOf(1, one, other)).toBe(`1 ${one}`);
    expect(countOf(2, one, other)).toBe(`2 ${other}`);
    expect(countOf(1000, one, other, "1,000")).toBe(`1,000 ${other}`);
    expect(countOf(1000, one, other)).toBe(`1000 ${other}`);
  });

  test("a fraction is never \"one\" (1.5 days; CLDR v ≠ 0)", () => {
    expect(pluralWord(1.5, "day", "days")).toBe("days");
    expect(pluralWord(0.5, "day", "days")).toBe("days");
  });

  test("property: the singular exactly when the count is 1, the number printed as given", () => {
    fc.assert(
      fc.property(fc.nat(10_000_000), (n) => {
        expect(countOf(n, "client", "clients")).toBe(n === 1 ? "1 client" : `${n} clients`);
      }),
    );
  });
});

describe("catalogue strings: {n|one|other} agrees with parameter n", () => {
  test("filled from numbers or from the formatted text the pane passes (\"1,000\")", () => {
    const s = "{n} {n|client has|clients have} a tier";
    expect(fillParams(s, { n: 0 })).toBe("0 clients have a tier");
    expect(fillParams(s, { n: 1 })).toBe("1 client has a tier");
    expect(fillParams(s, { n: "1" })).toBe("1 client has a tier");
    expect(fillParams(s, { n: 2 })).toBe("2 clients have a tier");
    expect(fillParams(s, { n: "1,000" })).toBe("1,000 clients have a tier");
  });

  test("a parameter not given stays visible as {name}; its word is the plural", () => {
    expect(fillParams("Showing {n} of {total} {total|client|clients}", { n: 1 })).toBe("Showing 1 of {total} clients");
  });

  test("pane phrases at 0, 1, 2, 1,000", () => {
    const cases: [number | string, string, string][] = [
      [0, "0 clients match.", "Show 0 more clients"],
      [1, "1 client matches.", "Show 1 more client"],
      [2, "2 clients match.", "Show 2 more clients"],
      ["1,000", "1,000 clients match.", "Show 1,000 more clients"],
    ];
    for (const [n, match, more] of cases) {
      expect(t("en-US", "seg.resultCount", { n })).toBe(match);
      expect(t("en-US", "today.showAll", { n })).toBe(more);
    }
    expect(t("en-US", "seg.overridden", { n: 1 })).toBe("1 client has a manual tier that differs from the computed one.");
    expect(t("en-US", "sheets.refreshed", { n: 1 })).toBe("Refreshed 1 sheet.");
    expect(t("en-US", "form.saved", { name: "Zhang Wei", n: 1 })).toBe("Saved Zhang Wei: 1 row written.");
    expect(t("en-US", "book.setupDone", { tables: 1, columns: 2 })).toBe("Created 1 table and added 2 columns; existing data was not changed.");
    expect(lt("en-US", "total", { amount: "5,000", n: 1, clients: 1 })).toBe("12 months: 5,000 in 1 holding of 1 client.");
    expect(lt("en-US", "missing", { n: 1 })).toBe("1 holding or policy in another currency has no rate and is on no total:");
    expect(lt("en-US", "missing", { n: 2 })).toBe("2 holdings or policies in another currency have no rate and are on no total:");
    expect(lt("en-US", "export.done", { file: "a.ics", n: 1 })).toBe("Downloaded a.ics: 1 event.");
    expect(lt("en-US", "export.none", { months: 1 })).toBe("No events in the next 1 month: no file made.");
  });

  test("Chinese has no plural: zh-CN/zh-TW strings use no {n|…} form and read the same for 1 and 2", () => {
    for (const lang of ["zh-CN", "zh-TW"] as const) {
      for (const s of [...Object.values(MESSAGES[lang]), ...Object.values(LADDER_TEXTS[lang])]) expect(s).not.toMatch(/\{\w+\|/);
    }
    expect(t("zh-CN", "seg.resultCount", { n: 1 })).toBe(t("zh-CN", "seg.resultCount", { n: 2 }).replace("2", "1"));
  });

  test("no en-US catalogue string puts a count parameter before a bare plural noun (\"{n} clients\")", () => {
    const bare = /\{\w+\} (?:more )?(clients|policies|holdings|rows|sheets|tables|columns|contacts|reviews|months|events|errors|problems|findings|fields|days)\b/;
    const offenders = [...Object.entries(MESSAGES["en-US"]), ...Object.entries(LADDER_TEXTS["en-US"])].filter(([, s]) => bare.test(s));
    expect(offenders).toEqual([]);
  });
});

describe("the places fixed", () => {
  const one = emptyBook();
  one.clients = [{ clientId: "C1", name: "Zhang Wei" }];
  const opts = { asOf: "2026-11-23", lang: "en-US" as const };

  test("sheet text: the clients count of the profile and coverage totals rows and the call list", () => {
    expect(sheetText("en-US").profile.clients(1)).toBe("1 client");
    expect(sheetText("en-US").profile.clients(1000)).toBe("1000 clients");
    expect(sheetText("en-US").callList.clients(1)).toBe("1 client");
    expect(sheetText("en-US").review.span("2026-11-22", 1)).toBe("since 2026-11-22, 1 day");
    expect(sheetText("en-US").coverage.years(1)).toBe("1 yr"); // a one-year policy term (was "1 yrs")
    expect(sheetText("en-US").coverage.years(20)).toBe("20 yrs");
    expect(sheetText("zh-CN").profile.clients(1)).toBe(sheetText("zh-CN").profile.clients(2).replace("2", "1"));
  });

  test("sheet cells: a one-client book's profile and coverage totals rows say \"1 client\" (were \"1 clients\")", () => {
    for (const spec of [profileList(one, opts), coverage(one, opts)]) {
      expect(allText(spec)).toContain("1 client");
      expect(allText(spec)).not.toContain("1 clients");
    }
  });
});
