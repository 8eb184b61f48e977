import { describe, expect, it } from 'vitest';
import { loadSeries, seriesFiles } from '../../test/helpers/loadSeries.js';
import { arr, ta } from '../../test/helpers/talib.js';
import { cci } from '../kernels/cci.js';
import { cciInto } from './cciInto.js';
import { cciWindow } from './cciWindow.js';

// cciInto's four-bar loop must give cciWindow's bits (the streaming twin's
// step) on every bar, for periods where the four slots of a group wrap round
// the ring, and for every tail length; and both are TA-Lib's CCI to the bit.
describe('cciInto', () => {
  const s = loadSeries(seriesFiles()[0]!);

  it('equals cciWindow bar by bar for small and usual periods and every tail', () => {
    for (const period of [2, 3, 4, 5, 7, 20]) {
      for (const n of [period - 1, period, period + 1, period + 2, period + 3, period + 4, period + 9, 300]) {
        const [h, l, c] = [s.high, s.low, s.close].map((x) => x.subarray(0, n)) as [
          Float64Array,
          Float64Array,
          Float64Array,
        ];
        const out = new Float64Array(n).fill(Number.NaN);
        cciInto(h, l, c, period, out);
        const ring = new Float64Array(period);
        for (let i = 0; i < n; i++) {
          const tp = (h[i]! + l[i]! + c[i]!) / 3;
          ring[i % period] = tp;
          const want = i < period - 1 ? Number.NaN : cciWindow(ring, period, tp);
          if (!Object.is(out[i], want)) expect.fail(`period ${period}, n ${n}, bar ${i}: ${out[i]} vs ${want}`);
        }
      }
    }
  });

  it('is TA-Lib CCI to the bit', () => {
    for (const file of seriesFiles()) {
      const x = loadSeries(file);
      for (const period of [2, 14, 20]) {
        const want = ta('CCI', x.length, {
          high: arr(x.high),
          low: arr(x.low),
          close: arr(x.close),
          optInTimePeriod: period,
        }).outReal!;
        expect(Array.from(cci(x.high, x.low, x.close, period)), `${file} ${period}`).toEqual(Array.from(want));
      }
    }
  });
});
