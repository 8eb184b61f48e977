const SECRET_NAME = /(API_?KEY|SECRET|PASSWORD|PASSPHRASE|TOKEN|PRIVATE_?KEY)/i;

/**
 * The values of environment variables that hold secrets (names containing
 * `API_KEY`, `SECRET`, `PASSWORD`, `PASSPHRASE`, `TOKEN` or `PRIVATE_KEY`),
 * longest first, so they can be scrubbed from every log line, error message
 * and report. Values shorter than 4 characters are ignored (too likely to
 * match ordinary text).
 *
 * @param env - the environment to read; defaults to `process.env`
 * @returns the secret values, longest first
 * @example
 * ```ts
 * import { collectSecrets, redactSecrets } from '@sextant/cli';
 * const secrets = collectSecrets(process.env);
 * console.log(redactSecrets(message, secrets));
 * ```
 */
export function collectSecrets(env: NodeJS.ProcessEnv = process.env): string[] {
  const out = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && value.length >= 4 && SECRET_NAME.test(name)) out.add(value);
  }
  return [...out].sort((a, b) => b.length - a.length);
}
