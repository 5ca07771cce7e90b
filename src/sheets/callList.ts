/**
 * 联系名单 — a campaign's call list from segments.filterClients: who, how to reach them (phone, preferred
 * channel, contact window), when they were last contacted, and why they are on the list.
 */
import type { SegmentMatch } from "../domain/segments";
import type { Book, Client, IsoDate } from "../domain/types";
import { rangeA1 } from "./a1";
import { COLORS, DATE_FORMAT, TEXT_FORMAT, Grid, checkBase, dateCell, indexFor, lastContactOf, textCell, writeHeader, writeTitle, type BaseOptions } from "./common";
import type { SheetSpec } from "./spec";
import { callListSheetName } from "./sheetNames";
import { sheetText } from "./text";
import { TAB_COLORS } from "./marker";
import { sheetPage } from "./print";

/** One row: what filterClients returns (SegmentMatch fits). */
export type CallListEntry = Pick<SegmentMatch, "client" | "reason"> & { lastContact?: IsoDate };

export interface CallListOptions extends BaseOptions {
  entries: readonly CallListEntry[];
  /** The criteria in words, shown above the list. */
  criteria?: string;
  /** Sheet name; default 联系名单 / 聯繫名單 / Call list. */
  name?: string;
}

export const CALL_LIST_COLUMNS = { clientId: 1, name: 2, phone: 3, channel: 4, contactWindow: 5, lastContact: 6, reason: 7 } as const;
const C = CALL_LIST_COLUMNS;
export const CALL_LIST_HEADER_ROW = 3;

/** Entries for chosen client ids (the task pane's selection), with their reasons and last contact on or before asOf. */
export function callListEntries(book: Book, clientIds: readonly string[], reasons: Readonly<Record<string, string>>, asOf: IsoDate): CallListEntry[] {
  const index = indexFor(book, { asOf, lang: book.settings.language });
  return clientIds.map((id) => {
    const client: Client | undefined = index.clientById.get(id);
    if (!client) throw new RangeError(`callListEntries: there is no client with id ${JSON.stringify(id)} in the book`);
    const last = lastContactOf(index, id, asOf);
    const e: CallListEntry = { client, reason: reasons[id] ?? "" };
    if (last) e.lastContact = last.date;
    return e;
  });
}

export function callList(book: Book, opts: CallListOptions): SheetSpec {
  checkBase(opts, "callList");
  if (!Array.isArray(opts.entries)) throw new TypeError("callList: entries must be an array (the result of segments.filterClients)");
  const entries: readonly CallListEntry[] = opts.entries;
  const index = indexFor(book, opts);
  const { asOf, lang } = opts;
  const t = sheetText(lang);
  const tl = t.callList;
  const g = new Grid();
  writeTitle(g, tl.title, t.asOf, asOf);
  const colon = lang === "en-US" ? ": " : "：";
  g.set(2, 4, opts.criteria ? `${tl.criteria}${colon}${opts.criteria}${t.clauseSep}${tl.clients(entries.length)}` : tl.clients(entries.length));
  g.format("D2", undefined, { italic: true, color: COLORS.muted });
  const h = tl.headers;
  const hr = CALL_LIST_HEADER_ROW;
  writeHeader(g, hr, 1, [h.clientId, h.name, h.phone, h.channel, h.contactWindow, h.lastContact, h.reason]);
  const first = hr + 1;
  entries.forEach((e, i) => {
    const c = e.client;
    g.row(first + i, 1, [
      c.clientId,
      c.name,
      textCell(c.phone),
      c.preferredChannel ? `${c.preferredChannel} ${t.calendar.channels[c.preferredChannel]}` : null,
      textCell(c.contactWindow),
      // The book's latest contact on or before asOf, as on the other sheets; the entry's own when the book has none.
      dateCell(lastContactOf(index, c.clientId, asOf)?.date ?? e.lastContact),
      textCell(e.reason),
    ]);
  });
  const n = entries.length;
  const last = first + n - 1;
  if (n === 0) {
    g.set(first, 1, tl.empty);
    g.format(rangeA1(1, first, 1, first), undefined, { italic: true, color: COLORS.muted });
  } else {
    g.formatBox(1, first, C.reason, last, undefined, { border: true });
    g.formatBox(C.phone, first, C.phone, last, TEXT_FORMAT);
    g.formatBox(C.lastContact, first, C.lastContact, last, DATE_FORMAT);
  }
  return {
    name: opts.name ?? callListSheetName(lang),
    kind: "calllist",
    cells: g.cells(),
    columnWidths: [10, 10, 14, 12, 18, 11, 60],
    formats: g.formats,
    freeze: { rows: hr, columns: 2 },
    autoFilter: rangeA1(1, hr, C.reason, Math.max(hr, last)),
    page: sheetPage("calllist", lang),
    tabColor: TAB_COLORS.calllist,
  };
}
