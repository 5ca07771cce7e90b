/**
 * Exchange rates for the RM.* functions: reading a rates range (the Rates table's body — currency, rate, date — with or
 * without its header row), currency arguments, and the rate of a currency on a date by the book's own rule
 * (src/domain/currency.ts rateOn: the latest rate dated on or before the date; the book currency is 1). A currency
 * that needs a rate and has none is #N/A naming the currency and the date — never a silent 1:1.
 *
 * A rate is "units of the book currency for one unit of the currency" (the Rates table's definition), so any two
 * rates of one range are in the same unit and a cross rate from → to is rate(from) / rate(to) (from → book → to).
 */
import { missingRateMessage, parseCurrency, rateOn } from "../domain/currency";
import { quoteInput, type Localized } from "../domain/result";
import type { FxRate, IsoDate } from "../domain/types";
import { isBlank, passErrors, refuse, toDate, toNumber } from "./args";
import { isErrorValue, notAvailable } from "./errors";
import { functionsLanguage } from "./language";

/** The date "latest rate" looks up: every rate is dated on or before Excel's last day. */
export const LATEST: IsoDate = "9999-12-31";

const CURRENCY_EXPECTED: Localized = {
  "zh-CN": "应为币种：ISO 4217 代码（USD、HKD、CNY …）或名称（美元、港币、人民币 …）",
  "zh-TW": "應為幣別：ISO 4217 代碼（USD、HKD、TWD …）或名稱（美元、港幣、新臺幣 …）",
  "en-US": "must be a currency: an ISO 4217 code (USD, HKD, CNY …) or its name (美元, 港币 …)",
};

/** A currency argument as the book reads a Currency cell (src/domain/currency.ts parseCurrency); blank is undefined. */
export function readCurrency(x: unknown, arg: string): string | undefined {
  passErrors(x, arg);
  if (isBlank(x)) return undefined;
  const code = typeof x === "string" ? parseCurrency(x) : undefined;
  if (code === undefined) {
    const q = quoteInput(x);
    refuse({
      "zh-CN": `${arg} ${CURRENCY_EXPECTED["zh-CN"]}（收到 ${q}）`,
      "zh-TW": `${arg} ${CURRENCY_EXPECTED["zh-TW"]}（收到 ${q}）`,
      "en-US": `${arg} ${CURRENCY_EXPECTED["en-US"]} (got ${q})`,
    });
  }
  return code;
}

// ---- the rates range -----------------------------------------------------------------------------------------

const COLUMNS: readonly Localized[] = [
  { "zh-CN": "币种", "zh-TW": "幣別", "en-US": "currency" },
  { "zh-CN": "汇率", "zh-TW": "匯率", "en-US": "rate" },
  { "zh-CN": "日期", "zh-TW": "日期", "en-US": "date" },
];

/** "rates row 3 (rate)" in each language; rows are counted from the range's first row, header included. */
function where(arg: string, row: number, col: number): Localized {
  const n = row + 1;
  const c = COLUMNS[col];
  return { "zh-CN": `${arg} 第 ${n} 行（${c["zh-CN"]}）`, "zh-TW": `${arg} 第 ${n} 列（${c["zh-TW"]}）`, "en-US": `${arg} row ${n} (${c["en-US"]})` };
}

function refuseAt(arg: string, row: number, col: number, problem: Localized): never {
  const w = where(arg, row, col);
  refuse({ "zh-CN": `${w["zh-CN"]}：${problem["zh-CN"]}`, "zh-TW": `${w["zh-TW"]}：${problem["zh-TW"]}`, "en-US": `${w["en-US"]}: ${problem["en-US"]}` });
}

const got = (x: unknown): Localized => {
  const q = quoteInput(x);
  return { "zh-CN": q, "zh-TW": q, "en-US": q };
};

/** A header row (币种 | 汇率 | 日期, Currency | Rate | Date): its rate cell is text that is no number, its currency no currency. */
function isHeader(row: readonly unknown[]): boolean {
  const [c, r] = row;
  return typeof r === "string" && toNumber(r) === undefined && !isBlank(r) && (typeof c !== "string" || parseCurrency(c) === undefined);
}

/**
 * The rates of a range of three columns — currency, rate (book currency per unit, > 0), date — as the Rates table
 * holds them; a first row that is the table's header is skipped, blank rows too. Each bad cell is #VALUE! naming its
 * row and column; a currency with two rates on one date is refused as the book refuses it (duplicateRate).
 * `book`, when known, may appear only at rate 1: another rate would mean the range is quoted in another currency.
 */
