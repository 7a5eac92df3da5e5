/** Every command and query handler of this aggregate; the module registers them. */
export const INQUIRY_HANDLERS = [];
