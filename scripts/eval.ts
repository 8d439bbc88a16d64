/**
 * Evaluation harness: `npm run eval -- --pages DIR [--out FILE] [--strip-lang]`.
 * Builds the extension first when there is no build. A page that fails or never finishes loading
 * is recorded with what was measured and why, and the run goes on.
 * Serves every *.html in DIR on 127.0.0.1 (bytes as stored), opens each in Chromium with the
 * built extension, and records what the extension's own code paths produce: detection from the
 * always-on content script (asked through `tab:state`) and extraction (through `tab:extract`).
 * Where NAME.gold.json sits beside a page it prints a score per page and a summary, beside bare
 * Mozilla Readability run on the same page in the same browser.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { EXTENSION_DIR, ROOT, launch, type Launched } from '../tests/e2e/fixtures';
import { startServer } from '../tests/e2e/server';
import { runEvalPage, type EvalLine, type BaselineLine } from './lib/eval-page';
import { score, type Gold, type Score } from '../lib/eval/score';

interface Args {
  pages: string;
  out?: string;
  stripLang: boolean;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const pages = get('--pages');
  if (!pages) {
    console.error('usage: npm run eval -- --pages DIR [--out FILE] [--strip-lang]');
    process.exit(2);
  }
  return { pages: resolve(pages), out: get('--out'), stripLang: argv.includes('--strip-lang') };
}

const pct = (n: number) => n.toFixed(3);

interface Row {
  file: string;
  gold: Gold;
  line: EvalLine;
  base: BaselineLine;
  ours: Score | null;
  theirs: Score | null;
}

/** A fresh clone has no build: make one rather than wait for a service worker that never comes. */
function ensureBuild(): void {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  if (process.env.QARI_EXTENSION_DIR) throw new Error(`no extension build in ${EXTENSION_DIR}`);
  console.error(`No build in ${EXTENSION_DIR}: running npm run build first.`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
}

/** What a page that could not be measured records: nothing detected, nothing extracted, and why. */
function failedLine(file: string, err: unknown): { line: EvalLine; base: BaselineLine } {
  const empty = { title: null, byline: null, published: null, dir: null, sections: [], text: '' };
  return {
    line: {
      ...empty,
      file,
      detected: false,
      language: 'und',
      charset: null,
      timings: { detectMs: null, extractMs: null },
      error: err instanceof Error ? err.message.split('\n')[0] : String(err),
    },
    base: { ...empty, parseMs: 0 },
  };
}

function printTable(rows: Row[]): void {
  console.log(
    '\n| page | charset | detected (gold) | title ours/R | byline ours/R | date ours/R | dir ours/R | sections ours | F1 ours | F1 Readability | leaks ours/R | missing ours/R | note |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const o = r.ours;
    const t = r.theirs;
    const det = `${r.line.detected ? 'yes' : 'no'} (${r.gold.isArabicArticle ? 'yes' : 'no'})`;
    const note = r.line.error ?? '';
    if (!o || !t) {
      console.log(`| ${r.file} | ${r.line.charset ?? '—'} | ${det} | | | | | | | | | | ${note} |`);
      continue;
    }
    const f1 = (s: Score) => (s.f1 === null ? '—' : pct(s.f1));
    const yn = (b: boolean | null) => (b === null ? '—' : b ? '✓' : '✗');
    console.log(
      `| ${r.file} | ${r.line.charset ?? '—'} | ${det} | ${yn(o.titleOk)}/${yn(t.titleOk)} | ${yn(o.bylineOk)}/${yn(t.bylineOk)} | ${yn(o.dateOk)}/${yn(t.dateOk)} | ${r.line.dir ?? '—'}/${r.base.dir ?? '—'} | ${yn(o.sectionsOk)} | ${f1(o)} | ${f1(t)} | ${o.mustNotContainFound.length}/${t.mustNotContainFound.length} | ${o.mustContainMissing.length}/${t.mustContainMissing.length} | ${note} |`,
    );
  }
}

export function summarize(rows: Row[]) {
  const detectionRight = rows.filter((r) => r.line.detected === r.gold.isArabicArticle).length;
  const arts = rows.filter((r) => r.ours && r.theirs);
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
  const side = (pick: (r: Row) => Score | null, dir: (r: Row) => string | null) => {
    const scored = arts.map(pick).filter((s): s is Score => !!s);
    const f1s = scored.map((s) => s.f1).filter((x): x is number => x !== null);
    return {
      meanF1: mean(f1s),
      leaks: scored.reduce((a, s) => a + s.mustNotContainFound.length, 0),
      missing: scored.reduce((a, s) => a + s.mustContainMissing.length, 0),
      titlesWrong: scored.filter((s) => s.titleOk === false).length,
      bylinesWrong: scored.filter((s) => s.bylineOk === false).length,
      sectionsWrong: scored.filter((s) => s.sectionsOk === false).length,
      datesWrong: scored.filter((s) => s.dateOk === false).length,
      dirWrong: arts.filter((r) => dir(r) !== 'rtl').length,
    };
  };
  return {
    pages: rows.length,
    detectionRight,
    ours: side(
      (r) => r.ours,
      (r) => r.line.dir,
    ),
    readability: side(
      (r) => r.theirs,
      (r) => r.base.dir,
    ),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  ensureBuild();
  const files = readdirSync(args.pages)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const server = await startServer([{ prefix: '/eval/', dir: args.pages }], 0, {
    stripLang: args.stripLang,
  });
  const l: Launched = await launch({ server });
  const lines: string[] = [];
  const rows: Row[] = [];
  try {
    for (const file of files) {
      const url = server.url(`/eval/${encodeURIComponent(file)}`);
      const { line, base } = await runEvalPage(l, url, file).catch((err: unknown) =>
        failedLine(file, err),
      );
      if (line.error) console.error(`${file}: ${line.error}`);
      lines.push(JSON.stringify(line));
      const goldPath = join(args.pages, file.replace(/\.html$/, '.gold.json'));
      if (!existsSync(goldPath)) continue;
      const gold = JSON.parse(readFileSync(goldPath, 'utf8')) as Gold;
      const isArt = gold.isArabicArticle;
      rows.push({
        file: basename(file, '.html'),
        gold,
        line,
        base,
        ours: isArt ? score(line, gold) : null,
        theirs: isArt ? score(base, gold) : null,
      });
    }
  } finally {
    await l.close();
    await server.close();
  }
  if (args.out) writeFileSync(args.out, lines.join('\n') + '\n');
  else console.log(lines.join('\n'));
  if (rows.length) {
    printTable(rows);
    const s = summarize(rows);
    console.log(`\nDetection right on ${s.detectionRight}/${s.pages} pages.`);
    console.log(
      '| | mean F1 | clutter leaks | mustContain missing | titles wrong | bylines wrong | dates wrong | sections wrong | dir not rtl |',
    );
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [name, v] of [
      ['قارئ (ours)', s.ours],
      ['bare Readability', s.readability],
    ] as const)
      console.log(
        `| ${name} | ${pct(v.meanF1)} | ${v.leaks} | ${v.missing} | ${v.titlesWrong} | ${v.bylinesWrong} | ${v.datesWrong} | ${v.sectionsWrong} | ${v.dirWrong} |`,
      );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
