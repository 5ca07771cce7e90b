/**
 * The books look like a real manager's: every asset class, this bank and others, a heavy tail of wealth,
 * families with schools and parents, policies with gaps, a year of contacts, six reviews that lead to today —
 * and the shipped 40-client sample always has something of every kind on the Today page.
 */
import { addMonths, daysBetween, isLeapYear } from "../../src/domain/dates";
import { ASSET_CLASSES, THIS_BANK, type Book, type IsoDate, type Tier } from "../../src/domain/types";
import { generateBook, sampleBook } from "../../src/sample";
import {
  birthdaysWithin, cadenceMonthsOf, expiredAssessments, expiringAssessments, maturingWithin, overdueContacts, tiersOf,
  unsuitableHoldings, unverified,
} from "./bookChecks";

const ASOF = "2025-06-15";
const book500 = generateBook({ clients: 500, asOf: ASOF });
const book500tw = generateBook({ clients: 500, asOf: ASOF, lang: "zh-TW" });

const count = <T>(xs: readonly T[], f: (x: T) => boolean): number => xs.reduce((n, x) => (f(x) ? n + 1 : n), 0);
const median = (xs: number[]): number => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];

describe("the shipped sample always fills the Today page", () => {
  const dates: IsoDate[] = ["2025-06-15", "2024-02-29", "2025-12-31", "2026-03-01", "2027-07-04", "2031-10-09"];
  it.each(dates.flatMap((d) => [[d, "zh-CN"], [d, "zh-TW"]] as const))("as of %s (%s)", (asOf, lang) => {
    const b = sampleBook(asOf, lang);
    const names = new Set(b.clients.map((c) => c.name));
    const birthdays = birthdaysWithin(b, asOf, 7);
    expect(count(birthdays, (x) => names.has(x.who))).toBeGreaterThan(0);
    expect(count(birthdays, (x) => !names.has(x.who))).toBeGreaterThan(0);
    expect(maturingWithin(b, asOf, 14).length).toBeGreaterThan(0);
    expect(expiredAssessments(b, asOf).length).toBeGreaterThan(0);
    expect(expiringAssessments(b, asOf, 30).length).toBeGreaterThan(0);
    expect(unverified(b, asOf, 180).length).toBeGreaterThan(0);
    expect(unsuitableHoldings(b).length).toBeGreaterThan(0);
    expect(overdueContacts(b, asOf).length).toBeGreaterThan(0);
    // …but a working book, not a list of problems.
    expect(overdueContacts(b, asOf).length).toBeLessThan(b.clients.length / 3);
    expect(expiredAssessments(b, asOf).length).toBeLessThan(b.clients.length / 4);
  });
});

describe("29 February", () => {
  it("the sample has a client born on 29 Feb of a leap year, whose id number says so", () => {
    const b = sampleBook(ASOF);
    const leap = b.clients.filter((c) => c.birthday?.endsWith("-02-29"));
    expect(leap.length).toBeGreaterThan(0);
    for (const c of leap) {
      expect(isLeapYear(Number(c.birthday?.slice(0, 4)))).toBe(true);
      if (c.idNumber) expect(c.idNumber.slice(10, 14)).toBe("0229");
    }
  });

  it("in a common year the 29 Feb birthday is celebrated on 28 Feb", () => {
    const asOf = "2025-02-24";
    const b = sampleBook(asOf);
    const leap = b.clients.find((c) => c.birthday?.endsWith("-02-29")) as Book["clients"][number];
    const soon = birthdaysWithin(b, asOf, 7).find((x) => x.who === leap.name);
    expect(soon?.date).toBe("2025-02-28");
  });
});

