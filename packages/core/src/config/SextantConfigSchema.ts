import { z } from 'zod';
import { TIMEFRAME_LIST, type Timeframe } from '../time/Timeframe.js';

const fraction = z.number().min(0).max(1);
const timeframe = z.enum(TIMEFRAME_LIST as [Timeframe, ...Timeframe[]]);

/** One exchange connection; API keys never live here, only the names of env variables holding them. */
export const ExchangeConfigSchema = z.object({
  /** ccxt exchange id, e.g. `binance`, `kraken`. */
  id: z.string().min(1),
  /** Use the exchange's sandbox/testnet. @default false */
  sandbox: z.boolean().default(false),
  /** Env variable holding the API key. @default `SEXTANT_<ID>_API_KEY` */
  apiKeyEnv: z.string().optional(),
  /** Env variable holding the API secret. @default `SEXTANT_<ID>_API_SECRET` */
  secretEnv: z.string().optional(),
  /** Override of the exchange's REST base URL (fake exchanges, proxies). */
  baseUrl: z.string().url().optional(),
  /** Request timeout in ms. @default 10000 */
  timeoutMs: z.number().int().positive().default(10_000),
});

/** Where data and state live. */
export const StorageConfigSchema = z.object({
  /** Root folder of the Parquet candle dataset. @default `.sextant/data` */
  dataRoot: z.string().min(1).default('.sextant/data'),
  /** SQLite state file. @default `.sextant/state.db` */
  stateDb: z.string().min(1).default('.sextant/state.db'),
  /** Folder of versioned model bundles. @default `.sextant/models` */
  modelRoot: z.string().min(1).default('.sextant/models'),
  /** Folder for reports. @default `.sextant/reports` */
  reportDir: z.string().min(1).default('.sextant/reports'),
});

/** Model training settings. */
export const ModelConfigSchema = z.object({
  /** Learner: `linear`, `tree`, `forest`, `gbdt`, `xgboost-json`, `onnx`. @default `gbdt` */
  kind: z.enum(['linear', 'tree', 'forest', 'gbdt', 'xgboost-json', 'onnx']).default('gbdt'),
  /** Forecast horizons as durations (`10m`, `1h`, `6h`, `8h`, `12h`). @default ['1h'] */
  horizons: z
    .array(z.string().regex(/^\d+[mhd]$/))
    .min(1)
    .default(['1h']),
  /** Share of rows used for training in a chronological split. @default 0.7 */
  trainRatio: z.number().gt(0).lt(1).default(0.7),
  /** Random seed for everything stochastic. @default 42 */
  seed: z.number().int().default(42),
  /** Learner hyperparameters, passed through. @default {} */
  params: z.record(z.string(), z.unknown()).default({}),
  /** Retrain every this many hours (0 = never). @default 24 */
  retrainHours: z.number().min(0).default(24),
});

/** Decision thresholds. */
export const ThresholdsConfigSchema = z.object({
  /** Minimum predicted return (fraction, after costs) to BUY. @default 0.002 */
  buyReturn: z.number().min(0).default(0.002),
  /** Predicted return (fraction) at or below minus this value to SELL. @default 0.002 */
  sellReturn: z.number().min(0).default(0.002),
  /** Minimum confidence (0..1) to act at all. @default 0.55 */
  minConfidence: fraction.default(0.55),
});

