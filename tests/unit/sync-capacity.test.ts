/**
 * How many realistic entries fit storage.sync: Arabic titles of 60–120 characters built from the
 * words of the real articles in the shared corpus (every word equally likely, which compresses
 * worse than real headlines) and news-site URLs of about 90 characters.
 */
import fs from 'node:fs';
import path from 'node:path';
import { capacity } from '../support/sync-capacity';
import { arabicWords, sampleEntries } from '../support/sync-sample';

const SHARED = path.resolve(__dirname, '../../../shared');

function corpusWords(): string[] {
  const dir = path.join(SHARED, 'corpus/real');
  const texts: string[] = [];
  const golds = [
    ...fs.readdirSync(dir).map((f) => path.join(dir, f)),
    path.join(SHARED, 'fixtures/seed-article.gold.json'),
  ].filter((f) => f.endsWith('.gold.json'));
  for (const file of golds) {
    const g = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    if (g.language !== 'ar') continue;
    for (const v of [g.title, g.text, g.sections, g.mustContain])
      texts.push(([] as unknown[]).concat(v ?? []).join(' '));
  }
  return arabicWords(texts.join(' '));
}

test('the generated list looks like the brief says', () => {
  const words = corpusWords();
  expect(words.length).toBeGreaterThan(500);
  const entries = sampleEntries(1200, { words, seed: 11 });
  const titles = entries.map((e) => e.title.length);
  const urls = entries.map((e) => e.url.length);
  expect(Math.min(...titles)).toBeGreaterThanOrEqual(60);
  expect(Math.max(...titles)).toBeLessThanOrEqual(120);
  const meanUrl = urls.reduce((a, b) => a + b, 0) / urls.length;
  expect(meanUrl).toBeGreaterThan(80);
  expect(meanUrl).toBeLessThan(100);
  expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
});

test('at least 1,000 realistic entries fit storage.sync', async () => {
  const entries = sampleEntries(1500, { words: corpusWords(), seed: 5 });
  const report = await capacity(entries, { writeSample: 100 });
  console.log('sync capacity', report);
  expect(report.fit).toBeGreaterThanOrEqual(1000);
  expect(report.fit).toBeLessThan(entries.length);
  expect(report.documentBytes).toBeLessThanOrEqual(102_400);
  // Each synced change costs a new shard set, the manifest and removing the old set.
  expect(report.writesPer100Changes).toBeGreaterThan(0);
  expect(report.writesPer100Changes).toBeLessThanOrEqual(300);
  expect(report.writesPer100BurstChanges).toBeLessThan(report.writesPer100Changes);
}, 60_000);
