import { execFileSync } from 'node:child_process';

const XDOTOOL_TIMEOUT_MS = 20_000;

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
  // Bounded: `--sync` waits for the focus change, and a blocked call would stall the test run
  // (a synchronous call, so no test timeout fires) on a loaded machine.
  execFileSync('xdotool', ['windowfocus', '--sync', win, 'key', '--clearmodifiers', keys], {
    timeout: XDOTOOL_TIMEOUT_MS,
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
// The prompt's time to show, and Chromium keeps its Allow button disabled for a moment after
// (against clickjacking).
const PROMPT_SHOWN_MS = 1500;

/**
 * Do what opens a permission prompt (a click in an extension page), then answer the prompt as a
 * person does at the keyboard: the prompt takes the focus of the browser window; Tab moves to
 * «Allow» and Enter presses it, or Escape dismisses it. Needs a headful browser on a display
 * (run under xvfb-run); the caller checks the outcome (permissions.contains).
 */
export async function answerPermissionPrompt(
  open: () => Promise<unknown>,
  allow: boolean,
): Promise<void> {
  await open();
  await sleep(PROMPT_SHOWN_MS);
  pressShortcut(allow ? 'Tab' : 'Escape');
  if (allow) {
    await sleep(150);
    pressShortcut('Return');
  }
  await sleep(300);
}
