import { createServer, type Server } from 'node:http';
import type { Registry } from 'prom-client';

/** A running metrics endpoint. */
export interface MetricsServer {
  /** The port it listens on (useful with port 0). */
  readonly port: number;
  /** Stop listening. */
  close(): Promise<void>;
}

/**
 * Serve a registry at `GET /metrics` in Prometheus text format (what
 * `--metrics-port` starts).
 *
 * @param registry - the registry to expose
 * @param port - TCP port; 0 picks a free one
 * @param host - interface to bind. @default `127.0.0.1`
 * @returns the running server
 * @example
 * ```ts
 * import { createMetrics, serveMetrics } from '@sextant/cli';
 * const server = await serveMetrics(createMetrics().registry, 9464);
 * // curl http://127.0.0.1:9464/metrics
 * await server.close();
 * ```
 */
export async function serveMetrics(registry: Registry, port: number, host = '127.0.0.1'): Promise<MetricsServer> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404).end('not found\n');
      return;
    }
    registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': registry.contentType }).end(body),
      (err: unknown) => res.writeHead(500).end(String(err)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address !== null ? address.port : port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
