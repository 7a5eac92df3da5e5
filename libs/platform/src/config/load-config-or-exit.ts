import { JsonLogger } from '../logging/json-logger';
import { ConfigError, loadConfig, type AppConfig } from './app-config';

/**
 * For a process's entry point: the configuration, or one JSON error line naming every wrong
 * variable and exit code 1.
 */
export function loadConfigOrExit(env: Readonly<Record<string, string | undefined>> = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    new JsonLogger('error', 'config').error({ msg: error.message, variables: error.problems });
    process.exit(1);
  }
}
