import { existsSync, readFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliContext } from '../io/CliContext.type.js';
import { formatTable } from '../io/formatTable.js';
import { formatNumber, formatPercent, formatTime } from '../report/format.js';
import {
  API_USAGE_KEY,
  KILL_SWITCH_KEY,
  type KillSwitchState,
  PAPER_SNAPSHOT_KEY,
  type PaperSnapshot,
} from '../state/killSwitchState.js';
import { type RunFlags, resolveRun } from './resolveRun.js';

/** `sextant status`: positions, P&L, trading state, last cycle, models, API usage and data coverage. */
export function registerStatusCommand(program: Command, context: () => CliContext): void {
  program
    .command('status')
    .description('positions, P&L, trading state, last cycle, model versions, API usage and data coverage')
    .option('--symbols <list>', 'markets for models and coverage (default: config symbols)')
    .option('--exchange <id>', 'exchange of the dataset (default: first config exchange)')
    .option('--data <dir>', 'dataset root (default: config storage.dataRoot)')
    .option('--models <dir>', 'model store root (default: config storage.modelRoot)')
    .option('--state <file>', 'state store (default: config storage.stateDb)')
    .action(async (flags: RunFlags & { state?: string }) => {
      const ctx = context();
      const { resolve } = await import('node:path');
      // Without a config or --symbols, show the state store alone (default paths).
      const bare = ctx.configPath === undefined && flags.symbols === undefined;
      const resolved = await resolveRun(ctx, bare ? { ...flags, symbols: 'BTC/USDT' } : flags);
      const run = bare ? { ...resolved, symbols: [] } : resolved;
      const statePath = flags.state === undefined ? run.stateDb : resolve(ctx.io.cwd, flags.state);
      let snapshot: PaperSnapshot | undefined;
      let kill: KillSwitchState | undefined;
      let usage: unknown;
      let lastCycle: unknown;
      if (existsSync(statePath)) {
        const { SqliteStateStore } = await import('@sextant/storage/sqlite');
        const state = new SqliteStateStore({ path: statePath });
        try {
          snapshot = state.getValue<PaperSnapshot>(PAPER_SNAPSHOT_KEY);
          kill = state.getValue<KillSwitchState>(KILL_SWITCH_KEY);
          usage = state.getValue(API_USAGE_KEY);
          lastCycle = state.listCycles({ limit: 1 })[0];
        } finally {
          state.close();
        }
      }
      const running = runningPid(statePath);
      const { ModelStore, loadModel } = await import('@sextant/models');
      const { ParquetCandleStore } = await import('@sextant/storage');
      const models = new ModelStore({ root: run.modelRoot, load: (json) => loadModel(json as object) });
      const data = new ParquetCandleStore({ root: run.dataRoot });
      const markets = [];
      for (const symbol of run.symbols) {
        const model = await models.current(symbol, run.config.model.horizons[0] as string).catch(() => undefined);
        const cov = await data.coverage({ exchange: run.exchange, symbol, timeframe: run.config.timeframe });
        markets.push({
          symbol,
          model: model ? { version: model.version, kind: model.manifest.kind, savedAt: model.manifest.savedAt } : null,
          candles: cov.count,
          first: cov.first ?? null,
          last: cov.last ?? null,
          gaps: cov.gaps.length,
        });
      }
      const tradingState = kill?.engaged ? 'HALTED (kill switch)' : (snapshot?.tradingState ?? 'no bot has run');
      const out = {
        state: statePath,
        running: running === undefined ? null : { pid: running },
        tradingState,
        killSwitch: kill ?? null,
        bot: snapshot ?? null,
        lastCycle: lastCycle ?? null,
        apiUsage: usage ?? null,
        markets,
      };
      const lines = [
        `State ${statePath}: ${running === undefined ? 'no bot running' : `bot running (pid ${running})`}; trading ${tradingState}`,
      ];
      if (kill?.engaged) lines.push(`Kill switch engaged ${formatTime(kill.at)} UTC: ${kill.reason}`);
      if (snapshot) {
        lines.push(
          `Equity ${formatNumber(snapshot.equity, 6)} ${snapshot.quoteCurrency}, P&L ${formatNumber(snapshot.equity - snapshot.startEquity, 6)} (${formatPercent(snapshot.equity / snapshot.startEquity - 1)}), cash ${formatNumber(snapshot.cash, 6)}`,
          `Last cycle: ${snapshot.lastCandle ? `${snapshot.lastCandle.symbol} ${formatTime(snapshot.lastCandle.timestamp)} UTC` : '-'}; ${snapshot.cycles} cycles, ${snapshot.orders} orders, ${snapshot.fills} fills, ${snapshot.errors} errors (updated ${formatTime(snapshot.updatedAt)} UTC)`,
        );
        if (snapshot.positions.length > 0) {
          lines.push(
            '',
            formatTable(
              ['position', 'amount', 'entry', 'mark', 'unrealised'],
              snapshot.positions.map((p) => [
                p.symbol,
                formatNumber(p.amount, 6),
                formatNumber(p.entryPrice, 6),
                formatNumber(p.markPrice, 6),
                formatPercent(p.markPrice / p.entryPrice - 1),
              ]),
            ),
          );
        } else lines.push('No open positions.');
      }
      if (usage) lines.push(`API usage (last collect): ${JSON.stringify(usage)}`);
      if (markets.length > 0)
        lines.push(
          '',
          formatTable(
            ['market', 'model', 'candles', 'first (UTC)', 'last (UTC)', 'gaps'],
            markets.map((m) => [
              m.symbol,
              m.model ? `v${m.model.version} ${m.model.kind}` : 'none promoted',
              String(m.candles),
              m.first === null ? '-' : formatTime(m.first),
              m.last === null ? '-' : formatTime(m.last),
              String(m.gaps),
            ]),
          ),
        );
      ctx.result(out, lines.join('\n'));
    });
}

function runningPid(statePath: string): number | undefined {
  try {
    const { pid } = JSON.parse(readFileSync(`${statePath}.lock`, 'utf8')) as { pid: number };
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}
