import type { ClientBookCommands, ReadResult } from "../../src/excel/api";
import { emptyBook } from "../../src/domain/types";
import { now, setClock, today } from "../../src/taskpane/clock";
import { cellAddress, money, percent, rowErrorAddress } from "../../src/taskpane/format";
import { COMMAND_NAMES, lazyCommands } from "../../src/taskpane/lazyCommands";
import { monthLabel, monthOf, monthOptions } from "../../src/taskpane/model/months";
import { initialState, reducer } from "../../src/taskpane/store";
import { isDarkOfficeTheme, luminance } from "../../src/taskpane/theme";

describe("clock", () => {
  afterEach(() => setClock(null));
  test("today can be frozen, and released", () => {
    setClock(new Date(2024, 1, 29, 23, 59));
    expect(today()).toBe("2024-02-29");
    expect(now().getHours()).toBe(23);
    setClock(() => new Date(2025, 0, 1));
    expect(today()).toBe("2025-01-01");
    setClock(null);
    expect(today()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("formatting", () => {
  test("money in whole units with separators, shares with one decimal", () => {
    expect(money(1234567.5)).toBe("1,234,568");
    expect(money(-100000)).toBe("-100,000");
    expect(percent(0.1234)).toBe("12.3%");
    expect(percent(0.05, true)).toBe("+5.0%");
    expect(percent(-0.05, true)).toBe("-5.0%");
  });

  test("cell addresses of row errors", () => {
    expect([cellAddress(0, 1), cellAddress(25, 2), cellAddress(26, 3), cellAddress(701, 4), cellAddress(702, 5)]).toEqual(["A1", "Z2", "AA3", "ZZ4", "AAA5"]);
    expect(rowErrorAddress({ row: 12, columnIndex: 3 })).toBe("D12");
    expect(rowErrorAddress({ row: 1 })).toBe("1:1");
  });
});

describe("months for the contact calendar", () => {
  test("12 months back to 1 ahead, newest first, across a year end", () => {
    const m = monthOptions("2025-01-31", "zh-CN");
    expect(m).toHaveLength(14);
    expect(m[0]).toEqual({ value: "2025-02", label: "2025年2月" });
    expect(m[1].value).toBe("2025-01");
    expect(m[2].value).toBe("2024-12");
    expect(m[13].value).toBe("2024-01");
    expect(monthOf("2025-01-31")).toBe("2025-01");
    expect(monthLabel("2024-12", "en-US")).toBe("Dec 2024");
  });
});

describe("theme", () => {
  test("follows Office's dark flag, else the body background", () => {
    expect(isDarkOfficeTheme({ isDarkTheme: true, bodyBackgroundColor: "#ffffff" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#262626" })).toBe(true);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "#FFF" })).toBe(false);
    expect(isDarkOfficeTheme({ bodyBackgroundColor: "not a colour" })).toBe(false);
    expect(isDarkOfficeTheme(undefined)).toBe(false);
    expect(luminance("#000000")).toBe(0);
    expect(luminance("#ffffff")).toBeCloseTo(1);
  });
});

function read(clients: string[]): ReadResult {
  const book = emptyBook();
  book.clients = clients.map((clientId) => ({ clientId, name: clientId }));
  return { book, errors: [], hasBook: true, syncs: 1 };
}

describe("state", () => {
  test("the first read lands on Today when there are clients, else on Book; later reads keep the page", () => {
    expect(reducer(initialState("zh-CN"), { type: "read", read: read(["C1"]) }).page).toBe("today");
    const empty = reducer(initialState("zh-CN"), { type: "read", read: { ...read([]), hasBook: false } });
    expect(empty.page).toBe("book");
    const onSheets = reducer(reducer(empty, { type: "page", page: "sheets" }), { type: "read", read: read(["C1"]) });
    expect(onSheets.page).toBe("sheets");
  });

  test("opening a client goes to the Clients tab; a client gone after a re-read closes its page", () => {
    let s = reducer(initialState("en-US"), { type: "read", read: read(["C1", "C2"]) });
    s = reducer(s, { type: "openClient", clientId: "C2" });
    expect([s.page, s.clientId]).toEqual(["clients", "C2"]);
    s = reducer(s, { type: "read", read: read(["C1"]) });
    expect(s.clientId).toBeNull();
  });

  test("the client form opens over the page and closes; a flash is cleared by a page change", () => {
    let s = reducer(initialState("en-US"), { type: "edit", clientId: null });
    expect(s.editing).toEqual({ clientId: null });
    s = reducer(s, { type: "closeEdit" });
    expect(s.editing).toBeNull();
    s = reducer(s, { type: "flash", flash: { intent: "success", text: "saved" } });
    expect(s.flash?.text).toBe("saved");
    expect(reducer(s, { type: "page", page: "today" }).flash).toBeNull();
    expect(reducer(s, { type: "lang", lang: "zh-TW" }).lang).toBe("zh-TW");
  });
});

describe("lazy commands", () => {
  function fake(log: string[]): ClientBookCommands {
    const out: Record<string, unknown> = {};
    for (const name of COMMAND_NAMES) out[name] = async (...args: unknown[]) => (log.push(`${name}(${JSON.stringify(args)})`), name);
    return out as unknown as ClientBookCommands;
  }

  test("loads the module once, on first use, and forwards every command with its arguments", async () => {
    const log: string[] = [];
    let loads = 0;
    const c = lazyCommands(async () => (loads++, fake(log)));
    expect(loads).toBe(0);
    await expect(c.buildCalendar("2025-03", "2025-03-15")).resolves.toBe("buildCalendar");
    await c.selectCell("客户", "B3");
    await Promise.all([c.readBook(), c.readBook()]);
    expect(loads).toBe(1);
    expect(log).toEqual(['buildCalendar(["2025-03","2025-03-15"])', 'selectCell(["客户","B3"])', "readBook([])", "readBook([])"]);
    for (const name of COMMAND_NAMES) expect(typeof c[name]).toBe("function");
  });

  test("a failed load is reported to the caller and retried on the next call", async () => {
    let attempt = 0;
    const c = lazyCommands(async () => {
      if (++attempt === 1) throw new Error("chunk failed");
      return fake([]);
    });
    await expect(c.readBook()).rejects.toThrow("chunk failed");
    await expect(c.readBook()).resolves.toBe("readBook");
    expect(attempt).toBe(2);
  });
});
