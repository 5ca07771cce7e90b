/** The client's tags and confidential notes, written from what the generator knows about them. */
import type { Client } from "../domain/types";
import { say, wan, type Ctx, type T } from "./context";
import type { FamilyDraft, HoldingDraft, Scenario } from "./draft";
import type { Rand } from "./rand";
import { NOTE, TAG, WINDOWS } from "./texts";
import type { Occupation } from "./work";

export interface FinishInput {
  scen: Scenario;
  client: Client;
  age: number;
  level: number;
  occupation: Occupation;
  family: readonly FamilyDraft[];
  holdings: readonly HoldingDraft[];
  inForcePolicies: number;
  wealth: number;
  otherWealth: number;
}

/** Tags and notes, each drawn with its own roll so the set is stable whatever else changes. */
export function tagsAndNotes(r: Rand, ctx: Ctx, x: FinishInput): { tags?: string[]; notes?: string } {
  const kids = x.family.filter((f) => f.relation === "Child");
  const current = x.holdings.filter((h) => !h.sold).map((h) => h.h);
  // Mortgages are the only loans of 20 years or more.
  const mortgage = x.holdings.find((h) => !h.sold && h.loan && h.loan.months >= 240)?.h;
  const abroad = kids.find((k) => k.abroad);
  const rolls = Array.from({ length: 24 }, () => r.float());

  const tags: T[] = [];
  if (kids.some((k) => k.age < 18) && rolls[0] < 0.85) tags.push(TAG.kids);
  if (abroad) tags.push(TAG.studyAbroad);
  if ((abroad && rolls[1] < 0.6) || (!abroad && rolls[1] < 0.04)) tags.push(TAG.fx);
  if (x.age >= 50 && x.age <= 62 && rolls[2] < 0.6) tags.push(TAG.retirement);
  if (x.occupation === "retired" && rolls[3] < 0.5) tags.push(TAG.pension);
  if (x.wealth + x.otherWealth >= 6_000_000) tags.push(TAG.highNetWorth);
  if (x.level >= 3 && current.some((h) => h.assetClass === "Fund") && (rolls[4] < 0.5 || x.scen.showcase)) tags.push(TAG.newFund);
  if (x.client.contactWindow === say(ctx, WINDOWS[0])) tags.push(TAG.noCallAtWork);
  if (mortgage && rolls[5] < 0.6) tags.push(TAG.mortgage);
  if (x.occupation === "owner" && rolls[6] < 0.7) tags.push(TAG.owner);
  if (rolls[7] < 0.06) tags.push(TAG.referral);
  if (x.inForcePolicies >= 4 && rolls[8] < 0.5) tags.push(TAG.insured);
  if (x.level <= 2 && rolls[9] < 0.4) tags.push(TAG.capitalSafe);

  const notes: T[] = [];
  const daughterOrSon = (k: FamilyDraft): boolean => k.gender === "F";
  const senior = kids.find((k) => k.age === 17);
  const teen = kids.find((k) => k.age === 16 || k.age === 17);
  if (teen && (rolls[10] < 0.5 || x.scen.showcase)) notes.push(NOTE.studyNextYear(daughterOrSon(teen)));
  else if (senior && rolls[10] < 0.8) notes.push(NOTE.gaokao(daughterOrSon(senior)));
  if (abroad && abroad.schoolOrWork && rolls[11] < 0.6) notes.push(NOTE.abroadFees(daughterOrSon(abroad), abroad.schoolOrWork));
  const father = x.family.find((f) => f.relation === "Parent" && f.gender === "M");
  if (father && father.age >= 65 && rolls[12] < 0.15) notes.push(NOTE.fatherInHospital);
  if (x.occupation === "owner" && rolls[13] < 0.25) notes.push(NOTE.expandBusiness);
  if (mortgage && rolls[14] < 0.2) notes.push(NOTE.prepay(wan(ctx, Math.round(mortgage.amount * 0.3 / 100_000) * 100_000 || 100_000)));
  if (rolls[15] < 0.05) notes.push(NOTE.moveHouse);
  if (x.family.some((f) => f.relation === "Spouse") && rolls[16] < 0.08) notes.push(NOTE.spouseElsewhere);
  if (x.level >= 3 && rolls[17] < 0.08) notes.push(NOTE.volatility);
  if (x.occupation === "retired" && rolls[18] < 0.3) notes.push(NOTE.pensionHere);
  if (x.wealth >= 10_000_000 && rolls[19] < 0.4) notes.push(NOTE.familyTrust);
  if (rolls[20] < 0.04) notes.push(NOTE.bringPlan);
  if (rolls[21] < 0.03) notes.push(NOTE.referral);
  if (x.client.maritalStatus === "Widowed" && rolls[22] < 0.5) notes.push(NOTE.lostSpouse);

  return {
    ...(tags.length > 0 ? { tags: tags.map((t) => say(ctx, t)) } : {}),
    ...(notes.length > 0 ? { notes: notes.slice(0, 2).map((t) => say(ctx, t)).join("；") } : {}),
  };
}
