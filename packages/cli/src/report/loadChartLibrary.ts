import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let cached: string | undefined;

/**
 * The standalone build of TradingView Lightweight Charts (Apache-2.0), as
 * text, with its license header, for inlining into an offline report.
 *
 * @returns the script source, which defines `window.LightweightCharts`
 * @throws Error when the `lightweight-charts` package is not installed
 * @example
 * ```ts
 * import { loadChartLibrary } from '@sextant/cli';
 * const js = loadChartLibrary(); // starts with the @license notice
 * ```
 */
export function loadChartLibrary(): string {
  if (cached !== undefined) return cached;
  const require = createRequire(import.meta.url);
  const root = dirname(require.resolve('lightweight-charts/package.json'));
  cached = readFileSync(join(root, 'dist', 'lightweight-charts.standalone.production.js'), 'utf8');
  return cached;
}
