import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { assessed, closed, context, imposed, opened, refusalKind, reviewed, today } from '../fixtures/citizen-case.fixtures';
import { AssessRepaymentCommand } from './assess-repayment.command';
import { assessRepayment } from './assess-repayment.decide';

const command = (payload: Partial<AssessRepaymentCommand['payload']> = {}) =>
  new AssessRepaymentCommand('case-1', { repaymentId: 'r-2', sanctionIds: ['s-1', 's-2'], amountOre: 300_000, assessedOn: '2023-08-01', ...payload }, context);
// s-1 and s-2 deducted 500 000 + 250 000 øre, both in error; s-3 was correct; 200 000 øre of s-1 was repaid (r-1).
const history = [
  opened,
  imposed('s-1'),
  imposed('s-2', { amountDeductedOre: 250_000 }),
  imposed('s-3'),
  reviewed('s-1'),
  reviewed('s-2'),
  reviewed('s-3', { outcome: 'CORRECT', errorCategories: [] }),
  assessed('r-1', { sanctionIds: ['s-1'], amountOre: 200_000 }),
];

describe('assess repayment', () => {
  it('assesses up to what the sanctions deducted, less what was repaid before', () => {
    given(citizenCase, history)
      .when(assessRepayment, command({ amountOre: 550_000 }))
      .then([{ type: 'RepaymentAssessed', data: { repaymentId: 'r-2', sanctionIds: ['s-1', 's-2'], amountOre: 550_000, assessedOn: '2023-08-01' } }]);
  });

  it('names each sanction once, dates on the effective date, and assesses in a closed case', () => {
    const [event] = given(citizenCase, [...history, closed({ closedOn: '2023-07-15' })])
      .when(assessRepayment, command({ sanctionIds: ['s-2', 's-2'], amountOre: 250_000, assessedOn: undefined }))
      .events();
    expect(event.data).toEqual({ repaymentId: 'r-2', sanctionIds: ['s-2'], amountOre: 250_000, assessedOn: today });
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(assessRepayment, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a repayment id already used', () => {
    const refused = given(citizenCase, history).when(assessRepayment, command({ repaymentId: 'r-1' }));
    refused.thenRefuses('REPAYMENT.ALREADY_ASSESSED', 'repaymentId');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it.each([
    ['no sanction', { sanctionIds: [] }, 'REPAYMENT.NO_SANCTION', 'sanctionIds'],
    ['an unknown sanction', { sanctionIds: ['s-1', 's-9'] }, 'SANCTION.NOT_FOUND', 'sanctionIds'],
    ['a sanction reviewed as correct', { sanctionIds: ['s-1', 's-3'] }, 'REPAYMENT.SANCTION_NOT_IN_ERROR', 'sanctionIds'],
    ['a zero amount', { amountOre: 0 }, 'REPAYMENT.AMOUNT_NOT_POSITIVE', 'amountOre'],
    ['a negative amount', { amountOre: -100 }, 'REPAYMENT.AMOUNT_NOT_POSITIVE', 'amountOre'],
    ['an amount with a fraction of an øre', { amountOre: 100.5 }, 'REPAYMENT.AMOUNT_NOT_POSITIVE', 'amountOre'],
    ['one øre more than is left to repay', { amountOre: 550_001 }, 'REPAYMENT.EXCEEDS_DEDUCTED', 'amountOre'],
    ['an assessment date that is not a calendar date', { assessedOn: 'yesterday' }, 'DATE.INVALID', 'assessedOn'],
  ])('refuses %s', (_, payload, code, field) => {
    given(citizenCase, history).when(assessRepayment, command(payload)).thenRefuses(code, field);
  });

  it('refuses a sanction not yet reviewed', () => {
    given(citizenCase, [opened, imposed('s-1')]).when(assessRepayment, command({ sanctionIds: ['s-1'] })).thenRefuses('REPAYMENT.SANCTION_NOT_IN_ERROR', 'sanctionIds');
  });

  it('counts an earlier repayment that covers any of the sanctions in full', () => {
    const both = [...history, assessed('r-9', { sanctionIds: ['s-2', 's-3'], amountOre: 100_000 })];
    given(citizenCase, both).when(assessRepayment, command({ sanctionIds: ['s-2'], amountOre: 150_001 })).thenRefuses('REPAYMENT.EXCEEDS_DEDUCTED', 'amountOre');
  });
});
