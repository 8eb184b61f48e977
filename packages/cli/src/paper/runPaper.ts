import {
  BOT_EVENTS,
  type CandleEvent,
  type CandleFeed,
  createBot,
  type Predictor,
  ReplayClock,
  ReplayFeed,
  type StoredState,
  timeframeToMs,
} from '@sextant/core';
import { createPredictor, loadModel, ModelStore } from '@sextant/models';
import { executeKillSwitch, loadStoredState } from '@sextant/execution';
import { createFeatureSource, FeaturePipeline } from '@sextant/features';
import { ParquetCandleStore } from '@sextant/storage';
import { SqliteStateStore } from '@sextant/storage/sqlite';
import type { RunSettings } from '../commands/resolveRun.js';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES, type ExitCode } from '../errors/EXIT_CODES.js';
import type { CliContext } from '../io/CliContext.type.js';
import { createMetrics } from '../metrics/createMetrics.js';
import { observeBot } from '../metrics/observeBot.js';
import { type MetricsServer, serveMetrics } from '../metrics/serveMetrics.js';
import { WebhookAlerter } from '../alerts/WebhookAlerter.js';
import { watchBotAlerts } from '../alerts/watchBotAlerts.js';
import { CLI_FEATURES } from '../pipeline/CLI_FEATURES.js';
import { computeFeatureFrames } from '../pipeline/computeFeatureFrames.js';
import { createBotParts } from '../pipeline/createBotParts.js';
import { durationToMs } from '../pipeline/durationToMs.js';
import { readSeries } from '../pipeline/readSeries.js';
import { routeBySymbol } from '../pipeline/routeBySymbol.js';
import { acquireStateLock } from '../state/acquireStateLock.js';
import {
  KILL_SWITCH_KEY,
  type KillSwitchState,
  PAPER_SNAPSHOT_KEY,
  type PaperSnapshot,
} from '../state/killSwitchState.js';
import { liveFeed } from './liveFeed.js';
import { pacedFeed } from './pacedFeed.js';
import { watchDrift } from './watchDrift.js';

/** Options of {@link runPaper}. */
export interface RunPaperOptions {
  ctx: CliContext;
  run: RunSettings;
  pace: number;
  maxCandles?: number;
  metricsPort?: number;
  webhook?: string;
  horizon?: string;
  from?: string;
  /** Trade candles polled from the exchange (after warming up on the stored ones) instead of replaying stored candles. */
  live?: { pollMs: number };
}

/** How a paper run ended. */
export interface PaperSummary {
  exitCode: ExitCode;
  reason: string;
  snapshot: PaperSnapshot;
  metricsPort?: number;
}

/**
 * Run the paper bot until the candles run out, `maxCandles`, a signal, or the
 * kill switch. Holds the state store's lock for the whole run; every order,
 * fill, decision and cycle goes to SQLite, and a restarted bot continues
 * after the last recorded cycle with its account rebuilt from the fills.
 */
