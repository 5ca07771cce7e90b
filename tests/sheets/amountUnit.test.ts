/**
 * The 万元 display unit end to end (issue #15): the Settings row → BookSettings.amountUnit → every amount cell's
 * number format on the profile list, coverage and review sheets (and so the review chart's axis), the Today sheet's
 * text and the pane's Today page and figures — with the cells' values unchanged, so formulas still add up. The
 * format and its rounding are defined and hand-checked in tests/domain/amounts.test.ts; LibreOffice's rendering of
 * them in tests/interop/amountUnit.libreoffice.test.ts.
 */
import { readSettings } from "../../src/book/settingsTable";
import { AMOUNT_FORMAT } from "../../src/sheets/common";
import { amountNumberFormat, formatAmount } from "../../src/domain/amounts";
import { todayAgenda } from "../../src/domain/agenda";
import type { Book } from "../../src/domain/types";
import { generateBook } from "../../src/sample";
import { assetReview } from "../../src/sheets/assetReview";
import { coverage } from "../../src/sheets/coverage";
import { profileList } from "../../src/sheets/profileList";
import { todaySheet } from "../../src/sheets/today";
import { todayView } from "../../src/taskpane/model/today";
import { money } from "../../src/taskpane/format";

const AS_OF = "2025-06-15";
const base = generateBook({ clients: 12, asOf: AS_OF, lang: "zh-TW" });
const wan: Book = { ...base, settings: { ...base.settings, amountUnit: "Wan" } };

test("the Settings row reads 万元 / 萬元 / 10000 in any language; a book without it shows whole 元 as before", () => {
  const table = (v: string) => ({ headers: ["Key", "Value"], headerRow: 1, rows: [["金額單位", v]] });
  for (const v of ["萬元", "万元", "万", "10,000", "10,000s (万元)"]) expect(readSettings(table(v)).settings.amountUnit).toBe("Wan");
  expect(readSettings(table("元")).settings.amountUnit).toBe("Yuan");
  expect(readSettings(undefined).settings.amountUnit).toBe("Yuan");
  expect(readSettings(table("千元")).errors.map((e) => e.code)).toEqual(["badCode"]);
});

test("every amount format of the sheets follows the unit; the cells' values do not change", () => {
  const opts = { asOf: AS_OF, lang: "zh-TW" as const };
  const id = base.clients[0].clientId;
  const pairs = [
    [profileList(base, opts), profileList(wan, opts)],
    [coverage(base, opts), coverage(wan, opts)],
    [assetReview(base, { ...opts, clientId: id }), assetReview(wan, { ...opts, clientId: id })],
  ];
  for (const [yuan, inWan] of pairs) {
    expect(inWan.cells).toEqual(yuan.cells);
    const before = (yuan.formats ?? []).map((f) => f.numberFormat);
    const after = (inWan.formats ?? []).map((f) => f.numberFormat);
    expect(before).toContain(AMOUNT_FORMAT);
    expect(after).not.toContain(AMOUNT_FORMAT);
    // exactly the amount ranges changed, to the 萬 format
    expect(after).toEqual(before.map((f) => (f === AMOUNT_FORMAT ? amountNumberFormat("Wan", "zh-TW") : f)));
    expect(amountNumberFormat("Wan", "zh-TW")).toBe('0\\.0,"萬"');
  }
});

test("the Today sheet and the pane write amounts in the one format of the unit", () => {
  const items = todayAgenda(wan, AS_OF).filter((i) => i.detail.amount !== undefined);
  expect(items.length).toBeGreaterThan(0);
  const sheetText = JSON.stringify(todaySheet(wan, { asOf: AS_OF, lang: "zh-TW" }).cells);
  const paneText = JSON.stringify(todayView(wan, AS_OF, "zh-TW"));
  for (const i of items) {
    const shown = formatAmount(i.detail.amount!, "Wan", "zh-TW");
    // 萬 from 1萬; an amount under it in 元 (a monthly premium of 72 read 0.0萬 before)
    expect(shown).toMatch(i.detail.amount! >= 10_000 ? /^\d+\.\d萬$/ : /^[\d,]+元$/);
    expect(sheetText).toContain(shown);
    expect(paneText).toContain(shown);
    // The amount in whole 元 is absent (an amount of five digits or more: a short one, e.g. a monthly premium of 72,
    // also occurs by chance in phone numbers and dates).
    if (i.detail.amount! >= 10_000) expect(sheetText).not.toContain(formatAmount(i.detail.amount!, "Yuan"));
  }
  expect(money(29836264, "Wan", "zh-CN")).toBe("2983.6万");
  expect(money(72, "Wan", "zh-TW")).toBe("72元");
});
