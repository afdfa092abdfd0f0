// This tab's open chain and block, kept in sessionStorage (per tab, survives a reload): a reload resumes what this tab
// showed even when another tab saved the shared last-session pointer since. Absent (node, storage off): nothing kept.

const KEY = 'yuma-playground:chain-tab';

const storage = (): Storage | undefined => {
  try {
    return (globalThis as { sessionStorage?: Storage }).sessionStorage;
  } catch {
    return undefined; // a sandboxed frame may throw on access
  }
};

/** The chain and block this tab last showed, if it kept them. */
export function tabChain(): { chainId: string; block: bigint } | undefined {
  try {
    const v = JSON.parse(storage()?.getItem(KEY) ?? 'null') as { chainId?: unknown; block?: unknown } | null;
    return typeof v?.chainId === 'string' && typeof v.block === 'string' && /^\d+$/.test(v.block) ? { chainId: v.chainId, block: BigInt(v.block) } : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the chain and block this tab shows now. */
export function keepTabChain(chainId: string, block: bigint): void {
  try {
    storage()?.setItem(KEY, JSON.stringify({ chainId, block: String(block) }));
  } catch {
    // storage full or off: a reload falls back to the shared last session
  }
}
