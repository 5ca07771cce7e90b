/**
 * Range arguments of the RM.* functions read cell by cell, so a message names the row: (class, amount) pairs,
 * dated flows (amount, date) within a period, and a column of period returns.
 */
import type { Localized } from "../domain/result";
import { parseAssetClass, UNKNOWN_CLASS_PROBLEM, type ClassAmount } from "../domain/allocation";
import { type IsoDate } from "../domain/types";
import { parseCurrency, splitCurrency } from "../domain/currency";
import { cellName, cellNumber, isBlank, readOptionalDate, toNumber, readVector, refuse, refuseCell, refuseErrorCell, samePairing, serialResult, toDate, type Vector } from "./args";
import { notAvailable } from "./errors";
import { functionsLanguage } from "./language";
import { rateFor, readCurrency, readRates, noRate, type RateQuery } from "./rates";

const LOAN_HINT: Localized = {
  "zh-CN": "（贷款请填未还余额的正数）",
  "zh-TW": "（貸款請填未還餘額的正數）",
  "en-US": " (enter a loan as its positive outstanding balance)",
};

/**
 * Reads (class, amount) pairs: rows with both cells blank, and rows with a class but no amount, are skipped; an
 * amount without a class, text or an error where the amount should be, and negative amounts are refused with the row.
 */
export function classAmounts(classes: unknown, amounts: unknown, toBook?: RowConversion): ClassAmount[] {
  const c = readVector(classes, "classes");
  const a = readVector(amounts, "amounts");
  samePairing(c, a);
  if (toBook) samePairing(c, toBook.currencies);
  const pairs: ClassAmount[] = [];
  for (let i = 0; i < c.values.length; i++) {
    refuseErrorCell(c, i);
    const cls = c.values[i];
    if (isBlank(a.values[i])) continue;
    // With a currency column, an amount written with its currency ("US$1,200", "1,200 美元") is read as the book
    // reads it (src/domain/currency.ts splitCurrency): 1,200 in USD.
    const written = toBook ? writtenAmount(a.values[i]) : undefined;
    const amount = written ? cellNumber({ ...a, values: [written.rest] }, 0, true, LOAN_HINT, cellName(a, i)) : cellNumber(a, i, true, LOAN_HINT);
    if (isBlank(cls)) {
      const where = cellName(c, i);
      refuse({
        "zh-CN": `${where["zh-CN"]} 为空，但同一行的金额是 ${amount}：请填写资产类别`,
        "zh-TW": `${where["zh-TW"]} 為空，但同一列的金額是 ${amount}：請填寫資產類別`,
        "en-US": `${where["en-US"]} is blank but amounts holds ${amount} there: enter its asset class`,
      });
    }
    if (typeof cls === "boolean") {
      refuseCell(c, i, { "zh-CN": "不是资产类别", "zh-TW": "不是資產類別", "en-US": "is not an asset class" });
    }
    const text = typeof cls === "number" ? String(cls) : (cls as string);
    // A class we do not know (a debt under another name, a typo) is refused here, where its cell can be named.
    if (parseAssetClass(text) === undefined) refuseCell(c, i, UNKNOWN_CLASS_PROBLEM);
    pairs.push({ assetClass: text, amount: toBook ? toBook.convert(i, amount, written?.currency) : amount });
  }
  return pairs;
}

/** Each row's amount in the book currency, by its cell of a currency column or the currency written with the amount. */
export interface RowConversion {
  currencies: Vector;
  convert: (index: number, amount: number, written?: string) => number;
}

/** Text that is no number but an amount written with a currency ("US$1,200", "HK$5万"): the currency and the number text. */
function writtenAmount(x: unknown): { currency: string; rest: string } | undefined {
  if (typeof x !== "string" || toNumber(x) !== undefined) return undefined;
  const { currency, rest } = splitCurrency(x);
  return currency !== undefined && toNumber(rest) !== undefined ? { currency, rest } : undefined;
}

/**
 * The conversion of RM.ALLOCATION / RM.NETWORTH's optional arguments: a currency column (blank cell = the book
 * currency; a cell in `book` too), the rates (./rates.ts readRates), the valuation date (blank = the latest rate) and the
 * book currency. Undefined when no currency column is given — omitted, Excel passes null (Microsoft, "Custom functions
 * parameter options") — and the amounts are then all in the book currency. A row in
 * a currency with no rate is #N/A naming the row, the currency and the date — never counted 1:1.
 */
