import { describe, expect, it } from 'vitest';
import { loadRows, sharedFiles } from '../../test/sharedData.js';
import { candleAt } from './candleAt.js';
import { candlesFromOHLCV } from './candlesFromOHLCV.js';
import { concatSeries } from './concatSeries.js';
import { allocateCandleSeries, createCandleSeries } from './createCandleSeries.js';
import { mergeSeries } from './mergeSeries.js';
import { sliceSeries, sliceSeriesByTime } from './sliceSeries.js';
import { sortCandles } from './sortCandles.js';
import { toOHLCV } from './toOHLCV.js';

describe('candlesFromOHLCV / toOHLCV', () => {
  it.each(sharedFiles())('round-trips %s exactly', (file) => {
    const rows = loadRows(file);
    const s = candlesFromOHLCV(rows);
    expect(s.length).toBe(rows.length);
    expect(s.close).toBeInstanceOf(Float64Array);
    expect(toOHLCV(s)).toEqual(rows);
  });

  it('rejects rows that are not six numbers', () => {
    expect(() => candlesFromOHLCV([[1, 2, 3]])).toThrowError(/OHLCV row 0 must be/);
  });

  it('turns null fields into NaN so validation catches them', () => {
    const s = candlesFromOHLCV([[0, 1, null, 1, 1, 1]]);
    expect(s.high[0]).toBeNaN();
  });
});

describe('series helpers', () => {
  const s = candlesFromOHLCV(Array.from({ length: 10 }, (_, i) => [i * 60_000, i, i + 1, i, i + 0.5, i * 10]));

  it('slices as views with Array.slice semantics', () => {
    const v = sliceSeries(s, -3);
    expect(v.length).toBe(3);
    expect(Array.from(v.close)).toEqual([7.5, 8.5, 9.5]);
    expect(v.close.buffer).toBe(s.close.buffer);
    expect(sliceSeries(s, 8, 100).length).toBe(2);
    expect(sliceSeries(s, 5, 2).length).toBe(0);
  });

  it('slices by time, both bounds inclusive', () => {
    const v = sliceSeriesByTime(s, 2 * 60_000, 4 * 60_000);
    expect(Array.from(v.timestamp)).toEqual([120_000, 180_000, 240_000]);
  });

  it('concatenates in order', () => {
    const c = concatSeries([sliceSeries(s, 0, 3), sliceSeries(s, 7)]);
    expect(Array.from(c.open)).toEqual([0, 1, 2, 7, 8, 9]);
  });

  it('merges with newer rows winning and sorts', () => {
    const newer = createCandleSeries({
      timestamp: [9 * 60_000, 10 * 60_000, 0],
      open: [100, 101, 102],
      high: [100, 101, 102],
      low: [100, 101, 102],
      close: [100, 101, 102],
      volume: [1, 1, 1],
    });
    const m = mergeSeries(s, newer);
    expect(m.length).toBe(11);
    expect(m.open[0]).toBe(102);
    expect(m.open[9]).toBe(100);
    expect(m.open[10]).toBe(101);
  });

  it('sorts and dedupes, the last duplicate winning', () => {
    const raw = candlesFromOHLCV([
      [2, 1, 1, 1, 1, 1],
      [1, 2, 2, 2, 2, 2],
      [2, 3, 3, 3, 3, 3],
    ]);
    const sorted = sortCandles(raw);
    expect(Array.from(sorted.timestamp)).toEqual([1, 2]);
    expect(Array.from(sorted.open)).toEqual([2, 3]);
  });

  it('reads rows, negative from the end, and rejects bad indexes', () => {
    expect(candleAt(s, -1).close).toBe(9.5);
    expect(() => candleAt(s, 10)).toThrowError(/out of range/);
  });

  it('rejects columns of unequal length', () => {
    expect(() =>
      createCandleSeries({ timestamp: [1, 2], open: [1], high: [1], low: [1], close: [1], volume: [1] }),
    ).toThrowError('Column "open" has 1 rows, expected 2 like "timestamp"');
    expect(allocateCandleSeries(3).volume).toHaveLength(3);
  });
});
