import { resolve } from 'node:path';
import type { SextantConfig } from '@sextant/core';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';

/** Flags shared by data, model and trading commands. */
export interface RunFlags {
  symbols?: string;
  exchange?: string;
  timeframe?: string;
  data?: string;
  models?: string;
}

/** What a command works on, resolved from the config file and flags. */
export interface RunSettings {
  config: Readonly<SextantConfig>;
  symbols: string[];
  exchange: string;
  dataRoot: string;
  modelRoot: string;
  reportDir: string;
  stateDb: string;
}

/**
 * Merge `--config` with command flags (flags win) and validate the result
 * with core's schema. Paths resolve against the working directory.
 */
export async function resolveRun(ctx: CliContext, flags: RunFlags): Promise<RunSettings> {
  const overrides: Record<string, unknown> = {};
  if (flags.symbols !== undefined) overrides.symbols = flags.symbols.split(',').map((s) => s.trim());
  if (flags.timeframe !== undefined) overrides.timeframe = flags.timeframe;
  if (ctx.configPath === undefined && overrides.symbols === undefined) {
    throw new CliError('INVALID_ARGUMENT', 'No markets: pass --symbols ETH/BTC,LTC/BTC or --config <file>', {
      exitCode: EXIT_CODES.USAGE,
    });
  }
  const config = await ctx.config(overrides);
  const at = (p: string) => resolve(ctx.io.cwd, p);
  return {
    config,
    symbols: [...config.symbols],
    exchange: flags.exchange ?? config.exchanges[0]?.id ?? 'binance',
    dataRoot: at(flags.data ?? config.storage.dataRoot),
    modelRoot: at(flags.models ?? config.storage.modelRoot),
    reportDir: at(config.storage.reportDir),
    stateDb: at(config.storage.stateDb),
  };
}
