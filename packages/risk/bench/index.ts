/**
 * Throughput of the risk gate and the decision engine on seeded synthetic
 * data (mulberry32 random walks, seed 7): calls per second, each with a ratio
 * against a baseline measured in the same run.
 *
 * - `RiskValidator.validate` (every rule on: sizing, caps, correlation,
 *   exchange limits, breakers) against a bare fixed-fraction gate that only
 *   applies the position and exposure caps: the cost of the full rule set.
 * - `RiskValidator.exits` (history, ATR, stop, TP ladder, trailing, time stop)
 *   on 10 markets with open positions, against a bare fixed-stop check.
 * - `DecisionEngine.decide` on two horizons, static and adaptive, against
 *   `combinePredictions` alone.
 */
import {
  type CandleEvent,
  DecisionEngine,
  type DecisionContext,
  type OrderIntent,
  type PortfolioSnapshot,
  type PositionSnapshot,
  combinePredictions,
  seededRandom,
} from '@sextant/core';
import { RiskValidator } from '../src/index.js';

const SYMBOLS = Array.from({ length: 10 }, (_, i) => `C${i}/BTC`);
const T0 = Date.UTC(2018, 0, 10);
const M5 = 300_000;

function events(n: number, seed: number): CandleEvent[] {
  const rnd = seededRandom(seed);
  const prices = SYMBOLS.map(() => 100);
  const out: CandleEvent[] = [];
  for (let i = 0; i < n; i++) {
    const k = i % SYMBOLS.length;
    const open = prices[k]!;
    const close = open * (1 + (rnd() - 0.5) * 0.01);
    const high = Math.max(open, close) * (1 + rnd() * 0.003);
    const low = Math.min(open, close) * (1 - rnd() * 0.003);
    prices[k] = close;
    out.push({
      symbol: SYMBOLS[k]!,
      timeframe: '5m',
      candle: { timestamp: T0 + Math.floor(i / SYMBOLS.length) * M5, open, high, low, close, volume: 1000 },
    });
  }
  return out;
}

function rate(n: number, fn: () => void): number {
  const t0 = performance.now();
  fn();
  return n / ((performance.now() - t0) / 1000);
}

