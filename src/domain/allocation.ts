/**
 * Allocation: assets by class; financial assets split 本行/他行; non-financial assets (the client's home and other
 * property, anything the client holds directly) apart; liabilities (loans) apart; net worth; wallet share.
 * `allocateByClass` is the lenient form for RM.ALLOCATION / RM.NETWORTH, where classes are typed text.
 *
 * Definitions (sources):
 * - Financial vs non-financial assets: the household balance sheet of the System of National Accounts (SNA 2008,
 *   ch. 13: financial assets are claims such as deposits, securities, fund shares and insurance reserves; dwellings
 *   are non-financial produced assets), as the PBOC's 2019 城镇居民家庭资产负债情况调查 splits 金融资产 / 实物资产.
 *   Here: class Property, or any holding whose institution says the client holds it directly (自有 …), is
 *   non-financial; every other asset is financial, at this bank (本行) or at another institution (他行).
 * - Wallet share (share of wallet, 本行资产占比) = financial assets at this bank ÷ all financial assets: the bank's
 *   share of what the client could place with a bank, so a home does not dilute it. Undefined without financial assets.
 * - Net worth = all assets (financial + non-financial) − liabilities (outstanding loan balances).
 */
import { ok, refused } from "./result";
import type { Localized, Result } from "./result";
import { ASSET_CLASSES, LIABILITY_CLASSES, THIS_BANK, type AssetClass, type Holding } from "./types";

/** Display names per asset class: the one list, also the book's labels (src/book/codes.ts) for cells and validation. */
export const ASSET_CLASS_LABELS: Readonly<Record<AssetClass, Localized>> = {
  Deposit: { "zh-CN": "存款", "zh-TW": "存款", "en-US": "Deposit" },
  WealthProduct: { "zh-CN": "理财", "zh-TW": "理財", "en-US": "Wealth product" },
  Fund: { "zh-CN": "基金", "zh-TW": "基金", "en-US": "Fund" },
  Bond: { "zh-CN": "债券", "zh-TW": "債券", "en-US": "Bond" },
  Stock: { "zh-CN": "股票", "zh-TW": "股票", "en-US": "Stock" },
  Insurance: { "zh-CN": "保险", "zh-TW": "保險", "en-US": "Insurance" },
  Property: { "zh-CN": "房产", "zh-TW": "房產", "en-US": "Property" },
  Loan: { "zh-CN": "贷款", "zh-TW": "貸款", "en-US": "Loan" },
  Other: { "zh-CN": "其他", "zh-TW": "其他", "en-US": "Other" },
};

/** Lower case, NFKC, no spaces or punctuation: how typed codes are compared. */
function normCode(s: string): string {
  return s.normalize("NFKC").toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, "");
}

/**
 * Other spellings of each class that managers and other systems use (zh-CN, zh-TW, en-US), beside the code and the
 * labels. The one list: the book codec (src/book/codes.ts) reads Holdings with it, RM.ALLOCATION / RM.NETWORTH here.
 * Loans and debts are listed under their usual names (房贷, 车贷, 信用卡, 消费贷, 透支, Mortgage, Car loan …), so a
 * debt typed under its own name is a liability, never an asset.
 */
export const ASSET_CLASS_ALIASES: Readonly<Record<AssetClass, readonly string[]>> = {
  Deposit: [
    "存款类", "活期", "定期", "定存", "储蓄", "儲蓄", "现金", "現金", "大额存单", "大額存單", "结构性存款", "結構性存款", "deposits", "cash",
    "savings", "time deposit", "certificate of deposit",
  ],
  WealthProduct: ["理财产品", "理財產品", "银行理财", "銀行理財", "信托", "信託", "资管", "資管", "wealth management", "wealth", "WMP", "trust"],
  Fund: ["funds", "mutual fund", "公募基金", "私募基金", "ETF"],
  Bond: ["国债", "國債", "公债", "公債", "bonds"],
  Stock: ["股份", "A股", "港股", "美股", "stocks", "equity", "equities", "shares"],
  Insurance: ["保单", "保單", "insurance policy", "cash value"],
  Property: ["房地产", "房地產", "不动产", "不動產", "住宅", "自住房", "商铺", "商鋪", "real estate", "house", "home", "flat", "apartment"],
  Loan: [
    // zh-CN
    "房贷", "房屋贷款", "住房贷款", "个人住房贷款", "按揭", "按揭贷款", "车贷", "汽车贷款", "车辆贷款", "信用卡", "信用卡欠款", "信用卡透支",
    "消费贷", "消费贷款", "信用贷款", "信贷", "经营贷", "经营贷款", "助学贷款", "借款", "欠款", "借贷", "透支", "负债",
    // zh-TW
    "房貸", "房屋貸款", "住房貸款", "車貸", "汽車貸款", "卡債", "信用卡債", "消費貸", "消費貸款", "信用貸款", "信貸", "就學貸款", "借貸", "負債",
    // en-US
    "loans", "mortgage", "mortgage loan", "home loan", "housing loan", "car loan", "auto loan", "vehicle loan", "credit card",
    "credit cards", "credit card debt", "overdraft", "personal loan", "consumer loan", "business loan", "student loan",
    "line of credit", "debt", "debts", "borrowing", "borrowings", "liability", "liabilities",
  ],
  Other: ["其它", "黄金", "黃金", "贵金属", "貴金屬", "积存金", "積存金", "gold", "precious metals"],
};

