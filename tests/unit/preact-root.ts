/** A fresh element to render a Preact view into for each test, and a way to let its effects run. */
import { render } from 'preact';
import { act } from 'preact/test-utils';

/** Registers the hooks; call `get()` inside a test for the current root. */
export function preactRoot(): { get: () => HTMLDivElement } {
  let root: HTMLDivElement;
  beforeEach(() => {
    root = document.createElement('div');
    document.body.append(root);
  });
  afterEach(() => {
    render(null, root);
    root.remove();
  });
  return { get: () => root };
}

/** Let pending promises, timers of 0 ms and the renders they cause run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++)
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
}
