/**
 * The premium frequencies (缴费方式) are one list: RM.NEXTPREMIUM (src/domain/premiums.ts parsePremiumFrequency) reads
 * exactly the spellings the Policies table's PremiumFrequency column reads (src/book/codes.ts), in any language.
 */
import fc from "fast-check";
import { codeLabels, parseCode } from "../../src/book/codes";
import { PREMIUM_FREQUENCY_ALIASES, PREMIUM_FREQUENCY_LABELS, parsePremiumFrequency } from "../../src/domain/premiums";
import { LANGS, PREMIUM_FREQUENCIES } from "../../src/domain/types";

const parsed = (x: unknown) => {
  const r = parsePremiumFrequency(x);
  return r.ok ? r.value : undefined;
};

test("every label and spelling the Policies table accepts is read the same", () => {
  const spellings = PREMIUM_FREQUENCIES.flatMap((f) => [f, ...LANGS.map((l) => PREMIUM_FREQUENCY_LABELS[f][l]), ...PREMIUM_FREQUENCY_ALIASES[f]]);
  for (const lang of LANGS) spellings.push(...codeLabels("premiumFrequency", lang));
  expect(spellings.length).toBeGreaterThan(30);
  for (const s of spellings) expect([s, parsed(s)]).toEqual([s, parseCode("premiumFrequency", s)]);
  // As insurers write them: 趸交 once, 月缴 monthly; case, spaces, punctuation and full-width forms do not matter.
  expect(["趸交", "躉繳", "月缴", "月繳", " SEMI-ANNUAL ", "ｑｕａｒｔｅｒｌｙ", "Half yearly"].map(parsed)).toEqual(["Single", "Single", "Monthly", "Monthly", "Semiannual", "Quarterly", "Semiannual"]);
});

test("any text: the function and the table agree (property)", () => {
  const words = [...PREMIUM_FREQUENCIES, "年缴", "半年缴", "季", "lump sum", "weekly", "双月", "", " "];
  const text = fc.oneof(fc.string(), fc.constantFrom(...words).chain((w) => fc.tuple(fc.constantFrom("", " ", "-", "_", "："), fc.boolean()).map(([p, up]) => `${p}${up ? w.toUpperCase() : w}${p}`)));
  fc.assert(fc.property(text, (s) => parsed(s) === parseCode("premiumFrequency", s)));
});

test("anything else is refused, naming the argument and what was typed", () => {
  const r = parsePremiumFrequency("weekly", "frequency");
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.error.message["en-US"]).toBe('frequency must be a premium frequency: Single premium/Annual/Semi-annual/Quarterly/Monthly (or 趸交/年缴/半年缴/季缴/月缴) (got "weekly")');
  expect(parsed(12)).toBeUndefined();
  expect(parsed(null)).toBeUndefined();
});
