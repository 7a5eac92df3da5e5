import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { IdentifyCitizenCommand } from './identify-citizen.command';
import { identifyCitizen } from './identify-citizen.decide';

const command = (payload: Partial<IdentifyCitizenCommand['payload']> = {}) =>
  new IdentifyCitizenCommand('case-1', { source: 'NATIONAL_EXTRACT', identifiedOn: '2023-08-07', ...payload }, context);

describe('identify citizen', () => {
  it('records the discovery source with a trimmed note', () => {
    given(citizenCase, [opened])
      .when(identifyCitizen, command({ note: '  STAR extract, row 17 ' }))
      .then([{ type: 'CitizenIdentified', data: { source: 'NATIONAL_EXTRACT', identifiedOn: '2023-08-07', note: 'STAR extract, row 17' } }]);
  });

  it('records no note when it is blank, and the effective date when none is given', () => {
    given(citizenCase, [opened])
      .when(identifyCitizen, command({ identifiedOn: undefined, note: '   ' }))
      .then([{ type: 'CitizenIdentified', data: { source: 'NATIONAL_EXTRACT', identifiedOn: today, note: null } }]);
  });

  it('identifies in a closed case too: reviews look at closed cases', () => {
    expect(given(citizenCase, [opened, closed()]).when(identifyCitizen, command()).events()).toHaveLength(1);
  });

  it('decides nothing when the same source is recorded again', () => {
    const [first] = given(citizenCase, [opened]).when(identifyCitizen, command()).events();
    given(citizenCase, [opened, first]).when(identifyCitizen, command({ identifiedOn: '2023-08-10' })).then([]);
  });

  it('records a second, different source', () => {
    const [first] = given(citizenCase, [opened]).when(identifyCitizen, command()).events();
    expect(given(citizenCase, [opened, first]).when(identifyCitizen, command({ source: 'OWN_METHODS' })).events()).toHaveLength(1);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(identifyCitizen, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a source outside the catalogue', () => {
    given(citizenCase, [opened]).when(identifyCitizen, command({ source: 'RUMOUR' as never })).thenRefuses('CITIZEN.UNKNOWN_DISCOVERY_SOURCE', 'source');
  });

  it('refuses a note over 500 characters, and accepts one of exactly 500', () => {
    given(citizenCase, [opened]).when(identifyCitizen, command({ note: 'x'.repeat(501) })).thenRefuses('CITIZEN.NOTE_TOO_LONG', 'note');
    expect(given(citizenCase, [opened]).when(identifyCitizen, command({ note: ` ${'x'.repeat(500)} ` })).events()).toHaveLength(1);
  });

  it('refuses an identification date that is not a calendar date', () => {
    given(citizenCase, [opened]).when(identifyCitizen, command({ identifiedOn: '2023-8-7' })).thenRefuses('DATE.INVALID', 'identifiedOn');
  });
});