export function bookConversion(currencies: unknown, rates: unknown, date: unknown, book: unknown): RowConversion | undefined {
  const on = readOptionalDate(date, "date");
  const b = readCurrency(book, "book");
  const table = isBlank(rates) ? [] : readRates(rates, "rates", b);
  if (isBlank(currencies)) return undefined;
  const v = readVector(currencies, "currencies");
  const q: RateQuery = { rates: table, date: on, book: b };
  // A column holds a few spellings many times: each read once per call.
  const spelled = new Map<string, string | undefined>();
  const codeAt = (i: number): string | undefined => {
    refuseErrorCell(v, i);
    const x = v.values[i];
    if (isBlank(x)) return undefined;
    let code: string | undefined;
    if (typeof x === "string") {
      if (spelled.has(x)) code = spelled.get(x);
      else spelled.set(x, (code = parseCurrency(x)));
    }
    if (code === undefined) {
      refuseCell(v, i, { "zh-CN": "不是币种（ISO 代码如 USD，或名称如 美元、港币）", "zh-TW": "不是幣別（ISO 代碼如 USD，或名稱如 美元、港幣）", "en-US": "is not a currency (an ISO code such as USD, or a name such as 美元, 港币)" });
    }
    return code;
  };
  return {
    currencies: v,
    convert: (i, amount, written) => {
      const cell = codeAt(i);
      if (written !== undefined && cell !== undefined && cell !== written) {
        refuseCell(v, i, {
          "zh-CN": `与同一行金额所写的币种 ${written} 不一致`,
          "zh-TW": `與同一列金額所寫的幣別 ${written} 不一致`,
          "en-US": `differs from the currency written with the amount on that row (${written})`,
        }, cell);
      }
      const code = written ?? cell;
      if (code === undefined || code === b) return amount;
      const rate = rateFor(code, q);
      if (rate === undefined) {
        const place = cellName(v, i);
        if (b !== undefined) throw noRate(code, q, place);
        const hint: Localized = {
          "zh-CN": `（${code} 若是本币，请把该单元格留空或给出 book）`,
          "zh-TW": `（${code} 若是本幣，請把該儲存格留空或給出 book）`,
          "en-US": ` (if ${code} is the book currency, leave the cell blank or give book)`,
        };
        throw noRate(code, q, place, hint);
      }
      return amount * rate;
    },
  };
}

/** The recorded flows, checked cell by cell so a message names the row of the range, not of the compacted list. */
export function datedFlows(amounts: Vector, dates: Vector, start: IsoDate, end: IsoDate): { amount: number; serial: number }[] {
  const out: { amount: number; serial: number }[] = [];
  for (let i = 0; i < amounts.values.length; i++) {
    refuseErrorCell(amounts, i);
    refuseErrorCell(dates, i);
    const [blankA, blankD] = [isBlank(amounts.values[i]), isBlank(dates.values[i])];
    if (blankA && blankD) continue;
    if (blankA || blankD) {
      const [missing, other] = blankA ? [amounts, dates] : [dates, amounts];
      const where = cellName(missing, i);
      refuse({
        "zh-CN": `${where["zh-CN"]} 为空，但 ${other.arg} 同一行有值：每笔资金流都要有金额和日期`,
        "zh-TW": `${where["zh-TW"]} 為空，但 ${other.arg} 同一列有值：每筆資金流都要有金額和日期`,
        "en-US": `${where["en-US"]} is blank but ${other.arg} has a value there: each flow needs an amount and a date`,
      });
    }
    const amount = cellNumber(amounts, i, false);
    const where = cellName(dates, i)[functionsLanguage()];
    const date = toDate(dates.values[i], where);
    if (start <= end && (date < start || date > end)) {
      refuseCell(dates, i, {
        "zh-CN": `不在期间 ${start} 至 ${end} 之内`,
        "zh-TW": `不在期間 ${start} 至 ${end} 之內`,
        "en-US": `is outside the period ${start} to ${end}`,
      }, date);
    }
    out.push({ amount, serial: serialResult(date, where) });
  }
  return out;
}


/** The period returns of a range (blank cells skipped), each ≥ −100 %; #N/A when every cell is blank. */
export function periodReturns(returns: unknown): number[] {
  const v = readVector(returns, "returns");
  const values: number[] = [];
  for (let i = 0; i < v.values.length; i++) {
    refuseErrorCell(v, i);
    if (isBlank(v.values[i])) continue;
    const r = cellNumber(v, i, false);
    if (r < -1) {
      refuseCell(v, i, {
        "zh-CN": "低于 −100%：一期最多亏损全部本金",
        "zh-TW": "低於 −100%：一期最多虧損全部本金",
        "en-US": "is below −100 %: a period cannot lose more than everything",
      });
    }
    values.push(r);
  }
  if (values.length === 0) {
    throw notAvailable(
      { "zh-CN": "returns 没有可链接的收益率：所有单元格都为空", "zh-TW": "returns 沒有可鏈結的報酬率：所有儲存格都是空的", "en-US": "returns has nothing to link: every cell is blank" }[functionsLanguage()],
    );
  }
  return values;
}
