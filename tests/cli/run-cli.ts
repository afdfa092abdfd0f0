// Spawns the real CLI (node scripts/yuma.mjs, or `npm run -s yuma`) with stdin closed and collects its output.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node scripts/yuma.mjs ...args` (or through npm when `viaNpm`) from `cwd` (default: the repo root). */
export function runCli(args: string[], options: { viaNpm?: boolean; cwd?: string } = {}): Promise<CliRun> {
  const [cmd, argv] = options.viaNpm ? ['npm', ['run', '-s', '--prefix', ROOT, 'yuma', '--', ...args]] : [process.execPath, [join(ROOT, 'scripts', 'yuma.mjs'), ...args]];
  return new Promise((done, fail) => {
    const child = spawn(cmd, argv, { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}
