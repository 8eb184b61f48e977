import { sliceSeries } from '@sextant/core';
import type { AsyncBuffer } from 'hyparquet';
import { describe, expect, it } from 'vitest';
import { bitDifference, loadReal } from '../../test/fixtures.js';
import { decodeCandlesParquet, rowSpanFor } from './decodeCandlesParquet.js';
import { encodeCandlesParquet } from './encodeCandlesParquet.js';

/** An in-memory AsyncBuffer that counts the bytes hyparquet asks for. */
function countingBuffer(bytes: Uint8Array): AsyncBuffer & { read: number } {
  const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const buf = {
    byteLength: ab.byteLength,
    read: 0,
    slice(start: number, end?: number): ArrayBuffer {
      buf.read += (end ?? ab.byteLength) - start;
      return ab.slice(start, end);
    },
  };
  return buf;
}

describe('range reads use row-group statistics', () => {
  it('a one-day read of a month of 1m candles reads a small part of the file', async () => {
    const series = await loadReal('GAPPY_BTC-1m.json'); // 13,681 rows in November 2017
    const bytes = await encodeCandlesParquet(series, { rowGroupSize: 1024 });
    const whole = countingBuffer(bytes);
    expect(bitDifference(await decodeCandlesParquet('gappy', whole), series)).toBeUndefined();

    const from = series.timestamp[6000] as number;
    const to = from + 86_400_000 - 60_000;
    const part = countingBuffer(bytes);
    const day = await decodeCandlesParquet('gappy', part, { from, to });
    const expected = sliceSeries(series, 6000, 6000 + day.length);
    expect(day.length).toBeGreaterThan(1000);
    expect(bitDifference(day, expected)).toBeUndefined();
    expect(day.timestamp[day.length - 1]).toBeLessThanOrEqual(to);
    // Two or three of 14 row groups plus the footer: well under a third of the bytes.
    expect(part.read).toBeLessThan(whole.read / 3);
  });

  it('rowSpanFor keeps only the overlapping row groups', async () => {
    const series = await loadReal('ETH_BTC-5m.json');
    const bytes = await encodeCandlesParquet(series, { rowGroupSize: 1000 });
    const { parquetMetadata } = await import('hyparquet');
    const meta = parquetMetadata(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
    );
    expect(meta.row_groups.length).toBe(6);
    expect(rowSpanFor(meta, { from: series.timestamp[2500] as number, to: series.timestamp[2600] as number })).toEqual({
      start: 2000,
      end: 3000,
    });
    expect(rowSpanFor(meta, { from: series.timestamp[999] as number, to: series.timestamp[1000] as number })).toEqual({
      start: 0,
      end: 2000,
    });
    expect(rowSpanFor(meta, { to: (series.timestamp[0] as number) - 1 })).toEqual({ start: 0, end: 0 });
    expect(rowSpanFor(meta, {})).toEqual({ start: 0, end: series.length });
  });
});
