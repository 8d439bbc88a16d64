import { execFileSync } from 'node:child_process';

/**
 * Press a shortcut as a person does: a real X key event to the focused Chromium window
 * (xdotool), so the browser's own accelerator handling dispatches extension commands.
 */
export function pressShortcut(keys: string): void {
  if (!process.env.DISPLAY)
    throw new Error('keyboard-command tests need a display: run them under xvfb-run');
  const ids = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], {
    encoding: 'utf8',
  })
    .trim()
    .split('\n');
  const win = ids.at(-1);
  if (!win) throw new Error('no Chromium window to type into');
  execFileSync('xdotool', ['windowfocus', '--sync', win, 'key', '--clearmodifiers', keys]);
}
