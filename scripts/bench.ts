/**
 * `npm run bench [-- <package> ...]`: runs each package's `bench/index.ts`
 * (a default-exported async function that prints its own ratio lines) one
 * after the other, so no two benches share the CPU, each in a process of its
 * own, so no bench inherits another's heap, garbage or JIT state.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);

if (args[0] === '--one') {
  const p = args[1] as string;
  const mod = (await import(pathToFileURL(join(root, 'packages', p, 'bench', 'index.ts')).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
} else {
  const packages = readdirSync(join(root, 'packages')).filter(
    (p) => existsSync(join(root, 'packages', p, 'bench', 'index.ts')) && (args.length === 0 || args.includes(p)),
  );
  console.log(`Sextant benches on ${process.version}, ${process.platform}/${process.arch}`);
  console.log('Synthetic data is generated with fixed seeds; figures are wall time on this machine.\n');
  let failed = 0;
  for (const p of packages) {
    console.log(`=== @sextant/${p} ===`);
    const r = spawnSync(process.execPath, [...process.execArgv, import.meta.filename, '--one', p], {
      stdio: 'inherit',
      cwd: root,
    });
    if (r.status !== 0) {
      failed++;
      console.log(`(the ${p} bench exited with ${r.status ?? r.signal})`);
    }
    console.log('');
  }
  if (failed > 0) process.exitCode = 1;
}
