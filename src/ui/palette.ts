/**
 * The verdict colours (settings.palette): Okabe–Ito blue/orange by default (safe for the common
 * colour-vision deficiencies), or the classic green/red. theme.css keys the colours on
 * `html[data-palette]`. The last palette seen is kept in the page's localStorage so the next page
 * paints in it at once, before the settings have been read.
 */
import type { Palette } from '../core/settings.ts';

const KEY = 'gexfocus:palette';

export function applyPalette(palette: Palette): void {
  document.documentElement.dataset.palette = palette;
  try {
    localStorage.setItem(KEY, palette);
  } catch {
    // No storage (private window): the next page starts from the default and corrects itself.
  }
}

/** Applies the remembered palette (or the default) before the first render. */
export function applyRememberedPalette(): void {
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(KEY);
  } catch {
    stored = null;
  }
  document.documentElement.dataset.palette = stored === 'classic' ? 'classic' : 'okabe-ito';
}