function fmt(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

function portfolioAt(timestamp: number, held: number): PortfolioSnapshot {
  const positions: Record<string, PositionSnapshot> = {};
  for (const s of SYMBOLS.slice(0, held)) {
    positions[s] = { symbol: s, amount: 5, entryPrice: 100, openedAt: T0, markPrice: 100, highWatermark: 100 };
  }
  return { timestamp, cash: 10_000 - held * 500, equity: 10_000, positions };
}

function benchValidate(evs: readonly CandleEvent[]): void {
  const markets = Object.fromEntries(
    SYMBOLS.map((s) => [
      s,
      { precision: { amount: 0.001, price: 0.0001 }, limits: { amount: { min: 0.01 }, cost: { min: 1 } } },
    ]),
  );
  const full = new RiskValidator({ markets, maxOpenPositions: 10, timeStopHours: 0 });
  for (const e of evs.slice(0, 2000)) full.exits(portfolioAt(e.candle.timestamp, 0), e); // fill the history
  const p = portfolioAt(evs[1999]!.candle.timestamp, 4);
  const intents: OrderIntent[] = SYMBOLS.map((symbol) => ({
    symbol,
    side: 'buy',
    type: 'market',
    reduceOnly: false,
    reason: 'entry',
  }));
  const n = 200_000;
  let sink = 0;
  const bare = (intent: OrderIntent, price: number): number => {
    const held = p.positions[intent.symbol];
    const room = Math.min(0.15 * p.equity - (held ? held.amount * held.markPrice : 0), p.cash);
    return Math.max(0, Math.min(0.15 * p.equity, room)) / price;
  };
  const baseRate = rate(n, () => {
    for (let i = 0; i < n; i++) sink += bare(intents[i % 10]!, 100);
  });
  const fullRate = rate(n, () => {
    for (let i = 0; i < n; i++) {
      const intent = intents[i % 10]!;
      sink +=
        full.validate(intent, p, { symbol: intent.symbol, timestamp: p.timestamp, price: 100 }).intent?.amount ?? 0;
    }
  });
  console.log(
    `validate, every rule:            ${fmt(fullRate)} calls/s; baseline bare fixed-fraction gate ${fmt(baseRate)} calls/s; ratio ${(fullRate / baseRate).toFixed(3)} (sink ${sink > 0})`,
  );
}

function benchExits(evs: readonly CandleEvent[]): void {
  // Positions are kept consistent with the exits, as a backtest's broker would:
  // an exit reduces the position at once, a closed position re-opens at the next close.
  const run = (each: (p: PortfolioSnapshot, e: CandleEvent) => number): number => {
    const positions: Record<string, PositionSnapshot> = {};
    const portfolio: PortfolioSnapshot = { timestamp: T0, cash: 5_000, equity: 10_000, positions };
    let sink = 0;
    for (const e of evs) {
      const c = e.candle;
      let pos = positions[e.symbol];
      if (pos === undefined) {
        pos = {
          symbol: e.symbol,
          amount: 5,
          entryPrice: c.open,
          openedAt: c.timestamp,
          markPrice: c.open,
          highWatermark: c.open,
        };
        positions[e.symbol] = pos;
      }
      portfolio.timestamp = c.timestamp;
      const sold = each(portfolio, e);
      sink += sold;
      if (sold > 0) {
        pos.amount -= sold;
        if (pos.amount <= 1e-12) delete positions[e.symbol];
      }
    }
    return sink;
  };
  const gate = new RiskValidator({ stop: { method: 'atr' }, dailyLossLimitPct: 0, maxDrawdownPct: 0 });
  const bare = new Map<string, number>();
  const baseRate = rate(evs.length, () =>
    run((p, e) => {
      // baseline: a bare fixed 3.5% stop, no targets, no trailing, no time stop
      const pos = p.positions[e.symbol]!;
      const stop = bare.get(`${e.symbol}@${pos.openedAt}`) ?? pos.entryPrice * 0.965;
      bare.set(`${e.symbol}@${pos.openedAt}`, stop);
      return e.candle.low <= stop ? pos.amount : 0;
    }),
  );
  let exits = 0;
  const fullRate = rate(evs.length, () => {
    exits = run((p, e) => {
      let sold = 0;
      for (const x of gate.exits(p, e)) sold += x.amount ?? 0;
      return sold;
    });
  });
  console.log(
    `exits per candle, 10 positions:  ${fmt(fullRate)} candles/s; baseline bare fixed-stop check ${fmt(baseRate)} candles/s; ratio ${(fullRate / baseRate).toFixed(3)} (${fmt(exits)} units sold)`,
  );
}

function benchDecide(evs: readonly CandleEvent[]): void {
  const rnd = seededRandom(11);
  const ctxs: DecisionContext[] = evs.map((event) => ({
    event,
    featureNames: [],
    features: new Float64Array(0),
    predictions: {
      h1: { value: (rnd() - 0.5) * 0.02, confidence: rnd(), trusted: true },
      h6: { value: (rnd() - 0.5) * 0.04, confidence: rnd(), trusted: rnd() > 0.05 },
    },
    position: undefined,
  }));
  let sink = 0;
  const baseRate = rate(ctxs.length, () => {
    for (const c of ctxs) sink += combinePredictions(c.predictions, undefined, {}).expected;
  });
  const staticEngine = new DecisionEngine({ horizons: { h1: '5m', h6: '30m' } });
  const staticRate = rate(ctxs.length, () => {
    for (const c of ctxs) sink += staticEngine.decide(c).confidence;
  });
  const adaptive = new DecisionEngine({ horizons: { h1: '5m', h6: '30m' }, adaptive: { enabled: true } });
  const adaptiveRate = rate(ctxs.length, () => {
    for (const c of ctxs) sink += adaptive.decide(c).confidence;
  });
  console.log(
    `decide, 2 horizons, static:      ${fmt(staticRate)} decisions/s; baseline combinePredictions ${fmt(baseRate)}/s; ratio ${(staticRate / baseRate).toFixed(3)}`,
  );
  console.log(
    `decide, 2 horizons, adaptive:    ${fmt(adaptiveRate)} decisions/s; ratio to static ${(adaptiveRate / staticRate).toFixed(3)} (sink ${Number.isFinite(sink)})`,
  );
}

export default async function bench(): Promise<void> {
  const evs = events(200_000, 7);
  // Warm the JIT on a short run of each.
  benchValidate(events(5_000, 3));
  benchExits(events(5_000, 3));
  benchDecide(events(5_000, 3));
  console.log('seeded synthetic data: 10 markets x 20,000 5m candles (mulberry32, seed 7)');
  benchValidate(evs);
  benchExits(evs);
  benchDecide(evs);
}
