import { createCandleSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries } from '../../test/helpers/loadSeries.js';
import { atr } from '../kernels/atr.js';
import { LABEL_CLASSES } from './LABEL_CLASSES.js';
import { atrClassLabels } from './atrClassLabels.js';
import { forwardReturn } from './forwardReturn.js';
import { multiHorizonTargets } from './multiHorizonTargets.js';
import { tripleBarrierLabels } from './tripleBarrierLabels.js';

const eth = loadSeries('ETH_BTC-5m.json');
const nanTail = (a: Float64Array) => {
  let k = 0;
  while (k < a.length && Number.isNaN(a[a.length - 1 - k]!)) k++;
  return k;
};

describe('multiHorizonTargets', () => {
  it('maps 10m, 1h, 6h, 8h and 12h onto 5m bars', () => {
    const t = multiHorizonTargets(eth.close, '5m');
    expect(Object.keys(t)).toEqual(['ret_10m', 'ret_1h', 'ret_6h', 'ret_8h', 'ret_12h']);
    expect([2, 12, 72, 96, 144].map((h, i) => nanTail(Object.values(t)[i]!) === h)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(t.ret_1h).toEqual(forwardReturn(eth.close, 12));
  });
  it('refuses a horizon that is not a whole number of candles', () => {
    expect(() => multiHorizonTargets(eth.close, '1h', ['10m'])).toThrow(/"10m".*multiple of the "1h"/);
    expect(() => multiHorizonTargets(eth.close, '5m', ['soon'])).toThrow(/"soon"/);
  });
});

describe('atrClassLabels', () => {
  it('labels BUY/SELL beyond k x ATR and HOLD between, NaN past the data and in the ATR warm-up', () => {
    const y = atrClassLabels(eth, { horizonBars: 12, k: 1 });
    const a = atr(eth.high, eth.low, eth.close, 14);
    expect(Number.isNaN(y[13]!)).toBe(true);
    expect(nanTail(y)).toBe(12);
    const counts = { [-1]: 0, 0: 0, 1: 0 } as Record<number, number>;
    for (let i = 14; i < eth.length - 12; i++) {
      const move = eth.close[i + 12]! - eth.close[i]!;
      const want = move > a[i]! ? 1 : move < -a[i]! ? -1 : 0;
      expect(y[i]).toBe(want);
      counts[want]!++;
    }
    expect(counts[1]! > 0 && counts[-1]! > 0 && counts[0]! > 0).toBe(true);
  });
  it('rejects a non-positive k', () => {
    expect(() => atrClassLabels(eth, { horizonBars: 3, k: 0 })).toThrow(/k must be > 0, got 0/);
  });
});

describe('tripleBarrierLabels', () => {
  // 6 hand-made candles; barriers +-10% of the entry close.
  const s = createCandleSeries({
    timestamp: [0, 1, 2, 3, 4, 5],
    open: [100, 100, 100, 100, 100, 100],
    high: [100, 105, 111, 100, 100, 120],
    low: [100, 95, 99, 89, 100, 80],
    close: [100, 100, 100, 100, 100, 100],
    volume: [1, 1, 1, 1, 1, 1],
  });
  it('takes the first barrier touched, HOLD at the time barrier or on a two-sided bar', () => {
    const y = tripleBarrierLabels(s, { horizonBars: 2, upper: 0.1, lower: 0.1 });
    expect(Array.from(y)).toEqual([
      LABEL_CLASSES.BUY, // bar 2 high 111
      LABEL_CLASSES.BUY, // bar 2 first
      LABEL_CLASSES.SELL, // bar 3 low 89
      LABEL_CLASSES.HOLD, // bar 5 touches both
      Number.NaN,
      Number.NaN,
    ]);
    const y1 = tripleBarrierLabels(s, { horizonBars: 1, upper: 0.1, lower: 0.1 });
    expect(y1[0]).toBe(LABEL_CLASSES.HOLD); // time barrier: bar 1 stays inside
  });
  it('scales barriers by ATR when asked and rejects bad distances', () => {
    const y = tripleBarrierLabels(eth, { horizonBars: 24, upper: 2, lower: 1, atrPeriod: 14 });
    expect(Number.isNaN(y[13]!) && !Number.isNaN(y[14]!)).toBe(true);
    expect(nanTail(y)).toBe(24);
    expect(() => tripleBarrierLabels(eth, { horizonBars: 2, upper: -1, lower: 1 })).toThrow(
      /upper must be > 0, got -1/,
    );
  });
});
