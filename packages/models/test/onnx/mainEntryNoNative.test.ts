/**
 * Importing `@sextant/models` must not load the ONNX runtime's native binary;
 * only `@sextant/models/onnx` may. Checked in a fresh Node process by looking
 * for libonnxruntime in the process's own memory maps (Linux).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const repo = new URL('../../../../', import.meta.url).pathname;
const probe = (entry: string, load: boolean) => `
  const m = await import('${entry}');
  ${load ? `await m.OnnxModel.load('${new URL('../fixtures/onnx/trees.onnx', import.meta.url).pathname}');` : ''}
  const maps = (await import('node:fs')).readFileSync('/proc/self/maps', 'utf8');
  console.log(JSON.stringify({ native: /onnxruntime/.test(maps), exports: Object.keys(m).length }));
`;

function run(entry: string, load: boolean): { native: boolean; exports: number } {
  const out = execFileSync(
    process.execPath,
    ['--conditions=@sextant/source', '--import', 'tsx', '--input-type=module', '-e', probe(entry, load)],
    { cwd: repo, encoding: 'utf8' },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as { native: boolean; exports: number };
}

describe.skipIf(!existsSync('/proc/self/maps'))('native runtime isolation', () => {
  it('importing @sextant/models does not load onnxruntime-node; the /onnx subpath does', () => {
    const main = run('@sextant/models', false);
    expect(main.exports).toBeGreaterThan(0);
    expect(main.native).toBe(false);
    expect(run('@sextant/models/onnx', true).native).toBe(true);
  });
});
