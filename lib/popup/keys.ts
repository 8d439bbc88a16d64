/**
 * Keyboard control of the popup's reading list. Arrow keys and Enter work from the search box
 * too (the reader types, then goes down into the results); `/` and the letter shortcuts only
 * when no text field has focus, so they can still be typed into a query. Letters are matched
 * by physical key (`code`), because an Arabic layout types "ش" on the A key.
 */

export type ListKeyAction =
  'next' | 'prev' | 'first' | 'last' | 'open' | 'delete' | 'archive' | 'favourite' | 'search';

export interface ListKeyInput {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

const LETTER_ACTIONS: Record<string, ListKeyAction> = { KeyA: 'archive', KeyF: 'favourite' };

function isTextField(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  if (el.isContentEditable) return true;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName.toUpperCase());
}

// Enter and Space on a button belong to the button.
function isControl(target: EventTarget | null): boolean {
  const el = target as { tagName?: string } | null;
  return typeof el?.tagName === 'string' && ['BUTTON', 'A'].includes(el.tagName.toUpperCase());
}

export function listKeyAction(e: ListKeyInput): ListKeyAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (e.key === 'ArrowDown') return 'next';
  if (e.key === 'ArrowUp') return 'prev';
  const typing = isTextField(e.target);
  if (e.key === 'Enter') return isControl(e.target) ? null : 'open';
  if (typing) return null;
  if (e.key === 'Home') return 'first';
  if (e.key === 'End') return 'last';
  if (e.key === 'Delete') return 'delete';
  if (e.key === '/') return 'search';
  return LETTER_ACTIONS[e.code] ?? null;
}
