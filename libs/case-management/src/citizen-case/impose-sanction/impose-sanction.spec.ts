import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, imposed, legalBasis40a, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { ImposeSanctionCommand } from './impose-sanction.command';
import { imposeSanction } from './impose-sanction.decide';

const command = (payload: Partial<ImposeSanctionCommand['payload']> = {}) =>
  new ImposeSanctionCommand(
    'case-1',
    {
      sanctionId: 's-1',
      sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
      breachDate: '2021-03-01',
      period: { from: '2021-04-01', to: '2021-06-30' },
      amountDeductedOre: 500_000,
      decidedOn: '2021-03-15',
      ...payload,
    },
    context,
  );

describe('impose sanction', () => {
  it('imposes the sanction with the legal basis from the catalogue', () => {
    given(citizenCase, [opened]).when(imposeSanction, command()).then([
      {
        type: 'SanctionImposed',
        data: {
          sanctionId: 's-1',
          sanctionType: 'AKTL_40A_STRICTER_AVAILABILITY',
          legalBasis: legalBasis40a,
          breachDate: '2021-03-01',
          period: { from: '2021-04-01', to: '2021-06-30' },
          amountDeductedOre: 500_000,
          decidedOn: '2021-03-15',
        },
      },
    ]);
  });

  it('dates the decision on the effective date when the caller leaves it out', () => {
    const [event] = given(citizenCase, [opened]).when(imposeSanction, command({ decidedOn: undefined })).events();
    expect(event.data.decidedOn).toBe(today);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(imposeSanction, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses in a closed case', () => {
    const refused = given(citizenCase, [opened, closed()]).when(imposeSanction, command());
    refused.thenRefuses('CASE.CLOSED');
    expect(refusalKind(refused)).toBe('rule');
  });

  it('refuses a sanction id already used', () => {
    const refused = given(citizenCase, [opened, imposed('s-1')]).when(imposeSanction, command());
    refused.thenRefuses('SANCTION.ALREADY_IMPOSED', 'sanctionId');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it.each([
    ['a type not in the catalogue', { sanctionType: 'AVAILABILITY' }, 'SANCTION.UNKNOWN_TYPE', 'sanctionType'],
    ['a type not in force on the breach date', { breachDate: '2025-07-01', decidedOn: '2025-07-10' }, 'SANCTION.TYPE_NOT_VALID_ON_BREACH_DATE', 'breachDate'],
    ['a period that ends before it starts', { period: { from: '2021-06-30', to: '2021-04-01' } }, 'SANCTION.PERIOD_INVALID', 'period'],
    ['a breach after the decision', { breachDate: '2021-03-16' }, 'SANCTION.BREACH_AFTER_DECISION', 'breachDate'],
    ['a zero amount', { amountDeductedOre: 0 }, 'SANCTION.AMOUNT_INVALID', 'amountDeductedOre'],
    ['an amount in kroner with decimals', { amountDeductedOre: 5000.5 }, 'SANCTION.AMOUNT_INVALID', 'amountDeductedOre'],
    ['an amount beyond safe integers', { amountDeductedOre: 2 ** 53 }, 'SANCTION.AMOUNT_INVALID', 'amountDeductedOre'],
    ['a breach date that is not a calendar date', { breachDate: '2021-02-29' }, 'DATE.INVALID', 'breachDate'],
    ['a decision date that is not a calendar date', { decidedOn: '15/03/2021' }, 'DATE.INVALID', 'decidedOn'],
  ])('refuses %s', (_, payload, code, field) => {
    given(citizenCase, [opened]).when(imposeSanction, command(payload)).thenRefuses(code, field);
  });
});
