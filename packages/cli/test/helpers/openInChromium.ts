import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

/** Debian's chromium, installed with `apt-get install chromium`. */
export const CHROMIUM = '/usr/bin/chromium';

/** Whether the system Chromium is present (browser tests skip with a message when not). */
export const hasChromium = existsSync(CHROMIUM);

/** Launch the system Chromium headless with networking features off. */
export function launchChromium(): ReturnType<typeof chromium.launch> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
