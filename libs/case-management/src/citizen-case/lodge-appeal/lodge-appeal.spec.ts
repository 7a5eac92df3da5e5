import { given } from '@casetrail/testing';
import { citizenCase } from '../citizen-case.state';
import { closed, context, imposed, lodged, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { LodgeAppealCommand } from './lodge-appeal.command';
import { lodgeAppeal } from './lodge-appeal.decide';

const command = (payload: Partial<LodgeAppealCommand['payload']> = {}) =>
  new LodgeAppealCommand('case-1', { appealId: 'a-1', sanctionIds: ['s-1'], lodgedOn: '2021-04-01', ...payload }, context);
const history = [opened, imposed('s-1')];

describe('lodge appeal', () => {
  it('lodges an appeal of a sanction', () => {
    given(citizenCase, history).when(lodgeAppeal, command()).then([{ type: 'AppealLodged', data: { appealId: 'a-1', sanctionIds: ['s-1'], lodgedOn: '2021-04-01' } }]);
  });

  it('lodges an appeal of another decision, in a closed case, on the effective date when none is given', () => {
    given(citizenCase, [...history, closed()])
      .when(lodgeAppeal, command({ sanctionIds: [], lodgedOn: undefined }))
      .then([{ type: 'AppealLodged', data: { appealId: 'a-1', sanctionIds: [], lodgedOn: today } }]);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(lodgeAppeal, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an appeal id already used', () => {
    const refused = given(citizenCase, [...history, lodged('a-1')]).when(lodgeAppeal, command());
    refused.thenRefuses('APPEAL.ALREADY_LODGED', 'appealId');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses an unknown sanction', () => {
    const refused = given(citizenCase, history).when(lodgeAppeal, command({ sanctionIds: ['s-1', 's-9'] }));
    refused.thenRefuses('SANCTION.NOT_FOUND', 'sanctionIds');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses a lodging date that is not a calendar date', () => {
    given(citizenCase, history).when(lodgeAppeal, command({ lodgedOn: '2021-04-31' })).thenRefuses('DATE.INVALID', 'lodgedOn');
  });
});
