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
  const reasons: string[] = [];
  const rules: string[] = [];
  const reject = (rule: string, why: string): RiskVerdict => ({
    outcome: 'reject',
    intent: null,
    reasons: [...reasons, why],
    rules: [...rules, rule],
  });
  const { symbol } = intent;
  if (intent.reduceOnly) return reject('reduce-only', `reduce-only buy on ${symbol}: long-only, nothing to reduce`);
  const state = ctx.state;
  if (state !== 'ACTIVE') {
    const why = ctx.breakers.map((b) => `${b.name}: ${b.reason}`).join('; ');
    return reject('trading-state', `trading state ${state} refuses entries (${why})`);
  }
  const { equity, cash, positions } = portfolio;
  if (equity < c.minCapital)
    return reject('min-capital', `equity ${equity} is below the minimum capital ${c.minCapital}`);
  const existing = positions[symbol];
  const open = Object.values(positions).filter((p) => p.amount > 0);
  const holding = existing !== undefined && existing.amount > 0;
  if (!holding && open.length >= c.maxOpenPositions) {
    return reject('max-open-positions', `${open.length} positions open, the maximum is ${c.maxOpenPositions}`);
  }
  const price = intent.type === 'limit' && intent.price !== undefined ? intent.price : market.price;
  const stop = ctx.initialStop(symbol, price);
  let amount: number;
  if (intent.amount !== undefined) {
    amount = intent.amount;
    reasons.push(`requested ${amount}`);
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
      return reject('sizing', err instanceof Error ? err.message : String(err));
    }
    if (!(sized.amount > 0)) return reject('sizing', sized.reason);
    amount = sized.amount;
    reasons.push(`sized by ${sized.reason}`);
  }
  const requested = amount;
  const cut = (rule: string, to: number, why: string): void => {
    if (to < amount) {
      amount = Math.max(0, to);
      rules.push(rule);
      reasons.push(why);
    }
  };
  const scale = c.regimeScale[ctx.regime];
  if (scale < 1) cut('regime', amount * scale, `${ctx.regime} regime scales size by ${scale}`);
  const corr = maxCorrelation(
    ctx,
    symbol,
    open.map((p) => p.symbol),
  );
  if (corr !== undefined && corr.r > c.correlation.max) {
    const why = `correlation ${corr.r.toFixed(3)} with ${corr.symbol} above ${c.correlation.max}`;
    if (c.correlation.action === 'reject') return reject('correlation', why);
    cut('correlation', amount * c.correlation.resizeFactor, `${why}: size x${c.correlation.resizeFactor}`);
  }
  const held = holding ? existing.amount * existing.markPrice : 0;
  const posRoom = c.maxPositionPct * equity - held;
  cut('max-position', posRoom / price, `position capped at ${pct(c.maxPositionPct)} of equity ${equity}`);
  const exposure = open.reduce((s, p) => s + p.amount * p.markPrice, 0);
  const expRoom = c.maxExposurePct * equity - exposure;
  cut(
    'max-exposure',
    expRoom / price,
    `total exposure capped at ${pct(c.maxExposurePct)} (now ${pct(exposure / equity)})`,
  );
  cut('cash', cash / (1 + c.feeReserve) / price, `free cash ${cash} (with a ${pct(c.feeReserve)} fee reserve)`);
  if (!(amount > 0)) {
    return { outcome: 'reject', intent: null, reasons: [...reasons, `no room left for ${symbol}`], rules };
  }
  const fit = applyMarketLimits(symbol, amount, price, 'buy', c.markets[symbol], {
    exitRoom: (price - stop.price) / price,
  });
  if (fit.reject !== undefined) return reject('exchange-limits', fit.reject);
  if (fit.amount < amount) {
    rules.push('exchange-precision');
    reasons.push(...fit.notes);
  }
  amount = fit.amount;
  if (!(amount > 0)) return reject('exchange-limits', `amount rounds to 0 on ${symbol}`);
  const sized: OrderIntent = { ...intent, amount };
  if (intent.type === 'limit' && fit.price !== undefined) sized.price = fit.price;
  reasons.push(`entry ${amount} ${symbol} at ${price} (${pct((amount * price) / equity)} of equity), stop ${stop.how}`);
  return { outcome: rules.length > 0 || amount < requested ? 'resize' : 'approve', intent: sized, reasons, rules };
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
