/**
 * The client page's profile (issue 15): contact details, birthday and age, risk with its name, family with ages and
 * links to members who are also clients, the documents link — on the shipped sample's mother and son.
 */
import { sampleBook } from "../../src/sample";
import { clientProfile, documentsHref } from "../../src/taskpane/model/clientProfile";
import { dateText, parsePaneDate } from "../../src/taskpane/format";

const AS_OF = "2026-05-15";
const book = sampleBook(AS_OF);
const client = (id: string) => book.clients.find((c) => c.clientId === id)!;

test("the mother (C0022): her details, her son listed with his age and linked to his client id, and the warning's link", () => {
  const c = client("C0022");
  const p = clientProfile(book, c, AS_OF, "zh-CN");
  expect(p.phone).toBe(c.phone);
  expect(p.address).toBe(c.address);
  expect(p.birthday).toBe(c.birthday);
  // age by hand: whole years from her birthday to 2026-05-15
  const [y, m, d] = c.birthday!.split("-").map(Number);
  expect(p.age).toBe(2026 - y - (m > 5 || (m === 5 && d > 15) ? 1 : 0));
  const son = p.family.find((f) => f.relation === "Child")!;
  expect(son).toMatchObject({ name: "金庆文", linkedClientId: "C0018", birthday: client("C0018").birthday });
  expect(p.linked).toEqual([{ clientId: "C0018", name: "金庆文", relation: "Child" }]);
  expect(p.family.filter((f) => f.linkedClientId)).toHaveLength(1);
});

test("risk level with its name in the pane's language (C4 成长型 / 成長型 / Growth)", () => {
  const c = { ...client("C0001"), riskLevel: "C4" as const };
  expect(clientProfile(book, c, AS_OF, "zh-CN").risk).toBe("C4 成长型");
  expect(clientProfile(book, c, AS_OF, "zh-TW").risk).toBe("C4 成長型");
  expect(clientProfile(book, c, AS_OF, "en-US").risk).toBe("C4 Growth");
});

test("a birthday after asOf is shown without an age; a client without family has none", () => {
  const c = { ...client("C0032"), birthday: "2027-01-01" };
  const p = clientProfile(book, c, AS_OF, "en-US");
  expect(p.birthday).toBe("2027-01-01");
  expect(p.age).toBeUndefined();
  expect(p.family).toEqual([]);
  expect(p.linked).toEqual([]);
});

test("documents: web and file URLs as they are, drive and UNC paths as file URLs, anything else no link", () => {
  expect(documentsHref("https://sharepoint.example.com/sites/rm/张三")).toBe("https://sharepoint.example.com/sites/rm/张三");
  expect(documentsHref("D:\\客户资料\\张三")).toBe("file:///D:/客户资料/张三");
  expect(documentsHref("\\\\fileserver\\rm\\张三")).toBe("file://fileserver/rm/张三");
  expect(documentsHref("file:///D:/x")).toBe("file:///D:/x");
  expect(documentsHref("javascript:alert(1)")).toBeUndefined();
  expect(documentsHref("资料/张三")).toBeUndefined();
  const p = clientProfile(book, { ...client("C0001"), documents: "javascript:alert(1)" }, AS_OF, "zh-CN");
  expect(p.documents).toBeUndefined();
  expect(clientProfile(book, { ...client("C0001"), documents: "D:\\资料" }, AS_OF, "zh-CN").documents).toEqual({ text: "D:\\资料", href: "file:///D:/资料" });
});

test("dates follow the pane's language, not the browser's: 2026/5/5 in Chinese, 5/5/2026 in English, and read back", () => {
  expect(dateText("2026-05-05", "zh-CN")).toBe("2026/5/5");
  expect(dateText("2026-12-25", "zh-TW")).toBe("2026/12/25");
  expect(dateText("2026-05-05", "en-US")).toBe("5/5/2026");
  for (const lang of ["zh-CN", "zh-TW", "en-US"] as const) {
    for (const iso of ["2024-02-29", "2026-01-01", "1999-12-31"]) expect(parsePaneDate(dateText(iso, lang), lang)).toBe(iso);
    expect(parsePaneDate("2026-05-15", lang)).toBe("2026-05-15");
    expect(parsePaneDate("2026年5月15日", lang)).toBe("2026-05-15");
    expect(parsePaneDate("2025/2/29", lang)).toBeUndefined();
  }
  // m/d/yyyy is English only: in Chinese the book's year-first reading stands, and 5/15/2026 is no date
  expect(parsePaneDate("5/15/2026", "en-US")).toBe("2026-05-15");
  expect(parsePaneDate("5/15/2026", "zh-CN")).toBeUndefined();
  expect(parsePaneDate("13/1/2026", "en-US")).toBeUndefined();
});
