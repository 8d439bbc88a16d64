/**
 * The keys suggested for the extension's two commands (wxt.config.ts declares them with these),
 * also what the reader's help shows where the browser cannot say what is bound.
 */
export const SUGGESTED_SHORTCUTS = { 'toggle-reader': 'Alt+Shift+Q', 'save-page': 'Alt+Shift+S' };

export type CommandName = keyof typeof SUGGESTED_SHORTCUTS;

/** The browser's own command that opens the toolbar popup (`_execute_action`), suggested this key. */
export const POPUP_SHORTCUT = 'Alt+Shift+L';
