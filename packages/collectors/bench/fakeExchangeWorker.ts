/**
 * Runs the fake Binance in a worker thread for the bench, so the server's
 * CPU time (a real exchange is remote) does not land on the collector's
 * event loop. Protocol: workerData = { files, faults }; posts { url } when
 * listening; answers 'stats' with { requests, early, weight } and 'close'
 * by closing.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type FaultScript, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const { files, faults } = workerData as { files: { symbol: string; path: string }[]; faults?: FaultScript };
const fake = await startFakeExchange({
  data: files.map((f) => ({ symbol: f.symbol, timeframe: '5m' as const, candles: loadOhlcvFile(f.path) })),
  ...(faults === undefined ? {} : { faults }),
});
parentPort?.on('message', (msg: { type: string; from?: number }) => {
  if (msg.type === 'stats') {
    const reqs = fake.requests.slice(msg.from ?? 0);
    parentPort?.postMessage({
      type: 'stats',
      requests: reqs.length,
      total: fake.requests.length,
      early: fake.stats().earlyRequests,
      weight: reqs.reduce((a, r) => a + r.weight, 0),
      firstAt: reqs[0]?.at,
      firstWeight: reqs[0]?.weight ?? 0,
      gaps: reqs.slice(1).map((r, i) => r.at - (reqs[i] as { at: number }).at),
    });
  } else if (msg.type === 'close') {
    void fake.close().then(() => parentPort?.close());
  }
});
parentPort?.postMessage({
  type: 'ready',
  url: fake.url,
  first: files[0] === undefined ? 0 : loadOhlcvFile(files[0].path)[0]?.[0],
});
