import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { OpenCaseCommand } from './open-case.command';
import { openCase } from './open-case.decide';

const context = { actor: 'caseworker-1', correlationId: 'c-1', recordedAt: new Date('2023-06-28T22:30:00Z') };
const command = (payload: Partial<OpenCaseCommand['payload']> = {}) =>
  new OpenCaseCommand(
    'case-1',
    { caseNumber: '24-1-15.20.00-P27', citizenRef: 'ref-1', legalArea: 'AKTIVLOVEN', owningUnit: 'Jobcenter Nord', ...payload },
    context,
  );

describe('open case', () => {
  it('opens the case with the parsed case number, the pseudonymous reference and the Danish date', () => {
    given(citizenCase, []).when(openCase, command()).then([
      {
        type: 'CaseOpened',
        data: {
          caseId: 'case-1',
          caseNumber: { value: '24-1-15.20.00-P27', format: 'KLE', year: 2024, sequence: '1', kle: { subject: '15.20.00', facet: 'P27' } },
          citizenRef: 'ref-1',
          legalArea: 'AKTIVLOVEN',
          owningUnit: 'Jobcenter Nord',
          openedOn: '2023-06-29',
        },
      },
    ]);
  });

  it('takes an opening date from the caller', () => {
    const [event] = given(citizenCase, []).when(openCase, command({ openedOn: '2020-01-02' })).events();
    expect(event.data.openedOn).toBe('2020-01-02');
  });

  it('refuses a second opening', () => {
    const [opened] = given(citizenCase, []).when(openCase, command()).events();
    given(citizenCase, [opened]).when(openCase, command()).thenRefuses('CASE.ALREADY_OPENED');
  });

  it('refuses an unknown case-number format, naming the field', () => {
    given(citizenCase, []).when(openCase, command({ caseNumber: 'SAG 12' })).thenRefuses('CASE_NUMBER.INVALID', 'caseNumber');
  });

  it('refuses an unknown legal area and a blank owning unit', () => {
    given(citizenCase, []).when(openCase, command({ legalArea: 'TAX' as never })).thenRefuses('CASE.UNKNOWN_LEGAL_AREA', 'legalArea');
    given(citizenCase, []).when(openCase, command({ owningUnit: '  ' })).thenRefuses('CASE.OWNING_UNIT_MISSING', 'owningUnit');
  });

  it('refuses an opening date that is not a calendar date', () => {
    given(citizenCase, []).when(openCase, command({ openedOn: '2023-02-30' })).thenRefuses('DATE.INVALID', 'openedOn');
  });
});
