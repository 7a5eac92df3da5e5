export { parseCprNumber, CprNumber, InvalidCprNumberError } from './cpr/cpr-number';
export type { CprProblem } from './cpr/cpr-number';
export { PersonalDataVault, CitizenErasedError, UnknownCitizenError, CiphertextRejectedError } from './vault/personal-data-vault';
export type { CitizenRegistration } from './vault/personal-data-vault';
export { parseVaultKeys, assertVaultKeys, InvalidVaultKeyError } from './vault/vault-keys';
export type { VaultKeys, VaultKeyName } from './vault/vault-keys';
export { migrateVaultSchema } from './vault/vault-schema';
export { PersonalDataModule, PERSONAL_DATA_VAULT } from './nest/personal-data.module';
