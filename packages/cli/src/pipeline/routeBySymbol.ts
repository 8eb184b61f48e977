import { type CandleEvent, InvalidArgumentError, type Prediction, type Predictor } from '@sextant/core';

/**
 * One runner predictor over per-market models (each market's promoted model
 * in the model store): it calls the market's own predictor for each candle.
 *
 * @param name - prediction name, e.g. `ret_1h`
 * @param bySymbol - a predictor per market
 * @param horizonMs - horizon of every predictor
 * @throws InvalidArgumentError at prediction time for a market without a model
 */
export function routeBySymbol(
  name: string,
  bySymbol: Readonly<Record<string, Predictor>>,
  horizonMs: number,
): Predictor {
  return {
    name,
    horizonMs,
    predict(features: Float64Array, event: CandleEvent): Prediction | Promise<Prediction> {
      const p = bySymbol[event.symbol];
      if (p === undefined) throw new InvalidArgumentError(`No model for market "${event.symbol}"`);
      return p.predict(features, event);
    },
  };
}
