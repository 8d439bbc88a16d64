import type { QueueStatus } from '@/lib/import/queue';

/** An import queue's status for the import page's tests: idle and empty, with `over` on top. */
export const queueStatus = (over: Partial<QueueStatus> = {}): QueueStatus => ({
  waiting: 0,
  done: 0,
  failed: 0,
  running: 0,
  paused: false,
  failures: [],
  retrying: [],
  ...over,
});
