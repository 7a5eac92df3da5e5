import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { uuidv7 } from '@casetrail/platform';
import type { Pool } from 'pg';
import type { CprNumber } from '../cpr/cpr-number';
import { assertVaultKeys, type VaultKeys } from './vault-keys';
import { migrateVaultSchema } from './vault-schema';

/** The citizen was erased; their data is gone and their CPR number may not be linked to new history. */
export class CitizenErasedError extends Error {
  readonly code = 'CITIZEN.ERASED';
  constructor(readonly citizenRef: string) {
    super(`Citizen ${citizenRef} has been erased`);
    this.name = 'CitizenErasedError';
  }
}

/** No citizen has this reference. */
export class UnknownCitizenError extends Error {
  readonly code = 'CITIZEN.NOT_FOUND';
  constructor(readonly citizenRef: string) {
    super(`No citizen ${citizenRef} in the personal-data vault`);
    this.name = 'UnknownCitizenError';
  }
}

/** A ciphertext was altered, truncated, or belongs to another citizen. */
export class CiphertextRejectedError extends Error {
  readonly code = 'VAULT.CIPHERTEXT_REJECTED';
  constructor(readonly citizenRef: string) {
    super(`A ciphertext given for citizen ${citizenRef} does not decrypt under their key`);
    this.name = 'CiphertextRejectedError';
  }
}

export interface CitizenRegistration {
  readonly citizenRef: string;
  /** False when the CPR number was registered before. */
  readonly created: boolean;
}

// Envelope: version byte, 12-byte IV, 16-byte GCM tag, ciphertext. The version also selects the
// master key generation once keys are rotated.
const ENVELOPE_V1 = 0x01;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + IV_BYTES + TAG_BYTES;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Purpose = 'data-key' | 'cpr' | 'field';

/**
 * The personal-data vault (PostgreSQL schema `personal_data`): the only place a CPR number is kept.
 * Each citizen gets a pseudonymous reference (UUIDv7) for events and read models, and a random data
 * key wrapped under the master key; the CPR number and any other personal field are encrypted with
 * that data key. Lookup by CPR goes through a keyed hash. Erasure destroys the wrapped data key
 * (crypto-shredding), which makes every ciphertext of that citizen unreadable wherever it is stored.
 *
 * Every ciphertext is bound to its citizen and purpose (AES-GCM associated data), so that one cannot
 * be swapped for another's. Nothing here logs, and no error message holds a CPR number or plaintext.
 */
export class PersonalDataVault {
  private constructor(
    private readonly pool: Pool,
    private readonly keys: VaultKeys,
  ) {}

  /** Checks the keys, brings the schema up to date and returns the vault. */
  static async create(pool: Pool, keys: VaultKeys): Promise<PersonalDataVault> {
    assertVaultKeys(keys);
    await migrateVaultSchema(pool);
    return new PersonalDataVault(pool, { masterKey: Buffer.from(keys.masterKey), lookupKey: Buffer.from(keys.lookupKey) });
  }

  /**
   * The citizen's reference, created on first registration; the same CPR number always gives the
   * same reference, also under concurrent registration.
   * @throws CitizenErasedError when this CPR number belonged to an erased citizen: their history is
   * not silently linked to a new registration.
   */
  async registerCitizen(cpr: CprNumber): Promise<CitizenRegistration> {
    const cprHmac = this.lookupHmac(cpr);
    const citizenRef = uuidv7();
    const dataKey = randomBytes(32);
    try {
      const wrappedKey = seal(this.keys.masterKey, dataKey, associatedData('data-key', citizenRef));
      const cprCiphertext = seal(dataKey, Buffer.from(cpr.digits(), 'ascii'), associatedData('cpr', citizenRef));
      for (let attempt = 0; attempt < 3; attempt++) {
        const inserted = await this.pool.query<{ citizen_ref: string }>(
          `INSERT INTO personal_data.citizens (citizen_ref, cpr_hmac, wrapped_key, cpr_ciphertext)
           VALUES ($1, $2, $3, $4) ON CONFLICT (cpr_hmac) DO NOTHING RETURNING citizen_ref`,
          [citizenRef, cprHmac, wrappedKey, cprCiphertext],
        );
        if (inserted.rows.length === 1) return { citizenRef, created: true };
        const existing = await this.citizenByHash(cprHmac);
        if (existing !== undefined) return { citizenRef: existing, created: false };
        // Only reachable if the conflicting row vanished in between; the vault never deletes, but try again.
      }
      throw new Error('Citizen registration did not settle after three attempts');
    } finally {
      dataKey.fill(0);
    }
  }

