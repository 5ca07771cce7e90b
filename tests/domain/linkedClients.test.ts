/**
 * Family members who are also clients (issue 15): who is linked, from either family, and the manager's warning.
 */
import { linkedClients, separateAccountsWarning } from "../../src/domain/linkedClients";
import type { Book } from "../../src/domain/types";

const book: Pick<Book, "clients" | "family"> = {
  clients: [
    { clientId: "C0018", name: "金庆文" },
    { clientId: "C0022", name: "曹琳芳" },
    { clientId: "C0030", name: "曹凯健" },
  ],
  family: [
    { clientId: "C0018", name: "张晓", relation: "Spouse" },
    { clientId: "C0018", name: "曹琳芳", relation: "Parent", linkedClientId: "C0022" },
    { clientId: "C0022", name: "金庆文", relation: "Child", linkedClientId: "C0018" },
    // a link recorded on one side only: her brother's row names her, hers does not name him
    { clientId: "C0030", name: "曹琳芳", relation: "Other", linkedClientId: "C0022" },
    // a link to an id that is no client (an old book): left out
    { clientId: "C0030", name: "王五", relation: "Other", linkedClientId: "C0999" },
  ],
};

test("the mother sees her son (her own row) and her brother (his row), each once", () => {
  expect(linkedClients(book, "C0022")).toEqual([
    { clientId: "C0018", name: "金庆文", relation: "Child" },
    { clientId: "C0030", name: "曹凯健", relation: "Other" },
  ]);
});

test("the son sees his mother once, though both families record the link; the reverse of Child is Parent", () => {
  expect(linkedClients(book, "C0018")).toEqual([{ clientId: "C0022", name: "曹琳芳", relation: "Parent" }]);
  const oneSided = { ...book, family: [{ clientId: "C0022", name: "金庆文", relation: "Child" as const, linkedClientId: "C0018" }] };
  expect(linkedClients(oneSided, "C0018")).toEqual([{ clientId: "C0022", name: "曹琳芳", relation: "Parent" }]);
});

test("a client without links, and a link to no client, give nothing and no warning", () => {
  expect(linkedClients({ ...book, family: book.family.slice(4) }, "C0030")).toEqual([]);
  expect(separateAccountsWarning([])).toBeUndefined();
});

test("the warning names each linked client with the id, in three languages", () => {
  const w = separateAccountsWarning(linkedClients(book, "C0022"))!;
  expect(w["zh-CN"]).toBe("金庆文（C0018）、曹凯健（C0030）也是您的客户：各自的账户彼此独立，不可向一方提及另一方的账户。");
  expect(w["zh-TW"]).toContain("金庆文（C0018）、曹凯健（C0030）也是您的客戶");
  expect(w["en-US"]).toBe("金庆文 (C0018), 曹凯健 (C0030) are also your clients: their accounts are separate and must not be discussed with each other.");
  expect(separateAccountsWarning(linkedClients(book, "C0018"))!["en-US"]).toBe(
    "曹琳芳 (C0022) is also your client: their accounts are separate and must not be discussed with each other.",
  );
});
