import { DomainError } from '../../shared/domain-error';
import { APPEAL_OUTCOMES } from '../catalogue/case-catalogues';
import type { AppealDecided } from '../citizen-case.events';
import { dateOrEffective, requireCase } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { DecideAppealCommand } from './decide-appeal.command';

export function decideAppeal(command: DecideAppealCommand, state: CitizenCaseState): AppealDecided[] {
  requireCase(state);
  const { appealId, outcome } = command.payload;
  const appeal = state.appeals[appealId];
  if (!appeal) throw new DomainError('APPEAL.NOT_FOUND', `No appeal ${appealId} in this case`, { kind: 'not_found', field: 'appealId' });
  if (appeal.outcome !== null) {
    throw new DomainError(
      'APPEAL.ALREADY_DECIDED',
      `Appeal ${appealId} was decided on ${appeal.decidedOn}`,
      { kind: 'conflict', field: 'appealId' },
    );
  }
  if (!APPEAL_OUTCOMES.includes(outcome)) {
    throw new DomainError('APPEAL.UNKNOWN_OUTCOME', `Outcome must be one of ${APPEAL_OUTCOMES.join(', ')}`, { field: 'outcome' });
  }
  const decidedOn = dateOrEffective(command.payload.decidedOn, 'decidedOn', command.context);
  if (decidedOn < appeal.lodgedOn) {
    throw new DomainError('APPEAL.DECIDED_BEFORE_LODGED', `The appeal was lodged on ${appeal.lodgedOn}`, { field: 'decidedOn' });
  }
  return [{ type: 'AppealDecided', data: { appealId, outcome, decidedOn } }];
}