const CLASS_ALIASES: ReadonlyMap<string, AssetClass> = (() => {
  const m = new Map<string, AssetClass>();
  for (const c of ASSET_CLASSES) {
    m.set(normCode(c), c);
    for (const label of Object.values(ASSET_CLASS_LABELS[c])) m.set(normCode(label), c);
    for (const alias of ASSET_CLASS_ALIASES[c]) m.set(normCode(alias), c);
  }
  return m;
})();

/** Recognises an asset class in any of the three languages (and the English code); undefined otherwise. */
export function parseAssetClass(text: string): AssetClass | undefined {
  return CLASS_ALIASES.get(normCode(text));
}

const THIS_BANK_NAMES = new Set([normCode(THIS_BANK), normCode("本行"), normCode("this bank"), normCode("our bank")]);

/** True for the manager's own bank (the canonical code, 本行 or "This bank", ignoring case and spaces). */
export function isThisBank(institution: string | undefined): boolean {
  return institution !== undefined && THIS_BANK_NAMES.has(normCode(institution));
}

/** Institution texts meaning the client holds the asset directly, not at a bank or other institution. */
const SELF_HELD_NAMES = new Set(
  ["自有", "自持", "自住", "自用", "本人", "个人", "個人", "自己", "self", "self-owned", "self owned", "own", "owned", "personal"].map(normCode),
);

/** True when the institution says the client holds the asset directly (自有 / self-owned …), ignoring case and spaces. */
export function isSelfHeld(institution: string | undefined): boolean {
  return institution !== undefined && SELF_HELD_NAMES.has(normCode(institution));
}

/**
 * True for a financial asset (SNA 2008 ch. 13; see the file comment): not Property, not held directly by the client,
 * not a liability.
 */
export function isFinancialAsset(h: { assetClass: AssetClass; institution?: string }): boolean {
  return !LIABILITY_CLASSES.includes(h.assetClass) && h.assetClass !== "Property" && !isSelfHeld(h.institution);
}

/** True for classes counted as liabilities (贷款 / Loan), given as a code or as typed text. */
export function isLiability(assetClass: AssetClass | string): boolean {
  const c = parseAssetClass(assetClass);
  return c !== undefined && LIABILITY_CLASSES.includes(c);
}

export interface ClassShare {
  assetClass: AssetClass;
  amount: number;
  /** Of total assets; 0 when there are no assets. */
  share: number;
  /** Financial assets of the class at this bank / at other institutions. */
  thisBank: number;
  otherBanks: number;
  /** Non-financial assets of the class (property, anything held directly). */
  nonFinancial: number;
}

export interface Allocation {
  /** Asset classes with a non-zero amount, largest first (ties in ASSET_CLASSES order). Liabilities excluded. */
  byClass: ClassShare[];
  /** Financial assets at this bank (本行) / at other institutions (他行). */
  thisBank: number;
  otherBanks: number;
  /** thisBank + otherBanks. */
  financial: number;
  /** Property and assets held directly by the client (自有). */
  nonFinancial: number;
  /** financial + nonFinancial. */
  assets: number;
  liabilities: number;
  netWorth: number;
  /** thisBank / financial; absent when the client has no financial assets. */
  walletShare?: number;
}

/** Allocation of one client's holdings (or any set of holdings). */
export function allocation(holdings: readonly Holding[]): Allocation {
  const sums = new Map<AssetClass, { thisBank: number; otherBanks: number; nonFinancial: number }>();
  let liabilities = 0;
  for (const h of holdings) {
    if (LIABILITY_CLASSES.includes(h.assetClass)) {
      liabilities += h.amount;
      continue;
    }
    let s = sums.get(h.assetClass);
    if (!s) sums.set(h.assetClass, (s = { thisBank: 0, otherBanks: 0, nonFinancial: 0 }));
    if (!isFinancialAsset(h)) s.nonFinancial += h.amount;
    else if (isThisBank(h.institution)) s.thisBank += h.amount;
    else s.otherBanks += h.amount;
  }
  let thisBank = 0, otherBanks = 0, nonFinancial = 0;
  for (const s of sums.values()) {
    thisBank += s.thisBank;
    otherBanks += s.otherBanks;
    nonFinancial += s.nonFinancial;
  }
  const financial = thisBank + otherBanks;
  const assets = financial + nonFinancial;
  const byClass: ClassShare[] = ASSET_CLASSES.flatMap((c) => {
    const s = sums.get(c);
    if (!s) return [];
    const amount = s.thisBank + s.otherBanks + s.nonFinancial;
    return amount === 0 ? [] : [{ assetClass: c, amount, share: assets > 0 ? amount / assets : 0, ...s }];
  });
  byClass.sort((a, b) => b.amount - a.amount); // stable: ties stay in ASSET_CLASSES order
  const out: Allocation = { byClass, thisBank, otherBanks, financial, nonFinancial, assets, liabilities, netWorth: assets - liabilities };
  if (financial > 0) out.walletShare = thisBank / financial;
  return out;
}

