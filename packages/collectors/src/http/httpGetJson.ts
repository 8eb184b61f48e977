import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { ExchangeRequestError } from '../errors/ExchangeRequestError.js';
import { BadResponseError } from '../errors/BadResponseError.js';
import { HTTP_STATUS_TABLE } from '../errors/CCXT_ERROR_TABLE.js';

/** Options of {@link httpGetJson}. */
export interface HttpGetJsonOptions {
  /** Request headers (may hold an API key: never logged). */
  headers?: Record<string, string>;
  /** Time to get a connected socket, ms. @default 5000 */
  connectTimeoutMs?: number;
  /** Longest silence while waiting for the answer, ms. @default 10000 */
  readTimeoutMs?: number;
  /** Name of the API, for messages. @default the host */
  name?: string;
}

/** A JSON answer with its status and headers. */
export interface HttpJsonResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/**
 * GET a JSON document with separate connect and read timeouts (node:http).
 * Non-2xx answers throw an {@link ExchangeRequestError} whose code follows
 * the HTTP status table (429/418 rate limited, 5xx unavailable, 401/403
 * authentication) and whose details carry `status` and `retryAfterMs`.
 *
 * @param url - absolute http(s) URL (the query must not hold keys: send them in headers)
 * @param options - headers and timeouts
 * @returns status, headers and parsed body
 * @throws ExchangeRequestError `TIMEOUT`/`NETWORK`/by status; BadResponseError (retryable) for malformed JSON
 * @example
 * ```ts
 * import { httpGetJson } from '@sextant/collectors';
 * const { body } = await httpGetJson('https://api.coingecko.com/api/v3/ping', { readTimeoutMs: 3000 });
 * ```
 */
export function httpGetJson(url: string, options: HttpGetJsonOptions = {}): Promise<HttpJsonResponse> {
  const u = new URL(url);
  const name = options.name ?? u.host;
  const where = `${name} GET ${u.pathname}`;
  return new Promise((resolve, reject) => {
    const req = (u.protocol === 'https:' ? httpsRequest : httpRequest)(u, {
      method: 'GET',
      headers: { accept: 'application/json', ...options.headers },
    });
    const connectTimer = setTimeout(() => {
      req.destroy(
        new ExchangeRequestError(
          'TIMEOUT',
          `${where} could not connect within ${options.connectTimeoutMs ?? 5000} ms`,
          {
            retryable: true,
          },
        ),
      );
    }, options.connectTimeoutMs ?? 5000);
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      else socket.once('connect', () => clearTimeout(connectTimer));
    });
    req.setTimeout(options.readTimeoutMs ?? 10_000, () => {
      req.destroy(
        new ExchangeRequestError('TIMEOUT', `${where} got no answer within ${options.readTimeoutMs ?? 10_000} ms`, {
          retryable: true,
        }),
      );
    });
    req.on('error', (e: unknown) => {
      clearTimeout(connectTimer);
      if (e instanceof ExchangeRequestError) reject(e);
      else
        reject(
          new ExchangeRequestError('NETWORK', `${where} failed: ${(e as Error).message}`, {
            retryable: true,
            cause: e,
          }),
        );
    });
    req.on('response', (res) => {
      clearTimeout(connectTimer);
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', (e) =>
        reject(new ExchangeRequestError('NETWORK', `${where} failed: ${e.message}`, { retryable: true, cause: e })),
      );
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const status = res.statusCode ?? 0;
        if (status < 200 || status >= 300) {
          const rule = HTTP_STATUS_TABLE[status] ?? {
            code: status >= 500 ? 'EXCHANGE_UNAVAILABLE' : 'BAD_REQUEST',
            retryable: status >= 500,
          };
          const ra = res.headers['retry-after'];
          const retryAfterMs = typeof ra === 'string' && /^\d+$/.test(ra) ? Number(ra) * 1000 : undefined;
          reject(
            new ExchangeRequestError(rule.code, `${where} answered HTTP ${status}: "${text.slice(0, 200)}"`, {
              retryable: rule.retryable,
              details: { status, ...(retryAfterMs === undefined ? {} : { retryAfterMs }) },
            }),
          );
          return;
        }
        try {
          resolve({ status, headers: res.headers, body: JSON.parse(text) as unknown });
        } catch (e) {
          reject(
            new BadResponseError(`${where} answered malformed JSON: "${text.slice(0, 80)}"`, {
              retryable: true,
              cause: e,
            }),
          );
        }
      });
    });
    req.end();
  });
}
