import { parseCaseNumber } from '../../shared/case-number/case-number';
import { effectiveDate, requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import { LEGAL_AREAS } from '../catalogue/case-catalogues';
import type { CaseOpened } from '../citizen-case.events';
import type { CitizenCaseState } from '../citizen-case.state';
import type { OpenCaseCommand } from './open-case.command';

export function openCase(command: OpenCaseCommand, state: CitizenCaseState): CaseOpened[] {
  if (state.status !== 'NONE') throw new DomainError('CASE.ALREADY_OPENED', 'This case has already been opened', { kind: 'conflict' });
  const { payload } = command;
  if (!LEGAL_AREAS.includes(payload.legalArea)) {
    throw new DomainError('CASE.UNKNOWN_LEGAL_AREA', `Legal area must be one of ${LEGAL_AREAS.join(', ')}`, { field: 'legalArea' });
  }
  if (payload.owningUnit.trim() === '') throw new DomainError('CASE.OWNING_UNIT_MISSING', 'Name the owning unit', { field: 'owningUnit' });
  return [
    {
      type: 'CaseOpened',
      data: {
        caseId: command.caseId,
        caseNumber: parseCaseNumber(payload.caseNumber),
        citizenRef: payload.citizenRef,
        legalArea: payload.legalArea,
        owningUnit: payload.owningUnit.trim(),
        openedOn: payload.openedOn === undefined ? effectiveDate(command.context) : requireIsoDate(payload.openedOn, 'openedOn'),
      },
    },
  ];
}
