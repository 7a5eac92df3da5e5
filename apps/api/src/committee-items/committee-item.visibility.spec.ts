import { committeeItem, committeeItemStream, type CommitteeItemEvent } from '@casetrail/case-management';
import { ROLES, type Role } from '@casetrail/platform';
import type { CommitteeItemView } from '@casetrail/case-read-models';
import { CLEARED_ROLES, committeeItemFor, committeeItemRowFor, mayReadContent } from './committee-item.visibility';

const opened = (closed: boolean): CommitteeItemEvent => ({
  type: 'ItemOpened',
  data: {
    itemId: 'item-9',
    caseNumber: { value: '17/7397', format: 'SLASH_SHORT', year: 2017, sequence: '7397', kle: null },
    committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 },
    meetingDate: '2025-01-14',
    itemNumber: 9,
    title: 'Personalesag',
    closed,
  },
});
const history = (closed: boolean): CommitteeItemEvent[] => [
  opened(closed),
  { type: 'AttendanceRecorded', data: { entries: [{ memberId: 'm1', status: 'PRESENT', absenceNotice: false, substituteMemberId: null }] } },
  { type: 'VoteCast', data: { memberId: 'm1', memberName: 'Ole Skrald', party: 'A', vote: 'FOR' } },
  { type: 'ProtocolNoteAdded', data: { text: 'Protokollat', memberIds: ['m1'] } },
  { type: 'DecisionRecorded', data: { outcome: 'ENDORSED', text: 'Tiltrådt.', amendments: [] } },
];
const viewOf = (events: CommitteeItemEvent[]) => ({
  streamName: committeeItemStream('item-9'),
  revision: events.length - 1,
  state: events.reduce(committeeItem.evolve, committeeItem.initialState()),
});
const uncleared = ROLES.filter((role) => !CLEARED_ROLES.includes(role));

describe('committeeItemFor', () => {
  it('clears committee-secretary, admin and auditor only', () => {
    expect([...CLEARED_ROLES].sort()).toEqual(['admin', 'auditor', 'committee-secretary']);
    expect(uncleared.sort()).toEqual(['appeals-liaison', 'caseworker']);
  });

  it('shows an open item whole, with its tally, to every role', () => {
    const view = viewOf(history(false));
    for (const role of ROLES) {
      expect(committeeItemFor(view, [role])).toEqual({ ...view, tally: expect.objectContaining({ for: 1, against: 0 }) });
    }
  });

  it('shows a closed item whole to a cleared role, also when it is one role among others', () => {
    const view = viewOf(history(true));
    for (const roles of [...CLEARED_ROLES.map((role) => [role]), ['caseworker', 'auditor']] as Role[][]) {
      const reading = committeeItemFor(view, roles);
      expect(reading).toMatchObject({ state: { title: 'Personalesag', decision: { text: 'Tiltrådt.' } }, tally: { for: 1 } });
    }
  });

  it('shows only the existence of a closed item to other roles: no title, votes, notes or decision', () => {
    const view = viewOf(history(true));
    for (const role of uncleared) {
      expect(committeeItemFor(view, [role])).toEqual({
        itemId: 'item-9',
        closed: true,
        committee: { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 },
        meetingDate: '2025-01-14',
        itemNumber: 9,
        revision: 4,
      });
    }
    expect(JSON.stringify(committeeItemFor(view, ['caseworker', 'appeals-liaison']))).not.toMatch(/Personalesag|Tiltrådt|Protokollat|Ole Skrald/);
  });
});

describe('committeeItemRowFor (read-model rows)', () => {
  const row = (closed: boolean): CommitteeItemView => ({
    itemId: 'item-9',
    streamName: committeeItemStream('item-9'),
    caseNumber: '17/7397',
    committee: { id: 'bu', name: 'Beskæftigelsesudvalget' },
    meetingDate: '2025-01-14',
    itemNumber: 9,
    title: 'Personalesag',
    closed,
    finality: 'FINAL',
    outcome: 'ENDORSED',
    tally: { for: 1, against: 0, abstain: 0, absent: 0, byParty: { FOR: { A: 1 }, AGAINST: {}, ABSTAIN: {} } },
    minutesText: '9. Personalesag (17/7397)\nLukket punkt\nBeslutning: Tiltrådt.',
    revision: 4,
    lastPosition: '1',
  });

  it('applies the same rule as the folded item', () => {
    for (const role of ROLES) {
      expect(mayReadContent({ closed: false }, [role])).toBe(true);
      expect(mayReadContent({ closed: true }, [role])).toBe(CLEARED_ROLES.includes(role));
      expect(committeeItemRowFor(row(false), [role])).toEqual(row(false));
    }
    for (const role of CLEARED_ROLES) expect(committeeItemRowFor(row(true), [role])).toEqual(row(true));
  });

  it('shows only the existence of a closed row to other roles', () => {
    for (const role of uncleared) {
      const reading = committeeItemRowFor(row(true), [role]);
      expect(reading).toEqual({ itemId: 'item-9', closed: true, committee: { id: 'bu', name: 'Beskæftigelsesudvalget' }, meetingDate: '2025-01-14', itemNumber: 9, revision: 4 });
      expect(JSON.stringify(reading)).not.toMatch(/Personalesag|Tiltrådt|17\/7397/);
    }
  });
});
