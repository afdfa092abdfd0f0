// ShareError: the one error decodeShare throws, with a reason the UI can act on and a message a person can read.
// Pure. Messages are one line and say what to do, never how the decoder works inside.

/**
 * Why a link did not open:
 * - `not-a-link`: the hash holds no scenario (`#v1/…` expected);
 * - `newer-version`: made by a newer version of the playground (`#v2/…`);
 * - `too-large`: longer, or unpacking to more, than this page accepts;
 * - `damaged`: not what the playground writes (cut off, or changed when copied);
 * - `invalid`: well-formed, but the scenario inside fails validation (`cause` is the TraceError).
 */
export type ShareFault = 'not-a-link' | 'newer-version' | 'too-large' | 'damaged' | 'invalid';

export class ShareError extends Error {
  readonly reason: ShareFault;

  constructor(reason: ShareFault, message: string, options?: { cause?: unknown }) {
    super(message.replace(/[\r\n\u2028\u2029]+/g, ' '), options);
    this.name = 'ShareError';
    this.reason = reason;
  }
}

/** A `damaged` ShareError: `what` says what is wrong, in a few words. */
export function damaged(what: string): ShareError {
  return new ShareError('damaged', `This link is damaged (${what}); it may have been cut off or changed when it was copied.`);
}