  /**
   * The reference of the citizen with this CPR number, or undefined when never registered. Looks up
   * the keyed hash only; nothing is decrypted.
   * @throws CitizenErasedError when the citizen was erased
   */
  findCitizenRef(cpr: CprNumber): Promise<string | undefined> {
    return this.citizenByHash(this.lookupHmac(cpr));
  }

  /** Whether the reference belongs to a registered citizen, erased or not. Decrypts nothing. */
  async isRegistered(citizenRef: string): Promise<boolean> {
    return (await this.citizenRow(citizenRef)) !== undefined;
  }

  /** The CPR number (`DDMMYYSSSS`) of a citizen, or undefined when unknown or erased. */
  async revealCpr(citizenRef: string): Promise<string | undefined> {
    const row = await this.citizenRow(citizenRef);
    if (row?.wrapped_key == null) return undefined;
    return this.withDataKey(citizenRef, row.wrapped_key, (dataKey) =>
      open(dataKey, row.cpr_ciphertext, associatedData('cpr', citizenRef), citizenRef).toString('ascii'),
    );
  }

  /**
   * Encrypts another personal field (a name, an address) with the citizen's data key, for storage
   * anywhere; erasing the citizen makes it unreadable.
   * @throws UnknownCitizenError, CitizenErasedError
   */
  async encryptField(citizenRef: string, plaintext: string): Promise<Buffer> {
    const row = await this.citizenRow(citizenRef);
    if (row === undefined) throw new UnknownCitizenError(citizenRef);
    if (row.wrapped_key === null) throw new CitizenErasedError(citizenRef);
    return this.withDataKey(citizenRef, row.wrapped_key, (dataKey) =>
      seal(dataKey, Buffer.from(plaintext, 'utf8'), associatedData('field', citizenRef)),
    );
  }

  /**
   * Decrypts a field from {@link encryptField}; undefined when the citizen is unknown or erased.
   * @throws CiphertextRejectedError when the ciphertext was altered or belongs to another citizen
   */
  async decryptField(citizenRef: string, ciphertext: Buffer): Promise<string | undefined> {
    const row = await this.citizenRow(citizenRef);
    if (row?.wrapped_key == null) return undefined;
    return this.withDataKey(citizenRef, row.wrapped_key, (dataKey) =>
      open(dataKey, ciphertext, associatedData('field', citizenRef), citizenRef).toString('utf8'),
    );
  }

  /**
   * Erases a citizen by destroying their wrapped data key. The reference, the keyed hash and the
   * now unreadable ciphertexts stay, so that history still verifies and the CPR number is recognised
   * as erased. Idempotent: true when the citizen is erased (now or before), false when unknown.
   * PostgreSQL keeps the old row version until vacuum, and backups keep it until they expire.
   */
  async eraseCitizen(citizenRef: string): Promise<boolean> {
    if (!UUID.test(citizenRef)) return false;
    const { rows } = await this.pool.query(
      `WITH erased AS (
         UPDATE personal_data.citizens SET wrapped_key = NULL, erased_at = now()
          WHERE citizen_ref = $1 AND erased_at IS NULL RETURNING 1)
       SELECT 1 FROM erased UNION ALL SELECT 1 FROM personal_data.citizens WHERE citizen_ref = $1`,
      [citizenRef],
    );
    return rows.length > 0;
  }

