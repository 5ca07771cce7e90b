import { sampleBook } from "../../src/sample";
import { LANGS, type Lang } from "../../src/domain/types";
import { blankValues, checkRecord, choiceOptions, formFields, reasonText, recordToValues, type FormTable } from "../../src/taskpane/model/recordForm";

const asOf = "2025-03-15";
const ctx = (lang: Lang = "zh-CN", clientId = "C0001") => ({ asOf, lang, clientId });

describe("form fields", () => {
  test("child tables hide the owning client id; ids are read-only; coded columns are choices", () => {
    const holdings = formFields("holdings");
    expect(holdings.map((f) => f.field)).not.toContain("clientId");
    expect(holdings.find((f) => f.field === "holdingId")?.readOnly).toBe(true);
    expect(holdings.find((f) => f.field === "assetClass")).toMatchObject({ kind: "choice", list: "assetClass", required: true });
    expect(holdings.find((f) => f.field === "maturityDate")?.kind).toBe("date");
    expect(holdings.find((f) => f.field === "amount")?.kind).toBe("amount");
    expect(formFields("policies").find((f) => f.field === "criticalIllness")).toMatchObject({ kind: "choice", list: "yesNo" });
    expect(formFields("clients").find((f) => f.field === "clientId")?.readOnly).toBe(true);
  });

  test("the income's currency (IncomeCurrency, appended last to Clients) is asked right after the income, as a choice", () => {
    const fields = formFields("clients").map((f) => f.field);
    expect(fields[fields.indexOf("annualIncome") + 1]).toBe("incomeCurrency");
    expect(fields.filter((f) => f === "incomeCurrency")).toHaveLength(1);
    expect(formFields("clients").find((f) => f.field === "incomeCurrency")).toMatchObject({ kind: "choice", required: false });
  });

  test("choices list every code with its label in the UI language", () => {
    expect(choiceOptions("relation", "zh-CN")).toEqual([
      { value: "Spouse", label: "配偶" }, { value: "Child", label: "子女" }, { value: "Parent", label: "父母" }, { value: "Other", label: "其他" },
    ]);
    expect(choiceOptions("policyStatus", "zh-TW").map((o) => o.label)).toEqual(["有效", "失效", "滿期"]);
  });
});

describe("records round-trip through the form unchanged", () => {
  const book = sampleBook(asOf);
  const tables: FormTable[] = ["clients", "family", "holdings", "policies"];
  const clientIds = new Set(book.clients.map((c) => c.clientId)); // the mother and son link each other
  for (const lang of LANGS) {
    test(`every sample record, ${lang}`, () => {
      for (const table of tables) {
        for (const rec of book[table]) {
          const r = checkRecord(table, recordToValues(table, rec as never, lang), { ...ctx(lang, rec.clientId), clientIds });
          expect(r.errors).toEqual({});
          expect(r.record).toEqual(rec);
        }
      }
    });
  }
});

