/** A client's profile and family: names, birthdays, work, income, risk profile, contact details. */
import { wholeYearsBetween } from "../domain/dates";
import type { Cadence, Channel, Client, ClientRisk, Gender, MaritalStatus, Tier } from "../domain/types";
import { iso, say, type Ctx } from "./context";
import { birthBack, birthdaySoon, leapBirthFor, type FamilyDraft, type PersonDraft, type Scenario } from "./draft";
import { drawAddress, drawEmail, drawIdNumber } from "./identity";
import { drawGiven, drawSurname, nameText, namePinyin, OUYANG, SURNAMES, type PersonName } from "./names";
import type { Rand } from "./rand";
import { FAMILY_NOTE, HOBBIES, RETIRED_WORK, WINDOWS } from "./texts";
import { drawEmployer, drawIncome, drawOccupation, drawSchooling, OCCUPATIONS, type Occupation } from "./work";

const AGE_BANDS: readonly [number, number, number][] = [
  [25, 34, 20], [35, 44, 28], [45, 54, 25], [55, 64, 17], [65, 78, 10],
];
const AGE_WEIGHTS = AGE_BANDS.map((b) => b[2]);

/** A person's draft with birthday and age on asOf. */
function person(ctx: Ctx, name: PersonName, gender: Gender, birthday: string): PersonDraft {
  return { name, text: nameText(ctx, name), gender, birthday, age: wholeYearsBetween(birthday, ctx.asOf) };
}

/** A different name when a family already uses this one (no draw, so both scripts stay in step). */
function distinct(ctx: Ctx, name: PersonName, taken: readonly string[], gender: Gender): PersonName {
  let n = name;
  for (let k = 1; taken.includes(nameText(ctx, n)) && k < 50; k++) {
    n = { surname: n.surname, given: drawGivenShift(name, gender, k) };
  }
  return n;
}

function drawGivenShift(name: PersonName, gender: Gender, k: number): PersonName["given"] {
  // Rotate through a fixed neighbour list: deterministic and independent of the script.
  const pool = SHIFT[gender];
  return [name.given[0], pool[k % pool.length]];
}

/** Second characters used to tell apart two family members who drew the same name. */
const SHIFT: Record<Gender, PersonName["given"]> = {
  M: [
    { t: ["然", "然"], py: "ran" }, { t: ["帆", "帆"], py: "fan" }, { t: ["远", "遠"], py: "yuan" },
    { t: ["航", "航"], py: "hang" }, { t: ["逸", "逸"], py: "yi" }, { t: ["霖", "霖"], py: "lin" },
  ],
  F: [
    { t: ["妍", "妍"], py: "yan" }, { t: ["宁", "寧"], py: "ning" }, { t: ["清", "清"], py: "qing" },
    { t: ["菲", "菲"], py: "fei" }, { t: ["瑶", "瑤"], py: "yao" }, { t: ["岚", "嵐"], py: "lan" },
  ],
};

export interface Profile {
  self: PersonDraft;
  occupation: Occupation;
  marital: MaritalStatus;
  risk: ClientRisk;
  district: number;
  client: Client;
}

const RISK_BY_AGE: Record<"young" | "middle" | "senior", number[]> = {
  young: [5, 15, 40, 30, 10],
  middle: [5, 25, 40, 22, 8],
  senior: [15, 45, 30, 8, 2],
};

function drawMarital(r: Rand, age: number): MaritalStatus {
  const u = r.float();
  if (age < 28) return u < 0.65 ? "Single" : "Married";
  if (age < 35) return u < 0.25 ? "Single" : u < 0.93 ? "Married" : "Divorced";
  if (age < 65) return u < 0.06 ? "Single" : u < 0.86 ? "Married" : u < 0.96 ? "Divorced" : "Widowed";
  return u < 0.03 ? "Single" : u < 0.72 ? "Married" : u < 0.8 ? "Divorced" : "Widowed";
}

