import { LEGAL_AREAS } from '../../citizen-case/catalogue/case-catalogues';
import { findSanctionType } from '../../citizen-case/catalogue/sanction-types';
import { effectiveDate, requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { InquiryReceived, InquiryScope } from '../inquiry.events';
import type { InquiryState } from '../inquiry.state';
import type { ReceiveInquiryCommand } from './receive-inquiry.command';

export function receiveInquiry(command: ReceiveInquiryCommand, state: InquiryState): InquiryReceived[] {
  if (state.status !== 'NONE') throw new DomainError('INQUIRY.ALREADY_RECEIVED', 'This inquiry has already been received', { kind: 'conflict' });
  const { payload } = command;
  const from = payload.from.trim();
  if (from === '') throw new DomainError('INQUIRY.SENDER_MISSING', 'Name who sent the inquiry', { field: 'from' });
  const question = payload.question.trim();
  if (question === '') throw new DomainError('INQUIRY.QUESTION_MISSING', 'Record the question asked', { field: 'question' });
  const scope = readScope(payload.scope);
  const receivedOn = payload.receivedOn === undefined ? effectiveDate(command.context) : requireIsoDate(payload.receivedOn, 'receivedOn');
  const deadline = requireIsoDate(payload.deadline, 'deadline');
  if (deadline < receivedOn) throw new DomainError('INQUIRY.DEADLINE_BEFORE_RECEIPT', 'The deadline is before the inquiry was received', { field: 'deadline' });
  return [{ type: 'InquiryReceived', data: { inquiryId: command.inquiryId, from, question, scope, deadline, receivedOn } }];
}

function readScope(scope: ReceiveInquiryCommand['payload']['scope']): InquiryScope {
  const legalArea = scope.legalArea ?? null;
  if (legalArea !== null && !LEGAL_AREAS.includes(legalArea)) {
    throw new DomainError('INQUIRY.UNKNOWN_LEGAL_AREA', `Legal area must be one of ${LEGAL_AREAS.join(', ')}`, { field: 'scope.legalArea' });
  }
  const sanctionTypes = [...new Set(scope.sanctionTypes ?? [])];
  const unknown = sanctionTypes.find((code) => !findSanctionType(code));
  if (unknown !== undefined) {
    throw new DomainError('INQUIRY.UNKNOWN_SANCTION_TYPE', `${unknown} is not in the sanction-type catalogue`, { field: 'scope.sanctionTypes' });
  }
  if (!scope.period) return { legalArea, sanctionTypes, period: null };
  const period = { from: requireIsoDate(scope.period.from, 'scope.period.from'), to: requireIsoDate(scope.period.to, 'scope.period.to') };
  if (period.to < period.from) throw new DomainError('INQUIRY.PERIOD_INVERTED', 'The period ends before it begins', { field: 'scope.period.to' });
  return { legalArea, sanctionTypes, period };
}
