import { given } from '@casetrail/testing';
import { context, decided, opened, quorum } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { AddProtocolNoteCommand } from './add-protocol-note.command';
import { addProtocolNote, PROTOCOL_NOTE_MAX_LENGTH } from './add-protocol-note.decide';

const command = (payload: Partial<AddProtocolNoteCommand['payload']> = {}) =>
  new AddProtocolNoteCommand('item-2', { text: ' Vi kan ikke tiltræde indstillingen. ', memberIds: ['m3', 'm4'], ...payload }, context);

describe('add protocol note', () => {
  it('records the note for the members it belongs to, also after the decision', () => {
    given(committeeItem, [opened, quorum, decided()]).when(addProtocolNote, command({ memberIds: ['m3', 'm4', 'm3'] })).then([
      { type: 'ProtocolNoteAdded', data: { text: 'Vi kan ikke tiltræde indstillingen.', memberIds: ['m3', 'm4'] } },
    ]);
  });

  it('takes a note of exactly the maximum length', () => {
    const [event] = given(committeeItem, [opened, quorum]).when(addProtocolNote, command({ text: 'x'.repeat(PROTOCOL_NOTE_MAX_LENGTH) })).events();
    expect(event.data.text).toHaveLength(4000);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(addProtocolNote, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a blank note', () => {
    given(committeeItem, [opened, quorum]).when(addProtocolNote, command({ text: ' \n ' })).thenRefuses('NOTE.TEXT_MISSING', 'text');
  });

  it('refuses a note longer than 4000 characters', () => {
    given(committeeItem, [opened, quorum]).when(addProtocolNote, command({ text: 'x'.repeat(4001) })).thenRefuses('NOTE.TEXT_TOO_LONG', 'text');
  });

  it('refuses a note that belongs to no one', () => {
    given(committeeItem, [opened, quorum]).when(addProtocolNote, command({ memberIds: [] })).thenRefuses('NOTE.MEMBERS_MISSING', 'memberIds');
  });

  it('refuses a note by a member not present for the item', () => {
    given(committeeItem, [opened, quorum]).when(addProtocolNote, command({ memberIds: ['m1', 'm9'] })).thenRefuses('ITEM.MEMBER_NOT_PRESENT', 'memberIds');
  });
});
