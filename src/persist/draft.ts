// The subnet view's drafts: the subnet the user is editing, kept in IndexedDB so a reload (or a crash) resumes it, and
// the one before it (kept when another subnet replaces it: a preset, a file, a link), so nothing is lost to a click.
// A small database of its own beside the saved chains. Never rejects for storage reasons: a draft that cannot be
// written (no IndexedDB, quota, a blocked upgrade) makes `save` return false, and the page keeps working.
import { openDB, type IDBPDatabase } from 'idb';

/** What a draft holds: the subnet as a yuma-trace/1 text (labels included), its name and the timeline cursor. */
export interface Draft {
  text: string;
  name: string;
  cursor: number;
  savedAt: number;
}

export type DraftSlot = 'current' | 'previous';

export interface DraftStore {
  /** The draft in `slot`, or null (none, or unreadable). */
  load(slot?: DraftSlot): Promise<Draft | null>;
  /** Replaces the current draft; with `rotate` the current one moves to `previous` first. False when not written. */
  save(draft: Draft, options?: { rotate?: boolean }): Promise<boolean>;
}

export const DRAFT_DB_NAME = 'yuma-playground-draft';
const STORE = 'drafts';

const isDraft = (v: unknown): v is Draft =>
  typeof v === 'object' && v !== null && typeof (v as Draft).text === 'string' && typeof (v as Draft).name === 'string' &&
  Number.isInteger((v as Draft).cursor) && typeof (v as Draft).savedAt === 'number';

/** The draft store over IndexedDB (`factory` given for tests); in memory only when IndexedDB cannot open. */
export function openDraftStore(name = DRAFT_DB_NAME, factory: IDBFactory | undefined = globalThis.indexedDB): DraftStore {
  let db: Promise<IDBPDatabase | null> | undefined;
  const connect = () =>
    (db ??= factory
      ? openDB(name, 1, {
          upgrade: (d) => void d.createObjectStore(STORE),
          // A newer tab upgrading the database: let it, and work in memory from here on.
          blocking: () => void db?.then((c) => c?.close()),
        }).catch(() => null)
      : Promise.resolve(null));
  const memory: Record<DraftSlot, Draft | null> = { current: null, previous: null };
  return {
    async load(slot = 'current') {
      const c = await connect();
      if (!c) return memory[slot];
      try {
        const v: unknown = await c.get(STORE, slot);
        return isDraft(v) ? v : null;
      } catch {
        return memory[slot];
      }
    },
    async save(draft, options = {}) {
      if (options.rotate) memory.previous = memory.current;
      memory.current = draft;
      const c = await connect();
      if (!c) return false;
      try {
        const tx = c.transaction(STORE, 'readwrite');
        if (options.rotate) {
          const old: unknown = await tx.store.get('current');
          if (isDraft(old)) await tx.store.put(old, 'previous');
        }
        await tx.store.put(draft, 'current');
        await tx.done;
        return true;
      } catch {
        return false;
      }
    },
  };
}
