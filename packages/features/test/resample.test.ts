/**
 * Multi-timeframe on real data. ETH_BTC-5m.json (from 2018-01-10 04:55 UTC)
 * overlaps ETH_BTC-30m.json (to 2018-01-12 12:30 UTC). The 04:30 bucket holds
 * a single 5m candle (the 5m file starts at 04:55), so it is incomplete and
 * dropped; that leaves 112 overlapping 30m candles, of which 111 match
 * exactly. The last one, 12:30, differs because the 30m file was recorded
 * while that candle was still open: its high (0.0893), close (0.0888) and
 * volume (902.6) are an early snapshot of what the six 5m candles show once
 * the half hour closed (high 0.09101839, close 0.09097993, volume 5049.8).
 */
import { describe, expect, it } from 'vitest';
import { FeaturePipeline, alignToBase, checkLookahead, forwardReturn, resample, rsi } from '../src/index.js';
import { loadSeries } from './helpers/loadSeries.js';

const m5 = loadSeries('ETH_BTC-5m.json');
const m30 = loadSeries('ETH_BTC-30m.json');

// Exchange volumes are decimals with 8 places; a float sum of six of them is
// compared at that precision.
const vol8 = (v: number) => Math.round(v * 1e8);

describe('resample', () => {
  it('reproduces 111 of the 112 overlapping real 30m candles; the last was still open when recorded', () => {
    const r = resample(m5, '5m', '30m', { dropIncomplete: true });
    const at = new Map<number, number>();
    for (let i = 0; i < r.length; i++) at.set(r.timestamp[i]!, i);
    const differing: string[] = [];
    let overlap = 0;
    for (let j = 0; j < m30.length; j++) {
      const i = at.get(m30.timestamp[j]!);
      if (i === undefined) continue;
      overlap++;
      const same =
        r.open[i] === m30.open[j] &&
        r.high[i] === m30.high[j] &&
        r.low[i] === m30.low[j] &&
        r.close[i] === m30.close[j] &&
        vol8(r.volume[i]!) === vol8(m30.volume[j]!);
      if (!same) differing.push(new Date(m30.timestamp[j]!).toISOString());
    }
    expect(overlap).toBe(112);
    expect(differing).toEqual(['2018-01-12T12:30:00.000Z']);
    const last = m30.length - 1;
    expect(m30.timestamp[last]).toBe(Date.parse('2018-01-12T12:30:00Z'));
    const i = at.get(m30.timestamp[last]!)!;
    expect(m30.volume[last]!).toBeLessThan(r.volume[i]!);
    expect(m30.high[last]!).toBeLessThanOrEqual(r.high[i]!);
  });

  it('keeps incomplete buckets unless asked, and refuses a non-multiple timeframe', () => {
    // 5760 candles from 04:55: the first bucket holds 1 candle and the last 5.
    const all = resample(m5, '5m', '30m');
    expect(all.length).toBe(961);
    expect(resample(m5, '5m', '30m', { dropIncomplete: true }).length).toBe(959);
    expect(() => resample(m30, '30m', '5m')).toThrow(/"5m" is not a multiple of "30m"/);
  });

  it('opens weekly buckets on Monday', () => {
    const w = resample(m5, '5m', '1w');
    for (const t of w.timestamp) expect(new Date(t).getUTCDay()).toBe(1);
  });
});

describe('alignToBase', () => {
  it('joins a higher candle only once it has closed by the base candle close', () => {
    const h1 = resample(m5, '5m', '1h');
    const [close1h] = alignToBase(m5, { timestamp: h1.timestamp, columns: [h1.close] }, '1h', '5m');
    for (let i = 0; i < m5.length; i++) {
      const baseClose = m5.timestamp[i]! + 300_000;
      // the latest hour whose close time <= base close
      let j = -1;
      while (j + 1 < h1.length && h1.timestamp[j + 1]! + 3_600_000 <= baseClose) j++;
      if (j < 0) expect(Number.isNaN(close1h![i]!)).toBe(true);
      else expect(close1h![i]).toBe(h1.close[j]);
    }
    // On the last 5m candle of an hour the hour has just closed: its close is the 5m close.
    const k = m5.timestamp.findIndex((t) => (t + 300_000) % 3_600_000 === 0 && t > m5.timestamp[20]!);
    expect(close1h![k]).toBe(m5.close[k]);
    expect(close1h![k - 1]).not.toBe(m5.close[k - 1]);
  });
  it('infers the base timeframe when omitted', () => {
    const h1 = resample(m5, '5m', '1h');
    const a = alignToBase(m5, { timestamp: h1.timestamp, columns: [rsi(h1.close, 14)] }, '1h');
    const b = alignToBase(m5, { timestamp: h1.timestamp, columns: [rsi(h1.close, 14)] }, '1h', '5m');
    expect(a).toEqual(b);
  });
});

describe('checkLookahead', () => {
  it('finds nothing in the default pipeline', () => {
    const report = checkLookahead(new FeaturePipeline(), m5, { cuts: 4 });
    expect(report.cuts.length).toBeGreaterThanOrEqual(4);
    expect(report.leaks).toEqual([]);
    expect(report.ok).toBe(true);
  });

  it('finds nothing with higher timeframes and shifts', () => {
    const p = new FeaturePipeline({
      features: [{ kind: 'rsi' }, { kind: 'bollinger' }, { kind: 'macd' }],
      expand: { timeframes: ['1h', '4h'], shifts: 2 },
      timeframe: '5m',
    });
    expect(checkLookahead(p, m5, { cuts: 5 }).ok).toBe(true);
  });

  it('flags a deliberately leaky feature and only that one', () => {
    const base = new FeaturePipeline({ features: [{ kind: 'rsi' }, { kind: 'ma', type: 'ema', period: 50 }] });
    const leaky = {
      names: [...base.names, 'future_return_3'],
      computeColumns: (s: typeof m5) => ({
        columns: [...base.computeColumns(s).columns, forwardReturn(s.close, 3)],
      }),
    };
    const report = checkLookahead(leaky, m5, { cuts: 3 });
    expect(report.ok).toBe(false);
    expect(report.leaks.map((l) => l.feature)).toEqual(['future_return_3']);
    const leak = report.leaks[0]!;
    expect(leak.row).toBe(leak.cut - 3);
    expect(Number.isNaN(leak.truncated)).toBe(true);
  });
});
