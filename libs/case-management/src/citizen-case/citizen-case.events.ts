import type { DomainEvent } from '@casetrail/event-store';
import type { CaseNumber } from '../shared/case-number/case-number';
import type { AppealOutcome, ClosureReason, DiscoverySource, ErrorCategory, LegalArea, ReviewOutcome } from './catalogue/case-catalogues';

/** ISO calendar date, yyyy-mm-dd. */
export type IsoDate = string;

export interface LegalBasis {
  readonly law: string;
  readonly paragraph: string | null;
  readonly subsection: string | null;
  readonly version: string;
}

export type CaseOpened = DomainEvent<
  'CaseOpened',
  {
    readonly caseId: string;
    readonly caseNumber: CaseNumber;
    /** Pseudonymous reference into the personal-data vault; never a CPR number. */
    readonly citizenRef: string;
    readonly legalArea: LegalArea;
    readonly owningUnit: string;
    readonly openedOn: IsoDate;
  }
>;

export type SanctionImposed = DomainEvent<
  'SanctionImposed',
  {
    readonly sanctionId: string;
    readonly sanctionType: string;
    readonly legalBasis: LegalBasis;
    readonly breachDate: IsoDate;
    readonly period: { readonly from: IsoDate; readonly to: IsoDate };
    /** Integer øre. */
    readonly amountDeductedOre: number;
    readonly decidedOn: IsoDate;
  }
>;

export type CitizenIdentified = DomainEvent<
  'CitizenIdentified',
  { readonly source: DiscoverySource; readonly identifiedOn: IsoDate; readonly note: string | null }
>;

export type SanctionReviewed = DomainEvent<
  'SanctionReviewed',
  {
    readonly sanctionId: string;
    readonly outcome: ReviewOutcome;
    readonly errorCategories: readonly ErrorCategory[];
    readonly wouldChangeOnAppeal: boolean;
    readonly reviewer: string;
    readonly reviewedOn: IsoDate;
  }
>;

export type RepaymentAssessed = DomainEvent<
  'RepaymentAssessed',
  { readonly repaymentId: string; readonly sanctionIds: readonly string[]; readonly amountOre: number; readonly assessedOn: IsoDate }
>;

export type RepaymentScheduled = DomainEvent<'RepaymentScheduled', { readonly repaymentId: string; readonly scheduledFor: IsoDate }>;

export type RepaymentIssued = DomainEvent<'RepaymentIssued', { readonly repaymentId: string; readonly issuedOn: IsoDate }>;

export type AppealLodged = DomainEvent<
  'AppealLodged',
  { readonly appealId: string; readonly sanctionIds: readonly string[]; readonly lodgedOn: IsoDate }
>;

export type AppealDecided = DomainEvent<
  'AppealDecided',
  { readonly appealId: string; readonly outcome: AppealOutcome; readonly decidedOn: IsoDate }
>;

export type CaseClosed = DomainEvent<'CaseClosed', { readonly reason: ClosureReason; readonly closedOn: IsoDate }>;

export type CaseReopened = DomainEvent<'CaseReopened', { readonly reason: string; readonly reopenedOn: IsoDate }>;

/** What a correction may change, per kind of fact. */
export type CorrectionTarget =
  | { readonly kind: 'case'; readonly changes: { readonly owningUnit?: string; readonly legalArea?: LegalArea } }
  | {
      readonly kind: 'sanction';
      readonly sanctionId: string;
      readonly changes: {
        readonly sanctionType?: string;
        readonly legalBasis?: LegalBasis;
        readonly breachDate?: IsoDate;
        readonly period?: { readonly from: IsoDate; readonly to: IsoDate };
        readonly amountDeductedOre?: number;
      };
    }
  | {
      readonly kind: 'review';
      readonly sanctionId: string;
      readonly changes: {
        readonly outcome?: ReviewOutcome;
        readonly errorCategories?: readonly ErrorCategory[];
        readonly wouldChangeOnAppeal?: boolean;
      };
    };

/** A wrong fact corrected by a new fact that names the event it corrects; history is never edited. */
export type FactCorrected = DomainEvent<
  'FactCorrected',
  { readonly correctsEventId: string; readonly target: CorrectionTarget; readonly reason: string }
>;

export type CitizenCaseEvent =
  | CaseOpened
  | SanctionImposed
  | CitizenIdentified
  | SanctionReviewed
  | RepaymentAssessed
  | RepaymentScheduled
  | RepaymentIssued
  | AppealLodged
  | AppealDecided
  | CaseClosed
  | CaseReopened
  | FactCorrected;
