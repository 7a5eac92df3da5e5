import { PersonalDataVault, parseVaultKeys } from '@casetrail/personal-data';
import { ConfigError, JsonLogger, createPostgresPool, loadConfig, provideDatabaseServer, resolveSecrets } from '@casetrail/platform';

/**
 * `NEW_VAULT_MASTER_KEY=<base64> npm run vault:rotate-master-key`: re-wraps every citizen's data key
 * under the new master key in one transaction. Stop the API and projector first; afterwards start
 * them with VAULT_MASTER_KEY set to the new key (docs/runbook.md).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const secrets = await resolveSecrets(config);
  if (secrets.development.includes('vault')) {
    throw new Error('Rotation applies to configured keys: set VAULT_MASTER_KEY and VAULT_LOOKUP_KEY to the current keys');
  }
  const fresh = process.env.NEW_VAULT_MASTER_KEY?.trim();
  if (!fresh) throw new Error('Set NEW_VAULT_MASTER_KEY to the new key (32 bytes, base64), e.g. from `openssl rand -base64 32`');
  const newKeys = parseVaultKeys(fresh, secrets.vaultLookupKeyBase64);
  const logger = new JsonLogger('warn', 'vault-rotation', (line) => process.stderr.write(line));
  const server = await provideDatabaseServer(config, logger);
  const pool = createPostgresPool(server.url, { max: 2, applicationName: 'casetrail-vault-rotation' });
  try {
    const vault = await PersonalDataVault.create(pool, parseVaultKeys(secrets.vaultMasterKeyBase64, secrets.vaultLookupKeyBase64));
    const count = await vault.rewrapDataKeys(newKeys.masterKey);
    process.stdout.write(`Re-wrapped ${count} data keys under the new master key. Start the application with VAULT_MASTER_KEY set to it.\n`);
  } finally {
    await pool.end();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : (error as Error).message}\n`);
  process.exit(1);
});
