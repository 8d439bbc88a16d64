/**
 * The always-on benchmark's non-Arabic pages: most of the web a reader visits is not Arabic, and
 * the always-on script runs there too. Written for the bench (no network, no copied site): English
 * and French news articles and section pages in the usual news template (long navigation,
 * headline rails, footer), and heavy pages (a home page of thousands of cards, a very long
 * article with a large table). Deterministic: the same bytes every run.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EN = [
  'The city council voted on Tuesday to extend the night bus service to the northern districts.',
  'Officials said the cost would be covered by a small rise in parking fees near the stations.',
  'Residents who work late shifts had asked for the change for several years, the mayor said.',
  'The first routes will open in the spring, and the rest before the end of the year.',
  'Opposition members argued that the plan did not say how the buses would be kept on time.',
  'A report published last month found that one bus in five arrived more than ten minutes late.',
  'Transport unions welcomed the decision but warned that more drivers would have to be hired.',
  'The council will review the service after twelve months and publish the figures online.',
];
const FR = [
  'Le conseil municipal a voté mardi la prolongation des bus de nuit vers les quartiers nord.',
  'Selon les élus, le coût sera couvert par une légère hausse du stationnement près des gares.',
  'Les habitants qui travaillent tard le demandaient depuis plusieurs années, a déclaré le maire.',
  'Les premières lignes ouvriront au printemps, les autres avant la fin de l’année.',
  'L’opposition estime que le projet ne dit pas comment les horaires seront respectés.',
  'Un rapport publié le mois dernier montre qu’un bus sur cinq a plus de dix minutes de retard.',
  'Les syndicats saluent la décision mais rappellent qu’il faudra recruter des conducteurs.',
  'Le conseil fera le bilan après douze mois et publiera les chiffres en ligne.',
];

type Lang = 'en' | 'fr';
const TEXT: Record<Lang, string[]> = { en: EN, fr: FR };

const sentence = (lang: Lang, i: number) => TEXT[lang][i % TEXT[lang].length]!;
const paragraph = (lang: Lang, i: number) =>
  `<p>${[0, 1, 2].map((k) => sentence(lang, i * 3 + k)).join(' ')}</p>`;
const times = <T>(n: number, f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
const link = (lang: Lang, i: number, path: string) =>
  `<a href="/${path}/${i}">${sentence(lang, i).split(' ').slice(0, 6).join(' ')}</a>`;

function shell(lang: Lang, title: string, head: string, main: string): string {
  const nav = times(60, (i) => `<li>${link(lang, i, 'section')}</li>`).join('');
  const foot = times(40, (i) => `<li>${link(lang, i + 7, 'about')}</li>`).join('');
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${title}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 Georgia,serif;margin:0}nav li,footer li{display:inline-block;margin:0 6px}
.card{display:inline-block;width:280px;vertical-align:top;margin:8px}main{max-width:720px;margin:auto}</style>
${head}</head><body>
<header><a href="/">Daily Courier</a><nav><ul>${nav}</ul></nav></header>
${main}
<footer><ul>${foot}</ul><p>© Daily Courier</p></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({ page: 'bench' });</script>
</body></html>`;
}

const rail = (lang: Lang, n: number) =>
  `<aside><h2>Latest</h2><ul>${times(n, (i) => `<li>${link(lang, i + 3, 'news')}</li>`).join('')}</ul></aside>`;

function article(lang: Lang, paragraphs: number, extra = ''): string {
  const title = sentence(lang, 0);
  const head = `<meta property="og:type" content="article"><meta property="og:title" content="${title}">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${title}"}</script>`;
  const body = times(paragraphs, (i) => paragraph(lang, i)).join('\n');
  return shell(
    lang,
    title,
    head,
    `<main><article><h1>${title}</h1><p class="byline">Jane Doe</p>
<time datetime="2026-11-03">3 Nov 2026</time>${body}${extra}</article>${rail(lang, 20)}</main>`,
  );
}

function section(lang: Lang, cards: number): string {
  const card = (i: number) =>
    `<div class="card"><img alt="" width="280" height="160"><h3>${link(lang, i, 'news')}</h3><p>${sentence(lang, i + 1)}</p></div>`;
  return shell(lang, 'Daily Courier', '', `<main>${times(cards, card).join('\n')}</main>`);
}

const bigTable = (rows: number) =>
  `<table>${times(rows, (i) => `<tr><td>${i}</td><td>${sentence('en', i)}</td><td>${(i * 37) % 1000}</td></tr>`).join('')}</table>`;

/** Page files by name, and what kind of page each is. */
const PAGES: Record<string, () => string> = {
  'en-news-article.html': () => article('en', 14),
  'en-news-section.html': () => section('en', 80),
  'fr-news-article.html': () => article('fr', 14),
  'fr-news-section.html': () => section('fr', 80),
  'heavy-home-3000-cards.html': () => section('en', 3000),
  'heavy-article-400-paragraphs-table.html': () => article('en', 400, bigTable(1000)),
};

/** Writes the pages into `dir`; returns their file names. */
export function writeWebPages(dir: string, only: RegExp | null): string[] {
  const files = Object.keys(PAGES).filter((f) => !only || only.test(f));
  for (const f of files) writeFileSync(join(dir, f), PAGES[f]!());
  return files;
}
