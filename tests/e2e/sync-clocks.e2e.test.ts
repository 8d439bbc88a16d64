/**
 * Clocks that lie, for a whole browser: profile B runs under libfaketime (LD_PRELOAD into every
 * Chromium process, the offset read from a file so it can be changed and put right while B
 * runs). With B 90 days ahead, 400 days ahead and 400 days behind, and after its clock is put
 * right, edits and deletes made on either side reach the other over the live relay, both end
 * with the same list, and the popup of the browser whose clock is behind the area's stamps says
 * that a clock is off. Where libfaketime is not installed the test says so and skips.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, ROOT, SHARED_DIR, type Launched } from './fixtures';
import { startServer, type PageServer } from './server';
import { Relay } from './sync-relay';
import { backup, importBackup, listOf, send, type Row } from './sync-relay-helpers';

const FAKETIME_LIB = '/usr/lib/x86_64-linux-gnu/faketime/libfaketime.so.1';
const LIST = 40;
/** libfaketime re-reads its offset file this often (s). */
const FAKETIME_CACHE_S = 1;
const CLOCK_WARNING = 'فإحدى الساعتين خاطئة';

let server: PageServer;
let a: Launched;
let b: Launched;
let pageA: Page;
let pageB: Page;
let dir = '';
let offsetFile = '';
const relay = new Relay();
const available = existsSync(FAKETIME_LIB);

/** Set B's clock: a libfaketime offset such as '+90d' or '-400d' ('+0' is right). */
async function setClockB(offset: string): Promise<void> {
  writeFileSync(offsetFile, `${offset}\n`);
  await new Promise((r) => setTimeout(r, (FAKETIME_CACHE_S + 1) * 1_000));
}

beforeAll(async () => {
  if (!available) {
    console.log(`clock tests skipped: libfaketime not installed (${FAKETIME_LIB})`);
    return;
  }
  server = await startServer([
    { prefix: '/pages/', dir: join(ROOT, 'tests/pages') },
    { prefix: '/shared/', dir: SHARED_DIR },
  ]);
  dir = mkdtempSync(join(tmpdir(), 'qari-clock-'));
  offsetFile = join(dir, 'offset');
  writeFileSync(offsetFile, '+0\n');
  a = await launch({ server });
  b = await launch({
    server,
    env: {
      LD_PRELOAD: FAKETIME_LIB,
      FAKETIME_TIMESTAMP_FILE: offsetFile,
      FAKETIME_CACHE_DURATION: String(FAKETIME_CACHE_S),
      // Chromium's timers and tasks run on the monotonic clock: faking it too stalls the browser.
      FAKETIME_DONT_FAKE_MONOTONIC: '1',
      DONT_FAKE_MONOTONIC: '1',
      FAKETIME_FORCE_MONOTONIC_FIX: '0',
    },
  });
  pageA = await a.extensionPage('options.html');
  pageB = await b.extensionPage('options.html');
  await relay.join('A', a);
  await relay.join('B', b);
  relay.start();
  await importBackup(pageA, backup(LIST, 'clocks.example'));
  await send(pageA, 'sync:now', {});
  await relay.settle();
});

afterAll(async () => {
  await relay.stop();
  await a?.close();
  await b?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const byIndex = (list: Map<string, Row>, i: number): Row =>
  [...list.values()].sort((x, y) => x.url.localeCompare(y.url))[i]!;

async function sameLists(): Promise<void> {
  await Promise.all([send(pageA, 'sync:now', {}), send(pageB, 'sync:now', {})]);
  await relay.settle();
  const [la, lb] = await Promise.all([listOf(pageA), listOf(pageB)]);
  expect([...lb.keys()].sort()).toEqual([...la.keys()].sort());
  for (const [url, r] of la)
    expect([url, lb.get(url)!.read, lb.get(url)!.archived, lb.get(url)!.favourite]).toEqual([
      url,
      r.read,
      r.archived,
      r.favourite,
    ]);
}

/** The clock line of a profile's popup (opened in a tab), or '' when there is none. */
async function clockLine(l: Launched): Promise<string> {
  const popup = await l.extensionPage('popup.html');
  try {
    await popup.locator('.qari-sync').waitFor();
    const line = popup.locator('.qari-sync-clock');
    return (await line.count()) ? ((await line.textContent()) ?? '') : '';
  } finally {
    await popup.close();
  }
}

describe('sync with one browser’s clock wrong', () => {
  // Each case edits and deletes its own entries: 4 of the list per case.
  const cases = [
    { offset: '+90d', behind: 'A' },
    { offset: '+400d', behind: 'A' },
    { offset: '-400d', behind: 'B' },
  ] as const;
  cases.forEach(({ offset, behind }, n) => {
    it(`converges with B’s clock ${offset}: edits and deletes reach both, and the popup says a clock is off`, async (ctx) => {
      if (!available) ctx.skip();
      await setClockB(offset);
      const now = await b.worker.evaluate(() => Date.now());
      expect(Math.abs(now - Date.now())).toBeGreaterThan(80 * 86_400_000);
      const [la, lb] = await Promise.all([listOf(pageA), listOf(pageB)]);
      const base = n * 4;
      await send(pageB, 'library:setStatus', {
        id: byIndex(lb, base).id,
        patch: { favourite: true },
      });
      await send(pageA, 'library:setStatus', {
        id: byIndex(la, base + 1).id,
        patch: { read: true },
      });
      await relay.settle();
      const deleteOnA = byIndex(la, base + 2).url;
      const deleteOnB = byIndex(lb, base + 3).url;
      await send(pageA, 'library:delete', { ids: [la.get(deleteOnA)!.id] });
      await send(pageB, 'library:delete', { ids: [lb.get(deleteOnB)!.id] });
      await sameLists();
      const [endA, endB] = await Promise.all([listOf(pageA), listOf(pageB)]);
      for (const list of [endA, endB]) {
        expect(list.has(deleteOnA)).toBe(false);
        expect(list.has(deleteOnB)).toBe(false);
        expect(list.get(byIndex(la, base).url)?.favourite).toBe(1);
        expect(list.get(byIndex(la, base + 1).url)?.read).toBe(1);
      }
      expect(await clockLine(behind === 'A' ? a : b)).toContain(CLOCK_WARNING);
    }, 180_000);
  });

  it('after B’s clock is put right, B’s next edit and delete reach A at once and both agree', async (ctx) => {
    if (!available) ctx.skip();
    await setClockB('+0');
    const lb = await listOf(pageB);
    const edited = byIndex(lb, 0);
    const removed = byIndex(lb, 1);
    await send(pageB, 'library:setStatus', { id: edited.id, patch: { archived: true } });
    await send(pageB, 'library:delete', { ids: [removed.id] });
    await expect
      .poll(async () => (await listOf(pageA)).get(edited.url)?.archived, { timeout: 60_000 })
      .toBe(1);
    await expect
      .poll(async () => (await listOf(pageA)).has(removed.url), { timeout: 60_000 })
      .toBe(false);
    await sameLists();
  }, 180_000);
});
