import type { z } from 'zod';
import type { ConfigIssue } from '../errors/ConfigError.js';

/**
 * zod issues as {@link ConfigIssue}s with a dotted path and an
 * `expected ..., got ...` message, e.g.
 * `risk.maxPositionPct: expected number <= 1, got 1.5`. Parse with
 * `{ reportInput: true }` so the bad value can be quoted.
 *
 * @param issues - issues from a failed `safeParse`
 * @returns one readable issue each
 * @example
 * ```ts
 * import { formatZodIssues } from '@sextant/core';
 * const r = schema.safeParse(input, { reportInput: true });
 * if (!r.success) console.error(formatZodIssues(r.error.issues));
 * ```
 */
export function formatZodIssues(issues: readonly z.core.$ZodIssue[]): ConfigIssue[] {
  return issues.map((issue) => ({
    path: issue.path.length === 0 ? '(root)' : issue.path.map(String).join('.'),
    message: describe(issue),
  }));
}

function describe(issue: z.core.$ZodIssue): string {
  const got = 'input' in issue ? `, got ${quote(issue.input)}` : '';
  switch (issue.code) {
    case 'too_big':
      return `expected ${issue.origin} ${issue.inclusive ? '<=' : '<'} ${String(issue.maximum)}${got}`;
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'string') {
        return `expected ${issue.origin} with at least ${String(issue.minimum)} ${issue.origin === 'array' ? 'item(s)' : 'character(s)'}${got}`;
      }
      return `expected ${issue.origin} ${issue.inclusive ? '>=' : '>'} ${String(issue.minimum)}${got}`;
    case 'invalid_type':
      return `expected ${issue.expected}${'input' in issue && issue.input === undefined ? ', got nothing (required)' : got}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got}`;
    case 'unrecognized_keys':
      return `unknown key(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
    default:
      return `${issue.message}${got}`;
  }
}

function quote(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (value === undefined) return 'undefined';
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return typeof value;
  }
}
