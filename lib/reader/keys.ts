/**
 * Keyboard shortcuts of the reader. Letters are matched by physical key (`code`), because with
 * an Arabic layout the J key types "ت" and `key` would never be "j".
 */

export type KeyAction = 'next' | 'prev' | 'close' | 'help' | 'highlight';

export interface KeyInput {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey?: boolean;
  target: EventTarget | null;
}

const NEXT_CODES = new Set(['KeyJ', 'KeyN']);
const PREV_CODES = new Set(['KeyK', 'KeyP']);
const HIGHLIGHT_CODE = 'KeyH';

// Typing in a form control must not move the reader.
function isEditable(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

export function keyAction(e: KeyInput): KeyAction | null {
  if (e.key === 'Escape') return 'close';
  if (e.ctrlKey || e.metaKey || isEditable(e.target)) return null;
  if (e.altKey) {
    if (e.key === 'ArrowDown') return 'next';
    if (e.key === 'ArrowUp') return 'prev';
    return null;
  }
  // i18n-data: the Arabic question mark, which an Arabic layout types on the ? key.
  if (e.key === '?' || e.key === '؟') return 'help';
  if (e.shiftKey) return null;
  if (NEXT_CODES.has(e.code)) return 'next';
  if (PREV_CODES.has(e.code)) return 'prev';
  if (e.code === HIGHLIGHT_CODE) return 'highlight';
  return null;
}
