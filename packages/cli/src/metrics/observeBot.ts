import { BOT_EVENTS, BOT_STATES, type Bot } from '@sextant/core';
import type { SextantMetrics } from './createMetrics.js';

/** Options of {@link observeBot}. */
export interface ObserveBotOptions {
  /** Starting equity, for P&L. */
  startEquity: number;
}

/**
 * Feed a bot's events into its metrics: decisions and confidence, risk
 * verdicts per rule, orders, fills, errors per stage, lifecycle state, cycle
 * latency, P&L and drawdown from each cycle's equity.
 *
 * @param bot - the bot to watch
 * @param metrics - from `createMetrics`
 * @param options - starting equity
 * @example
 * ```ts
 * import { createMetrics, observeBot } from '@sextant/cli';
 * observeBot(bot, createMetrics(), { startEquity: 10_000 });
 * ```
 */
export function observeBot(bot: Bot, metrics: SextantMetrics, options: ObserveBotOptions): void {
  let peak = options.startEquity;
  const setState = (state: string): void => {
    for (const s of BOT_STATES) metrics.tradingState.set({ state: s }, s === state ? 1 : 0);
  };
  setState(bot.state);
  bot.on(BOT_EVENTS.decision, (d) => {
    metrics.decisions.inc({ action: d.action });
    if (d.action !== 'HOLD') metrics.confidence.observe(d.confidence);
  });
  bot.on(BOT_EVENTS.risk, ({ verdict }) => {
    if (verdict.rules.length === 0) metrics.riskVerdicts.inc({ outcome: verdict.outcome, rule: 'none' });
    for (const rule of verdict.rules) metrics.riskVerdicts.inc({ outcome: verdict.outcome, rule });
  });
  bot.on(BOT_EVENTS.order, (o) => metrics.orders.inc({ side: o.side }));
  bot.on(BOT_EVENTS.fill, (f) => metrics.fills.inc({ side: f.side }));
  bot.on(BOT_EVENTS.error, (e) => metrics.errors.inc({ stage: e.stage }));
  bot.on(BOT_EVENTS.lifecycle, (l) => setState(l.to));
  bot.on(BOT_EVENTS.cycle, (c) => {
    let total = 0;
    for (const ms of Object.values(c.timings)) total += ms;
    metrics.cycleSeconds.observe(total / 1000);
    metrics.pnl.set(c.equity - options.startEquity);
    if (c.equity > peak) peak = c.equity;
    metrics.drawdown.set(peak > 0 ? 1 - c.equity / peak : 0);
  });
}
