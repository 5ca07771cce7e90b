import { planRender } from "../../src/excel/renderSheet";
import { ACTION_BYTES, jsonBytes } from "../../src/excel/batch";
import { sampleBook } from "../../src/sample";
import { assetReview, profileList, contactCalendar } from "../../src/sheets";
import { installFakeOffice } from "../fake-excel";
test("scratch", async () => {
  const book = sampleBook("2026-05-15", "zh-CN");
  const host = installFakeOffice();
  for (const spec of [assetReview(book, { asOf: "2026-05-15", lang: "zh-CN", clientId: book.clients[1].clientId }), profileList(book, {asOf: "2026-05-15", lang: "zh-CN"}), contactCalendar(book, {asOf: "2026-05-15", lang: "zh-CN"})]) {
  const ops = planRender({ spec }, { notes: "notes", lang: "zh-CN" }, () => "t");
  const rows: string[] = [];
  await Excel.run(async (ctx) => {
    let total = 0, totalActs = 0;
    const kinds = new Map<string, [number, number, number]>();
    for (const op of ops) {
      const before = (ctx as any).debugInfo.pendingStatements.length;
      host.stats.reset();
      if (op.kind === "single") op.queue(ctx); else op.queue(ctx, 0, op.rowBytes.length);
      const acts = (ctx as any).debugInfo.pendingStatements.length - before;
      const est = op.kind === "single" ? op.bytes : op.fixedBytes + op.rowBytes.reduce((a, b) => a + b, 0);
      await ctx.sync();
      const actual = host.stats.requests[0] ?? 0;
      total += est; totalActs += acts;
      rows.push(`${op.kind} acts=${acts} est=${est} actual=${actual} ratio=${(est/actual).toFixed(2)}`);
    }
  });
  console.log(spec.name + "\n" + rows.slice(0, 60).join("\n"));
  }
  host.uninstall();
});
