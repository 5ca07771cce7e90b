/**
 * The mother and son who are both clients (issue 15): a top performer told a mother about her son's account and
 * lost him. The sample links such a pair so the demo shows the warning that their accounts are separate: a
 * married woman client's son becomes another (male) client of the right age, her husband his father, and she his
 * mother — each family row naming the other's client id (FamilyMember.linkedClientId).
 *
 * Deterministic: the first pair in book order, among the first SEARCH clients, that fits without changing any
 * count (the mother's children, the son's parents). The showcase client (C0001) is left as it is.
 */
import type { ClientDraft, FamilyDraft } from "./draft";

/** Only the first clients are searched: the pair is for the demo, and a 50,000-client book must stay fast. */
const SEARCH = 400;
/** The son's age differs from the child he replaces by at most this many years. */
const AGE_SLACK = 2;

export interface LinkedPair {
  mother: number;
  son: number;
}

/** The first mother/son pair that fits, as indexes into `drafts`; undefined when none does. */
export function findMotherAndSon(drafts: readonly ClientDraft[]): LinkedPair | undefined {
  const n = Math.min(drafts.length, SEARCH);
  for (let m = 0; m < n; m++) {
    const mother = drafts[m];
    if (mother.scen.showcase || mother.self.gender !== "F" || mother.client.maritalStatus !== "Married") continue;
    if (!mother.family.some((f) => f.relation === "Spouse")) continue;
    for (const child of mother.family) {
      if (child.relation !== "Child" || child.gender !== "M") continue;
      for (let s = 0; s < n; s++) {
        const son = drafts[s];
        if (s === m || son.scen.showcase || son.self.gender !== "M") continue;
        if (Math.abs(son.self.age - child.age) > AGE_SLACK || mother.self.age - son.self.age < 20) continue;
        // His father becomes her husband: the son keeps his father's surname and the mother's family its size.
        if (!son.family.some((f) => f.relation === "Parent" && f.gender === "M")) continue;
        return { mother: m, son: s };
      }
    }
  }
  return undefined;
}

/** Links the pair in place: her son and husband become his self and father, she becomes his mother. */
export function linkMotherAndSon(drafts: ClientDraft[], pair: LinkedPair): void {
  const mother = drafts[pair.mother];
  const son = drafts[pair.son];
  const father = son.family.find((f) => f.relation === "Parent" && f.gender === "M") as FamilyDraft;
  const childAt = mother.family.findIndex((f) => f.relation === "Child" && f.gender === "M" && Math.abs(son.self.age - f.age) <= AGE_SLACK);
  const spouseAt = mother.family.findIndex((f) => f.relation === "Spouse");
  // Her policies on her husband and son now insure (and benefit) the men they became.
  const renamed = new Map([[mother.family[spouseAt].text, father.text], [mother.family[childAt].text, son.self.text]]);
  for (const p of mother.policies) {
    p.insured = renamed.get(p.insured) ?? p.insured;
    if (p.beneficiary !== undefined) p.beneficiary = renamed.get(p.beneficiary) ?? p.beneficiary;
  }
  const { abroad, schoolOrWork } = mother.family[spouseAt];
  mother.family[spouseAt] = { ...father, relation: "Spouse", abroad, ...(schoolOrWork !== undefined ? { schoolOrWork } : {}) };
  mother.family[childAt] = {
    ...son.self,
    relation: "Child",
    abroad: false,
    ...(son.client.employer !== undefined ? { schoolOrWork: son.client.employer } : {}),
    linkedClientId: son.client.clientId,
  };
  const asMother: FamilyDraft = { ...mother.self, relation: "Parent", abroad: false, linkedClientId: mother.client.clientId };
  const motherAt = son.family.findIndex((f) => f.relation === "Parent" && f.gender === "F");
  if (motherAt >= 0) son.family[motherAt] = asMother;
  else son.family.push(asMother);
}
