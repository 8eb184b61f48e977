import { allocateCandleSeries, candleAt, isSextantError, sliceSeries } from '@sextant/core';
import { describe, expect, it } from 'vitest';
import { loadSeries } from '../../test/helpers/loadSeries.js';
import { FeaturePipeline } from './FeaturePipeline.js';
import { createFeatureSource } from './createFeatureSource.js';
import { precomputedFeatureSource } from './precomputedFeatureSource.js';

const eth = loadSeries('ETH_BTC-5m.json');

describe('FeaturePipeline', () => {
  const pipeline = new FeaturePipeline();

  it('has at least 30 default features with stable names and hash', () => {
    expect(pipeline.names.length).toBeGreaterThanOrEqual(30);
    expect(new Set(pipeline.names).size).toBe(pipeline.names.length);
    expect(pipeline.names.slice(0, 8)).toEqual([
      'logret_1',
      'logret_1_lag1',
      'logret_1_lag2',
      'logret_1_lag3',
      'logret_3',
      'logret_12',
      'close_sma_10',
      'close_sma_20',
    ]);
    expect(new FeaturePipeline().hash).toBe(pipeline.hash);
    expect(pipeline.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(new FeaturePipeline({ features: [{ kind: 'rsi', period: 15 }] }).hash).not.toBe(pipeline.hash);
  });

  it('drops the warm-up rows, reports the count and aligns rows to candle times', () => {
    const frame = pipeline.compute(eth);
    expect(pipeline.warmup).toBe(199); // EMA 200 is the longest warm-up
    expect(frame.dropped).toBe(199);
    expect(frame.length).toBe(eth.length - 199);
    expect(frame.timestamp[0]).toBe(eth.timestamp[199]);
    expect(frame.hash).toBe(pipeline.hash);
    for (const [c, col] of frame.columns.entries()) {
      expect(col.length, frame.names[c]).toBe(frame.length);
      expect(col.every(Number.isFinite), frame.names[c]).toBe(true);
    }
    const rsiCol = frame.columns[frame.names.indexOf('rsi_14')]!;
    expect(Math.min(...rsiCol)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...rsiCol)).toBeLessThanOrEqual(1);
  });

  it('refuses a bad spec with a ConfigError naming the field', () => {
    expect(() => new FeaturePipeline({ features: [{ kind: 'rsi', period: 0 }] })).toThrow(/features\.0\.period/);
    try {
      new FeaturePipeline({ features: [{ kind: 'nope' } as never] });
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'INVALID_CONFIG')).toBe(true);
    }
  });

  it('refuses corrupt candles with InvalidCandlesError and leaves the input untouched', () => {
    const bad = sliceSeries(eth, 0, 300);
    const copy = { ...bad, close: bad.close.slice() };
    copy.close[10] = Number.NaN;
    try {
      pipeline.compute(copy);
      expect.unreachable();
    } catch (e) {
      expect(isSextantError(e, 'INVALID_CANDLES')).toBe(true);
      expect((e as Error).message).toMatch(/row 10/);
    }
    expect(Number.isNaN(copy.close[10]!)).toBe(true);
  });

  it('expands FreqAI-style: periods, shifts, timeframes and correlated pairs', () => {
    const ltc = loadSeries('LTC_BTC-5m.json');
    const p = new FeaturePipeline({
      features: [{ kind: 'rsi' }, { kind: 'ma', type: 'ema' }],
      expand: { periods: [10, 20], shifts: 1, timeframes: ['1h'], pairs: ['LTC/BTC'] },
      timeframe: '5m',
    });
    expect(p.names).toEqual([
      'rsi_10',
      'rsi_20',
      'close_ema_10',
      'close_ema_20',
      'rsi_10_shift1',
      'rsi_20_shift1',
      'close_ema_10_shift1',
      'close_ema_20_shift1',
      ...['rsi_10', 'rsi_20', 'close_ema_10', 'close_ema_20'].flatMap((n) => [`tf1h_${n}`]),
      ...['rsi_10_shift1', 'rsi_20_shift1', 'close_ema_10_shift1', 'close_ema_20_shift1'].map((n) => `tf1h_${n}`),
      ...[
        'rsi_10',
        'rsi_20',
        'close_ema_10',
        'close_ema_20',
        'rsi_10_shift1',
        'rsi_20_shift1',
        'close_ema_10_shift1',
        'close_ema_20_shift1',
      ].map((n) => `LTC/BTC_${n}`),
    ]);
    const frame = p.compute(eth, { pairs: { 'LTC/BTC': ltc } });
    const shifted = frame.columns[p.names.indexOf('rsi_10_shift1')]!;
    const plain = frame.columns[p.names.indexOf('rsi_10')]!;
    expect(shifted[5]).toBe(plain[4]);
    // 1h RSI(20) needs 21 closed hours: the first complete row closes at hour 21.
    expect(frame.dropped).toBeGreaterThanOrEqual(21 * 12 - 1);
    expect(() => p.compute(eth)).toThrow(/LTC\/BTC/);
  });
});

