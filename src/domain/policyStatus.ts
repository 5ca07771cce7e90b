/**
 * A policy's Status (状态 / 狀態) as the Policies table writes and reads it — 有效 / 失效 / 满期 (滿期 in zh-TW; In
 * force / Lapsed / Matured) and the other spellings managers use — in one list: the book's code list
 * (src/book/codes.ts policyStatus) and RM.NEXTPREMIUM's `status` argument read the same labels and spellings.
 * Only a policy in force has premiums due (src/domain/premiums.ts premiumsDue): under 保险法 art. 36–37 a policy whose
 * premium goes unpaid past the grace period is suspended (合同效力中止, 失效), and a matured policy's term is over.
 */
import type { Localized, Result } from "./result";
import { codeListReader } from "./spelling";
import { POLICY_STATUSES, type PolicyStatus } from "./types";

/** The label a Status cell shows, per language. */
export const POLICY_STATUS_LABELS: Readonly<Record<PolicyStatus, Localized>> = {
  InForce: { "zh-CN": "有效", "zh-TW": "有效", "en-US": "In force" },
  Lapsed: { "zh-CN": "失效", "zh-TW": "失效", "en-US": "Lapsed" },
  Matured: { "zh-CN": "满期", "zh-TW": "滿期", "en-US": "Matured" },
};

/** Other spellings of each status, in any language; the code and every label are accepted too. */
export const POLICY_STATUS_ALIASES: Readonly<Record<PolicyStatus, readonly string[]>> = {
  InForce: ["生效", "保障中", "active", "in force"],
  Lapsed: ["停效", "中止", "lapse"],
  Matured: ["期满", "期滿", "到期", "mature"],
};

const STATUS_EXPECTED: Localized = {
  "zh-CN": "应为保单状态：有效/失效/满期（或 In force/Lapsed/Matured），与保单表「状态」列相同",
  "zh-TW": "應為保單狀態：有效/失效/滿期（或 In force/Lapsed/Matured），與保單表「狀態」欄相同",
  "en-US": "must be a policy status as the Policies table's Status column takes it: In force/Lapsed/Matured (or 有效/失效/满期)",
};

const readStatus = codeListReader(POLICY_STATUSES, POLICY_STATUS_LABELS, POLICY_STATUS_ALIASES, "bad-status", STATUS_EXPECTED);

/** A policy status typed as the Policies table accepts it (any language, case, spaces and punctuation). */
export function parsePolicyStatus(x: unknown, arg = "status"): Result<PolicyStatus, "bad-status"> {
  return readStatus(x, arg);
}
