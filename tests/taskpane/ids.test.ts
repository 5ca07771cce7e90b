import { nextClientId, nextId, nextIds } from "../../src/taskpane/model/ids";

describe("next free id", () => {
  test("max number + 1, keeping the book's width", () => {
    expect(nextClientId([{ clientId: "C0001" }, { clientId: "C0040" }, { clientId: "C0007" }])).toBe("C0041");
    expect(nextId(["H00001", "H00268"], "H", 5)).toBe("H00269");
  });

  test("gaps are not reused: the next id is after the largest", () => {
    expect(nextClientId([{ clientId: "C0001" }, { clientId: "C0003" }])).toBe("C0004");
  });

  test("an empty book starts at 1 with the default width", () => {
    expect(nextClientId([])).toBe("C0001");
    expect(nextId([], "P", 5)).toBe("P00001");
  });

  test("the width grows only when the number needs it", () => {
    expect(nextClientId([{ clientId: "C9999" }])).toBe("C10000");
    expect(nextClientId([{ clientId: "C12" }])).toBe("C13");
    // The widest id in use sets the width.
    expect(nextClientId([{ clientId: "C5" }, { clientId: "C00002" }])).toBe("C00006");
  });

  test("ids of other shapes are ignored; case and spaces are not significant", () => {
    expect(nextClientId([{ clientId: "VIP-1" }, { clientId: " c0010 " }, { clientId: "C0009A" }, { clientId: "张三" }])).toBe("C0011");
  });

  test("several new ids in a row never repeat", () => {
    expect(nextIds(["H00010"], "holding", 3)).toEqual(["H00011", "H00012", "H00013"]);
    expect(nextIds([], "policy", 2)).toEqual(["P00001", "P00002"]);
  });
});
