import type { Candle } from '@sextant/core';
import { ADX } from '../streaming/ADX.js';
import { Aroon } from '../streaming/Aroon.js';
import { Bollinger } from '../streaming/Bollinger.js';
import { CandlePattern } from '../streaming/CandlePattern.js';
import { CCI } from '../streaming/CCI.js';
import { CMF } from '../streaming/CMF.js';
import { DEMA } from '../streaming/DEMA.js';
import { Donchian } from '../streaming/Donchian.js';
import { EMA } from '../streaming/EMA.js';
import { Keltner } from '../streaming/Keltner.js';
import { LogReturn } from '../streaming/LogReturn.js';
import { MACD } from '../streaming/MACD.js';
import { MFI } from '../streaming/MFI.js';
import { NATR } from '../streaming/NATR.js';
import { OBV } from '../streaming/OBV.js';
import { ROC } from '../streaming/ROC.js';
import { RollingVolatility } from '../streaming/RollingVolatility.js';
import { RSI } from '../streaming/RSI.js';
import { SMA } from '../streaming/SMA.js';
import { StdDev } from '../streaming/StdDev.js';
import { StochRSI } from '../streaming/StochRSI.js';
import { Stochastic } from '../streaming/Stochastic.js';
import { StreamingIndicator } from '../streaming/StreamingIndicator.js';
import { TEMA } from '../streaming/TEMA.js';
import { VWAP } from '../streaming/VWAP.js';
import { WillR } from '../streaming/WillR.js';
import { WMA } from '../streaming/WMA.js';
import type { FeatureDef } from './FeaturePipelineConfigSchema.js';
import { scaleFreeValue as v } from './scaleFree.js';

/** `add` or `replace`: how a composite feeds its streaming parts. */
type Op = 'add' | 'replace';
type Step<S> = (s: S, c: Candle, i: number, op: Op) => number[];

/** One feature kind, streaming: a candle in, the kind's outputs out, equal to its batch columns. */
export class FeatureStream<S extends object = object> extends StreamingIndicator<Candle, number[], S> {
  readonly #step: Step<S>;

  constructor(state: S, step: Step<S>) {
    super(state, [], 0);
    this.#step = step;
  }

  protected next(s: S, c: Candle, i: number): number[] {
    return this.#step(s, c, i, this.isReplacing ? 'replace' : 'add');
  }
}

const stream = <S extends object>(state: S, step: Step<S>): FeatureStream =>
  new FeatureStream(state, step) as unknown as FeatureStream;
const none = {};

