import { Module, type DynamicModule } from '@nestjs/common';
import { PG_POOL, SECRETS, type ResolvedSecrets } from '@casetrail/platform';
import type { Pool } from 'pg';
import { AccessLog } from '../access-log/access-log';
import { PersonalDataVault } from '../vault/personal-data-vault';
import { parseVaultKeys } from '../vault/vault-keys';

/** Injection token of the application's {@link PersonalDataVault}. */
export const PERSONAL_DATA_VAULT = Symbol('PERSONAL_DATA_VAULT');

/** Injection token of the application's {@link AccessLog}. */
export const ACCESS_LOG = Symbol('ACCESS_LOG');

/** Provides the vault, with keys from configuration (or development secrets), and the access log to the importer. */
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
        { provide: ACCESS_LOG, inject: [PG_POOL], useFactory: (pool: Pool) => AccessLog.create(pool) },
      ],
      exports: [PERSONAL_DATA_VAULT, ACCESS_LOG],
    };
  }
}
