import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemo } from '../src/demo/runDemo.js';
import { writeReport } from '../src/report/writeReport.js';
import { inspectReport } from './helpers/inspectReport.js';
import { hasChromium, launchChromium } from './helpers/openInChromium.js';
import { sampleReport } from './helpers/sampleReport.js';

const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));

if (!hasChromium) {
  console.warn('report.browser.test: skipped, /usr/bin/chromium is absent (apt-get install chromium)');
}

describe.skipIf(!hasChromium)('HTML report in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sextant-report-'));
    await mkdir(SCREENSHOTS, { recursive: true });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("draws the demo's report: candles with trade markers, equity and drawdown, no console error, no request", async () => {
    const demo = await runDemo({ outDir: join(dir, 'demo'), markets: ['XLM/BTC', 'ETH/BTC'] });
    const xlm = demo.markets[0];
    expect(xlm?.trades).toBeGreaterThan(0);
    const seen = await inspectReport(
      browser,
      pathToFileURL(demo.reportPath).href,
      join(SCREENSHOTS, 'demo-report.png'),
    );
    expect(seen.problems).toEqual([]);
    expect(seen.requests).toEqual([]);
    expect(seen.state).toMatchObject({ ready: true, market: 'XLM/BTC', markers: 2 * (xlm?.trades ?? 0), charts: 3 });
    for (const [id, ink] of Object.entries(seen.ink)) expect(ink, `${id} is blank`).toBeGreaterThan(2000);
  });

  it('switches market and shows that market’s markers and trade table', async () => {
    const file = await writeReport(join(dir, 'sample.html'), await sampleReport());
    const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
    const problems: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => (globalThis as { sextantReport?: { ready: boolean } }).sextantReport?.ready);
    await page.selectOption('#market', '1');
    await page.waitForFunction(
      () => (globalThis as { sextantReport?: { market: string } }).sextantReport?.market === 'LTC/BTC',
    );
    const state = await page.evaluate(
      () => (globalThis as unknown as { sextantReport: { markers: number } }).sextantReport,
    );
    expect(state.markers).toBe(6);
    expect(await page.locator('table.trades:visible tbody tr').count()).toBe(3);
    expect(await page.locator('[data-market="0"]').isHidden()).toBe(true);
    await page.screenshot({ path: join(SCREENSHOTS, 'sample-report.png'), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
