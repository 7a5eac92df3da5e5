import { DomainError } from '../../shared/domain-error';
import { LINK_RELATIONS } from '../committee-item.catalogue';
import type { ItemLinked } from '../committee-item.events';
import { requireItem, requireText } from '../committee-item.rules';
import type { CommitteeItemState } from '../committee-item.state';
import type { LinkItemCommand } from './link-item.command';

/** Linking the same item with the same relation again changes nothing. */
export function linkItem(command: LinkItemCommand, state: CommitteeItemState): ItemLinked[] {
  requireItem(state);
  const linkedItemId = requireText(command.payload.linkedItemId, 'LINK.ITEM_MISSING', 'linkedItemId');
  if (linkedItemId === state.itemId) throw new DomainError('ITEM.LINK_TO_SELF', 'An item cannot be linked to itself', { field: 'linkedItemId' });
  const { relation } = command.payload;
  if (!LINK_RELATIONS.includes(relation)) {
    throw new DomainError('LINK.UNKNOWN_RELATION', `Relation must be one of ${LINK_RELATIONS.join(', ')}`, { field: 'relation' });
  }
  if (state.links.some((l) => l.linkedItemId === linkedItemId && l.relation === relation)) return [];
  return [{ type: 'ItemLinked', data: { linkedItemId, relation } }];
}
