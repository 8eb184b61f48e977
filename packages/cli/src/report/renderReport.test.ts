import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/helpers/sampleReport.js';
import { renderReport } from './renderReport.js';

describe('renderReport', () => {
  it('writes one offline page with the chart library inlined under its license', async () => {
    const html = renderReport(await sampleReport());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('@license');
    expect(html).toContain('TradingView Lightweight Charts');
    expect(html).toContain('window.LightweightCharts=');
    // Nothing is fetched at view time: no external script, stylesheet, image or font.
    expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import|url\(\s*["']?https?:/i);
  });

  it('embeds entry and exit markers, overlays and the trade table per market', async () => {
    const data = await sampleReport();
    const html = renderReport(data);
    const json = html.match(/<script type="application\/json" id="sextant-data">(.*?)<\/script>/s)?.[1];
    const parsed = JSON.parse(json ?? 'null') as {
      markets: { symbol: string; markers: { text: string }[]; overlays: { name: string }[]; candles: unknown[] }[];
    };
    expect(parsed.markets.map((m) => m.symbol)).toEqual(['ETH/BTC', 'LTC/BTC']);
    const eth = parsed.markets[0];
    expect(eth?.markers).toHaveLength(6);
    expect(eth?.markers.filter((m) => m.text === 'BUY')).toHaveLength(3);
    expect(eth?.markers.some((m) => m.text === 'SELL stop-loss')).toBe(true);
    expect(eth?.overlays[0]?.name).toBe('sma_20');
    expect(eth?.candles).toHaveLength(600);
    expect(html.match(/<table class="trades">/g)).toHaveLength(2);
    expect(html).toContain('Feature importance');
    expect(html).toContain('fwd_ret_12');
  });

  it('escapes text so a symbol or title cannot inject markup', async () => {
    const data = await sampleReport(['ETH/BTC']);
    const html = renderReport({ ...data, title: '<script>alert(1)</script>' });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

describe('writeReport', () => {
  it('never writes a secret from the environment into the report', async () => {
    const { mkdtemp, readFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { writeReport } = await import('./writeReport.js');
    const { collectSecrets } = await import('../logging/collectSecrets.js');
    const canary = 'canary-report-key-51c0ffee';
    const dir = await mkdtemp(join(tmpdir(), 'sextant-canary-'));
    try {
      const data = await sampleReport(['ETH/BTC']);
      const leaky = { ...data, title: `run with key ${canary}`, settings: { apiKey: canary } };
      const file = await writeReport(join(dir, 'r.html'), leaky, {
        secrets: collectSecrets({ SEXTANT_BINANCE_API_KEY: canary }),
      });
      const html = await readFile(file, 'utf8');
      expect(html).not.toContain(canary);
      expect(html).toContain('run with key [REDACTED]');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
