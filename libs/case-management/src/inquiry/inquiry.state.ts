import type { Aggregate } from '@casetrail/event-store';
import type { AnswerApproval, AnswerReport, InquiryEvent, InquiryScope } from './inquiry.events';

export interface AnswerDraft {
  readonly draftId: string;
  readonly report: AnswerReport;
  readonly note: string | null;
  readonly draftedOn: string;
}

export interface InquiryAnswer {
  readonly draftId: string;
  readonly report: AnswerReport;
  readonly approval: AnswerApproval | null;
  readonly answeredOn: string;
}

export interface InquiryState {
  readonly status: 'NONE' | 'RECEIVED' | 'ANSWERED';
  readonly inquiryId: string | null;
  readonly from: string | null;
  readonly question: string | null;
  readonly scope: InquiryScope | null;
  readonly deadline: string | null;
  readonly receivedOn: string | null;
  /** By draft id, in the order drafted. */
  readonly drafts: Readonly<Record<string, AnswerDraft>>;
  readonly answer: InquiryAnswer | null;
}

export function initialInquiryState(): InquiryState {
  return { status: 'NONE', inquiryId: null, from: null, question: null, scope: null, deadline: null, receivedOn: null, drafts: {}, answer: null };
}

export function evolveInquiry(state: InquiryState, event: InquiryEvent): InquiryState {
  switch (event.type) {
    case 'InquiryReceived':
      return { ...state, status: 'RECEIVED', ...event.data };
    case 'InquiryAnswerDrafted': {
      const { draftId, report, note, draftedOn } = event.data;
      return { ...state, drafts: { ...state.drafts, [draftId]: { draftId, report, note, draftedOn } } };
    }
    case 'InquiryAnswered': {
      const { draftId, report, approval, answeredOn } = event.data;
      return { ...state, status: 'ANSWERED', answer: { draftId, report, approval, answeredOn } };
    }
    default:
      return state;
  }
}

/** The inquiry's fold, shared by the write side and auditors' replays. */
export const inquiry: Aggregate<InquiryState, InquiryEvent> = {
  initialState: initialInquiryState,
  evolve: evolveInquiry,
};

export const INQUIRY_STREAM_PREFIX = 'inquiry-';

export function inquiryStream(inquiryId: string): string {
  return `${INQUIRY_STREAM_PREFIX}${inquiryId}`;
}
