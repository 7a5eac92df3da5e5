import { DomainError } from '../../shared/domain-error';
import type { AppealLodged } from '../citizen-case.events';
import { dateOrEffective, requireCase, requireSanctions } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { LodgeAppealCommand } from './lodge-appeal.command';

/** An appeal can be lodged after the case has closed: citizens appeal the decisions that closed it too. */
export function lodgeAppeal(command: LodgeAppealCommand, state: CitizenCaseState): AppealLodged[] {
  requireCase(state);
  const { appealId } = command.payload;
  if (state.appeals[appealId]) {
    throw new DomainError('APPEAL.ALREADY_LODGED', `Appeal ${appealId} is already recorded`, { kind: 'conflict', field: 'appealId' });
  }
  const sanctionIds = requireSanctions(state, command.payload.sanctionIds).map((sanction) => sanction.sanctionId);
  const lodgedOn = dateOrEffective(command.payload.lodgedOn, 'lodgedOn', command.context);
  return [{ type: 'AppealLodged', data: { appealId, sanctionIds, lodgedOn } }];
}
