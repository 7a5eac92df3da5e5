import { DomainError } from '../shared/domain-error';
import type { InquiryState } from './inquiry.state';

/** The inquiry must have been received (404 otherwise) and not yet answered (409): one answer per inquiry. */
export function requireUnanswered(state: InquiryState): void {
  if (state.status === 'NONE') throw new DomainError('INQUIRY.NOT_FOUND', 'No such inquiry', { kind: 'not_found' });
  if (state.status === 'ANSWERED') throw new DomainError('INQUIRY.ALREADY_ANSWERED', 'This inquiry has already been answered', { kind: 'conflict' });
}
