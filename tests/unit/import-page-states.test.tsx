/**
 * The import page says what is true now: an access error goes once access is held and the
 * downloads are done, "pause" shows only while something is waiting, and a link waiting to be
 * tried again says why.
 */
import { render } from 'preact';
import { preactRoot, settle } from './preact-root';
import { queueStatus } from './queue-status';
import { ImportPage, type ImportEnv } from '@/components/import/ImportPage';
import { importLabel } from '@/lib/import/labels';
import type { ImportPreview } from '@/lib/import/preview';
import type { QueueStatus } from '@/lib/import/queue';
import type { ImportFile } from '@/lib/messages';

const view = preactRoot();

const status = queueStatus;

const PREVIEW: ImportPreview = {
  format: 'pocket-html',
  encoding: 'utf-8',
  total: 3,
  unread: 3,
  read: 0,
  archived: 0,
  favourite: 0,
  duplicates: 0,
  first: [],
  malformed: [],
  malformedCount: 0,
};

/** An import page over a queue the test moves along by hand. */
function pageWith(grant: boolean[], start: QueueStatus) {
  let queue = start;
  const env: ImportEnv = {
    readFile: async (): Promise<ImportFile> => ({ fileName: 'ril_export.html', text: 'x' }),
    preview: async () => ({ preview: PREVIEW }),
    start: async () => ((queue = { ...queue, waiting: 3 }), { added: 3, merged: 0 }),
    requestAccess: async () => grant.shift() ?? false,
    status: async () => queue,
    pause: async () => (queue = { ...queue, paused: true }),
    resume: async () => (queue = { ...queue, paused: false }),
    retryFailed: async () => queue,
  };
  render(<ImportPage env={env} ui="ar" />, view.get());
  return { set: (q: QueueStatus) => void (queue = q) };
}

const root = () => view.get();
const button = (name: string) =>
  [...root().querySelectorAll('button')].find((b) => b.textContent === name);

async function chooseAndStart(): Promise<void> {
  const input = root().querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { value: [new File(['x'], 'ril_export.html')] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await settle();
  button(importLabel('importStart'))!.click();
  await settle();
}

describe('the import page’s states', () => {
  it('clears the red "access not granted" error once access is granted and the downloads finished', async () => {
    const q = pageWith([false, true], status());
    await chooseAndStart();
    expect(root().querySelector('[role="alert"]')?.textContent).toBe(
      importLabel('importPermissionDenied'),
    );
    button(importLabel('importResume'))!.click();
    await settle();
    q.set(status({ done: 3 }));
    // The page polls the queue once a second.
    await new Promise((r) => setTimeout(r, 1100));
    await settle();
    expect(root().querySelector('[role="alert"]')).toBeNull();
    expect(root().textContent).not.toContain(importLabel('importPermissionDenied'));
  });

  it('offers "pause" only while something is waiting', async () => {
    const q = pageWith([], status({ waiting: 2, running: 1 }));
    await settle();
    expect(button(importLabel('importPause'))).toBeDefined();
    q.set(status({ done: 2 }));
    await new Promise((r) => setTimeout(r, 1100));
    await settle();
    expect(button(importLabel('importPause'))).toBeUndefined();
  });

  it('says why a link is waiting to be tried again', async () => {
    const retrying = [
      { url: 'https://unreachable.example/a', title: 'خبر', reason: 'network', entryId: 1 },
    ];
    pageWith([], status({ waiting: 1, retrying }));
    await settle();
    const row = root().querySelector('[data-testid="import-retrying"] li');
    expect(row?.textContent).toContain(importLabel('importFailure_network'));
  });
});

describe('a large file’s preview', () => {
  it('shows its first part’s counts as «still counting» with start disabled, then the whole file’s', async () => {
    let finish = (): void => undefined;
    const env: ImportEnv = {
      readFile: async (): Promise<ImportFile> => ({ fileName: 'bookmarks.html', text: 'x' }),
      preview: (_file, soFar) =>
        new Promise((resolve) => {
          soFar?.({ ...PREVIEW, total: 2000, unread: 2000 });
          finish = () => resolve({ preview: { ...PREVIEW, total: 30000, unread: 30000 } });
        }),
      start: async () => ({ added: 0, merged: 0 }),
      requestAccess: async () => true,
      status: async () => status(),
      pause: async () => status(),
      resume: async () => status(),
      retryFailed: async () => status(),
    };
    render(<ImportPage env={env} ui="en" />, view.get());
    const input = root().querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'bookmarks.html')] });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(root().querySelector('[data-testid="import-counting"]')?.textContent).toBe(
      importLabel('importCounting'),
    );
    expect(root().querySelector('[data-testid="import-counts-so-far"]')?.textContent).toContain(
      '2,000',
    );
    expect(root().querySelector('[data-testid="import-counts"]')).toBeNull();
    expect(button(importLabel('importStart'))!.disabled).toBe(true);
    finish();
    await settle();
    expect(root().querySelector('[data-testid="import-counting"]')).toBeNull();
    expect(root().querySelector('[data-testid="import-counts"]')?.textContent).toContain('30,000');
    expect(button(importLabel('importStart'))!.disabled).toBe(false);
  });
});
