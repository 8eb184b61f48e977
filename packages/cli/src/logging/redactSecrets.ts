/** What replaces a secret. */
const MASK = '[REDACTED]';

/**
 * Replace every occurrence of each secret in `text` with `[REDACTED]`.
 *
 * @param text - a log line, error message or report
 * @param secrets - secret values (see `collectSecrets`)
 * @returns the text without any secret
 * @example
 * ```ts
 * import { redactSecrets } from '@sextant/cli';
 * redactSecrets('key=abcd1234', ['abcd1234']); // 'key=[REDACTED]'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(MASK);
  }
  return out;
}
