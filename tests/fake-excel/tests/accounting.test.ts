/**
 * Round trips and payload sizes. Excel on the web limits requests and responses to 5 MB
 * ("Resource limits and performance optimization for Office Add-ins", Excel add-ins:
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins);
 * the request is made of the API calls, the objects and the values set
 * (https://learn.microsoft.com/office/dev/add-ins/excel/performance#payload-size-limit-best-practices).
 */
import { type FakeHost, installFakeOffice, PAYLOAD_LIMIT } from "../index";
import { rejectsWith } from "./support";

let host: FakeHost;
afterEach(() => host.uninstall());

function column(rowsCount: number, text: string): string[][] {
  return Array.from({ length: rowsCount }, () => [text]);
}

describe("stats: syncs, request and response bytes per round trip", () => {
  beforeEach(() => {
    host = installFakeOffice();
  });

  test("each sync is one round trip; the request grows with the values written, the response with the values read", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A10").values = column(10, "x");
      await context.sync();
      sheet.getRange("A1:A1000").values = column(1000, "x");
      await context.sync();
      sheet.getRange("A1:A1000").load("values");
      await context.sync();
    });
    const { syncs, requests, responses, maxRequest } = host.stats;
    expect(syncs).toBe(3);
    expect(requests).toHaveLength(3);
    expect(requests[0]).toBeLessThan(1000);
    expect(requests[1]).toBeGreaterThan(1000 * 6);
    expect(maxRequest).toBe(requests[1]);
    expect(responses[2]).toBeGreaterThan(1000 * 6);
    expect(responses[0]).toBeLessThan(100);
  });

  test("sizes count UTF-8 bytes, so CJK text weighs three bytes a character", async () => {
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      await context.sync();
      sheet.getRange("A1:A100").values = column(100, "aaaa");
      await context.sync();
      sheet.getRange("A1:A100").values = column(100, "客户经理");
      await context.sync();
    });
    const [, ascii, cjk] = host.stats.requests;
    expect(cjk - ascii).toBe(100 * 4 * 2);
  });

  test("reset() clears the counters", async () => {
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
    });
    host.stats.reset();
    expect(host.stats).toMatchObject({ syncs: 0, syncCalls: 0, requests: [], responses: [], maxRequest: 0 });
  });
});

describe("the 5 MB limit of Excel on the web", () => {
  test("a request over 5 MB fails with RequestPayloadSizeLimitExceeded and applies nothing from that batch", async () => {
    host = installFakeOffice();
    const big = "x".repeat(1024);
    const error = await rejectsWith(
      Excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("B1").values = [["small write in the same batch"]];
        sheet.getRange("A1:A5200").values = column(5200, big);
        await context.sync();
      }),
      "RequestPayloadSizeLimitExceeded",
    );
    expect(error.message).toContain("The request payload size has exceeded the limit.");
    expect(host.stats.requests[0]).toBeGreaterThan(PAYLOAD_LIMIT);
    expect(host.getValues("Sheet1", "A1:B1")).toEqual([["", ""]]);
  });

  test("the same data split in two syncs passes, each request under the limit", async () => {
    host = installFakeOffice();
    const big = "x".repeat(1024);
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("Sheet1");
      sheet.getRange("A1:A2600").values = column(2600, big);
      await context.sync();
      sheet.getRange("A2601:A5200").values = column(2600, big);
      await context.sync();
    });
    expect(host.stats.maxRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(host.getValues("Sheet1", "A5200")).toEqual([[big]]);
  });

  test("a response over 5 MB fails with ResponsePayloadSizeLimitExceeded and delivers no loaded value", async () => {
    host = installFakeOffice();
    const big = "y".repeat(1024);
    host.load({ sheets: [{ name: "Sheet1", rows: column(5200, big) }] });
    await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5200").load("values");
      await rejectsWith(context.sync(), "ResponsePayloadSizeLimitExceeded");
      expect(() => range.values).toThrow(/not available/);
    });
    expect(host.stats.responses[0]).toBeGreaterThan(PAYLOAD_LIMIT);
  });

  test("desktop hosts have no payload limit (platform PC), and setPayloadLimit adjusts it", async () => {
    host = installFakeOffice({ platform: "PC" });
    const big = "x".repeat(1024);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A5200").values = column(5200, big);
      await context.sync();
    });
    host.setPayloadLimit(1000);
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:A10").values = column(10, "z".repeat(200));
        await context.sync();
      }),
      "RequestPayloadSizeLimitExceeded",
    );
  });

  test("reading more than 5,000,000 cells is RangeExceedsLimit (\"A range is limited to 5,000,000 cells for read operations\")", async () => {
    host = installFakeOffice();
    await rejectsWith(
      Excel.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await context.sync();
      }),
      "RangeExceedsLimit",
    );
  });
});
