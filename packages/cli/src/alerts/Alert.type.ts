/** Kinds of alert the bot raises. */
export type AlertKind = 'breaker-tripped' | 'kill-switch' | 'repeated-errors' | 'drift' | 'faulted';

/** One alert, serialisable (it is what a webhook receives as JSON). */
export interface Alert {
  /** What happened. */
  kind: AlertKind;
  /** `info`, `warning` or `critical`. */
  severity: 'info' | 'warning' | 'critical';
  /** One human sentence. */
  message: string;
  /** When, ms UTC. */
  timestamp: number;
  /** Structured details (never secrets). */
  details: Record<string, unknown>;
}

/**
 * The alert plug-in interface: one required method. Implement it to send
 * alerts anywhere (webhook, chat, pager); `WebhookAlerter` is built in.
 *
 * @example
 * ```ts
 * import type { Alert, Alerter } from '@sextant/cli';
 * class ConsoleAlerter implements Alerter {
 *   async send(alert: Alert): Promise<void> { console.error(`[${alert.severity}] ${alert.message}`); }
 * }
 * ```
 */
export interface Alerter {
  /** Deliver one alert. Rejects with a Sextant error when delivery failed. */
  send(alert: Alert): Promise<void>;
}
