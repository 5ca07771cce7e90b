import { describeError, ERROR_KINDS, errorCode } from "../../src/taskpane/errors";
import { LANGS } from "../../src/domain/types";
import { t } from "../../src/taskpane/i18n";

/** Shaped like OfficeExtension.Error: code + English message. */
function officeError(code: string, message = "The operation failed."): Error & { code: string } {
  return Object.assign(new Error(message), { name: "RichApi.Error", code });
}

describe("errors say what to do, in the UI language", () => {
  test.each([
    ["ItemNotFound", "missingItem"],
    ["InvalidArgument", "badValue"],
    ["RequestPayloadSizeLimitExceeded", "tooLarge"],
    ["GeneralException", "excelInternal"],
    ["AccessDenied", "protected"],
    ["InvalidOperationInCellEditMode", "cellEditing"],
    ["ApiNotFound", "unsupported"],
    ["ItemAlreadyExists", "exists"],
    ["ActivityLimitReached", "busy"],
    ["MergedRangeConflict", "inTheWay"],
  ])("Office code %s → %s", (code, kind) => {
    const e = describeError(officeError(code, "Excel's English text"), "zh-CN");
    expect(e.kind).toBe(kind);
    expect(e.code).toBe(code);
    expect(e.title).toBe(t("zh-CN", `err.${kind}.title` as never));
    expect(e.action).toBe(t("zh-CN", `err.${kind}.action` as never));
    expect(e.detail).toBe("Excel's English text");
  });

  test("ItemNotFound tells the manager to set the book up again, in each language", () => {
    expect(describeError(officeError("ItemNotFound"), "zh-CN").action).toContain("建立客户簿");
    expect(describeError(officeError("ItemNotFound"), "zh-TW").action).toContain("建立客戶簿");
    expect(describeError(officeError("ItemNotFound"), "en-US").action).toContain("Set up client book");
  });

  test("a localized message of our own replaces the generic title", () => {
    const ours = Object.assign(new Error("no client"), {
      code: "UnknownClient",
      localized: { "zh-CN": "没有客户 C0009", "zh-TW": "沒有客戶 C0009", "en-US": "There is no client C0009" },
    });
    expect(describeError(ours, "zh-TW")).toMatchObject({ kind: "unknown", title: "沒有客戶 C0009", code: "UnknownClient", action: t("zh-TW", "err.ours.action") });
    // src/excel's CommandError: a known code keeps its kind, but the action does not contradict the precise message.
    const sample = Object.assign(new Error("The book already holds clients"), {
      name: "CommandError",
      code: "ItemAlreadyExists",
      localized: { "zh-CN": "客户表中已有 40 行客户资料，示例簿只能载入空的客户簿。", "zh-TW": "客戶表中已有 40 列客戶資料。", "en-US": "The Clients table already holds 40 clients." },
    });
    expect(describeError(sample, "zh-CN")).toMatchObject({ kind: "exists", title: "客户表中已有 40 行客户资料，示例簿只能载入空的客户簿。", action: "请按上面的提示处理后重试。" });
    expect(describeError(Object.assign(new Error("x"), { code: "NoBook", localized: sample.localized }), "en-US").kind).toBe("missingItem");
    expect(describeError(ours, "zh-TW").detail).toBeUndefined();
    // The domain's CalcError shape: { code, arg, message: Localized }.
    const calc = { code: "review-exists", arg: "date", message: { "zh-CN": "已有检视", "zh-TW": "已有檢視", "en-US": "already reviewed" } };
    expect(describeError(calc, "en-US").title).toBe("already reviewed");
  });

  test("anything else is an unknown failure that keeps its text for support", () => {
    const e = describeError(new TypeError("x is undefined"), "en-US");
    expect(e).toMatchObject({ kind: "unknown", title: "The command did not finish.", detail: "x is undefined" });
    expect(e.code).toBeUndefined();
    expect(describeError("plain string", "en-US").detail).toBe("plain string");
    expect(describeError(undefined, "zh-CN").kind).toBe("unknown");
    expect(describeError(officeError("SomethingNew"), "zh-CN").kind).toBe("unknown");
    expect(describeError(new Error("y".repeat(1000)), "en-US").detail!.length).toBeLessThanOrEqual(301);
  });

  test("every kind has a title and an action in every language", () => {
    for (const lang of LANGS) for (const k of ERROR_KINDS) {
      expect(t(lang, `err.${k}.title`)).not.toBe("");
      expect(t(lang, `err.${k}.action`)).not.toBe("");
    }
  });

  test("errorCode reads only string codes", () => {
    expect(errorCode({ code: 5 })).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
    expect(errorCode(officeError("ItemNotFound"))).toBe("ItemNotFound");
  });
});
