/** The vault's two secrets. Both come from outside the database, so that a copy of it reveals nothing. */
export interface VaultKeys {
  /** AES-256-GCM key that wraps each citizen's data key; 32 bytes. */
  readonly masterKey: Buffer;
  /** HMAC-SHA256 key of the CPR lookup hash; 32 bytes. Its loss to an attacker with the table makes CPR numbers guessable. */
  readonly lookupKey: Buffer;
}

export type VaultKeyName = keyof VaultKeys;

const KEY_BYTES = 32;

/** A vault key is missing or malformed. Names the key, never shows its value. */
export class InvalidVaultKeyError extends Error {
  readonly code = 'VAULT.INVALID_KEY';
  constructor(
    readonly key: VaultKeyName,
    problem: string,
  ) {
    super(`The vault ${key === 'masterKey' ? 'master key' : 'lookup key'} ${problem}`);
    this.name = 'InvalidVaultKeyError';
  }
}

/**
 * Decodes the two keys from base64 (as held in configuration) and checks them: 32 bytes each, and
 * not the same key twice.
 * @throws InvalidVaultKeyError naming the key at fault
 */
export function parseVaultKeys(masterKeyBase64: string, lookupKeyBase64: string): VaultKeys {
  const keys: VaultKeys = { masterKey: decodeKey('masterKey', masterKeyBase64), lookupKey: decodeKey('lookupKey', lookupKeyBase64) };
  assertVaultKeys(keys);
  return keys;
}

/** Checks keys handed over as bytes. @throws InvalidVaultKeyError */
export function assertVaultKeys(keys: VaultKeys): void {
  for (const name of ['masterKey', 'lookupKey'] as const) {
    const key = keys[name];
    if (!Buffer.isBuffer(key)) throw new InvalidVaultKeyError(name, 'is missing');
    if (key.length !== KEY_BYTES) throw new InvalidVaultKeyError(name, `must be ${KEY_BYTES} bytes (got ${key.length})`);
  }
  if (keys.masterKey.equals(keys.lookupKey)) throw new InvalidVaultKeyError('lookupKey', 'must differ from the master key');
}

function decodeKey(name: VaultKeyName, base64: string): Buffer {
  const text = typeof base64 === 'string' ? base64.trim() : '';
  if (text === '') throw new InvalidVaultKeyError(name, 'is missing');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 !== 0) throw new InvalidVaultKeyError(name, 'is not base64');
  return Buffer.from(text, 'base64');
}
