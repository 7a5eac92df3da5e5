import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  DEV_TOKEN_AUDIENCE,
  DEV_TOKEN_ISSUER,
  isRole,
  mintDevToken,
  parseJwtSecret,
  readOrCreateDevSecrets,
  ROLES,
  type Role,
} from '@casetrail/platform';

const USAGE = `Usage: node dist/scripts/mint-dev-token.js --sub <subject> --roles <role,role> [--name "Full Name"] [--ttl 8h] [--iss ${DEV_TOKEN_ISSUER}] [--aud ${DEV_TOKEN_AUDIENCE}]
Roles: ${ROLES.join(', ')}
The HS256 secret comes from AUTH_JWT_SECRET (base64), else from \${DATA_DIR:-.data}/dev-secrets.json (created if missing).
Issuer and audience default to AUTH_JWT_ISSUER and AUTH_JWT_AUDIENCE when set, as the API reads them.
Prints the token alone on stdout.`;

/** Mints a development token for calling the API, e.g. `curl -H "Authorization: Bearer $(node dist/scripts/mint-dev-token.js --sub alice --roles caseworker)"`. */
async function main(argv: readonly string[]): Promise<void> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      sub: { type: 'string' },
      roles: { type: 'string' },
      name: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      iss: { type: 'string', default: env('AUTH_JWT_ISSUER') ?? DEV_TOKEN_ISSUER },
      aud: { type: 'string', default: env('AUTH_JWT_AUDIENCE') ?? DEV_TOKEN_AUDIENCE },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (!values.sub || !values.roles) throw new UsageError('--sub and --roles are required');
  const requested = values.roles.split(',').map((role) => role.trim()).filter((role) => role !== '');
  const unknown = requested.filter((role) => !isRole(role));
  if (unknown.length > 0 || requested.length === 0) {
    throw new UsageError(`unknown or no roles: ${unknown.join(', ') || '(none)'}`);
  }
  const secret = parseJwtSecret(env('AUTH_JWT_SECRET') ?? (await readOrCreateDevSecrets(resolve(process.cwd(), env('DATA_DIR') ?? '.data'))).jwtSecret);
  const token = await mintDevToken({
    subject: values.sub,
    roles: requested as Role[],
    name: values.name,
    secret,
    issuer: values.iss,
    audience: values.aud,
    expiresIn: values.ttl,
  });
  process.stdout.write(`${token}\n`);
}

class UsageError extends Error {}

function env(name: string): string | undefined {
  const value = process.env[name]?.trim();
  return value ? value : undefined;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  const usage = error instanceof UsageError || String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`mint-dev-token: ${message}\n${usage ? `${USAGE}\n` : ''}`);
  process.exitCode = usage ? 2 : 1;
});
