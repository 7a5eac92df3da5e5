import { Module, type DynamicModule } from '@nestjs/common';
import { PG_POOL, SECRETS, type ResolvedSecrets } from '@casetrail/platform';
import type { Pool } from 'pg';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { parseVaultKeys } from '../vault/vault-keys';

/** Injection token of the application's {@link PersonalDataVault}. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

/** Provides the vault, with keys from configuration (or development secrets), to the importer. */
@Module({})
export class PersonalDataModule {
  /** `platform` is the application's PlatformModule.forRoot(...) module. */
  static register(platform: DynamicModule): DynamicModule {
    return {
      module: PersonalDataModule,
      imports: [platform],
      providers: [
        {
          provide: PERSONAL_DATA_VAULT,
          inject: [PG_POOL, SECRETS],
          useFactory: (pool: Pool, secrets: ResolvedSecrets) =>
            PersonalDataVault.create(pool, parseVaultKeys(secrets.vaultMasterKeyBase64, secrets.vaultLookupKeyBase64)),
        },
      ],
      exports: [PERSONAL_DATA_VAULT],
    };
  }
}
