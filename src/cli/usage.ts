/** The command's help texts, and the error that means "the command line or its input files are unusable" (exit 2). */

/** A problem with how the command was called or with an input it cannot use at all: one line, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const COMMANDS = ["demo", "template", "import", "build", "review", "calendar"] as const;
export type CommandName = (typeof COMMANDS)[number];

export const MAIN_HELP = `clientbook — client book files without Excel: the demo, the shared template, CSV import, sheets and reviews

Usage:
  clientbook demo [--out FILE] [--lang zh-CN|zh-TW|en-US] [--clients N] [--as-of YYYY-MM-DD] [--month YYYY-MM]
  clientbook template [--out FILE] [--lang L]
  clientbook import CLIENTS.csv [--family F.csv] [--holdings H.csv] [--policies P.csv] [--contacts C.csv] [--rates R.csv] --out FILE [--lang L] [--encoding E]
  clientbook build BOOK.xlsx --out FILE [--as-of YYYY-MM-DD] [--month YYYY-MM] [--tier A|B|C] [--clients ID,ID…]
  clientbook review BOOK.xlsx --client ID|NAME --out FILE [--client-facing]
  clientbook calendar BOOK.xlsx --out FILE.ics [--as-of YYYY-MM-DD] [--months N] [--client-facing-style]

Run "clientbook COMMAND --help" for a command's details.
Exit status: 0 done; 1 done, but some rows were rejected or left out of the figures for want of an exchange rate
(listed on stderr and on the import-errors sheet, naming the currency and the date); 2 usage error or unusable input (nothing written); 3 unexpected failure (set CLIENTBOOK_DEBUG=1 for details).
`;

export const HELP: Record<CommandName, string> = {
  demo: `Usage: clientbook demo [--out FILE] [--lang zh-CN|zh-TW|en-US] [--clients N] [--as-of YYYY-MM-DD] [--month YYYY-MM]

Writes the seeded sample book with every output sheet: the book's eight tables (Rates among them), the client
profile list, insurance coverage, the contact calendars of the last full month and of the as-of month, Today, the
maturity ladder, and one asset review per client (with its allocation pie and trend column chart).

  --out FILE        where to write (default out/clientbook-demo.xlsx)
  --lang L          language of the book and its sheets: zh-CN (default), zh-TW or en-US
  --clients N       number of clients, 1–50000 (default 40, the shipped sample)
  --as-of DATE      the day the book describes (default today)
  --month M         one contact calendar, of month M (YYYY-MM), instead of the last full month and the as-of month
`,
  template: `Usage: clientbook template [--out FILE] [--lang zh-CN|zh-TW|en-US]

Writes the empty shared template: the eight tables of a client book as Excel tables with headers in the
chosen language, drop-down lists on coded columns and date/amount/text formats, ready to fill in Excel or WPS.
A FILE ending in .xltx is an Excel template: opened, or put in Excel's templates folder, it makes a new book
("New from template") instead of opening the template itself.

  --out FILE        where to write: .xlsx (default out/clientbook-template.xlsx) or .xltx
  --lang L          header language: zh-CN (default), zh-TW or en-US
`,
  import: `Usage: clientbook import CLIENTS.csv [--family F.csv] [--holdings H.csv] [--policies P.csv] [--contacts C.csv] [--rates R.csv] --out FILE [--lang L] [--encoding E]

Reads CSV files (headers in Chinese, Traditional Chinese or English, columns in any order) into a client book file.
The encoding is read from a BOM (UTF-8, UTF-16), else decided from the bytes: UTF-8, GB18030 (Excel in mainland
China) or Big5 (Excel in Taiwan) — whichever reads every line, preferring UTF-8 — never guessed: a line whose bytes
no encoding reads is reported and not imported.
Rows that cannot be read are not imported: each is listed on stderr as "file:line: column: reason" and kept
verbatim on an import-errors sheet in the output — a line with more cells than the header (an unquoted comma),
text longer than an Excel cell's 32,767 characters (kept whole, in pieces), a repeated id (ids compare ignoring
case and full-width forms). Your own extra columns are kept after the book's columns. An amount may carry its
currency ("US$1,200", "USD 1,200", "1,200 美元") or have it in a Currency column; one that says another currency
than its row's is rejected.

  --family F.csv    family members          --holdings H.csv   holdings (assets and loans)
  --policies P.csv  insurance policies      --contacts C.csv   contact log
  --rates R.csv     exchange rates (currency, rate to the book's currency, date) for rows in another currency
  --out FILE        the book to write (required)
  --lang L          language of the written book: zh-CN, zh-TW or en-US (default: that of CLIENTS.csv's headers)
  --encoding E      the files' encoding when it cannot be decided: utf-8, gb18030, big5, utf-16le, windows-1252…

Exit status 1 when any row was rejected (the file is still written); 2 when a file cannot be used at all (an .xlsx
given as CSV, an unreadable header row) — nothing is written.
`,
  build: `Usage: clientbook build BOOK.xlsx --out FILE [--as-of YYYY-MM-DD] [--month YYYY-MM] [--tier A|B|C] [--clients ID,ID…]

Reads a filled client book (Excel tables by name, or sheets with a header row in any of the three languages)
and writes a complete book: its own tables as they are, plus every output sheet — profile list, coverage,
contact calendars of the last full month and of the as-of month, Today, and one asset review per client. Rows that cannot be read are
listed on stderr and on an import-errors sheet (exit status 1), as are amounts in a currency with no rate on or before
their date in the Rates table (never counted 1:1). Sheets are in the book's language.

  --out FILE        where to write (required; may not be BOOK.xlsx itself)
  --as-of DATE      the day the sheets describe (default today)
  --month M         one contact calendar, of month M (YYYY-MM), instead of the last full month and the as-of month
  --tier T          asset reviews of the clients of tier A, B or C only
  --clients IDS     asset reviews of these clients only (comma-separated ids)

One file holds at most 5,000 asset reviews: a larger book is refused before anything is built (exit status 2),
with the number of clients in each tier — build the reviews you need with --tier or --clients, or several files.
The profile list, coverage, calendar and Today always cover every client.
`,
  review: `Usage: clientbook review BOOK.xlsx --client ID|NAME --out FILE [--client-facing]

Writes one client's asset review (holdings, allocation pie, trend column chart) as a workbook of its own.

  --client ID|NAME  the client's id (ClientId column, any case or width), or a name only one client has — as
                    written, else ignoring case, full-width letters and spaces. A name several clients share
                    is refused with the candidates and their ids (exit status 2, nothing written).
  --out FILE        where to write (required)
  --client-facing   the copy to send to the client: only that client's data, phone and ID number masked;
                    no notes, tags, tier, suitability flags, internal id or anything of other clients.
                    When a family member of the client is also a client (Family's Linked Client ID), a
                    warning on stderr reminds you that their accounts are separate; the file says nothing of it
`,
  calendar: `Usage: clientbook calendar BOOK.xlsx --out FILE.ics [--as-of YYYY-MM-DD] [--months N] [--client-facing-style]

Writes an iCalendar file (RFC 5545) of the reviews due, follow-ups, birthdays, maturities and premiums due of the
next months, to import into Outlook or a phone's calendar. Each event is one all-day date with the client's name
and the reason — no amounts, products, ids or notes. Every event keeps its UID, so importing a newer file updates
the events instead of adding copies.

  --out FILE.ics          where to write (required)
  --as-of DATE            the first day (default today)
  --months N              calendar months from the as-of month, 1–24 (default 3)
  --client-facing-style   leave the names out: the reason only (a calendar others may see)

Exit status 1 when any row of the book was rejected or has an amount no rate converts (the file is still written); 2
when the book cannot be used.
`,
};
