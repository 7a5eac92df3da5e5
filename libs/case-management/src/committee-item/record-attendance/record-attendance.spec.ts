import { given } from '@casetrail/testing';
import { absent, context, decided, opened, present, quorum, voted } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { RecordAttendanceCommand } from './record-attendance.command';
import { recordAttendance } from './record-attendance.decide';

type Entry = RecordAttendanceCommand['payload']['entries'][number];
const here = (memberId: string): Entry => ({ memberId, status: 'PRESENT', absenceNotice: false });
const away = (memberId: string, substituteMemberId?: string): Entry => ({ memberId, status: 'ABSENT', absenceNotice: true, substituteMemberId });
const command = (...entries: Entry[]) => new RecordAttendanceCommand('item-2', { entries }, context);

describe('record attendance', () => {
  it('records who is present, who sent notice of absence and who took their seat', () => {
    given(committeeItem, [opened]).when(recordAttendance, command(here('m1'), away('m2', 's2'), { memberId: 'm3', status: 'ABSENT', absenceNotice: false })).then([
      {
        type: 'AttendanceRecorded',
        data: {
          entries: [
            { memberId: 'm1', status: 'PRESENT', absenceNotice: false, substituteMemberId: null },
            { memberId: 'm2', status: 'ABSENT', absenceNotice: true, substituteMemberId: 's2' },
            { memberId: 'm3', status: 'ABSENT', absenceNotice: false, substituteMemberId: null },
          ],
        },
      },
    ]);
  });

  it('lets a later record for a member replace the earlier one', () => {
    const { state } = given(committeeItem, [opened, absent('m1'), present('m1')]);
    expect(state.attendance.m1).toEqual({ memberId: 'm1', status: 'PRESENT', absenceNotice: false, substituteMemberId: null });
  });

  it('counts a substitute towards the seats, so the eighth person on a seven-seat committee is refused', () => {
    const sevenSeated = [opened, present('m1', 'm2', 'm3', 'm4', 'm5', 'm6'), absent('m7', 's7')];
    given(committeeItem, sevenSeated).when(recordAttendance, command(here('m8'))).thenRefuses('ITEM.ATTENDANCE_EXCEEDS_COMMITTEE', 'entries');
    expect(given(committeeItem, sevenSeated).when(recordAttendance, command(away('m6'), here('m8'))).events()).toHaveLength(1);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(recordAttendance, command(here('m1'))).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses attendance after the decision', () => {
    given(committeeItem, [opened, quorum, decided()]).when(recordAttendance, command(here('m5'))).thenRefuses('ITEM.ALREADY_DECIDED');
  });

  it('refuses an empty record', () => {
    given(committeeItem, [opened]).when(recordAttendance, command()).thenRefuses('ATTENDANCE.ENTRIES_MISSING', 'entries');
  });

  it('refuses an entry without a member', () => {
    given(committeeItem, [opened]).when(recordAttendance, command(here(' '))).thenRefuses('ATTENDANCE.MEMBER_MISSING', 'entries');
  });

  it('refuses the same member twice in one record, also as a substitute', () => {
    given(committeeItem, [opened]).when(recordAttendance, command(here('m1'), away('m1'))).thenRefuses('ATTENDANCE.DUPLICATE_MEMBER', 'entries');
    given(committeeItem, [opened]).when(recordAttendance, command(here('m1'), away('m2', 'm1'))).thenRefuses('ATTENDANCE.DUPLICATE_MEMBER', 'entries');
  });

  it('refuses an unknown status', () => {
    given(committeeItem, [opened]).when(recordAttendance, command({ memberId: 'm1', status: 'LATE' as never, absenceNotice: false })).thenRefuses('ATTENDANCE.UNKNOWN_STATUS', 'entries');
  });

  it('refuses a substitute for a present member', () => {
    given(committeeItem, [opened]).when(recordAttendance, command({ ...here('m1'), substituteMemberId: 's1' })).thenRefuses('ATTENDANCE.SUBSTITUTE_FOR_PRESENT_MEMBER', 'entries');
  });

  it('refuses a notice of absence from a present member', () => {
    given(committeeItem, [opened]).when(recordAttendance, command({ ...here('m1'), absenceNotice: true })).thenRefuses('ATTENDANCE.NOTICE_FROM_PRESENT_MEMBER', 'entries');
  });

  it('refuses to record a member who has voted as absent', () => {
    given(committeeItem, [opened, quorum, voted('m1', 'FOR')]).when(recordAttendance, command(away('m1'))).thenRefuses('ATTENDANCE.VOTER_NOT_PRESENT', 'entries');
  });
});