describe("clients", () => {
  const clients = book500.clients;

  it("have Chinese names with common and compound surnames and 1–2 character given names", () => {
    const sample = sampleBook(ASOF);
    expect(sample.clients.some((c) => c.name.startsWith("欧阳"))).toBe(true);
    expect(sampleBook(ASOF, "zh-TW").clients.some((c) => c.name.startsWith("歐陽"))).toBe(true);
    const compound = ["欧阳", "司马", "上官", "诸葛", "东方", "司徒"];
    for (const c of clients) {
      const surname = compound.find((s) => c.name.startsWith(s)) ?? c.name[0];
      expect([1, 2]).toContain(c.name.length - surname.length);
    }
    expect(count(clients, (c) => c.name.length === 2)).toBeGreaterThan(20);
    expect(count(clients, (c) => c.name.startsWith("王") || c.name.startsWith("李") || c.name.startsWith("张"))).toBeGreaterThan(50);
  });

  it("vary in gender, marital status, work and income", () => {
    expect(new Set(clients.map((c) => c.gender))).toEqual(new Set(["M", "F"]));
    expect(new Set(clients.map((c) => c.maritalStatus))).toEqual(new Set(["Single", "Married", "Divorced", "Widowed"]));
    const jobs = new Set(clients.map((c) => c.occupation));
    for (const j of ["医生", "教师", "企业主", "工程师", "公务员", "律师", "退休"]) expect(jobs).toContain(j);
    expect(clients.some((c) => c.employer?.endsWith("医院"))).toBe(true);
    expect(clients.some((c) => c.employer?.includes("小学"))).toBe(true);
    expect(clients.some((c) => c.hobbies?.includes("高尔夫"))).toBe(true);
    expect(clients.some((c) => c.hobbies?.includes("茶道"))).toBe(true);
    const incomes = clients.filter((c) => c.annualIncome).map((c) => c.annualIncome as number);
    expect(median(incomes)).toBeGreaterThan(150_000);
    expect(median(incomes)).toBeLessThan(800_000);
  });

  it("mostly leave tier and cadence blank, and carry tags, windows and confidential notes", () => {
    expect(count(clients, (c) => c.tier !== undefined)).toBeGreaterThan(0);
    expect(count(clients, (c) => c.tier !== undefined)).toBeLessThan(clients.length * 0.1);
    expect(count(clients, (c) => c.reviewCadence !== undefined)).toBeGreaterThan(0);
    expect(count(clients, (c) => c.reviewCadence !== undefined)).toBeLessThan(clients.length * 0.25);
    const tags = new Set(clients.flatMap((c) => c.tags ?? []));
    for (const t of ["喜欢新基金", "有小孩", "工作时间勿电", "退休规划", "高净值"]) expect(tags).toContain(t);
    expect(count(clients, (c) => c.contactWindow === "工作时间勿电")).toBeGreaterThan(10);
    expect(count(clients, (c) => c.notes !== undefined)).toBeGreaterThan(50);
    expect(clients.some((c) => c.notes?.includes("明年留学，关注外币理财"))).toBe(true);
    // Manager bullets that must stay text when written to Excel.
    expect(clients.some((c) => /^[-+]/.test(c.notes ?? ""))).toBe(true);
    expect(new Set(clients.map((c) => c.preferredChannel))).toEqual(new Set(["T", "E", "M"]));
  });
});

describe("families", () => {
  const fam = book500.family;
  it("have spouses, children at school and parents", () => {
    expect(new Set(fam.map((f) => f.relation))).toEqual(new Set(["Spouse", "Child", "Parent", "Other"]));
    const schools = fam.filter((f) => f.relation === "Child").map((f) => f.schoolOrWork ?? "");
    for (const s of ["小学", "中学", "大学"]) expect(schools.some((x) => x.includes(s))).toBe(true);
    expect(schools).toContain("实验小学");
    expect(fam.some((f) => f.relation === "Parent" && f.schoolOrWork === "退休")).toBe(true);
  });

  it("in zh-TW attend Taiwanese schools", () => {
    const schools = book500tw.family.filter((f) => f.relation === "Child").map((f) => f.schoolOrWork ?? "");
    expect(schools.some((x) => x.endsWith("國小"))).toBe(true);
    expect(schools.some((x) => x.startsWith("國立"))).toBe(true);
  });
});

