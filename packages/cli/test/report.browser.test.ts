import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReport } from '../src/report/writeReport.js';
import { hasChromium, launchChromium } from './helpers/openInChromium.js';
import { sampleReport } from './helpers/sampleReport.js';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

if (!hasChromium) {
  console.warn('report.browser.test: skipped, /usr/bin/chromium is absent (apt-get install chromium)');
}

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sextant-report-'));
    file = await writeReport(join(dir, 'report.html'), await sampleReport());
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('draws every chart with markers, logs no console error and makes no network request', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      const problems: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('request', (r) => {
        if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
      });
      await page.goto(pathToFileURL(file).href);
      await page.waitForFunction(() => (globalThis as { sextantReport?: { ready: boolean } }).sextantReport?.ready);
      const state = await page.evaluate(
        () => (globalThis as unknown as { sextantReport: Record<string, unknown> }).sextantReport,
      );
      expect(state).toMatchObject({ market: 'ETH/BTC', markers: 6, charts: 3 });

      // Each chart's canvases hold non-background pixels.
      const inked = await page.evaluate(() => {
        const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<unknown> } })
          .document;
        const out: Record<string, number> = {};
        for (const id of ['chart-price', 'chart-equity', 'chart-drawdown']) {
          const canvases = doc.querySelectorAll(`#${id} canvas`) as unknown as ArrayLike<{
            width: number;
            height: number;
            getContext(t: '2d'): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          }>;
          let ink = 0;
          for (let c = 0; c < canvases.length; c++) {
            const canvas = canvases[c];
            if (!canvas || canvas.width === 0 || canvas.height === 0) continue;
            const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            for (let i = 0; i < px.length; i += 4) {
              const a = px[i + 3] as number;
              const white = (px[i] as number) > 245 && (px[i + 1] as number) > 245 && (px[i + 2] as number) > 245;
              if (a > 0 && !white) ink++;
            }
          }
          out[id] = ink;
        }
        return out;
      });
      for (const [id, ink] of Object.entries(inked)) expect(ink, `${id} is blank`).toBeGreaterThan(2000);

      // Switching market redraws with that market's markers.
      await page.selectOption('#market', '1');
      await page.waitForFunction(
        () => (globalThis as { sextantReport?: { market: string } }).sextantReport?.market === 'LTC/BTC',
      );
      await page.selectOption('#market', '0');
      await page.waitForFunction(
        () => (globalThis as { sextantReport?: { market: string } }).sextantReport?.market === 'ETH/BTC',
      );
      expect(await page.locator('table.trades:visible tbody tr').count()).toBe(3);

      await mkdir(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOTS, 'report.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
