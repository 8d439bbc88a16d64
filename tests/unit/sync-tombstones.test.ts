/**
 * Tombstones leave the sync area 60 days after the delete (SYNC_TOMBSTONE_TTL_MS). A browser
 * that was away longer still has the deleted entry; when it comes back, its stale copy (even
 * with edits stamped after the delete) must not bring the entry back anywhere.
 */
import { readArea } from '@/lib/sync/encode';
import { entryId, isLive, SYNC_TOMBSTONE_TTL_MS } from '@/lib/sync/record';
import { SimSync } from '../support/sync-sim';
import { addBrowser, DAY, START, title, urlOf, type TestBrowser } from './sync-harness';

const URL = urlOf(1);
const ID = entryId(URL);

async function deletedWhileAway() {
  const sim = new SimSync({ start: START });
  const a = addBrowser(sim, 'a');
  const b = addBrowser(sim, 'b');
  a.local.save(URL, { title: title(1), site: 'مثال' });
  a.local.save(urlOf(2), { title: title(2), site: 'مثال' });
  await sim.scheduler.run();
  expect(b.local.entries()).toHaveLength(2);

  // A third browser, c, stays: its next write, over the area that carries the delete, tells `a`
  // that another browser has it (until then `a` carries it whatever its age).
  const c = addBrowser(sim, 'c');
  await sim.scheduler.run();
  sim.partition('b', true);
  a.local.remove(URL);
  await sim.scheduler.run();
  expect(readArea(sim.serverItems()).records.find((r) => r.id === ID)).toMatchObject({ del: {} });
  c.local.edit(urlOf(2), { progress: 0.2 });
  await sim.scheduler.run();
  expect(a.local.records().find((r) => r.id === ID)).toMatchObject({ shared: true });

  // Past the tombstone's life in the sync area; the alarm makes `a` sync and prune it.
  await sim.scheduler.run({ until: START + SYNC_TOMBSTONE_TTL_MS + 2 * DAY });
  a.engine.tick();
  await sim.scheduler.run();
  expect(readArea(sim.serverItems()).records.map((r) => r.id)).not.toContain(ID);
  return { sim, a, b, c };
}

const liveIds = (t: TestBrowser): string[] => t.local.entries().map((e) => e.id);

test('an old copy edited after the prune does not resurrect the entry', async () => {
  const { sim, a, b } = await deletedWhileAway();
  // Still cut off, `b` edits its copy: a write stamped two months after the delete.
  b.local.edit(URL, { progress: 0.7, read: true });
  await sim.scheduler.run();
  expect(liveIds(b)).toContain(ID);

  sim.heal();
  await sim.scheduler.run();
  for (const t of [a, b]) expect(liveIds(t)).toEqual([entryId(urlOf(2))]);
  const area = readArea(sim.serverItems());
  expect(area.records.filter(isLive).map((r) => r.id)).toEqual([entryId(urlOf(2))]);
  // The tombstone went back into the area with a new lifetime, so other stale copies see it too.
  expect(area.records.find((r) => r.id === ID)).toMatchObject({ kept: expect.any(Number) });
});

test('a browser joining later never sees the deleted entry', async () => {
  const { sim, b } = await deletedWhileAway();
  sim.heal();
  await sim.scheduler.run();
  const c = addBrowser(sim, 'c');
  await sim.scheduler.run();
  expect(liveIds(c)).toEqual([entryId(urlOf(2))]);
  expect(liveIds(b)).toEqual([entryId(urlOf(2))]);
});

test('saving the article again after the delete is a new life, even after the prune', async () => {
  const { sim, a, b } = await deletedWhileAway();
  b.local.save(URL, { title: title(1), site: 'مثال' });
  sim.heal();
  await sim.scheduler.run();
  // `b` still had the old life, so its save was an edit of that life: deleted.
  expect(liveIds(a)).not.toContain(ID);
  a.local.save(URL, { title: 'عنوان جديد للمقال نفسه', site: 'مثال' });
  await sim.scheduler.run();
  for (const t of [a, b]) {
    expect(liveIds(t)).toContain(ID);
    expect(t.local.entries().find((e) => e.id === ID)).toMatchObject({ read: false, progress: 0 });
  }
});

test('each browser forgets its tombstone a year after another browser is known to have it', async () => {
  const { sim, a, b, c } = await deletedWhileAway();
  sim.heal();
  await sim.scheduler.run();
  // b writes over the area that carries the delete `a` put back: another browser has it.
  b.local.save(urlOf(3), { title: title(3), site: 'مثال' });
  await sim.scheduler.run();
  expect(a.local.records().find((r) => r.id === ID)).toMatchObject({ shared: true });
  await sim.scheduler.run({ until: sim.scheduler.now() + 366 * DAY });
  for (const t of [a, b, c]) t.engine.tick();
  await sim.scheduler.run();
  c.local.edit(urlOf(2), { progress: 0.4 });
  await sim.scheduler.run();
  for (const t of [a, b, c]) t.engine.tick();
  await sim.scheduler.run();
  for (const t of [a, b, c]) expect(t.local.records().some((r) => r.id === ID)).toBe(false);
  expect(liveIds(a)).toEqual([entryId(urlOf(2)), entryId(urlOf(3))].sort());
});

// Nothing tells a browser alone that another has its delete: it carries it, the newest
// UNSHARED_KEPT of them, and keeps it, whatever its clock says.
test('a browser alone never forgets a delete it made, nor takes it out of the area, whatever its clock says', async () => {
  const sim = new SimSync({ start: START });
  const a = addBrowser(sim, 'a');
  a.local.save(URL, { title: title(1), site: 'مثال' });
  await sim.scheduler.run();
  a.local.remove(URL);
  await sim.scheduler.run();
  a.sim.setSkew(400 * DAY);
  for (let i = 0; i < 3; i++) {
    a.engine.tick();
    await sim.scheduler.run();
  }
  expect(readArea(sim.serverItems()).records.map((r) => r.id)).toContain(ID);
  expect(a.local.records().find((r) => r.id === ID)).toMatchObject({ del: {} });
});
