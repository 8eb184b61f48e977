import { createInterface } from 'node:readline';
import { CliError } from '../errors/CliError.js';
import { EXIT_CODES } from '../errors/EXIT_CODES.js';
import type { CliIo } from './CliContext.type.js';

/**
 * Ask questions one after another on stderr and read the answers from stdin,
 * line by line (works with a terminal and with piped answers). An empty
 * answer takes the default; a closed stdin before an answer is a usage error.
 */
export function createPrompter(io: CliIo): {
  ask(question: string, fallback?: string): Promise<string>;
  close(): void;
} {
  const rl = createInterface({ input: io.stdin, terminal: false });
  const lines: string[] = [];
  const waiting: ((line: string | null) => void)[] = [];
  let closed = false;
  rl.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  rl.on('close', () => {
    closed = true;
    for (const w of waiting.splice(0)) w(null);
  });
  return {
    async ask(question, fallback) {
      io.stderr.write(`${question}${fallback ? ` [${fallback}]` : ''}: `);
      const line =
        lines.length > 0
          ? (lines.shift() as string)
          : closed
            ? null
            : await new Promise<string | null>((r) => waiting.push(r));
      if (line === null) {
        if (fallback !== undefined) return fallback;
        throw new CliError('INVALID_ARGUMENT', `No answer to "${question}" (stdin closed); pass it as a flag`, {
          exitCode: EXIT_CODES.USAGE,
        });
      }
      const answer = line.trim();
      return answer === '' && fallback !== undefined ? fallback : answer;
    },
    close() {
      rl.close();
    },
  };
}
