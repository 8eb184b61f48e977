/**
 * Small, honest implementations of the runner's ports for core's own tests
 * (core may not import the packages that implement them for real).
 */
import type {
  Broker,
  CandleEvent,
  DecisionPolicy,
  FeatureSource,
  Fill,
  Order,
  OrderIntent,
  PortfolioSnapshot,
  Predictor,
  RiskGate,
} from '../src/index.js';

/** Momentum over `period` closes: close / close[period ago] - 1. */
export class MomentumFeatures implements FeatureSource {
  readonly names = ['mom'];
  readonly hash = 'mom-v1';
  #closes = new Map<string, number[]>();
  constructor(readonly period = 12) {}
  update(e: CandleEvent): Float64Array | null {
    const c = this.#closes.get(e.symbol) ?? [];
    c.push(e.candle.close);
    if (c.length > this.period + 1) c.shift();
    this.#closes.set(e.symbol, c);
    if (c.length <= this.period) return null;
    return Float64Array.of((c[c.length - 1] as number) / (c[0] as number) - 1);
  }
}

/** Predicts the next return as a fraction of momentum. */
export const momentumModel: Predictor = {
  name: 'ret',
  predict: (f) => ({ value: (f[0] as number) * 0.5, confidence: 0.8, trusted: true }),
};

/** BUY above +t, SELL below -t. */
export function thresholdPolicy(t: number): DecisionPolicy {
  return {
    decide: ({ event, predictions }) => {
      const v = predictions['ret']?.value ?? 0;
      const action = v > t ? 'BUY' : v < -t ? 'SELL' : 'HOLD';
      return {
        symbol: event.symbol,
        timestamp: event.candle.timestamp,
        action,
        confidence: 0.8,
        predictions: { ret: v },
        reasons: [`ret ${v}`],
      };
    },
  };
}

/** Approves buys sized to `fraction` of equity when flat; approves every sell. */
export function fractionGate(fraction: number): RiskGate {
  return {
    validate(intent, portfolio, market) {
      if (intent.side === 'sell') return { outcome: 'approve', intent, reasons: ['exit'], rules: [] };
      if (portfolio.positions[intent.symbol])
        return { outcome: 'reject', intent: null, reasons: ['already in position'], rules: ['one-position'] };
      const amount = (portfolio.equity * fraction) / market.price;
      return { outcome: 'resize', intent: { ...intent, amount }, reasons: [`sized to ${fraction}`], rules: ['sizing'] };
    },
  };
}

/** Market orders fill at the next candle's open of their market, with a fee in quote currency. */
export class NextOpenBroker implements Broker {
  #cash: number;
  #pending: Order[] = [];
  #positions: Record<string, { amount: number; entryPrice: number; openedAt: number; mark: number; high: number }> = {};
  #now = 0;
  #seq = 0;
  constructor(
    cash: number,
    readonly fee = 0.001,
  ) {
    this.#cash = cash;
  }
  onCandle(e: CandleEvent): Fill[] {
    this.#now = e.candle.timestamp;
    const fills: Fill[] = [];
    for (const o of this.#pending.filter((p) => p.symbol === e.symbol)) {
      const price = e.candle.open;
      const fee = o.amount * price * this.fee;
      const pos = this.#positions[o.symbol];
      if (o.side === 'buy') {
        this.#cash -= o.amount * price + fee;
        this.#positions[o.symbol] = {
          amount: o.amount,
          entryPrice: price,
          openedAt: e.candle.timestamp,
          mark: price,
          high: price,
        };
      } else if (pos) {
        this.#cash += o.amount * price - fee;
        delete this.#positions[o.symbol];
      }
      o.status = 'filled';
      o.filled = o.amount;
      fills.push({
        orderId: o.id,
        clientOrderId: o.clientOrderId,
        symbol: o.symbol,
        side: o.side,
        amount: o.amount,
        price,
        fee,
        feeCurrency: 'BTC',
        timestamp: e.candle.timestamp,
        reason: o.reason,
      });
    }
    this.#pending = this.#pending.filter((p) => p.symbol !== e.symbol);
    const pos = this.#positions[e.symbol];
    if (pos) {
      pos.mark = e.candle.close;
      pos.high = Math.max(pos.high, e.candle.high);
    }
    return fills;
  }
  async submit(intent: OrderIntent): Promise<Order> {
    const id = String(++this.#seq);
    const order: Order = {
      id,
      clientOrderId: `c${id}`,
      symbol: intent.symbol,
      side: intent.side,
      type: 'market',
      amount: intent.amount ?? 0,
      status: 'open',
      filled: 0,
      timestamp: this.#now,
      reason: intent.reason,
    };
    this.#pending.push(order);
    return order;
  }
  portfolio(): PortfolioSnapshot {
    let equity = this.#cash;
    const positions: PortfolioSnapshot['positions'] = {};
    for (const [s, p] of Object.entries(this.#positions)) {
      equity += p.amount * p.mark;
      (positions as Record<string, unknown>)[s] = {
        symbol: s,
        amount: p.amount,
        entryPrice: p.entryPrice,
        openedAt: p.openedAt,
        markPrice: p.mark,
        highWatermark: p.high,
      };
    }
    return { timestamp: this.#now, cash: this.#cash, equity, positions };
  }
}
