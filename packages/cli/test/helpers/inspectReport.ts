import type { Browser } from 'playwright-core';

/** What a report page showed in the browser. */
export interface ReportInspection {
  /** `window.sextantReport` after drawing. */
  state: { ready: boolean; market: string; markers: number; charts: number };
  /** Non-background pixels per chart container. */
  ink: Record<string, number>;
  /** Console errors and uncaught page errors. */
  problems: string[];
  /** Requests that left the file (should be none). */
  requests: string[];
}

/** Open a report file, wait for the charts, count drawn pixels, and save a full-page screenshot. */
export async function inspectReport(browser: Browser, url: string, screenshot: string): Promise<ReportInspection> {
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
  await page.goto(url);
  await page.waitForFunction(() => (globalThis as { sextantReport?: { ready: boolean } }).sextantReport?.ready);
  const state = await page.evaluate(
    () => (globalThis as unknown as { sextantReport: ReportInspection['state'] }).sextantReport,
  );
  const ink = await page.evaluate(() => {
    type Canvas = {
      width: number;
      height: number;
      getContext(t: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
    };
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): ArrayLike<Canvas> } }).document;
    const out: Record<string, number> = {};
    for (const id of ['chart-price', 'chart-equity', 'chart-drawdown']) {
      const canvases = doc.querySelectorAll(`#${id} canvas`);
      let count = 0;
      for (let c = 0; c < canvases.length; c++) {
        const canvas = canvases[c];
        if (!canvas || canvas.width === 0 || canvas.height === 0) continue;
        const px = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
        for (let i = 0; i < px.length; i += 4) {
          const white = (px[i] as number) > 245 && (px[i + 1] as number) > 245 && (px[i + 2] as number) > 245;
          if ((px[i + 3] as number) > 0 && !white) count++;
        }
      }
      out[id] = count;
    }
    return out;
  });
  await page.screenshot({ path: screenshot, fullPage: true });
  await page.close();
  return { state, ink, problems, requests };
}
