import { randomBytes } from 'node:crypto';
import { InvalidVaultKeyError, parseVaultKeys, type VaultKeyName } from './vault-keys';

function refusal(master: string, lookup: string): { key: VaultKeyName; message: string } {
  try {
    parseVaultKeys(master, lookup);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidVaultKeyError);
    const invalid = error as InvalidVaultKeyError;
    expect(invalid.code).toBe('VAULT.INVALID_KEY');
    for (const value of [master, lookup].filter((v) => v.trim().length > 3)) expect(invalid.message).not.toContain(value.trim());
    return { key: invalid.key, message: invalid.message };
  }
  throw new Error('expected parseVaultKeys to refuse');
}

const key32 = () => randomBytes(32).toString('base64');

describe('parseVaultKeys', () => {
  it('decodes two 32-byte base64 keys', () => {
    const master = randomBytes(32);
    const lookup = randomBytes(32);
    const keys = parseVaultKeys(`${master.toString('base64')}\n`, lookup.toString('base64'));
    expect(keys.masterKey.equals(master)).toBe(true);
    expect(keys.lookupKey.equals(lookup)).toBe(true);
  });

  it('names the key of the wrong length, with the length found', () => {
    expect(refusal(randomBytes(16).toString('base64'), key32())).toEqual({ key: 'masterKey', message: 'The vault master key must be 32 bytes (got 16)' });
    expect(refusal(key32(), randomBytes(64).toString('base64'))).toEqual({ key: 'lookupKey', message: 'The vault lookup key must be 32 bytes (got 64)' });
  });

  it('refuses missing and non-base64 keys without showing them', () => {
    expect(refusal('', key32())).toEqual({ key: 'masterKey', message: 'The vault master key is missing' });
    expect(refusal(key32(), 'correct horse battery staple!')).toEqual({ key: 'lookupKey', message: 'The vault lookup key is not base64' });
    expect(refusal('ab-_'.repeat(11), key32()).message).toContain('is not base64');
  });

  it('refuses the same key for both purposes', () => {
    const same = key32();
    expect(refusal(same, same)).toEqual({ key: 'lookupKey', message: 'The vault lookup key must differ from the master key' });
  });
});
