import type { DomainEvent } from '@casetrail/event-store';
import type { LegalArea } from '../citizen-case/catalogue/case-catalogues';

/** ISO calendar date, yyyy-mm-dd. */
type IsoDate = string;

/** What the inquiry asks about; an absent part does not narrow it. */
export interface InquiryScope {
  readonly legalArea: LegalArea | null;
  /** Codes from the sanction-type catalogue. */
  readonly sanctionTypes: readonly string[];
  readonly period: { readonly from: IsoDate; readonly to: IsoDate } | null;
}

/** An inquiry from Ankestyrelsen (or another authority) reached the municipality. */
export type InquiryReceived = DomainEvent<
  'InquiryReceived',
  {
    readonly inquiryId: string;
    /** Who sent it, e.g. "Ankestyrelsen". */
    readonly from: string;
    readonly question: string;
    readonly scope: InquiryScope;
    readonly deadline: IsoDate;
    readonly receivedOn: IsoDate;
  }
>;

/**
 * A report as an answer carries it: its JSON as computed, and what it was computed from, so that
 * it can be recomputed later and compared byte for byte (canonical JSON).
 */
export interface AnswerReport {
  /** The report's kind, e.g. SANCTION_REVIEW. */
  readonly kind: string;
  /** The parameters as the report states them, every default explicit. */
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The global position the report read the log through (decimal). */
  readonly position: string;
  /** The inclusive recorded-time cutoff (ISO 8601, UTC). */
  readonly recordedCutoff: string;
  /** The report's JSON. */
  readonly report: Readonly<Record<string, unknown>>;
}

/** An answer was drafted: a report computed for the inquiry, for review before it is sent. */
export type InquiryAnswerDrafted = DomainEvent<
  'InquiryAnswerDrafted',
  {
    readonly inquiryId: string;
    readonly draftId: string;
    readonly report: AnswerReport;
    readonly note: string | null;
    readonly draftedOn: IsoDate;
  }
>;

/** The committee decision that approved sending the answer. */
export interface AnswerApproval {
  readonly committeeItemId: string;
  /** The decision's outcome code, e.g. ENDORSED, as the item stood when the answer was recorded. */
  readonly outcome: string;
}

/** The inquiry was answered with a drafted report; one answer per inquiry. */
export type InquiryAnswered = DomainEvent<
  'InquiryAnswered',
  {
    readonly inquiryId: string;
    readonly draftId: string;
    readonly report: AnswerReport;
    readonly approval: AnswerApproval | null;
    readonly answeredOn: IsoDate;
  }
>;

export type InquiryEvent = InquiryReceived | InquiryAnswerDrafted | InquiryAnswered;
