import { given } from '@casetrail/testing';
import { context, opened } from '../committee-item.fixtures';
import { committeeItem } from '../committee-item.state';
import { LinkItemCommand } from './link-item.command';
import { linkItem } from './link-item.decide';

const command = (payload: Partial<LinkItemCommand['payload']> = {}) =>
  new LinkItemCommand('item-2', { linkedItemId: 'item-2023-17', relation: 'CONTINUES', ...payload }, context);
const linked = { type: 'ItemLinked', data: { linkedItemId: 'item-2023-17', relation: 'CONTINUES' } } as const;

describe('link item', () => {
  it('links an earlier item by its stable id', () => {
    given(committeeItem, [opened]).when(linkItem, command()).then([linked]);
  });

  it('ignores the same link again, but takes another relation to the same item', () => {
    given(committeeItem, [opened, linked]).when(linkItem, command()).then([]);
    given(committeeItem, [opened, linked]).when(linkItem, command({ relation: 'REFERRED_FROM' })).then([
      { type: 'ItemLinked', data: { linkedItemId: 'item-2023-17', relation: 'REFERRED_FROM' } },
    ]);
  });

  it('refuses an item that was never opened', () => {
    given(committeeItem, []).when(linkItem, command()).thenRefuses('ITEM.NOT_FOUND');
  });

  it('refuses a link without an item id', () => {
    given(committeeItem, [opened]).when(linkItem, command({ linkedItemId: ' ' })).thenRefuses('LINK.ITEM_MISSING', 'linkedItemId');
  });

  it('refuses a link to the item itself', () => {
    given(committeeItem, [opened]).when(linkItem, command({ linkedItemId: 'item-2' })).thenRefuses('ITEM.LINK_TO_SELF', 'linkedItemId');
  });

  it('refuses an unknown relation', () => {
    given(committeeItem, [opened]).when(linkItem, command({ relation: 'SAME_AS' as never })).thenRefuses('LINK.UNKNOWN_RELATION', 'relation');
  });
});
