/**
 * What the two-browser checks of issue 22 found, on the simulator: browsers that agree on the
 * list stop writing (over the quota and with deletes), newest values win whether or not an entry
 * is still carried, wrong clocks neither win for months nor block, and a torn or half-written
 * area is never taken for an empty list. Writes are counted as manifests written: one a write.
 */
import type { SyncArea } from '@/lib/sync/area';
import { MANIFEST_KEY, readArea, type AreaLimits } from '@/lib/sync/encode';
import { MAX_OFFSET_MS } from '@/lib/sync/hlc';
import { isLive, type LiveRecord } from '@/lib/sync/record';
import { seededRandom } from '@/lib/random';
import { SimSync } from '../support/sync-sim';
import { sampleEntries } from '../support/sync-sample';
import { addBrowser, DAY, START, title, urlOf, type TestBrowser } from './sync-harness';

/** Small quotas, so that a hundred-odd entries are over them (the real ones need ~1,500). */
const SMALL: AreaLimits = { quotaBytes: 6_000, perItemBytes: 1_500, maxItems: 512 };
const MINUTE = 60_000;
const ALARM_MS = 15 * MINUTE;

/** Counts the manifests a browser writes: one per write of the list. */
function countingWrites(counter: { n: number }): (area: SyncArea) => SyncArea {
  return (area) => ({
    ...area,
    set: (items) => {
      if (MANIFEST_KEY in items) counter.n += 1;
      return area.set(items);
    },
  });
}

interface Counted extends TestBrowser {
  writes: { n: number };
}

function counted(sim: SimSync, name: string, opts: Parameters<typeof addBrowser>[2] = {}): Counted {
  const writes = { n: 0 };
  return { ...addBrowser(sim, name, { ...opts, wrap: countingWrites(writes) }), writes };
}

/** Made-up Arabic words: titles that deflate about as badly as real ones. */
function vocabulary(n: number): string[] {
  const r = seededRandom(7);
  const letters = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  return Array.from({ length: n }, () =>
    Array.from({ length: 3 + Math.floor(r() * 5) }, () => letters[Math.floor(r() * 28)]).join(''),
  );
}
const POOL = sampleEntries(300, { words: vocabulary(600), seed: 3, now: START });
const urlAt = (i: number): string => (i < 10 ? urlOf(i) : POOL[i]!.url);

/** Saves entries `from`…`to` − 1: the first ten at urlOf(i), the rest from a realistic pool. */
function saveRange(b: TestBrowser, from: number, to: number): void {
  for (let i = from; i < to; i++) {
    const e = POOL[i]!;
    const init = { title: i < 10 ? title(i) : e.title, site: e.site, savedAt: e.savedAt };
    b.local.save(urlAt(i), init);
  }
}

/** Run `ms` of live relay with the 15-minute alarm ticking each engine. */
async function live(sim: SimSync, browsers: TestBrowser[], ms: number): Promise<void> {
  const end = sim.scheduler.now() + ms;
  while (sim.scheduler.now() < end) {
    await sim.scheduler.run({ until: Math.min(end, sim.scheduler.now() + ALARM_MS) });
    for (const b of browsers) b.engine.tick();
  }
  await sim.scheduler.run({ until: end });
}

const total = (bs: Counted[]): number => bs.reduce((n, b) => n + b.writes.n, 0);

describe('quiescence', () => {
  test('over the quota, two browsers with different lists agree on the cut and go quiet', async () => {
    const sim = new SimSync({ start: START, delay: [50, 2_000] });
    const a = counted(sim, 'nodea', { limits: SMALL });
    const b = counted(sim, 'nodeb', { limits: SMALL });
    saveRange(a, 0, 90);
    saveRange(b, 60, 150);
    await live(sim, [a, b], 10 * MINUTE);
    expect(a.engine.state().localOnly).toBeGreaterThan(0);
    // Entries read on one side leave its cut while the other still ranks its old copy high.
    for (const e of b.local.entries().slice(0, 40)) a.local.edit(e.url, { read: true });
    await live(sim, [a, b], 10 * MINUTE);
    const settled = total([a, b]);
    await live(sim, [a, b], 5 * MINUTE);
    expect(total([a, b])).toBe(settled);
    // One edit: at most two writes to carry it and settle again.
    a.local.edit(urlAt(149), { favourite: true });
    await live(sim, [a, b], 5 * MINUTE);
    expect(total([a, b]) - settled).toBeLessThanOrEqual(2);
  });

  test('a fresh delete is carried by both until its life ends, without taking turns', async () => {
    const sim = new SimSync({ start: START, delay: [50, 2_000] });
    const a = counted(sim, 'nodea');
    const b = counted(sim, 'nodeb', { skewMs: 90 * DAY });
    saveRange(a, 0, 5);
    await live(sim, [a, b], 2 * MINUTE);
    a.local.remove(urlOf(2));
    await live(sim, [a, b], 2 * MINUTE);
    const settled = total([a, b]);
    await live(sim, [a, b], 5 * MINUTE);
    expect(total([a, b])).toBe(settled);
    expect(b.local.get(urlOf(2))).toMatchObject({ del: expect.anything() });
  });
});

