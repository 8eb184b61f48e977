import { resolve } from 'node:path';
import { type Timeframe, timeframeToMs } from '@sextant/core';
import type { CandleCoverage } from '@sextant/storage';
import type { Command } from 'commander';
import { formatTime } from '../report/format.js';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';

/** `sextant data coverage`: what the Parquet dataset holds, per market, with gaps. */
export function registerDataCommand(program: Command, context: () => CliContext): void {
  const data = program.command('data').description('inspect the candle dataset');
  data
    .command('coverage')
    .description('candles stored per exchange, market and timeframe, with first/last time and gaps')
    .option('--data <dir>', 'dataset root (default: storage.dataRoot from the config)')
    .option('--symbols <list>', 'only these markets, comma-separated')
    .action(async (opts: { data?: string; symbols?: string }) => {
      const ctx = context();
      const root = await dataRoot(ctx, opts.data);
      const { ParquetCandleStore } = await import('@sextant/storage');
      const store = new ParquetCandleStore({ root });
      const wanted = opts.symbols?.split(',').map((s) => s.trim());
      const keys = (await store.list()).filter((k) => wanted === undefined || wanted.includes(k.symbol));
      const coverage: CandleCoverage[] = [];
      for (const key of keys) coverage.push(await store.coverage(key));
      const rows = coverage.map((c) => [
        c.key.exchange,
        c.key.symbol,
        c.key.timeframe,
        String(c.count),
        c.first === undefined ? '-' : formatTime(c.first),
        c.last === undefined ? '-' : formatTime(c.last),
        String(c.gaps.length),
        String(c.gaps.reduce((s, g) => s + g.missing, 0)),
        completeness(c),
      ]);
      ctx.result(
        { root, datasets: coverage },
        coverage.length === 0
          ? `No candles under ${root}. Collect some with \`sextant collect\` or run \`sextant demo\`.`
          : formatTable(
              ['exchange', 'market', 'tf', 'candles', 'first (UTC)', 'last (UTC)', 'gaps', 'missing', 'complete'],
              rows,
            ),
      );
    });
}

/** The dataset root: the flag, else the config's `storage.dataRoot` (config optional). */
export async function dataRoot(ctx: CliContext, flag: string | undefined): Promise<string> {
  if (flag !== undefined) return resolve(ctx.io.cwd, flag);
  if (ctx.configPath === undefined) return resolve(ctx.io.cwd, '.sextant/data');
  return resolve(ctx.io.cwd, (await ctx.config()).storage.dataRoot);
}

function completeness(c: CandleCoverage): string {
  if (c.first === undefined || c.last === undefined) return '-';
  const expected = (c.last - c.first) / timeframeToMs(c.key.timeframe as Timeframe) + 1;
  return `${((c.count / expected) * 100).toFixed(2)}%`;
}
