import { given } from '@casetrail/testing';
import { citizen } from '../citizen.state';
import { EraseCitizenCommand } from './erase-citizen.command';
import { eraseCitizen } from './erase-citizen.decide';

const REF = '0193f0c8-0000-7000-8000-0000000000a1';
const context = { actor: 'admin-1', correlationId: 'c-1', recordedAt: new Date('2026-03-01T23:30:00Z') };
const command = (reason = ' Borgerens anmodning om sletning ') => new EraseCitizenCommand(REF, { reason }, context);
const erased = { type: 'CitizenErased', data: { citizenRef: REF, reason: 'Borgerens anmodning om sletning', erasedOn: '2026-03-02' } } as const;

describe('erase citizen', () => {
  it('records the erasure with the trimmed reason, on the Danish date', () => {
    given(citizen, []).when(eraseCitizen, command()).then([erased]);
  });

  it('refuses a second erasure as a conflict', () => {
    given(citizen, [erased]).when(eraseCitizen, command()).thenRefuses('CITIZEN.ALREADY_ERASED');
    expect(given(citizen, [erased]).state).toEqual({ status: 'ERASED', citizenRef: REF, erasedOn: '2026-03-02' });
  });

  it('refuses a blank reason', () => {
    given(citizen, []).when(eraseCitizen, command(' \n ')).thenRefuses('CITIZEN.ERASURE_REASON_MISSING', 'reason');
  });

  it('refuses a reason over 2000 characters', () => {
    given(citizen, []).when(eraseCitizen, command('x'.repeat(2001))).thenRefuses('CITIZEN.ERASURE_REASON_TOO_LONG', 'reason');
    expect(given(citizen, []).when(eraseCitizen, command('x'.repeat(2000))).events()).toHaveLength(1);
  });

  it('refuses a reason holding a CPR number, which would outlive the erasure in the event', () => {
    given(citizen, []).when(eraseCitizen, command('Anmodning fra 010190-1234')).thenRefuses('CITIZEN.ERASURE_REASON_HOLDS_CPR', 'reason');
    given(citizen, []).when(eraseCitizen, command('0101901234')).thenRefuses('CITIZEN.ERASURE_REASON_HOLDS_CPR', 'reason');
  });
});