describe('feature sources', () => {
  const pipeline = new FeaturePipeline();
  const short = sliceSeries(eth, 0, 260);
  const frame = pipeline.compute(short);

  it('createFeatureSource streams the same rows as compute, null in the warm-up', () => {
    const source = createFeatureSource(pipeline);
    expect(source.names).toBe(pipeline.names);
    expect(source.hash).toBe(pipeline.hash);
    for (let i = 0; i < short.length; i++) {
      const candle = {
        timestamp: short.timestamp[i]!,
        open: short.open[i]!,
        high: short.high[i]!,
        low: short.low[i]!,
        close: short.close[i]!,
        volume: short.volume[i]!,
      };
      const row = source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle });
      if (i < frame.dropped!) {
        expect(row).toBeNull();
        continue;
      }
      expect(row).not.toBeNull();
      const r = i - frame.dropped!;
      expect(Array.from(row!)).toEqual(frame.columns.map((c) => c[r]));
    }
  });

  it('createFeatureSource streams every feature kind with shifts, and replace() updates the open candle', () => {
    const all = new FeaturePipeline({
      features: [...pipeline.config.features, { kind: 'stochRsi' }, { kind: 'ma', type: 'tema', period: 5 }],
      expand: { shifts: 2 },
    });
    const s = sliceSeries(loadSeries('NXT_BTC-5m.json'), 0, 400);
    const want = all.compute(s);
    const source = createFeatureSource(all);
    let rows = 0;
    for (let i = 0; i < s.length; i++) {
      const c = candleAt(s, i);
      // first a provisional update of the open candle, then the closed one
      source.update({ symbol: 'NXT/BTC', timeframe: '5m', candle: { ...c, close: c.low, high: c.high } });
      const row = source.update({ symbol: 'NXT/BTC', timeframe: '5m', candle: c });
      if (i < want.dropped!) {
        expect(row).toBeNull();
        continue;
      }
      rows++;
      const r = i - want.dropped!;
      for (let k = 0; k < want.names.length; k++) {
        if (!Object.is(row![k], want.columns[k]![r]))
          expect.fail(`${want.names[k]} at row ${i}: ${row![k]} vs ${want.columns[k]![r]}`);
      }
    }
    expect(rows).toBe(want.length);
  });

  it('createFeatureSource with higher timeframes recomputes and still equals compute', () => {
    const p = new FeaturePipeline({ features: [{ kind: 'rsi' }], expand: { timeframes: ['1h'] }, timeframe: '5m' });
    const s = sliceSeries(eth, 0, 300);
    const want = p.compute(s);
    const source = createFeatureSource(p);
    let last: Float64Array | null = null;
    for (let i = 0; i < s.length; i++)
      last = source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle: candleAt(s, i) });
    expect(Array.from(last!)).toEqual(want.columns.map((c) => c[want.length - 1]));
  });

  it('createFeatureSource refuses out-of-order and corrupt candles', () => {
    const source = createFeatureSource(pipeline);
    const c = { timestamp: 1000, open: 1, high: 1, low: 1, close: 1, volume: 1 };
    source.update({ symbol: 'X/Y', timeframe: '5m', candle: c });
    expect(() => source.update({ symbol: 'X/Y', timeframe: '5m', candle: { ...c, timestamp: 999 } })).toThrow(/older/);
    expect(() => source.update({ symbol: 'X/Y', timeframe: '5m', candle: { ...c, close: Number.NaN } })).toThrow(
      /close NaN/,
    );
    expect(() =>
      source.update({ symbol: 'X/Y', timeframe: '5m', candle: { ...c, timestamp: 2000, high: 0.5 } }),
    ).toThrow(/high 0.5/);
  });

  it('precomputedFeatureSource looks rows up by timestamp', () => {
    const source = precomputedFeatureSource({ 'ETH/BTC': frame });
    const candle = (i: number) => ({
      timestamp: short.timestamp[i]!,
      open: 1,
      high: 1,
      low: 1,
      close: 1,
      volume: 1,
    });
    expect(source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle: candle(10) })).toBeNull();
    expect(source.update({ symbol: 'LTC/BTC', timeframe: '5m', candle: candle(250) })).toBeNull();
    const row = source.update({ symbol: 'ETH/BTC', timeframe: '5m', candle: candle(250) })!;
    expect(Array.from(row)).toEqual(frame.columns.map((c) => c[250 - frame.dropped!]));
    expect(() => precomputedFeatureSource({})).toThrow(/at least one frame/);
    expect(() => precomputedFeatureSource({ a: frame, b: { ...frame, hash: 'other' } })).toThrow(/hash "other"/);
  });
});

/** The first two columns sharing memory, as "a/b", or undefined. */
function overlapping(columns: readonly Float64Array[]): string | undefined {
  for (let a = 0; a < columns.length; a++) {
    for (let b = a + 1; b < columns.length; b++) {
      const x = columns[a]!;
      const y = columns[b]!;
      if (
        x.buffer === y.buffer &&
        x.byteOffset < y.byteOffset + y.byteLength &&
        y.byteOffset < x.byteOffset + x.byteLength
      )
        return `${a}/${b}`;
    }
  }
  return undefined;
}

