/**
 * The client-facing review: only that client's data, phone and ID masked, no notes, tags, tier or internal flags,
 * nothing of any other client — on the sample in every language and, as a property, on random books.
 */
import fc from "fast-check";
import { maskIdNumber, maskPhone } from "../../src/domain/mask";
import { LANGS, type Book, type Lang } from "../../src/domain/types";
import { generateBook, SAMPLE_CLIENTS } from "../../src/sample";
import { assetReview, clientFacingReview } from "../../src/sheets";
import { allText, cell } from "./helpers";
import { specProblems } from "./invariants";

const AS_OF = "2026-11-23";

function leaks(texts: readonly string[], confidential: readonly string[]): string[] {
  return confidential.filter((c) => texts.some((t) => t.includes(c)));
}

describe.each(LANGS)("client-facing review of every sample client (%s)", (lang: Lang) => {
  // In one currency: the column count below is that of a sheet without the currency columns a USD or HKD row adds.
  const book = generateBook({ clients: SAMPLE_CLIENTS, asOf: AS_OF, lang, foreign: false });

  test("none of the confidential strings appears; masked phone and ID do; both charts kept", () => {
    for (const c of book.clients) {
      const { spec, confidential } = clientFacingReview(book, { asOf: AS_OF, lang, clientId: c.clientId });
      const texts = allText(spec);
      expect({ id: c.clientId, leaks: leaks(texts, confidential) }).toEqual({ id: c.clientId, leaks: [] });
      expect(specProblems(spec)).toEqual([]);
      expect(cell(spec, "B2")).toBe(c.name);
      if (c.phone) expect(cell(spec, "B4")).toBe(maskPhone(c.phone));
      if (c.idNumber) expect(cell(spec, "B5")).toBe(maskIdNumber(c.idNumber));
      expect(spec.charts?.map((x) => x.type)).toEqual(expect.arrayContaining(["column"]));
      expect(spec.cells.some((r) => r.length > 9)).toBe(false); // no suitability column
    }
  });

  test("the list is real: the manager's copy of the same client does contain some of it", () => {
    const c = book.clients.find((x) => x.notes && x.phone)!;
    const { confidential } = clientFacingReview(book, { asOf: AS_OF, lang, clientId: c.clientId });
    expect(confidential).toEqual(expect.arrayContaining([c.phone, c.notes, book.clients[1].clientId === c.clientId ? book.clients[0].name : book.clients[1].name]));
    const manager = allText(assetReview(book, { asOf: AS_OF, lang, clientId: c.clientId }));
    expect(leaks(manager, confidential).length).toBeGreaterThan(0);
  });
});

describe("property: random books, any client, any language", () => {
  test("no confidential value of any client reaches the client-facing sheet", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(...LANGS), fc.integer({ min: 2, max: 6 }), (seed, lang, n) => {
        const book: Book = generateBook({ clients: n, seed, asOf: AS_OF, lang });
        for (const c of book.clients) {
          const { spec, confidential } = clientFacingReview(book, { asOf: AS_OF, lang, clientId: c.clientId });
          const found = leaks(allText(spec), confidential);
          if (found.length > 0) throw new Error(`seed ${seed} ${lang} ${c.clientId}: ${found.join(", ")}`);
        }
      }),
      { numRuns: 12 },
    );
  });
});
