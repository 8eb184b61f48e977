/**
 * Where an {@link FxClient} gets exchange rates: one method returning how
 * many units of each quote currency one unit of `base` buys.
 */
export interface FxProvider {
  /** Name, for messages and the `source` of each rate. */
  readonly name: string;
  /**
   * Rates of `base` in each of `quotes` (ISO 4217 codes, upper case).
   * @param base - e.g. `EUR`
   * @param quotes - e.g. `['USD']`
   * @returns e.g. `{ USD: 1.0842 }`
   */
  rates(base: string, quotes: readonly string[]): Promise<Record<string, number>>;
}

/** One exchange rate as served by {@link FxClient}. */
export interface FxRate {
  /** Base currency, e.g. `EUR`. */
  base: string;
  /** Quote currency, e.g. `USD`. */
  quote: string;
  /** Units of quote per unit of base. */
  rate: number;
  /** When the provider gave it, ms. */
  fetchedAt: number;
  /** True when the provider failed and this is the last good value. */
  stale: boolean;
  /** Provider name. */
  source: string;
}
