import { DomainError } from '../../shared/domain-error';
import { ATTENDANCE_STATUSES } from '../committee-item.catalogue';
import type { AttendanceEntry, AttendanceRecorded } from '../committee-item.events';
import { participants, requireItem, requireText, requireUndecided } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { RecordAttendanceCommand } from './record-attendance.command';

const refuse = (code: string, message: string, kind: 'rule' | 'conflict' = 'rule') => new DomainError(code, message, { kind, field: 'entries' });

/** Attendance is per item: a member absent for item 1 and present from item 2 is two items' facts. */
export function recordAttendance(command: RecordAttendanceCommand, state: CommitteeItemState): AttendanceRecorded[] {
  requireItem(state);
  requireUndecided(state);
  if (command.payload.entries.length === 0) throw refuse('ATTENDANCE.ENTRIES_MISSING', 'Record at least one member');
  const entries: AttendanceEntry[] = command.payload.entries.map((e) => ({
    memberId: requireText(e.memberId, 'ATTENDANCE.MEMBER_MISSING', 'entries'),
    status: e.status,
    absenceNotice: e.absenceNotice,
    substituteMemberId: e.substituteMemberId ? requireText(e.substituteMemberId, 'ATTENDANCE.MEMBER_MISSING', 'entries') : null,
  }));
  const named = entries.flatMap((e) => (e.substituteMemberId ? [e.memberId, e.substituteMemberId] : [e.memberId]));
  if (new Set(named).size !== named.length) throw refuse('ATTENDANCE.DUPLICATE_MEMBER', 'A member appears more than once in this record');
  for (const entry of entries) {
    if (!ATTENDANCE_STATUSES.includes(entry.status)) throw refuse('ATTENDANCE.UNKNOWN_STATUS', `Status must be one of ${ATTENDANCE_STATUSES.join(', ')}`);
    if (entry.status === 'PRESENT' && entry.substituteMemberId) {
      throw refuse('ATTENDANCE.SUBSTITUTE_FOR_PRESENT_MEMBER', `${entry.memberId} is present; a substitute takes an absent member's seat`);
    }
    if (entry.status === 'PRESENT' && entry.absenceNotice) throw refuse('ATTENDANCE.NOTICE_FROM_PRESENT_MEMBER', `${entry.memberId} is present but gave notice of absence`);
  }
  const after = { ...state.attendance, ...Object.fromEntries(entries.map((e) => [e.memberId, e])) };
  const taking = participants(after);
  const seats = state.committee?.memberCount ?? 0;
  if (taking.size > seats) throw refuse('ITEM.ATTENDANCE_EXCEEDS_COMMITTEE', `${taking.size} present, but the committee has ${seats} members`);
  const unseated = state.votes.find((v) => !taking.has(v.memberId));
  if (unseated) throw refuse('ATTENDANCE.VOTER_NOT_PRESENT', `${unseated.memberName} has voted on this item and must stay present`, 'conflict');
  return [{ type: 'AttendanceRecorded', data: { entries } }];
}