/** The streaming twin of one resolved feature definition. */
export function featureStream(def: FeatureDef): FeatureStream {
  switch (def.kind) {
    case 'logReturn': {
      const r = new LogReturn(def.period);
      const size = def.lag + 1;
      return stream({ ring: new Float64Array(size).fill(Number.NaN) }, (s, c, i, op) => {
        s.ring[i % size] = r[op](c.close);
        return [i >= def.lag ? s.ring[(i - def.lag) % size]! : Number.NaN];
      });
    }
    case 'ma': {
      const m = new { sma: SMA, ema: EMA, wma: WMA, dema: DEMA, tema: TEMA }[def.type](def.period);
      return stream(none, (_s, c, _i, op) => [v.relative(c.close, m[op](c.close))]);
    }
    case 'rsi': {
      const r = new RSI(def.period);
      return stream(none, (_s, c, _i, op) => [r[op](c.close) * 0.01]);
    }
    case 'bollinger': {
      const b = new Bollinger(def.period, def.stdDev);
      return stream(none, (_s, c, _i, op) => {
        const x = b[op](c.close);
        return [v.position(c.close, x.lower, x.upper), v.width(x.lower, x.upper, x.middle)];
      });
    }
    case 'macd': {
      const m = new MACD(def.fast, def.slow, def.signal);
      return stream(none, (_s, c, _i, op) => {
        const x = m[op](c.close);
        return [v.divide(x.macd, c.close), v.divide(x.signal, c.close), v.divide(x.histogram, c.close)];
      });
    }
    case 'stochastic': {
      const st = new Stochastic(def.kPeriod, def.kSmooth, def.dPeriod);
      return stream(none, (_s, c, _i, op) => {
        const x = st[op](c);
        return [x.k * 0.01, x.d * 0.01];
      });
    }
    case 'stochRsi': {
      const st = new StochRSI(def.period, def.kPeriod, def.dPeriod);
      return stream(none, (_s, c, _i, op) => {
        const x = st[op](c.close);
        return [x.k * 0.01, x.d * 0.01];
      });
    }
    case 'atr': {
      const a = new NATR(def.period);
      return stream(none, (_s, c, _i, op) => [a[op](c) * 0.01]);
    }
    case 'stddev': {
      const sd = new StdDev(def.period);
      return stream(none, (_s, c, _i, op) => [v.divide(sd[op](c.close), c.close)]);
    }
    case 'adx': {
      const a = new ADX(def.period);
      return stream(none, (_s, c, _i, op) => {
        const x = a[op](c);
        return [x.adx * 0.01, x.plusDI * 0.01, x.minusDI * 0.01];
      });
    }
    case 'aroon': {
      const a = new Aroon(def.period);
      return stream(none, (_s, c, _i, op) => {
        const x = a[op](c);
        return [x.up * 0.01, x.down * 0.01];
      });
    }
    case 'cci': {
      const x = new CCI(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c) * 0.01]);
    }
    case 'mfi': {
      const x = new MFI(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c) * 0.01]);
    }
    case 'willr': {
      const x = new WillR(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c) * 0.01]);
    }
    case 'roc': {
      const x = new ROC(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c.close) * 0.01]);
    }
    case 'volumeRatio': {
      const avg = new SMA(def.period);
      return stream(none, (_s, c, _i, op) => [v.divide(c.volume, avg[op](c.volume))]);
    }
    case 'keltner': {
      const k = new Keltner(def.period, def.multiplier, def.atrPeriod);
      return stream(none, (_s, c, _i, op) => {
        const x = k[op](c);
        return [v.position(c.close, x.lower, x.upper)];
      });
    }
    case 'donchian': {
      const d = new Donchian(def.period);
      return stream(none, (_s, c, _i, op) => {
        const x = d[op](c);
        return [v.position(c.close, x.lower, x.upper), v.width(x.lower, x.upper, x.middle)];
      });
    }
    case 'vwap': {
      const w = new VWAP(def.period);
      return stream(none, (_s, c, _i, op) => [v.relative(c.close, w[op](c))]);
    }
    case 'cmf': {
      const x = new CMF(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c)]);
    }
    case 'obvSlope': {
      const o = new OBV();
      const p = def.period;
      const size = p + 1;
      const state = { sum: 0, obv: new Float64Array(size), vol: new Float64Array(size) };
      return stream(state, (s, c, i, op) => {
        const ob = o[op](c);
        s.obv[i % size] = ob;
        s.vol[i % size] = c.volume;
        if (i === 0) return [Number.NaN];
        s.sum += c.volume;
        if (i > p) s.sum -= s.vol[(i - p) % size]!;
        if (i < p) return [Number.NaN];
        return [s.sum > 0 ? (ob - s.obv[(i - p) % size]!) / s.sum : 0];
      });
    }
    case 'volatility': {
      const x = new RollingVolatility(def.period);
      return stream(none, (_s, c, _i, op) => [x[op](c.close)]);
    }
    case 'patterns': {
      const ps = (['engulfing', 'doji', 'hammer', 'shootingStar'] as const).map((n) => new CandlePattern(n));
      return stream(none, (_s, c, _i, op) => ps.map((p) => p[op](c) * 0.01));
    }
    case 'candle':
      return stream(none, (_s, c) => {
        const r = 1 / c.close; // as candleShape computes it
        return [
          (c.close - c.open) / c.open,
          (c.high - Math.max(c.open, c.close)) * r,
          (Math.min(c.open, c.close) - c.low) * r,
          (c.high - c.low) * r,
        ];
      });
  }
}
