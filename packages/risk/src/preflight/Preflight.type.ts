import type { MarketLimits } from '../MarketLimits.type.js';
import type { RiskValidatorConfig } from '../RiskValidatorConfigSchema.js';

/** One preflight check's outcome. */
export interface PreflightCheck {
  /** `keys`, `reachable`, `markets`, `balance`, `clock`, `risk-config`. */
  name: string;
  /** Passed or not. */
  ok: boolean;
  /** What was found (never a secret's value). */
  detail: string;
}

/** The outside world, injected: each probe talks to the exchange (e.g. through ccxt) or the host. */
export interface PreflightProbes {
  /** Environment to look the API key and secret up in. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Reach the exchange (e.g. `exchange.fetchStatus()`); throw when unreachable. */
  ping(): Promise<void>;
  /** Load markets (e.g. `exchange.loadMarkets()`): by symbol. */
  loadMarkets(): Promise<Readonly<Record<string, MarketLimits>>>;
  /** Free balance of the quote currency. */
  fetchBalance(): Promise<number>;
  /** Exchange server time, ms UTC (e.g. `exchange.fetchTime()`). */
  fetchTime(): Promise<number>;
  /** Local clock. @default Date.now */
  now?: () => number;
}

/** What the preflight checks against. */
export interface PreflightOptions {
  /** Env variable names holding the API key and secret. */
  apiKeyEnv: string;
  /** Env variable name holding the API secret. */
  secretEnv: string;
  /** Markets the bot will trade; each must be loaded. */
  symbols: readonly string[];
  /** Minimum free quote balance. @default the risk config's minCapital */
  minBalance?: number;
  /** Largest tolerated |server time - local time| in ms. @default 1000 */
  maxClockSkewMs?: number;
  /** Risk config the bot will run with. @default {} (defaults) */
  risk?: RiskValidatorConfig;
  /** Per-probe timeout, ms. @default 10000 */
  timeoutMs?: number;
}

/** Result of a preflight: `ok` only when every check passed. */
export interface PreflightReport {
  /** Every check passed. */
  ok: boolean;
  /** Every check, in run order. */
  checks: PreflightCheck[];
}