describe('over the quota', () => {
  test('entries read or archived on one browser reach the other with their newest values', async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea', { limits: SMALL });
    const b = counted(sim, 'nodeb', { limits: SMALL });
    saveRange(a, 0, 120);
    await live(sim, [a, b], 5 * MINUTE);
    const carried = b.local.entries();
    expect(carried.length).toBeGreaterThan(10);
    // A storm of status changes on the carried ones: read and archived entries leave A's cut.
    for (const [i, e] of carried.entries())
      if (i % 2 === 0) a.local.edit(e.url, i % 4 === 0 ? { read: true } : { archived: true });
    await live(sim, [a, b], 10 * MINUTE);
    const mine = new Map(a.local.entries().map((e) => [e.url, e]));
    for (const e of b.local.entries()) expect(e).toEqual(mine.get(e.url));
    const settled = total([a, b]);
    await live(sim, [a, b], 5 * MINUTE);
    expect(total([a, b])).toBe(settled);
  });
});

describe('clocks', () => {
  test('a delete made by a browser 400 days ahead is applied, and stays applied', async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea', { skewMs: 400 * DAY });
    const b = counted(sim, 'nodeb');
    saveRange(b, 0, 3);
    await live(sim, [a, b], 2 * MINUTE);
    expect(a.local.entries()).toHaveLength(3);
    a.local.remove(urlOf(1));
    await live(sim, [a, b], 20 * MINUTE);
    expect(b.local.entries().map((e) => e.url)).toEqual([urlOf(0), urlOf(2)]);
    expect(a.local.entries()).toEqual(b.local.entries());
  });

  test('a delete made on the correct browser reaches a browser 400 days ahead', async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea', { skewMs: 400 * DAY });
    const b = counted(sim, 'nodeb');
    saveRange(b, 0, 3);
    await live(sim, [a, b], 2 * MINUTE);
    expect(a.local.entries()).toHaveLength(3);
    b.local.remove(urlOf(0));
    await live(sim, [a, b], 20 * MINUTE);
    expect(a.local.entries().map((e) => e.url)).toEqual([urlOf(1), urlOf(2)]);
    expect(b.local.entries()).toEqual(a.local.entries());
  });

  test('a browser 400 days behind gets its own delete to the other', async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea', { skewMs: -400 * DAY });
    const b = counted(sim, 'nodeb');
    saveRange(a, 0, 3);
    await live(sim, [a, b], 2 * MINUTE);
    a.local.remove(urlOf(2));
    await live(sim, [a, b], 20 * MINUTE);
    expect(b.local.entries().map((e) => e.url)).toEqual([urlOf(0), urlOf(1)]);
  });

  test('a clock put right publishes the next edit within seconds, with no timer spinning', async () => {
    const sim = new SimSync({ start: START });
    // A small write budget, filled while the clock was ahead.
    const a = counted(sim, 'nodea', { skewMs: 90 * DAY, config: { writesPerMinute: 12 } });
    const b = counted(sim, 'nodeb');
    saveRange(a, 0, 3);
    await live(sim, [a, b], 2 * MINUTE);
    for (let i = 0; i < 5; i++) {
      a.local.edit(urlOf(i % 3), { progress: (i + 1) / 10 });
      await sim.scheduler.run({ until: sim.scheduler.now() + 3_000 });
    }
    a.sim.setSkew(0);
    a.local.edit(urlOf(0), { favourite: true });
    const events = await sim.scheduler.run({ until: sim.scheduler.now() + 10_000 });
    expect(events).toBeLessThan(500);
    expect(b.local.entries()[0]).toMatchObject({ url: urlOf(0), favourite: true });
  });

  test("a peer's clock far ahead does not drag this browser's stamps, and is reported", async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea', { skewMs: 90 * DAY });
    const b = counted(sim, 'nodeb');
    saveRange(a, 0, 2);
    await live(sim, [a, b], 2 * MINUTE);
    const ahead = b.engine.state().clockAheadMs!;
    expect(ahead).toBeGreaterThan(89 * DAY);
    expect(ahead).toBeLessThan(91 * DAY);
    expect(a.engine.state().clockAheadMs).toBeNull();
    b.local.save(urlOf(9), { title: title(9), site: 'مثال' });
    const born = (b.local.get(urlOf(9)) as LiveRecord).born;
    expect(born.w - b.sim.timers.now()).toBeLessThanOrEqual(MAX_OFFSET_MS);
    // An edit of what the reader sees still comes after the stamp it replaces.
    b.local.edit(urlOf(0), { read: true });
    await live(sim, [a, b], 2 * MINUTE);
    expect(a.local.entries()[0]).toMatchObject({ url: urlOf(0), read: true });
  });
});

