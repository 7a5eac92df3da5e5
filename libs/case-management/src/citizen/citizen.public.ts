/** This aggregate's public surface, re-exported by the lib's index.ts. */
export type * from './citizen.events';
export { citizen, citizenStream, CITIZEN_STREAM_PREFIX } from './citizen.state';
export type { CitizenState } from './citizen.state';
export { EraseCitizenCommand } from './erase-citizen/erase-citizen.command';
export { MAX_ERASURE_REASON_LENGTH, requireErasureReason } from './erase-citizen/erase-citizen.decide';
