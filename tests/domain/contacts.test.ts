import {
  clientContactWarning, contactDue, contactHistory, contactWindowWarning, daysSince, isContactOverdue, lastContact, latestContacts,
  type WeekMoment,
} from "../../src/domain/contacts";
import type { Channel, Contact } from "../../src/domain/types";

const contacts: Contact[] = [
  { clientId: "C1", date: "2025-01-10", channel: "T", summary: "first" },
  { clientId: "C2", date: "2025-02-01", channel: "E" },
  { clientId: "C1", date: "2025-02-20", channel: "M", summary: "second" },
  { clientId: "C1", date: "2025-02-20", channel: "T", summary: "third, same day, entered later" },
  { clientId: "C1", date: "2024-12-31", channel: "E", summary: "oldest, entered late" },
];

describe("last contact and history", () => {
  test("latest per client; on one day the row entered last", () => {
    const m = latestContacts(contacts);
    expect(m.get("C1")?.summary).toBe("third, same day, entered later");
    expect(m.get("C2")?.date).toBe("2025-02-01");
    expect(m.has("C3")).toBe(false);
    expect(lastContact(contacts, "C1")?.summary).toBe("third, same day, entered later");
    expect(lastContact(contacts, "C3")).toBeUndefined();
    expect(latestContacts([]).size).toBe(0);
  });
  test("with asOf, a contact dated after it (a typo such as 2052) is not the latest", () => {
    const typo: Contact[] = [
      { clientId: "C1", date: "2025-01-05", channel: "T", summary: "real" },
      { clientId: "C1", date: "2052-01-05", channel: "T", summary: "typo" },
    ];
    expect(lastContact(typo, "C1", "2025-02-24")?.summary).toBe("real");
    expect(latestContacts(typo, "2025-02-24").get("C1")?.summary).toBe("real");
    expect(lastContact(typo, "C1")?.summary).toBe("typo"); // without asOf: every row, as before
  });
  test("history newest first", () => {
    expect(contactHistory(contacts, "C1").map((c) => c.summary)).toEqual([
      "third, same day, entered later", "second", "first", "oldest, entered late",
    ]);
    expect(contactHistory(contacts, "C9")).toEqual([]);
  });
  test("days since", () => {
    expect(daysSince("2025-02-20", "2025-03-01")).toBe(9);
    expect(daysSince("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysSince("2025-02-28", "2025-03-01")).toBe(1);
    expect(() => daysSince("2025-02-29", "2025-03-01")).toThrow(/date: "2025-02-29"/);
  });
});

describe("overdue contacts", () => {
  test("due last + cadence (month-end clamped), overdue the day after", () => {
    expect(contactDue("2025-01-31", 1, "2025-02-28")).toEqual({ dueOn: "2025-02-28", daysUntil: 0, overdue: false });
    expect(contactDue("2025-01-31", 1, "2025-03-01")).toEqual({ dueOn: "2025-02-28", daysUntil: -1, overdue: true });
    expect(contactDue("2027-11-30", 3, "2028-02-29")).toEqual({ dueOn: "2028-02-29", daysUntil: 0, overdue: false });
    expect(contactDue(undefined, 3, "2025-03-01")).toEqual({ daysUntil: 0, overdue: true });
  });
  test("isContactOverdue with a cadence, or the client's own", () => {
    expect(isContactOverdue({}, "2025-01-01", 3, "2025-04-01")).toBe(false);
    expect(isContactOverdue({}, "2025-01-01", 3, "2025-04-02")).toBe(true);
    expect(isContactOverdue({}, undefined, 3, "2025-04-02")).toBe(true);
    expect(isContactOverdue({ reviewCadence: "Monthly" }, "2025-01-01", undefined, "2025-02-02")).toBe(true);
    expect(isContactOverdue({ tier: "A" }, "2025-01-01", undefined, "2025-02-02")).toBe(true);
    expect(isContactOverdue({}, "2025-01-01", undefined, "2025-07-01")).toBe(false); // half-yearly by default
    expect(isContactOverdue({}, "2025-01-01", undefined, "2025-07-02")).toBe(true);
  });
  test("bad input", () => {
    expect(() => contactDue("2025-01-01", 0, "2025-02-01")).toThrow(/cadenceMonths/);
    expect(() => contactDue("2025/01/01", 1, "2025-02-01")).toThrow(/lastContactDate/);
    expect(() => contactDue("2025-01-01", 1, "")).toThrow(/asOf/);
  });
});

describe("contact window", () => {
  const MON = 1, FRI = 5, SAT = 6, SUN = 0;
  const at = (weekday: number, hour: number): WeekMoment => ({ weekday, hour });
  const rule = (text: string, ch: Channel, m: WeekMoment): string | null => contactWindowWarning(text, ch, m)?.rule ?? null;

  test.each<[string, number, number, string | null]>([
    ["工作时间勿电", MON, 10, "work-hours"],
    ["工作时间勿电", FRI, 17.99, "work-hours"],
    ["工作时间勿电", FRI, 18, null],
    ["工作时间勿电", MON, 8.5, null],
    ["工作时间勿电", SAT, 10, null],
    ["工作時間勿電", MON, 9, "work-hours"],
    ["上班时间不接电话", MON, 11, "work-hours"],
    ["No calls during work hours", MON, 14, "work-hours"],
    ["no calls during working hours", SUN, 14, null],
    ["晚上勿电", MON, 20, "evening"],
    ["晚上勿電", SAT, 23.5, "evening"],
    ["晚上勿电", SAT, 6, "evening"], // the early hours belong to the night
    ["晚上勿电", MON, 10, null],
    ["no calls in the evening", FRI, 19, "evening"],
    ["午休勿扰", MON, 12.5, "lunch"],
    ["周末勿电", SUN, 10, "weekend"],
    ["週末勿電", FRI, 10, null],
    ["工作日勿电", MON, 20, "workdays"],
    ["下午勿电", MON, 15, "afternoon"],
    ["上午勿电", MON, 9, "morning"],
    ["9:00-18:00勿电", SAT, 10, "hours"],
    ["9:00-18:00勿电", SAT, 18, null],
    ["工作日 9-5 勿电", MON, 16.5, "hours"], // 12-hour clock: 9:00–17:00 on weekdays
    ["工作日 9-5 勿电", SAT, 16.5, null],
    ["22点到8点勿电", MON, 23, "hours"],
    ["22点到8点勿电", MON, 7, "hours"],
    ["22点到8点勿电", MON, 8, null],
    ["工作时间勿电，晚上可以", MON, 20, null], // the evening clause is not a restriction
    ["工作时间勿电；晚上勿扰", MON, 21, "evening"],
    ["晚上方便", MON, 20, null],
    ["只接受微信", MON, 10, null],
    ["勿电", MON, 10, null], // no time named
    ["", MON, 10, null],
  ])("%p by phone on day %i at %p → %p", (text, day, hour, want) => expect(rule(text, "T", at(day, hour))).toBe(want));

  test("e-mail is never restricted; meetings only by 勿扰 / do not disturb", () => {
    expect(contactWindowWarning("工作时间勿电", "E", at(MON, 10))).toBeNull();
    expect(contactWindowWarning("工作时间勿电", "M", at(MON, 10))).toBeNull();
    expect(contactWindowWarning("晚上勿扰", "M", at(MON, 20))?.rule).toBe("evening");
    expect(contactWindowWarning("do not disturb at the weekend", "M", at(SAT, 11))?.rule).toBe("weekend");
  });
  test("the warning names the clause and the time in each language", () => {
    const w = contactWindowWarning("工作时间勿电，晚上可以", "T", at(MON, 10));
    expect(w?.clause).toBe("工作时间勿电");
    expect(w?.message["zh-CN"]).toBe("客户要求“工作时间勿电”：现在是工作时间（周一至周五 9:00–18:00），致电前请确认，或改发邮件/另约时间。");
    expect(w?.message["zh-TW"]).toMatch(/^客戶要求「工作时间勿电」：現在是工作時間/);
    expect(w?.message["en-US"]).toMatch(/^The client asks "工作时间勿电": it is work hours \(Mon–Fri 9:00–18:00\) now\. Check before calling/);
    expect(contactWindowWarning("9:30-12:00勿电", "T", at(MON, 10))?.message["en-US"]).toMatch(/9:30–12:00/);
  });
  test("a Date is read by its local weekday and hour", () => {
    expect(contactWindowWarning("工作时间勿电", "T", new Date(2025, 2, 3, 10, 30))?.rule).toBe("work-hours"); // Monday
    expect(contactWindowWarning("工作时间勿电", "T", new Date(2025, 2, 8, 10, 30))).toBeNull(); // Saturday
  });
  test("the client's window and tags both count", () => {
    expect(clientContactWarning({ tags: ["喜欢新基金", "工作时间勿电"] }, "T", at(MON, 10))?.rule).toBe("work-hours");
    expect(clientContactWarning({ contactWindow: "晚上勿电", tags: ["有小孩"] }, "T", at(MON, 21))?.rule).toBe("evening");
    expect(clientContactWarning({}, "T", at(MON, 21))).toBeNull();
  });
  test("a bad moment is refused", () => {
    expect(() => contactWindowWarning("工作时间勿电", "T", at(7, 10))).toThrow(/weekday/);
    expect(() => contactWindowWarning("", "T", at(1, 24))).toThrow(/hour/);
    expect(() => contactWindowWarning("x", "T", at(1.5, 10))).toThrow(/weekday/);
    expect(() => contactWindowWarning("x", "T", new Date(NaN))).toThrow(RangeError);
  });
});
