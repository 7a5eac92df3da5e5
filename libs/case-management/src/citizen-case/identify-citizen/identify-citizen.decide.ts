import { DomainError } from '../../shared/domain-error';
import { DISCOVERY_SOURCES } from '../catalogue/case-catalogues';
import type { CitizenIdentified } from '../citizen-case.events';
import { dateOrEffective, requireCase } from '../citizen-case.rules';
import type { CitizenCaseState } from '../citizen-case.state';
import type { IdentifyCitizenCommand } from './identify-citizen.command';

export const NOTE_MAX_LENGTH = 500;

/** Records how the citizen was found; a source already recorded decides nothing (safe to repeat). */
export function identifyCitizen(command: IdentifyCitizenCommand, state: CitizenCaseState): CitizenIdentified[] {
  requireCase(state);
  const { source } = command.payload;
  if (!DISCOVERY_SOURCES.includes(source)) {
    throw new DomainError('CITIZEN.UNKNOWN_DISCOVERY_SOURCE', `Source must be one of ${DISCOVERY_SOURCES.join(', ')}`, { field: 'source' });
  }
  const note = command.payload.note?.trim() || null;
  if (note !== null && note.length > NOTE_MAX_LENGTH) {
    throw new DomainError('CITIZEN.NOTE_TOO_LONG', `A note is at most ${NOTE_MAX_LENGTH} characters`, { field: 'note' });
  }
  const identifiedOn = dateOrEffective(command.payload.identifiedOn, 'identifiedOn', command.context);
  if (state.discoveries.some((discovery) => discovery.source === source)) return [];
  return [{ type: 'CitizenIdentified', data: { source, identifiedOn, note } }];
}
