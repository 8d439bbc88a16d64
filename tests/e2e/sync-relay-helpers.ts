/**
 * What the relay tests do to a profile: seed a list through the backup import, read the list
 * straight from IndexedDB, send the background a message, and stop its service worker between
 * two writes of the sync area.
 */
import type { Page, Worker } from 'playwright-core';
import { seededRandom } from '../../lib/random';
import type { Launched } from './fixtures';
import { CITIES } from './import-pages';
import { send } from './scenarios/profile';

export { listOf, send, type Row } from './scenarios/profile';

/**
 * A backup of `count` unread articles under `site`, saved a minute apart from `day`, with
 * addresses and titles as varied as real ones (so the list does not compress into the quota).
 */
export function backup(count: number, site: string, day = Date.UTC(2024, 0, 1)): string {
  const rand = seededRandom(count);
  const word = () => CITIES[Math.floor(rand() * CITIES.length)]!;
  const slug = () => Math.floor(rand() * 2 ** 48).toString(36);
  const entries = Array.from({ length: count }, (_, i) => {
    const at = new Date(day + i * 60_000).toISOString();
    // A news address: date, section and the title's words percent-encoded, as Arabic sites do.
    const title = encodeURIComponent(`${word()}-${word()}-${slug()}`);
    const url = `https://${site}/news/2024/${1 + (i % 12)}/${1 + (i % 28)}/${title}-${i}`;
    const text = `تقرير رقم ${i} من ${word()} عن مواسم الزراعة في ${word()}.`;
    return {
      canonicalUrl: url,
      savedAt: at,
      updatedAt: at,
      read: false,
      archived: false,
      favourite: false,
      progress: 0,
      tags: [],
      fieldTimes: {},
      article: {
        url,
        title: `مقال ${i}: من ${word()} إلى ${word()} و${word()}`,
        byline: null,
        siteName: site,
        published: null,
        lang: 'ar',
        dir: 'rtl',
        excerpt: text,
        leadImage: null,
        wordCount: 8,
        readingMinutes: 1,
      },
      body: { content: `<p>${text}</p>`, text, sections: [] },
    };
  });
  return JSON.stringify({
    format: 'qari-backup',
    version: 1,
    exportedAt: new Date(day).toISOString(),
    entries,
  });
}

export async function importBackup(page: Page, json: string): Promise<void> {
  const res = await send<{ ok: boolean }>(page, 'library:import', { json });
  if (!res.ok) throw new Error(`import failed: ${JSON.stringify(res)}`);
}

/**
 * Make the engine's next write of the area matching `cut` never return: the worker stops there
 * as if it had been stopped between two writes. `manifest`: hang on writing the manifest (the
 * new shards are in); `cleanup`: hang on removing the old shards (the manifest is in). The
 * relay's own deliveries (keys it announced) pass.
 */
export function armCut(worker: Worker, cut: 'manifest' | 'cleanup'): Promise<void> {
  return worker.evaluate((cut) => {
    const sync = chrome.storage.sync as unknown as Record<string, (...a: unknown[]) => unknown>;
    const g = globalThis as unknown as {
      __relay: { expected: Map<string, string> };
      __cutHit?: boolean;
    };
    const fromRelay = (keys: string[]) => keys.every((k) => g.__relay.expected.has(k));
    const set = sync.set!.bind(sync);
    const remove = sync.remove!.bind(sync);
    let manifestWritten = false;
    sync.set = (items: unknown, ...rest: unknown[]) => {
      const keys = Object.keys(items as object);
      if (!fromRelay(keys) && keys.includes('q:m')) {
        if (cut === 'manifest') {
          g.__cutHit = true;
          return new Promise(() => undefined);
        }
        manifestWritten = true;
      }
      return set(items, ...rest);
    };
    sync.remove = (keys: unknown, ...rest: unknown[]) => {
      const list = typeof keys === 'string' ? [keys] : (keys as string[]);
      if (cut === 'cleanup' && manifestWritten && !fromRelay(list)) {
        g.__cutHit = true;
        return new Promise(() => undefined);
      }
      return remove(keys, ...rest);
    };
  }, cut);
}

export function cutHit(worker: Worker): Promise<boolean> {
  return worker.evaluate(() => (globalThis as { __cutHit?: boolean }).__cutHit === true);
}

/**
 * Stop the profile's extension service worker, as Chrome does to an idle or hung one: the
 * DevTools protocol closes its target.
 */
export async function stopWorker(l: Launched): Promise<void> {
  const page = await l.context.newPage();
  const cdp = await l.context.newCDPSession(page);
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find(
    (t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${l.extensionId}/`),
  );
  if (!target) throw new Error('no service worker target');
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { targetInfos: now } = await cdp.send('Target.getTargets');
    if (!now.some((t) => t.targetId === target.targetId)) break;
    if (Date.now() > deadline) throw new Error('the service worker did not stop');
    await new Promise((r) => setTimeout(r, 100));
  }
  await cdp.detach();
  await page.close();
}