export function readRates(x: unknown, arg: string, book?: string): FxRate[] {
  const rows = Array.isArray(x) && x.every(Array.isArray) ? (x as unknown[][]) : undefined;
  const hit = rows && RECENT.find((r) => r.book === book && sameCells(r.raw, rows));
  if (hit) return hit.rates;
  const rates = parseRates(rows, x, arg, book);
  // Only a range that read without error is kept (an error's message depends on the language of the moment).
  RECENT.unshift({ raw: rows!.map((r) => r.slice()), book, rates });
  RECENT.length = Math.min(RECENT.length, RECENT_SIZE);
  return rates;
}

/**
 * The last few rates ranges read, by content: a column of =RM.FX(…, Rates[…]) hands every call its own copy of the
 * same table, and reading 1,460 rows (two years of daily USD and HKD rates) took about 30 ms a call, 30 s for a
 * thousand formulas. A range equal cell for cell to one read before gives the same rates — the same array, so the
 * domain's per-array date index (currency.ts rateOn) is reused too. Comparing is a few microseconds.
 */
const RECENT: { raw: unknown[][]; book: string | undefined; rates: FxRate[] }[] = [];
const RECENT_SIZE = 4;

function sameCells(a: readonly unknown[][], b: readonly unknown[][]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const [ra, rb] = [a[i], b[i]];
    if (ra.length !== rb.length) return false;
    for (let j = 0; j < ra.length; j++) if (!Object.is(ra[j], rb[j])) return false;
  }
  return true;
}

function parseRates(rows: unknown[][] | undefined, x: unknown, arg: string, book: string | undefined): FxRate[] {
  const width = rows?.[0]?.length ?? 0;
  if (!rows || rows.length === 0 || width !== 3 || rows.some((r) => r.length !== 3)) {
    const shape = rows && rows.length > 0 ? `${rows.length} × ${width}` : quoteInput(x);
    refuse({
      "zh-CN": `${arg} 应为三列的区域：币种、汇率、日期，与「汇率」表相同（收到 ${shape}）`,
      "zh-TW": `${arg} 應為三欄的範圍：幣別、匯率、日期，與「匯率」表相同（收到 ${shape}）`,
      "en-US": `${arg} must be a range of three columns: currency, rate, date, as the Rates table (got ${shape})`,
    });
  }
  const out: FxRate[] = [];
  const firstRow = new Map<string, number>();
  rows.forEach((cells, i) => {
    if (i === 0 && isHeader(cells)) return;
    if (cells.every(isBlank)) return;
    cells.forEach((v, c) => {
      if (isErrorValue(v)) {
        const w = where(arg, i, c);
        refuse({ "zh-CN": `${w["zh-CN"]} 是错误值 ${v.code}`, "zh-TW": `${w["zh-TW"]} 是錯誤值 ${v.code}`, "en-US": `${w["en-US"]} holds the error ${v.code}` });
      }
      if (isBlank(v)) refuseAt(arg, i, c, { "zh-CN": "为空，每行都要有币种、汇率和日期", "zh-TW": "為空，每列都要有幣別、匯率和日期", "en-US": "is blank; each row needs a currency, a rate and a date" });
    });
    const [c, r, d] = cells;
    const currency = typeof c === "string" ? parseCurrency(c) : undefined;
    if (currency === undefined) {
      const q = got(c);
      refuseAt(arg, i, 0, { "zh-CN": `${q["zh-CN"]} 不是币种`, "zh-TW": `${q["zh-TW"]} 不是幣別`, "en-US": `${q["en-US"]} is not a currency` });
    }
    const rate = toNumber(r);
    if (rate === undefined || !(rate > 0)) {
      const q = got(r);
      refuseAt(arg, i, 1, {
        "zh-CN": `${q["zh-CN"]} 应为大于 0 的数（1 ${currency} 折合多少本币）`,
        "zh-TW": `${q["zh-TW"]} 應為大於 0 的數（1 ${currency} 折合多少本幣）`,
        "en-US": `${q["en-US"]} must be a number > 0 (book currency per 1 ${currency})`,
      });
    }
    const date = toDate(d, where(arg, i, 2)[functionsLanguage()]);
    if (currency === book && rate !== 1) {
      refuseAt(arg, i, 1, {
        "zh-CN": `${currency} 是 book，汇率应为 1（收到 ${rate}）：这些汇率是按另一币种报的吗？`,
        "zh-TW": `${currency} 是 book，匯率應為 1（收到 ${rate}）：這些匯率是按另一幣別報的嗎？`,
        "en-US": `${currency} is the book currency (book), so its rate must be 1 (got ${rate}): are these rates quoted in another currency?`,
      });
    }
    const key = `${currency}\u0000${date}`;
    const first = firstRow.get(key);
    if (first !== undefined) {
      refuseAt(arg, i, 2, {
        "zh-CN": `${currency} 在 ${date} 的汇率与第 ${first + 1} 行重复`,
        "zh-TW": `${currency} 在 ${date} 的匯率與第 ${first + 1} 列重複`,
        "en-US": `${currency} already has a rate on ${date} (row ${first + 1})`,
      });
    }
    firstRow.set(key, i);
    out.push({ currency, rate, date });
  });
  return out;
}

