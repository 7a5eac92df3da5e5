import { requireIsoDate } from '../../shared/dates';
import { DomainError } from '../../shared/domain-error';
import type { ExtractCitizen, ExtractImported, ExtractSanction } from '../evidence.events';
import type { ExtractState } from '../evidence.state';
import type { ImportExtractCommand } from './import-extract.command';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** The extract's own sanction vocabulary: upper-case codes such as STRICTER_AVAILABILITY. */
const EXTRACT_TYPE = /^[A-Z][A-Z0-9_]{0,63}$/;

/** Imports the extract once; the same document again (same digest, same id) decides nothing. */
export function importExtract(command: ImportExtractCommand, state: ExtractState): ExtractImported[] {
  const { payload } = command;
  if (state.status === 'IMPORTED') {
    if (state.extract?.digest.value !== payload.digest) {
      throw new DomainError('EXTRACT.ID_IN_USE', 'Another document was imported under this id', { kind: 'conflict' });
    }
    return [];
  }
  const source = payload.source.trim();
  if (source === '') throw new DomainError('EXTRACT.SOURCE_MISSING', 'Name the source of the extract', { field: 'source' });
  const period = { from: requireIsoDate(payload.period.from, 'period.from'), to: requireIsoDate(payload.period.to, 'period.to') };
  if (period.to < period.from) throw new DomainError('EXTRACT.PERIOD_INVERTED', 'The period ends before it begins', { field: 'period.to' });
  const receivedOn = requireIsoDate(payload.receivedOn, 'receivedOn');
  if (!SHA256_HEX.test(payload.digest)) throw new DomainError('EXTRACT.DIGEST_INVALID', 'The digest is SHA-256 in lower-case hex', { field: 'digest' });
  const citizens = payload.citizens.map((citizen, i) => readCitizen(citizen, `citizens.${i}`));
  return [
    {
      type: 'ExtractImported',
      data: { extractId: command.extractId, source, period, receivedOn, digest: { algorithm: 'SHA-256', value: payload.digest }, citizens },
    },
  ];
}

function readCitizen(citizen: ExtractCitizen, at: string): ExtractCitizen {
  const sanctions = citizen.sanctions.map((sanction, j) => readSanction(sanction, `${at}.sanctions.${j}`));
  if (citizen.citizenRef !== null && citizen.lookupHash === null && UUID.test(citizen.citizenRef)) {
    return { citizenRef: citizen.citizenRef, lookupHash: null, sanctions };
  }
  if (citizen.citizenRef === null && citizen.lookupHash !== null && SHA256_HEX.test(citizen.lookupHash)) {
    return { citizenRef: null, lookupHash: citizen.lookupHash, sanctions };
  }
  throw new DomainError('EXTRACT.CITIZEN_UNIDENTIFIED', 'Each citizen is a citizen reference or a lookup hash, not both', { field: at });
}

function readSanction(sanction: ExtractSanction, at: string): ExtractSanction {
  if (!EXTRACT_TYPE.test(sanction.type)) {
    throw new DomainError('EXTRACT.SANCTION_TYPE_INVALID', 'A sanction type is an upper-case code such as STRICTER_AVAILABILITY', { field: `${at}.type` });
  }
  const date = requireIsoDate(sanction.date, `${at}.date`);
  const amountOre = sanction.amountOre ?? null;
  if (amountOre !== null && !(Number.isSafeInteger(amountOre) && amountOre >= 0)) {
    throw new DomainError('EXTRACT.AMOUNT_INVALID', 'An amount is a whole, non-negative number of øre', { field: `${at}.amountOre` });
  }
  return { type: sanction.type, date, amountOre };
}
