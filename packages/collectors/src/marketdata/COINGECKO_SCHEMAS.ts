import { z } from 'zod';

const num = z.number().finite();
const nullableNum = num.nullable().optional();
const point = z.tuple([num, num]);

/**
 * Loose zod schemas of the CoinGecko v3 answers the client reads: unknown
 * fields are kept and ignored (APIs grow), the fields we use are required
 * and typed, so drift in them is a clear error rather than a silent NaN.
 *
 * @example
 * ```ts
 * import { COINGECKO_SCHEMAS } from '@sextant/collectors';
 * const rows = COINGECKO_SCHEMAS.marketRow.array().parse(await res.json());
 * ```
 */
export const COINGECKO_SCHEMAS = {
  /** `GET /coins/markets` (one row). */
  marketRow: z.looseObject({
    id: z.string().min(1),
    symbol: z.string(),
    name: z.string(),
    current_price: num,
    market_cap: nullableNum,
    market_cap_rank: z.number().int().nullable().optional(),
    total_volume: nullableNum,
    price_change_percentage_1h_in_currency: nullableNum,
    price_change_percentage_24h_in_currency: nullableNum,
    price_change_percentage_7d_in_currency: nullableNum,
    last_updated: z.string().nullable().optional(),
  }),
  /** `GET /simple/price` (one coin: currency -> price, plus optional extras). */
  simplePrice: z.record(z.string(), z.looseObject({}).catchall(num.nullable())),
  /** `GET /coins/{id}/market_chart/range`. */
  marketChart: z.looseObject({
    prices: z.array(point),
    market_caps: z.array(point),
    total_volumes: z.array(point),
  }),
  /** `GET /coins/{id}/ohlc`. */
  ohlc: z.array(z.tuple([num, num, num, num, num])),
  /** `GET /coins/{id}/tickers`. */
  tickers: z.looseObject({
    name: z.string(),
    tickers: z.array(
      z.looseObject({
        base: z.string(),
        target: z.string(),
        market: z.looseObject({ name: z.string(), identifier: z.string() }),
        last: num,
        volume: num,
        converted_last: z.looseObject({ usd: num }).optional(),
        trust_score: z.string().nullable().optional(),
        timestamp: z.string().nullable().optional(),
      }),
    ),
  }),
} as const;
