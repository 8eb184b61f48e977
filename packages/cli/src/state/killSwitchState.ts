/** The key of the kill switch in the state store's key-value table. */
export const KILL_SWITCH_KEY = 'sextant.killSwitch';
/** The key of the paper bot's latest snapshot in the state store's key-value table. */
export const PAPER_SNAPSHOT_KEY = 'sextant.paper';
/** The key of the last exchange usage stats (from `collect`). */
export const API_USAGE_KEY = 'sextant.apiUsage';

/** The kill switch as stored. */
export interface KillSwitchState {
  /** Engaged: running bots close everything and halt; new starts are refused. */
  engaged: boolean;
  /** Why. */
  reason: string;
  /** When it was set, ms UTC. */
  at: number;
}

/** What a running paper bot last wrote about itself. */
export interface PaperSnapshot {
  pid: number;
  startedAt: number;
  updatedAt: number;
  /** Lifecycle state of the runner. */
  state: string;
  /** Risk trading state (ACTIVE, REDUCING, HALTED). */
  tradingState: string;
  equity: number;
  cash: number;
  startEquity: number;
  quoteCurrency: string;
  positions: { symbol: string; amount: number; entryPrice: number; markPrice: number }[];
  cycles: number;
  lastCandle?: { symbol: string; timestamp: number };
  decisions: Record<string, number>;
  orders: number;
  fills: number;
  errors: number;
  models: { symbol: string; horizon: string; version: number }[];
}
