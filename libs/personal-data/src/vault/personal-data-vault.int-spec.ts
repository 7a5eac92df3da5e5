import { randomBytes } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@casetrail/testing';
import { parseCprNumber } from '../cpr/cpr-number';
import { CiphertextRejectedError, CitizenErasedError, PersonalDataVault, UnknownCitizenError } from './personal-data-vault';
import type { VaultKeys } from './vault-keys';

const keys = (): VaultKeys => ({ masterKey: randomBytes(32), lookupKey: randomBytes(32) });

describe('PersonalDataVault', () => {
  let db: TestDatabase;
  let vaultKeys: VaultKeys;
  let vault: PersonalDataVault;

  beforeAll(async () => {
    db = await createTestDatabase();
    vaultKeys = keys();
    vault = await PersonalDataVault.create(db.pool, vaultKeys);
  });
  afterAll(() => db.drop());

  it('gives the same CPR number the same reference, written either way', async () => {
    const first = await vault.registerCitizen(parseCprNumber('010170-1234'));
    const second = await vault.registerCitizen(parseCprNumber('0101701234'));
    expect(first.created).toBe(true);
    expect(first.citizenRef).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(second).toEqual({ citizenRef: first.citizenRef, created: false });
    await expect(vault.findCitizenRef(parseCprNumber('010170-1234'))).resolves.toBe(first.citizenRef);
  });

  it('gives different CPR numbers different references, and finds no reference for an unregistered one', async () => {
    const a = await vault.registerCitizen(parseCprNumber('0202801111'));
    const b = await vault.registerCitizen(parseCprNumber('0202801112'));
    expect(a.citizenRef).not.toBe(b.citizenRef);
    await expect(vault.findCitizenRef(parseCprNumber('0303903333'))).resolves.toBeUndefined();
  });

  it('reveals the CPR number, and nothing for an unknown or malformed reference', async () => {
    const { citizenRef } = await vault.registerCitizen(parseCprNumber('150372-4001'));
    await expect(vault.revealCpr(citizenRef)).resolves.toBe('1503724001');
    await expect(vault.revealCpr('0193f0c8-0000-7000-8000-000000000000')).resolves.toBeUndefined();
    await expect(vault.revealCpr('not-a-uuid')).resolves.toBeUndefined();
  });

  it('stores no CPR number in plain text, in any column or encoding', async () => {
    const cpr = parseCprNumber('241299-0987');
    await vault.registerCitizen(cpr);
    const { rows } = await db.pool.query<{ line: string }>('SELECT row_to_json(c)::text AS line FROM personal_data.citizens c');
    const { rows: raw } = await db.pool.query<Record<string, unknown>>('SELECT * FROM personal_data.citizens');
    expect(rows.length).toBeGreaterThan(0);
    const forms = [cpr.digits(), cpr.formatted()];
    const hexForms = forms.map((form) => Buffer.from(form, 'ascii').toString('hex'));
    for (const { line } of rows) {
      for (const form of [...forms, ...hexForms]) expect(line).not.toContain(form);
    }
    for (const row of raw) {
      for (const value of Object.values(row)) {
        const bytes = Buffer.isBuffer(value) ? value : Buffer.from(String(value));
        for (const form of forms) expect(bytes.includes(Buffer.from(form, 'ascii'))).toBe(false);
      }
    }
  });

  it('encrypts other fields with the citizen key, bound to that citizen', async () => {
    const alice = await vault.registerCitizen(parseCprNumber('0505651234'));
    const bob = await vault.registerCitizen(parseCprNumber('0606661234'));
    const ciphertext = await vault.encryptField(alice.citizenRef, 'Åse Ærø Østergaard');
    expect(ciphertext.includes(Buffer.from('Østergaard'))).toBe(false);
    await expect(vault.decryptField(alice.citizenRef, ciphertext)).resolves.toBe('Åse Ærø Østergaard');
    await expect(vault.decryptField(bob.citizenRef, ciphertext)).rejects.toBeInstanceOf(CiphertextRejectedError);
    const tampered = Buffer.from(ciphertext);
    tampered[tampered.length - 1] ^= 1;
    await expect(vault.decryptField(alice.citizenRef, tampered)).rejects.toMatchObject({ code: 'VAULT.CIPHERTEXT_REJECTED' });
    await expect(vault.encryptField('0193f0c8-0000-7000-8000-000000000000', 'x')).rejects.toBeInstanceOf(UnknownCitizenError);
  });

  it('erases by destroying the key: nothing decrypts, and the CPR number is refused from then on', async () => {
    const cpr = parseCprNumber('0707614285');
    const { citizenRef } = await vault.registerCitizen(cpr);
    const field = await vault.encryptField(citizenRef, 'Jens Jensen');

    await expect(vault.eraseCitizen(citizenRef)).resolves.toBe(true);
    await expect(vault.eraseCitizen(citizenRef)).resolves.toBe(true);
    await expect(vault.eraseCitizen('0193f0c8-0000-7000-8000-000000000000')).resolves.toBe(false);

    await expect(vault.revealCpr(citizenRef)).resolves.toBeUndefined();
    await expect(vault.decryptField(citizenRef, field)).resolves.toBeUndefined();
    await expect(vault.encryptField(citizenRef, 'again')).rejects.toBeInstanceOf(CitizenErasedError);
    await expect(vault.registerCitizen(cpr)).rejects.toMatchObject({ code: 'CITIZEN.ERASED', citizenRef });
    await expect(vault.findCitizenRef(cpr)).rejects.toBeInstanceOf(CitizenErasedError);
    await expect(vault.isRegistered(citizenRef)).resolves.toBe(true);
    await expect(vault.isRegistered('0193f0c8-0000-7000-8000-000000000000')).resolves.toBe(false);
    await expect(vault.isRegistered('not-a-uuid')).resolves.toBe(false);

    const { rows } = await db.pool.query('SELECT wrapped_key, cpr_ciphertext, erased_at FROM personal_data.citizens WHERE citizen_ref = $1', [citizenRef]);
    expect(rows).toEqual([{ wrapped_key: null, cpr_ciphertext: expect.any(Buffer), erased_at: expect.any(Date) }]);
    await expect(
      db.pool.query("UPDATE personal_data.citizens SET wrapped_key = '\\x01', erased_at = NULL WHERE citizen_ref = $1", [citizenRef]),
    ).rejects.toThrow(/stays erased/);
  });

  it('creates one citizen when ten registrations of the same CPR number race', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => vault.registerCitizen(parseCprNumber('1111111118'))));
    expect(new Set(results.map((result) => result.citizenRef)).size).toBe(1);
    expect(results.filter((result) => result.created)).toHaveLength(1);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM personal_data.citizens WHERE citizen_ref = $1', [results[0].citizenRef]);
    expect(rows[0].n).toBe(1);
  });

  it('cannot read anything with another master key, and does not find anyone with another lookup key', async () => {
    const cpr = parseCprNumber('0808881234');
    const { citizenRef } = await vault.registerCitizen(cpr);
    const otherMaster = await PersonalDataVault.create(db.pool, { ...vaultKeys, masterKey: randomBytes(32) });
    await expect(otherMaster.revealCpr(citizenRef)).rejects.toBeInstanceOf(CiphertextRejectedError);
    const otherLookup = await PersonalDataVault.create(db.pool, { ...vaultKeys, lookupKey: randomBytes(32) });
    await expect(otherLookup.findCitizenRef(cpr)).resolves.toBeUndefined();
  });

  it('gives the keyed lookup hash it finds citizens by, which depends on the lookup key', async () => {
    const cpr = parseCprNumber('1112131415');
    await vault.registerCitizen(cpr);
    const hash = vault.lookupHash(cpr);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(vault.lookupHash(parseCprNumber('111213-1415')));
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM personal_data.citizens WHERE cpr_hmac = $1', [Buffer.from(hash, 'hex')]);
    expect(rows[0].n).toBe(1);
    const otherLookup = await PersonalDataVault.create(db.pool, { ...vaultKeys, lookupKey: randomBytes(32) });
    expect(otherLookup.lookupHash(cpr)).not.toBe(hash);
  });

  it('runs its migrations once however often it is created', async () => {
    await Promise.all([PersonalDataVault.create(db.pool, vaultKeys), PersonalDataVault.create(db.pool, vaultKeys)]);
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM personal_data.schema_version');
    expect(rows[0].n).toBe(1);
  });

  it('rotates the master key: every data key re-wrapped, readable with the new key only, erased citizens still erased', async () => {
    const { citizenRef: kept } = await vault.registerCitizen(parseCprNumber('1203871234'));
    const note = await vault.encryptField(kept, 'a note');
    const { citizenRef: erased } = await vault.registerCitizen(parseCprNumber('1304881234'));
    await vault.eraseCitizen(erased);
    const newKeys = { ...vaultKeys, masterKey: randomBytes(32) };
    const rewrapped = await vault.rewrapDataKeys(newKeys.masterKey);
    expect(rewrapped).toBeGreaterThan(0);
    const rotated = await PersonalDataVault.create(db.pool, newKeys);
    expect(await rotated.revealCpr(kept)).toBe('1203871234');
    expect(await rotated.decryptField(kept, note)).toBe('a note');
    expect(await rotated.revealCpr(erased)).toBeUndefined();
    await expect(vault.revealCpr(kept)).rejects.toThrow();
    vault = rotated;
    vaultKeys = newKeys;
  });
});
