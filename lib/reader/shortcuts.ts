/**
 * The browser shortcuts of the extension's two commands as the browser has them bound (a reader
 * can change them, or another extension can take one), for the reader's help.
 */
import browser from 'webextension-polyfill';
import { SUGGESTED_SHORTCUTS, type CommandName } from './shortcut-keys';

/** Each command's keys; '' when the command has none bound. */
export type Shortcuts = Record<CommandName, string>;

export async function browserShortcuts(): Promise<Shortcuts> {
  const out: Shortcuts = { ...SUGGESTED_SHORTCUTS };
  // Where there is no commands API the suggested keys are the best guess.
  const commands = await Promise.resolve()
    .then(() => browser.commands.getAll())
    .catch(() => []);
  for (const c of commands)
    if (c.name && Object.hasOwn(out, c.name)) out[c.name as CommandName] = c.shortcut ?? '';
  return out;
}
