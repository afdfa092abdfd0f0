// Keyboard shortcuts as data, and which key press maps to which action. Pure (takes the event's fields, no DOM access).

export type Action = 'togglePlay' | 'back' | 'step' | 'help' | 'undo' | 'redo' | 'close';

export const SHORTCUTS: { keys: string; action: Action; text: string }[] = [
  { keys: 'Space', action: 'togglePlay', text: 'Play or pause' },
  { keys: '→', action: 'step', text: 'Step one epoch forward (computes a new one at the end)' },
  { keys: '←', action: 'back', text: 'One epoch back on the timeline' },
  { keys: 'z', action: 'undo', text: 'Undo the last edit or run' },
  { keys: 'Shift + z', action: 'redo', text: 'Redo' },
  { keys: '?', action: 'help', text: 'Show or hide this help' },
  { keys: 'Esc', action: 'close', text: 'Close the help' },
];

/** The same keys in the chain view (`?view=chain`), where there is no play loop: Space runs to the next epoch. */
export const CHAIN_SHORTCUTS: { keys: string; action: Action; text: string }[] = [
  { keys: 'Space', action: 'togglePlay', text: 'Run to the next epoch of the chosen subnet' },
  { keys: '→', action: 'step', text: 'Step one block' },
  { keys: '←', action: 'back', text: 'One block back (time travel)' },
  { keys: 'Esc', action: 'close', text: 'Cancel a run' },
];

const TYPING = new Set(['INPUT', 'TEXTAREA', 'SELECT']);
const ACTIVATES_WITH_SPACE = new Set(['BUTTON', 'A', 'SUMMARY']);

/**
 * The action for a key press, or null. Keys typed into fields stay with the field; Space on a button or link stays
 * with it (it clicks); arrows inside a tab list or a slider stay there. Ctrl/Meta/Alt combinations are the browser's.
 */
export function actionFor(e: { key: string; ctrlKey: boolean; metaKey: boolean; altKey: boolean; target: { tagName?: string; isContentEditable?: boolean; getAttribute?: (n: string) => string | null } | null }): Action | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  const tag = e.target?.tagName ?? '';
  const role = e.target?.getAttribute?.('role') ?? '';
  if (e.key === 'Escape') return 'close';
  if (TYPING.has(tag) || e.target?.isContentEditable) return null;
  switch (e.key) {
    case ' ': return ACTIVATES_WITH_SPACE.has(tag) || role === 'tab' ? null : 'togglePlay';
    case 'ArrowRight': return role === 'tab' ? null : 'step';
    case 'ArrowLeft': return role === 'tab' ? null : 'back';
    case 'z': return 'undo';
    case 'Z': return 'redo';
    case '?': return 'help';
    default: return null;
  }
}
