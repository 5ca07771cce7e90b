import { likelyDuplicates, normPhone } from "../../src/taskpane/model/duplicates";
import type { Client } from "../../src/domain/types";

const clients: Client[] = [
  { clientId: "C0001", name: "张伟", phone: "13812345678", idNumber: "11010519491231002X" },
  { clientId: "C0002", name: "李娜", phone: "+86 139-0000-1111" },
  { clientId: "C0003", name: "张伟", phone: "13900000000" },
  { clientId: "C0004", name: "Chan Tai Man", phone: "(852) 9123 4567", idNumber: "A123456(7)" },
];

describe("likely duplicates", () => {
  test("same name and phone, ignoring spaces, width, separators and the country code", () => {
    const d = likelyDuplicates(clients, { clientId: "C0009", name: " 张 伟", phone: "138 1234 5678" });
    expect(d.map((x) => [x.client.clientId, x.reasons])).toEqual([["C0001", ["name-phone"]]]);
    expect(likelyDuplicates(clients, { clientId: "C0009", name: "李娜", phone: "13900001111" }).map((x) => x.client.clientId)).toEqual(["C0002"]);
    expect(likelyDuplicates(clients, { clientId: "C0009", name: "chan tai man", phone: "+852 91234567" }).map((x) => x.client.clientId)).toEqual(["C0004"]);
  });

  test("same id number alone is enough, ignoring case and brackets", () => {
    const d = likelyDuplicates(clients, { clientId: "C0009", name: "王芳", phone: "13700000000", idNumber: "11010519491231002x" });
    expect(d.map((x) => [x.client.clientId, x.reasons])).toEqual([["C0001", ["id-number"]]]);
    expect(likelyDuplicates(clients, { clientId: "C0009", name: "X", idNumber: "A1234567" }).map((x) => x.client.clientId)).toEqual(["C0004"]);
  });

  test("both reasons are reported together", () => {
    const d = likelyDuplicates(clients, { clientId: "C0009", name: "张伟", phone: "13812345678", idNumber: "11010519491231002X" });
    expect(d).toHaveLength(1);
    expect(d[0].reasons).toEqual(["name-phone", "id-number"]);
  });

  test("same name with another phone, or same phone with another name, is not a duplicate", () => {
    expect(likelyDuplicates(clients, { clientId: "C0009", name: "张伟", phone: "13700000000" })).toEqual([]);
    expect(likelyDuplicates(clients, { clientId: "C0009", name: "王芳", phone: "13812345678" })).toEqual([]);
  });

  test("a blank name, phone or id number never matches blanks", () => {
    const blanks: Client[] = [{ clientId: "C0100", name: "赵六" }];
    expect(likelyDuplicates(blanks, { clientId: "C0101", name: "赵六" })).toEqual([]);
    expect(likelyDuplicates(blanks, { clientId: "C0101", name: "赵六", phone: "", idNumber: "" })).toEqual([]);
  });

  test("the client being edited is not its own duplicate", () => {
    expect(likelyDuplicates(clients, { clientId: "C0001", name: "张伟", phone: "13812345678", idNumber: "11010519491231002X" })).toEqual([]);
  });

  test("phone normalisation keeps local numbers whole", () => {
    expect(normPhone("+86 138-1234-5678")).toBe("13812345678");
    expect(normPhone("0086 13812345678")).toBe("13812345678");
    expect(normPhone("010-86123456")).toBe("01086123456");
    expect(normPhone("86123456")).toBe("86123456");
  });
});
