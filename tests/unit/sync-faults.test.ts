/**
 * Faults: the quota, the write-rate limit, corrupt and foreign items, storage.sync missing, a
 * newer format. Each must leave the local list intact and say what happened in the state.
 */
import type { SyncArea } from '@/lib/sync/area';
import { FORMAT_VERSION, MANIFEST_KEY, readArea, type Manifest } from '@/lib/sync/encode';
import { SimSync } from '../support/sync-sim';
import { addBrowser, START, title, urlOf, type TestBrowser } from './sync-harness';

function saveMany(b: TestBrowser, from: number, to: number): void {
  for (let i = from; i < to; i++) b.local.save(urlOf(i), { title: title(i), site: 'مثال' });
}

const errorsSeen = (b: TestBrowser): (string | undefined)[] => [
  ...new Set(b.states.map((s) => s.lastError?.code)),
];

function failingSets(times: number, message: string): (area: SyncArea) => SyncArea {
  let left = times;
  return (area) => ({
    ...area,
    set: (items) => (left-- > 0 ? Promise.reject(new Error(message)) : area.set(items)),
  });
}

describe('quota', () => {
  test('a rejected write (QUOTA_BYTES) is reported, retried, and loses nothing', async () => {
    const sim = new SimSync({ start: START });
    const a = addBrowser(sim, 'a', { wrap: failingSets(2, 'QUOTA_BYTES quota exceeded') });
    const b = addBrowser(sim, 'b');
    saveMany(a, 0, 5);
    await sim.scheduler.run({ until: START + 4_000 });
    expect(a.engine.state().lastError).toEqual({ code: 'quota', messageKey: 'syncErrorQuota' });
    expect(a.local.entries()).toHaveLength(5);
    await sim.scheduler.run();
    expect(a.engine.state()).toMatchObject({ lastError: null, pending: 0, localOnly: 0 });
    expect(b.local.entries()).toEqual(a.local.entries());
  });

  test('no room even for an empty list: quota error, local list untouched', async () => {
    const sim = new SimSync({ start: START });
    for (let i = 0; i < 13; i++) sim.inject(`other${i}`, 'x'.repeat(7_860));
    await sim.scheduler.run();
    const a = addBrowser(sim, 'a');
    saveMany(a, 0, 3);
    await sim.scheduler.run({ until: START + 60_000 });
    expect(a.engine.state().lastError?.code).toBe('quota');
    expect(a.local.entries()).toHaveLength(3);
    expect(Object.keys(sim.serverItems()).filter((k) => k.startsWith('q:'))).toEqual([]);
  });

  test('a list larger than the quota: unread and recent entries sync, the rest stay local', async () => {
    const sim = new SimSync({ start: START });
    const limits = { quotaBytes: 3_000, perItemBytes: 1_024, maxItems: 512 };
    const a = addBrowser(sim, 'a', { limits });
    const b = addBrowser(sim, 'b', { limits });
    for (let i = 0; i < 200; i++)
      a.local.save(urlOf(i), {
        title: title(i),
        site: 'مثال',
        savedAt: START - i * 60_000,
        read: i % 3 === 0,
      });
    await sim.scheduler.run();
    const synced = b.local.entries();
    const { localOnly } = a.engine.state();
    expect(synced.length).toBeGreaterThan(20);
    expect(localOnly).toBe(200 - synced.length);
    expect(a.local.entries()).toHaveLength(200);
    expect(a.engine.state().lastError).toBeNull();
    // Every unread entry that synced is newer than every unread one left behind, and read
    // entries only sync once all unread ones have.
    const syncedIds = new Set(synced.map((e) => e.id));
    const unread = a.local
      .entries()
      .filter((e) => !e.read)
      .sort((x, y) => y.savedAt - x.savedAt);
    const cut = unread.findIndex((e) => !syncedIds.has(e.id));
    expect(cut).toBeGreaterThan(0);
    expect(unread.slice(cut).every((e) => !syncedIds.has(e.id))).toBe(true);
    expect(synced.every((e) => !e.read)).toBe(true);
    // An old read entry marked unread and re-dated moves into the synced part.
    const old = a.local.entries().find((e) => e.read && !syncedIds.has(e.id))!;
    a.local.edit(old.url, { read: false, savedAt: START + 1 });
    await sim.scheduler.run();
    expect(b.local.entries().map((e) => e.id)).toContain(old.id);
    expect(b.sim.stats.rejected + a.sim.stats.rejected).toBe(0);
  });
});

