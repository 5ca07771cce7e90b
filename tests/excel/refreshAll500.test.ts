/**
 * Refresh all on a 500-client book (the seeded generator) on the fake host, which refuses requests over 5 MB like
 * Excel on the web: without review sheets it is one read and one write sync; with a review sheet for every client
 * the writes are cut into as few 5 MB chunks as they need, and no request exceeds the limit.
 */
import { PAYLOAD_LIMIT } from "../../src/excel/batch";
import { createCommands } from "../../src/excel/commands";
import { generateBook } from "../../src/sample";
import { reviewSheetName } from "../../src/sheets";
import type { FakeHost } from "../fake-excel";
import { AS_OF, dataSnapshot, installWithBook, report } from "./helpers";

const book = generateBook({ clients: 500, asOf: AS_OF, lang: "zh-CN" });
let host: FakeHost;
afterEach(() => host.uninstall());

test("500 clients, the four sheets: one read and one write sync", async () => {
  host = installWithBook(book);
  host.stats.reset();
  const r = await createCommands().refreshAll(AS_OF);
  expect(r.sheets).toHaveLength(4);
  expect(host.stats.syncs).toBe(2);
  expect(r.syncs).toBe(2);
  expect(host.stats.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  report("refresh all (500 clients, no review sheets)", host.stats);
});

test("500 clients with a review sheet each: 5 MB chunks, as few as the writes need, none over the limit", async () => {
  const reviews = book.clients.map((c) => ({ name: reviewSheetName(c.name, c.clientId, "zh-CN") }));
  host = installWithBook(book, { extraSheets: reviews });
  const before = dataSnapshot(host);
  host.stats.reset();
  let calls = 0;
  const r = await createCommands().refreshAll(AS_OF, () => calls++);
  expect(r.sheets).toHaveLength(504);
  expect(calls).toBe(1 + 504);
  const { syncs, requests, maxRequest } = host.stats;
  report("refresh all (500 clients, 500 review sheets)", host.stats);
  expect(maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
  const written = requests.slice(1).reduce((a, b) => a + b, 0);
  const needed = Math.ceil(written / PAYLOAD_LIMIT);
  expect(needed).toBeGreaterThan(1); // the case really needs chunks
  expect(syncs - 1).toBeLessThanOrEqual(needed + 1);
  expect(r.syncs).toBe(syncs);
  // Every client's review is there, in place of the placeholder, with its two charts.
  expect(host.sheetNames().filter((n) => n.startsWith("资产检视-"))).toHaveLength(500);
  expect(host.charts()).toHaveLength(1000);
  expect(dataSnapshot(host)).toEqual(before);
});
