/**
 * The generator's contract: same inputs → deep-equal books; seeds, dates and languages matter; clients don't
 * depend on the book's size; zh-TW is the zh-CN book in Taiwan's script, institutions and currency; bad options
 * are refused with a message that names the option.
 */
import { addMonths, isoToSerial, serialToIso } from "../../src/domain/dates";
import { LANGS, type Book, type Lang } from "../../src/domain/types";
import { generateBook, sampleBook, SAMPLE_CLIENTS, SAMPLE_SEED, TWD_PER_CNY } from "../../src/sample";
import { monthsFrom, plusMonths } from "../../src/sample/context";
import { isValidCnId, isValidTwId } from "../../src/sample/identity";
import { Rand } from "../../src/sample/rand";

const ASOF = "2025-06-15";

describe("determinism", () => {
  it.each(LANGS.map((l) => [l]))("same options give a deep-equal book (%s)", (lang) => {
    const a = generateBook({ clients: 120, seed: 42, asOf: ASOF, lang });
    const b = generateBook({ clients: 120, seed: 42, asOf: ASOF, lang });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it("does not read the clock or Math.random", () => {
    const random = jest.spyOn(Math, "random");
    const now = jest.spyOn(Date, "now");
    generateBook({ clients: 30, asOf: ASOF });
    expect(random).not.toHaveBeenCalled();
    expect(now).not.toHaveBeenCalled();
    random.mockRestore();
    now.mockRestore();
  });

  it("different seeds and dates give different books", () => {
    const a = generateBook({ clients: 40, seed: 1, asOf: ASOF });
    const b = generateBook({ clients: 40, seed: 2, asOf: ASOF });
    const big = generateBook({ clients: 40, seed: 2 ** 32 + 1, asOf: ASOF });
    expect(b.clients.map((c) => c.name)).not.toEqual(a.clients.map((c) => c.name));
    expect(big.clients.map((c) => c.name)).not.toEqual(a.clients.map((c) => c.name));
    const later = generateBook({ clients: 40, seed: 1, asOf: "2026-01-10" });
    expect(later.clients.map((c) => c.birthday)).not.toEqual(a.clients.map((c) => c.birthday));
  });

  it("sampleBook is the 40-client book of SAMPLE_SEED", () => {
    expect(SAMPLE_CLIENTS).toBe(40);
    expect(sampleBook(ASOF)).toEqual(generateBook({ clients: 40, seed: SAMPLE_SEED, asOf: ASOF }));
    expect(sampleBook(ASOF, "zh-TW")).toEqual(generateBook({ clients: 40, seed: SAMPLE_SEED, asOf: ASOF, lang: "zh-TW" }));
    expect(generateBook({ clients: 40, asOf: ASOF })).toEqual(sampleBook(ASOF));
  });

  it("a client is the same whatever the size of the book", () => {
    const small = generateBook({ clients: 40, asOf: ASOF });
    const large = generateBook({ clients: 300, asOf: ASOF });
    const first = (b: Book): Partial<Book> => {
      const ids = new Set(small.clients.map((c) => c.clientId));
      // Managers are shared out per 500 clients, so both books have one; reviews and contacts follow tiers of the whole
      // book, and so does a savings policy's start (moved so that no premium falls due after the last review) and
      // with it its cash value: those are compared without their dates and amounts.
      const savings = new Set(b.holdings.filter((h) => h.assetClass === "Insurance").map((h) => `${h.clientId} ${h.productName}`));
      return {
        clients: b.clients.filter((c) => ids.has(c.clientId)),
        family: b.family.filter((f) => ids.has(f.clientId)),
        holdings: b.holdings.filter((h) => ids.has(h.clientId)).map((h) => (h.assetClass === "Insurance" ? { ...h, startDate: "", amount: 0 } : h)),
        policies: b.policies
          .filter((p) => ids.has(p.clientId))
          .map((p) => (savings.has(`${p.clientId} ${p.productName}`) ? { ...p, startDate: "" } : p)),
      };
    };
    expect(first(large)).toEqual(first(small));
  });
});

describe("languages", () => {
  const cn = generateBook({ clients: 150, asOf: ASOF, lang: "zh-CN" });
  const tw = generateBook({ clients: 150, asOf: ASOF, lang: "zh-TW" });
  const en = generateBook({ clients: 150, asOf: ASOF, lang: "en-US" });

  it("en-US holds the zh-CN clients with English headers and CNY", () => {
    expect({ ...en, settings: { ...en.settings, language: "zh-CN" } }).toEqual(cn);
    expect(en.settings).toMatchObject({ language: "en-US", currency: "CNY" });
  });

  it("zh-TW has the zh-CN structure: same people, ids and dates", () => {
    for (const k of ["clients", "family", "holdings", "policies", "contacts", "reviews"] as const) expect(tw[k]).toHaveLength(cn[k].length);
    expect(tw.clients.map((c) => [c.clientId, c.birthday, c.gender, c.riskLevel, c.children])).toEqual(cn.clients.map((c) => [c.clientId, c.birthday, c.gender, c.riskLevel, c.children]));
    expect(tw.holdings.map((h) => [h.holdingId, h.assetClass, h.startDate, h.maturityDate, h.riskLevel])).toEqual(cn.holdings.map((h) => [h.holdingId, h.assetClass, h.startDate, h.maturityDate, h.riskLevel]));
    expect(tw.reviews.map((r) => [r.clientId, r.reviewDate, r.holdingId])).toEqual(cn.reviews.map((r) => [r.clientId, r.reviewDate, r.holdingId]));
    expect(tw.contacts.map((c) => [c.clientId, c.date, c.channel])).toEqual(cn.contacts.map((c) => [c.clientId, c.date, c.channel]));
  });

  it("zh-TW amounts are in TWD: the CNY figures × 4.5, whole dollars", () => {
    expect(tw.settings).toMatchObject({ language: "zh-TW", currency: "TWD" });
    let compared = 0;
    tw.holdings.forEach((h, i) => {
      if (h.currency !== undefined || cn.holdings[i].currency !== undefined) return;
      compared++;
      expect(Number.isInteger(h.amount)).toBe(true);
      expect(Math.abs(h.amount - cn.holdings[i].amount * TWD_PER_CNY)).toBeLessThanOrEqual(1);
    });
    expect(compared).toBeGreaterThan(tw.holdings.length / 2);
    tw.policies.forEach((p, i) => {
      if (p.currency !== undefined || cn.policies[i].currency !== undefined) return;
      expect(Math.abs(p.sumInsured - p.sumInsured % 10000 - cn.policies[i].sumInsured * TWD_PER_CNY)).toBeLessThanOrEqual(10000);
      // A CI rider's sum is converted with its base (it once stayed in CNY, a fifth of its TWD value).
      if (p.criticalIllnessSum !== undefined) expect(Math.abs(p.criticalIllnessSum - (cn.policies[i].criticalIllnessSum ?? 0) * TWD_PER_CNY)).toBeLessThanOrEqual(5000);
    });
  });

  it("a USD holding is the same money in both books: USD × the book's rate on asOf ≈ the CNY amount (× 4.5 in TWD)", () => {
    // Deposits and bonds are rounded to US$100: up to $50 either way at each book's rate; other amounts to the cent.
    const rate = (b: Book, ccy: string): number => b.rates.filter((r) => r.currency === ccy && r.date === ASOF)[0].rate;
    let compared = 0;
    tw.holdings.forEach((h, i) => {
      const c = cn.holdings[i];
      if (h.currency === undefined) return;
      compared++;
      const twInCny = (h.amount * rate(tw, h.currency)) / TWD_PER_CNY;
      const cnInCny = c.currency === undefined ? c.amount : c.amount * rate(cn, c.currency);
      // A savings policy's cash value follows its premium, rounded to whole dollars: up to $0.50 a year for ≤ 10 years.
      const perUsd = rate(tw, h.currency) / TWD_PER_CNY + 7.4;
      const slack = h.assetClass === "Deposit" || h.assetClass === "Bond" ? 50 * perUsd : h.assetClass === "Insurance" ? 5.5 * perUsd : 0.01 * perUsd;
      expect(Math.abs(twInCny - cnInCny)).toBeLessThanOrEqual(slack + 1);
    });
    expect(compared).toBeGreaterThan(0);
  });

  // Characters that exist only in one script: a zh-TW book must not contain the simplified ones and vice versa.
  const SIMPLIFIED_ONLY = "们银贷险医师爱发现经济区东门书车马单龙业务问进长钟张刘陈杨黄赵吴孙罗郑谢许韩冯邓萧蒋叶苏吕卢谭陆贾韦邹贺顾龚万钱严温赖欧阳诸伟强军涛华鹏辉刚凯国庆轩泽铭静丽艳颖洁诗悦兰红晓储额债养费电话约说时间简员职终寿疗综伤诺证为实验学习剧层楼号产园";
  const TRADITIONAL_ONLY = "們銀貸險醫師愛發現經濟區東門書車馬單龍業務問進長鐘張劉陳楊黃趙吳孫羅鄭謝許韓馮鄧蕭蔣葉蘇呂盧譚陸賈韋鄒賀顧龔萬錢嚴溫賴歐陽諸偉強軍傑濤華鵬輝剛凱國慶軒澤銘靜麗豔穎潔詩悅蘭紅曉儲額債養費電話約說時間簡員職終壽療綜傷諾證為實驗學習劇層樓號產園";
  const texts = (b: Book): string[] =>
    [
      ...b.clients.flatMap((c) => [c.name, c.address, c.occupation, c.employer, c.hobbies, c.contactWindow, c.manager, c.notes, ...(c.tags ?? [])]),
      ...b.family.flatMap((f) => [f.name, f.schoolOrWork, f.notes]),
      ...b.holdings.flatMap((h) => [h.productName, h.institution, h.notes]),
      ...b.policies.flatMap((p) => [p.insured, p.insurer, p.productName, p.beneficiary]),
      ...b.contacts.flatMap((c) => [c.summary, c.nextAction]),
      ...b.reviews.map((r) => r.productName),
    ].filter((s): s is string => typeof s === "string");

  it.each<[Lang, string]>([
    ["zh-TW", SIMPLIFIED_ONLY],
    ["zh-CN", TRADITIONAL_ONLY],
  ])("%s text uses its own script only", (lang, forbidden) => {
    const book = lang === "zh-TW" ? tw : cn;
    const wrong = texts(book).filter((s) => [...s].some((ch) => forbidden.includes(ch)));
    expect(wrong).toEqual([]);
  });

  it("zh-TW has Taiwanese banks, insurers, phones and ids", () => {
    const institutions = new Set(tw.holdings.map((h) => h.institution));
    expect([...institutions].some((x) => ["台灣銀行", "國泰世華", "中國信託", "玉山銀行"].includes(x))).toBe(true);
    expect(tw.policies.some((p) => ["國泰人壽", "富邦人壽", "南山人壽"].includes(p.insurer))).toBe(true);
    expect(tw.clients.every((c) => /^09\d{2}-\d{3}-\d{3}$/.test(c.phone ?? ""))).toBe(true);
    expect(tw.clients.filter((c) => c.idNumber).every((c) => isValidTwId(c.idNumber as string))).toBe(true);
    expect(tw.clients.some((c) => c.address?.startsWith("台北市"))).toBe(true);
  });
});

describe("identity numbers", () => {
  it("checks mainland ids by GB 11643 and Taiwan ids by their letter code", () => {
    expect(isValidCnId("11010519491231002X")).toBe(true);
    expect(isValidCnId("110105194912310021")).toBe(false);
    expect(isValidCnId("11010519491231002")).toBe(false);
    expect(isValidTwId("A123456789")).toBe(true);
    expect(isValidTwId("A123456788")).toBe(false);
    expect(isValidTwId("A323456789")).toBe(false);
  });
});

describe("date helpers agree with dates.ts", () => {
  it("plusMonths is addMonths and monthsFrom inverts it, over 3,000 random dates", () => {
    const r = new Rand(99);
    for (let i = 0; i < 3000; i++) {
      const d = new Date(Date.UTC(1990 + r.int(0, 60), r.int(0, 11), r.int(1, 31))).toISOString().slice(0, 10);
      const n = r.int(-40, 40);
      expect(plusMonths(d, n)).toBe(addMonths(d, n));
      if (n >= 0) expect(monthsFrom(d, plusMonths(d, n))).toBe(n);
      // Any later day lies between the whole months counted and the next one.
      const later = serialToIso(isoToSerial(d) + r.int(0, 2000));
      const m = monthsFrom(d, later);
      expect(plusMonths(d, m) <= later && plusMonths(d, m + 1) > later).toBe(true);
    }
  });
});

describe("bad options are refused with a message naming the option", () => {
  it.each<[string, unknown, RegExp]>([
    ["negative size", { clients: -1, asOf: ASOF }, /clients must be a whole number from 0 to 50000, got -1/],
    ["fractional size", { clients: 1.5, asOf: ASOF }, /clients .* got 1\.5/],
    ["huge size", { clients: 50001, asOf: ASOF }, /clients/],
    ["NaN size", { clients: NaN, asOf: ASOF }, /clients .* got NaN/],
    ["fractional seed", { clients: 1, seed: 0.5, asOf: ASOF }, /seed must be a safe integer, got 0\.5/],
    ["unsafe seed", { clients: 1, seed: 2 ** 60, asOf: ASOF }, /seed/],
    ["no such date", { clients: 1, asOf: "2025-02-30" }, /asOf must be a date .* got "2025-02-30"/],
    ["slashed date", { clients: 1, asOf: "2025/06/15" }, /asOf/],
    ["too early", { clients: 1, asOf: "1999-12-31" }, /asOf .* from 2000-01-01/],
    ["unknown language", { clients: 1, asOf: ASOF, lang: "zh-HK" }, /lang must be one of zh-CN, zh-TW, en-US, got "zh-HK"/],
  ])("%s", (_name, opts, message) => {
    expect(() => generateBook(opts as Parameters<typeof generateBook>[0])).toThrow(message);
  });

  it("no options at all", () => {
    expect(() => generateBook(undefined as unknown as Parameters<typeof generateBook>[0])).toThrow(/options must be an object/);
  });
});

describe("the mother and son who are both clients (issue 15)", () => {
  it.each(LANGS.map((l) => [l]))("the shipped sample links 曹琳芳 (C0022) and her son 金庆文 (C0018) both ways (%s)", (lang) => {
    const book = sampleBook(ASOF, lang);
    const linked = book.family.filter((f) => f.linkedClientId !== undefined);
    expect(linked.map((f) => [f.clientId, f.relation, f.linkedClientId])).toEqual([
      ["C0018", "Parent", "C0022"],
      ["C0022", "Child", "C0018"],
    ]);
    const byId = new Map(book.clients.map((c) => [c.clientId, c]));
    for (const f of linked) expect([f.name, f.birthday]).toEqual([byId.get(f.linkedClientId!)!.name, byId.get(f.linkedClientId!)!.birthday]);
    // Her husband is his father: the same person in both families.
    const husband = book.family.find((f) => f.clientId === "C0022" && f.relation === "Spouse")!;
    expect(book.family.some((f) => f.clientId === "C0018" && f.relation === "Parent" && f.name === husband.name && f.birthday === husband.birthday)).toBe(true);
    expect(byId.get("C0022")!.gender).toBe("F");
    expect(byId.get("C0018")!.gender).toBe("M");
    if (lang !== "zh-TW") expect([byId.get("C0022")!.name, byId.get("C0018")!.name]).toEqual(["曹琳芳", "金庆文"]);
  });

  it("a book too small to hold a pair links nobody", () => {
    expect(generateBook({ clients: 5, asOf: ASOF }).family.some((f) => f.linkedClientId !== undefined)).toBe(false);
  });
});
