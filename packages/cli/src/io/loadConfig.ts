import { readFile } from 'node:fs/promises';
import { ConfigError, type ConfigIssue, parseConfig, type SextantConfig } from '@sextant/core';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';

const SECRET_KEY = /^(api_?key|secret|password|passphrase|token|private_?key)$/i;

/**
 * Read one JSON config file and validate it with core's `parseConfig`. Keys
 * that look like secrets (`apiKey`, `secret`, `password`, ...) are refused:
 * secrets come only from the environment (`apiKeyEnv`/`secretEnv` name the
 * variables).
 *
 * @param path - the JSON file
 * @param overrides - fields to set on top of the file (e.g. `symbols` from flags), applied before validation
 * @returns the resolved, frozen config
 * @throws CliError (`INVALID_CONFIG`, exit 3) when the file is missing or not JSON
 * @throws ConfigError naming each bad path with the expected value, or a secret key
 * @example
 * ```ts
 * import { loadConfig } from '@sextant/cli';
 * const config = await loadConfig('sextant.json');
 * config.risk.maxPositionPct; // 0.15 unless set
 * ```
 */
export async function loadConfig(
  path: string,
  overrides: Record<string, unknown> = {},
): Promise<Readonly<SextantConfig>> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError('INVALID_CONFIG', `Cannot read config file "${path}": ${(err as Error).message}`, {
      cause: err,
      exitCode: EXIT_CODES.CONFIG,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new CliError('INVALID_CONFIG', `Config file "${path}" is not valid JSON: ${(err as Error).message}`, {
      cause: err,
      exitCode: EXIT_CODES.CONFIG,
    });
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new CliError('INVALID_CONFIG', `Config file "${path}" must hold a JSON object, got ${JSON.stringify(json)}`, {
      exitCode: EXIT_CODES.CONFIG,
    });
  }
  const secretPaths = findSecretKeys(json, '');
  if (secretPaths.length > 0) {
    const issues: ConfigIssue[] = secretPaths.map((p) => ({
      path: p,
      message: 'expected no secret in the config file (name an environment variable with apiKeyEnv/secretEnv)',
    }));
    throw new ConfigError(issues, path);
  }
  return parseConfig({ ...(json as Record<string, unknown>), ...overrides }, path);
}

function findSecretKeys(value: unknown, prefix: string): string[] {
  if (value === null || typeof value !== 'object') return [];
  const out: string[] = [];
  for (const [key, v] of Object.entries(value)) {
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (SECRET_KEY.test(key) && typeof v === 'string') out.push(path);
    else out.push(...findSecretKeys(v, path));
  }
  return out;
}
