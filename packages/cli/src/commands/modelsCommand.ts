import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';
import { formatNumber, formatRate } from '../report/format.js';
import { resolveRun } from './resolveRun.js';

interface ModelRow {
  symbol: string;
  horizon: string;
  version: number;
  kind: string;
  savedAt: string;
  promoted: boolean;
  featureHash: string;
  metrics: Record<string, number>;
}

/** `sextant models list` and `sextant models promote <market> <horizon> <version>`. */
export function registerModelsCommand(program: Command, context: () => CliContext): void {
  const models = program.command('models').description('list and promote versions in the model store');
  const root = async (ctx: CliContext, flag: string | undefined): Promise<string> =>
    flag ?? (ctx.configPath === undefined ? '.sextant/models' : (await resolveRun(ctx, {})).modelRoot);
  models
    .command('list')
    .description('every stored version per market and horizon, the promoted one marked')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .action(async (flags: { models?: string }) => {
      const ctx = context();
      const { resolve } = await import('node:path');
      const dir = resolve(ctx.io.cwd, await root(ctx, flags.models));
      const store = await openStore(dir);
      const rows: ModelRow[] = [];
      for (const symbolDir of await subdirs(dir)) {
        for (const horizon of await subdirs(join(dir, symbolDir))) {
          const current = await store.current(symbolDir, horizon);
          for (const version of await store.versions(symbolDir, horizon)) {
            const info = await store.info(symbolDir, horizon, version);
            const validation = await readValidation(info.dir);
            rows.push({
              symbol: info.manifest.symbol,
              horizon,
              version,
              kind: info.manifest.kind,
              savedAt: info.manifest.savedAt,
              promoted: current?.version === version,
              featureHash: info.manifest.featureHash,
              metrics: validation ?? info.manifest.metrics,
            });
          }
        }
      }
      ctx.result(
        { root: dir, models: rows },
        rows.length === 0
          ? `No models under ${dir}. Train one with \`sextant train\`.`
          : formatTable(
              ['market', 'horizon', 'version', 'kind', 'saved (UTC)', 'test mae', 'direction hit', 'promoted'],
              rows.map((r) => [
                r.symbol,
                r.horizon,
                `v${r.version}`,
                r.kind,
                r.savedAt.slice(0, 16).replace('T', ' '),
                formatNumber(r.metrics.mae ?? Number.NaN),
                formatRate(r.metrics.directionalAccuracy ?? Number.NaN),
                r.promoted ? '*' : '',
              ]),
            ),
      );
    });
  models
    .command('promote')
    .description('make a stored version the one trading uses')
    .argument('<market>', 'market, e.g. ETH/BTC')
    .argument('<horizon>', 'horizon, e.g. 1h')
    .argument('<version>', 'version number, e.g. 3 or v3')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .action(async (market: string, horizon: string, versionText: string, flags: { models?: string }) => {
      const ctx = context();
      const version = Number(versionText.replace(/^v/, ''));
      if (!Number.isInteger(version) || version < 1) {
        throw new CliError(
          'INVALID_ARGUMENT',
          `Version must be a positive integer like 3 or v3, got "${versionText}"`,
          {
            exitCode: EXIT_CODES.USAGE,
          },
        );
      }
      const { resolve } = await import('node:path');
      const dir = resolve(ctx.io.cwd, await root(ctx, flags.models));
      const store = await openStore(dir);
      const known = await store.versions(market, horizon);
      if (!known.includes(version)) {
        throw new CliError(
          'INVALID_ARGUMENT',
          `No version ${version} of ${market} ${horizon} in "${dir}" (have: ${known.map((v) => `v${v}`).join(', ') || 'none'})`,
          { exitCode: EXIT_CODES.USAGE },
        );
      }
      const before = await store.current(market, horizon);
      await store.promote(market, horizon, version);
      ctx.logger.info({ market, horizon, version, previous: before?.version }, 'model promoted');
      ctx.result(
        { ok: true, market, horizon, version, previous: before?.version ?? null },
        `Promoted ${market} ${horizon} v${version}${before ? ` (was v${before.version})` : ''}.`,
      );
    });
}

async function openStore(root: string) {
  const { ModelStore, loadModel } = await import('@sextant/models');
  return new ModelStore({ root, load: (json) => loadModel(json as object) });
}

async function subdirs(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true }))
      .filter((d) => d.isDirectory() && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  } catch {
    return [];
  }
}

async function readValidation(dir: string): Promise<Record<string, number> | undefined> {
  try {
    return (JSON.parse(await readFile(join(dir, 'validation.json'), 'utf8')) as { metrics: Record<string, number> })
      .metrics;
  } catch {
    return undefined;
  }
}
