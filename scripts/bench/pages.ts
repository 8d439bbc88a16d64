/**
 * `npm run bench -- pages`: per page, detection and our extraction beside bare Readability.
 */
import { launch } from '../../tests/e2e/fixtures';
import { baselineOnFreshPage, oursOnFreshPage } from '../lib/eval-page';
import { median, table } from '../lib/stats';
import { RUNS, pagesServer } from './common';

export async function benchPages(): Promise<void> {
  const { sets, server } = await pagesServer();
  const l = await launch({ server });
  const rows: (string | number)[][] = [];
  const detectAll: number[] = [];
  const ratios: number[] = [];
  let oursSum = 0;
  let theirsSum = 0;
  try {
    for (const set of sets) {
      for (const file of set.files) {
        const detect: number[] = [];
        const ours: number[] = [];
        const theirs: number[] = [];
        // Each measure on a fresh load of the page, in alternating order, so neither side
        // inherits the other's warm caches.
        const url = server.url(set.prefix + file);
        for (let i = 0; i < RUNS; i++) {
          const oursFirst = i % 2 === 0;
          if (!oursFirst) theirs.push(await baselineOnFreshPage(l, url));
          const o = await oursOnFreshPage(l, url);
          if (o.detectMs !== null) detect.push(o.detectMs);
          if (o.extractMs !== null) ours.push(o.extractMs);
          if (oursFirst) theirs.push(await baselineOnFreshPage(l, url));
        }
        const d = median(detect);
        const o = median(ours);
        const t = median(theirs);
        detectAll.push(...detect);
        if (ours.length) {
          oursSum += o;
          theirsSum += t;
          ratios.push(o / t);
        }
        rows.push([
          file,
          d.toFixed(2),
          ours.length ? o.toFixed(1) : '—',
          t.toFixed(1),
          ours.length ? (o / t).toFixed(2) : '—',
        ]);
      }
    }
  } finally {
    await l.close();
    await server.close();
  }
  console.log(`\n## Per page, median of ${RUNS} runs (ms)`);
  table(['page', 'always-on, own clock', 'our extraction', 'bare Readability', 'ratio'], rows);
  console.log('\n## Summary');
  table(
    ['measure', 'ours', 'anchor', 'goal'],
    [
      [
        'always-on, own clock (first statement → detection), median (ms)',
        median(detectAll).toFixed(2),
        '—',
        'see always-on',
      ],
      [
        'extraction, sum over pages (ms)',
        oursSum.toFixed(1),
        `${theirsSum.toFixed(1)} (bare Readability)`,
        '≤ 1.25 ×',
      ],
      ['extraction ÷ Readability, median ratio', median(ratios).toFixed(2), '1.00', '≤ 1.25'],
    ],
  );
}
