/** Every command and query handler of this aggregate; the module registers them. */
export const COMMITTEE_ITEM_HANDLERS = [];