describe("validation follows the codec, with messages per field in the UI language", () => {
  test("required fields of a blank record", () => {
    const r = checkRecord("holdings", blankValues("holdings", { holdingId: "H00009" }, "zh-CN"), ctx());
    expect(r.record).toBeUndefined();
    expect(Object.keys(r.errors).sort()).toEqual(["amount", "assetClass", "productName"]);
    expect(r.errors.amount).toBe("必填，不能为空");
  });

  test("an all-blank record reports every required field", () => {
    const r = checkRecord("family", { name: "", relation: "" }, ctx("en-US"));
    expect(r.errors).toEqual({ name: "is required", relation: "is required" });
  });

  test("dates, amounts, codes and cross-field rules", () => {
    const v = { ...blankValues("holdings", { holdingId: "H00009" }, "zh-CN"), assetClass: "Fund", productName: "新基金", amount: "-5", startDate: "2025-02-30" };
    const r = checkRecord("holdings", v, ctx());
    expect(r.errors.amount).toBe("“-5” 不能为负数");
    expect(r.errors.startDate).toMatch(/^“2025-02-30” 不是有效日期/);

    const m = checkRecord("holdings", { ...v, amount: "5万", startDate: "2025-03-01", maturityDate: "2025-01-01" }, ctx("en-US"));
    expect(m.errors).toEqual({ maturityDate: 'maturity "2025-01-01" is before the start date 2025-03-01' });

    const ok = checkRecord("holdings", { ...v, amount: "5万", startDate: "2025-03-01" }, ctx());
    expect(ok.errors).toEqual({});
    expect(ok.record).toMatchObject({ amount: 50000, clientId: "C0001", institution: "ThisBank", assetClass: "Fund" });
  });

  test("a birthday after today is refused; coded values in any language are accepted", () => {
    const r = checkRecord("family", { name: "李明", relation: "儿子", birthday: "2026-01-01" }, ctx("zh-TW"));
    expect(r.errors).toEqual({ birthday: "“2026-01-01” 晚於 2025-03-15，生日不可在未來" });
    const ok = checkRecord("family", { name: "李明", relation: "儿子", birthday: "2015-06-01" }, ctx());
    expect(ok.record).toEqual({ clientId: "C0001", name: "李明", relation: "Child", birthday: "2015-06-01" });
  });

  test("a family member's linked client id must name another client of the book (issue 15)", () => {
    const clientIds = new Set(["C0001", "C0018", "C0022"]);
    expect(formFields("family").find((f) => f.field === "linkedClientId")).toMatchObject({ readOnly: false, required: false, kind: "text" });
    const ok = checkRecord("family", { name: "金庆文", relation: "子女", linkedClientId: "c0018" }, { ...ctx("zh-CN", "C0022"), clientIds });
    expect(ok.record).toEqual({ clientId: "C0022", name: "金庆文", relation: "Child", linkedClientId: "C0018" });
    const unknown = checkRecord("family", { name: "金庆文", relation: "子女", linkedClientId: "C0099" }, { ...ctx("zh-CN", "C0022"), clientIds });
    expect(unknown.errors).toEqual({ linkedClientId: "客户编号 “C0099” 不在「客户」表中" });
    const self = checkRecord("family", { name: "曹琳芳", relation: "其他", linkedClientId: "C0022" }, { ...ctx("en-US", "C0022"), clientIds });
    expect(self.errors).toEqual({ linkedClientId: '"C0022" is the client this family member belongs to; a linked client id names another client' });
    // without the book's clients, only the record's own client is known: any other link is refused, never let through
    expect(checkRecord("family", { name: "金庆文", relation: "子女", linkedClientId: "C0018" }, ctx("zh-CN", "C0022")).errors).toHaveProperty("linkedClientId");
  });

  test("a bad code names the allowed values", () => {
    const r = checkRecord("clients", { clientId: "C0001", name: "张伟", riskLevel: "C9" }, ctx("en-US"));
    expect(r.errors).toEqual({ riskLevel: '"C9" is not one of: C1, C2, C3, C4, C5' });
  });

  test("reasonText drops the location in every language", () => {
    for (const lang of LANGS) {
      const text = reasonText({ table: "clients", sheet: "客户", row: 12, column: "生日", columnIndex: 3, value: "abc", code: "badDate" }, lang);
      expect(text.startsWith(lang === "en-US" ? '"abc"' : "“abc”")).toBe(true);
      expect(text).not.toContain("12");
    }
    // A reason that starts like the location's words is not cut short.
    expect(reasonText({ table: "clients", sheet: "Clients", row: 3, column: "Client ID", columnIndex: 0, value: "C1", code: "duplicateId", params: { firstRow: 2 } }, "en-US"))
      .toBe('id "C1" repeats row 2 (ids ignore case and full-width forms)');
  });

  test("new records start with sensible defaults", () => {
    expect(blankValues("policies", { policyId: "P00001" }, "zh-CN")).toMatchObject({ policyId: "P00001", status: "InForce", criticalIllness: "No" });
    expect(blankValues("holdings", {}, "en-US").institution).toBe("This bank");
  });
});
