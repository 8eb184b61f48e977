import { z } from 'zod';

/** Config of an {@link OhlcvCollector} (besides the exchange and store objects). *
 * @example
 * ```ts
 * import { parseWith } from '@sextant/core';
 * import { OhlcvCollectorConfigSchema } from '@sextant/collectors';
 * const config = parseWith(OhlcvCollectorConfigSchema, { concurrency: 4 });
 * ```
 */
export const OhlcvCollectorConfigSchema = z.object({
  /** Candles per request; capped by the exchange's own maximum. @default the exchange's maximum (ccxt `features`), else 500 */
  pageSize: z.number().int().min(1).max(10_000).optional(),
  /** Symbols collected at once by `collectMany`. @default 3 */
  concurrency: z.number().int().min(1).max(64).default(3),
  /** Re-request each gap once before reporting it. @default true */
  repairGaps: z.boolean().default(true),
});

/** What users write for an {@link OhlcvCollector}. */
export type OhlcvCollectorConfig = z.input<typeof OhlcvCollectorConfigSchema>;
