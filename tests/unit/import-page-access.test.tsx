/**
 * Site access is optional: the import page asks for it on the reader's click (start, resume,
 * retry), and without it nothing is fetched and nothing already imported is lost.
 */
import { render } from 'preact';
import { preactRoot, settle } from './preact-root';
import { queueStatus } from './queue-status';
import { ImportPage, type ImportEnv } from '@/components/import/ImportPage';
import { importLabel } from '@/lib/import/labels';
import type { QueueStatus } from '@/lib/import/queue';

const view = preactRoot();

const status = queueStatus;

function env(grant: boolean[], queue: QueueStatus): ImportEnv & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    readFile: vi.fn(),
    preview: vi.fn(),
    start: vi.fn(),
    requestAccess: async () => (calls.push('access'), grant.shift() ?? false),
    status: async () => queue,
    pause: async () => (calls.push('pause'), queue),
    resume: async () => (calls.push('resume'), { ...queue, paused: false }),
    retryFailed: async () => (calls.push('retry'), queue),
  };
}

const button = (name: string) =>
  [...view.get().querySelectorAll('button')].find((b) => b.textContent === name)!;

describe('the import page and site access', () => {
  it('resumes a paused queue only once access is granted, saying why not before', async () => {
    const e = env([false, true], status({ waiting: 12, paused: true }));
    render(<ImportPage env={e} ui="ar" />, view.get());
    await settle();
    button(importLabel('importResume')).click();
    await settle();
    expect(e.calls).toEqual(['access']);
    expect(view.get().querySelector('[role="alert"]')?.textContent).toBe(
      importLabel('importPermissionDenied'),
    );
    button(importLabel('importResume')).click();
    await settle();
    expect(e.calls).toEqual(['access', 'access', 'resume']);
    expect(view.get().querySelector('[role="alert"]')).toBeNull();
  });

  it('retries failed links only with access', async () => {
    const e = env([false, true], status({ failed: 2, done: 5 }));
    render(<ImportPage env={e} ui="ar" />, view.get());
    await settle();
    button(importLabel('importRetry')).click();
    await settle();
    expect(e.calls).toEqual(['access']);
    button(importLabel('importRetry')).click();
    await settle();
    expect(e.calls).toEqual(['access', 'access', 'retry']);
  });
});
