import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository root (commands run from here unless `cwd` is given). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const BIN = fileURLToPath(new URL('../../src/bin.ts', import.meta.url));
/** tsx's loader by absolute URL, so commands can run from any working directory. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** What a `sextant` subprocess did. */
export interface SextantRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of {@link runSextant}. */
export interface RunSextantOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Written to stdin, then stdin is closed. */
  input?: string;
  /** Called once the process is running (to send signals). */
  onSpawn?: (pid: number, output: () => string) => void;
  timeoutMs?: number;
}

/**
 * Run `node --conditions=@sextant/source --import tsx packages/cli/src/bin.ts
 * ...args` as a real subprocess and collect its exit code and output.
 */
export function runSextant(args: readonly string[], options: RunSextantOptions = {}): Promise<SextantRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--conditions=@sextant/source', '--import', TSX, BIN, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, FORCE_COLOR: '0', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    // Never leave a bot running behind a failed test.
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 150_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    if (options.input !== undefined) child.stdin.end(options.input);
    else child.stdin.end();
    options.onSpawn?.(child.pid as number, () => stdout + stderr);
  });
}
