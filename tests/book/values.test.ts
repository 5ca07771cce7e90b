import {
  parseAmount, parseBool, parseCell, parseCodeCell, parseDate, parseInstitution, parseInteger, parseNumber, parseTags, parseText, tagText,
} from "../../src/book/values";
import type { RawValue } from "../../src/book/raw";
import { THIS_BANK } from "../../src/domain/types";
import { columnSpec } from "../../src/book/schema";

const ok = (value: unknown) => ({ ok: true, value });
const bad = (reason: string) => expect.objectContaining({ ok: false, reason });

describe("dates", () => {
  test.each<[RawValue, string]>([
    [45356, "2024-03-05"],
    [45356.75, "2024-03-05"], // time of day dropped
    [1, "1900-01-01"],
    ["2024-03-05", "2024-03-05"],
    ["2024/3/5", "2024-03-05"],
    ["2024-3-5", "2024-03-05"],
    ["2024.3.5", "2024-03-05"],
    ["2024年3月5日", "2024-03-05"],
    ["2024年03月05日", "2024-03-05"],
    ["2024年3月5号", "2024-03-05"],
    ["２０２４／３／５", "2024-03-05"], // full-width
    ["  2024/03/05  ", "2024-03-05"],
    ["'2024-03-05", "2024-03-05"], // Excel's text prefix
    ["2024-03-05 10:30", "2024-03-05"],
    ["2024-03-05T10:30:00Z", "2024-03-05"],
    ["2024-03-05T10:30:00.000+08:00", "2024-03-05"],
    ["2024/3/5 下午 3:30:00", "2024-03-05"],
    ["2024年3月5日 10:30", "2024-03-05"],
    ["20240305", "2024-03-05"],
    ["2024-02-29", "2024-02-29"],
  ])("%j → %s", (raw, iso) => expect(parseDate(raw)).toEqual(ok(iso)));

  test.each<RawValue>([
    "2024/13/40", "2023-02-29", "2024-00-10", "5/3/2024", "3/5", "yesterday", "2024-03-05 noon", "2024-03-05x",
    "45356", "1899-12-31", 0, -5, 60, 2958466, Number.NaN, true, "#N/A",
    "300%", "1万", "50万", "5萬", "1,234", "3.5", // amounts and ratios typed in a date cell (issue 12)
  ])("%j is not a date", (raw) => expect(parseDate(raw)).toEqual(bad("badDate")));
});

describe("amounts", () => {
  test.each<[RawValue, number]>([
    [1234.5, 1234.5],
    [0, 0],
    ["1234.5", 1234.5],
    ["1,234,567.89", 1234567.89],
    ["¥1,234.50", 1234.5],
    ["￥1,234.50", 1234.5],
    ["$99", 99],
    ["NT$ 12,000", 12000],
    ["HK$3,000.5", 3000.5],
    ["RMB 100", 100],
    ["1,000元", 1000],
    ["5万", 50000],
    ["5萬", 50000],
    ["5万元", 50000],
    ["¥12.5万", 125000],
    ["1.1万", 11000], // exact: not 11000.000000000002
    ["0.07万", 700],
    ["3亿", 300000000],
    ["１２３，４５６．７", 123456.7], // full-width digits and separators
    ["'1,000", 1000],
    ["-500", -500], // the sign is kept; the codec rejects negatives where they are not allowed
    ["(1,000)", -1000],
    ["¥-2万", -20000],
    [".5", 0.5],
  ])("%j → %d", (raw, n) => expect(parseAmount(raw)).toEqual(ok(n)));

  test.each<RawValue>(["abc", "1,23", "12,3456", "1.2.3", "万", "¥", "5万万", "", true, Number.POSITIVE_INFINITY, "1 000 x", "--5"])(
    "%j is not an amount",
    (raw) => expect(parseAmount(raw)).toEqual(bad("badAmount")),
  );
});

describe("whole numbers and numbers", () => {
  test.each<[RawValue, number]>([[3, 3], ["3", 3], ["３", 3], ["20年", 20], ["2人", 2], ["1,000", 1000], ["3.0", 3]])("int %j → %d", (raw, n) =>
    expect(parseInteger(raw)).toEqual(ok(n)),
  );
  test.each<RawValue>([2.5, "2.5", "two", "3岁半", 1e20, true])("%j is not a whole number", (raw) => expect(parseInteger(raw)).toEqual(bad("badInt")));
  test.each<[RawValue, number]>([[0.1, 0.1], ["0.1", 0.1], ["10%", 0.1], ["１５％", 0.15], ["12.5", 12.5], ["-3", -3]])("number %j → %d", (raw, n) =>
    expect(parseNumber(raw)).toEqual(ok(n)),
  );
  test.each<RawValue>(["ten", "10%%", "%", false])("%j is not a number", (raw) => expect(parseNumber(raw)).toEqual(bad("badNumber")));
});

describe("booleans", () => {
  test.each<[RawValue, boolean]>([
    [true, true], [false, false], [1, true], [0, false], ["是", true], ["否", false], ["Y", true], ["n", false],
    ["TRUE", true], ["False", false], ["1", true], ["0", false], ["Yes", true], ["NO", false], ["√", true], ["×", false], ["ｙ", true],
  ])("%j → %s", (raw, b) => expect(parseBool(raw)).toEqual(ok(b)));
  test.each<RawValue>([2, "maybe", "是否"])("%j is not yes/no", (raw) => expect(parseBool(raw)).toEqual(bad("badBool")));
});

