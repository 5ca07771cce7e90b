import { sampleBook } from "../../src/sample";
import { addChild, checkDraft, draftFor, sameRecord } from "../../src/taskpane/model/clientEdit";

const asOf = "2025-03-15";
const book = sampleBook(asOf);

describe("client form draft → ClientEdit", () => {
  test("an untouched existing client saves nothing", () => {
    const d = draftFor(book, "C0001", "zh-CN");
    const c = checkDraft(d, asOf, "zh-CN");
    expect(c.ok).toBe(true);
    expect(c.changes).toBe(0);
    expect(c.edit!.family).toEqual([]);
    expect(c.edit!.holdings).toEqual([]);
    expect(c.edit!.policies).toEqual([]);
    // The client is always sent, before = after when unchanged.
    expect(c.edit!.client.before).toEqual(c.edit!.client.after);
  });

  test("the draft holds the client's own family, holdings and policies", () => {
    const d = draftFor(book, "C0001", "en-US");
    expect(d.isNew).toBe(false);
    expect(d.family.length).toBe(book.family.filter((f) => f.clientId === "C0001").length);
    expect(d.holdings.map((h) => h.original!.holdingId)).toEqual(book.holdings.filter((h) => h.clientId === "C0001").map((h) => h.holdingId));
    expect(d.policies.every((p) => p.original!.clientId === "C0001")).toBe(true);
  });

  test("only the changed, added and removed records are in the edit, with before and after", () => {
    let d = draftFor(book, "C0001", "zh-CN");
    d.client.values.phone = "13900000000";
    d.holdings[0].values.amount = "1,000,000";
    d.family[0].removed = true;
    d = addChild(d, "policies", book, "zh-CN");
    const p = d.policies[d.policies.length - 1];
    Object.assign(p.values, { policyType: "Accident", insurer: "平安", sumInsured: "50万", annualPremium: "300" });
    const c = checkDraft(d, asOf, "zh-CN");
    expect(c.ok).toBe(true);
    expect(c.changes).toBe(4);
    const e = c.edit!;
    expect(e.client.before!.phone).toBe(book.clients[0].phone);
    expect(e.client.after!.phone).toBe("13900000000");
    expect(e.holdings).toEqual([{ before: d.holdings[0].original, after: { ...d.holdings[0].original, amount: 1000000 } }]);
    expect(e.family).toEqual([{ before: d.family[0].original }]);
    expect(e.policies).toHaveLength(1);
    const maxP = Math.max(...book.policies.map((x) => Number(x.policyId.slice(1))));
    expect(e.policies[0]).toEqual({
      after: {
        policyId: `P${String(maxP + 1).padStart(5, "0")}`, clientId: "C0001", insured: book.clients[0].name, policyType: "Accident",
        insurer: "平安", sumInsured: 500000, annualPremium: 300, criticalIllness: false, status: "InForce",
      },
    });
  });

  test("a removed record that was never saved just disappears; an invalid one blocks the save with its messages", () => {
    let d = draftFor(book, "C0002", "en-US");
    d = addChild(d, "holdings", book, "en-US");
    const h = d.holdings[d.holdings.length - 1];
    h.values.amount = "abc";
    const bad = checkDraft(d, asOf, "en-US");
    expect(bad.ok).toBe(false);
    expect(bad.edit).toBeUndefined();
    expect(bad.errors[h.key]).toMatchObject({ amount: expect.stringContaining('"abc" is not a valid amount'), assetClass: "is required", productName: "is required" });
  });

  test("a new client gets the next free id and two new holdings get distinct ids", () => {
    let d = draftFor(book, null, "zh-CN");
    expect(d.isNew).toBe(true);
    expect(d.client.values.clientId).toBe("C0041");
    d = addChild(d, "holdings", book, "zh-CN");
    d = addChild(d, "holdings", book, "zh-CN");
    const ids = d.holdings.map((h) => h.values.holdingId);
    expect(new Set(ids).size).toBe(2);
    for (const id of ids) expect(book.holdings.some((h) => h.holdingId === id)).toBe(false);
    d.client.values.name = "新客户";
    for (const h of d.holdings) Object.assign(h.values, { assetClass: "Deposit", productName: "活期", amount: "1000" });
    const c = checkDraft(d, asOf, "zh-CN");
    expect(c.ok).toBe(true);
    expect(c.edit!.client).toEqual({ after: { clientId: "C0041", name: "新客户" } });
    expect(c.edit!.holdings.map((x) => [x.before, x.after!.clientId])).toEqual([[undefined, "C0041"], [undefined, "C0041"]]);
    expect(c.changes).toBe(3);
  });

  test("a client missing from the book cannot be drafted", () => {
    expect(() => draftFor(book, "C9999", "zh-CN")).toThrow(/C9999/);
  });

  test("sameRecord compares fields and tag lists", () => {
    expect(sameRecord({ a: 1, tags: ["x", "y"] }, { a: 1, tags: ["x", "y"] })).toBe(true);
    expect(sameRecord({ a: 1, tags: ["x", "y"] }, { a: 1, tags: ["y", "x"] })).toBe(false);
    expect(sameRecord({ a: 1 }, { a: 1, b: 2 })).toBe(false);
  });
});
