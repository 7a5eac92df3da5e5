import type { Aggregate } from '@casetrail/event-store';
import type { InquiryEvent, InquiryScope } from './inquiry.events';

export interface InquiryState {
  readonly status: 'NONE' | 'RECEIVED';
  readonly inquiryId: string | null;
  readonly from: string | null;
  readonly question: string | null;
  readonly scope: InquiryScope | null;
  readonly deadline: string | null;
  readonly receivedOn: string | null;
}

export function initialInquiryState(): InquiryState {
  return { status: 'NONE', inquiryId: null, from: null, question: null, scope: null, deadline: null, receivedOn: null };
}

export function evolveInquiry(state: InquiryState, event: InquiryEvent): InquiryState {
  switch (event.type) {
    case 'InquiryReceived':
      return { ...state, status: 'RECEIVED', ...event.data };
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