/** The client's own record and the facts later steps need. `manager` is the book's manager for this client. */
export function drawProfile(r: Rand, ctx: Ctx, index: number, scen: Scenario, manager: string): Profile {
  const band = AGE_BANDS[r.weighted(AGE_WEIGHTS)];
  let age = r.int(band[0], band[1]);
  let gender: Gender = r.chance(0.52) ? "F" : "M";
  if (scen.showcase) {
    age = 42;
    gender = "M";
  }
  let birthday = birthBack(ctx, age, r.int(0, 364));
  const soonK = r.int(0, 6);
  if (scen.birthdaySoon) birthday = birthdaySoon(ctx, age, soonK);
  if (scen.leapBirthday) birthday = leapBirthFor(ctx, age);

  let surname = drawSurname(r, ctx);
  if (scen.compoundSurname) surname = OUYANG;
  const name: PersonName = { surname, given: drawGiven(r, gender, age) };
  const self = person(ctx, name, gender, birthday);
  age = self.age;

  const marital: MaritalStatus = scen.showcase ? "Married" : drawMarital(r, age);
  const occupation: Occupation = scen.showcase ? "owner" : drawOccupation(r, age, gender);
  const employer = drawEmployer(r, ctx, occupation, say(ctx, SURNAMES[surname].t));
  const income = drawIncome(r, occupation);

  const riskW = RISK_BY_AGE[age < 35 ? "young" : age < 55 ? "middle" : "senior"];
  let level = r.weighted(riskW) + 1;
  if ((occupation === "owner" || occupation === "finance") && r.chance(0.3)) level = Math.min(5, level + 1);
  if (scen.showcase) level = 4;
  const risk = `C${level}` as ClientRisk;

  // Risk assessments are valid one year; some lapsed, some about to.
  const expired = scen.expiredAssessment || r.chance(0.05);
  const expiring = !expired && (scen.expiringAssessment || r.chance(0.05));
  const assessedAgo = expired ? r.int(370, 800) : expiring ? r.int(337, 362) : r.int(10, 330);
  const unverified = scen.unverified || r.chance(0.08);
  const verifiedAgo = unverified ? r.int(185, 900) : r.int(3, 170);

  const idNumber = drawIdNumber(r, ctx, birthday, gender);
  const hasId = scen.showcase || r.chance(0.9);
  const email = drawEmail(r, ctx, namePinyin(name), +birthday.slice(0, 4));
  const hasEmail = scen.showcase || r.chance(age >= 65 ? 0.35 : 0.8);
  const { address, district } = drawAddress(r, ctx);

  const hobbies = r.sample(HOBBIES, r.int(1, 3)).map((h) => say(ctx, h)).join("、");
  const channelRoll = r.float();
  const preferredChannel: Channel =
    age >= 60 ? (channelRoll < 0.6 ? "T" : channelRoll < 0.95 ? "M" : "E") : channelRoll < 0.5 ? "T" : channelRoll < 0.8 ? "E" : "M";
  // Doctors, teachers and lawyers can't take calls at work.
  const busy = occupation === "doctor" || occupation === "teacher" || occupation === "lawyer";
  const windowRoll = r.float();
  const otherWindow = r.int(1, WINDOWS.length - 1);
  // "Not during working hours" only means something to those who work.
  const noCallP = busy ? 0.6 : occupation === "retired" || occupation === "homemaker" ? 0 : 0.1;
  const windowIndex = windowRoll < noCallP ? 0 : windowRoll < noCallP + (busy ? 0.1 : 0.15) ? otherWindow : -1;
  const contactWindow = windowIndex >= 0 ? say(ctx, WINDOWS[windowIndex]) : undefined;

  const tierRoll = r.float();
  const manualTier: Tier | undefined = scen.manualTier || tierRoll < 0.01 ? (tierRoll < 0.5 ? "A" : "B") : undefined;
  const cadenceRoll = r.float();
  const cadence: Cadence | undefined =
    scen.showcase ? "Quarterly" : manualTier === "A" ? "Monthly" : cadenceRoll < 0.03 ? "Monthly" : cadenceRoll < 0.07 ? "Quarterly" : cadenceRoll < 0.1 ? "Semiannual" : cadenceRoll < 0.12 ? "Annual" : undefined;

  const client: Client = {
    clientId: clientId(index),
    name: self.text,
    gender,
    birthday,
    ...(hasId ? { idNumber } : {}),
    phone: "",
    ...(hasEmail ? { email } : {}),
    address,
    occupation: say(ctx, OCCUPATIONS[occupation].t),
    ...(employer !== undefined ? { employer } : {}),
    hobbies,
    maritalStatus: marital,
    children: 0,
    ...(income !== undefined ? { annualIncome: income } : {}),
    riskLevel: risk,
    riskAssessedOn: iso(ctx.today - assessedAgo),
    ...(manualTier ? { tier: manualTier } : {}),
    preferredChannel,
    ...(contactWindow ? { contactWindow } : {}),
    ...(cadence ? { reviewCadence: cadence } : {}),
    manager,
    verifiedOn: iso(ctx.today - verifiedAgo),
  };
  return { self, occupation, marital, risk, district, client };
}

export function clientId(index: number): string {
  return `C${String(index + 1).padStart(4, "0")}`;
}

