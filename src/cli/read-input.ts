// Reads a trace file for the CLI without ever hanging or loading a huge file: size checked first, reads bounded.
// Node only. Failures are one-line InputError messages that start with the file name.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { MAX_TRACE_BYTES } from '../model/json-text.ts';

/** Invalid input that is not about the document's content (missing file, directory, too large): exit 2. */
export class InputError extends Error {}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a parent of the path is not a directory',
  ELOOP: 'too many symbolic links',
  ENAMETOOLONG: 'file name too long',
};

const CHUNK = 1 << 20;

/** Under `npm run`, relative paths mean the caller's directory (INIT_CWD), not the package root npm moved to. */
export function inputPath(file: string): string {
  const callerDir = process.env.npm_lifecycle_event === 'yuma' ? process.env.INIT_CWD : undefined;
  return callerDir && !isAbsolute(file) ? resolve(callerDir, file) : file;
}

/**
 * The file's bytes; more than `maxBytes` fails before reading (regular files) or as soon as the limit is passed
 * (pipes, devices), so a huge or endless input costs little. `label` leads every message.
 */
export function readInputFile(file: string, label: string, maxBytes = MAX_TRACE_BYTES): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    if (stat.size > maxBytes) throw new InputError(tooLarge(label, `is ${stat.size} bytes`, maxBytes));
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(CHUNK);
      const got = readSync(fd, chunk, 0, CHUNK, null);
      if (got === 0) break;
      total += got;
      if (total > maxBytes) throw new InputError(tooLarge(label, `has more than ${maxBytes} bytes`, maxBytes));
      chunks.push(got === CHUNK ? chunk : chunk.subarray(0, got));
    }
    return concat(chunks, total);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as { code?: string }).code ?? '';
    throw new InputError(`${label}: cannot read file: ${REASONS[code] ?? firstLine(e)}`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(label: string, size: string, maxBytes: number): string {
  return `${label}: file ${size}, over the ${maxBytes / 2 ** 20} MiB limit (${maxBytes} bytes)`;
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) out.set(c, (at += c.length) - c.length);
  return out;
}

/** The first line of an error's message, for one-line reports. */
export function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message || e.name : String(e)).split('\n')[0].trim();
}
