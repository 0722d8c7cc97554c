export type Theme = 'light' | 'dark';
const STORAGE_KEY = 'scorelab.theme';

function initialTheme(): Theme {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Light or dark (persisted; the first visit follows the system setting). */
class ThemeState {
  current = $state<Theme>(initialTheme());

  set(theme: Theme): void {
    this.current = theme;
    globalThis.localStorage?.setItem(STORAGE_KEY, theme);
  }
}

export const theme = new ThemeState();
