import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../runCli.js';
import { createProgress } from './createProgress.js';

/** A writable that says it is a terminal and keeps what is drawn. */
function fakeTerminal(): Writable & { isTTY: boolean; columns: number; text(): string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      chunks.push(String(chunk));
      cb();
    },
  }) as Writable & { isTTY: boolean; columns: number; text(): string };
  stream.isTTY = true;
  stream.columns = 120;
  stream.text = () => chunks.join('');
  return stream;
}

describe('progress', () => {
  it('draws counts and an ETA on a terminal, and nothing when disabled', () => {
    const term = fakeTerminal();
    const bar = createProgress({ total: 4, label: 'markets', enabled: true, stream: term });
    for (let i = 0; i < 4; i++) bar.increment(1, `m${i}`);
    bar.stop();
    expect(term.text()).toMatch(/markets \[.*\] 4\/4 \| ETA \d+s/);
    const off = fakeTerminal();
    const none = createProgress({ total: 4, label: 'markets', enabled: false, stream: off });
    none.increment();
    none.stop();
    expect(off.text()).toBe('');
  });

  it('shows the demo backtest bar on a terminal stderr, never under --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sextant-progress-'));
    try {
      const stderr = fakeTerminal();
      const stdout = fakeTerminal();
      const code = await runCli(['demo', '--markets', 'XLM/BTC', '--out', dir], { stderr, stdout, cwd: dir });
      expect(code).toBe(0);
      expect(stderr.text()).toMatch(/backtest \[.*\] \d\/2/);
      const quiet = fakeTerminal();
      await runCli(['--json', 'demo', '--markets', 'XLM/BTC', '--out', dir], {
        stderr: quiet,
        stdout: fakeTerminal(),
        cwd: dir,
      });
      expect(quiet.text()).not.toContain('backtest [');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
