// Public surface of src/persist: saved chains in IndexedDB (or memory), with time travel and typed faults.
// Imports idb and nothing of the app; payload types come in as type parameters.
export type {
  ActionEntry,
  ChainId,
  ChainInfo,
  ChainStore,
  ChainWrite,
  EpochEntry,
  LastSession,
  PayloadChecks,
  SavedChain,
  SnapshotEntry,
  StoreBackend,
} from './types.ts';
export { ChainStoreError, PersistFaultError, type PersistFault, type PersistFaultKind } from './fault.ts';
export { openChainStore, type OpenChainStoreOptions } from './open.ts';
export { MemoryChainStore } from './memory-store.ts';
export { IdbChainStore } from './idb-store.ts';
export { DEFAULT_DB_NAME, MIGRATIONS, SCHEMA_VERSION, type Migration } from './schema.ts';
export { openDraftStore, DRAFT_DB_NAME, type Draft, type DraftSlot, type DraftStore } from './draft.ts';