/** Spouse, children and parents, consistent with the client's age, marital status and surname. */
export function drawFamily(r: Rand, ctx: Ctx, scen: Scenario, p: Profile): FamilyDraft[] {
  const { self, marital } = p;
  const out: FamilyDraft[] = [];
  const taken = [self.text];
  const add = (f: FamilyDraft): void => {
    out.push(f);
    taken.push(f.text);
  };

  // Spouse: husbands a little older on average.
  let spouseSurname = -1;
  if (marital === "Married") {
    const gap = self.gender === "M" ? -r.int(-1, 5) : r.int(-1, 6);
    const age = Math.max(20, self.age + gap);
    const gender: Gender = self.gender === "M" ? "F" : "M";
    spouseSurname = drawSurname(r, ctx);
    if (spouseSurname === self.name.surname) spouseSurname = (spouseSurname + 3) % SURNAMES.length;
    const name = distinct(ctx, { surname: spouseSurname, given: drawGiven(r, gender, age) }, taken, gender);
    const birthday = birthBack(ctx, age, r.int(0, 364));
    const occ = drawOccupation(r, age, gender);
    const work = drawEmployer(r, ctx, occ, say(ctx, SURNAMES[spouseSurname].t));
    const note = r.chance(0.08) ? say(ctx, FAMILY_NOTE.alsoClient) : undefined;
    add({
      ...person(ctx, name, gender, birthday),
      relation: "Spouse",
      ...(occ === "retired" ? { schoolOrWork: say(ctx, RETIRED_WORK) } : work !== undefined ? { schoolOrWork: work } : {}),
      abroad: false,
      ...(note ? { notes: note } : {}),
    });
  }

  // Children: the married, divorced and widowed have them; their surname is the father's.
  let count = 0;
  if (marital !== "Single") {
    const w = self.age < 28 ? [70, 30, 0, 0] : self.age < 33 ? [35, 52, 13, 0] : [12, 50, 33, 5];
    count = r.weighted(w);
  }
  if (scen.showcase) count = 2;
  let prevAge = -1;
  for (let k = 0; k < count; k++) {
    const gap = r.int(23, Math.max(23, Math.min(38, self.age - 1)));
    const spacing = r.int(2, 5);
    let age = k === 0 ? self.age - gap : prevAge - spacing;
    if (scen.showcase) age = k === 0 ? 17 : 8;
    // A younger child not born yet: the family is complete (a baby of this year at most).
    if (age < 0 && prevAge <= 0) break;
    age = Math.max(0, age);
    prevAge = age;
    const girl = r.chance(0.5);
    const gender: Gender = girl || (scen.showcase && k === 0) ? "F" : "M";
    const exSurname = drawSurname(r, ctx);
    const surname = self.gender === "M" ? self.name.surname : spouseSurname >= 0 ? spouseSurname : exSurname;
    const name = distinct(ctx, { surname, given: drawGiven(r, gender, age) }, taken, gender);
    // A baby is born some weeks to months before asOf; older children on any day of their year.
    const offset = r.int(0, 364);
    const birthday = age === 0 ? iso(ctx.today - 20 - (offset % 330)) : birthBack(ctx, age, offset);
    const school = drawSchooling(r, ctx, age, say(ctx, SURNAMES[surname].t));
    add({
      ...person(ctx, name, gender, birthday),
      relation: "Child",
      ...(school.schoolOrWork !== undefined ? { schoolOrWork: school.schoolOrWork } : {}),
      abroad: school.abroad,
    });
  }

  // Parents of younger clients, when the manager knows them.
  const withParents = scen.showcase || (self.age <= 62 && r.chance(0.45));
  const fatherAge = self.age + r.int(25, 33);
  const motherGap = r.int(0, 4);
  const fatherAlive = r.chance(0.8);
  const motherAlive = r.chance(0.88);
  const motherSurname = drawSurname(r, ctx);
  const fGiven = drawGiven(r, "M", fatherAge);
  const mGiven = drawGiven(r, "F", fatherAge);
  const fOffset = r.int(0, 364);
  const mOffset = r.int(0, 364);
  const parentNote = r.chance(0.2);
  if (withParents) {
    if ((fatherAlive || scen.showcase) && fatherAge <= 92) {
      const name = distinct(ctx, { surname: self.name.surname, given: fGiven }, taken, "M");
      add({
        ...person(ctx, name, "M", birthBack(ctx, fatherAge, fOffset)),
        relation: "Parent",
        ...(fatherAge >= 60 ? { schoolOrWork: say(ctx, RETIRED_WORK) } : {}),
        abroad: false,
        ...(parentNote ? { notes: say(ctx, FAMILY_NOTE.bloodPressure) } : {}),
      });
    }
    const motherAge = fatherAge - motherGap;
    if ((motherAlive || scen.showcase) && motherAge <= 92) {
      const ms = motherSurname === self.name.surname ? (motherSurname + 5) % SURNAMES.length : motherSurname;
      const name = distinct(ctx, { surname: ms, given: mGiven }, taken, "F");
      add({
        ...person(ctx, name, "F", birthBack(ctx, motherAge, mOffset)),
        relation: "Parent",
        ...(motherAge >= 55 ? { schoolOrWork: say(ctx, RETIRED_WORK) } : {}),
        abroad: false,
      });
    }
  }

  // Now and then a sibling the manager also looks after.
  if (r.chance(0.03)) {
    const age = Math.max(20, self.age - r.int(2, 8));
    const name = distinct(ctx, { surname: self.name.surname, given: drawGiven(r, "F", age) }, taken, "F");
    add({
      ...person(ctx, name, "F", birthBack(ctx, age, r.int(0, 364))),
      relation: "Other",
      abroad: false,
      notes: say(ctx, FAMILY_NOTE.sister),
    });
  }

  // Someone in the family has a birthday this week (the showcase: the younger child).
  const k = r.int(0, 6);
  if (scen.familyBirthdaySoon && out.length > 0) {
    const f = out.find((x) => x.relation === "Child" && x.age >= 1 && x.age <= 12) ?? out[0];
    f.birthday = birthdaySoon(ctx, f.age, k);
    f.age = wholeYearsBetween(f.birthday, ctx.asOf);
  }
  return out;
}
