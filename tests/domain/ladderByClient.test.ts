/**
 * One client's maturity ladder (the review sheet's table, src/domain/ladder.ts with opts.clientId) read from the
 * book's per-client index is the whole book's ladder narrowed to that client: the same holdings, policies, premiums
 * and rows without a rate, in the same order, the same month totals. The index replaced a scan of every client,
 * holding and policy per review (quadratic: 5,000 reviews × the whole book, bench cli.build).
 */
import { maturityLadder } from "../../src/domain/ladder";
import type { Book } from "../../src/domain/types";
import { generateBook, SAMPLE_SEED } from "../../src/sample";

const AS_OF = "2026-05-15";

function narrowed(book: Book, clientId: string) {
  const all = maturityLadder(book, AS_OF);
  const mine = <T extends { clientId: string }>(rows: readonly T[]) => rows.filter((r) => r.clientId === clientId);
  return { holdings: mine(all.holdings), policies: mine(all.policies), premiums: mine(all.premiums), missing: mine(all.missing), clients: mine(all.clients) };
}

test.each([40, 120])("sample of %i clients: every client's own ladder = the book's ladder narrowed to the client", (n) => {
  const book = generateBook({ clients: n, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
  let rows = 0;
  for (const c of book.clients) {
    const own = maturityLadder(book, AS_OF, { clientId: c.clientId });
    const want = narrowed(book, c.clientId);
    expect({ id: c.clientId, holdings: own.holdings, policies: own.policies, premiums: own.premiums, missing: own.missing, clients: own.clients }).toEqual({ id: c.clientId, ...want });
    rows += own.holdings.length + own.policies.length + own.premiums.length;
    // the month totals are the client's own: the sum of its holdings by month
    const byMonth = own.months.map((_m, i) => own.holdings.filter((h) => h.month === i).reduce((a, h) => a + h.amount, 0));
    own.monthTotals.forEach((t, i) => expect(t).toBeCloseTo(byMonth[i], 6));
  }
  // the check is not empty: the sample has maturities and premiums in the window
  expect(rows).toBeGreaterThan(0);
});

test("a client the book lacks has an empty ladder", () => {
  const book = generateBook({ clients: 10, seed: SAMPLE_SEED, asOf: AS_OF, lang: "zh-CN" });
  const l = maturityLadder(book, AS_OF, { clientId: "NOPE" });
  expect([l.holdings.length, l.policies.length, l.premiums.length, l.clients.length, l.total]).toEqual([0, 0, 0, 0, 0]);
});
