import type { CandleSeries } from '../candles/CandleSeries.type.js';
import { ReplayClock } from '../clock/ReplayClock.js';
import type { Decision } from '../decision/Decision.js';
import type { Timeframe } from '../time/Timeframe.js';
import { BOT_EVENTS, type BotErrorEvent } from '../runner/BotEvents.js';
import { type Bot, type BotParts, createBot, observeBot } from '../runner/createBot.js';
import type { CycleReport } from '../runner/CycleReport.type.js';
import type { Fill, Order } from '../runner/Order.type.js';
import { ReplayFeed } from '../runner/ReplayFeed.js';
import { type BacktestMetrics, computeMetrics } from './computeMetrics.js';
import type { Trade } from './Trade.type.js';
import { tradesFromFills } from './tradesFromFills.js';

/** Options of {@link runBacktest}: the bot's parts without a feed, plus the candles to replay. */
export interface BacktestOptions extends Omit<BotParts, 'feed'> {
  /** Candles per market to replay, each time-sorted. */
  series: Readonly<Record<string, CandleSeries>>;
  /** Their timeframe. */
  timeframe: Timeframe;
  /** Starting equity, for returns. */
  startEquity: number;
  /** Replay only candles with open time >= this (e.g. the test period), ms UTC. */
  from?: number;
  /** Called with the bot before it starts, to attach listeners. */
  onBot?: (bot: Bot) => void;
  /**
   * Which decisions to keep in the result: `all`, only BUY/SELL `actions`, or
   * `none`. Keeping every HOLD of a million-candle run costs memory and GC. @default 'all'
   */
  recordDecisions?: 'all' | 'actions' | 'none';
}

/** Everything a backtest produced. */
export interface BacktestResult {
  metrics: BacktestMetrics;
  /** Closed round trips. */
  trades: Trade[];
  /** Every fill, in order. */
  fills: Fill[];
  /** Every order placed. */
  orders: Order[];
  /** Every decision (or only BUY/SELL, or none: see `recordDecisions`). */
  decisions: Decision[];
  /** Equity after each replayed timestamp. */
  equity: { timestamp: Float64Array; value: Float64Array };
  /** Errors the runner reported (it went on after each). */
  errors: BotErrorEvent[];
  /** Candles replayed. */
  candles: number;
  /** Wall time, ms. */
  durationMs: number;
  /** Wall time of the replay loop alone (without loading and validating the candles), ms. */
  replayMs: number;
}

/**
 * Replay stored candles through the same bot runner that trades paper and
 * live, and measure the result. Pass a paper broker; the clock is a
 * {@link ReplayClock} moved to each candle's close.
 *
 * @param options - candles, timeframe and the bot's parts
 * @returns metrics, trades, fills, decisions and the equity curve
 * @example
 * ```ts
 * import { runBacktest } from '@sextant/core';
 * const result = await runBacktest({ series: { 'ETH/BTC': eth }, timeframe: '5m', startEquity: 1,
 *   features, models, decisions, risk, broker });
 * console.log(result.metrics.totalReturn);
 * ```
 */
export async function runBacktest(options: BacktestOptions): Promise<BacktestResult> {
  const t0 = performance.now();
  const clock = new ReplayClock();
  const feed = new ReplayFeed({
    series: options.series,
    timeframe: options.timeframe,
    clock,
    ...(options.from === undefined ? {} : { from: options.from }),
  });
  const { series: _s, timeframe: _t, startEquity, from: _f, onBot, recordDecisions = 'all', ...parts } = options;
  // Per-stage timings cost two clock reads per stage; a backtest measures its wall time instead.
  const bot = createBot({ ...parts, feed, options: { timings: false, ...parts.options } });
  const fills: Fill[] = [];
  const orders: Order[] = [];
  const decisions: Decision[] = [];
  const errors: BotErrorEvent[] = [];
  const eqT: number[] = [];
  const eqV: number[] = [];
  const inMarket: boolean[] = [];
  bot.on(BOT_EVENTS.fill, (f) => fills.push(f));
  bot.on(BOT_EVENTS.order, (o) => orders.push(o));
  bot.on(BOT_EVENTS.error, (e) => errors.push(e));
  // Positions change only by fills: look again only after one, at the markets that filled.
  const broker = options.broker;
  const held = new Set(Object.keys(broker.portfolio().positions));
  let fillsSeen = 0;
  const onCycle = (c: CycleReport): void => {
    if (fills.length !== fillsSeen) {
      if (broker.position === undefined) {
        held.clear();
        for (const s of Object.keys(broker.portfolio().positions)) held.add(s);
      } else {
        for (let i = fillsSeen; i < fills.length; i++) {
          const symbol = (fills[i] as Fill).symbol;
          if (broker.position(symbol) === undefined) held.delete(symbol);
          else held.add(symbol);
        }
      }
      fillsSeen = fills.length;
    }
    const open = held.size > 0;
    const n = eqT.length;
    if (n > 0 && eqT[n - 1] === c.timestamp) {
      eqV[n - 1] = c.equity;
      inMarket[n - 1] = open;
    } else {
      eqT.push(c.timestamp);
      eqV.push(c.equity);
      inMarket.push(open);
    }
  };
  const keep =
    recordDecisions === 'all'
      ? (d: Decision) => decisions.push(d)
      : recordDecisions === 'actions'
        ? (d: Decision) => d.action !== 'HOLD' && decisions.push(d)
        : () => undefined;
  // Every candle's report and decision reach the bookkeeping directly, not through the emitter.
  observeBot(bot, { cycle: onCycle, decision: (d) => void keep(d) });
  onBot?.(bot);
  const tReplay = performance.now();
  await bot.start();
  await bot.finished();
  const replayMs = performance.now() - tReplay;
  const trades = tradesFromFills(fills);
  const feeTotal = fills.reduce((s, f) => s + (f.feeCurrency === f.symbol.split('/')[0] ? f.fee * f.price : f.fee), 0);
  const metrics = computeMetrics({
    equity: eqV,
    timestamps: eqT,
    startEquity,
    trades,
    inMarket,
    buyAndHold: buyAndHold(options.series, options.from),
    fees: feeTotal,
  });
  await bot.dispose();
  return {
    metrics,
    trades,
    fills,
    orders,
    decisions,
    equity: { timestamp: Float64Array.from(eqT), value: Float64Array.from(eqV) },
    errors,
    candles: feed.emitted,
    durationMs: performance.now() - t0,
    replayMs,
  };
}

/** Equal-weight buy-and-hold return from the first replayed open to the last close. */
function buyAndHold(series: Readonly<Record<string, CandleSeries>>, from = -Infinity): number {
  const rets: number[] = [];
  for (const s of Object.values(series)) {
    let i = 0;
    while (i < s.length && (s.timestamp[i] as number) < from) i++;
    if (i >= s.length) continue;
    rets.push((s.close[s.length - 1] as number) / (s.open[i] as number) - 1);
  }
  return rets.length > 0 ? rets.reduce((a, b) => a + b, 0) / rets.length : 0;
}