describe('torn and half-written areas', () => {
  test('a fresh browser that receives only a manifest publishes nothing', async () => {
    const sim = new SimSync({ start: START });
    const a = counted(sim, 'nodea');
    saveRange(a, 0, 4);
    await sim.scheduler.run();
    a.engine.stop();
    const manifest = sim.serverItems()[MANIFEST_KEY];
    const lone = new SimSync({ start: START });
    lone.inject(MANIFEST_KEY, manifest);
    await lone.scheduler.run();
    const c = counted(lone, 'nodec');
    await live(lone, [c], 20 * MINUTE);
    expect(c.sim.stats.writeOps).toBe(0);
    expect(c.engine.state().lastError?.code).toBe('torn');
    expect(lone.serverItems()[MANIFEST_KEY]).toEqual(manifest);
  });

  test('a worker stopped between any two writes leaves a readable area; a joining browser never publishes an empty list', async () => {
    // Quotas too small for two generations at once: the write that removes the old list first.
    const tight: AreaLimits = { quotaBytes: 5_000, perItemBytes: 1_500, maxItems: 512 };
    for (let stopAfter = 0; stopAfter < 4; stopAfter++) {
      const sim = new SimSync({ start: START });
      const a = addBrowser(sim, 'nodea', { limits: tight });
      saveRange(a, 0, 40);
      await sim.scheduler.run();
      const first = readArea(sim.serverItems());
      expect(first.status).toBe('ok');
      a.engine.stop();
      // Restarted: it rewrites the list after a change and is stopped after `stopAfter` calls.
      let calls = 0;
      let stop = (): void => undefined;
      const cut = (area: SyncArea): SyncArea => ({
        ...area,
        set: (items) => (++calls > stopAfter ? (stop(), new Promise(() => {})) : area.set(items)),
        remove: (keys) =>
          ++calls > stopAfter ? (stop(), new Promise(() => {})) : area.remove(keys),
      });
      const a2 = addBrowser(sim, 'nodea', { limits: tight, local: a.local, wrap: cut });
      stop = () => a2.engine.stop();
      a.local.edit(urlOf(3), { title: 'عنوان جديد أطول بكثير من السابق '.repeat(4) });
      await sim.scheduler.run();
      const mid = readArea(sim.serverItems());
      expect(['ok', 'empty']).toContain(mid.status);
      // A browser with an empty list joins now.
      const c = counted(sim, 'nodec', { limits: tight });
      await live(sim, [c], 20 * MINUTE);
      expect(c.writes.n).toBe(0);
      const now = readArea(sim.serverItems());
      if (now.status === 'ok') expect(now.records.filter(isLive).length).toBeGreaterThan(0);
      // The first browser restarts: everyone ends with its list.
      const a3 = addBrowser(sim, 'nodea', { limits: tight, local: a.local });
      await live(sim, [a3, c], 10 * MINUTE);
      const mine = new Map(a.local.entries().map((e) => [e.url, e]));
      for (const e of c.local.entries()) expect(e).toEqual(mine.get(e.url));
      expect(c.local.entries().length).toBeGreaterThan(0);
    }
  });
});
