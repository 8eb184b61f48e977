/**
 * `npm run bench [-- <package> ...]`: runs each package's `bench/index.ts`
 * (a default-exported async function that prints its own ratio lines) one
 * after the other, so no two benches share the CPU.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = join(import.meta.dirname, '..');
const only = process.argv.slice(2);
const packages = readdirSync(join(root, 'packages')).filter(
  (p) => existsSync(join(root, 'packages', p, 'bench', 'index.ts')) && (only.length === 0 || only.includes(p)),
);
console.log(`Sextant benches on ${process.version}, ${process.platform}/${process.arch}`);
console.log('Synthetic data is generated with fixed seeds; figures are wall time on this machine.\n');
for (const p of packages) {
  console.log(`=== @sextant/${p} ===`);
  const mod = (await import(pathToFileURL(join(root, 'packages', p, 'bench', 'index.ts')).href)) as {
    default: () => Promise<void>;
  };
  await mod.default();
  console.log('');
}