describe("holdings", () => {
  const hs = book500.holdings;
  it("cover every asset class, at this bank and at other banks", () => {
    for (const cls of ASSET_CLASSES.filter((c) => c !== "Other")) expect(hs.some((h) => h.assetClass === cls)).toBe(true);
    expect(hs.some((h) => h.assetClass === "Other")).toBe(true);
    // Every class a bank can hold is held here; property is the client's own, and mainland banks hold no stocks.
    for (const cls of ["Deposit", "WealthProduct", "Fund", "Bond", "Insurance", "Loan", "Other"]) {
      expect(hs.some((h) => h.assetClass === cls && h.institution === THIS_BANK)).toBe(true);
    }
    expect(hs.filter((h) => h.assetClass === "Stock").every((h) => h.institution.endsWith("证券"))).toBe(true);
    expect(book500tw.holdings.some((h) => h.assetClass === "Stock" && h.institution === THIS_BANK && h.productName.startsWith("複委託"))).toBe(true);
    expect(hs.filter((h) => h.assetClass === "Property").every((h) => h.institution === "自有")).toBe(true);
    const others = new Set(hs.filter((h) => h.institution.endsWith("银行")).map((h) => h.institution));
    for (const bank of ["招商银行", "工商银行", "建设银行"]) expect(others).toContain(bank);
  });

  it("every client keeps a current account at this bank", () => {
    const withAccount = new Set(hs.filter((h) => h.productName === "活期存款" && h.institution === THIS_BANK).map((h) => h.clientId));
    expect(withAccount.size).toBe(book500.clients.length);
  });

  it("include mortgages on owned homes and business loans", () => {
    const loans = hs.filter((h) => h.assetClass === "Loan");
    expect(loans.some((h) => h.productName === "个人住房贷款")).toBe(true);
    expect(loans.some((h) => h.productName === "经营贷")).toBe(true);
    const owners = new Set(hs.filter((h) => h.assetClass === "Property").map((h) => h.clientId));
    expect(loans.filter((h) => h.productName === "个人住房贷款").every((h) => owners.has(h.clientId))).toBe(true);
  });

  it("are heavy-tailed: about a fifth of the clients hold about 80 % of the assets at this bank", () => {
    for (const b of [book500, generateBook({ clients: 1000, asOf: ASOF, seed: 3 })]) {
      const amount = new Map<string, number>();
      for (const h of b.holdings) if (h.institution === THIS_BANK && h.assetClass !== "Loan") amount.set(h.clientId, (amount.get(h.clientId) ?? 0) + h.amount);
      const sorted = [...amount.values()].sort((x, y) => y - x);
      const total = sorted.reduce((s, v) => s + v, 0);
      const top = sorted.slice(0, Math.round(sorted.length / 5)).reduce((s, v) => s + v, 0);
      expect(top / total).toBeGreaterThan(0.7);
      expect(sorted[0] / median([...sorted])).toBeGreaterThan(50);
      const tiers = [...tiersOf(b).values()];
      expect(count(tiers, (t) => t === "A")).toBeLessThan(b.clients.length * 0.3);
      expect(count(tiers, (t) => t === "C")).toBeGreaterThan(b.clients.length * 0.2);
    }
  });

  it("a few sit above the client's risk level", () => {
    const clients = new Set(unsuitableHoldings(book500).map((h) => h.clientId));
    expect(clients.size).toBeGreaterThan(10);
    expect(clients.size).toBeLessThan(book500.clients.length * 0.15);
  });
});

describe("policies", () => {
  const ps = book500.policies;
  it("cover life, critical illness, medical, accident, annuity and education, for clients and families", () => {
    for (const t of ["Life", "CriticalIllness", "Medical", "Accident", "Annuity", "Education"]) expect(ps.some((p) => p.policyType === t)).toBe(true);
    expect(ps.some((p) => p.policyType === "Life" && p.criticalIllness)).toBe(true);
    const clientNames = new Set(book500.clients.map((c) => `${c.clientId}|${c.name}`));
    expect(count(ps, (p) => !clientNames.has(`${p.clientId}|${p.insured}`))).toBeGreaterThan(100);
    const children = new Set(book500.family.filter((f) => f.relation === "Child").map((f) => `${f.clientId}|${f.name}`));
    expect(ps.some((p) => p.policyType === "Education" && children.has(`${p.clientId}|${p.insured}`))).toBe(true);
    for (const insurer of ["中国人寿", "平安人寿", "太平洋人寿"]) expect(ps.some((p) => p.insurer === insurer)).toBe(true);
    expect(book500tw.policies.some((p) => p.insurer === "國泰人壽")).toBe(true);
  });

  it("leave some without critical-illness cover, and some lapsed or matured", () => {
    const ci = new Set(ps.filter((p) => p.criticalIllness && p.status === "InForce").map((p) => p.clientId));
    expect(book500.clients.length - ci.size).toBeGreaterThan(50);
    expect(ps.some((p) => p.status === "Lapsed")).toBe(true);
    expect(ps.some((p) => p.status === "Matured")).toBe(true);
  });

  it("cost a plausible share of income", () => {
    const ratios = book500.clients
      .filter((c) => (c.annualIncome ?? 0) > 0)
      .map((c) => ps.filter((p) => p.clientId === c.clientId && p.status === "InForce").reduce((s, p) => s + p.annualPremium, 0) / (c.annualIncome as number));
    expect(median(ratios)).toBeGreaterThan(0.02);
    expect(median(ratios)).toBeLessThan(0.15);
  });
});

