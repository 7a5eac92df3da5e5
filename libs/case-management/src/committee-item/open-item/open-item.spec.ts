import { given } from '@casetrail/testing';
import { context, opened } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { OpenItemCommand } from './open-item.command';
import { openItem } from './open-item.decide';

type Payload = OpenItemCommand['payload'];
const committee = { id: 'bu', name: 'Beskæftigelsesudvalget', memberCount: 7 };
const command = (payload: Partial<Payload> = {}, itemId = 'item-2') =>
  new OpenItemCommand(
    itemId,
    { caseNumber: '24-1-15.20.00-P27', committee, meetingDate: '2025-01-14', itemNumber: 2, title: ' Opfølgning på skærpet rådighedssanktion ', closed: false, ...payload },
    context,
  );

describe('open item', () => {
  it('opens the item with the parsed case number and the committee', () => {
    given(committeeItem, []).when(openItem, command()).then([opened]);
  });

  it('opens another item, closed, under the same case number', () => {
    const [event] = given(committeeItem, []).when(openItem, command({ closed: true, itemNumber: 5 }, 'item-5')).events();
    expect(event.data).toMatchObject({ itemId: 'item-5', caseNumber: opened.data.caseNumber, closed: true, itemNumber: 5 });
  });

  it('refuses a second opening', () => {
    given(committeeItem, [opened]).when(openItem, command()).thenRefuses('ITEM.ALREADY_OPENED');
  });

  it('refuses an unknown case-number format', () => {
    given(committeeItem, []).when(openItem, command({ caseNumber: 'SAG 12' })).thenRefuses('CASE_NUMBER.INVALID', 'caseNumber');
  });

  it('refuses a committee without id or name', () => {
    given(committeeItem, []).when(openItem, command({ committee: { ...committee, id: ' ' } })).thenRefuses('ITEM.COMMITTEE_MISSING', 'committee.id');
    given(committeeItem, []).when(openItem, command({ committee: { ...committee, name: '' } })).thenRefuses('ITEM.COMMITTEE_MISSING', 'committee.name');
  });

  it.each([0, -7, 6.5])('refuses a member count of %p', (memberCount) => {
    given(committeeItem, []).when(openItem, command({ committee: { ...committee, memberCount } })).thenRefuses('ITEM.MEMBER_COUNT_INVALID', 'committee.memberCount');
  });

  it('refuses a meeting date that is not a calendar date', () => {
    given(committeeItem, []).when(openItem, command({ meetingDate: '2025-02-29' })).thenRefuses('DATE.INVALID', 'meetingDate');
  });

  it.each([0, 1.5])('refuses item number %p', (itemNumber) => {
    given(committeeItem, []).when(openItem, command({ itemNumber })).thenRefuses('ITEM.NUMBER_INVALID', 'itemNumber');
  });

  it('refuses a blank title', () => {
    given(committeeItem, []).when(openItem, command({ title: '  ' })).thenRefuses('ITEM.TITLE_MISSING', 'title');
  });
});
