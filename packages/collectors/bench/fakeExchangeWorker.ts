/**
 * Runs the fake Binance in a worker thread for the bench, so the server's
 * CPU time (a real exchange is remote) does not land on the collector's
 * event loop. Protocol: workerData = { files, faults, latencyMs }; posts
 * { url } when listening; answers 'stats' with { requests, early, weight }
 * and 'close' by closing. With `latencyMs`, the url is a TCP relay that
 * delays every chunk by half of it each way, as a network round trip would.
 */
import { type Server, type Socket, connect, createServer } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { type FaultScript, loadOhlcvFile, startFakeExchange } from '../src/testing.js';

const { files, faults, latencyMs } = workerData as {
  files: { symbol: string; path: string }[];
  faults?: FaultScript;
  latencyMs?: number;
};
const fake = await startFakeExchange({
  data: files.map((f) => ({ symbol: f.symbol, timeframe: '5m' as const, candles: loadOhlcvFile(f.path) })),
  ...(faults === undefined ? {} : { faults }),
});
/** A relay to `target` delaying each chunk by `oneWayMs` (equal delays keep chunks in order). */
async function startRelay(target: URL, oneWayMs: number): Promise<{ url: string; server: Server }> {
  const sockets = new Set<Socket>();
  const pipe = (from: Socket, to: Socket): void => {
    from.on('data', (chunk) => setTimeout(() => to.writable && to.write(chunk), oneWayMs));
    from.on('end', () => setTimeout(() => to.end(), oneWayMs));
    from.on('error', () => to.destroy());
  };
  const server = createServer((client) => {
    const upstream = connect(Number(target.port), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    pipe(client, upstream);
    pipe(upstream, client);
  });
  server.on('close', () => {
    for (const s of sockets) s.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return { url: `http://127.0.0.1:${address.port}`, server };
}

const relay = latencyMs ? await startRelay(new URL(fake.url), latencyMs / 2) : undefined;
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
    relay?.server.close();
    void fake.close().then(() => parentPort?.close());
  }
});
parentPort?.postMessage({
  type: 'ready',
  url: relay?.url ?? fake.url,
  first: files[0] === undefined ? 0 : loadOhlcvFile(files[0].path)[0]?.[0],
});