describe('frame memory', () => {
  it('packs a frame into a few blocks, no two columns sharing memory', () => {
    const p = new FeaturePipeline({ expand: { shifts: 1 } });
    const { columns } = p.computeColumns(eth);
    expect(columns).toHaveLength(p.names.length);
    expect(overlapping(columns)).toBeUndefined();
    // every column of these ~6,000 rows fits one 30 MiB block
    expect(new Set(columns.map((c) => c.buffer)).size).toBe(1);
    for (const c of columns) expect(c.length).toBe(eth.length);
  });

  it('splits a long frame into blocks of at most 30 MiB', () => {
    const n = 1_500_000; // 12 MB per column: two columns to a block
    const long = allocateCandleSeries(n);
    for (let i = 0; i < n; i++) {
      long.timestamp[i] = i * 60_000;
      long.open[i] = long.close[i] = 100 + (i % 7);
      long.high[i] = 108;
      long.low[i] = 99;
      long.volume[i] = 1 + (i % 3);
    }
    const p = new FeaturePipeline({ features: [{ kind: 'candle' }, { kind: 'rsi', period: 3 }] });
    const { columns } = p.computeColumns(long, { trusted: true });
    expect(overlapping(columns)).toBeUndefined();
    const blocks = new Set(columns.map((c) => c.buffer));
    expect(blocks.size).toBe(3); // five columns, two to a block
    for (const b of blocks) expect(b.byteLength).toBeLessThanOrEqual(30 * 2 ** 20);
  });
});

describe('compute with { into }', () => {
  const same = (a: readonly Float64Array[], b: readonly Float64Array[]) => {
    expect(a.length).toBe(b.length);
    for (let c = 0; c < a.length; c++) {
      for (let i = 0; i < a[c]!.length; i++) {
        if (!Object.is(a[c]![i], b[c]![i])) expect.fail(`column ${c} row ${i}: ${a[c]![i]} vs ${b[c]![i]}`);
      }
    }
  };

  it("reuses a spent frame's column memory and gives the same frame as fresh columns", () => {
    const p = new FeaturePipeline({
      features: [
        ...new FeaturePipeline().config.features,
        { kind: 'stochRsi' },
        { kind: 'ma', type: 'tema', period: 5 },
      ],
      expand: { shifts: 1 },
    });
    const other = loadSeries('LTC_BTC-5m.json'); // as long as eth, other prices
    const spent = p.compute(other);
    const buffers = new Set(spent.columns.map((c) => c.buffer));
    const want = p.compute(eth);
    const got = p.compute(eth, { into: spent });
    same(got.columns, want.columns);
    expect(got.dropped).toBe(want.dropped);
    // every base column the pipeline writes itself lands in the spent frame's memory
    const reused = got.columns.filter((c) => buffers.has(c.buffer)).length;
    expect(reused).toBeGreaterThan(got.columns.length / 2);
    const regions = new Set(spent.columns.map((c) => c.byteOffset - 8 * spent.dropped!));
    for (const c of got.columns)
      if (buffers.has(c.buffer)) expect(regions.has(c.byteOffset - 8 * got.dropped!)).toBe(true);
    expect(overlapping(got.columns)).toBeUndefined();
    // and again, into the frame just made (columns of the same length)
    const again = p.compute(eth, { into: got });
    same(again.columns, want.columns);
  });

  it('reuses no memory it did not make, and never one region twice', () => {
    const p = new FeaturePipeline();
    const want = p.compute(eth);
    const mine = p.compute(eth);
    // A "spent" frame of the caller's own arrays: left untouched.
    const own = mine.columns.map((c) => c.slice());
    const ownCopy = own.map((c) => c.slice());
    same(p.compute(eth, { into: { ...mine, columns: own } }).columns, want.columns);
    same(own, ownCopy);
    // The same spent column listed for every column: used once.
    const twice = p.compute(eth, { into: { ...mine, columns: mine.columns.map(() => mine.columns[0]!) } });
    same(twice.columns, want.columns);
    expect(overlapping(twice.columns)).toBeUndefined();
  });

  it('accepts full-length columns and a shorter series', () => {
    const p = new FeaturePipeline();
    const cols = p.computeColumns(eth);
    const short = sliceSeries(eth, 0, 700);
    same(p.computeColumns(short, { into: cols }).columns, new FeaturePipeline().computeColumns(short).columns);
  });

  it('refuses a frame of another pipeline', () => {
    const a = new FeaturePipeline({ features: [{ kind: 'rsi', period: 14 }] });
    const b = new FeaturePipeline({ features: [{ kind: 'rsi', period: 7 }] });
    expect(() => b.compute(eth, { into: a.compute(eth) })).toThrow(/another pipeline/);
  });
});