/** Financial assets at this bank (as `allocation(…).thisBank`): the measure the Pareto tiers rank by. */
export function assetsAtThisBank(holdings: readonly Holding[]): number {
  let sum = 0;
  for (const h of holdings) if (isFinancialAsset(h) && isThisBank(h.institution)) sum += h.amount;
  return sum;
}

// ---- the lenient form for custom functions ----------------------------------------------------------------

export interface ClassAmount {
  /** A class code or typed text in any of the three languages; text that is no known class is refused. */
  assetClass: AssetClass | string | null | undefined;
  /** A number, numeric text (thousands separators allowed) or blank. */
  amount: number | string | boolean | null | undefined;
}

export interface ClassAllocation {
  /** One row per asset class, largest first; `assetClass` is the text as first typed (or the code). */
  rows: { assetClass: string; amount: number; share: number }[];
  assets: number;
  liabilities: number;
  netWorth: number;
}

function isBlank(x: unknown): boolean {
  return x === null || x === undefined || (typeof x === "string" && x.trim() === "");
}

export type AllocationErrorCode = "not-a-number" | "negative" | "unknown-class";

/** Why a typed class is refused: it is neither an asset class nor a debt we know; says what to type instead. */
export const UNKNOWN_CLASS_PROBLEM: Localized = {
  "zh-CN": "不是已知的资产类别或负债：资产请填 存款、理财、基金、债券、股票、保险、房产 或 其他，负债请填 贷款、房贷、车贷、信用卡、消费贷 等",
  "zh-TW": "不是已知的資產類別或負債：資產請填 存款、理財、基金、債券、股票、保險、房產 或 其他，負債請填 貸款、房貸、車貸、信用卡、消費貸款 等",
  "en-US": "is not a known asset class or debt: for assets use Deposit, Wealth product, Fund, Bond, Stock, Insurance, Property or Other; for debts Loan, Mortgage, Car loan, Credit card, Personal loan …",
};

function readAmount(x: ClassAmount["amount"], index: number, arg: string): Result<number, AllocationErrorCode> {
  const n = index + 1;
  let v = NaN;
  if (typeof x === "number") v = x;
  else if (typeof x === "string" && /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(x.trim())) v = Number(x.trim().replace(/,/g, ""));
  if (!Number.isFinite(v)) {
    return refused("not-a-number", arg, { "zh-CN": `第 ${n} 行应为数字`, "zh-TW": `第 ${n} 列應為數字`, "en-US": `row ${n} must be a number` }, x);
  }
  if (v < 0) {
    return refused("negative", arg, {
      "zh-CN": `第 ${n} 行不能为负数（贷款请填未还余额的正数）`,
      "zh-TW": `第 ${n} 列不能為負數（貸款請填未還餘額的正數）`,
      "en-US": `row ${n} must not be negative (enter a loan as its positive outstanding balance)`,
    }, x);
  }
  return ok(v);
}

/**
 * Groups typed (class, amount) pairs. Rows whose class or amount is blank are skipped; liability classes
 * (贷款 / Loan, 房贷, 信用卡, Car loan …) are summed apart and left out of `rows`. Refuses a non-numeric or negative
 * amount, naming the row (1-based, as `arg` row n), and a class that is no known asset class or debt (so a debt
 * under a name we do not know is never counted as an asset), naming the class.
 */
export function allocateByClass(pairs: readonly ClassAmount[], arg = "amounts"): Result<ClassAllocation, AllocationErrorCode> {
  const groups = new Map<string, { assetClass: string; amount: number; order: number }>();
  let liabilities = 0;
  for (let i = 0; i < pairs.length; i++) {
    const { assetClass, amount } = pairs[i];
    if (isBlank(assetClass) || isBlank(amount)) continue;
    const a = readAmount(amount, i, arg);
    if (!a.ok) return a;
    const text = String(assetClass).trim();
    const code = parseAssetClass(text);
    if (!code) {
      const n = i + 1;
      const p = UNKNOWN_CLASS_PROBLEM;
      return refused("unknown-class", "classes", { "zh-CN": `第 ${n} 行${p["zh-CN"]}`, "zh-TW": `第 ${n} 列${p["zh-TW"]}`, "en-US": `row ${n} ${p["en-US"]}` }, text);
    }
    if (LIABILITY_CLASSES.includes(code)) {
      liabilities += a.value;
      continue;
    }
    const key = code;
    const g = groups.get(key);
    if (g) g.amount += a.value;
    else groups.set(key, { assetClass: text, amount: a.value, order: groups.size });
  }
  let assets = 0;
  for (const g of groups.values()) assets += g.amount;
  const rows = [...groups.values()]
    .sort((a, b) => b.amount - a.amount || a.order - b.order)
    .map((g) => ({ assetClass: g.assetClass, amount: g.amount, share: assets > 0 ? g.amount / assets : 0 }));
  return ok({ rows, assets, liabilities, netWorth: assets - liabilities });
}
