import { z } from 'zod';

/**
 * Configuration of a {@link SqliteStateStore}. `z.input` is what callers
 * write, `z.output` the resolved config with defaults.
 */
export const SqliteStateStoreConfigSchema = z.object({
  /** Database file (created with its directory), or `:memory:` for tests. */
  path: z.string().min(1),
  /** How long a write waits for another connection's lock before failing, ms. @default 5000 */
  busyTimeoutMs: z.int().min(0).max(600_000).default(5000),
});

/** Resolved {@link SqliteStateStoreConfigSchema}. */
export type SqliteStateStoreConfig = z.output<typeof SqliteStateStoreConfigSchema>;

/** {@link SqliteStateStoreConfigSchema} as callers write it. */
export type SqliteStateStoreConfigInput = z.input<typeof SqliteStateStoreConfigSchema>;