export async function runPaper(options: RunPaperOptions): Promise<PaperSummary> {
  const { ctx, run } = options;
  const { config } = run;
  const log = ctx.logger;
  const lock = acquireStateLock(run.stateDb);
  let server: MetricsServer | undefined;
  let closeExchange: (() => Promise<void>) | undefined;
  let onApiRequest: ((fn: (r: { target: string; ok: boolean; code?: string }) => void) => unknown) | undefined;
  const state = new SqliteStateStore({ path: run.stateDb });
  try {
    const kill = state.getValue<KillSwitchState>(KILL_SWITCH_KEY);
    if (kill?.engaged) {
      throw new CliError(
        'RISK_REJECTED',
        `Kill switch engaged at ${new Date(kill.at).toISOString()} ("${kill.reason}"); release it with \`sextant kill-switch --release\``,
        { exitCode: EXIT_CODES.HALTED },
      );
    }
    const horizon = options.horizon ?? (config.model.horizons[0] as string);
    const candleMs = timeframeToMs(config.timeframe);
    const horizonMs = Math.max(1, Math.round(durationToMs(horizon) / candleMs)) * candleMs;
    const series = await readSeries(
      new ParquetCandleStore({ root: run.dataRoot }),
      run.exchange,
      run.symbols,
      config.timeframe,
    );
    const frames = computeFeatureFrames(series, config.timeframe);
    const models = new ModelStore({ root: run.modelRoot, load: (json) => loadModel(json as object) });
    const name = `ret_${horizon}`;
    const bySymbol: Record<string, Predictor> = {};
    const versions: PaperSnapshot['models'] = [];
    let trainedUntil = -Infinity;
    for (const symbol of run.symbols) {
      const { model, info } = await models.load(symbol, horizon, { featureHash: frames[symbol]?.hash as string });
      bySymbol[symbol] = createPredictor(model, { name, horizonMs });
      versions.push({ symbol, horizon, version: info.version });
      trainedUntil = Math.max(trainedUntil, info.manifest.trainRange[1]);
    }
    const from = options.from === undefined ? trainedUntil + horizonMs + candleMs : Date.parse(options.from);
    if (!Number.isFinite(from)) {
      throw new CliError('INVALID_ARGUMENT', `--from must be an ISO-8601 time, got "${options.from}"`, {
        exitCode: EXIT_CODES.USAGE,
      });
    }
    // Resume from what an earlier run recorded: open orders, fills and completed cycles.
    const stored: StoredState = await loadStoredState(state);
    // A replay resumes after the recorded cycles; a live bot warms up on all stored candles and trades what comes next.
    const history = Object.values(series).reduce((n, x) => n + x.length, 0);
    const resumed = options.live ? 0 : stored.cycles;
    const warmUp = options.live ? history : resumed;
    if (stored.cycles > 0)
      log.info({ cycles: stored.cycles, fills: stored.fills.length }, 'restoring the paper account');
    const parts = createBotParts(config, {
      frames,
      predictors: [routeBySymbol(name, bySymbol, horizonMs)],
      horizons: { [name]: horizon },
      restore: { orders: stored.orders, fills: stored.fills },
    });
    const stop = new AbortController();
    const onSignal = (): void => stop.abort(ctx.io.signal.reason);
    ctx.io.signal.addEventListener('abort', onSignal, { once: true });
    let source: CandleFeed;
    let features = parts.features;
    if (options.live) {
      const exchangeConfig = config.exchanges.find((e) => e.id === run.exchange);
      if (exchangeConfig === undefined) {
        throw new CliError('INVALID_ARGUMENT', `Exchange "${run.exchange}" is not in the config's exchanges`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const { ExchangeGuard, OhlcvCollector } = await import('@sextant/collectors');
      const { createExchange } = await import('../io/createExchange.js');
      const exchange = await createExchange(exchangeConfig, ctx.io.env);
      closeExchange = () => exchange.close();
      // Every exchange request (and its failure kind) reaches the Prometheus counters once metrics exist.
      onApiRequest = (fn) => ExchangeGuard.for(exchange).on('request', fn);
      source = liveFeed({
        history: series,
        timeframe: config.timeframe,
        collector: new OhlcvCollector({ exchange, store: new ParquetCandleStore({ root: run.dataRoot }) }),
        pollMs: options.live.pollMs,
        signal: stop.signal,
        onPollError: (err) => log.warn({ err }, 'poll failed; will retry'),
      });
      features = createFeatureSource(new FeaturePipeline({ features: [...CLI_FEATURES], timeframe: config.timeframe }));
    } else {
      source = new ReplayFeed({ series, timeframe: config.timeframe, clock: new ReplayClock(), from });
    }
    const feed = pacedFeed(source, {
      paceMs: options.live ? 0 : options.pace,
      signal: stop.signal,
      unpaced: warmUp,
      ...(options.maxCandles === undefined ? {} : { maxCandles: options.maxCandles + warmUp }),
    });
    const bot = createBot({ feed, ...parts, features, store: state, warmUp });

    const metrics = createMetrics({ defaultMetrics: true });
    observeBot(bot, metrics, { startEquity: config.startingCapital });
    onApiRequest?.((r) => {
      metrics.apiRequests.inc({ endpoint: r.target });
      if (!r.ok) metrics.errors.inc({ stage: `api:${r.code ?? 'unknown'}` });
    });
    if (options.metricsPort !== undefined) {
      server = await serveMetrics(metrics.registry, options.metricsPort);
      log.info({ port: server.port }, 'metrics at /metrics');
      ctx.io.stderr.write(`sextant: metrics on http://127.0.0.1:${server.port}/metrics\n`);
    }
    const raise = options.webhook
      ? watchBotAlerts(bot, new WebhookAlerter({ url: options.webhook }), {
          onDeliveryError: (err, alert) => log.warn({ err, kind: alert.kind }, 'alert not delivered'),
        })
      : undefined;

    watchDrift(bot, {
      frames,
      referenceBefore: options.live ? Number.POSITIVE_INFINITY : from,
      metrics,
      onDrift: (report) => {
        log.warn({ drifted: report.drifted, rows: report.rows }, 'feature drift');
        raise?.({
          kind: 'drift',
          severity: 'warning',
          message: `Feature drift in ${report.drifted.join(', ')} over the last ${report.rows} rows`,
          timestamp: Date.now(),
          details: { drifted: report.drifted },
        });
      },
    });
    bot.on(BOT_EVENTS.decision, (d) => {
      if (d.action !== 'HOLD') log.info({ decision: d }, 'decision');
    });
    bot.on(BOT_EVENTS.order, (o) => log.info({ order: o }, 'order'));
    bot.on(BOT_EVENTS.fill, (f) => log.info({ fill: f }, 'fill'));
    bot.on(BOT_EVENTS.error, (e) => log.warn({ stage: e.stage, error: e.error.toJSON() }, 'cycle error'));
    bot.on(BOT_EVENTS.lifecycle, (l) => log.info(l, 'lifecycle'));

    const startedAt = Date.now();
    let reason = 'finished the candles';
    let exitCode: ExitCode = EXIT_CODES.OK;
    let killing: 'no' | 'closing' | 'done' = 'no';
    let lastEvent: CandleEvent | undefined;
    const snapshot = (): PaperSnapshot => {
      const p = parts.broker.portfolio();
      return {
        pid: process.pid,
        startedAt,
        updatedAt: Date.now(),
        state: bot.state,
        tradingState: parts.risk.state,
        equity: p.equity,
        cash: p.cash,
        startEquity: config.startingCapital,
        quoteCurrency: config.quoteCurrency,
        positions: Object.values(p.positions).map((x) => ({
          symbol: x.symbol,
          amount: x.amount,
          entryPrice: x.entryPrice,
          markPrice: x.markPrice,
        })),
        cycles: resumed + bot.stats.cycles,
        ...(lastEvent ? { lastCandle: { symbol: lastEvent.symbol, timestamp: lastEvent.candle.timestamp } } : {}),
        decisions: { ...bot.stats.decisions },
        orders: bot.stats.orders,
        fills: bot.stats.fills,
        errors: bot.stats.errors,
        models: versions,
      };
    };
    bot.on(BOT_EVENTS.candle, (e) => {
      lastEvent = e;
    });
    let submitted = false;
    let cyclesClosing = 0;
    bot.on(BOT_EVENTS.cycle, () => {
      state.setValue(PAPER_SNAPSHOT_KEY, snapshot(), Date.now());
      if (killing === 'closing') {
        // Market closes fill on the next candle's open: stop once they did (or give up after a few candles).
        cyclesClosing++;
        const flat = Object.keys(parts.broker.portfolio().positions).length === 0;
        if ((submitted && flat) || cyclesClosing > 5) {
          if (!flat) log.error({ positions: parts.broker.portfolio().positions }, 'kill switch: positions still open');
          killing = 'done';
          void bot.stop('kill switch');
        }
        return;
      }
      if (killing !== 'no') return;
      const k = state.getValue<KillSwitchState>(KILL_SWITCH_KEY);
      if (!k?.engaged || lastEvent === undefined) return;
      killing = 'closing';
      reason = `stopped by the kill switch ("${k.reason}")`;
      exitCode = EXIT_CODES.HALTED;
      const open = Object.keys(parts.broker.portfolio().positions);
      log.warn({ closing: open.length, reason: k.reason }, 'kill switch engaged');
      raise?.({
        kind: 'kill-switch',
        severity: 'critical',
        message: `Kill switch engaged: ${k.reason}; closing ${open.length} position(s)`,
        timestamp: Date.now(),
        details: { positions: open },
      });
      // Halt the risk gate, cancel open orders, close every position at market (fills on the next candle).
      void executeKillSwitch({ risk: parts.risk, broker: parts.broker, timeframe: config.timeframe, reason: k.reason })
        .then((report) => {
          for (const order of report.closes) state.recordOrder(order);
          for (const f of report.failures) log.error({ err: f.error, step: f.step }, 'kill switch step failed');
          submitted = true;
        })
        .catch((err: unknown) => log.error({ err }, 'kill switch failed'));
    });

    await bot.start();
    const final = await bot.finished();
    if (stop.signal.aborted && exitCode === EXIT_CODES.OK) {
      reason = `stopped by ${String(stop.signal.reason ?? 'a signal')} after finishing the cycle`;
      exitCode = EXIT_CODES.INTERRUPTED;
    } else if (final === 'faulted') {
      reason = 'faulted after repeated failed cycles';
      exitCode = EXIT_CODES.FAILURE;
    } else if (options.maxCandles !== undefined && exitCode === EXIT_CODES.OK && feed !== undefined) {
      reason = 'reached --max-candles';
    }
    const last = snapshot();
    state.setValue(PAPER_SNAPSHOT_KEY, last, Date.now());
    await bot.dispose();
    ctx.io.signal.removeEventListener('abort', onSignal);
    return { exitCode, reason, snapshot: last, ...(server ? { metricsPort: server.port } : {}) };
  } finally {
    await closeExchange?.().catch(() => undefined);
    await server?.close();
    state.close();
    lock.release();
  }
}
