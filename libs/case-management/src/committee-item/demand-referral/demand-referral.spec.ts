import { given } from '@casetrail/testing';
import { context, decided, opened, quorum } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { DemandReferralCommand } from './demand-referral.command';
import { demandReferral } from './demand-referral.decide';

const command = (memberId = 'm3') => new DemandReferralCommand('item-2', { memberId }, context);
const demanded = { type: 'ReferralDemanded', data: { memberId: 'm3' } } as const;

describe('demand referral', () => {
  it('records the demand of a member present', () => {
    given(committeeItem, [opened, quorum]).when(demandReferral, command()).then([demanded]);
  });

  it('makes a decided item referred, not final', () => {
    expect(given(committeeItem, [opened, quorum, decided()]).state.finality).toBe('FINAL');
    expect(given(committeeItem, [opened, quorum, decided(), demanded]).state.finality).toBe('REFERRED');
  });

  it('ignores the same member demanding again', () => {
    given(committeeItem, [opened, quorum, demanded]).when(demandReferral, command()).then([]);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(demandReferral, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a member not present for the item', () => {
    given(committeeItem, [opened, quorum]).when(demandReferral, command('m9')).thenRefuses('ITEM.MEMBER_NOT_PRESENT', 'memberId');
  });
});
