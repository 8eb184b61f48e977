/**
 * Small real implementations of the runner's ports for execution's tests and
 * bench: a streaming moving-average crossover (features), a pass-through model,
 * a threshold decision and a fixed-fraction risk gate.
 */
import type { CandleEvent, DecisionPolicy, FeatureSource, Predictor, RiskGate, RiskVerdict } from '@sextant/core';

/** fast SMA / slow SMA - 1 over closes, per symbol, streaming. */
export class CrossoverFeatures implements FeatureSource {
  readonly names = ['sma_ratio'];
  readonly hash = 'sma-ratio-v1';
  #state = new Map<string, { buf: Float64Array; i: number; n: number; fast: number; slow: number }>();
  #row = new Float64Array(1);
  constructor(
    readonly fast = 6,
    readonly slow = 24,
  ) {}
  update(e: CandleEvent): Float64Array | null {
    let s = this.#state.get(e.symbol);
    if (!s) this.#state.set(e.symbol, (s = { buf: new Float64Array(this.slow), i: 0, n: 0, fast: 0, slow: 0 }));
    const x = e.candle.close;
    s.slow += x - (s.n >= this.slow ? (s.buf[s.i] as number) : 0);
    s.fast += x - (s.n >= this.fast ? (s.buf[(s.i - this.fast + this.slow) % this.slow] as number) : 0);
    s.buf[s.i] = x;
    s.i = (s.i + 1) % this.slow;
    s.n++;
    if (s.n < this.slow) return null;
    this.#row[0] = s.fast / this.fast / (s.slow / this.slow) - 1;
    return this.#row; // valid until the next update, as FeatureSource allows
  }
}

/** Passes the first feature through as the prediction. */
export const passThroughModel: Predictor = {
  name: 'signal',
  predict: (f) => ({ value: f[0] as number, confidence: 0.7, trusted: true }),
};

/** BUY above +t, SELL below -t, else HOLD. */
export function thresholdPolicy(t: number): DecisionPolicy {
  const holdReasons = Object.freeze([`|signal| below ${t}`]) as string[];
  const buyReasons = Object.freeze([`signal above +${t}`]) as string[];
  const sellReasons = Object.freeze([`signal below -${t}`]) as string[];
  return {
    decide: ({ event, predictions }) => {
      const v = predictions['signal']?.value ?? 0;
      const action = v > t ? 'BUY' : v < -t ? 'SELL' : 'HOLD';
      const reasons = action === 'HOLD' ? holdReasons : action === 'BUY' ? buyReasons : sellReasons;
      return {
        symbol: event.symbol,
        timestamp: event.candle.timestamp,
        action,
        confidence: 0.7,
        predictions: { signal: v },
        reasons,
      };
    },
  };
}

/**
 * The same rule, aware of the position as freqtrade evaluates entries only on
 * flat pairs: BUY above +t while flat, SELL below -t while holding, else HOLD.
 * Behind {@link fractionGate} it trades exactly as {@link thresholdPolicy} (the
 * gate rejects a BUY while in position; the runner sends no SELL while flat),
 * without a decision, an intent and a risk check per candle that can only be refused.
 */
export function positionAwarePolicy(t: number): DecisionPolicy {
  const holdReasons = Object.freeze([`|signal| below ${t} or no change of position`]) as string[];
  const buyReasons = Object.freeze([`signal above +${t}, flat`]) as string[];
  const sellReasons = Object.freeze([`signal below -${t}, holding`]) as string[];
  return {
    decide: ({ event, predictions, position }) => {
      const v = predictions['signal']?.value ?? 0;
      const action = v > t && position === undefined ? 'BUY' : v < -t && position !== undefined ? 'SELL' : 'HOLD';
      const reasons = action === 'HOLD' ? holdReasons : action === 'BUY' ? buyReasons : sellReasons;
      return {
        symbol: event.symbol,
        timestamp: event.candle.timestamp,
        action,
        confidence: 0.7,
        predictions: { signal: v },
        reasons,
      };
    },
  };
}

/** Sizes buys to `fraction` of equity at the close when flat in the market; approves every sell. */
export function fractionGate(fraction: number): RiskGate {
  const inPosition: RiskVerdict = Object.freeze({
    outcome: 'reject',
    intent: null,
    reasons: Object.freeze(['already in position']) as string[],
    rules: Object.freeze(['one-position']) as string[],
  });
  return {
    validate(intent, portfolio, market) {
      if (intent.side === 'sell') return { outcome: 'approve', intent, reasons: ['exit'], rules: [] };
      if (portfolio.positions[intent.symbol]) return inPosition;
      const amount = Math.floor(((portfolio.equity * fraction) / market.price) * 1e8) / 1e8;
      if (amount * market.price * 1.01 > portfolio.cash) {
        return { outcome: 'reject', intent: null, reasons: ['not enough cash'], rules: ['cash'] };
      }
      return { outcome: 'resize', intent: { ...intent, amount }, reasons: [`sized to ${fraction}`], rules: ['sizing'] };
    },
  };
}
