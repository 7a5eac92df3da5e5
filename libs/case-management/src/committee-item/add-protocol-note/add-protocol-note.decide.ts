import { DomainError } from '../../shared/domain-error';
import type { ProtocolNoteAdded } from '../committee-item.events';
import { requireItem, requireParticipant, requireText } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { AddProtocolNoteCommand } from './add-protocol-note.command';

export const PROTOCOL_NOTE_MAX_LENGTH = 4000;

/** A protocol note (protokollat) by members present for the item; it may follow the decision. */
export function addProtocolNote(command: AddProtocolNoteCommand, state: CommitteeItemState): ProtocolNoteAdded[] {
  requireItem(state);
  const text = requireText(command.payload.text, 'NOTE.TEXT_MISSING', 'text');
  if (text.length > PROTOCOL_NOTE_MAX_LENGTH) {
    throw new DomainError('NOTE.TEXT_TOO_LONG', `A protocol note has at most ${PROTOCOL_NOTE_MAX_LENGTH} characters`, { field: 'text' });
  }
  const memberIds = [...new Set(command.payload.memberIds)];
  if (memberIds.length === 0) throw new DomainError('NOTE.MEMBERS_MISSING', 'Name the member(s) the note belongs to', { field: 'memberIds' });
  for (const memberId of memberIds) requireParticipant(state, memberId, 'ITEM.MEMBER_NOT_PRESENT', 'memberIds');
  return [{ type: 'ProtocolNoteAdded', data: { text, memberIds } }];
}
