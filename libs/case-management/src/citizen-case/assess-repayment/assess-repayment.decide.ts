import { DomainError } from '../../shared/domain-error';
import type { RepaymentAssessed } from '../citizen-case.events';
import { dateOrEffective, isPositiveOre, requireCase, requireSanctions } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { AssessRepaymentCommand } from './assess-repayment.command';

/** A repayment repays sanctions found in error, and never more than they deducted, counting earlier repayments. */
export function assessRepayment(command: AssessRepaymentCommand, state: CitizenCaseState): RepaymentAssessed[] {
  requireCase(state);
  const { repaymentId, amountOre } = command.payload;
  if (state.repayments[repaymentId]) {
    throw new DomainError(
      'REPAYMENT.ALREADY_ASSESSED',
      `Repayment ${repaymentId} is already recorded`,
      { kind: 'conflict', field: 'repaymentId' },
    );
  }
  if (command.payload.sanctionIds.length === 0) {
    throw new DomainError('REPAYMENT.NO_SANCTION', 'Name the sanction(s) the repayment repays', { field: 'sanctionIds' });
  }
  const sanctions = requireSanctions(state, command.payload.sanctionIds);
  const notInError = sanctions.find((sanction) => sanction.review?.outcome !== 'ERROR');
  if (notInError) {
    throw new DomainError(
      'REPAYMENT.SANCTION_NOT_IN_ERROR',
      `Sanction ${notInError.sanctionId} has not been found in error by a review`,
      { field: 'sanctionIds' },
    );
  }
  if (!isPositiveOre(amountOre)) {
    throw new DomainError('REPAYMENT.AMOUNT_NOT_POSITIVE', 'The amount is a positive whole number of øre', { field: 'amountOre' });
  }
  const sanctionIds = sanctions.map((sanction) => sanction.sanctionId);
  const deducted = sanctions.reduce((sum, sanction) => sum + sanction.amountDeductedOre, 0);
  const repaidBefore = Object.values(state.repayments)
    .filter((repayment) => repayment.sanctionIds.some((id) => sanctionIds.includes(id)))
    .reduce((sum, repayment) => sum + repayment.amountOre, 0);
  if (amountOre + repaidBefore > deducted) {
    throw new DomainError(
      'REPAYMENT.EXCEEDS_DEDUCTED',
      `At most ${deducted - repaidBefore} øre is left to repay of ${deducted} øre deducted`,
      { field: 'amountOre' },
    );
  }
  const assessedOn = dateOrEffective(command.payload.assessedOn, 'assessedOn', command.context);
  return [{ type: 'RepaymentAssessed', data: { repaymentId, sanctionIds, amountOre, assessedOn } }];
}
