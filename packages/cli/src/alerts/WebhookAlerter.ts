import { parseWith, SextantError } from '@sextant/core';
import { z } from 'zod';
import type { Alert, Alerter } from './Alert.type.js';

/**
 * Settings of a {@link WebhookAlerter}.
 *
 * @example
 * ```ts
 * import { WebhookAlerterConfigSchema } from '@sextant/cli';
 * WebhookAlerterConfigSchema.parse({ url: 'http://127.0.0.1:9000/hook' }).timeoutMs; // 5000
 * ```
 */
export const WebhookAlerterConfigSchema = z.object({
  /** Where alerts are POSTed as JSON (`http:` or `https:`). */
  url: z.string().url(),
  /** Request timeout, ms. @default 5000 */
  timeoutMs: z.number().int().positive().default(5000),
  /** Extra request headers (e.g. a signature); values are never logged. @default {} */
  headers: z.record(z.string(), z.string()).default({}),
});
/** Input of {@link WebhookAlerterConfigSchema}. */
export type WebhookAlerterConfig = z.input<typeof WebhookAlerterConfigSchema>;

/**
 * Sends each alert as a JSON `POST` to a webhook URL (Slack/Discord-style
 * relays, PagerDuty events, your own endpoint). Non-2xx answers and network
 * failures reject with a retryable `NETWORK` error naming the status.
 *
 * @example
 * ```ts
 * import { WebhookAlerter } from '@sextant/cli';
 * const alerter = new WebhookAlerter({ url: 'http://127.0.0.1:9000/hook' });
 * await alerter.send({ kind: 'kill-switch', severity: 'critical', message: 'Kill switch engaged',
 *   timestamp: Date.now(), details: {} });
 * ```
 */
export class WebhookAlerter implements Alerter {
  #config: z.output<typeof WebhookAlerterConfigSchema>;

  /**
   * @param config - URL, timeout, headers
   * @throws ConfigError when the URL is not a URL or the timeout not positive
   */
  constructor(config: WebhookAlerterConfig) {
    this.#config = parseWith(WebhookAlerterConfigSchema, config, 'webhook alerter');
  }

  /**
   * POST the alert as JSON.
   *
   * @param alert - the alert
   * @throws SextantError `NETWORK` (retryable) on a non-2xx status or a failed request
   */
  async send(alert: Alert): Promise<void> {
    let status: number;
    try {
      const res = await fetch(this.#config.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...this.#config.headers },
        body: JSON.stringify(alert),
        signal: AbortSignal.timeout(this.#config.timeoutMs),
      });
      status = res.status;
      await res.arrayBuffer();
    } catch (err) {
      throw new SextantError('NETWORK', `Webhook alert "${alert.kind}" failed: ${(err as Error).message}`, {
        retryable: true,
        cause: err,
      });
    }
    if (status < 200 || status >= 300) {
      throw new SextantError('NETWORK', `Webhook alert "${alert.kind}" got HTTP ${status}`, {
        retryable: true,
        details: { status },
      });
    }
  }
}
