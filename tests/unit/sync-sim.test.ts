/** The simulated storage.sync itself: quotas, rate limits, delivery, partitions. */
import type { StorageChange } from '@/lib/sync/area';
import { FIREFOX_SYNC_OFF_MESSAGE, SimSync } from '../support/sync-sim';

const rejection = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'resolved',
    (e: Error) => e.message,
  );

async function settled<T>(sim: SimSync, p: Promise<T>): Promise<T> {
  await sim.scheduler.run();
  return p;
}

test('quotas: bytes per item, total bytes, item count; a rejected call changes nothing', async () => {
  const sim = new SimSync();
  const { area } = sim.browser('a');
  // key (1) + JSON (8190) = 8191 ≤ 8192
  await settled(sim, area.set({ k: 'x'.repeat(8188) }));
  expect(await settled(sim, rejection(area.set({ k2: 'x'.repeat(8189) })))).toBe(
    'QUOTA_BYTES_PER_ITEM quota exceeded',
  );
  for (let i = 0; i < 11; i++) await settled(sim, area.set({ [`f${i}`]: 'x'.repeat(8000) }));
  expect(await settled(sim, rejection(area.set({ big: 'x'.repeat(8000), ok: 1 })))).toBe(
    'QUOTA_BYTES quota exceeded',
  );
  const items = await settled(sim, area.getAll());
  expect(items.ok).toBeUndefined();
  expect(Object.keys(items)).toHaveLength(12);

  const many = new SimSync();
  const b = many.browser('b');
  const five = Object.fromEntries(Array.from({ length: 513 }, (_, i) => [`k${i}`, i]));
  expect(await settled(many, rejection(b.area.set(five)))).toBe('MAX_ITEMS quota exceeded');
});

test('write rate: 120 operations a minute, 1800 an hour; a multi-key set is one operation', async () => {
  const sim = new SimSync();
  const { area, stats } = sim.browser('a');
  for (let m = 0; m < 15; m++) {
    for (let i = 0; i < 120; i++) await settled(sim, area.set({ a: i, b: i, c: i }));
    if (m === 0) {
      expect(await settled(sim, rejection(area.remove(['a'])))).toBe(
        'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
      );
      expect(stats).toMatchObject({ writeOps: 120, rejected: 1 });
    }
    await sim.scheduler.run({ until: sim.scheduler.now() + 60_001 });
  }
  expect(await settled(sim, rejection(area.set({ y: 1 })))).toBe(
    'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
  );
});

test('changes reach the other browsers (and fire onChanged there) after a delay', async () => {
  const sim = new SimSync({ delay: [100, 100] });
  const a = sim.browser('a');
  const b = sim.browser('b');
  const seen: Record<string, StorageChange>[] = [];
  b.area.onChanged((c) => seen.push(c));
  void a.area.set({ k: 1 });
  await sim.scheduler.run({ until: 150 });
  expect(b.items()).toEqual({});
  await sim.scheduler.run();
  expect(b.items()).toEqual({ k: 1 });
  expect(seen).toEqual([{ k: { newValue: 1 } }]);
});

test('the last write to reach the server wins everywhere, whatever the delivery order', async () => {
  const sim = new SimSync({ seed: 9, delay: [1, 500] });
  const names = ['a', 'b', 'c'];
  const browsers = names.map((n) => sim.browser(n));
  for (let i = 0; i < 30; i++) void browsers[i % 3]!.area.set({ k: i, [`own${i % 3}`]: i });
  await sim.scheduler.run();
  for (const b of browsers) expect(b.items()).toEqual(sim.serverItems());
});

test('a partitioned browser keeps working on its replica and catches up after healing', async () => {
  const sim = new SimSync();
  const a = sim.browser('a');
  const b = sim.browser('b');
  sim.partition('b', true);
  void a.area.set({ fromA: 1 });
  void b.area.set({ fromB: 2 });
  await sim.scheduler.run();
  expect(a.items()).toEqual({ fromA: 1 });
  expect(b.items()).toEqual({ fromB: 2 });
  sim.heal();
  await sim.scheduler.run();
  expect(a.items()).toEqual({ fromA: 1, fromB: 2 });
  expect(b.items()).toEqual(a.items());
});

test('duplicated deliveries fire onChanged again without changing the data', async () => {
  const sim = new SimSync({ duplicate: 1 });
  const a = sim.browser('a');
  const b = sim.browser('b');
  let events = 0;
  b.area.onChanged(() => (events += 1));
  void a.area.set({ k: 1 });
  await sim.scheduler.run();
  expect(events).toBe(2);
  expect(b.items()).toEqual({ k: 1 });
});

test('a browser with sync storage off rejects every call', async () => {
  const sim = new SimSync();
  const { area } = sim.browser('ff', { syncOff: true });
  const calls = [area.getAll(), area.set({ a: 1 }), area.remove(['a'])].map(rejection);
  await sim.scheduler.run();
  expect(await Promise.all(calls)).toEqual(Array(3).fill(FIREFOX_SYNC_OFF_MESSAGE));
});
