/**
 * The figures at the top of a client's page: where the money is, tier, risk profile, when the next review is
 * due, the protection gaps and the last contact. Everything comes from src/domain; this only gathers it.
 */
import { inBookCurrency } from "../../domain/fx";
import { cadenceMonths, clientCadence, dayDiff } from "../../domain/cadence";
import { lastContact } from "../../domain/contacts";
import { addMonths } from "../../domain/dates";
import { clientFigures } from "../../domain/figures";
import { clientProtection } from "../../domain/protection";
import { reviewComparison, type PeriodReturn } from "../../domain/reviewPeriods";
import { reviewDates } from "../../domain/reviews";
import { assessmentExpiry, riskAssessmentStatus, type AssessmentStatus } from "../../domain/suitability";
import type { ClientTier } from "../../domain/tiers";
import type { AmountUnit, Book, Cadence, Client, ClientRisk, Contact, IsoDate, Relation, Tier } from "../../domain/types";

export interface KeyFigures {
  client: Client;
  /** Financial assets at this bank / elsewhere; non-financial (home, property, 自有) apart — src/domain/figures. */
  thisBank: number;
  otherBanks: number;
  nonFinancial: number;
  /** Financial assets here ÷ all financial assets; absent without financial assets. */
  walletShare?: number;
  assets: number;
  liabilities: number;
  netWorth: number;
  tier: Tier;
  /** True when the tier is the manual one from the Clients table. */
  tierManual: boolean;
  /** Share of all assets at this bank. */
  tierShare: number;
  riskLevel?: ClientRisk;
  assessment: AssessmentStatus;
  assessedOn?: IsoDate;
  /** First anniversary of the assessment. */
  assessmentExpires?: IsoDate;
  cadence: Cadence;
  lastReview?: IsoDate;
  /** Last review + cadence; asOf when never reviewed (due now). */
  nextReview: IsoDate;
  /** Negative = overdue. */
  reviewDaysUntil: number;
  /** Change of total assets since the last review, with the measure it is (simple or Modified Dietz). */
  returnSinceLast?: PeriodReturn;
  protection?: {
    lifeGap: number;
    criticalIllnessGap: number;
    lifeNeed: number;
    criticalIllnessNeed: number;
    noCriticalIllness: boolean;
    noIncome: boolean;
    uncoveredMembers: { name: string; relation: Relation }[];
  };
  lastContact?: Contact;
  /** The book's display unit for amounts (Settings AmountUnit). */
  amountUnit: AmountUnit;
}

/** Undefined when the client is not in the book (e.g. removed by a colleague since the page opened). */
export function keyFigures(book: Book, clientId: string, tiers: ReadonlyMap<string, ClientTier>, asOf: IsoDate): KeyFigures | undefined {
  book = inBookCurrency(book, asOf); // every amount in the book currency (issue #16)
  const client = book.clients.find((c) => c.clientId === clientId);
  if (!client) return undefined;
  const alloc = clientFigures(book, clientId, asOf);
  const t = tiers.get(clientId);
  const tier = t?.tier ?? client.tier ?? "C";
  const cadence = clientCadence(client, tier);
  const dates = reviewDates(book, clientId).filter((d) => d <= asOf);
  const lastReview = dates[dates.length - 1];
  const nextReview = lastReview ? addMonths(lastReview, cadenceMonths(cadence)) : asOf;

  const out: KeyFigures = {
    client,
    thisBank: alloc.thisBank,
    otherBanks: alloc.otherBanks,
    nonFinancial: alloc.nonFinancial,
    assets: alloc.assets,
    liabilities: alloc.liabilities,
    netWorth: alloc.netWorth,
    tier,
    tierManual: t?.manual !== undefined,
    tierShare: t?.share ?? 0,
    assessment: riskAssessmentStatus(client.riskAssessedOn, asOf),
    cadence,
    nextReview,
    reviewDaysUntil: dayDiff(asOf, nextReview),
    amountUnit: book.settings.amountUnit ?? "Yuan",
  };
  if (alloc.walletShare !== undefined) out.walletShare = alloc.walletShare;
  if (client.riskLevel) out.riskLevel = client.riskLevel;
  if (client.riskAssessedOn) {
    out.assessedOn = client.riskAssessedOn;
    out.assessmentExpires = assessmentExpiry(client.riskAssessedOn);
  }
  if (lastReview) out.lastReview = lastReview;
  const cmp = reviewComparison(book, clientId, asOf);
  if (cmp.returnSinceLast) out.returnSinceLast = cmp.returnSinceLast;
  const p = clientProtection(book, clientId, asOf);
  if (p.ok) {
    out.protection = {
      lifeGap: p.value.gap.life,
      criticalIllnessGap: p.value.gap.criticalIllness,
      lifeNeed: p.value.need.life,
      criticalIllnessNeed: p.value.need.criticalIllness,
      noCriticalIllness: p.value.noCriticalIllness,
      noIncome: p.value.noIncome,
      uncoveredMembers: p.value.uncoveredMembers,
    };
  }
  const lc = lastContact(book.contacts, clientId, asOf);
  if (lc) out.lastContact = lc;
  return out;
}
