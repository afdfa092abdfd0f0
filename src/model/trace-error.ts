// TraceError: the one error a yuma-trace/1 reader throws, and how it names a place in the document.
// Pure: no I/O. Messages are always one line, so a CLI can print them as they are.

/** A malformed or out-of-range trace: `path` is a JSON path (`steps[3].uids[2]`, `$` for the root), `fault` says what is wrong. */
export class TraceError extends Error {
  readonly path: string;
  readonly fault: string;
  /** File label shown before the path when several files are read, else undefined. */
  readonly file: string | undefined;

  constructor(path: string, fault: string, file?: string) {
    const line = `${file === undefined ? '' : `${file}: `}${path || '$'}: ${fault}`;
    super(line.replace(/[\r\n\u2028\u2029]+/g, ' '));
    this.name = 'TraceError';
    this.path = path || '$';
    this.fault = fault;
    this.file = file;
  }

  /** The same error with `file` leading the message. */
  inFile(file: string): TraceError {
    return new TraceError(this.path, this.fault, file);
  }
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `parent.key`, or `parent["odd key"]` when the key is not a plain identifier; the root is "". */
export function keyPath(parent: string, key: string): string {
  if (IDENTIFIER.test(key)) return parent === '' ? key : `${parent}.${key}`;
  return `${parent || '$'}[${quote(key)}]`;
}

/** `parent[index]`. */
export function indexPath(parent: string, index: number): string {
  return `${parent || '$'}[${index}]`;
}

/** A user string as a short, one-line JSON literal for messages (at most ~40 characters). */
export function quote(s: string): string {
  const short = s.length > 40 ? `${s.slice(0, 37)}…` : s;
  return JSON.stringify(short);
}
