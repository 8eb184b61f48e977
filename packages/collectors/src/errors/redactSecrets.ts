const PATTERNS: readonly RegExp[] = [
  /((?:signature|apiKey|api_key|apikey|secret|x_cg_pro_api_key|x_cg_demo_api_key|token|passphrase)=)[^&\s"']+/gi,
  /("(?:signature|apiKey|api_key|secret|password|passphrase|x-mbx-apikey|x-cg-pro-api-key)"\s*:\s*")[^"]*/gi,
  /((?:x-mbx-apikey|x-cg-pro-api-key|x-cg-demo-api-key|authorization)\s*:\s*)[^\s,}]+/gi,
];

/**
 * `text` with API keys, secrets and signatures replaced by `***`, for
 * messages and logs: query parameters (`signature=`, `apiKey=`,
 * `x_cg_pro_api_key=`), JSON fields and key headers, plus any literal
 * `secrets` given.
 *
 * @param text - a message that may quote a URL, body or headers
 * @param secrets - literal values to hide as well (e.g. the configured keys)
 * @returns the redacted text
 * @example
 * ```ts
 * import { redactSecrets } from '@sextant/collectors';
 * redactSecrets('GET /api/v3/order?symbol=ETHBTC&signature=ab12'); // '...&signature=***'
 * ```
 */
export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const p of PATTERNS) out = out.replace(p, '$1***');
  for (const s of secrets) if (s.length >= 4) out = out.split(s).join('***');
  return out;
}
