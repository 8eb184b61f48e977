import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { collectSecrets } from '../logging/collectSecrets.js';
import { redactSecrets } from '../logging/redactSecrets.js';
import type { ReportData } from './ReportData.type.js';
import { type RenderReportOptions, renderReport } from './renderReport.js';

/** Options of {@link writeReport}. */
export interface WriteReportOptions extends RenderReportOptions {
  /** Secret values scrubbed from the page. @default `collectSecrets(process.env)` */
  secrets?: readonly string[];
}

/**
 * Render a report (see `renderReport`) and write it to `path`, creating
 * folders as needed. Secret values from the environment are scrubbed from the
 * page before it touches the disk.
 *
 * @param path - the `.html` file to write
 * @param data - what to show
 * @param options - secrets to scrub, chart library source
 * @returns the absolute path written
 * @example
 * ```ts
 * import { writeReport } from '@sextant/cli';
 * const file = await writeReport('.sextant/reports/backtest.html', data);
 * console.log(`report: ${file}`);
 * ```
 */
export async function writeReport(path: string, data: ReportData, options: WriteReportOptions = {}): Promise<string> {
  const absolute = resolve(path);
  const html = redactSecrets(renderReport(data, options), options.secrets ?? collectSecrets());
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, html, 'utf8');
  return absolute;
}