describe('write rate', () => {
  test('hitting MAX_WRITE_OPERATIONS_PER_MINUTE is reported and waited out', async () => {
    const sim = new SimSync({ start: START, writeLimits: { perMinute: 4, perHour: 1_000 } });
    const a = addBrowser(sim, 'a');
    const b = addBrowser(sim, 'b');
    for (let i = 0; i < 6; i++) {
      saveMany(a, i, i + 1);
      await sim.scheduler.run({ until: sim.scheduler.now() + 5_000 });
    }
    expect(errorsSeen(a)).toContain('rate');
    expect(a.states.find((s) => s.lastError?.code === 'rate')!.lastError!.messageKey).toBe(
      'syncErrorRate',
    );
    expect(a.local.entries()).toHaveLength(6);
    await sim.scheduler.run();
    expect(a.engine.state().lastError).toBeNull();
    expect(b.local.entries()).toEqual(a.local.entries());
  });

  test('a steady stream of changes stays under Chrome’s limits by itself', async () => {
    const sim = new SimSync({ start: START });
    const a = addBrowser(sim, 'a');
    const b = addBrowser(sim, 'b');
    saveMany(a, 0, 3);
    for (let i = 0; i < 150; i++) {
      a.local.edit(urlOf(i % 3), { progress: (i % 10) / 10 });
      await sim.scheduler.run({ until: sim.scheduler.now() + 2_500 });
    }
    await sim.scheduler.run();
    expect(a.sim.stats.rejected).toBe(0);
    expect(a.engine.state()).toMatchObject({ lastError: null, pending: 0 });
    expect(b.local.entries()).toEqual(a.local.entries());
  });
});

