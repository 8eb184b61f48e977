import { type DestinationStream, type Logger, pino } from 'pino';
import { collectSecrets } from './collectSecrets.js';
import { redactSecrets } from './redactSecrets.js';

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  /** Minimum level: `trace`, `debug`, `info`, `warn`, `error`, `fatal`, `silent`. @default `info` */
  level?: string;
  /** Where JSON lines go. @default stderr (fd 2), so stdout stays for results */
  destination?: DestinationStream | NodeJS.WritableStream;
  /** Secret values to scrub from every line. @default `collectSecrets(process.env)` */
  secrets?: readonly string[];
  /** Logger name, in every line. @default `sextant` */
  name?: string;
}

/** Object keys whose values are always masked, wherever they appear. */
const REDACT_PATHS = [
  'apiKey',
  'secret',
  'password',
  'token',
  '*.apiKey',
  '*.secret',
  '*.password',
  '*.token',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * A pino logger writing JSON lines, with secrets removed twice: known keys
 * (`apiKey`, `secret`, `password`, `token`, `authorization` headers) are
 * masked by pino's redaction, and every secret value from the environment is
 * scrubbed from the final line, so it cannot leak through an error message,
 * a URL or a nested object.
 *
 * @param options - level, destination, secrets, name
 * @returns the logger; inject it where components accept one
 * @example
 * ```ts
 * import { createLogger } from '@sextant/cli';
 * const log = createLogger({ level: 'debug' });
 * log.info({ symbol: 'ETH/BTC' }, 'collected');
 * ```
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const secrets = options.secrets ?? collectSecrets();
  const destination = options.destination ?? pino.destination({ fd: 2, sync: true });
  return pino(
    {
      name: options.name ?? 'sextant',
      level: options.level ?? 'info',
      redact: { paths: REDACT_PATHS, censor: '[REDACTED]' },
      hooks: { streamWrite: (line: string) => redactSecrets(line, secrets) },
    },
    destination as DestinationStream,
  );
}