describe("text, tags, institution, codes", () => {
  test("text is trimmed and loses Excel's text prefix", () => {
    expect(parseText("  张三 ")).toEqual(ok("张三"));
    expect(parseText("'=SUM(A1)")).toEqual(ok("=SUM(A1)"));
    expect(parseText("'0912345678")).toEqual(ok("0912345678"));
    expect(parseText(13812345678)).toEqual(ok("13812345678"));
    expect(parseText("\u3000全角空格\u3000")).toEqual(ok("全角空格"));
    expect(parseText("   ")).toEqual(bad("required"));
  });
  test("tags split on every separator managers use", () => {
    expect(parseTags("喜欢新基金, 有小孩，工作时间勿电;VIP；高净值、退休|海外")).toEqual(
      ok(["喜欢新基金", "有小孩", "工作时间勿电", "VIP", "高净值", "退休", "海外"]),
    );
    expect(parseTags("a\nb\r\nc")).toEqual(ok(["a", "b", "c"]));
    expect(parseTags("a,,a, ,b")).toEqual(ok(["a", "b"]));
    expect(parseTags(2024)).toEqual(ok(["2024"]));
  });
  test("本行 / This bank is THIS_BANK, other names stay", () => {
    expect(parseInstitution("本行")).toEqual(ok(THIS_BANK));
    expect(parseInstitution(" This Bank ")).toEqual(ok(THIS_BANK));
    expect(parseInstitution("招商银行")).toEqual(ok("招商银行"));
  });
  test("codes report the list they expected", () => {
    expect(parseCodeCell("clientRisk", "进取型")).toEqual(ok("C5"));
    expect(parseCodeCell("clientRisk", "C9")).toEqual({ ok: false, reason: "badCode", params: { list: "clientRisk" } });
  });
});

describe("parseCell: the codec's dispatcher", () => {
  test("blank is undefined whatever the type", () => {
    for (const raw of [null, "", "   ", "'"]) expect(parseCell({ type: "date" }, raw)).toEqual(ok(undefined));
  });
  test("Excel error values are reported as such", () => {
    expect(parseCell({ type: "text" }, "#N/A")).toEqual(bad("cellError"));
    expect(parseCell({ type: "amount" }, "#VALUE!")).toEqual(bad("cellError"));
  });
  test("negative amounts and whole numbers are refused unless the column is signed", () => {
    expect(parseCell({ type: "amount" }, -1)).toEqual(bad("negative"));
    expect(parseCell({ type: "amount" }, "-5万")).toEqual(bad("negative"));
    expect(parseCell({ type: "int" }, -2)).toEqual(bad("negative"));
    expect(parseCell({ type: "amount", signed: true }, "-5万")).toEqual(ok(-50000));
  });
  test("separators only is no tags", () => expect(parseCell({ type: "tags" }, "、,")).toEqual(ok(undefined)));
  test("codes by list", () => expect(parseCell({ type: "code:cadence" }, "半年度")).toEqual(ok("Semiannual")));
  test("a column's bounds: the Holdings rate reads 2.5% as 0.025 and refuses 2.5 (meant as a percentage)", () => {
    const rate = columnSpec("holdings", "rate");
    expect(parseCell(rate, "2.5%")).toEqual(ok(0.025));
    expect(parseCell(rate, 0.0175)).toEqual(ok(0.0175));
    expect(parseCell(rate, 2.5)).toEqual({ ok: false, reason: "outOfRange", params: { min: 0, max: 1 } });
    expect(parseCell(columnSpec("policies", "premiumYears"), 0)).toEqual(bad("outOfRange"));
    expect(parseCell(columnSpec("policies", "premiumFrequency"), "趸缴")).toEqual(ok("Single"));
    expect(parseCell(columnSpec("policies", "premiumFrequency"), "月繳")).toEqual(ok("Monthly"));
  });
});

test("a column's words for blank: 终身 is no policy term", () => {
  const term = { type: "int" as const, blankWords: ["终身", "whole life"] };
  expect(parseCell(term, "终身")).toEqual(ok(undefined));
  expect(parseCell(term, "Whole Life")).toEqual(ok(undefined));
  expect(parseCell(term, "20年")).toEqual(ok(20));
  expect(parseCell({ type: "int" }, "终身")).toEqual(bad("badInt"));
});

test("a tag holding the quote mark that would wrap it is wrapped in another pair and reads back whole (codec property seed 95200079)", () => {
  // `"!` in English was written `""!"` and read back as `!"`
  for (const tag of ['"!', '"a,b"', "「x」,y", 'a"b,c']) {
    for (const english of [true, false]) expect(parseTags(tagText(tag, english))).toEqual(ok([tag]));
  }
  expect(tagText('"!', true)).toBe("“\"!”");
  expect(tagText("a,b", true)).toBe('"a,b"');
  expect(tagText("a,b", false)).toBe("「a,b」");
});
