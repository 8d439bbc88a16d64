/**
 * `npm run bench -- sync`: how much of the reading list storage.sync holds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DIR } from '../../tests/e2e/fixtures';
import { table } from '../lib/stats';
import { capacity } from '../../tests/support/sync-capacity';
import { arabicWords, sampleEntries } from '../../tests/support/sync-sample';

function corpusArabicWords(): string[] {
  const dir = join(SHARED_DIR, 'corpus/real');
  const files = [
    ...readdirSync(dir).map((f) => join(dir, f)),
    join(SHARED_DIR, 'fixtures/seed-article.gold.json'),
  ].filter((f) => f.endsWith('.gold.json'));
  const texts: string[] = [];
  for (const file of files) {
    const g = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (g.language !== 'ar') continue;
    for (const v of [g.title, g.text, g.sections, g.mustContain])
      texts.push(([] as unknown[]).concat(v ?? []).join(' '));
  }
  return arabicWords(texts.join(' '));
}

export async function benchSync(): Promise<void> {
  const entries = sampleEntries(1500, { words: corpusArabicWords(), seed: 5 });
  const r = await capacity(entries, { writeSample: 100 });
  console.log('\n## Reading-list sync (storage.sync: 102,400 bytes, 8,192 an item, 512 items)');
  table(
    ['', 'ours', 'goal'],
    [
      ['entries offered (Arabic titles 60–120 chars, ~90-char URLs)', r.entries, '—'],
      ['entries that fit the quota', r.fit, '≥ 1,000'],
      ['quota bytes used', r.documentBytes, '≤ 102,400'],
      ['bytes per entry', r.bytesPerEntry, '—'],
      ['write operations per 100 changes, 30 s apart', r.writesPer100Changes, '—'],
      ['write operations per 100 changes, 200 ms apart', r.writesPer100BurstChanges, '—'],
    ],
  );
}