  /**
   * The keyed lookup hash of a CPR number (HMAC-SHA256 under the lookup key, hex): the same value the
   * vault looks citizens up by. For recording someone who is not (yet) a registered citizen, e.g. in
   * imported evidence, without storing the number; the key never leaves the vault.
   */
  lookupHash(cpr: CprNumber): string {
    return this.lookupHmac(cpr).toString('hex');
  }

  private lookupHmac(cpr: CprNumber): Buffer {
    return createHmac('sha256', this.keys.lookupKey).update(cpr.digits(), 'ascii').digest();
  }

  /**
   * Master-key rotation: re-wraps every citizen's data key under `newMasterKey` in one transaction
   * (all or none). Erased citizens have no key and stay erased. Run it with writes stopped, then
   * start the application with the new key. Returns the number of keys re-wrapped.
   */
  async rewrapDataKeys(newMasterKey: Buffer): Promise<number> {
    if (newMasterKey.length !== 32) throw new Error('The new master key must be 32 bytes');
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<{ citizen_ref: string; wrapped_key: Buffer }>(
        'SELECT citizen_ref, wrapped_key FROM personal_data.citizens WHERE wrapped_key IS NOT NULL FOR UPDATE',
      );
      for (const row of rows) {
        const aad = associatedData('data-key', row.citizen_ref);
        const rewrapped = seal(newMasterKey, open(this.keys.masterKey, row.wrapped_key, aad, row.citizen_ref), aad);
        await client.query('UPDATE personal_data.citizens SET wrapped_key = $2 WHERE citizen_ref = $1', [row.citizen_ref, rewrapped]);
      }
      await client.query('COMMIT');
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async citizenByHash(cprHmac: Buffer): Promise<string | undefined> {
    const { rows } = await this.pool.query<{ citizen_ref: string; erased: boolean }>(
      'SELECT citizen_ref, erased_at IS NOT NULL AS erased FROM personal_data.citizens WHERE cpr_hmac = $1',
      [cprHmac],
    );
    const row = rows[0];
    if (row?.erased) throw new CitizenErasedError(row.citizen_ref);
    return row?.citizen_ref;
  }

  private async citizenRow(citizenRef: string): Promise<{ wrapped_key: Buffer | null; cpr_ciphertext: Buffer } | undefined> {
    if (!UUID.test(citizenRef)) return undefined;
    const { rows } = await this.pool.query<{ wrapped_key: Buffer | null; cpr_ciphertext: Buffer }>(
      'SELECT wrapped_key, cpr_ciphertext FROM personal_data.citizens WHERE citizen_ref = $1',
      [citizenRef],
    );
    return rows[0];
  }

  private withDataKey<T>(citizenRef: string, wrappedKey: Buffer, use: (dataKey: Buffer) => T): T {
    const dataKey = open(this.keys.masterKey, wrappedKey, associatedData('data-key', citizenRef), citizenRef);
    try {
      return use(dataKey);
    } finally {
      dataKey.fill(0);
    }
  }
}

function associatedData(purpose: Purpose, citizenRef: string): Buffer {
  return Buffer.from(`casetrail.personal-data.v${ENVELOPE_V1}:${purpose}:${citizenRef.toLowerCase()}`, 'utf8');
}

function seal(key: Buffer, plaintext: Buffer, aad: Buffer): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(aad);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.of(ENVELOPE_V1), iv, cipher.getAuthTag(), ciphertext]);
}

function open(key: Buffer, envelope: Buffer, aad: Buffer, citizenRef: string): Buffer {
  if (!Buffer.isBuffer(envelope) || envelope.length < HEADER_BYTES || envelope[0] !== ENVELOPE_V1) {
    throw new CiphertextRejectedError(citizenRef);
  }
  const decipher = createDecipheriv('aes-256-gcm', key, envelope.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(aad);
  decipher.setAuthTag(envelope.subarray(1 + IV_BYTES, HEADER_BYTES));
  try {
    return Buffer.concat([decipher.update(envelope.subarray(HEADER_BYTES)), decipher.final()]);
  } catch {
    throw new CiphertextRejectedError(citizenRef);
  }
}
