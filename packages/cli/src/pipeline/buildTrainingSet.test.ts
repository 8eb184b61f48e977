import { createCandleSeries, isSextantError } from '@sextant/core';
import type { FeatureFrame } from '@sextant/features';
import { describe, expect, it } from 'vitest';
import { buildTrainingSet } from './buildTrainingSet.js';
import { chronologicalSplit } from './chronologicalSplit.js';

const M = 60_000;
const n = 20;
const ts = Float64Array.from({ length: n }, (_, i) => i * M);
const close = Float64Array.from({ length: n }, (_, i) => 100 + i);
const series = {
  'A/B': createCandleSeries({ timestamp: ts, open: close, high: close, low: close, close, volume: close }),
};
// A frame that starts after 3 warm-up candles, like a pipeline with lookback 3.
const frame: FeatureFrame = {
  timestamp: ts.subarray(3),
  names: ['x'],
  columns: [Float64Array.from({ length: n - 3 }, (_, i) => (i === 5 ? Number.NaN : i))],
  length: n - 3,
  hash: 'h',
};

describe('buildTrainingSet', () => {
  it('labels each row with the forward return read at its own candle', () => {
    const set = buildTrainingSet({ 'A/B': frame }, series, { horizonBars: 2 });
    // rows 3..17 have a label (18, 19 run past the data); the NaN feature row (candle 8) is dropped
    expect(Array.from(set.timestamp)).toEqual([3, 4, 5, 6, 7, 9, 10, 11, 12, 13, 14, 15, 16, 17].map((i) => i * M));
    expect(set.y[0]).toBeCloseTo(105 / 103 - 1, 15);
    expect(set.X[0]).toEqual([0]);
    expect(set.symbol.every((s) => s === 'A/B')).toBe(true);
  });

  it('purges training rows whose label would read a test-period candle', () => {
    const { testFrom } = chronologicalSplit(series, 0.5, M);
    expect(testFrom).toBe(10 * M);
    const train = buildTrainingSet({ 'A/B': frame }, series, { horizonBars: 2, labelsBefore: testFrom });
    // candle 7's label reads candle 9 (< 10): kept; candle 8 is NaN; 9 would read 11: purged
    expect(Array.from(train.timestamp)).toEqual([3, 4, 5, 6, 7].map((i) => i * M));
    const test = buildTrainingSet({ 'A/B': frame }, series, { horizonBars: 2, from: testFrom });
    expect(test.timestamp[0]).toBe(testFrom);
  });

  it('refuses a frame row without a candle, and a split ratio outside (0, 1)', () => {
    const shifted: FeatureFrame = { ...frame, timestamp: frame.timestamp.map((t) => t + 1) };
    expect(() => buildTrainingSet({ 'A/B': shifted }, series, { horizonBars: 1 })).toThrow(
      'Feature row of "A/B" at 180001 ms has no candle with that open time',
    );
    const err = (() => {
      try {
        chronologicalSplit(series, 1.2, M);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isSextantError(err, 'INVALID_ARGUMENT')).toBe(true);
    expect((err as Error).message).toBe('trainRatio must be in (0, 1), got 1.2');
  });
});
