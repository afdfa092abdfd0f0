// Light/dark theme: follows prefers-color-scheme until the toggle picks one; the choice is a UI preference in localStorage.
export type ThemeMode = 'system' | 'light' | 'dark';
const KEY = 'yuma-playground.theme';

export class Theme {
  mode: ThemeMode = $state('system');
  /** What is shown now (the system's choice when mode is 'system'). */
  dark = $state(false);

  init(): void {
    const saved = safeGet();
    if (saved === 'light' || saved === 'dark') this.mode = saved;
    const query = matchMedia('(prefers-color-scheme: dark)');
    const update = () => {
      this.dark = this.mode === 'dark' || (this.mode === 'system' && query.matches);
      if (this.mode === 'system') delete document.documentElement.dataset.theme;
      else document.documentElement.dataset.theme = this.mode;
    };
    query.addEventListener('change', update);
    this.apply = update;
    update();
  }

  apply: () => void = () => {};

  /** Light ↔ dark (leaving 'system' for the opposite of what is shown). */
  toggle(): void {
    this.mode = this.dark ? 'light' : 'dark';
    try { localStorage.setItem(KEY, this.mode); } catch { /* private mode: the choice lasts for this page */ }
    this.apply();
  }
}

function safeGet(): string | null {
  try { return localStorage.getItem(KEY); } catch { return null; }
}
