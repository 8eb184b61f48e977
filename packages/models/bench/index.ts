/**
 * `npm run bench -- models`: our learners against the native baselines they
 * must beat or approach, measured in the same run on seeded synthetic data.
 * `SEXTANT_BENCH_GBDT_ROUNDS` shortens the GBDT case (default 200 rounds).
 */
import { forestBench } from './forestBench.js';
import { gbdtBench } from './gbdtBench.js';

export default async function bench(): Promise<void> {
  const rounds = Number(process.env.SEXTANT_BENCH_GBDT_ROUNDS ?? 200);
  gbdtBench(50_000, 26, rounds);
  console.log('');
  forestBench();
}
