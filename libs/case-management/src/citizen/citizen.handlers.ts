import { EraseCitizenHandler } from './erase-citizen/erase-citizen.handler';

/** Every command handler of the citizen; the module registers them. */
export const CITIZEN_HANDLERS = [EraseCitizenHandler];
