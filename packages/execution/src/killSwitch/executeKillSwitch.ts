import {
  type Broker,
  type CandleEvent,
  InvalidArgumentError,
  type Order,
  type OrderIntent,
  type PortfolioSnapshot,
  type SextantError,
  type Timeframe,
  isTimeframe,
  timeframeToMs,
  toSextantError,
} from '@sextant/core';

/**
 * The risk side of the kill switch: anything that halts itself and plans the
 * closes when asked (`RiskValidator` from `@sextant/risk` fits).
 */
export interface KillSwitchGate {
  /** Halt (until resumed by hand) and plan a market close of every position. */
  killSwitch(
    portfolio: PortfolioSnapshot,
    reason?: string,
  ): {
    /** The market closes it planned (the switch re-sizes them from the portfolio after the cancels). */
    closeIntents: readonly OrderIntent[];
  };
}

/** Options of {@link executeKillSwitch}. */
export interface KillSwitchOptions {
  /** The risk gate to halt first. */
  risk: KillSwitchGate;
  /** The broker whose orders are canceled and positions closed (needs `cancelAll` to cancel). */
  broker: Broker;
  /** Timeframe of the bot's candles: the closes are placed as on the candle that ended at the portfolio's time. */
  timeframe: Timeframe;
  /** Why, for the risk state history and the orders. @default 'kill switch' */
  reason?: string;
}

/** One step of the kill switch that failed (the others still ran). */
export interface KillSwitchFailure {
  /** `cancel` (canceling open orders) or `close` (a market close). */
  step: 'cancel' | 'close';
  /** The market, for a close. */
  symbol?: string;
  /** What went wrong, typed. */
  error: SextantError;
}

/** What {@link executeKillSwitch} did. */
export interface KillSwitchReport {
  /** The risk gate's state now. */
  state: 'HALTED';
  /** Why. */
  reason: string;
  /** Orders canceled (their state after the attempt: one may have filled meanwhile). */
  canceled: Order[];
  /** The market closes placed, one per position (a paper broker fills them on the next candle). */
  closes: Order[];
  /** Steps that failed; empty when everything was done. */
  failures: KillSwitchFailure[];
}

/**
 * The kill switch, end to end: halt the risk gate (no new entry passes it;
 * only a manual resume ends it), cancel every open order, then close every
 * position at market. Closes are sized from the portfolio read AFTER the
 * cancels (a canceled order may have partly filled) and go to the broker
 * directly, not through the halted gate. A step that fails is reported and
 * the others still run: call it again to retry (a repeat cancels a close
 * still working and places a fresh one, so one close per position works).
 *
 * @param options - risk gate, broker, timeframe, reason
 * @returns what was canceled and closed, and what failed
 * @throws InvalidArgumentError when `timeframe` is unknown
 * @example
 * ```ts
 * import { executeKillSwitch } from '@sextant/execution';
 * const report = await executeKillSwitch({ risk, broker, timeframe: '5m', reason: 'operator' });
 * if (report.failures.length > 0) console.error(report.failures);
 * ```
 */
export async function executeKillSwitch(options: KillSwitchOptions): Promise<KillSwitchReport> {
  const { risk, broker, timeframe, reason = 'kill switch' } = options;
  if (!isTimeframe(timeframe)) throw new InvalidArgumentError(`Unknown timeframe "${String(timeframe)}"`);
  risk.killSwitch(broker.portfolio(), reason);
  const report: KillSwitchReport = { state: 'HALTED', reason, canceled: [], closes: [], failures: [] };
  try {
    if (broker.cancelAll === undefined) {
      throw new InvalidArgumentError('The broker cannot cancel orders (no cancelAll): open orders were left');
    }
    report.canceled = await broker.cancelAll();
  } catch (err) {
    report.failures.push({ step: 'cancel', error: toSextantError(err, 'Canceling open orders failed') });
  }
  const portfolio = broker.portfolio();
  const step = timeframeToMs(timeframe);
  for (const p of Object.values(portfolio.positions)) {
    if (!(p.amount > 0)) continue;
    const intent: OrderIntent = {
      symbol: p.symbol,
      side: 'sell',
      type: 'market',
      amount: p.amount,
      reduceOnly: true,
      reason: 'kill-switch',
    };
    const price = p.markPrice;
    const event: CandleEvent = {
      symbol: p.symbol,
      timeframe,
      candle: { timestamp: portfolio.timestamp - step, open: price, high: price, low: price, close: price, volume: 0 },
    };
    try {
      report.closes.push(await broker.submit(intent, event));
    } catch (err) {
      report.failures.push({
        step: 'close',
        symbol: p.symbol,
        error: toSextantError(err, `Closing ${p.symbol} failed`),
      });
    }
  }
  return report;
}
