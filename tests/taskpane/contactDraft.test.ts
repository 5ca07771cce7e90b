import { checkContact, contactDefaults, contactWarning } from "../../src/taskpane/model/contactDraft";

describe("logging a contact", () => {
  test("defaults: today and the client's preferred channel (phone when none)", () => {
    expect(contactDefaults({ preferredChannel: "M" }, "2025-03-15")).toEqual({ channel: "M", date: "2025-03-15", summary: "", nextAction: "", nextDate: "" });
    expect(contactDefaults({}, "2025-03-15").channel).toBe("T");
  });

  test("a phone call during 工作时间勿电 hours gets a warning; e-mail and evenings do not", () => {
    const client = { contactWindow: "工作时间勿电" };
    const tuesday10am = new Date(2025, 2, 11, 10, 0);
    const tuesday8pm = new Date(2025, 2, 11, 20, 0);
    expect(contactWarning(client, "T", tuesday10am, "zh-CN")).toContain("工作时间勿电");
    expect(contactWarning(client, "T", tuesday10am, "en-US")).toMatch(/work hours/);
    expect(contactWarning(client, "E", tuesday10am, "zh-CN")).toBeNull();
    expect(contactWarning(client, "T", tuesday8pm, "zh-CN")).toBeNull();
    // A tag counts like the contact window.
    expect(contactWarning({ tags: ["工作时间勿电"] }, "T", tuesday10am, "zh-TW")).toContain("工作時間");
  });

  test("a valid draft becomes the Contacts row; blanks are left out", () => {
    const d = { ...contactDefaults({ preferredChannel: "T" }, "2025-03-15"), summary: "  聊了新基金 ", nextDate: "2025-03-22" };
    expect(checkContact("C0001", d, "zh-CN")).toEqual({
      contact: { clientId: "C0001", date: "2025-03-15", channel: "T", summary: "聊了新基金", nextDate: "2025-03-22" },
      errors: {},
    });
  });

  test("bad dates and a next date before the contact are refused with messages per field", () => {
    const base = contactDefaults({}, "2025-03-15");
    expect(checkContact("C0001", { ...base, date: "" }, "en-US")).toEqual({ errors: { date: "is required" } });
    const before = checkContact("C0001", { ...base, nextDate: "2025-03-01" }, "zh-CN");
    expect(before.contact).toBeUndefined();
    // dates in the pane's language (format.ts dateText), not ISO
    expect(before.errors).toEqual({ nextDate: "2025/3/1 早于联络日期 2025/3/15" });
    expect(checkContact("C0001", { ...base, nextDate: "2025-13-01" }, "zh-TW").errors.nextDate).toMatch(/不是有效日期/);
  });
});
