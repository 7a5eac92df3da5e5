import { parseCaseNumber } from '../../shared/case-number/case-number';
import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { ItemOpened } from '../committee-item.events';
import { requireText } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { OpenItemCommand } from './open-item.command';

const isPositiveInteger = (n: number) => Number.isInteger(n) && n > 0;

export function openItem(command: OpenItemCommand, state: CommitteeItemState): ItemOpened[] {
  if (state.status !== 'NONE') throw new DomainError('ITEM.ALREADY_OPENED', 'This item has already been opened', { kind: 'conflict' });
  const { payload } = command;
  const caseNumber = parseCaseNumber(payload.caseNumber, 'caseNumber');
  const committeeId = requireText(payload.committee.id, 'ITEM.COMMITTEE_MISSING', 'committee.id');
  const committeeName = requireText(payload.committee.name, 'ITEM.COMMITTEE_MISSING', 'committee.name');
  if (!isPositiveInteger(payload.committee.memberCount)) {
    throw new DomainError('ITEM.MEMBER_COUNT_INVALID', 'The committee has a positive whole number of members', { field: 'committee.memberCount' });
  }
  const meetingDate = requireIsoDate(payload.meetingDate, 'meetingDate');
  if (!isPositiveInteger(payload.itemNumber)) {
    throw new DomainError('ITEM.NUMBER_INVALID', 'The item number is a positive whole number', { field: 'itemNumber' });
  }
  return [
    {
      type: 'ItemOpened',
      data: {
        itemId: command.itemId,
        caseNumber,
        committee: { id: committeeId, name: committeeName, memberCount: payload.committee.memberCount },
        meetingDate,
        itemNumber: payload.itemNumber,
        title: requireText(payload.title, 'ITEM.TITLE_MISSING', 'title'),
        closed: payload.closed,
      },
    },
  ];
}
