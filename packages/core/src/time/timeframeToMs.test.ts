import { describe, expect, it } from 'vitest';
import { isTimeframe, TIMEFRAME_LIST } from './Timeframe.js';
import { timeframeToMs } from './timeframeToMs.js';

describe('timeframeToMs', () => {
  it('knows every supported timeframe', () => {
    expect(TIMEFRAME_LIST).toEqual(['1m', '5m', '15m', '30m', '1h', '4h', '1d', '1w']);
    expect(TIMEFRAME_LIST.map(timeframeToMs)).toEqual([
      60_000, 300_000, 900_000, 1_800_000, 3_600_000, 14_400_000, 86_400_000, 604_800_000,
    ]);
  });

  it('rejects unknown timeframes with a typed error', () => {
    expect(() => timeframeToMs('7m' as never)).toThrowError(
      'Unknown timeframe "7m"; expected one of 1m, 5m, 15m, 30m, 1h, 4h, 1d, 1w',
    );
    expect(isTimeframe('1h')).toBe(true);
    expect(isTimeframe('toString')).toBe(false);
  });
});
