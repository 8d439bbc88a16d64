/**
 * `npm run bench -- restore`: restoring a backup of 10,000 entries with bodies (each body
 * sanitized and put under the image policy in Chrome's offscreen document), from the message to
 * the background's answer. `BENCH_RESTORE_BASE=<a build directory>` measures that build too, in
 * the same run and in alternating order (the build before the bodies were sent in batches sent one
 * message per body).
 */
import { launch, EXTENSION_DIR } from '../../tests/e2e/fixtures';
import { median, table } from '../lib/stats';

const ENTRIES = Number(process.env.BENCH_RESTORE_ENTRIES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const AT = '2025-03-01T00:00:00.000Z';
const PARAGRAPH = 'أعلنت وزارة الصحة عن خطة جديدة لتعزيز التعاون بين المستشفيات في المحافظات. ';

/** A backup as our export writes it: entries with an own-site photo and a tracker's in the body. */
function backupJson(n: number): string {
  const entries = Array.from({ length: n }, (_, i) => {
    const url = `https://news${i % 50}.example/2025/story-${i}`;
    const text = PARAGRAPH.repeat(8);
    return {
      canonicalUrl: url,
      savedAt: AT,
      updatedAt: AT,
      read: false,
      archived: false,
      favourite: false,
      progress: 0,
      tags: [],
      article: {
        url,
        title: `خبر ${i}`,
        byline: null,
        siteName: null,
        published: null,
        lang: 'ar',
        dir: 'rtl',
        excerpt: text.slice(0, 100),
        leadImage: null,
        wordCount: 96,
        readingMinutes: 1,
      },
      body: {
        content:
          `<p>${text}</p><img src="https://news${i % 50}.example/p/${i}.jpg" alt="">` +
          `<p>${text}</p><img src="https://pixel.tracker.example/p.jpg?i=${i}">`,
        text: `${text}\n\n${text}`,
        sections: [],
      },
    };
  });
  return JSON.stringify({ format: 'qari-backup', version: 1, exportedAt: AT, entries });
}

/** One restore into a fresh profile of `dir`'s build: ms from the message to the answer. */
async function restoreOnce(dir: string, json: string): Promise<number> {
  const l = await launch({ extensionDir: dir });
  try {
    const page = await l.extensionPage('import.html');
    const { ms, res } = await page.evaluate(async (j) => {
      const t0 = performance.now();
      const res = (await chrome.runtime.sendMessage({
        type: 'library:import',
        payload: { json: j },
      })) as { ok: boolean; added?: number };
      return { ms: performance.now() - t0, res };
    }, json);
    if (!res.ok) throw new Error(`restore failed: ${JSON.stringify(res)}`);
    return ms;
  } finally {
    await l.close();
  }
}

export async function benchRestore(): Promise<void> {
  const json = backupJson(ENTRIES);
  const builds: [string, string][] = [['ours', EXTENSION_DIR]];
  if (process.env.BENCH_RESTORE_BASE) builds.push(['base', process.env.BENCH_RESTORE_BASE]);
  const times = new Map<string, number[]>(builds.map(([name]) => [name, []]));
  for (let r = 0; r < RUNS; r++) {
    const order = r % 2 ? [...builds].reverse() : builds;
    for (const [name, dir] of order) times.get(name)!.push(await restoreOnce(dir, json));
  }
  console.log(
    `\n## Restore of a ${ENTRIES.toLocaleString('en')}-entry backup with bodies (${(json.length / 1e6).toFixed(1)} MB; median of ${RUNS}, fresh profile each)`,
  );
  table(
    ['build', 'message → answer (ms)', 'runs (ms)'],
    builds.map(([name, dir]) => {
      const xs = times.get(name)!;
      return [`${name} (${dir})`, Math.round(median(xs)), xs.map(Math.round).join(', ')];
    }),
  );
}
