import { given } from '@casetrail/testing';
import type { AppealDecided } from '../citizen-case.events';
import { citizenCase } from '../citizen-case.state';
import { closed, context, imposed, lodged, opened, refusalKind, today } from '../fixtures/citizen-case.fixtures';
import { DecideAppealCommand } from './decide-appeal.command';
import { decideAppeal } from './decide-appeal.decide';

const command = (payload: Partial<DecideAppealCommand['payload']> = {}) =>
  new DecideAppealCommand('case-1', { appealId: 'a-1', outcome: 'HJEMVIST', decidedOn: '2021-09-01', ...payload }, context);
const history = [opened, imposed('s-1'), lodged('a-1', { lodgedOn: '2021-04-01' })];
const decided: AppealDecided = { id: 'ev-decided', type: 'AppealDecided', data: { appealId: 'a-1', outcome: 'STADFAESTET', decidedOn: '2021-08-01' } };

describe('decide appeal', () => {
  it("records Ankestyrelsen's outcome", () => {
    given(citizenCase, history).when(decideAppeal, command()).then([{ type: 'AppealDecided', data: { appealId: 'a-1', outcome: 'HJEMVIST', decidedOn: '2021-09-01' } }]);
  });

  it('records it in a closed case, on the effective date when none is given', () => {
    given(citizenCase, [...history, closed()])
      .when(decideAppeal, command({ outcome: 'AFVIST', decidedOn: undefined }))
      .then([{ type: 'AppealDecided', data: { appealId: 'a-1', outcome: 'AFVIST', decidedOn: today } }]);
  });

  it('refuses in a case that was never opened', () => {
    const refused = given(citizenCase, []).when(decideAppeal, command());
    refused.thenRefuses('CASE.NOT_FOUND');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an unknown appeal', () => {
    const refused = given(citizenCase, history).when(decideAppeal, command({ appealId: 'a-9' }));
    refused.thenRefuses('APPEAL.NOT_FOUND', 'appealId');
    expect(refusalKind(refused)).toBe('not_found');
  });

  it('refuses an appeal already decided', () => {
    const refused = given(citizenCase, [...history, decided]).when(decideAppeal, command());
    refused.thenRefuses('APPEAL.ALREADY_DECIDED', 'appealId');
    expect(refusalKind(refused)).toBe('conflict');
  });

  it('refuses an outcome outside the catalogue', () => {
    given(citizenCase, history).when(decideAppeal, command({ outcome: 'WON' as never })).thenRefuses('APPEAL.UNKNOWN_OUTCOME', 'outcome');
  });

  it('refuses a decision before the appeal was lodged', () => {
    given(citizenCase, history).when(decideAppeal, command({ decidedOn: '2021-03-31' })).thenRefuses('APPEAL.DECIDED_BEFORE_LODGED', 'decidedOn');
  });

  it('refuses a decision date that is not a calendar date', () => {
    given(citizenCase, history).when(decideAppeal, command({ decidedOn: '2021-9-1' })).thenRefuses('DATE.INVALID', 'decidedOn');
  });
});
