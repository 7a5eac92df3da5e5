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

export type InquiryEvent = InquiryReceived;
