import type { z } from 'zod';
import { RiskValidatorConfigSchema } from '../RiskValidatorConfigSchema.js';
import type { PreflightCheck, PreflightOptions, PreflightProbes, PreflightReport } from './Preflight.type.js';

/**
 * Live-mode preflight: API keys present (by env variable name; values are
 * never read into the report), exchange reachable, every traded market
 * loaded, free balance at or above the minimum, clock skew within bounds,
 * risk config valid and sane (stop below target, at least one position fits
 * the exposure cap). Every check runs (a failing probe fails its check only);
 * pass the report to {@link assertPreflight} to refuse to start.
 *
 * @param probes - injected exchange and host probes
 * @param options - env names, symbols, minimums and the risk config
 * @returns the report: `ok` and every check
 * @example
 * ```ts
 * import { assertPreflight, runPreflight } from '@sextant/risk';
 * const report = await runPreflight(
 *   { ping: () => ex.fetchStatus().then(() => {}), loadMarkets: () => ex.loadMarkets(), fetchBalance: async () => (await ex.fetchBalance()).free.BTC ?? 0, fetchTime: () => ex.fetchTime() },
 *   { apiKeyEnv: 'SEXTANT_BINANCE_API_KEY', secretEnv: 'SEXTANT_BINANCE_API_SECRET', symbols: ['ETH/BTC'] },
 * );
 * assertPreflight(report); // throws PreflightError listing what failed
 * ```
 */
export async function runPreflight(probes: PreflightProbes, options: PreflightOptions): Promise<PreflightReport> {
  const env = probes.env ?? process.env;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const checks: PreflightCheck[] = [];
  const secrets = [env[options.apiKeyEnv], env[options.secretEnv]].filter(
    (v): v is string => v !== undefined && v.length >= 4,
  );
  const scrub = (text: string): string => secrets.reduce((t, v) => t.split(v).join('***'), text);
  const add = (name: string, ok: boolean, detail: string): void =>
    void checks.push({ name, ok, detail: scrub(detail) });

  const missing = [options.apiKeyEnv, options.secretEnv].filter((k) => (env[k] ?? '').trim() === '');
  add(
    'keys',
    missing.length === 0,
    missing.length === 0 ? 'API key and secret present' : `missing env ${missing.join(', ')}`,
  );

  const risk = RiskValidatorConfigSchema.safeParse(options.risk ?? {});
  const problems = risk.success ? sanity(risk.data) : risk.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  add('risk-config', problems.length === 0, problems.length === 0 ? 'risk config valid' : problems.join('; '));

  const reach = await attempt(() => probes.ping(), timeoutMs);
  add('reachable', reach.ok, reach.ok ? 'exchange reachable' : reach.error);

  const markets = await attempt(() => probes.loadMarkets(), timeoutMs);
  if (!markets.ok) add('markets', false, markets.error);
  else {
    const absent = options.symbols.filter((s) => markets.value[s] === undefined);
    const n = Object.keys(markets.value).length;
    add(
      'markets',
      absent.length === 0,
      absent.length === 0 ? `${n} markets loaded` : `not listed: ${absent.join(', ')}`,
    );
  }

  const minBalance = options.minBalance ?? (risk.success ? risk.data.minCapital : 0);
  const balance = await attempt(() => probes.fetchBalance(), timeoutMs);
  if (!balance.ok) add('balance', false, balance.error);
  else {
    const b = balance.value;
    const ok = Number.isFinite(b) && b >= minBalance;
    add('balance', ok, `free balance ${b} ${ok ? '>=' : 'is below'} minimum ${minBalance}`);
  }

  const now = probes.now ?? Date.now;
  const before = now();
  const time = await attempt(() => probes.fetchTime(), timeoutMs);
  if (!time.ok) add('clock', false, time.error);
  else {
    const local = (before + now()) / 2;
    const skew = time.value - local;
    const max = options.maxClockSkewMs ?? 1_000;
    const ok = Number.isFinite(skew) && Math.abs(skew) <= max;
    add('clock', ok, `clock skew ${Math.round(skew)} ms ${ok ? 'within' : 'exceeds'} ${max} ms`);
  }
  return { ok: checks.every((c) => c.ok), checks };
}

function sanity(c: z.output<typeof RiskValidatorConfigSchema>): string[] {
  const out: string[] = [];
  if (!(c.stopLossPct > 0)) out.push(`stopLossPct must be > 0 for live trading, got "${c.stopLossPct}"`);
  if (!(c.takeProfitPct > c.stopLossPct)) {
    out.push(`takeProfitPct "${c.takeProfitPct}" should exceed stopLossPct "${c.stopLossPct}"`);
  }
  if (!(c.maxPositionPct > 0)) out.push(`maxPositionPct must be > 0, got "${c.maxPositionPct}"`);
  if (!(c.dailyLossLimitPct > 0) && !(c.maxDrawdownPct > 0)) {
    out.push('at least one of dailyLossLimitPct and maxDrawdownPct must be > 0 for live trading');
  }
  return out;
}

async function attempt<T>(
  fn: () => Promise<T>,
  timeoutMs: number,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    });
    return { ok: true, value: await Promise.race([fn(), timeout]) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}