describe("contacts", () => {
  const cs = book500.contacts;
  it("span about a year before asOf, by phone, e-mail and meeting", () => {
    expect(daysBetween(cs[0].date, ASOF)).toBeGreaterThan(330);
    expect(cs[cs.length - 1].date < ASOF).toBe(true);
    expect(new Set(cs.map((c) => c.channel))).toEqual(new Set(["T", "E", "M"]));
    expect(cs.some((c) => c.summary === "生日电话祝福")).toBe(true);
    expect(count(cs, (c) => c.nextAction !== undefined)).toBeGreaterThan(cs.length / 4);
  });

  it("some days have two contacts with one client", () => {
    const perDay = new Map<string, number>();
    for (const c of cs) perDay.set(`${c.clientId}|${c.date}`, (perDay.get(`${c.clientId}|${c.date}`) ?? 0) + 1);
    expect(count([...perDay.values()], (n) => n >= 2)).toBeGreaterThan(10);
  });

  it("key clients hear from their manager more often", () => {
    const tiers = tiersOf(book500);
    const per = (t: Tier): number => {
      const ids = new Set([...tiers].filter(([, x]) => x === t).map(([id]) => id));
      return count(cs, (c) => ids.has(c.clientId)) / ids.size;
    };
    expect(per("A")).toBeGreaterThan(per("B"));
    expect(per("B")).toBeGreaterThan(per("C"));
  });
});

describe("reviews", () => {
  const rs = book500.reviews;
  const byClient = new Map<string, Book["reviews"]>();
  for (const r of rs) byClient.set(r.clientId, [...(byClient.get(r.clientId) ?? []), r]);
  const tiers = tiersOf(book500);

  it("six per client, spaced by the client's cadence back from the last one before asOf", () => {
    for (const c of book500.clients) {
      const dates = [...new Set((byClient.get(c.clientId) ?? []).map((r) => r.reviewDate))].sort();
      expect(dates).toHaveLength(6);
      const last = dates[5];
      expect(last < ASOF).toBe(true);
      const spacedBy = [1, 3, 6, 12].filter((m) => dates.every((d, k) => d === addMonths(last, -(5 - k) * m)));
      expect(spacedBy).toHaveLength(1);
      if (c.reviewCadence) expect(spacedBy[0]).toBe(cadenceMonthsOf(c, tiers.get(c.clientId) as Tier));
    }
  });

  it("include holdings sold since and miss holdings bought since the last review", () => {
    const current = new Map(book500.holdings.map((h) => [h.holdingId, h]));
    let soldSince = 0;
    let boughtSince = 0;
    for (const [id, rows] of byClient) {
      const last = rows.reduce((m, r) => (r.reviewDate > m ? r.reviewDate : m), "");
      const atLast = new Set(rows.filter((r) => r.reviewDate === last).map((r) => r.holdingId));
      soldSince += count([...atLast], (h) => !current.has(h));
      boughtSince += count(book500.holdings.filter((h) => h.clientId === id), (h) => !atLast.has(h.holdingId));
    }
    expect(soldSince).toBeGreaterThan(20);
    expect(boughtSince).toBeGreaterThan(20);
  });

  it("lead plausibly to today's amounts, with net flows recorded for some clients", () => {
    const current = new Map(book500.holdings.map((h) => [h.holdingId, h]));
    const ratios: number[] = [];
    for (const rows of byClient.values()) {
      const last = rows.reduce((m, r) => (r.reviewDate > m ? r.reviewDate : m), "");
      for (const r of rows) {
        const h = current.get(r.holdingId);
        if (r.reviewDate === last && h && r.amount > 0) ratios.push(h.amount / r.amount);
      }
    }
    expect(count(ratios, (x) => x > 0.5 && x < 2)).toBeGreaterThan(ratios.length * 0.95);
    expect(count(rs, (r) => r.netFlow !== undefined)).toBeGreaterThan(rs.length / 10);
    expect(count(rs, (r) => (r.netFlow ?? 0) > 0)).toBeGreaterThan(50);
    expect(count(rs, (r) => (r.netFlow ?? 0) < 0)).toBeGreaterThan(50);
  });

  it("record flows that explain the change: period returns stay within market ranges", () => {
    // Modified-Dietz-style check per holding and period: (EV − BV − CF) / (BV + CF/2).
    const prev = new Map<string, Book["reviews"][number]>();
    const returns: number[] = [];
    for (const r of rs) {
      const p = prev.get(r.holdingId);
      if (p && r.netFlow !== undefined && r.assetClass !== "Loan" && p.amount > 0) {
        returns.push((r.amount - p.amount - r.netFlow) / (p.amount + r.netFlow / 2));
      }
      prev.set(r.holdingId, r);
    }
    expect(returns.length).toBeGreaterThan(500);
    expect(count(returns, (x) => Math.abs(x) < 0.5)).toBeGreaterThan(returns.length * 0.97);
  });
});