describe('items in the sync area', () => {
  test('a corrupt manifest is reported and rebuilt from the local list', async () => {
    const sim = new SimSync({ start: START });
    sim.inject(MANIFEST_KEY, 'garbage');
    sim.inject('q:zza0', 'not base64 at all');
    await sim.scheduler.run();
    const a = addBrowser(sim, 'a');
    saveMany(a, 0, 4);
    await sim.scheduler.run({ until: START + 10_000 });
    expect(a.states.map((s) => s.lastError)).toContainEqual({
      code: 'corrupt',
      messageKey: 'syncErrorCorrupt',
    });
    expect(a.local.entries()).toHaveLength(4);
    const area = readArea(sim.serverItems());
    expect(area.status).toBe('ok');
    expect(area.records).toHaveLength(4);
    expect(sim.serverItems()['q:zza0']).toBeUndefined();
  });

  test('a torn area from another browser is never written over: the list stays local, a whole one is merged', async () => {
    const sim = new SimSync({ start: START });
    const bogus: Manifest = { v: FORMAT_VERSION, g: 3, s: 'zzb', n: 2, x: 'abc', w: 'other' };
    sim.inject(MANIFEST_KEY, bogus);
    sim.inject('q:zzb0', 'AAAA');
    await sim.scheduler.run();
    const a = addBrowser(sim, 'a');
    saveMany(a, 0, 2);
    await sim.scheduler.run();
    expect(errorsSeen(a)).toContain('torn');
    expect(a.sim.stats.writeOps).toBe(0);
    expect(a.local.entries()).toHaveLength(2);
    expect(sim.serverItems()[MANIFEST_KEY]).toEqual(bogus);
    // The browser that tore it comes back: it rewrites the area from its list, and the two merge.
    const other = addBrowser(sim, 'other');
    saveMany(other, 5, 8);
    await sim.scheduler.run();
    expect(a.local.entries()).toHaveLength(5);
    expect(other.local.entries()).toEqual(a.local.entries());
    expect(readArea(sim.serverItems()).records).toHaveLength(5);
  });

  test('an area emptied by a writer mid-rewrite is waited out, not written over', async () => {
    const sim = new SimSync({ start: START });
    const a = addBrowser(sim, 'a');
    const b = addBrowser(sim, 'b');
    saveMany(a, 0, 3);
    await sim.scheduler.run();
    const whole = sim.serverItems();
    expect(readArea(whole).records).toHaveLength(3);
    // A list too big to keep beside its next generation is removed first: the writer is between
    // that removal and its new list.
    a.engine.stop();
    const writes = b.sim.stats.writeOps;
    for (const key of Object.keys(whole)) sim.inject(key, undefined);
    await sim.scheduler.run({ until: sim.scheduler.now() + 8_000 });
    expect(b.sim.stats.writeOps).toBe(writes);
    for (const [key, value] of Object.entries(whole)) sim.inject(key, value);
    await sim.scheduler.run({ until: sim.scheduler.now() + 60_000 });
    expect(b.sim.stats.writeOps).toBe(writes);
    expect(b.local.entries()).toHaveLength(3);
  });

  test('foreign items are ignored and left alone', async () => {
    const sim = new SimSync({ start: START });
    sim.inject('prefs', { theme: 'dark', fontSize: 18 });
    sim.inject('q:future-feature', [1, 2, 3]);
    await sim.scheduler.run();
    const a = addBrowser(sim, 'a');
    const b = addBrowser(sim, 'b');
    saveMany(a, 0, 3);
    await sim.scheduler.run();
    expect(errorsSeen(a)).toEqual([undefined]);
    expect(b.local.entries()).toEqual(a.local.entries());
    expect(sim.serverItems()).toMatchObject({
      prefs: { theme: 'dark', fontSize: 18 },
      'q:future-feature': [1, 2, 3],
    });
    expect(readArea(sim.serverItems()).ignored).toBe(1);
  });

  test('a list written by a newer format is not overwritten', async () => {
    const sim = new SimSync({ start: START });
    const newer = { v: FORMAT_VERSION + 1, g: 9, s: 'zza', n: 1, x: 'abc', w: 'future' };
    sim.inject(MANIFEST_KEY, newer);
    await sim.scheduler.run();
    const a = addBrowser(sim, 'a');
    saveMany(a, 0, 2);
    await sim.scheduler.run();
    expect(a.engine.state().lastError).toEqual({ code: 'newer', messageKey: 'syncErrorNewer' });
    expect(sim.serverItems()[MANIFEST_KEY]).toEqual(newer);
    expect(a.local.entries()).toHaveLength(2);
  });
});

describe('storage.sync unavailable', () => {
  test('Firefox with sync storage off: a clear state, the local list untouched', async () => {
    const sim = new SimSync({ start: START });
    const a = addBrowser(sim, 'ff', { syncOff: true });
    saveMany(a, 0, 3);
    a.local.edit(urlOf(1), { read: true });
    a.local.remove(urlOf(2));
    await sim.scheduler.run({ until: START + 3_600_000 });
    expect(a.engine.state()).toMatchObject({
      lastError: { code: 'unavailable', messageKey: 'syncErrorUnavailable' },
      lastSyncedAt: null,
      pending: 3,
    });
    expect(a.local.entries().map((e) => [e.url, e.read])).toEqual([
      [urlOf(0), false],
      [urlOf(1), true],
    ]);
  });

  test('sync turned off in the settings makes no calls until turned on', async () => {
    const sim = new SimSync({ start: START });
    const a = addBrowser(sim, 'a', { enabled: false });
    saveMany(a, 0, 2);
    await sim.scheduler.run();
    expect(a.sim.stats).toMatchObject({ reads: 0, writeOps: 0 });
    expect(a.engine.state()).toMatchObject({ enabled: false, pending: 2 });
    void a.engine.setEnabled(true);
    await sim.scheduler.run();
    expect(a.engine.state()).toMatchObject({ enabled: true, pending: 0, lastError: null });
    expect(readArea(sim.serverItems()).records).toHaveLength(2);
  });
});
