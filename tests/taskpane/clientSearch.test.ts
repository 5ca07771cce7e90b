import { bookTiers } from "../../src/domain/tiers";
import { emptyBook, type Book } from "../../src/domain/types";
import { bookTags, limitRows, matchesText, searchClients } from "../../src/taskpane/model/clientSearch";

function book(): Book {
  const b = emptyBook();
  b.clients = [
    { clientId: "C0001", name: "张伟", phone: "138-1234-5678", tags: ["有小孩", "喜欢新基金"], idNumber: "310115198302285291" },
    { clientId: "C0002", name: "李娜", phone: "13900001111", tags: ["工作时间勿电"] },
    { clientId: "C0003", name: "张小伟", phone: "13700002222", tags: ["有小孩"], tier: "A" },
    { clientId: "C0004", name: "Wang Fang", email: "wf@example.com", tags: ["ｖｉｐ"] },
    { clientId: "C0001", name: "重复编号", phone: "13600000000" },
  ];
  b.holdings = [
    { holdingId: "H1", clientId: "C0001", assetClass: "Deposit", productName: "活期", institution: "ThisBank", amount: 900 },
    { holdingId: "H2", clientId: "C0002", assetClass: "Fund", productName: "基金", institution: "ThisBank", amount: 100 },
    { holdingId: "H3", clientId: "C0004", assetClass: "Stock", productName: "股票", institution: "招商银行", amount: 5000 },
  ];
  return b;
}

describe("client search", () => {
  const b = book();
  const tiers = bookTiers(b);
  const ids = (q: Parameters<typeof searchClients>[2]) => searchClients(b.clients, tiers, q).map((r) => r.client.clientId);

  test("by part of the name", () => {
    expect(ids({ text: "张" })).toEqual(["C0001", "C0003"]);
    expect(ids({ text: "小伟" })).toEqual(["C0003"]);
    expect(ids({ text: "wang" })).toEqual(["C0004"]);
  });

  test("by phone digits whatever the separators", () => {
    expect(ids({ text: "1234 5678" })).toEqual(["C0001"]);
    expect(ids({ text: "138-1234" })).toEqual(["C0001"]);
    expect(ids({ text: "0000" })).toEqual(["C0002", "C0003"]);
  });

  test("by client id or id number", () => {
    expect(ids({ text: "c0002" })).toEqual(["C0002"]);
    expect(ids({ text: "19830228" })).toEqual(["C0001"]);
  });

  test("short digit strings do not match phones by accident", () => {
    expect(matchesText(b.clients[0], "13")).toBe(false);
  });

  test("filter by tier in force (manual wins) and by tag, combined with text", () => {
    expect(ids({ tier: "A" })).toEqual(["C0001", "C0003"]);
    // C0001 holds 90 % of assets at this bank; C0002 is within 95 %.
    expect(ids({ tier: "B" })).toEqual(["C0002"]);
    expect(ids({ tier: "C" })).toEqual(["C0004"]);
    expect(ids({ tag: "有小孩" })).toEqual(["C0001", "C0003"]);
    expect(ids({ tag: "VIP" })).toEqual(["C0004"]);
    expect(ids({ tag: "有小孩", text: "小" })).toEqual(["C0003"]);
    expect(ids({ tag: "有小孩", tier: "C" })).toEqual([]);
  });

  test("empty query lists every client once, in book order, with assets at this bank", () => {
    const rows = searchClients(b.clients, tiers, {});
    expect(rows.map((r) => r.client.clientId)).toEqual(["C0001", "C0002", "C0003", "C0004"]);
    expect(rows.map((r) => r.assetsAtThisBank)).toEqual([900, 100, 0, 0]);
  });

  test("tags of the book, most used first, then in order of first use", () => {
    expect(bookTags(b.clients)).toEqual(["有小孩", "喜欢新基金", "工作时间勿电", "ｖｉｐ"]);
  });

  test("long lists are cut with a count of the rest", () => {
    expect(limitRows([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], hidden: 0 });
    expect(limitRows([1, 2, 3, 4], 2)).toEqual({ shown: [1, 2], hidden: 2 });
  });
});
