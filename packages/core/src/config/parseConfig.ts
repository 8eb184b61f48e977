import type { z } from 'zod';
import { ConfigError } from '../errors/ConfigError.js';
import { type SextantConfig, SextantConfigSchema } from './SextantConfigSchema.js';
import { formatZodIssues } from './formatZodIssues.js';

/**
 * Parse and freeze a config against a zod schema, throwing a
 * {@link ConfigError} whose message names every bad path with what was
 * expected and what was found. Parse once at the boundary; never re-validate.
 *
 * @param schema - the component's config schema
 * @param input - what the user wrote
 * @param source - where it came from (a file path), for the message
 * @returns the resolved config, deeply frozen
 * @throws ConfigError listing each issue
 * @example
 * ```ts
 * import { parseWith, RiskConfigSchema } from '@sextant/core';
 * const risk = parseWith(RiskConfigSchema, { maxPositionPct: 0.1 });
 * ```
 */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown, source?: string): Readonly<z.output<S>> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw new ConfigError(formatZodIssues(result.error.issues), source);
  return deepFreeze(result.data);
}

/**
 * Parse the whole bot's config ({@link SextantConfigSchema}). Also refuses
 * `mode: 'live'` without `live.enabled: true`.
 *
 * @param input - the config as written (e.g. parsed JSON)
 * @param source - where it came from, for the message
 * @returns the resolved, frozen config
 * @throws ConfigError with `path: expected ..., got ...` per issue
 * @example
 * ```ts
 * import { parseConfig } from '@sextant/core';
 * const config = parseConfig({ symbols: ['ETH/BTC'] });
 * config.risk.maxPositionPct; // 0.15
 * ```
 */
export function parseConfig(input: unknown, source?: string): Readonly<SextantConfig> {
  const config = parseWith(SextantConfigSchema, input, source);
  if (config.mode === 'live' && !config.live.enabled) {
    throw new ConfigError(
      [{ path: 'live.enabled', message: 'expected true when mode is "live" (live trading is opt-in), got false' }],
      source,
    );
  }
  return config;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