/** Risk limits. Fractions are of total equity. */
export const RiskConfigSchema = z.object({
  /** Largest single position as a fraction of equity. @default 0.15 */
  maxPositionPct: fraction.default(0.15),
  /** Largest total exposure as a fraction of equity. @default 0.85 */
  maxExposurePct: fraction.default(0.85),
  /** Most positions open at once. @default 10 */
  maxOpenPositions: z.number().int().positive().default(10),
  /** Stop-loss distance below entry, fraction. @default 0.035 */
  stopLossPct: fraction.default(0.035),
  /** Take-profit distance above entry, fraction. @default 0.07 */
  takeProfitPct: fraction.default(0.07),
  /** Close a position after this many hours (0 = never). @default 24 */
  timeStopHours: z.number().min(0).default(24),
  /** Halt for the day after losing this fraction of start-of-day equity. @default 0.05 */
  dailyLossLimitPct: fraction.default(0.05),
  /** Halt after a drawdown from peak equity of this fraction. @default 0.2 */
  maxDrawdownPct: fraction.default(0.2),
  /** Refuse to trade below this equity, in quote currency. @default 100 */
  minCapital: z.number().min(0).default(100),
});

/** Trading costs. */
export const CostsConfigSchema = z.object({
  /** Maker fee, fraction of notional. @default 0.001 */
  makerFee: fraction.default(0.001),
  /** Taker fee, fraction of notional. @default 0.001 */
  takerFee: fraction.default(0.001),
  /** Half-spread paid on market orders, basis points. @default 2 */
  spreadBps: z.number().min(0).default(2),
  /** Base slippage, basis points, scaled up by volatility and size. @default 1 */
  slippageBps: z.number().min(0).default(1),
});

/**
 * The whole bot's configuration: exchanges, markets, storage, model,
 * thresholds, risk and costs, as the reference systems keep them in their
 * settings/coins/targets/thresholds/costs files. Every field has a default
 * except the markets, so `{ symbols: ['ETH/BTC'] }` is a complete config.
 * Live trading needs `mode: 'live'` and `live.enabled: true`.
 *
 * @example
 * ```ts
 * import { SextantConfigSchema } from '@sextant/core';
 * const config = SextantConfigSchema.parse({ symbols: ['ETH/BTC'], risk: { maxPositionPct: 0.1 } });
 * config.risk.stopLossPct; // 0.035
 * ```
 */
export const SextantConfigSchema = z.object({
  /** `backtest`, `paper` or `live`. @default `paper` */
  mode: z.enum(['backtest', 'paper', 'live']).default('paper'),
  /** Exchanges to connect. @default [{ id: 'binance' }] */
  exchanges: z
    .array(ExchangeConfigSchema)
    .min(1)
    .default([{ id: 'binance', sandbox: false, timeoutMs: 10_000 }]),
  /** Markets as ccxt writes them, e.g. `ETH/BTC`. */
  symbols: z.array(z.string().regex(/^[A-Z0-9]+\/[A-Z0-9]+(:[A-Z0-9]+)?$/, 'expected a symbol like "ETH/BTC"')).min(1),
  /** Base timeframe the bot trades on. @default `5m` */
  timeframe: timeframe.default('5m'),
  /** Higher timeframes fused onto the base. @default [] */
  timeframes: z.array(timeframe).default([]),
  /** Quote currency of the account. @default `BTC` */
  quoteCurrency: z.string().min(1).default('BTC'),
  /** Paper/backtest starting capital in quote currency. @default 10000 */
  startingCapital: z.number().positive().default(10_000),
  storage: StorageConfigSchema.default(StorageConfigSchema.parse({})),
  model: ModelConfigSchema.default(ModelConfigSchema.parse({})),
  thresholds: ThresholdsConfigSchema.default(ThresholdsConfigSchema.parse({})),
  risk: RiskConfigSchema.default(RiskConfigSchema.parse({})),
  costs: CostsConfigSchema.default(CostsConfigSchema.parse({})),
  /** Live trading opt-in; live also needs a passing preflight. */
  live: z
    .object({
      /** Must be true for `mode: 'live'`. @default false */
      enabled: z.boolean().default(false),
    })
    .default({ enabled: false }),
});

/** The config as users write it (defaults optional). */
export type SextantConfigInput = z.input<typeof SextantConfigSchema>;
/** The resolved config with every default filled in. */
export type SextantConfig = z.output<typeof SextantConfigSchema>;
