// An exclusive, in-memory stand-in for the Web Locks API (node has no navigator.locks): one instance is one browser
// profile, shared by the chain APIs of several "tabs". Grants in request order; ifAvailable and abort signals as specified.
import type { LockProvider } from '../../src/engine/chain-lock.ts';

export function fakeLocks(): LockProvider & { held: Set<string> } {
  const held = new Set<string>();
  const waiting = new Map<string, (() => void)[]>();
  const grant = async <T>(name: string, callback: (lock: object | null) => T | Promise<T>): Promise<T> => {
    held.add(name);
    try {
      return await callback({ name });
    } finally {
      held.delete(name);
      waiting.get(name)?.shift()?.();
    }
  };
  return {
    held,
    request: (name, options, callback) => {
      const queue = waiting.get(name) ?? [];
      waiting.set(name, queue);
      if (!held.has(name) && queue.length === 0) return grant(name, callback);
      if (options.ifAvailable) return Promise.resolve(callback(null));
      return new Promise((resolve, reject) => {
        const signal = options.signal;
        if (signal?.aborted) return reject(new DOMException('The request was aborted.', 'AbortError'));
        const go = () => {
          signal?.removeEventListener('abort', abort);
          grant(name, callback).then(resolve, reject);
        };
        const abort = () => {
          queue.splice(queue.indexOf(go), 1);
          reject(new DOMException('The request was aborted.', 'AbortError'));
        };
        signal?.addEventListener('abort', abort, { once: true });
        queue.push(go);
      });
    },
  };
}
