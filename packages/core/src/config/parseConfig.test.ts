import { describe, expect, it } from 'vitest';
import { isSextantError } from '../errors/isSextantError.js';
import { parseConfig, parseWith } from './parseConfig.js';
import { RiskConfigSchema } from './SextantConfigSchema.js';

function messageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSextantError(e, 'INVALID_CONFIG')) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('fills every default from a minimal config', () => {
    const c = parseConfig({ symbols: ['ETH/BTC'] });
    expect(c.mode).toBe('paper');
    expect(c.timeframe).toBe('5m');
    expect(c.risk).toEqual({
      maxPositionPct: 0.15,
      maxExposurePct: 0.85,
      maxOpenPositions: 10,
      stopLossPct: 0.035,
      takeProfitPct: 0.07,
      timeStopHours: 24,
      dailyLossLimitPct: 0.05,
      maxDrawdownPct: 0.2,
      minCapital: 100,
    });
    expect(c.startingCapital).toBe(10_000);
    expect(c.exchanges[0]?.id).toBe('binance');
    expect(c.model.trainRatio).toBe(0.7);
    expect(Object.isFrozen(c.risk)).toBe(true);
  });

  it('names the path, the expectation and the value', () => {
    expect(messageOf(() => parseConfig({ symbols: ['ETH/BTC'], risk: { maxPositionPct: 1.5 } }))).toBe(
      'Invalid config: risk.maxPositionPct: expected number <= 1, got 1.5',
    );
  });

  it('reports every issue, including missing fields and bad enum values', () => {
    const msg = messageOf(() =>
      parseConfig({ timeframe: '7m', costs: { takerFee: -0.1 }, thresholds: { minConfidence: 'high' } }, 'bot.json'),
    );
    expect(msg).toContain('Invalid config in bot.json');
    expect(msg).toContain('symbols: expected array, got nothing (required)');
    expect(msg).toContain('timeframe: expected one of "1m", "5m", "15m", "30m", "1h", "4h", "1d", "1w", got "7m"');
    expect(msg).toContain('costs.takerFee: expected number >= 0, got -0.1');
    expect(msg).toContain('thresholds.minConfidence: expected number, got "high"');
  });

  it('rejects badly written symbols', () => {
    expect(messageOf(() => parseConfig({ symbols: ['ethbtc'] }))).toBe(
      'Invalid config: symbols.0: expected a symbol like "ETH/BTC", got "ethbtc"',
    );
  });

  it('refuses live mode without the explicit opt-in', () => {
    expect(messageOf(() => parseConfig({ symbols: ['ETH/BTC'], mode: 'live' }))).toBe(
      'Invalid config: live.enabled: expected true when mode is "live" (live trading is opt-in), got false',
    );
    expect(parseConfig({ symbols: ['ETH/BTC'], mode: 'live', live: { enabled: true } }).mode).toBe('live');
  });

  it('parses component configs on their own', () => {
    expect(parseWith(RiskConfigSchema, { stopLossPct: 0.02 }).stopLossPct).toBe(0.02);
    expect(messageOf(() => parseWith(RiskConfigSchema, { maxOpenPositions: 0 }, 'risk'))).toBe(
      'Invalid config in risk: maxOpenPositions: expected number > 0, got 0',
    );
  });
});
