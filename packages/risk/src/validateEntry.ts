import {
  formatPercent as pct,
  type MarketSnapshot,
  type OrderIntent,
  type PortfolioSnapshot,
  type RiskVerdict,
} from '@sextant/core';
import { applyMarketLimits } from './applyMarketLimits.js';
import type { RuleContext } from './RuleContext.type.js';
import { sizePosition } from './sizePosition.js';

/**
 * The entry rules, in order: reduce-only buys, trading state, minimum capital,
 * max open positions, sizing, regime, correlation, max position, max
 * exposure, free cash, exchange limits with room to exit. Internal to
 * `RiskValidator`, exported for tests and custom gates.
 *
 * @param ctx - config, state, regime, history and the stop rule
 * @param intent - a buy
 * @param portfolio - the account now
 * @param market - the market now
 * @returns approve / resize / reject with reasons and rule names
 * @example
 * ```ts
 * import { validateEntry } from '@sextant/risk';
 * // normally called through RiskValidator.validate
 * ```
 */
export function validateEntry(
  ctx: RuleContext,
  intent: OrderIntent,
  portfolio: PortfolioSnapshot,
  market: MarketSnapshot,
): RiskVerdict {
  const c = ctx.config;
  const v = new Verdict();
  const { symbol } = intent;
  if (intent.reduceOnly) return v.reject('reduce-only', `reduce-only buy on ${symbol}: long-only, nothing to reduce`);
  const state = ctx.state;
  if (state !== 'ACTIVE') {
    const why = ctx.breakers.map((b) => `${b.name}: ${b.reason}`).join('; ');
    return v.reject('trading-state', `trading state ${state} refuses entries (${why})`);
  }
  const { equity, cash, positions } = portfolio;
  if (equity < c.minCapital)
    return v.reject('min-capital', `equity ${equity} is below the minimum capital ${c.minCapital}`);
  const existing = positions[symbol];
  const open = Object.values(positions).filter((p) => p.amount > 0);
  const holding = existing !== undefined && existing.amount > 0;
  if (!holding && open.length >= c.maxOpenPositions) {
    return v.reject('max-open-positions', `${open.length} positions open, the maximum is ${c.maxOpenPositions}`);
  }
  const price = intent.type === 'limit' && intent.price !== undefined ? intent.price : market.price;
  const stop = ctx.initialStop(symbol, price);
  let amount: number;
  if (intent.amount !== undefined) {
    amount = intent.amount;
    v.reasons.push(`requested ${amount}`);
  } else {
    let sized: ReturnType<typeof sizePosition>;
    try {
      sized = sizePosition(c.sizing, {
        equity,
        price,
        stopPrice: stop.price,
        ...withVolatility(market.volatility ?? ctx.history.volatility(symbol)),
        ...(intent.decision === undefined ? {} : { winProbability: intent.decision.confidence }),
        maxPositionPct: c.maxPositionPct,
        payoffRatio: c.takeProfitPct / c.stopLossPct,
      });
    } catch (err) {
      return v.reject('sizing', err instanceof Error ? err.message : String(err));
    }
    if (!(sized.amount > 0)) return v.reject('sizing', sized.reason);
    amount = sized.amount;
    v.reasons.push(`sized by ${sized.reason}`);
  }
  const requested = amount;
  v.amount = amount;

  const scale = 1 - (1 - c.regimeScale[ctx.regime]) * ctx.regimeConfidence;
  if (scale < 1) {
    v.cut(
      'regime',
      v.amount * scale,
      `${ctx.regime} regime (confidence ${pct(ctx.regimeConfidence, 0)}) scales size by ${scale}`,
    );
  }
  const corr = maxCorrelation(
    ctx,
    symbol,
    open.map((p) => p.symbol),
  );
  if (corr !== undefined && corr.r > c.correlation.max) {
    const why = `correlation ${corr.r.toFixed(3)} with ${corr.symbol} above ${c.correlation.max}`;
    if (c.correlation.action === 'reject') return v.reject('correlation', why);
    v.cut('correlation', v.amount * c.correlation.resizeFactor, `${why}: size x${c.correlation.resizeFactor}`);
  }
  const held = holding ? existing.amount * existing.markPrice : 0;
  const posRoom = c.maxPositionPct * equity - held;
  v.cut('max-position', posRoom / price, `position capped at ${pct(c.maxPositionPct)} of equity ${equity}`);
  const exposure = open.reduce((s, p) => s + p.amount * p.markPrice, 0);
  const expRoom = c.maxExposurePct * equity - exposure;
  v.cut(
    'max-exposure',
    expRoom / price,
    `total exposure capped at ${pct(c.maxExposurePct)} (now ${pct(exposure / equity)})`,
  );
  v.cut('cash', cash / (1 + c.feeReserve) / price, `free cash ${cash} (with a ${pct(c.feeReserve)} fee reserve)`);
  if (!(v.amount > 0)) {
    v.reasons.push(`no room left for ${symbol}`);
    return { outcome: 'reject', intent: null, reasons: v.reasons, rules: v.rules };
  }
  const fit = applyMarketLimits(symbol, v.amount, price, 'buy', c.markets[symbol], {
    exitRoom: (price - stop.price) / price,
  });
  if (fit.reject !== undefined) return v.reject('exchange-limits', fit.reject);
  if (fit.amount < v.amount) {
    v.rules.push('exchange-precision');
    v.reasons.push(...fit.notes);
  }
  v.amount = fit.amount;
  if (!(v.amount > 0)) return v.reject('exchange-limits', `amount rounds to 0 on ${symbol}`);
  const sized: OrderIntent = { ...intent, amount: v.amount };
  if (intent.type === 'limit' && fit.price !== undefined) sized.price = fit.price;
  v.reasons.push(
    `entry ${v.amount} ${symbol} at ${price} (${pct((v.amount * price) / equity)} of equity), stop ${stop.how}`,
  );
  return {
    outcome: v.rules.length > 0 || v.amount < requested ? 'resize' : 'approve',
    intent: sized,
    reasons: v.reasons,
    rules: v.rules,
  };
}

function maxCorrelation(
  ctx: RuleContext,
  symbol: string,
  others: readonly string[],
): { r: number; symbol: string } | undefined {
  let best: { r: number; symbol: string } | undefined;
  for (const o of others) {
    if (o === symbol) continue;
    const r = ctx.history.correlation(symbol, o, Math.min(10, ctx.config.correlation.window));
    if (r !== undefined && (best === undefined || r > best.r)) best = { r, symbol: o };
  }
  return best;
}

function withVolatility(v: number | undefined): { volatility?: number } {
  return v === undefined ? {} : { volatility: v };
}

/** Reasons, rule names and the amount as the rules cut it. */
class Verdict {
  readonly reasons: string[] = [];
  readonly rules: string[] = [];
  amount = 0;

  /** Cut the amount to `to` (never raise it), naming the rule. */
  cut(rule: string, to: number, why: string): void {
    if (to < this.amount) {
      this.amount = Math.max(0, to);
      this.rules.push(rule);
      this.reasons.push(why);
    }
  }

  reject(rule: string, why: string): RiskVerdict {
    this.reasons.push(why);
    this.rules.push(rule);
    return { outcome: 'reject', intent: null, reasons: this.reasons, rules: this.rules };
  }
}