// ---- the rate of a currency -------------------------------------------------------------------------------------

/** What a lookup needs: the rates, the valuation date (undefined = the latest rate) and the book currency if known. */
export interface RateQuery {
  rates: readonly FxRate[];
  date: IsoDate | undefined;
  book: string | undefined;
}

const BOOK_WORDS: Localized = { "zh-CN": "本币", "zh-TW": "本幣", "en-US": "the book currency" };

/**
 * #N/A for a currency with no rate: the domain's message (currency, date, book) when the date and the book are known;
 * otherwise the same words with "the latest rate" or "the book currency" in their place. `where` says which cell asked.
 */
export function noRate(currency: string, q: RateQuery, place?: Localized, hint?: Localized): Error {
  const lang = functionsLanguage();
  const book = q.book ? q.book : BOOK_WORDS[lang];
  const base: Localized = q.date !== undefined
    ? missingRateMessage(currency, q.date, book)
    : {
        "zh-CN": `rates 中没有 ${currency} 的汇率（折合 ${book}），请在「汇率」表中补上`,
        "zh-TW": `rates 中沒有 ${currency} 的匯率（折合 ${book}），請在「匯率」表中補上`,
        "en-US": `rates has no ${currency} rate (to ${book}); add one to the Rates table`,
      };
  const colon = lang === "en-US" ? ": " : "：";
  return notAvailable(`${place ? place[lang] + colon : ""}${base[lang]}${hint ? hint[lang] : ""}`);
}

/** Book currency per unit of `currency` by the book's rule (rateOn); undefined when there is none. */
export function rateFor(currency: string, q: RateQuery): number | undefined {
  // With the book unknown no currency is taken as 1: "" is no currency code.
  return rateOn(q.rates, currency, q.date ?? LATEST, q.book ?? "");
}

/** True when the range has any row of `currency`. */
export function hasRates(rates: readonly FxRate[], currency: string): boolean {
  return rates.some((r) => r.currency === currency);
}

// ---- conversions --------------------------------------------------------------------------------------------------

/**
 * `amount` in `from` as an amount in `to`: amount × rate(from) / rate(to), from → book → to (both rates are book
 * currency per unit). The book currency is `q.book` when given; otherwise the one of from and to with no row in the
 * rates (the Rates table lists every currency but the book's, whose rate is 1). When both have rows the book need not
 * be known; when neither has, #N/A. `undefined` (a blank Currency cell, as the book stores its own currency) is the
 * book currency; the other, named, then needs a rate. No rounding: full precision, as Excel's own functions return it.
 */
export function convert(amount: number, from: string | undefined, to: string | undefined, q: RateQuery): number {
  let book = q.book;
  if ((from ?? book) === (to ?? book)) return amount;
  // Inferred only when both are named: a blank one already is the book currency, so a named one with no rows is a
  // missing rate, never a second book currency at 1:1.
  if (book === undefined && from !== undefined && to !== undefined) {
    const unlisted = (c: string): boolean => !hasRates(q.rates, c);
    if (unlisted(from) && unlisted(to)) {
      throw notAvailable(
        {
          "zh-CN": `rates 中既没有 ${from} 也没有 ${to} 的汇率：其中一个若是本币，请在 book 中写明；另一个请在「汇率」表中补上`,
          "zh-TW": `rates 中既沒有 ${from} 也沒有 ${to} 的匯率：其中一個若是本幣，請在 book 中寫明；另一個請在「匯率」表中補上`,
          "en-US": `rates has no ${from} rate and no ${to} rate: if one of them is the book currency, give it as book; add the other to the Rates table`,
        }[functionsLanguage()],
      );
    }
    if (unlisted(from)) book = from;
    else if (unlisted(to)) book = to;
  }
  // "" stands for the book currency when it has no name here (a blank from or to, both others with rows).
  const query: RateQuery = { ...q, book: book ?? "" };
  const [f, t] = [from ?? query.book!, to ?? query.book!];
  if (f === t) return amount;
  const rFrom = rateFor(f, query);
  if (rFrom === undefined) throw noRate(f, query);
  const rTo = rateFor(t, query);
  if (rTo === undefined) throw noRate(t, query);
  return (amount * rFrom) / rTo;
}
